"""Views of the directory (filled in below)."""

from django.conf import settings


def map_settings():
    return {
        "tile_url": getattr(
            settings,
            "DIRECTORY_TILE_URL",
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        ),
        "attribution": getattr(
            settings,
            "DIRECTORY_TILE_ATTRIBUTION",
            '&copy; <a href="https://www.openstreetmap.org/copyright">'
            "OpenStreetMap</a> contributors",
        ),
        "max_zoom": getattr(settings, "DIRECTORY_TILE_MAX_ZOOM", 19),
    }
