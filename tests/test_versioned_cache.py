"""The versioned cache: a value is built once for every process, and any
process's bump makes every process build it afresh."""

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
