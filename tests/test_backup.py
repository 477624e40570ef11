"""backup_site / restore_site as an operator runs them: separate processes, the
archive restored into another, freshly migrated database (a second file on
SQLite, a second database on PostgreSQL) with its own media folder, then the two
sites compared: every page, revision, translation, user, permission, workflow
state and log entry, documents' stored text, media bytes, timestamps to the
microsecond, and the search."""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections, models

from tests.site_state import KEPT_TEXT

BASE_DIR = Path(__file__).resolve().parent.parent


def content_type_columns():
    """(table, column) of every content type and permission id, and of every
    reference to them."""
    columns = []
    for target in (ContentType, Permission):
        columns.append((target._meta.db_table, target._meta.pk.column))
        for model in apps.get_models(include_auto_created=True):
            for field in model._meta.local_fields:
                if (
                    isinstance(field, models.ForeignKey)
                    and field.related_model is target
                ):
                    columns.append((model._meta.db_table, field.column))
    return columns


def manage(*args, database_url, media_root, check=True):
    """Run `manage.py` in a new process, on its own database and media folder."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
        "TEST_MEDIA_ROOT": str(media_root),
    }
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(process):
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, f"{process.args[2:]} failed:\n{output}"
    return output


def run(*args, **kwargs):
    return finish(manage(*args, **kwargs))


def shell(code, **kwargs):
    return run("shell", "--no-imports", "-c", code, **kwargs)


class Databases:
    """The site under test, copied from the test session's database (the demo)
    into one the subprocesses can open, and an empty target for the restore."""

    def __init__(self, folder, blocker):
        self.folder = folder
        self.blocker = blocker
        self.vendor = connection.vendor
        self.test_name = connection.settings_dict["NAME"]
        self.created = []

    def url(self, name):
        if self.vendor == "sqlite":
            return f"sqlite:///{self.folder / name}.sqlite3"
        params = connection.settings_dict
        user = quote(params["USER"] or "", safe="")
        password = quote(params["PASSWORD"] or "", safe="")
        host = params["HOST"] or "127.0.0.1"
        return f"postgres://{user}:{password}@{host}:{params['PORT'] or 5432}/{name}"

    def pg_admin(self, statement):
        import psycopg

        params = connection.settings_dict
        with psycopg.connect(
            dbname="postgres",
            user=params["USER"],
            password=params["PASSWORD"],
            host=params["HOST"] or "127.0.0.1",
            port=params["PORT"] or 5432,
            autocommit=True,
        ) as admin:
            admin.execute(statement)

    def copy_of_test_database(self, name):
        with self.blocker.unblock():
            if self.vendor == "sqlite":
                connection.ensure_connection()
                with sqlite3.connect(self.folder / f"{name}.sqlite3") as copy:
                    connection.connection.backup(copy)
                copy.close()
                return self.url(name)
            # A template database must have no other session open: ours are
            # closed, and those other threads keep (the browser tests' live
            # server keeps its connection for a minute) are ended.
            connections.close_all()
        end_sessions = (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # noqa: S608
            f"WHERE datname = '{self.test_name}' AND pid <> pg_backend_pid()"
        )
        self.pg_admin(end_sessions)
        name = f"{self.test_name}_{name}"
        self.pg_admin(f'DROP DATABASE IF EXISTS "{name}"')
        self.pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.test_name}"')
        self.created.append(name)
        return self.url(name)

    def renumber_content_types(self, url, offset=10_000):
        """Give content types and permissions other ids than `migrate` gave, as
        on a site whose apps came one after the other."""
        statements = [
            f'UPDATE "{table}" SET "{column}" = "{column}" + {offset}'  # noqa: S608
            for table, column in content_type_columns()
        ]
        if self.vendor == "sqlite":
            database = sqlite3.connect(url.removeprefix("sqlite:///"))
        else:
            import psycopg

            database = psycopg.connect(url)
        with database:  # one transaction: foreign keys are checked at the end
            for statement in statements:
                database.execute(statement)
        database.close()

    def empty(self, name):
        if self.vendor == "sqlite":
            return self.url(name)
        name = f"{self.test_name}_{name}"
        self.pg_admin(f'DROP DATABASE IF EXISTS "{name}"')
        self.pg_admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return self.url(name)

    def drop(self):
        for name in self.created:
            self.pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def databases(tmp_path, demo_restored, django_db_blocker):
    if connection.vendor not in ("sqlite", "postgresql"):
        pytest.skip(f"no copy of a {connection.vendor} database")
    handler = Databases(tmp_path, django_db_blocker)
    yield handler
    handler.drop()


def differences(source, target):
    """Tables whose rows differ, with the first differing row of each."""
    found = {}
    for label in sorted(set(source) | set(target)):
        before, after = source.get(label, {}), target.get(label, {})
        if before == after:
            continue
        pk = min(
            (pk for pk in set(before) | set(after) if before.get(pk) != after.get(pk)),
            key=lambda pk: (len(pk), pk),
        )
        found[label] = {"pk": pk, "before": before.get(pk), "after": after.get(pk)}
    return found


def test_operator_restores_the_site_into_a_new_database(databases, tmp_path):
    source_media, target_media = tmp_path / "source-media", tmp_path / "target-media"
    shutil.copytree(settings.MEDIA_ROOT, source_media)
    target_media.mkdir()
    source = {
        "database_url": databases.copy_of_test_database("backup_source"),
        "media_root": source_media,
    }
    target = {
        "database_url": databases.empty("backup_target"),
        "media_root": target_media,
    }
    archive = tmp_path / "site.tar.gz"
    before, after = tmp_path / "before.json", tmp_path / "after.json"

    # The target is migrated meanwhile, then its content types renumbered: a
    # site migrated over the years does not number them as the source did.
    migrating = manage("migrate", "--no-input", "-v0", **target)
    try:
        shell(
            "import tests.site_state as s; s.enrich(); "
            f"s.write_snapshot({str(before)!r})",
            **source,
        )
        assert "Backed up" in run("backup_site", str(archive), **source)
        finish(migrating)
    finally:
        if migrating.poll() is None:
            migrating.kill()
            migrating.wait()
    databases.renumber_content_types(target["database_url"])

    assert "Restored" in run("restore_site", str(archive), "--no-input", **target)
    shell(
        "import tests.site_state as s; "
        f"s.write_snapshot({str(after)!r}, visit_search_page=True); "
        "s.edit_after_restore()",
        **target,
    )
    source_state = json.loads(before.read_text())
    restored = json.loads(after.read_text())

    assert restored["content_type_ids"] != source_state["content_type_ids"]
    assert source_state["page_count"] > 50
    assert restored["page_count"] == source_state["page_count"]
    assert restored["pages"] == source_state["pages"]
    assert restored["revision_count"] == source_state["revision_count"]
    assert restored["log_entries"] == source_state["log_entries"] > 0
    # The documents' text comes back as stored, never re-extracted.
    assert restored["documents"] == source_state["documents"]
    assert KEPT_TEXT in [text for _title, text in restored["documents"].values()]
    # Every document with text kept it (the tours' recordings have none).
    assert all(
        text
        for title, text in restored["documents"].values()
        if not title.startswith("Demo media:")
    )
    assert restored["media"] == source_state["media"]
    assert len(restored["media"]) > len(restored["documents"])
    # Microseconds, not the milliseconds JSON dumps usually keep.
    assert restored["timestamps"] == source_state["timestamps"]
    assert any(
        datetime.datetime.fromisoformat(stamp).microsecond % 1000
        for stamp in restored["timestamps"]
        if stamp
    )
    assert differences(source_state["tables"], restored["tables"]) == {}
    # The search index is rebuilt: each document is found by a word of its
    # stored text, each English page by its title, on the site search too.
    assert [check for check in restored["search"] if not check[3]] == []
    status, html = restored["site_search"]
    assert status == 200
    assert "<mark>zanzibarquoll</mark>" in html

    print(
        f"\n{restored['vendor']}: {restored['page_count']} pages, "
        f"{restored['revision_count']} revisions, {len(restored['documents'])} "
        f"documents, {len(restored['media'])} media files, "
        f"{restored['log_entries']} log entries, {len(restored['tables'])} tables "
        f"({sum(len(rows) for rows in restored['tables'].values())} rows) compared"
    )


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Not a backup"):
        call_command("restore_site", str(bogus), no_input=True)
    with pytest.raises(CommandError, match="No such archive"):
        call_command("restore_site", str(tmp_path / "missing.tar.gz"), no_input=True)
