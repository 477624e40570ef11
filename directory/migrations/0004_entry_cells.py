"""Geographic cell tokens in the entries' facets (see index.cell_token), so
"near me" with a search or filters intersects place inside FTS5. Existing rows
get their cells appended; on SQLite the update triggers refresh the full-text
index."""

import math

from django.db import migrations

CELL_SIZES = (1, 5)


def cell_token(size, latitude, longitude):
    def number(value):
        value = math.floor(value / size)
        return f"m{-value}" if value < 0 else str(value)

    return f"zzk{size}n{number(latitude)}x{number(longitude)}"


def forward(apps, schema_editor):
    Entry = apps.get_model("directory", "DirectoryEntry")
    rows = Entry.objects.filter(latitude__isnull=False, longitude__isnull=False)
    for entry in rows.only("page_id", "latitude", "longitude", "facets").iterator():
        tokens = [t for t in entry.facets.split() if not t.startswith("zzk")]
        tokens += [
            cell_token(size, entry.latitude, entry.longitude) for size in CELL_SIZES
        ]
        Entry.objects.filter(pk=entry.pk).update(facets=" ".join(tokens))
    optimize(schema_editor)


def optimize(schema_editor):
    """Merge the full-text index the updates fragmented (SQLite)."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "INSERT INTO directory_entry_fts(directory_entry_fts) VALUES('optimize')"
        )


def backward(apps, schema_editor):
    Entry = apps.get_model("directory", "DirectoryEntry")
    for entry in Entry.objects.only("page_id", "facets").iterator():
        tokens = [t for t in entry.facets.split() if not t.startswith("zzk")]
        Entry.objects.filter(pk=entry.pk).update(facets=" ".join(tokens))
    optimize(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_entry_facets")]

    operations = [migrations.RunPython(forward, backward)]
