"""The versioned cache: a value is built once for every process, and any
process's bump makes every process build it afresh."""

import pytest
from django.core.cache import cache

from portal import versioned_cache


def test_a_value_is_built_once_then_rebuilt_after_a_bump():
    built = []

    def build():
        built.append(len(built))
        return {"n": len(built)}

    assert versioned_cache.cached("test-value", build) == {"n": 1}
    assert versioned_cache.cached("test-value", build) == {"n": 1}
    versioned_cache.bump()
    assert versioned_cache.cached("test-value", build) == {"n": 2}
    assert len(built) == 2


def test_another_process_reads_the_shared_copy_and_sees_the_bump():
    versioned_cache.cached("test-shared", lambda: "first")
    # Another process: nothing in its memory, the same shared cache.
    versioned_cache._local.clear()
    assert versioned_cache.cached("test-shared", lambda: "rebuilt") == "first"
    assert any(k.endswith(":test-shared") for k in versioned_cache.kept_in_process())
    versioned_cache.bump()  # in "the other" process, through the shared cache
    assert versioned_cache.cached("test-shared", lambda: "second") == "second"


def test_after_a_flush_no_copy_in_memory_is_read():
    versioned_cache.cached("test-flush", lambda: "old")
    before = versioned_cache.version()
    cache.clear()
    after = versioned_cache.version()
    assert after != before
    assert versioned_cache.cached("test-flush", lambda: "new") == "new"


class CountingCache:
    """The shared cache, counting the reads of the version."""

    def __init__(self):
        self.version_reads = 0

    def get(self, key, *args, **kwargs):
        if key == versioned_cache.VERSION_KEY:
            self.version_reads += 1
        return cache.get(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(cache, name)


def test_a_page_view_reads_the_version_once(client, home, monkeypatch):
    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=home, slug="read-once", title="Read once")
    assert client.get(page.url + "?warm=1").status_code == 200
    counting = CountingCache()
    monkeypatch.setattr(versioned_cache, "cache", counting)
    response = client.get(page.url + "?uncached=1")
    assert response.status_code == 200
    assert "Read once" in response.content.decode()
    assert counting.version_reads == 1


@pytest.mark.django_db  # the end of a request closes old database connections
def test_within_a_request_a_bump_is_seen_and_another_process_s_next_request():
    from django.core.signals import request_finished, request_started

    request_started.send(sender=None)
    try:
        first = versioned_cache.version()
        # Another process bumps: this request keeps the version it started with.
        cache.incr(versioned_cache.VERSION_KEY)
        assert versioned_cache.version() == first
        versioned_cache.bump()  # this request changes content itself
        assert versioned_cache.version() == first + 2
    finally:
        request_finished.send(sender=None)
    # Outside a request (tasks, commands), every read asks the shared cache.
    cache.incr(versioned_cache.VERSION_KEY)
    assert versioned_cache.version() == first + 3
