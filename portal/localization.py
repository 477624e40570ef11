"""Objects in the visitor's language, with a fallback to the default language,
and only what is published or public: the one place the apps fetch
translatable snippets and filter pages for the public site."""

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from wagtail.models import DraftStateMixin

from portal import navigation, versioned_cache


def page_language(page, request=None):
    """The language a page is read in: the active one when serving it (its
    URL prefix, no query), the page's own locale in previews and elsewhere."""
    if request is not None and not getattr(request, "is_preview", False):
        language = get_language()
        if language:
            return language
    return page.locale.language_code


def public_pages(queryset):
    """The pages of `queryset` that every visitor may see. `.public()` costs a
    query; it is only paid when some page of the site has a view restriction
    or is an alias (a cached list, portal.navigation.restricted_paths)."""
    if navigation.restricted_paths():
        return queryset.public()
    return queryset


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


def page_in_active_language(model):
    """The live page of `model` that every visitor may see, in the active
    language (an app's index for its head links), or None; one query."""
    return (
        public_pages(model.objects.live())
        .filter(locale__language_code=get_language())
        .defer_streamfields()
        .first()
    )


def own_or_default(page, name, build):
    """(items, lang): `build(filter)` for `page`'s language, cached under
    `name`; when that gives nothing, the default language's, `lang` then
    naming it for the template (None for the page's own language)."""
    items = versioned_cache.cached(
        f"{name}:{page.locale_id}", lambda: build({"locale_id": page.locale_id})
    )
    if items or page.locale.language_code == settings.LANGUAGE_CODE:
        return items, None
    lang = settings.LANGUAGE_CODE
    items = versioned_cache.cached(
        f"{name}:{lang}", lambda: build({"locale__language_code": lang})
    )
    return items, lang


def with_usage_count(queryset, relation, name):
    """`queryset` of translatable terms, each annotated with `name`: how many
    objects link to the term in any of its languages through the many-to-many
    `relation` (e.g. NewsPage.topics), since a translation may keep linking
    to the term in the source language."""
    through = relation.through
    term = relation.field.m2m_reverse_field_name()
    usage = (
        through.objects.filter(
            **{f"{term}__translation_key": OuterRef("translation_key")}
        )
        .order_by()
        .values(f"{term}__translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(**{name: Coalesce(Subquery(usage), 0)})
