"""Sites in databases of their own, run as an operator runs them: `manage.py`
in separate processes, each pointed at its own database and media folder (the
backup and migration tests)."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, models

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
        import psycopg

        for name in self.created:
            # FORCE ends the sessions of our role but not an autovacuum worker
            # (the server's own) analysing a database just filled: it is done
            # within moments, so try again for a while.
            for attempt in range(40):
                try:
                    self.pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    break
                except (
                    psycopg.errors.InsufficientPrivilege,
                    psycopg.errors.ObjectInUse,
                ):
                    if attempt == 39:
                        raise
                    time.sleep(0.25)


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
