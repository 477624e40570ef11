"""Notes of incomplete translations count the text a visitor reads, not the
slug: a translation missing only its slug (every language's home page of the
demo) no longer tells visitors that part of the page is untranslated."""

import importlib

from django.db import migrations


def renote_live_translations(apps, schema_editor):
    backfill = importlib.import_module(
        "translations.migrations.0003_backfill_incomplete_translations"
    )
    backfill.note_live_translations(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_translations", "0003_backfill_incomplete_translations"),
    ]

    operations = [
        migrations.RunPython(renote_live_translations, migrations.RunPython.noop),
    ]
