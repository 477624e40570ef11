"""Shared fixtures.

Unit tests build what they need with the factories (tests/factories.py) on a
database holding only what Wagtail's migrations create. End-to-end tests (the
browser journeys, the HTTP tests of the whole site, the demo's own tests) ask
for the demo site, loaded once per session:
`pytestmark = pytest.mark.usefixtures("demo_site")`. Unit tests run first, so
none sees the demo."""

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Locale, Page, Site


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    from demo.loader import load_all

    from . import snapshot

    with django_db_blocker.unblock():
        load_all()
        snapshot.take()


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    wants = marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )
    return bool(wants) or bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(items):
    """After pytest-django's order (tests in a transaction before those that
    commit): within each, the tests without the demo first, since the demo,
    once loaded, stays in the database for the rest of the session."""
    items.sort(
        key=lambda item: (
            _transactional(item),
            "demo_site" in getattr(item, "fixturenames", ()),
        )
    )


@pytest.fixture
def demo_restored(demo_site, django_db_blocker):
    """The demo site back in the database: a transactional test (the browser
    tests, the backup test) empties it when it ends."""
    from . import snapshot

    with django_db_blocker.unblock():
        snapshot.restore()


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """What a module's tests share, built once inside a transaction that is
    rolled back when the module ends (like Django's setUpTestData): each
    test's own transaction nests inside it. Such a module holds no Django
    TestCase class: one closes the connection when it ends, and with it this
    transaction on PostgreSQL."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def site(db):
    return Site.objects.select_related("root_page").get(is_default_site=True)


@pytest.fixture
def home(request, site):
    """The site's home page: the demo's, or else a new one in place of
    Wagtail's placeholder."""
    root = site.root_page.specific
    if "demo_site" in request.fixturenames:
        return root
    from .factories import HomePageFactory

    return HomePageFactory.as_site_root(site)


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def translate_page():
    """Translate a page into a language through wagtail-localize, as a translator
    would: `translate_page(page, "fr", {"English text": "Texte français"})`."""
    from demo.loader import Demo

    def _translate(page, code, strings=None, publish=True):
        return Demo().translate(page, code, strings or {}, publish=publish)

    return _translate


def live_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")


@pytest.fixture(autouse=True)
def _clear_caches():
    from django.conf import settings
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    # A request in another language leaves that language active in the
    # thread (LocaleMiddleware): each test starts in the default one.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()


@pytest.fixture
def databases(tmp_path, demo_restored, django_db_blocker):
    if connection.vendor not in ("sqlite", "postgresql"):
        pytest.skip(f"no copy of a {connection.vendor} database")
    from .sites import Databases

    handler = Databases(tmp_path, django_db_blocker)
    yield handler
    handler.drop()
