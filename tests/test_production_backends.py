"""Production backends of the portal's own: the file cache a single machine's
app servers share without Redis (Django's, storing values uncompressed), and
the static files storage (WhiteNoise's, remembering URLs)."""

import time
from pathlib import Path

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from portal.file_cache import FileCache


@pytest.fixture
def cache(tmp_path):
    return FileCache(str(tmp_path), {"TIMEOUT": 600})


def test_values_round_trip_and_are_stored_uncompressed(cache, tmp_path):
    page = {"status": 200, "parts": [b"<main>Kick-off meeting in Paris</main>"]}
    cache.set("page", page)
    assert cache.get("page") == page
    assert cache.get_many(["page", "absent"]) == {"page": page}
    (stored,) = tmp_path.glob("*.pcache")
    assert b"Kick-off meeting in Paris" in stored.read_bytes()


def test_expiry_touch_delete_and_counters(cache):
    cache.set("short", "value", 1)
    assert cache.touch("short", 600)
    time.sleep(1.1)
    assert cache.get("short") == "value"  # touched: it lives on
    cache.set("gone", "value", 1)
    time.sleep(1.1)
    assert cache.get("gone", "default") == "default"
    assert not cache.touch("gone")
    assert cache.touch("never") is False
    cache.set("count", 1)
    assert cache.incr("count") == 2
    assert cache.delete("count")
    assert cache.get("count") is None


def test_files_of_the_compressing_cache_are_not_read(tmp_path):
    FileBasedCache(str(tmp_path), {}).set("key", "compressed")
    cache = FileCache(str(tmp_path), {})
    assert cache.get("key") is None
    cache.set("key", "plain")
    assert cache.get("key") == "plain"
    assert len(list(Path(tmp_path).glob("*.djcache"))) == 1


def test_static_urls_come_from_the_manifest_and_a_missing_file_is_an_error(
    tmp_path, settings
):
    from whitenoise.storage import CompressedManifestStaticFilesStorage

    from portal.static_storage import StaticStorage

    settings.DEBUG = False
    storage = StaticStorage(location=str(tmp_path), base_url="/static/")
    storage.hashed_files = {"css/portal.css": "css/portal.5e1f2a.css"}
    for _ in range(2):
        assert storage.url("css/portal.css") == "/static/css/portal.5e1f2a.css"
    assert storage.url("css/portal.css") == CompressedManifestStaticFilesStorage.url(
        storage, "css/portal.css"
    )
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        storage.url("css/missing.css")


def test_the_file_cache_stays_near_its_size_without_listing_it_at_each_set(
    tmp_path, monkeypatch
):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 20}})
    listings = []
    original = FileCache._list_cache_files

    def listed(self):
        listings.append(1)
        return original(self)

    monkeypatch.setattr(FileCache, "_list_cache_files", listed)
    monkeypatch.setattr(FileCache, "CULL_EVERY", 10)
    for number in range(100):
        cache.set(f"page-{number}", number)
    assert len(listings) == 10
    assert len(list(tmp_path.glob("*.pcache"))) <= 20 + 10
    assert cache.get("page-99") == 99
