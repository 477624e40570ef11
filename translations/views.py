from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page, get_page_models

from . import dashboard

PER_PAGE = 50


def page_type_choices():
    models = [m for m in get_page_models() if m is not Page]
    types = ContentType.objects.get_for_models(*models)
    return sorted(
        ((types[m].pk, str(m._meta.verbose_name).capitalize()) for m in models),
        key=lambda choice: choice[1],
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def translation_dashboard(request):
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    source = dashboard.source_locale()
    locales = dashboard.target_locales()
    sections = dashboard.sections(source)
    types = page_type_choices()

    section_id = _int(request.GET.get("section"))
    type_id = _int(request.GET.get("type"))
    section = next((s for s in sections if s.pk == section_id), None)
    type_ids = {pk for pk, _label in types}
    content_type = (
        ContentType.objects.get_for_id(type_id) if type_id in type_ids else None
    )
    pages = dashboard.source_pages(source, section, content_type).only(
        "id",
        "title",
        "draft_title",
        "path",
        "depth",
        "translation_key",
        "locale_id",
        "live",
        "last_published_at",
        "content_type_id",
    )
    paginator = Paginator(pages, PER_PAGE)
    listing = paginator.get_page(request.GET.get("p"))
    rows = dashboard.build_rows(listing.object_list, locales, request)
    type_labels = dict(types)
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "portal_translations/dashboard.html",
        {
            "title": _("Translation dashboard"),
            "locales": locales,
            "rows": [
                (page, type_labels.get(page.content_type_id, ""), cells)
                for page, cells in rows
            ],
            "listing": listing,
            "sections": sections,
            "types": types,
            "section_id": section.pk if section else None,
            "type_id": content_type.pk if content_type else None,
            "query": query.urlencode(),
            "states": dashboard.STATE_LABELS,
        },
    )
