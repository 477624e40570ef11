"""The directory's full-text index, vendor by vendor: an FTS5 table kept in sync
with directory_directoryentry by triggers on SQLite; a generated tsvector column
with a GIN index on PostgreSQL. Other vendors fall back to LIKE (search.py)."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE directory_entry_fts USING fts5(
        title, place, body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
    )""",
    """CREATE TRIGGER directory_entry_fts_insert AFTER INSERT ON directory_directoryentry
    BEGIN
        INSERT INTO directory_entry_fts (rowid, title, place, body)
        VALUES (new.page_id, new.sort_title,
                new.city_key || ' ' || new.region || ' ' || new.postcode,
                new.search_text);
    END""",
    """CREATE TRIGGER directory_entry_fts_delete AFTER DELETE ON directory_directoryentry
    BEGIN
        DELETE FROM directory_entry_fts WHERE rowid = old.page_id;
    END""",
    """CREATE TRIGGER directory_entry_fts_update AFTER UPDATE ON directory_directoryentry
    BEGIN
        DELETE FROM directory_entry_fts WHERE rowid = old.page_id;
        INSERT INTO directory_entry_fts (rowid, title, place, body)
        VALUES (new.page_id, new.sort_title,
                new.city_key || ' ' || new.region || ' ' || new.postcode,
                new.search_text);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS directory_entry_fts_update",
    "DROP TRIGGER IF EXISTS directory_entry_fts_delete",
    "DROP TRIGGER IF EXISTS directory_entry_fts_insert",
    "DROP TABLE IF EXISTS directory_entry_fts",
]
POSTGRESQL_FORWARD = [
    """ALTER TABLE directory_directoryentry ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(sort_title, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(city_key, '') || ' ' ||
                  coalesce(region, '') || ' ' || coalesce(postcode, '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(search_text, '')), 'C')
    ) STORED""",
    "CREATE INDEX directory_entry_search_vector ON directory_directoryentry "
    "USING GIN (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS directory_entry_search_vector",
    "ALTER TABLE directory_directoryentry DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
