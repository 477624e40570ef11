"""The translation dashboard: English pages (filterable by section and type)
against languages. Each cell is missing, in progress (percentage of strings
translated), out of date (the English page was published after the
translation's last sync) or live; the whole matrix of one listing page costs a
constant number of queries, whatever the number of pages and languages."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

MISSING = "missing"
IN_PROGRESS = "in-progress"
AWAITING = "awaiting"
NEEDS_CHANGES = "needs-changes"
SCHEDULED = "scheduled"
OUT_OF_DATE = "out-of-date"
LIVE = "live"
SOURCE_DRAFT = "source-draft"
STATE_LABELS = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    AWAITING: _("Awaiting moderation"),
    NEEDS_CHANGES: _("Changes requested"),
    SCHEDULED: _("Scheduled"),
    OUT_OF_DATE: _("Out of date"),
    LIVE: _("Live"),
    SOURCE_DRAFT: _("Source not published"),
}
# What "needs work" means for a translator's filter.
NEEDS_WORK = {MISSING, IN_PROGRESS, NEEDS_CHANGES, OUT_OF_DATE}


@dataclass
class Cell:
    locale: Locale
    state: str
    url: str | None
    action: str | None
    percent: int | None = None
    page_id: int | None = None
    translation_id: int | None = None

    @property
    def label(self):
        return STATE_LABELS[self.state]


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def target_locales():
    return list(
        Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by(
            "language_code"
        )
    )


def source_pages(source, section=None, content_type=None):
    """The source-language pages below the tree root (language home included)."""
    pages = Page.objects.filter(locale=source, depth__gte=2)
    if section is not None:
        pages = pages.filter(path__startswith=section.path)
    if content_type is not None:
        pages = pages.filter(content_type=content_type)
    return pages.order_by("path")


def sections(source):
    """Filter choices: the language home pages' children in the source language."""
    return list(
        Page.objects.filter(locale=source, depth=3)
        .order_by("path")
        .only("id", "title", "path", "draft_title")
    )


def progress(source_ids, locales):
    """{(source_id, locale_id): percent} in one query."""
    if not source_ids:
        return {}
    annotations = {"total": Count("id")}
    for locale in locales:
        annotations[f"done_{locale.pk}"] = Count(
            "id",
            filter=Q(
                Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=locale.pk,
                        has_error=False,
                    )
                )
            ),
        )
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(**annotations)
        .order_by()
    )
    result = {}
    for row in rows:
        for locale in locales:
            done = row[f"done_{locale.pk}"]
            result[(row["source_id"], locale.pk)] = (
                100 if not row["total"] else int(done * 100 / row["total"])
            )
    return result


def _workflow_states(page_ids):
    """{page id: workflow status} of the pages under moderation (one query)."""
    if not page_ids:
        return {}
    page_type = ContentType.objects.get_for_model(Page)
    return {
        int(object_id): status
        for object_id, status in WorkflowState.objects.active()
        .filter(base_content_type=page_type, object_id__in=[str(i) for i in page_ids])
        .values_list("object_id", "status")
    }


def _scheduled(page_ids):
    """Ids of the pages with a revision scheduled to go live (one query)."""
    if not page_ids:
        return set()
    page_type = ContentType.objects.get_for_model(Page)
    return {
        int(object_id)
        for object_id in Revision.objects.filter(
            base_content_type=page_type,
            object_id__in=[str(i) for i in page_ids],
            approved_go_live_at__gt=timezone.now(),
        ).values_list("object_id", flat=True)
    }


def _translated_parents(pages, locales):
    """{(page id, locale id)} where the page's parent exists in that language
    (or the page is a language home): a translation can start there (two
    queries)."""
    steplen = Page.steplen
    parent_paths = {p.path[:-steplen] for p in pages if p.depth > 2}
    parent_keys = dict(
        Page.objects.filter(path__in=parent_paths).values_list(
            "path", "translation_key"
        )
    )
    present = set(
        Page.objects.filter(
            translation_key__in=parent_keys.values(), locale__in=locales
        ).values_list("translation_key", "locale_id")
    )
    result = set()
    for page in pages:
        for locale in locales:
            key = parent_keys.get(page.path[:-steplen])
            if page.depth <= 2 or (key, locale.pk) in present:
                result.add((page.pk, locale.pk))
    return result


def build_rows(pages, locales, request=None, permissions=None):
    """[(page, [Cell for each locale])] for the given (already sliced) pages.
    With `permissions` (the viewer's TranslationPermissions), a cell links to
    an action only where the viewer may take it."""
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    translated = {}
    for page in (
        Page.objects.filter(translation_key__in=keys, locale__in=locales)
        .select_related("locale")
        .only(
            "id",
            "translation_key",
            "locale",
            "live",
            "has_unpublished_changes",
            "last_published_at",
            "url_path",
            "path",
            "depth",
            "alias_of_id",
        )
    ):
        translated[(page.translation_key, page.locale_id)] = page
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id__in={p.locale_id for p in pages}
        ).only("id", "object_id", "locale_id", "last_updated_at")
    }
    translations = {
        (t.source_id, t.target_locale_id): t
        for t in Translation.objects.filter(
            source_id__in=[s.pk for s in sources.values()], enabled=True
        ).only("id", "source_id", "target_locale_id", "enabled")
    }
    percents = progress([s.pk for s in sources.values()], locales)
    target_ids = [t.pk for t in translated.values()]
    context = {
        "translations": translations,
        "percents": percents,
        "request": request,
        "workflows": _workflow_states(target_ids),
        "scheduled": _scheduled(target_ids),
        "startable": _translated_parents(pages, locales),
        "permissions": permissions,
    }

    rows = []
    for page in pages:
        source = sources.get(page.translation_key)
        cells = []
        for locale in locales:
            target = translated.get((page.translation_key, locale.pk))
            cells.append(_cell(page, locale, target, source, context))
        rows.append((page, cells))
    return rows


def _is_out_of_date(page, target, source):
    if not page.last_published_at:
        return False
    if source is not None:
        return page.last_published_at > source.last_updated_at
    return target.last_published_at is not None and (
        page.last_published_at > target.last_published_at
    )


def _mine(context, locale):
    permissions = context["permissions"]
    return permissions is None or locale.pk in permissions.locale_ids


def _cell(page, locale, target, source, context):
    mine = _mine(context, locale)
    if target is None or target.alias_of_id is not None:
        if not page.live:
            # Translators only translate what is published (editors may start
            # earlier, from the page itself).
            return Cell(locale, SOURCE_DRAFT, None, None)
        if not mine or (page.pk, locale.pk) not in context["startable"]:
            return Cell(locale, MISSING, None, None)
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return Cell(
            locale,
            MISSING,
            f"{url}?select_locale={locale.language_code}",
            _("Translate"),
        )
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk]) if mine else None
    edit_label = _("Edit translation") if mine else None
    translation = (
        context["translations"].get((source.pk, locale.pk))
        if source is not None
        else None
    )
    percent = context["percents"].get((source.pk, locale.pk)) if translation else None
    translation_id = translation.pk if translation is not None else None
    workflow = context["workflows"].get(target.pk)
    if workflow == WorkflowState.STATUS_NEEDS_CHANGES:
        return Cell(
            locale,
            NEEDS_CHANGES,
            edit_url,
            edit_label,
            percent,
            target.pk,
            translation_id,
        )
    if workflow is not None:
        return Cell(
            locale,
            AWAITING,
            reverse("wagtailadmin_pages:edit", args=[target.pk]),
            _("Review")
            if context["permissions"] is None
            or context["permissions"].can_publish(target)
            else _("View"),
            percent,
            target.pk,
            translation_id,
        )
    if target.pk in context["scheduled"]:
        return Cell(locale, SCHEDULED, edit_url, edit_label, percent, target.pk)
    if target.live and _is_out_of_date(page, target, source):
        if translation is not None and mine:
            url = reverse("wagtail_localize:update_translations", args=[source.pk])
            return Cell(locale, OUT_OF_DATE, url, _("Sync"), percent, target.pk)
        return Cell(locale, OUT_OF_DATE, edit_url, edit_label, percent, target.pk)
    if not target.live:
        return Cell(
            locale,
            IN_PROGRESS,
            edit_url,
            edit_label,
            percent,
            target.pk,
            translation_id,
        )
    live_url = target.get_url(context["request"]) or edit_url
    return Cell(locale, LIVE, live_url, _("View"), percent, target.pk)


def needs_work(pages, locales):
    """The pages that need a translator in any of `locales`: published source
    with no live translation, a translation in progress or sent back, or a live
    one older than the source (a filter, so pagination stays in the database)."""
    condition = Q()
    for locale in locales:
        translated_live = Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale=locale,
            live=True,
            alias_of__isnull=True,
        )
        stale = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"),
            locale_id=OuterRef("locale_id"),
            last_updated_at__lt=OuterRef("last_published_at"),
            translations__target_locale=locale,
            translations__enabled=True,
        )
        condition |= ~Exists(translated_live) | Exists(stale)
    return pages.filter(live=True).filter(condition)


def language_summary():
    """Per target language: live, in progress, out of date and missing counts of
    the source-language pages (a constant handful of queries)."""
    source = source_locale()
    locales = target_locales()
    pages = source_pages(source)
    total = pages.count()
    # Only published sources can be translated by translators: unpublished
    # English drafts are not "missing" anywhere yet.
    unpublished = (
        pages.filter(live=False)
        .exclude(
            translation_key__in=Page.objects.filter(locale__in=locales).values(
                "translation_key"
            )
        )
        .count()
    )
    keys = pages.values("translation_key")
    counts = {
        row["locale_id"]: row
        for row in Page.objects.filter(
            translation_key__in=keys, locale__in=locales, alias_of__isnull=True
        )
        .values("locale_id")
        .annotate(
            n_live=Count("id", filter=Q(live=True)),
            n_drafts=Count("id", filter=Q(live=False)),
        )
        .order_by()
    }
    stale = {
        row["target_locale_id"]: row["n"]
        for row in Translation.objects.filter(
            enabled=True,
            source__locale=source,
        )
        .filter(
            Exists(
                Page.objects.filter(
                    locale=source,
                    depth__gte=2,
                    translation_key=OuterRef("source__object_id"),
                    last_published_at__gt=OuterRef("source__last_updated_at"),
                )
            ),
            Exists(
                Page.objects.filter(
                    translation_key=OuterRef("source__object_id"),
                    locale_id=OuterRef("target_locale_id"),
                    live=True,
                )
            ),
        )
        .values("target_locale_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    summary = []
    for locale in locales:
        row = counts.get(locale.pk, {"n_live": 0, "n_drafts": 0})
        out_of_date = stale.get(locale.pk, 0)
        summary.append(
            {
                "locale": locale,
                "live": row["n_live"] - out_of_date,
                "out_of_date": out_of_date,
                "in_progress": row["n_drafts"],
                "missing": max(
                    total - unpublished - row["n_live"] - row["n_drafts"], 0
                ),
                "total": total,
            }
        )
    return summary
