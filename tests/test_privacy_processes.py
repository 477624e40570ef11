"""A privacy change made in one process reaches every other process on its next
request. gunicorn (two workers, production settings, a file cache shared by
the processes, the page cache on) serves a copy of the test database; another
process (`manage.py shell`, as an administrator's shell or a task worker would)
makes a case study and a centre private, then public again; each time the
server's next answers follow at once, without waiting for any cache timeout."""

import contextlib
import http.client
import json
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from portal.cache import HIT_HEADER

BASE_DIR = Path(__file__).resolve().parents[1]
PORTS = range(8103, 8110)  # the ports this project's servers may use
STUDY = "/en/case-studies/one-stop-shop-brussels/"
STUDY_TITLE = "A one-stop shop open without appointment in Brussels"
STUDIES = "/en/case-studies/"
DIRECTORY = "/en/centres/"
CENTRE_TITLE = "Ohjaamo Tampere"

# The test database (with the demo) is created only for tests marked so; this
# test copies it and then reaches it through other processes only.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

MAKE_PRIVATE = """
from wagtail.models import Page, PageViewRestriction
PageViewRestriction.objects.create(
    page=Page.objects.get(url_path="/home/case-studies/one-stop-shop-brussels/"),
    restriction_type="password", password="s3cret",
)
PageViewRestriction.objects.create(
    page=Page.objects.get(url_path="/home/centres/ohjaamo-tampere/"),
    restriction_type="login",
)
"""
MAKE_PUBLIC = """
from wagtail.models import PageViewRestriction
PageViewRestriction.objects.all().delete()
"""


def free_port():
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 8103-8109")


@pytest.fixture(scope="module")
def site_env(django_db_setup, django_db_blocker, tmp_path_factory):
    """The environment of the other processes: production settings on a copy
    of the test database (the demo content) and a shared file cache."""
    if connection.vendor != "sqlite":
        pytest.skip("copies the SQLite test database")
    folder = tmp_path_factory.mktemp("privacy-processes")
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(folder / "db.sqlite3")
        connection.connection.backup(target)
        target.close()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "AWS_", "ELASTIC"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.settings_served",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        PORTAL_CACHE_DIR=str(folder / "cache"),
        PORTAL_PAGE_CACHE_TIMEOUT="600",
        LOG_LEVEL="ERROR",
    )
    env["_log"] = str(folder / "server.log")
    return env


class Server:
    """gunicorn on 127.0.0.1, two worker processes (a context manager)."""

    def __init__(self, env):
        self.env = {k: v for k, v in env.items() if not k.startswith("_")}
        self.log_path = env["_log"]
        self.port = free_port()

    def __enter__(self):
        self.log = open(self.log_path, "wb")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--threads",
                "2",
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if self.get("/healthz")[0] == 200:
                    return self
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not start: " + Path(self.log_path).read_text())

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def get(self, path):
        """(status, headers, body) of an anonymous request for `path`."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(
                "GET",
                path,
                headers={"Host": "localhost", "X-Forwarded-Proto": "https"},
            )
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace")
            return response.status, dict(response.getheaders()), body
        finally:
            conn.close()


def in_another_process(env, code):
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env={k: v for k, v in env.items() if not k.startswith("_")},
        check=True,
        capture_output=True,
    )


def shown(server):
    """What the server's next answers show of the study and the centre."""
    status, headers, body = server.get(STUDY)
    page_served = status == 200 and STUDY_TITLE in body
    geojson = json.loads(server.get(DIRECTORY + "geojson/")[2])
    return {
        "page": page_served,
        "page from the cache": headers.get(HIT_HEADER) == "hit",
        "case-study index": STUDY_TITLE in server.get(STUDIES)[2],
        # The list is paged: the Finnish centres share the country's first page.
        "directory": CENTRE_TITLE in server.get(DIRECTORY + "?country=FI")[2],
        "map": CENTRE_TITLE in [f["properties"]["name"] for f in geojson["features"]],
        "search": CENTRE_TITLE in server.get(DIRECTORY + "?q=tampere")[2],
    }


def test_privacy_changed_in_another_process_is_served_at_once(site_env):
    with Server(site_env) as server:
        for _ in range(3):  # each worker stores or reads the pages
            before = shown(server)
        assert before == dict.fromkeys(before, True)

        in_another_process(site_env, MAKE_PRIVATE)
        assert shown(server) == dict.fromkeys(before, False)
        assert "Password required" in server.get(STUDY)[2]

        in_another_process(site_env, MAKE_PUBLIC)
        after = shown(server)
        assert after.pop("page from the cache") is False  # rendered afresh
        assert after == dict.fromkeys(after, True)
