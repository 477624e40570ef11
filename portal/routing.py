"""Routing a public page request in one query instead of about seven.

Wagtail finds the page of a URL by walking the tree: the site (one query), the
active locale (one), the language's home page (one), then for each part of the
path the child with that slug and its specific row (two each). This middleware
answers the same question from the chrome cache (portal.navigation: versioned
keys, so publishing, unpublishing, moving or deleting any page, or saving a
site or a locale, starts afresh) and fetches only the page itself. It hands
Wagtail the result through `request._wagtail_route_for_request` and
`request._wagtail_site`, the attributes Wagtail itself caches them in.

Whenever the walk would not simply go from child to child (a path that is not
a page, such as a feed under a routable page; an intermediate page with routes
of its own that match the rest of the path; a page type with its own `route`)
nothing is set and Wagtail routes as usual."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from portal import navigation, versioned_cache

MAX_COMPONENTS = 10
MAX_PATH_LENGTH = 500


def language_home(site, language):
    """(pk, path, depth, content type id) of the page Wagtail routes from for this language: the
    live translation of the site's root page, else the root page itself."""

    def build():
        root = Page.objects.filter(pk=site.root_page_id).values_list(
            "translation_key", flat=True
        )
        home = (
            Page.objects.filter(
                translation_key__in=root, locale__language_code=language, live=True
            )
            .values_list("pk", "path", "depth", "content_type_id")
            .first()
        )
        if home is None:
            home = (
                Page.objects.filter(pk=site.root_page_id)
                .values_list("pk", "path", "depth", "content_type_id")
                .first()
            )
        return home or ()

    return versioned_cache.cached(f"route-home:{site.root_page_id}:{language}", build)


def _answers_itself(page_class, live, remaining):
    """Would a page of this class on the way answer `remaining` itself rather
    than hand it to its child (as Wagtail's walk would find out)?"""
    route = page_class.route
    if route is Page.route:
        return False
    if route is RoutablePageMixin.route:
        if not live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
        return True
    return True  # a route of its own: let Wagtail walk


def _find(home, components):
    """(pk, content type id) of the page at home/components, or None."""
    _home_pk, home_path, home_depth, home_ct = home
    home_class = ContentType.objects.get_for_id(home_ct).model_class()
    if home_class is None or _answers_itself(home_class, True, components):
        return None
    condition = Q()
    for offset, slug in enumerate(components, start=1):
        condition |= Q(depth=home_depth + offset, slug=slug)
    rows = Page.objects.filter(condition, path__startswith=home_path).values_list(
        "pk", "path", "depth", "slug", "content_type_id", "live"
    )
    # Each row under (depth, slug, parent's path): slugs are unique among siblings.
    by_place = {(row[2], row[3], row[1][: -Page.steplen]): row for row in rows}
    chain, parent_path = [], home_path
    for offset, slug in enumerate(components, start=1):
        row = by_place.get((home_depth + offset, slug, parent_path))
        if row is None:
            return None
        chain.append(row)
        parent_path = row[1]
    for index, (_pk, _path, _depth, _slug, ct, live) in enumerate(chain[:-1]):
        page_class = ContentType.objects.get_for_id(ct).model_class()
        if page_class is None or _answers_itself(
            page_class, live, components[index + 1 :]
        ):
            return None
    pk, _path, _depth, _slug, ct, _live = chain[-1]
    return (pk, ct)


def route(request, path):
    """Wagtail's RouteResult for this path, or None to let Wagtail route."""
    components = [component for component in path.split("/") if component]
    if len(components) > MAX_COMPONENTS or len(path) > MAX_PATH_LENGTH:
        return None
    site = navigation.site_for_request(request)
    if site is None:
        return None
    request._wagtail_site = site
    home = language_home(site, get_language())
    if not home:
        return None
    if not components:  # the language's home page itself
        return _fetch(request, home[0], home[3])
    key = versioned_cache.key(f"route:{home[0]}:{'/'.join(components)}")
    found = versioned_cache.get(key)
    if found is None:
        found = _find(home, components)
        if found is None:  # not cached: a crawler's random URLs must not fill it
            return None
        versioned_cache.put(key, found)
    return _fetch(request, *found)


def _fetch(request, pk, ct):
    model = ContentType.objects.get_for_id(ct).model_class()
    if model is None:
        return None
    page = model._default_manager.filter(pk=pk).first()
    if page is None:
        return None
    if type(page).route is Page.route:
        if not page.live:
            raise Http404
        return RouteResult(page)
    return page.route(request, [])


class FastRouteMiddleware:
    """Routes requests for Wagtail pages (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or request.method not in ("GET", "HEAD"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            result = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
            return None
        if result is not None:
            request._wagtail_route_for_request = result
        return None
