"""Values built from the database (menus, listings' filters, routes, the
search's vocabulary...), kept in the shared cache under one version number
and all dropped at once when content changes.

`cached(name, build)` returns the value stored under `name` for the current
version, building and storing it when missing. `bump()` (also a signal
receiver) moves every process to a new version: what was stored before is
never read again and expires on its own. Content signals bump it (portal.
navigation, the apps' signal handlers, portal.privacy).

Each process also keeps what it has read in memory, under the same versioned
keys: the shared cache (files or Redis) is then read once per request for the
version (kept for the rest of the request, unless the request bumps it), not
for every value, and a bump in any process still changes the keys everywhere
from the next request on. The values are shared between requests: treat them as
read-only."""

import threading
import time

from django.core.cache import cache
from django.core.signals import request_finished, request_started

VERSION_KEY = "portal:chrome-version"
TIMEOUT = 60 * 60 * 24
LOCAL_MAX = 5000  # entries kept in this process before starting afresh
_local = {}
_seen = [None]  # the version this process read last
_request = threading.local()  # the version read in the request being served


def version(known=None):
    """The current version; `known` when the caller has just read it (the
    page cache reads it together with a page, in one round trip)."""
    if known is None:
        known = getattr(_request, "version", None)
    current = known if known is not None else cache.get(VERSION_KEY)
    if current is None:
        # After a flush, start from a number no process has used (the clock in
        # microseconds), so no copy kept in memory can match the new keys.
        cache.add(VERSION_KEY, time.time_ns() // 1000, None)
        current = cache.get(VERSION_KEY)
    if current is None:  # a cache that keeps nothing
        return time.time_ns()
    _seen[0] = current
    if getattr(_request, "serving", False):
        _request.version = current
    return current


def last_seen_version():
    """The version this process read last (None before its first read)."""
    return _seen[0]


def bump(**kwargs):
    """A new version for every process; takes a signal's arguments."""
    _request.version = None
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns() // 1000, None)


def key(name, known=None):
    """The full key of `name` under the current (or a `known`) version."""
    return f"portal:{version(known)}:{name}"


def get(full_key):
    """The value under a versioned key: this process's copy, else the shared
    cache's (remembered here), else None."""
    data = _local.get(full_key)
    if data is None:
        data = cache.get(full_key)
        if data is not None:
            _remember(full_key, data)
    return data


def put(full_key, data):
    cache.set(full_key, data, TIMEOUT)
    _remember(full_key, data)


def cached(name, build, known=None):
    """The value of `name` for the current version, built once by `build()`."""
    full_key = key(name, known)
    data = get(full_key)
    if data is None:
        data = build()
        put(full_key, data)
    return data


def in_process(name, build, known=None):
    """Like cached(), for values kept in this process only (objects that are
    not worth pickling into the shared cache); still dropped by a bump."""
    full_key = key(name, known)
    data = _local.get(full_key)
    if data is None:
        data = build()
        _remember(full_key, data)
    return data


def _start_request(**kwargs):
    _request.serving, _request.version = True, None


def _finish_request(**kwargs):
    _request.serving, _request.version = False, None


request_started.connect(_start_request, dispatch_uid="portal_versioned_cache_start")
request_finished.connect(_finish_request, dispatch_uid="portal_versioned_cache_end")


def kept_in_process():
    """The keys this process holds in memory."""
    return list(_local)


def _remember(full_key, data):
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[full_key] = data
