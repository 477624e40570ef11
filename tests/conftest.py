"""Shared fixtures. The demo content is loaded once per test session into the
test database, so every test starts from the site a new user sees."""

import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Locale, Page, Site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from demo.loader import load_all

    from . import snapshot

    with django_db_blocker.unblock():
        load_all()
        snapshot.take()


@pytest.fixture
def demo_restored(django_db_setup, django_db_blocker):
    """The demo site back in the database: a transactional test (the browser
    tests, the backup test) empties it when it ends."""
    from . import snapshot

    with django_db_blocker.unblock():
        snapshot.restore()


@pytest.fixture
def site(db):
    return Site.objects.select_related("root_page").get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get(language_code=code) for code, _ in settings.LANGUAGES
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
