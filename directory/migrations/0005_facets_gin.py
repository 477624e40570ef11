"""On PostgreSQL, the entries' facet tokens as a stored tsvector with a GIN
index, so the country, type, service, language and tour filters are
intersected in the index with the text match (a bitmap AND) instead of being
tested on every matching row (and, where the planner tests rows anyway, the
test reads a stored vector rather than parsing text). SQLite has them in its
FTS5 table already; other databases have nothing to do."""

from django.db import migrations

FORWARD = [
    "ALTER TABLE directory_directoryentry ADD COLUMN IF NOT EXISTS facets_vector "
    "tsvector GENERATED ALWAYS AS (to_tsvector('simple', facets)) STORED",
    "CREATE INDEX IF NOT EXISTS directory_entry_facets_gin "
    "ON directory_directoryentry USING gin (facets_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS directory_entry_facets_gin",
    "ALTER TABLE directory_directoryentry DROP COLUMN IF EXISTS facets_vector",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_entry_cells")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD), elidable=False)]
