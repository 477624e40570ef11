"""gunicorn settings read automatically when gunicorn starts in this folder
(`gunicorn portal.wsgi:application`); command-line options override them.

The master loads the site (preload_app) and moves everything loaded so far
out of the garbage collector's reach (gc.freeze) before forking the workers:
they share those pages, which no collection then touches (a collection writes
to every object it visits, which would copy the shared pages into each
worker). Workers collect less often: a page view allocates many short-lived
objects, and full collections over the ~120 MB of Django and Wagtail caused
the slowest responses. glibc's malloc is limited to
two arenas, so threads do not each grow a heap of their own, large blocks
(images being resized) are mapped apart from the heap, and what is freed goes
back to the system every few hundred requests."""

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
# nginx waits as long (deploy/nginx/keepinpact.conf: proxy_read_timeout) and a
# reload (HUP) lets old workers finish what they hold for as long.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = timeout
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
# The site (Django, Wagtail, every app, translations, templates) is loaded
# once in the master and shared by the forked workers, which then each add
# only what they change. HUP then reloads the configuration and the workers
# but not the code: deploy new code with a restart of one app server at a
# time (nginx sends requests to the other meanwhile).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in (
    "1",
    "true",
    "yes",
    "on",
)
max_requests_jitter = max_requests // 10

M_ARENA_MAX = -8  # from glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024  # glibc's starting value, then kept
TRIM_EVERY = 200  # requests
_glibc = []
_served = [0]


def post_fork(server, worker):
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        with contextlib.suppress(OSError, AttributeError):  # not glibc
            libc = ctypes.CDLL(libc_name)
            libc.mallopt(M_ARENA_MAX, 2)
            # Blocks this large are mapped on their own and handed back when
            # freed. glibc raises the threshold after such a free, so that
            # the next image a worker resizes lands in the heap and leaves
            # it fragmented (12 MB a worker after the first renditions).
            libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
            libc.malloc_trim  # noqa: B018 (raises AttributeError without it)
            _glibc.append(libc)


def post_request(worker, req, environ, resp):
    """Every few hundred requests, hand the memory freed since back to the
    system (glibc keeps it otherwise, and the worker's size only grows)."""
    _served[0] += 1
    if _glibc and _served[0] % TRIM_EVERY == 0:
        _glibc[0].malloc_trim(0)


def _load_and_freeze():
    """Load every URL module (and so every view), each language's
    translations and URL reverse table, every model's field caches and the
    site's templates, then move all of it out of the garbage collector's
    reach. Django builds the reverse tables and field caches on first use:
    left to the workers, each built its own copy (about 23 MB a worker,
    measured with the benchmark)."""
    from django.apps import apps
    from django.conf import settings
    from django.urls import NoReverseMatch, get_resolver, reverse
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018
    for code, _name in settings.LANGUAGES:
        # Activating loads the catalogues; reversing builds the table.
        with translation.override(code), contextlib.suppress(NoReverseMatch):
            reverse("wagtail_serve", args=[""])
    for model in apps.get_models():
        model._meta.get_fields()
    _compile_templates()
    gc.collect()
    gc.freeze()


def _compile_templates():
    from pathlib import Path

    from django.conf import settings
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template

    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in Path(folder).rglob("*.html"):
            with contextlib.suppress(TemplateDoesNotExist, TemplateSyntaxError):
                get_template(str(path.relative_to(folder)))


def when_ready(server):
    """With preload_app, in the master before the workers are forked: they
    share what it loaded (copy-on-write) instead of each loading a copy. No
    database connection is opened here (none would survive the fork)."""
    if server.cfg.preload_app:
        _load_and_freeze()


def post_worker_init(worker):
    if not worker.cfg.preload_app:
        _load_and_freeze()
    gc.set_threshold(20_000, 20, 20)
