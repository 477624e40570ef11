"""The anonymous page cache, the health endpoint and the settings that switch
to shared services from the environment alone."""

import io
import re
from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.test import RequestFactory, override_settings
from PIL import Image as PILImage
from wagtail.models import PageViewRestriction, Site

from home.models import StandardPage
from portal.cache import HIT_HEADER, PageCacheMiddleware, index_key, page_cache
from tests.test_security import production_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_on"),
]


@pytest.fixture
def page_cache_on():
    with override_settings(PORTAL_PAGE_CACHE_TIMEOUT=300):
        yield


@pytest.fixture(autouse=True)
def _hits_before_django(client):
    """As under gunicorn (portal.wsgi), each request meets the page cache's
    WSGI application first: hits are answered there, before Django."""
    from django.core.handlers.wsgi import WSGIRequest

    from portal.cache import PageCacheApplication

    inner = client.handler
    front = PageCacheApplication(None)

    def handler(environ):
        response = front.hit_response(environ)
        if response is None:
            return inner(environ)
        response.wsgi_request = WSGIRequest(environ)
        return response

    client.handler = handler


@pytest.fixture
def tree(home):
    """A listing page with a child, both live, below the English home page."""
    listing = home.add_child(
        instance=StandardPage(title="Cache listing", slug="cache-listing")
    )
    listing.save_revision().publish()
    child = listing.add_child(
        instance=StandardPage(title="Cached child", slug="cached-child")
    )
    child.save_revision().publish()
    return listing, child


def publish(page):
    page = page.specific
    page.refresh_from_db()
    if not page.live:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def get(client, page_or_url, **extra):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    return client.get(url, **extra)


def nonce_of(response):
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def test_second_anonymous_visit_is_a_hit_without_queries(
    client, tree, django_assert_num_queries
):
    _, child = tree
    first = get(client, child)
    assert first.status_code == 200
    assert first[HIT_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = get(client, child)
    assert second.status_code == 200
    assert second[HIT_HEADER] == "hit"
    assert "Cached child" in second.content.decode()
    # Public, short browser lifetime, varies on Cookie; no cookie set.
    assert "public" in second["Cache-Control"]
    assert "max-age=60" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert not second.cookies
    # The CSP nonce is fresh on every hit, in the header and in the HTML.
    assert nonce_of(first) != nonce_of(second)
    assert f'nonce="{nonce_of(second)}"' in second.content.decode()
    assert nonce_of(first) not in second.content.decode()
    # Apart from the nonce, the same HTML.
    assert first.content.decode().replace(nonce_of(first), "N") == (
        second.content.decode().replace(nonce_of(second), "N")
    )


def test_key_includes_language_and_site(client, tree, home, translate_page):
    listing, child = tree
    french = publish(translate_page(listing, "fr", {"Cache listing": "Liste en cache"}))
    Site.objects.create(hostname="other.example", port=80, root_page=home)
    # The first visit of a new site creates its settings (a new generation).
    get(client, listing, HTTP_HOST="other.example")
    assert get(client, listing)[HIT_HEADER] == "miss"
    response = get(client, french)
    assert response[HIT_HEADER] == "miss"
    assert "Liste en cache" in response.content.decode()
    assert get(client, listing, HTTP_HOST="other.example")[HIT_HEADER] == "miss"
    assert get(client, listing, HTTP_HOST="other.example")[HIT_HEADER] == "hit"
    assert get(client, listing)[HIT_HEADER] == "hit"


def test_host_variants_of_one_site_share_one_entry(client, tree):
    """The key is the matched Wagtail site, not the Host header: variants that
    reach the same site cannot flood the cache, and what is stored names the
    site, never the variant it was first rendered for."""
    _, child = tree
    first = get(client, child, HTTP_HOST="127.0.0.1:1")
    assert first[HIT_HEADER] == "miss"
    assert "127.0.0.1:1" not in first.content.decode()
    for host in ("localhost:65535", "localhost.", "LOCALHOST", "testserver"):
        response = get(client, child, HTTP_HOST=host)
        assert response[HIT_HEADER] == "hit", host
    assert len(page_cache().get(index_key(child.pk))) == 1


def test_publish_invalidates_the_page_its_ancestors_and_translations(
    client, tree, home, translate_page
):
    listing, child = tree
    publish(translate_page(listing, "fr", {"Cache listing": "Liste en cache"}))
    french_child = publish(
        translate_page(child, "fr", {"Cached child": "Enfant en cache"})
    )
    for target in (listing, child, home, french_child):
        get(client, target)
        assert get(client, target)[HIT_HEADER] == "hit"
    child.title = "Renamed child"
    child.save_revision().publish()
    response = get(client, child)
    assert response[HIT_HEADER] == "miss"
    assert "Renamed child" in response.content.decode()
    assert get(client, listing)[HIT_HEADER] == "miss"
    assert get(client, home)[HIT_HEADER] == "miss"
    assert get(client, french_child)[HIT_HEADER] == "miss"


def test_unpublish_and_delete_remove_the_page_at_once(client, tree):
    listing, child = tree
    url = child.url
    get(client, url)
    get(client, listing)
    assert get(client, url)[HIT_HEADER] == "hit"
    child.unpublish()
    assert get(client, url).status_code == 404
    assert get(client, listing)[HIT_HEADER] == "miss"

    child.save_revision().publish()
    get(client, url)
    assert get(client, url)[HIT_HEADER] == "hit"
    child.delete()
    assert get(client, url).status_code == 404


def test_move_invalidates_old_url_and_both_parents(client, tree, home):
    listing, child = tree
    other = home.add_child(instance=StandardPage(title="Other", slug="other-listing"))
    other.save_revision().publish()
    old_url = child.url
    for target in (old_url, listing.url, other.url):
        get(client, target)
        assert get(client, target)[HIT_HEADER] == "hit"
    child.move(other, pos="last-child")
    child.refresh_from_db()
    # Gone from the old address (or redirected to the new one), never stale.
    moved = get(client, old_url)
    assert moved.status_code in (301, 302, 404)
    assert HIT_HEADER not in moved
    assert get(client, listing)[HIT_HEADER] == "miss"
    assert get(client, other)[HIT_HEADER] == "miss"
    assert get(client, child.url).status_code == 200


def test_snippets_and_images_refresh_every_page(client, tree):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from tests.factories import PartnerFactory

    _, child = tree
    partner = PartnerFactory()
    get(client, child)
    assert get(client, child)[HIT_HEADER] == "hit"
    partner.save()
    assert get(client, child)[HIT_HEADER] == "miss"
    assert get(client, child)[HIT_HEADER] == "hit"
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buffer, "PNG")
    get_image_model().objects.create(
        title="New logo", file=ImageFile(buffer, name="new-logo.png")
    )
    assert get(client, child)[HIT_HEADER] == "miss"


def test_logged_in_editors_neither_fill_nor_get_the_cache(
    client, tree, django_user_model
):
    _, child = tree
    get(client, child)  # anonymous copy stored
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)
    response = get(client, child)
    assert HIT_HEADER not in response
    assert "private" in response["Cache-Control"]
    client.logout()
    assert get(client, child)[HIT_HEADER] == "hit"


def test_query_strings_and_private_pages_are_not_cached(client, tree):
    listing, child = tree
    assert HIT_HEADER not in get(client, child.url + "?page=2")
    PageViewRestriction.objects.create(
        page=listing, restriction_type="password", password="secret"
    )
    for _ in range(2):
        response = get(client, child)
        assert response.status_code == 200
        assert HIT_HEADER not in response
        assert "Cached child</h1>" not in response.content.decode()


def test_responses_that_set_cookies_are_never_stored(tree):
    _, child = tree
    request = RequestFactory().get(child.url)

    def view(request):
        response = TemplateResponse(request, "base.html", {"page": child})
        response.render()
        response.set_cookie("tracking", "1")
        return response

    middleware = PageCacheMiddleware(view)
    assert HIT_HEADER not in middleware(request)
    response = middleware(RequestFactory().get(child.url))
    assert HIT_HEADER not in response
    assert "private" in response["Cache-Control"]

    plain = PageCacheMiddleware(lambda request: HttpResponse("no page"))
    assert HIT_HEADER not in plain(RequestFactory().get(child.url))


# --- Health -----------------------------------------------------------------------


def test_health_endpoint_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies
    broken = mock.MagicMock()
    broken.cursor.side_effect = OperationalError("connection refused")
    with mock.patch("portal.health.connections", {"default": broken}):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


# --- Scale-out settings from the environment ----------------------------------------


def test_without_services_production_uses_shared_file_cache_and_local_media():
    values = production_settings(
        ["CACHES", "STORAGES", "WAGTAILSEARCH_BACKENDS", "INSTALLED_APPS"]
    )
    assert values["CACHES"]["default"]["BACKEND"] == "portal.file_cache.FileCache"
    assert "FileSystemStorage" in values["STORAGES"]["default"]["BACKEND"]
    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "search.backend"
    assert "wagtail.contrib.frontend_cache" not in values["INSTALLED_APPS"]


def test_environment_switches_to_redis_s3_elasticsearch_and_cdn_purge():
    values = production_settings(
        [
            "CACHES",
            "STORAGES",
            "AWS_STORAGE_BUCKET_NAME",
            "AWS_S3_ENDPOINT_URL",
            "WAGTAILSEARCH_BACKENDS",
            "WAGTAILFRONTENDCACHE",
            "INSTALLED_APPS",
        ],
        REDIS_URL="redis://cache.internal:6379/1",
        AWS_STORAGE_BUCKET_NAME="keepinpact-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        ELASTICSEARCH_URL="http://search.internal:9200",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFLARE_ZONEID="zone",
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
    )
    assert values["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/1"
    assert values["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["AWS_STORAGE_BUCKET_NAME"] == "keepinpact-media"
    assert values["AWS_S3_ENDPOINT_URL"] == "https://s3.example.net"
    search = values["WAGTAILSEARCH_BACKENDS"]["default"]
    assert search["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert search["URLS"] == ["http://search.internal:9200"]
    assert set(values["WAGTAILFRONTENDCACHE"]) == {"cloudflare", "http"}
    assert "wagtail.contrib.frontend_cache" in values["INSTALLED_APPS"]

    opensearch = production_settings(
        ["WAGTAILSEARCH_BACKENDS"], OPENSEARCH_URL="https://os.internal:9200"
    )["WAGTAILSEARCH_BACKENDS"]["default"]
    assert opensearch["BACKEND"] == "wagtail.search.backends.opensearch3"


def test_backends_chosen_from_the_environment_can_be_imported():
    import redis  # noqa: F401
    from django.utils.module_loading import import_string

    import_string("storages.backends.s3.S3Storage")
    import_string("wagtail.search.backends.elasticsearch9.SearchBackend")
    import_string("wagtail.contrib.frontend_cache.backends.HTTPBackend")


def test_the_wsgi_application_answers_hits_before_django(tree):
    """portal.wsgi under gunicorn: a hit never reaches Django's handler (no
    request_started signal, no middleware), yet carries what
    SecurityMiddleware, the only middleware before the page cache, adds."""
    from django.conf import settings
    from django.core.signals import request_started
    from django.test import Client

    from portal.wsgi import application

    assert settings.MIDDLEWARE[:3] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "portal.cache.PageCacheMiddleware",
    ]
    _, child = tree
    path = child.url
    assert Client().get(path)[HIT_HEADER] == "miss"

    def call(method="GET", **extra):
        environ = RequestFactory().generic(method, path, **extra).environ
        started = []

        def mark(**kwargs):
            started.append(kwargs)

        request_started.connect(mark, weak=False)
        answer = {}

        def start_response(status, headers):
            answer.update(status=status, headers=dict(headers))

        try:
            body = b"".join(application(environ, start_response))
        finally:
            request_started.disconnect(mark)
        return answer["status"], answer["headers"], body, bool(started)

    with override_settings(SECURE_CONTENT_TYPE_NOSNIFF=True):
        status, headers, body, reached_django = call()
    assert status == "200 OK" and not reached_django
    assert headers[HIT_HEADER] == "hit"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert int(headers["Content-Length"]) == len(body)
    nonce = re.search(r"'nonce-([^']+)'", headers["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in body.decode()
    assert "Cached child" in body.decode()

    status, headers, body, reached_django = call("HEAD")
    assert status == "200 OK" and body == b"" and not reached_django
    assert int(headers["Content-Length"]) > 0

    # A visitor with a session, or with a query string, goes to Django.
    for extra in ({"HTTP_COOKIE": "sessionid=abc"}, {"QUERY_STRING": "a=1"}):
        assert call(**extra)[3]
    # A host outside ALLOWED_HOSTS is Django's to refuse.
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        status, _headers, _body, reached_django = call(HTTP_HOST="evil.example")
    assert status.startswith("400") and reached_django
