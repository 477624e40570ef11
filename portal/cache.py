"""Page cache for anonymous visitors (wagtail-cache does not support Wagtail 8).

`PageCacheMiddleware` sits right after WhiteNoise, so a hit costs one cache read
and no database query. What is stored: the 200 response of a GET for a live,
public Wagtail page (the `page` in the template context), without a query
string, to a visitor without a session cookie, when the response sets no cookie
and does not ask not to be cached. The key is the scheme, the Wagtail site the
validated host matches (not the Host header itself, so host variants cannot
flood the cache) and the path (the page and its language prefix); what is
stored must therefore not depend on the Host header (full URLs come from the
site, as Wagtail builds them).

Each stored key is also listed under the page's id, so publishing, unpublishing,
saving a live page, moving or deleting it removes the cached copies of the page,
of its ancestors (the listings that show it), of its translations (their
language switcher) and, on move/unpublish/delete, of its descendants (their URLs
changed or they went away).

Snippets, settings, images, documents, sites and locales can show on every page:
changing one starts a new generation (what was stored before is not served
again: everything is rendered afresh). So does a privacy change
(portal.privacy). A hit reads the entry, the generation and the navigation
version together: one round trip to Redis.

A Content-Security-Policy nonce is never replayed: the stored body keeps the
nonce it was rendered with, and each hit swaps it for a fresh one in the body
and the header. Enabled by PORTAL_PAGE_CACHE_TIMEOUT (seconds, 0 = off).
"""

import base64
import functools
import hashlib
import os

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db.models.signals import post_save, pre_delete
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

HIT_HEADER = "X-Page-Cache"
SKIPPED_HEADERS = {
    "set-cookie",
    "content-security-policy",
    "content-security-policy-report-only",
    "date",
    HIT_HEADER.lower(),
}


def page_cache():
    return caches[getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default")]


def timeout():
    return int(getattr(settings, "PORTAL_PAGE_CACHE_TIMEOUT", 0) or 0)


GENERATION_KEY = "portal:pc-generation"


def request_key(request, site_id):
    """The key of this request's page on the Wagtail site the host matches
    (not the Host header itself: variants of a host, another port, a
    trailing dot, upper case, share one entry)."""
    raw = f"{request.scheme}:{site_id}:{request.path}"
    return "portal:pc3:" + hashlib.sha256(raw.encode()).hexdigest()


def lookup(request):
    """(key, generation, entry or None) for this request, or None when no
    site answers it. The entry, the generation and the navigation version
    (which the site matching depends on) come in one read of the shared
    cache: one round trip to Redis on a hit. An entry stored under an older
    generation is not served."""
    from portal import navigation, versioned_cache

    request.get_host()  # a host outside ALLOWED_HOSTS is refused (400)
    store = page_cache()
    # The navigation version can join the read when both live in one cache.
    shared = getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default") == "default"
    guess = versioned_cache.last_seen_version() if shared else None
    site_id = navigation.site_id_for_request(request, guess)
    key = request_key(request, site_id) if site_id is not None else None
    wanted = [GENERATION_KEY] + ([key] if key else [])
    if guess is not None:
        wanted.append(versioned_cache.VERSION_KEY)
    values = store.get_many(wanted)
    if guess is not None and values.get(versioned_cache.VERSION_KEY) != guess:
        # The sites may have changed since this process last looked.
        fresh = navigation.site_id_for_request(
            request, values.get(versioned_cache.VERSION_KEY)
        )
        if fresh != site_id:
            site_id = fresh
            key = request_key(request, site_id) if site_id is not None else None
            values[key] = store.get(key) if key else None
    if key is None:
        return None
    generation = values.get(GENERATION_KEY, 0)
    entry = values.get(key)
    if entry is not None and entry.get("generation") != generation:
        entry = None
    return key, generation, entry


def index_key(page_id):
    return f"portal:pc-index:{page_id}"


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def can_serve_from_cache(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and not has_session(request)
    )


def _page_of(response):
    from wagtail.models import Page

    context = getattr(response, "context_data", None) or {}
    page = context.get("page") if isinstance(context, dict) else None
    return page if isinstance(page, Page) else None


def _is_storable(request, response):
    if request.method != "GET" or response.status_code != 200:
        return None
    if response.streaming or response.cookies:
        return None
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    page = _page_of(response)
    if page is None or not page.live or page.get_view_restrictions():
        return None
    return page


def _store(request, response, page, key, generation, seconds):
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in SKIPPED_HEADERS
    ]
    nonce = getattr(request, "_csp_nonce", None)
    content = response.content
    # The body split where its nonce stands, so that a hit only joins the
    # parts around a fresh one.
    parts = (
        content.split(nonce.encode()) if isinstance(nonce, str) and nonce else [content]
    )
    entry = {
        "status": response.status_code,
        "headers": headers,
        "parts": parts,
        "generation": generation,
    }
    store = page_cache()
    store.set(key, entry, seconds)
    listed = store.get(index_key(page.pk)) or []
    if key not in listed:
        store.set(index_key(page.pk), [*listed, key], seconds)


NONCE_MARK = "portal-nonce-mark"


@functools.cache
def _policy_parts():
    """The Content-Security-Policy header for a replayed page, built once per
    process (it depends on settings only) and split where the nonce goes."""
    from csp.utils import build_policy

    return tuple(build_policy(nonce=NONCE_MARK).split(NONCE_MARK))


def _forget_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policy_parts.cache_clear()


setting_changed.connect(_forget_policy, dispatch_uid="portal_page_cache_policy")


def _replay(request, entry):
    parts = entry["parts"]
    if len(parts) > 1:
        nonce = base64.b64encode(os.urandom(16)).decode("ascii")
        content = nonce.encode().join(parts)
    else:
        nonce, content = None, parts[0]
    headers = dict(entry["headers"])
    policy = _policy_parts()
    if len(policy) > 1:
        nonce = nonce or base64.b64encode(os.urandom(16)).decode("ascii")
        headers["Content-Security-Policy"] = nonce.join(policy)
    elif policy[0]:
        headers["Content-Security-Policy"] = policy[0]
    headers[HIT_HEADER] = "hit"
    headers["Content-Length"] = str(len(content))
    if request.method == "HEAD":
        content = b""
    return HttpResponse(content, status=entry["status"], headers=headers)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = timeout()
        if not seconds:
            return self.get_response(request)
        if not can_serve_from_cache(request):
            return self._private_if_personal(request, self.get_response(request))

        # PageCacheApplication may have looked already (and missed).
        found = request.META.pop(LOOKUP_KEY, None) or lookup(request)
        if found is None:
            return self.get_response(request)
        key, generation, entry = found
        if entry is not None:
            return _replay(request, entry)

        response = self.get_response(request)
        page = _is_storable(request, response)
        if page is None:
            return self._private_if_personal(request, response)
        # Browsers may keep a copy briefly; shared caches are purged on publish
        # by Wagtail's frontend cache when one is configured.
        patch_cache_control(
            response,
            public=True,
            max_age=getattr(settings, "PORTAL_PAGE_BROWSER_MAX_AGE", 60),
        )
        shared = getattr(settings, "PORTAL_PAGE_SHARED_MAX_AGE", None)
        if shared:
            patch_cache_control(response, s_maxage=shared)
        patch_vary_headers(response, ("Cookie",))
        _store(request, response, page, key, generation, seconds)
        response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _private_if_personal(request, response):
        """Responses for signed-in users or that set cookies are never stored by
        shared caches."""
        if "Cache-Control" in response:
            return response
        user = getattr(request, "user", None)
        personal = response.cookies or (
            has_session(request) and user is not None and user.is_authenticated
        )
        if personal:
            patch_cache_control(response, private=True, no_cache=True)
        return response


LOOKUP_KEY = "portal.page_cache.lookup"


class PageCacheApplication:
    """The WSGI application in front of Django's: a hit is answered from the
    request's environ, before Django's request handling, signals and
    middleware (an anonymous hit then costs little more than a static file).
    Everything else, misses included, goes to Django, where
    PageCacheMiddleware renders and stores as before (it reuses the lookup
    made here). A hit gets what SecurityMiddleware, the one middleware in
    front of the page cache, adds to every response (a test keeps that
    order)."""

    def __init__(self, application):
        from django.middleware.security import SecurityMiddleware

        self.application = application
        self.security = SecurityMiddleware(lambda request: None)

    def __call__(self, environ, start_response):
        response = self.hit_response(environ)
        if response is None:
            return self.application(environ, start_response)
        start_response(
            f"{response.status_code} {response.reason_phrase}", list(response.items())
        )
        return [response.content]

    def hit_response(self, environ):
        """The cached response for this request, or None."""
        from django.core.exceptions import DisallowedHost
        from django.core.handlers.wsgi import WSGIRequest

        if (
            not timeout()
            or environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
            or environ.get("QUERY_STRING")
            or environ.get("PATH_INFO", "").startswith(_not_pages())
            or f"{settings.SESSION_COOKIE_NAME}=" in environ.get("HTTP_COOKIE", "")
        ):
            return None
        request = WSGIRequest(environ)
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return None  # Django redirects it
        try:
            found = lookup(request)
        except DisallowedHost:
            return None  # Django answers 400
        if found is None or found[2] is None:
            environ[LOOKUP_KEY] = found
            return None
        return self.security.process_response(request, _replay(request, found[2]))


@functools.cache
def _not_pages():
    """Path prefixes that are never pages: no cache read for them."""
    return tuple(
        prefix
        for prefix in (settings.STATIC_URL, settings.MEDIA_URL, "/admin/")
        if prefix and prefix.startswith("/")
    )


# --- Invalidation ----------------------------------------------------------------


def page_ids_to_purge(page, descendants=False):
    from wagtail.models import Page

    ids = {page.pk}
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
    query = Page.objects.filter(path__in=paths)
    if page.translation_key:
        query = query | Page.objects.filter(translation_key=page.translation_key)
    ids.update(query.values_list("pk", flat=True))
    if descendants:
        ids.update(
            Page.objects.filter(path__startswith=page.path)
            .exclude(pk=page.pk)
            .values_list("pk", flat=True)
        )
    return ids


def purge_page_ids(ids):
    store = page_cache()
    index_keys = [index_key(pk) for pk in ids]
    keys = list(index_keys)
    for listed in store.get_many(index_keys).values():
        keys.extend(listed)
    if keys:
        store.delete_many(keys)


def purge_page(page, descendants=False):
    if not timeout() or page is None or not page.pk or not page.path:
        return
    from portal.navigation import menu_translation_keys

    if page.translation_key in menu_translation_keys():
        # The menus of every page of a language link this page's translation
        # in that language when one is live, else the source page.
        purge_everything()
        return
    purge_page_ids(page_ids_to_purge(page, descendants=descendants))


def purge_everything():
    """Shown on every page (navigation, settings, partners, images, documents):
    start a new generation; older entries are not served and expire on their
    own (or are overwritten)."""
    if not timeout():
        return
    store = page_cache()
    try:
        store.incr(GENERATION_KEY)
    except ValueError:
        store.set(GENERATION_KEY, 1, None)


def _is_shared_content(instance):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage, AbstractRendition
    from wagtail.models import Locale, Site
    from wagtail.snippets.models import get_snippet_models

    if isinstance(instance, AbstractRendition):
        return False
    return isinstance(
        instance,
        (
            BaseGenericSetting,
            BaseSiteSetting,
            AbstractImage,
            AbstractDocument,
            Site,
            Locale,
            *get_snippet_models(),
        ),
    )


def _on_save(sender, instance, **kwargs):
    from wagtail.models import Page

    if kwargs.get("raw"):  # loading a dump: the tree may be half there
        return
    if isinstance(instance, Page):
        if instance.live or kwargs.get("created"):
            purge_page(instance)
    elif timeout() and _is_shared_content(instance):
        purge_everything()


def _on_published(sender, instance, **kwargs):
    purge_page(instance)


def _on_unpublished(sender, instance, **kwargs):
    purge_page(instance, descendants=True)


def _on_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge_page(instance, descendants=True)
    elif timeout() and _is_shared_content(instance):
        purge_everything()


def _on_moved(sender, instance, parent_page_before=None, **kwargs):
    purge_page(instance, descendants=True)
    if parent_page_before is not None:
        purge_page(parent_page_before)


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_on_save, dispatch_uid="portal_page_cache_save")
    pre_delete.connect(_on_delete, dispatch_uid="portal_page_cache_delete")
    page_published.connect(_on_published, dispatch_uid="portal_page_cache_publish")
    page_unpublished.connect(
        _on_unpublished, dispatch_uid="portal_page_cache_unpublish"
    )
    post_page_move.connect(_on_moved, dispatch_uid="portal_page_cache_move")


class PageCacheConfig(AppConfig):
    """Listed in INSTALLED_APPS so that invalidation is connected in every
    process (web workers, `publish_scheduled`, shells), not only web ones."""

    name = "portal.cache"
    label = "portal_cache"
    verbose_name = "Page cache"

    def ready(self):
        connect_signals()
