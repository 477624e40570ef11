"""backup_site / restore_site as an operator runs them: separate processes, the
archive restored into another, freshly migrated database (a second file on
SQLite, a second database on PostgreSQL) with its own media folder, then the two
sites compared: every page, revision, translation, user, permission, workflow
state and log entry, documents' stored text, media bytes, timestamps to the
microsecond, and the search."""

import datetime
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.site_state import KEPT_TEXT
from tests.sites import differences, finish, manage, run, shell

pytestmark = pytest.mark.usefixtures("demo_site")

BASE_DIR = Path(__file__).resolve().parent.parent


def test_operator_restores_the_site_into_a_new_database(databases, tmp_path):
    source_media, target_media = tmp_path / "source-media", tmp_path / "target-media"
    shutil.copytree(settings.MEDIA_ROOT, source_media)
    target_media.mkdir()
    source = {
        "database_url": databases.copy_of_test_database("backup_source"),
        "media_root": source_media,
    }
    target = {
        "database_url": databases.empty("backup_target"),
        "media_root": target_media,
    }
    archive = tmp_path / "site.tar.gz"
    before, after = tmp_path / "before.json", tmp_path / "after.json"

    # The target is migrated meanwhile, then its content types renumbered: a
    # site migrated over the years does not number them as the source did.
    migrating = manage("migrate", "--no-input", "-v0", **target)
    try:
        shell(
            "import tests.site_state as s; s.enrich(); "
            f"s.write_snapshot({str(before)!r})",
            **source,
        )
        assert "Backed up" in run("backup_site", str(archive), **source)
        finish(migrating)
    finally:
        if migrating.poll() is None:
            migrating.kill()
            migrating.wait()
    databases.renumber_content_types(target["database_url"])

    assert "Restored" in run("restore_site", str(archive), "--no-input", **target)
    shell(
        "import tests.site_state as s; "
        f"s.write_snapshot({str(after)!r}, visit_search_page=True); "
        "s.edit_after_restore()",
        **target,
    )
    source_state = json.loads(before.read_text())
    restored = json.loads(after.read_text())

    assert restored["content_type_ids"] != source_state["content_type_ids"]
    assert source_state["page_count"] > 50
    assert restored["page_count"] == source_state["page_count"]
    assert restored["pages"] == source_state["pages"]
    assert restored["revision_count"] == source_state["revision_count"]
    assert restored["log_entries"] == source_state["log_entries"] > 0
    # The documents' text comes back as stored, never re-extracted.
    assert restored["documents"] == source_state["documents"]
    assert KEPT_TEXT in [text for _title, text in restored["documents"].values()]
    # Every document with text kept it (the tours' recordings have none).
    assert all(
        text
        for title, text in restored["documents"].values()
        if not title.startswith("Demo media:")
    )
    assert restored["media"] == source_state["media"]
    assert len(restored["media"]) > len(restored["documents"])
    # Microseconds, not the milliseconds JSON dumps usually keep.
    assert restored["timestamps"] == source_state["timestamps"]
    assert any(
        datetime.datetime.fromisoformat(stamp).microsecond % 1000
        for stamp in restored["timestamps"]
        if stamp
    )
    assert differences(source_state["tables"], restored["tables"]) == {}
    # The search index is rebuilt: each document is found by a word of its
    # stored text, each English page by its title, on the site search too.
    assert [check for check in restored["search"] if not check[3]] == []
    status, html = restored["site_search"]
    assert status == 200
    assert "<mark>zanzibarquoll</mark>" in html

    print(
        f"\n{restored['vendor']}: {restored['page_count']} pages, "
        f"{restored['revision_count']} revisions, {len(restored['documents'])} "
        f"documents, {len(restored['media'])} media files, "
        f"{restored['log_entries']} log entries, {len(restored['tables'])} tables "
        f"({sum(len(rows) for rows in restored['tables'].values())} rows) compared"
    )


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Not a backup"):
        call_command("restore_site", str(bogus), no_input=True)
    with pytest.raises(CommandError, match="No such archive"):
        call_command("restore_site", str(tmp_path / "missing.tar.gz"), no_input=True)
