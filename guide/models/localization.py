"""Fetching translatable objects in the visitor's language, with a fallback to
the default language, and the cheap public filter the listings use."""

from django.conf import settings

from portal import navigation


def for_locale(queryset, language_code):
    """The objects of `queryset` in the language `language_code`, one per
    translation key, falling back to the default language for those not
    translated yet (one query, no Locale lookup). Returns a dict
    translation_key -> object, in the queryset's order."""
    codes = {language_code, settings.LANGUAGE_CODE}
    objects = list(
        queryset.filter(locale__language_code__in=codes).select_related("locale")
    )
    chosen = {}
    for obj in objects:
        if obj.locale.language_code == language_code:
            chosen[obj.translation_key] = obj
    for obj in objects:
        chosen.setdefault(obj.translation_key, obj)
    order = {}
    for obj in objects:
        order.setdefault(obj.translation_key, len(order))
    return dict(sorted(chosen.items(), key=lambda item: order[item[0]]))


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
