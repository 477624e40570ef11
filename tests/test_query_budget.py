"""Queries per page view (issue 9: content page <= 12, listing <= 10), and the
safety of what lets pages stay under budget: the cached page chrome and the
view-restriction shortcut must never show a private page or a stale link."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.usefixtures("demo_site")

CONTENT_BUDGET = 12


def queries_for(client, url):
    """Queries of a repeat visit (chrome cached, as on a running site)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/about/", "/fr/a-propos/", "/it/"])
def test_plain_content_pages_stay_within_budget(client, url):
    assert queries_for(client, url) <= CONTENT_BUDGET


# An uncached view of each content type, as measured: the site, the home page
# and the route come from caches, then the page itself and what it lists.
CONTENT_TYPE_QUERIES = {
    "/en/news/final-multiplier-event-report/": 2,  # page and image; topics and tags
    "/en/events/kick-off-meeting-paris/": 4,  # page, sessions, speakers, files
    "/en/guide/european-challenges/": 1,  # the guide and its order are shared
    "/en/case-studies/lifelong-guidance-centres-croatia/": 3,  # page, terms, centres
    "/en/centres/cips-ljubljana/": 1,  # with its index row (its services)
    "/fr/": 7,
}


@pytest.mark.django_db
@pytest.mark.parametrize("url", CONTENT_TYPE_QUERIES)
def test_each_content_type_renders_in_its_measured_queries(client, url):
    assert queries_for(client, url) <= CONTENT_TYPE_QUERIES[url]


@pytest.mark.django_db
def test_a_first_visit_with_an_empty_cache_still_renders_everything(client):
    response = client.get("/en/about/")
    html = response.content.decode()
    assert 'rel="alternate" hreflang="fr"' in html
    assert 'class="breadcrumbs"' in html


@pytest.fixture
def private_child(home):
    about = Page.objects.get(locale__language_code="en", slug="about").specific
    child = about.add_child(
        instance=StandardPage(title="Members only", slug="members-only")
    )
    child.save_revision().publish()
    return about, child


@pytest.mark.django_db
def test_a_restriction_added_to_an_ancestor_applies_at_once(client, private_child):
    about, child = private_child
    assert client.get(child.url).status_code == 200  # chrome now cached
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    html = client.get(child.url).content.decode()
    assert 'name="password"' in html
    assert "Members only" not in html


@pytest.mark.django_db
def test_removing_the_restriction_opens_the_page_again(client, private_child):
    about, child = private_child
    restriction = PageViewRestriction.objects.create(
        page=child, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(child.url).status_code == 302  # to the login page
    restriction.delete()
    assert client.get(child.url).status_code == 200


@pytest.mark.django_db
def test_publishing_a_translation_adds_it_to_the_switcher_at_once(
    client, private_child, translate_page, django_capture_on_commit_callbacks
):
    _, child = private_child
    html = client.get(child.url).content.decode()
    assert 'rel="alternate" hreflang="fr"' not in html
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize
        translate_page(child, "fr")  # publishes on commit
    html = client.get(child.url).content.decode()
    assert 'rel="alternate" hreflang="fr"' in html


@pytest.mark.django_db
def test_renaming_an_ancestor_updates_breadcrumbs(client, private_child):
    about, child = private_child
    assert "Who we are (renamed)" not in client.get(child.url).content.decode()
    about.title = "Who we are (renamed)"
    about.save_revision().publish()
    assert "Who we are (renamed)" in client.get(child.url).content.decode()
