"""A site that had translations before 0002 gets its incomplete translations
noted now, as publishing them would have, so that their pages say what is
not translated yet without waiting for the next publish."""

from django.conf import settings
from django.db import migrations


def note_live_translations(apps, schema_editor):
    historical_page = apps.get_model("wagtailcore", "Page")
    translated = historical_page.objects.filter(live=True, depth__gt=1).exclude(
        locale__language_code=settings.LANGUAGE_CODE
    )
    if not translated.exists():
        return  # a new site: nothing to note
    # The check reads wagtail-localize's progress, which historical models
    # do not have: the current models are used, on tables this migration's
    # dependencies have brought up to date.
    from wagtail.models import Page

    from translations.signal_handlers import note_incomplete_translation

    pages = Page.objects.filter(pk__in=translated.values("pk")).select_related("locale")
    for page in pages.iterator():
        note_incomplete_translation(sender=type(page), instance=page)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_translations", "0002_incomplete_translation"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(note_live_translations, migrations.RunPython.noop),
    ]
