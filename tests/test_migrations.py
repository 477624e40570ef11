"""Existing databases migrate without loss, as an operator upgrading runs it.

A copy of the demo site (enriched as a working site is: drafts, moderation,
a group permission, a rendition, stored document text) is taken back to the
schema before the newest migration of each of the portal's apps, then
`manage.py migrate` brings it to the current schema. Every row of every
table, every page and every document's stored text must be as before, and
the search must find what it found."""

import importlib
import json
import re
import shutil

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import AddField

from tests.sites import differences, run, shell

pytestmark = pytest.mark.usefixtures("demo_site")

PORTAL_APPS = (
    "portal",
    "home",
    "events",
    "guide",
    "directory",
    "tours",
    "portal_search",
    "portal_translations",
)


# The schema of the sites deployed before the models were split by content
# type; every migration since must apply to them.
DEPLOYED = {
    "portal": "0003_sitenavigation_project_links",
    "home": "0004_moderated_snippets",
    "events": "0004_event_series_fields",
    "guide": "0004_sample_flag_admin_only",
    "directory": "0007_centre_suggestion",
    "portal_search": "0006_reindex_block_texts",
    "portal_translations": "0002_incomplete_translation",
}


def migrations_to_take_back():
    """[(app label, the migration to go back to)]: for each portal app with
    more than one migration, the deployed schema or, when it is the current
    one, the migration before the newest (an app's first migration creates
    its tables); and the fields the migrations taken back add (their values
    cannot survive being taken back, so they are not compared)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    graph = loader.graph
    targets, added = [], set()
    for app in PORTAL_APPS:
        (newest,) = graph.leaf_nodes(app)
        chain = [key for key in graph.forwards_plan(newest) if key[0] == app]
        if len(chain) < 2:
            continue
        target = min(chain.index((app, DEPLOYED.get(app, newest[1]))), len(chain) - 2)
        targets.append(chain[target])
        for key in chain[target + 1 :]:
            for operation in graph.nodes[key].operations:
                if isinstance(operation, AddField):
                    added.add((f"{app}.{operation.model_name}", operation.name))
    return targets, added


def without(tables, fields):
    for label, name in fields:
        for row in tables.get(label, {}).values():
            row.pop(name, None)
    return tables


def test_a_site_at_the_previous_schema_migrates_without_loss(
    databases, tmp_path, django_db_blocker
):
    shutil.copytree(settings.MEDIA_ROOT, tmp_path / "media")
    site = {
        "database_url": databases.copy_of_test_database("migrate"),
        "media_root": tmp_path / "media",
    }
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    shell(
        f"import tests.site_state as s; s.enrich(); s.write_snapshot({str(before)!r})",
        **site,
    )
    with django_db_blocker.unblock():  # wagtail-localize's first migration reads
        targets, added = migrations_to_take_back()
    assert len(targets) >= 5, targets
    for app, name in targets:
        run("migrate", app, name, "--no-input", "-v0", **site)
    unapplied = run("showmigrations", "--plan", **site)
    taken_back = re.findall(r"\[ \]\s+(\S+)\.", unapplied)
    assert {app for app, _name in targets} <= set(taken_back), unapplied

    run("migrate", "--no-input", "-v0", **site)
    assert "[ ]" not in run("showmigrations", "--plan", **site)
    shell(f"import tests.site_state as s; s.write_snapshot({str(after)!r})", **site)

    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    assert old["page_count"] > 50
    assert new["pages"] == old["pages"]
    assert new["revision_count"] == old["revision_count"]
    assert new["documents"] == old["documents"]
    assert new["log_entries"] == old["log_entries"]
    tables = without(old["tables"], added), without(new["tables"], added)
    assert differences(*tables) == {}
    assert [check for check in new["search"] if not check[3]] == []
    print(
        f"\n{connection.vendor}: took back and applied "
        + ", ".join(f"{app} {name}" for app, name in targets)
        + f" ({len(added)} added fields not compared); {new['page_count']} pages, "
        f"{sum(len(rows) for rows in new['tables'].values())} rows compared"
    )


@pytest.mark.django_db
def test_translations_published_before_their_notes_existed_get_them():
    """Sites whose translations went live before incomplete ones were noted
    (migration 0002) get the notes from 0003, as publishing would give."""
    from django.apps import apps
    from django.test import TestCase
    from wagtail_localize.models import StringTranslation, Translation

    from translations.models import IncompleteTranslation

    # The demo is translated in full: two French pages lose a string each
    # (the intro an editor rewrote, say) and go live so.
    for translation in Translation.objects.filter(
        target_locale__language_code="fr",
        source__specific_content_type__model="newspage",
    )[:2]:
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object=translation.source.object,
            context__path="intro",
        ).delete()
        with TestCase.captureOnCommitCallbacks(execute=True):
            translation.save_target(publish=True)
    noted = dict(IncompleteTranslation.objects.values_list("page_id", "missing"))
    assert len(noted) == 2, noted
    IncompleteTranslation.objects.all().delete()

    backfill = importlib.import_module(
        "translations.migrations.0003_backfill_incomplete_translations"
    )
    backfill.note_live_translations(apps, None)

    assert (
        dict(IncompleteTranslation.objects.values_list("page_id", "missing")) == noted
    )
