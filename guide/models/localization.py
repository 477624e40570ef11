"""Fetching translatable objects in the visitor's language, with a fallback to
the default language, and the cheap public filter the listings use."""

from portal import navigation
from portal.localization import in_language

for_locale = in_language


def localize(objects, translations):
    """Swap each object for its translation in `translations` (a dict from
    `for_locale`), keeping the object itself when there is none."""
    return [translations.get(obj.translation_key, obj) for obj in objects]


def exclude_private(queryset):
    """`.public()` costs a query on every call; only pay it when some page of
    the site carries a view restriction or is an alias (cached list)."""
    if navigation.restricted_paths():
        return queryset.public()
    return queryset
