"""Language prefixes: public pages carry one (/en/, /fr/...); the API, the admin,
documents, the sitemap, robots.txt and the health check never do."""

import functools

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.cache import patch_vary_headers


@functools.cache
def unprefixed_segments(urlconf):
    """First path segments of the URLconf's patterns outside i18n_patterns()
    ("api", "admin", "documents", "sitemap.xml"...)."""
    segments = set()
    for entry in get_resolver(urlconf).url_patterns:
        if isinstance(entry, URLResolver) and isinstance(
            entry.pattern, LocalePrefixPattern
        ):
            continue
        route = str(entry.pattern).lstrip("^")
        segments.add(route.split("/", 1)[0])
    segments.discard("")
    return frozenset(segments)


def outside_language_prefixes(request):
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    segment = request.path_info.lstrip("/").split("/", 1)[0]
    return segment in unprefixed_segments(urlconf)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under /api/, /admin/, /documents/... stays
    where it is. Django redirects any 404 without a language prefix to the same
    path under /<lang>/ when a pattern there matches it, and Wagtail's page
    pattern matches every path: an API error became a redirect to an HTML page
    under /en/api/..."""

    def process_response(self, request, response):
        if response.status_code == 404 and outside_language_prefixes(request):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
