"""gunicorn settings read automatically when gunicorn starts in this folder
(`gunicorn portal.wsgi:application`); command-line options override them.

Each worker, once the site is loaded, moves everything loaded so far out of
the garbage collector's reach (gc.freeze) and collects less often: a page view
allocates many short-lived objects, and full collections over the ~120 MB of
Django and Wagtail caused the slowest responses. glibc's malloc is limited to
two arenas, so threads do not each grow a heap of their own, and what is freed
goes back to the system every few hundred requests."""

import contextlib
import ctypes
import ctypes.util
import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# No keep-alive: a gthread worker keeps every connection it accepted, so a few
# busy keep-alive clients can all sit on one worker while the others idle (the
# benchmark measured half the throughput in such runs). Behind a reverse proxy
# (nginx opens a connection per request by default) nothing changes.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

M_ARENA_MAX = -8  # from glibc's malloc.h
TRIM_EVERY = 200  # requests
_glibc = []
_served = [0]


def post_fork(server, worker):
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        with contextlib.suppress(OSError, AttributeError):  # not glibc
            libc = ctypes.CDLL(libc_name)
            libc.mallopt(M_ARENA_MAX, 2)
            libc.malloc_trim  # noqa: B018 (raises AttributeError without it)
            _glibc.append(libc)


def post_request(worker, req, environ, resp):
    """Every few hundred requests, hand the memory freed since back to the
    system (glibc keeps it otherwise, and the worker's size only grows)."""
    _served[0] += 1
    if _glibc and _served[0] % TRIM_EVERY == 0:
        _glibc[0].malloc_trim(0)


def post_worker_init(worker):
    from django.urls import get_resolver

    get_resolver().url_patterns  # load every URL module before freezing  # noqa: B018
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
