"""Translation dashboard (issue 8): missing / in progress / out of date / live
cells with the right action, filters, the admin home summary, and one page of
the matrix in a constant number of queries."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from home.models import StandardPage
from translations import dashboard

pytestmark = pytest.mark.django_db
URL = "/admin/translations/dashboard/"


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("t-admin", "a@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def translate_page(translate_page, django_capture_on_commit_callbacks):
    """Translate and run the on-commit publication, as a real commit would."""

    def _translate(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return translate_page(*args, **kwargs)

    return _translate


def add_page(parent, slug, title=None, intro="First sentence."):
    page = StandardPage(title=title or f"Page {slug}", slug=slug, intro=intro)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def cells_for(response, page):
    for row_page, _type, cells in response.context["rows"]:
        if row_page.pk == page.pk:
            return {cell.locale.language_code: cell for cell in cells}
    raise AssertionError(f"{page} not in the dashboard")


@pytest.fixture
def section(home):
    return add_page(home, "dashboard-section", "Dashboard section")


def test_states_and_actions(admin_client, section, translate_page, locales):
    missing = add_page(section, "missing")
    partial = add_page(section, "partial")
    translate_page(partial, "fr", {"Page partial": "Page partielle"}, publish=False)
    stale = add_page(section, "stale")
    translate_page(stale, "fr", {"First sentence.": "Première phrase."})
    stale.title = "Stale, changed"
    stale.save_revision().publish()
    live = add_page(section, "live")
    translate_page(
        live,
        "fr",
        {
            "Page live": "Page en ligne",
            "First sentence.": "Première phrase.",
            "live": "en-ligne",
        },
    )

    response = admin_client.get(URL, {"section": section.pk})
    assert response.status_code == 200

    cell = cells_for(response, missing)["fr"]
    assert cell.state == "missing"
    assert (
        cell.url
        == reverse("wagtail_localize:submit_page_translation", args=[missing.pk])
        + "?select_locale=fr"
    )
    assert admin_client.get(cell.url).status_code == 200

    cell = cells_for(response, partial)["fr"]
    assert cell.state == "in-progress"
    assert 0 < cell.percent < 100
    french_partial = partial.get_translation(locales["fr"])
    assert cell.url == reverse("wagtailadmin_pages:edit", args=[french_partial.pk])
    assert f"({cell.percent}%)" in response.content.decode()

    cell = cells_for(response, stale)["fr"]
    assert cell.state == "out-of-date"
    source = TranslationSource.objects.get_for_instance(stale)
    assert cell.url == reverse("wagtail_localize:update_translations", args=[source.pk])

    cell = cells_for(response, live)["fr"]
    assert cell.state == "live"
    assert cell.percent == 100
    assert cell.url.startswith("/fr/") and cell.url.endswith("/en-ligne/")
    assert admin_client.get(cell.url).status_code == 200
    assert cells_for(response, live)["it"].state == "missing"

    # Syncing the stale page brings it back to live (drafts for the moment).
    admin_client.post(
        cells_for(response, stale)["fr"].url, {"publish_translations": "on"}
    )


def test_filters_by_type_and_bad_input(admin_client, home, translate_page):
    from django.contrib.contenttypes.models import ContentType

    for code in ("fr", "it", "pt", "hr"):
        translate_page(home, code)
    add_page(home, "filtered")
    content_type = ContentType.objects.get_for_model(StandardPage)
    response = admin_client.get(URL, {"type": content_type.pk})
    assert response.status_code == 200
    assert response.context["rows"]
    assert all(
        page.content_type_id == content_type.pk
        for page, _t, _c in response.context["rows"]
    )
    for bad in (
        {"section": "x"},
        {"type": "'; drop"},
        {"p": "9999"},
        {"section": "-1"},
    ):
        assert admin_client.get(URL, bad).status_code == 200
    home_row = admin_client.get(URL).context["rows"][0]
    assert home_row[0].pk == home.pk
    assert {c.state for c in home_row[2]} == {"live"}


def test_who_sees_the_dashboard(client, admin_client):
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200
    user = get_user_model().objects.create_user("t-tr", "t@example.org", "pw")
    user.groups.add(Group.objects.get(name="Translators (fr)"))
    client.force_login(user)
    assert client.get(URL).status_code == 200
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translation-summary' in home and URL in home
    nobody = get_user_model().objects.create_user("t-nobody", "n@example.org", "pw")
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_summary_counts_follow_the_states(section, translate_page):
    def fr():
        return next(
            r for r in dashboard.language_summary() if r["locale"].language_code == "fr"
        )

    before = fr()
    page = add_page(section, "counted")
    after_add = fr()
    assert after_add["missing"] == before["missing"] + 1
    assert after_add["total"] == before["total"] + 1
    translate_page(page, "fr", publish=False)
    assert fr()["in_progress"] == after_add["in_progress"] + 1
    french = page.get_translation(page.locale.__class__.objects.get(language_code="fr"))
    french.save_revision().publish()
    assert fr()["live"] == after_add["live"] + 1
    page.save_revision().publish()
    assert fr()["out_of_date"] == after_add["out_of_date"] + 1
    row = fr()
    assert (
        row["live"] + row["in_progress"] + row["out_of_date"] + row["missing"]
        == row["total"]
    )


def bulk_section(home, slug, count):
    """A section with `count` English pages (a few translated), added without
    revisions to stay fast."""
    section = add_page(home, slug)
    for index in range(count):
        section.add_child(
            instance=StandardPage(
                title=f"Bulk {index}", slug=f"bulk-{index}", intro="<p>x</p>"
            )
        )
    return Page.objects.get(pk=section.pk)


def test_matrix_queries_are_flat(admin_client, home, translate_page):
    def summary_queries():
        with CaptureQueriesContext(connection) as queries:
            dashboard.language_summary()
        return len(queries)

    summary_before = summary_queries()
    small = bulk_section(home, "small-section", 10)
    large = bulk_section(home, "large-section", 120)
    for section in (small, large):
        for child in section.get_children()[:3]:
            translate_page(child.specific, "fr")
        translate_page(section.get_children()[3].specific, "it", publish=False)

    def count(section):
        admin_client.get(URL, {"section": section.pk})  # warm caches
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(URL, {"section": section.pk})
        assert response.status_code == 200
        return len(queries), len(response.context["rows"])

    small_queries, small_rows = count(small)
    large_queries, large_rows = count(large)
    assert (small_rows, large_rows) == (11, 50)
    assert small_queries == large_queries
    assert summary_queries() == summary_before  # admin home panel: flat too
    print(f"dashboard: {large_queries} queries for 50 pages x 4 languages")
