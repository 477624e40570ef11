"""Page requests routed from the cache (portal/routing.py) answer exactly what
Wagtail's own tree walk answers, in fewer queries, and follow every change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal import versioned_cache
from portal.routing import CachedRouteMixin
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # warm the chrome and route caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


@pytest.fixture
def about(home):
    return StandardPageFactory(parent=home, title="About", slug="about")


def child(parent, slug, title="Routing test page"):
    return StandardPageFactory(parent=parent, slug=slug, title=title)


def test_a_page_two_levels_down_is_fetched_once_without_walking_the_tree(
    client, about, monkeypatch
):
    child(about, "deep-page")
    response, count = queries(client, "/en/about/deep-page/")
    assert response.status_code == 200
    assert b"Routing test page" in response.content
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/about/deep-page/")
    # Wagtail's walk looks each level's child up by slug; the cache needs none.
    assert not any(
        "deep-page" in query["sql"] or "'about'" in query["sql"]
        for query in captured.captured_queries
    )
    monkeypatch.setattr(CachedRouteMixin, "route", Page.route)
    walked, walk_count = queries(client, "/en/about/deep-page/")
    assert walked.status_code == 200
    assert b"Routing test page" in walked.content
    assert count <= walk_count - 2  # two queries a level: child by slug, its row


def test_home_pages_of_every_language_are_routed(client):
    for code in ("en", "fr", "it", "pt", "hr"):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}"'.encode() in response.content


def test_unpublishing_renaming_and_moving_are_followed_at_once(client, about):
    page = child(about, "moving-page")
    assert client.get("/en/about/moving-page/").status_code == 200
    page.slug = "renamed-page"
    page.save_revision().publish()
    assert client.get("/en/about/moving-page/").status_code == 404
    assert client.get("/en/about/renamed-page/").status_code == 200
    page.move(about.get_parent(), pos="last-child")
    old = client.get("/en/about/renamed-page/")
    assert old.status_code in (301, 404)  # Wagtail may leave a redirect behind
    if old.status_code == 301:
        assert old["Location"] == "/en/renamed-page/"
    assert client.get("/en/renamed-page/").status_code == 200
    page.refresh_from_db()
    page.unpublish()
    assert client.get("/en/renamed-page/").status_code == 404


def test_a_draft_page_is_not_found(client, about):
    StandardPageFactory(parent=about, slug="draft-only", publish=False)
    assert client.get("/en/about/draft-only/").status_code == 404


def test_a_routable_page_keeps_its_own_routes_over_a_child_with_the_same_slug(
    client, home
):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, slug="rss", title="An article called rss")
    response = client.get(index.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert b"<rss" in response.content


def test_unknown_urls_are_not_found_and_not_remembered(client, about):
    for number in range(20):
        assert client.get(f"/en/no-such-page-{number}/x/").status_code == 404
    assert not [
        key for key in versioned_cache.kept_in_process() if "no-such-page" in key
    ]
    assert client.get("/en/about/").status_code == 200
    # while a page that exists is remembered
    assert [
        key
        for key in versioned_cache.kept_in_process()
        if ":route:" in key and key.endswith(":about")
    ]


def test_private_pages_still_ask_for_the_password(client, about):
    from wagtail.models import PageViewRestriction

    page = child(about, "members-only")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get("/en/about/members-only/")
    assert response.status_code == 200
    assert b"Routing test page" not in response.content
    assert b'name="password"' in response.content


def test_deleting_a_page_is_followed(client, about):
    page = child(about, "short-lived")
    assert client.get("/en/about/short-lived/").status_code == 200
    Page.objects.get(pk=page.pk).delete()
    assert client.get("/en/about/short-lived/").status_code == 404


def test_the_site_and_the_home_page_are_found_without_a_query(client, about):
    child(about, "deep-page")
    client.get("/en/about/deep-page/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/about/deep-page/")
    assert response.status_code == 200
    assert b"Routing test page" in response.content
    sql = " ".join(query["sql"] for query in captured.captured_queries)
    # Wagtail looks up the site, the active locale and the home page each time.
    assert 'FROM "wagtailcore_site"' not in sql
    assert 'FROM "wagtailcore_locale"' not in sql
    assert 'FROM "home_homepage"' not in sql


def test_a_home_page_translated_later_is_served_in_its_language(
    client, home, about, locales
):
    from tests.factories import translated

    # No French home yet: Wagtail serves the site's own root under /fr/.
    assert client.get("/fr/").status_code == 200
    french = translated(home, locales["fr"], title="Accueil du portail")
    response = client.get("/fr/")
    assert response.status_code == 200
    assert "Accueil du portail" in response.content.decode()
    translated(about, locales["fr"], title="À propos", slug="a-propos")
    response = client.get("/fr/a-propos/")
    assert response.status_code == 200
    assert "À propos" in response.content.decode()
    french.unpublish()
    assert "Accueil du portail" not in client.get("/fr/").content.decode()


def test_a_new_site_root_is_followed(client, site, home):
    new_home = StandardPageFactory(parent=home.get_parent(), slug="other-root")
    new_home.title = "Another root page"
    new_home.save_revision().publish()
    assert "Another root page" not in client.get("/en/").content.decode()
    site.root_page = new_home
    site.save()
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Another root page" in response.content.decode()


def test_a_host_no_site_answers_for_is_not_found(client, site):
    site.is_default_site = False
    site.hostname = "portal.example.org"
    site.save()
    assert client.get("/en/", HTTP_HOST="localhost").status_code == 404
    response = client.get("/en/", HTTP_HOST="portal.example.org")
    assert response.status_code == 200


def test_a_page_reverses_its_own_url_once_per_request_and_follows_a_move(
    rf, about, home, monkeypatch
):
    page = child(about, "moving-page")
    request = rf.get("/en/about/moving-page/")
    reversed_paths = []
    original = Page.get_url_parts

    def counted(self, request=None):
        reversed_paths.append(self.url_path)
        return original(self, request)

    # PortalPageMixin keeps what Page.get_url_parts (Wagtail's) answers.
    monkeypatch.setattr(Page, "get_url_parts", counted)
    for _ in range(5):
        assert page.get_url(request) == "/en/about/moving-page/"
        assert page.get_full_url(request).endswith("/en/about/moving-page/")
    assert len(reversed_paths) == 1
    assert page.full_url.endswith("/en/about/moving-page/")  # without a request
    assert len(reversed_paths) == 2
    del request  # gone: what was asked with it is not answered without one
    page.get_url(rf.get("/"))
    page.get_url()
    assert len(reversed_paths) == 4
    request = rf.get("/en/about/moving-page/")

    page.move(home, pos="last-child")
    page.refresh_from_db()  # the same object, with its new path
    reversed_paths.clear()
    assert page.get_url(request) == "/en/moving-page/"
    assert page.get_url(request) == "/en/moving-page/"
    assert page.get_url(rf.get("/")) == "/en/moving-page/"  # another request
    assert reversed_paths == [page.url_path] * 2
