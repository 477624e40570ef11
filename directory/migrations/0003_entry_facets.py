"""Filter tokens in their own full-text column: on SQLite the FTS5 table gets a
`facets` column (rebuilt, with its triggers, and refilled from the entries), so
country, type, service, language and tour filters intersect inside FTS5 instead
of scanning the entry table."""

from django.db import migrations, models

FTS_COLUMNS = "new.sort_title, new.city_key || ' ' || new.region || ' ' || new.postcode, new.search_text, new.facets"
SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS directory_entry_fts_update",
    "DROP TRIGGER IF EXISTS directory_entry_fts_delete",
    "DROP TRIGGER IF EXISTS directory_entry_fts_insert",
    "DROP TABLE IF EXISTS directory_entry_fts",
    """CREATE VIRTUAL TABLE directory_entry_fts USING fts5(
        title, place, body, facets,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
    )""",
    f"""CREATE TRIGGER directory_entry_fts_insert AFTER INSERT ON directory_directoryentry
    BEGIN
        INSERT INTO directory_entry_fts (rowid, title, place, body, facets)
        VALUES (new.page_id, {FTS_COLUMNS});
    END""",
    """CREATE TRIGGER directory_entry_fts_delete AFTER DELETE ON directory_directoryentry
    BEGIN
        DELETE FROM directory_entry_fts WHERE rowid = old.page_id;
    END""",
    f"""CREATE TRIGGER directory_entry_fts_update AFTER UPDATE ON directory_directoryentry
    BEGIN
        DELETE FROM directory_entry_fts WHERE rowid = old.page_id;
        INSERT INTO directory_entry_fts (rowid, title, place, body, facets)
        VALUES (new.page_id, {FTS_COLUMNS});
    END""",
]


def token(kind, value):
    import unicodedata

    folded = "".join(
        c
        for c in unicodedata.normalize("NFKD", str(value or ""))
        if not unicodedata.combining(c)
    ).casefold()
    return "zz" + kind + "".join(c for c in folded if c.isalnum())


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    Entry = apps.get_model("directory", "DirectoryEntry")
    for entry in Entry.objects.all().iterator():
        tokens = [
            token("l", entry.locale_id),
            token("c", entry.country),
            token("t", entry.centre_type),
        ]
        tokens += [token("s", slug) for slug in entry.services.split()]
        tokens += [token("g", code) for code in entry.languages.split()]
        if entry.has_tour:
            tokens.append(token("v", "tour"))
        Entry.objects.filter(pk=entry.pk).update(facets=" ".join(tokens))
    for statement in SQLITE_FORWARD:
        schema_editor.execute(statement)
    schema_editor.execute(
        "INSERT INTO directory_entry_fts (rowid, title, place, body, facets) "
        "SELECT page_id, sort_title, city_key || ' ' || region || ' ' || postcode, "
        "search_text, facets FROM directory_directoryentry"
    )


def backward(apps, schema_editor):
    """Back to 0002's three-column table and triggers."""
    import importlib

    if schema_editor.connection.vendor != "sqlite":
        return
    previous = importlib.import_module(
        "directory.migrations.0002_directory_search_index"
    )
    for statement in previous.SQLITE_BACKWARD + previous.SQLITE_FORWARD:
        schema_editor.execute(statement)
    schema_editor.execute(
        "INSERT INTO directory_entry_fts (rowid, title, place, body) "
        "SELECT page_id, sort_title, city_key || ' ' || region || ' ' || postcode, "
        "search_text FROM directory_directoryentry"
    )


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_directory_search_index")]

    operations = [
        migrations.AddField(
            model_name='directoryentry',
            name='facets',
            field=models.CharField(blank=True, help_text='Filter tokens (language, country, type, services, languages, tour) indexed in their own full-text column, so filters intersect inside the full-text index.', max_length=1000),
        ),
        migrations.RunPython(forward, backward),
    ]
