"""PostgreSQL: one GIN index per language instead of one for all, without a
pending list.

A search reads one language. With one index for every language, each query
also had to intersect with the language's own lexeme ("lang_fr"), whose
posting list holds every entry of that language: 1-3 ms per query, six or
more queries per search. A partial index per language holds only that
language's entries. `fastupdate` is off because a GIN pending list (up to
4 MB of not yet merged entries) is read by every search until a vacuum
merges it: 2-3 ms per query after a batch of publishing. The language/type
btree goes: nothing reads by it, and the planner chose it over the GIN index
for "does this language have any match?", then filtered every row."""

from django.db import migrations

LANGUAGES = ["en", "fr", "it", "pt", "hr"]
COLUMNS = {
    "vector": "portal_search_entry_vector",
    "title_vector": "portal_search_entry_title_vector",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column, name in COLUMNS.items():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        for code in LANGUAGES:
            schema_editor.execute(
                f"CREATE INDEX {name}_{code} ON portal_search_searchentry "
                f"USING gin ({column}) WITH (fastupdate = off) "
                f"WHERE language = '{code}'"
            )
    # The language lexemes the single index needed.
    schema_editor.execute(
        "UPDATE portal_search_searchentry SET "
        "vector = ts_delete(vector, ARRAY['lang_' || language]), "
        "title_vector = ts_delete(title_vector, ARRAY['lang_' || language])"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column, name in COLUMNS.items():
        for code in LANGUAGES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}_{code}")
        schema_editor.execute(
            f"CREATE INDEX {name} ON portal_search_searchentry USING gin ({column})"
        )
    schema_editor.execute(
        "UPDATE portal_search_searchentry SET "
        "vector = vector || array_to_tsvector(ARRAY['lang_' || language]), "
        "title_vector = title_vector || array_to_tsvector(ARRAY['lang_' || language])"
    )


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_language_index")]

    operations = [
        migrations.RemoveIndex(
            model_name="searchentry", name="portal_sear_languag_cadd3b_idx"
        ),
        migrations.RunPython(forwards, backwards),
    ]
