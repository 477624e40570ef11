"""A copy of the demo site inside the test database, taken once per session.

A transactional test (the browser tests, the backup test) empties the database
when it ends; loading the demo again takes about a minute, copying it back from
the snapshot a second. The copy lives beside the real tables: on PostgreSQL in
its own schema, on SQLite (one in-memory database) under a prefix. Neither is
seen by Django's flush, which empties the models' tables only."""

# The SQL is built from table and column names read from the database's own
# catalogue, quoted: nothing typed by anyone reaches it.
# ruff: noqa: S608

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

SCHEMA = "demo_snapshot"
PREFIX = "demo_snapshot__"


def _quote(name):
    return connection.ops.quote_name(name)


def _copy_name(table):
    if connection.vendor == "postgresql":
        return f"{SCHEMA}.{_quote(table)}"
    return _quote(PREFIX + table)


def _tables():
    """Every table holding the site's rows, {name: the columns to copy when
    not all (a SQLite virtual table, a PostgreSQL table with a generated
    column), else None}: the models' tables and the search backend's own (the SQLite
    full-text table is unmanaged, and its rowid is the key of its entries),
    without SQLite's internal shadow tables of that full-text table."""
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        virtual = {}
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"PRAGMA table_info({_quote(name)})")
                virtual[name] = [_quote(row[1]) for row in cursor.fetchall()]
        shadows = {n for n in names for v in virtual if n.startswith(v + "_")}
        generated = {}
        if connection.vendor == "postgresql":
            # A generated column (a search vector) is computed again on insert.
            cursor.execute(
                "SELECT table_name, column_name, is_generated FROM "
                "information_schema.columns WHERE table_schema = current_schema() "
                "ORDER BY table_name, ordinal_position"
            )
            rows = cursor.fetchall()
            with_generated = {t for t, _, g in rows if g == "ALWAYS"}
            for table, column, kind in rows:
                if table in with_generated and kind != "ALWAYS":
                    generated.setdefault(table, []).append(_quote(column))
    return {
        name: virtual.get(name) or generated.get(name)
        for name in names
        if name not in shadows
        and name != "django_migrations"
        and not name.startswith(PREFIX)
    }


def take():
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table, columns in tables.items():
            if connection.vendor == "sqlite":
                cursor.execute(f"DROP TABLE IF EXISTS {_copy_name(table)}")
            virtual = columns and connection.vendor == "sqlite"
            rowid = "rowid AS snapshot_rowid, " if virtual else ""
            cursor.execute(
                f"CREATE TABLE {_copy_name(table)} AS "
                f"SELECT {rowid}* FROM {_quote(table)}"
            )


def restore():
    """Put the snapshot's rows back into every table (foreign keys are checked
    at the end of the transaction, so the order does not matter)."""
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("TRUNCATE " + ", ".join(_quote(t) for t in tables))
        else:
            # Some foreign keys (made by raw SQL in migrations) are immediate.
            cursor.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                cursor.execute(f"DELETE FROM {_quote(table)}")
        # Triggers fill some full-text tables from their source rows: those
        # are emptied again and copied last, with their rowids.
        for table, columns in sorted(tables.items(), key=lambda item: bool(item[1])):
            if columns and connection.vendor == "postgresql":
                listed = ", ".join(columns)
                cursor.execute(
                    f"INSERT INTO {_quote(table)} ({listed}) "
                    f"SELECT {listed} FROM {_copy_name(table)}"
                )
            elif columns:
                listed = ", ".join(columns)
                cursor.execute(f"DELETE FROM {_quote(table)}")
                cursor.execute(
                    f"INSERT INTO {_quote(table)} (rowid, {listed}) "
                    f"SELECT snapshot_rowid, {listed} FROM {_copy_name(table)}"
                )
            else:
                cursor.execute(
                    f"INSERT INTO {_quote(table)} SELECT * FROM {_copy_name(table)}"
                )
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True)
        ):
            cursor.execute(statement)
