"""The directory's maps: the outline drawn from this site, and the detailed
tiles the Content-Security-Policy lets a visitor load on request."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext


def tiles_allowed(url):
    """Whether the Content-Security-Policy lets the browser load this tile URL
    as an image: its origin or its scheme ("https:") in img-src (or default-src),
    or 'self' for a path on this site."""
    if not url:
        return False
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    directives = policy.get("DIRECTIVES") or {}
    allowed = directives.get("img-src", directives.get("default-src"))
    if allowed is None:
        return True  # no policy on images
    parts = urlsplit(url)
    if not parts.netloc:
        return "'self'" in allowed
    origin = f"{parts.scheme}://{parts.netloc}"
    return any(
        source in ("*", f"{parts.scheme}:", origin, origin + "/") for source in allowed
    )


def map_settings():
    """The maps' two layers. The base layer is an outline of the countries served
    from this site (static/vendor/world-atlas/), drawn by default: opening a page
    sends nobody else a request. The detailed map's tiles (OpenStreetMap's unless
    the settings DIRECTORY_TILE_URL / DIRECTORY_TILE_ATTRIBUTION /
    DIRECTORY_TILE_MAX_ZOOM / DIRECTORY_TILE_PROVIDER say otherwise; follow the
    provider's usage policy) load only when the visitor presses the button that
    names the provider. An empty DIRECTORY_TILE_URL, or one the
    Content-Security-Policy's img-src does not allow, removes that button."""
    tile_url = getattr(
        settings,
        "DIRECTORY_TILE_URL",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    )
    if not tiles_allowed(tile_url):
        tile_url = ""
    host = urlsplit(tile_url).hostname or ""
    provider = getattr(settings, "DIRECTORY_TILE_PROVIDER", "") or (
        "OpenStreetMap"
        if host == "openstreetmap.org" or host.endswith(".openstreetmap.org")
        else host or gettext("this site")
    )
    return {
        "tile_url": tile_url,
        "tile_provider": provider,
        "attribution": getattr(
            settings,
            "DIRECTORY_TILE_ATTRIBUTION",
            '&copy; <a href="https://www.openstreetmap.org/copyright">'
            "OpenStreetMap</a> contributors",
        ),
        "max_zoom": getattr(settings, "DIRECTORY_TILE_MAX_ZOOM", 19),
        "outline_attribution": (
            '<a href="https://www.naturalearthdata.com/">Natural Earth</a>'
        ),
    }
