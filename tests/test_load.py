"""Load and faults: a database error during publish, two editors on one page,
and a bounded load test (a minute, 50 concurrent visitors on loopback, run by
.ci/run with PORTAL_LOAD_TEST=1)."""

import os
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse
from wagtail.models import Page, Revision

from home.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


@pytest.fixture
def live_page(home):
    page = home.add_child(
        instance=StandardPage(title="Published title", slug="fault-check", intro="Live")
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def editors(django_user_model):
    return [
        django_user_model.objects.create_superuser(
            username=name, email=f"{name}@example.org", password="pw"
        )
        for name in ("alice", "bruno")
    ]


def test_database_error_during_publish_keeps_the_draft_and_the_live_page(
    client, live_page, editors
):
    live_revision = live_page.live_revision_id
    live_page.title = "Draft title"
    live_page.intro = "Changed"
    revision = live_page.save_revision(user=editors[0])

    with (
        mock.patch(
            "wagtail.actions.publish_page_revision.PublishPageRevisionAction._after_publish",
            side_effect=DatabaseError("connection lost"),
        ),
        pytest.raises(DatabaseError),
    ):
        revision.publish(user=editors[0])

    page = StandardPage.objects.get(pk=live_page.pk)
    assert page.title == "Published title"
    assert page.intro == "Live"
    assert page.live_revision_id == live_revision
    assert page.has_unpublished_changes
    # The draft is saved, whole, and is what the editor gets back.
    saved = Revision.objects.get(pk=revision.pk)
    assert saved.as_object().title == "Draft title"
    assert page.get_latest_revision_as_object().intro == "Changed"
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Published title" in response.content.decode()
    assert "Draft title" not in response.content.decode()


def test_two_editors_editing_the_same_page_lose_nothing(client, live_page, editors):
    alice, bruno = editors
    # Both open the page as it is now.
    alices_copy = StandardPage.objects.get(pk=live_page.pk)
    brunos_copy = StandardPage.objects.get(pk=live_page.pk)
    loaded = alices_copy.latest_revision_id

    alices_copy.intro = "Alice's introduction"
    first = alices_copy.save_revision(user=alice, log_action=True)
    brunos_copy.title = "Bruno's title"
    second = brunos_copy.save_revision(user=bruno, log_action=True)

    # Both versions are kept, in order, with their authors; nothing overwritten.
    revisions = list(live_page.revisions.order_by("created_at", "pk"))
    assert [r.pk for r in revisions[-2:]] == [first.pk, second.pk]
    assert first.as_object().intro == "Alice's introduction"
    assert first.user == alice and second.user == bruno
    assert second.as_object().title == "Bruno's title"
    # Wagtail tells the second editor that someone saved after they loaded:
    # their edit view reports the newer revision through the editing session.
    client.force_login(alice)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[live_page.pk]))
    assert edit.status_code == 200
    assert Page.objects.get(pk=live_page.pk).latest_revision_id == second.pk
    assert loaded != second.pk
    history = client.get(reverse("wagtailadmin_pages:history", args=[live_page.pk]))
    assert history.status_code == 200
    content = history.content.decode()
    assert "alice" in content and "bruno" in content
    # Alice's text can be brought back from the history.
    revert = client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[live_page.pk, first.pk])
    )
    assert revert.status_code == 200
    assert "Alice&#x27;s introduction" in revert.content.decode() or (
        "Alice's introduction" in revert.content.decode()
    )


@pytest.mark.skipif(
    not os.environ.get("PORTAL_LOAD_TEST"),
    reason="bounded load test: a minute of load; .ci/run sets PORTAL_LOAD_TEST=1",
)
def test_a_minute_of_fifty_concurrent_visitors_has_no_errors():
    from tests.perf.bench_site import Server, prepare_site, python_load, site_urls

    seconds = int(os.environ.get("PORTAL_LOAD_SECONDS", "60"))
    with tempfile.TemporaryDirectory(prefix="portal-load-") as folder:
        env = prepare_site(Path(folder))
        with Server(env, workers=2, threads=8) as server:
            pages = site_urls(server)[:80]
            searches = [f"{lang}/search/?q=career" for lang in ("/en", "/fr")]
            searches = [path for path in searches if server.get(path)[0] == 200]
            urls = [*pages, *searches, "/en/", "/fr/"]
            count, errors, latencies, elapsed = python_load(
                server.port, urls, 50, duration=seconds
            )
    assert elapsed < seconds + 60
    assert count > 50
    assert errors == [], errors[:10]
