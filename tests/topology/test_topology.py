"""Production as it runs: nginx in front of two gunicorn app servers sharing
PostgreSQL, Redis and media (a folder on one machine, or an S3-compatible
bucket), with a task worker. `make test-topology` (run by .ci/run after the
suite on PostgreSQL); skipped elsewhere.

Each proof goes through one app server and checks the other (or nginx), on
the next request."""

import io
import os
import re
import signal
import tempfile
import threading
import time

import pytest
import requests

from .stack import ADMIN, HOST, Stack

DATABASE_URL = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not os.environ.get("PORTAL_TOPOLOGY") or not DATABASE_URL.startswith("postgres"),
    reason="the topology test runs with make test-topology (PostgreSQL)",
)
FIGURES = {}


@pytest.fixture(scope="module")
def base():
    with tempfile.TemporaryDirectory(prefix="portal-topology-") as folder:
        os.chmod(folder, 0o755)  # noqa: S103 (nginx's workers read the media here)
        stack = Stack(DATABASE_URL, folder)
        try:
            stack.start_services()
            stack.prepare_site()
            yield stack
        finally:
            stack.stop()
            if FIGURES:
                print("\nTopology figures:")
                for name, value in FIGURES.items():
                    print(f"  {name}: {value}")


@pytest.fixture(scope="module", params=["local", "s3"])
def stack(base, request):
    base.start_site(request.param)
    try:
        yield base
    finally:
        base.stop_site()


class AdminSession:
    """A signed-in editor's cookies, sent to whichever app server is asked
    (the session cookie is Secure: sent by hand over loopback HTTP)."""

    def __init__(self, stack):
        self.stack = stack
        self.cookies = {}

    def request(self, method, server, path, data=None, files=None):
        headers = {"Referer": f"https://{HOST}{path}"}
        if method == "POST":
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        response = self.stack.app_request(
            method,
            server,
            path,
            headers=headers,
            cookies=self.cookies,
            data=data,
            files=files,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def login(self, server):
        self.request("GET", server, "/admin/login/")
        response = self.request(
            "POST",
            server,
            "/admin/login/",
            data={
                "username": ADMIN[0],
                "password": ADMIN[1],
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        assert response.status_code == 302, response.text[:500]
        return self


def shell(stack, code):
    """The last line `manage.py shell -c code` prints, with the site's settings."""
    return stack.manage("shell", "-c", code, mode=stack.mode).stdout.split()[-1]


def page_id(stack, path):
    """The id of the live page at /<language>/<slug>/."""
    language, slug = path.strip("/").split("/")
    return int(
        shell(
            stack,
            (
                "from wagtail.models import Page\n"
                f"print(Page.objects.get(slug={slug!r}, locale__language_code={language!r}).pk)"
            ),
        )
    )


def test_static_media_and_health_through_nginx(stack):
    health = stack.get("/healthz")
    assert health.status_code == 200
    plain = requests.get(f"http://127.0.0.1:{stack.ports['http']}/healthz", timeout=10)
    assert plain.status_code == 200
    assert (
        requests.get(
            f"http://127.0.0.1:{stack.ports['http']}/en/",
            timeout=10,
            allow_redirects=False,
        ).status_code
        == 301
    )

    home = stack.get("/en/")
    assert home.status_code == 200 and "Keep In Pact" in home.text
    css = re.search(r'href="(/static/[^"]+\.css)"', home.text).group(1)
    static = stack.get(css, headers={"Accept-Encoding": "gzip"})
    assert static.status_code == 200
    assert "immutable" in static.headers["Cache-Control"]
    # nginx answered it: the app servers saw no request for it (but did log
    # the page's).
    assert css not in stack.app_access_log()
    assert "GET /en/ " in stack.app_access_log()
    assert stack.get("/media/original_images/anything.jpg").status_code == 404
    assert stack.get("/media/documents/anything.pdf").status_code == 404


def test_an_image_uploaded_through_a_is_served_through_b(stack):
    from PIL import Image

    editor = AdminSession(stack).login("app_a")
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (20, 110, 160)).save(buffer, "PNG")
    title = f"Topology image {stack.mode}"
    response = editor.request(
        "POST",
        "app_a",
        "/admin/images/add/",
        data={"title": title, "collection": "1"},
        files={"file": (f"topology-{stack.mode}.png", buffer.getvalue(), "image/png")},
    )
    assert response.status_code == 302, response.text[:800]
    listing = editor.request(
        "GET", "app_b", f"/admin/images/?q={title.replace(' ', '+')}"
    )
    assert title in listing.text
    image_id = re.search(r"/admin/images/(\d+)/", listing.text).group(1)
    edit = editor.request("GET", "app_b", f"/admin/images/{image_id}/")
    rendition = re.search(r'src="([^"]*/media/images/[^"]+)"', edit.text).group(1)
    path = rendition.split(f"{HOST}:{stack.ports['https']}")[-1]
    served = stack.get(path)
    assert served.status_code == 200, (path, served.status_code)
    assert path not in stack.app_access_log()  # sent by nginx
    assert served.headers["Content-Type"].startswith("image/")
    assert (
        served.content[:4] in (b"\x89PNG", b"RIFF") or served.content[:2] == b"\xff\xd8"
    )


def test_documents_go_through_the_privacy_check_and_nginx_sends_them(stack):
    editor = AdminSession(stack).login("app_a")
    content = b"%PDF-1.4\n% topology document\n" + os.urandom(2048)
    title = f"Topology document {stack.mode}"
    response = editor.request(
        "POST",
        "app_a",
        "/admin/documents/add/",
        data={"title": title, "collection": "1"},
        files={"file": (f"topology-{stack.mode}.pdf", content, "application/pdf")},
    )
    assert response.status_code == 302, response.text[:800]
    url = shell(
        stack,
        "from wagtail.documents.models import Document\n"
        f"print(Document.objects.get(title={title!r}).url)",
    )
    assert url.startswith("/documents/")
    served = stack.get(url)
    assert served.status_code == 200
    assert served.content == content
    assert "X-Accel-Redirect" not in served.headers
    if stack.mode == "local":
        # The app answered with X-Accel-Redirect (no bytes); nginx sent them.
        direct = stack.app_get("app_b", url)
        assert direct.headers.get("X-Accel-Redirect", "").startswith(
            "/media/documents/"
        )
        assert direct.content == b""
        assert stack.get(direct.headers["X-Accel-Redirect"]).status_code == 404


def test_publishing_through_a_is_fresh_through_b(stack):
    editor = AdminSession(stack).login("app_a")
    target = "/en/outputs/"
    pk = page_id(stack, target)
    # B (and nginx) have the page, and the home page's menu links it, cached.
    for _ in range(2):
        assert stack.app_get("app_b", target).status_code == 200
        assert target in stack.app_get("app_b", "/en/").text
    assert stack.app_get("app_b", target).headers.get("X-Page-Cache") == "hit"

    response = editor.request(
        "POST",
        "app_a",
        f"/admin/pages/{pk}/unpublish/",
        data={"csrfmiddlewaretoken": editor.cookies["csrftoken"]},
    )
    assert response.status_code == 302, response.text[:500]
    assert stack.app_get("app_b", target).status_code == 404
    assert f'href="{target}"' not in stack.app_get("app_b", "/en/").text
    assert stack.get(target).status_code == 404

    response = editor.request(
        "POST",
        "app_a",
        f"/admin/bulk/wagtailcore/page/publish/?id={pk}",
        data={"csrfmiddlewaretoken": editor.cookies["csrftoken"]},
    )
    assert response.status_code == 302, response.text[:500]
    started = time.perf_counter()
    assert stack.app_get("app_b", target).status_code == 200
    FIGURES[f"publish on A to fresh page on B ({stack.mode})"] = (
        f"{(time.perf_counter() - started) * 1000:.0f} ms (the next request)"
    )
    assert f'href="{target}"' in stack.app_get("app_b", "/en/").text
    assert stack.get(target).status_code == 200


def test_a_page_made_private_on_a_is_refused_on_b(stack):
    editor = AdminSession(stack).login("app_a")
    target = "/en/competences/"
    pk = page_id(stack, target)
    assert stack.app_get("app_b", target).status_code == 200
    assert stack.app_get("app_b", target).headers.get("X-Page-Cache") == "hit"
    response = editor.request(
        "POST",
        "app_a",
        f"/admin/pages/{pk}/privacy/",
        data={
            "restriction_type": "login",
            "csrfmiddlewaretoken": editor.cookies["csrftoken"],
        },
    )
    assert response.status_code == 200 and "set_privacy_done" in response.text
    try:
        refused = stack.app_get("app_b", target)
        assert refused.status_code == 302 and "/login" in refused.headers["Location"]
        assert stack.get(target).status_code == 302
    finally:
        editor.request(
            "POST",
            "app_a",
            f"/admin/pages/{pk}/privacy/",
            data={
                "restriction_type": "none",
                "csrfmiddlewaretoken": editor.cookies["csrftoken"],
            },
        )
    assert stack.app_get("app_b", target).status_code == 200


def test_an_admin_session_opened_on_a_works_on_b(stack):
    editor = AdminSession(stack).login("app_a")
    dashboard = editor.request("GET", "app_b", "/admin/")
    assert dashboard.status_code == 200
    assert "Sign out" in dashboard.text or "Log out" in dashboard.text
    assert stack.app_get("app_b", "/admin/").status_code == 302  # no cookie, no entry


def test_a_bulk_translation_queued_on_a_is_done_by_the_worker(stack):
    language = {"local": "hr", "s3": "it"}[stack.mode]
    editor = AdminSession(stack).login("app_a")
    news = page_id(stack, "/en/news/")
    locale_id = shell(
        stack,
        (
            "from wagtail.models import Locale\n"
            f"print(Locale.objects.get(language_code={language!r}).pk)"
        ),
    )
    count = (
        "from wagtail.models import Page, Locale\n"
        f"news = Page.objects.get(pk={news})\n"
        f"print(Page.objects.filter(locale__language_code={language!r}, "
        "translation_key__in=news.get_descendants().values('translation_key')).count())"
    )
    before = int(shell(stack, count))
    response = editor.request(
        "POST",
        "app_a",
        f"/admin/localize/submit/page/{news}/",
        data={
            "locales": [locale_id],
            "include_subtree": "on",
            "csrfmiddlewaretoken": editor.cookies["csrftoken"],
        },
    )
    assert response.status_code == 302, response.text[:800]
    deadline = time.monotonic() + 120
    after = before
    while time.monotonic() < deadline:
        after = int(shell(stack, count))
        if after > before:
            break
        time.sleep(1)
    assert after > before, stack.log_tail("worker")
    jobs = editor.request("GET", "app_b", "/admin/jobs/")
    assert "Translate a section" in jobs.text


def test_a_graceful_reload_of_one_app_server_drops_no_request(stack):
    if stack.mode != "local":
        pytest.skip("once is enough: the reload does not depend on the media")
    paths = ["/en/", "/en/news/", "/en/events/", "/fr/", "/en/guide/", "/healthz"]
    for path in paths:
        stack.get(path)
    errors, count = [], [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + 30

    def client(offset):
        session = requests.Session()
        index = offset
        while time.monotonic() < stop_at:
            path = paths[index % len(paths)]
            index += 1
            try:
                response = session.get(
                    stack.url(path),
                    verify=stack.certificate(),
                    timeout=30,
                    allow_redirects=False,
                )
                if response.status_code >= 500:
                    errors.append(f"{response.status_code} {path}")
            except requests.RequestException as error:
                errors.append(f"{type(error).__name__} {path}")
            with lock:
                count[0] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    time.sleep(10)
    pid = int((stack.workdir / "app_a.pid").read_text())
    os.kill(pid, signal.SIGHUP)
    for thread in threads:
        thread.join()
    FIGURES["graceful reload under load"] = (
        f"{count[0]} requests in 30 s from 50 clients through nginx, "
        f"{len(errors)} errors, HUP of app server A at 10 s"
    )
    assert not errors, errors[:10]
    assert stack.app_get("app_a", "/healthz").status_code == 200
