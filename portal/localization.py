"""Objects in the visitor's language, with a fallback to the default language,
and only what is published: the one place the apps fetch translatable
snippets for the public site."""

from django.conf import settings
from wagtail.models import DraftStateMixin


def published(queryset):
    """Only the objects a moderator has published (snippets with drafts are
    `live=False` until then); other models are returned as they are."""
    if issubclass(queryset.model, DraftStateMixin):
        return queryset.filter(live=True)
    return queryset.all()


def in_language(queryset, language_code):
    """The published objects of `queryset` in `language_code`, one per
    translation key, falling back to the default language for those not
    translated (or not published) in it yet; one query, no Locale lookup.
    A dict translation_key -> object, in the queryset's order."""
    codes = {language_code, settings.LANGUAGE_CODE}
    objects = list(
        published(queryset)
        .filter(locale__language_code__in=codes)
        .select_related("locale")
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
