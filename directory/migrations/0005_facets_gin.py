"""On PostgreSQL, a GIN index on the entries' facet tokens, so the country,
type, service, language and tour filters are intersected in the index with the
text match (a bitmap AND) instead of being tested on every matching row. SQLite
has them in its FTS5 table already; other databases have nothing to do."""

from django.db import migrations

INDEX = "directory_entry_facets_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON directory_directoryentry "
            "USING gin (to_tsvector('simple', facets))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_entry_cells")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
