from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page, get_page_models
from wagtail_localize.models import Translation

from portal.params import id_param

from . import dashboard
from .permissions import TranslationPermissions

PER_PAGE = 50


def page_type_choices():
    models = [m for m in get_page_models() if m is not Page]
    types = ContentType.objects.get_for_models(*models)
    return sorted(
        ((types[m].pk, str(m._meta.verbose_name).capitalize()) for m in models),
        key=lambda choice: choice[1],
    )


def translation_dashboard(request):
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    source = dashboard.source_locale()
    locales = dashboard.target_locales()
    sections = dashboard.sections(source)
    types = page_type_choices()

    section_id = id_param(request.GET.get("section"))
    type_id = id_param(request.GET.get("type"))
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
            "my_locale_ids": TranslationPermissions(request.user).locale_ids,
            "next_url": request.get_full_path(),
        },
    )


@require_POST
def submit_for_moderation(request, translation_id):
    """wagtail-localize's editor only offers "Publish", which translators may
    not do: this writes the translated strings into a draft revision of the
    translated page and starts its moderation workflow (Moderators approve
    and publish)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    target = translation.get_target_instance()
    if not isinstance(target, Page):
        raise Http404
    permissions = TranslationPermissions(request.user)
    if not (
        permissions.can_edit_target_locale(translation.target_locale_id)
        and target.permissions_for_user(request.user).can_edit()
        and permissions.can_see(translation.source.get_source_instance())
    ):
        raise PermissionDenied
    with transaction.atomic():
        translation.save_target(user=request.user, publish=False)
        target = Page.objects.get(pk=target.pk).specific
        workflow = target.get_workflow()
        if workflow is not None and not target.workflow_in_progress:
            workflow.start(target, request.user)
    messages.success(
        request,
        _("“%(title)s” in %(language)s was submitted for moderation.")
        % {
            "title": target.get_admin_display_title(),
            "language": translation.target_locale.get_display_name(),
        },
    )
    return redirect(
        get_valid_next_url_from_request(request)
        or reverse("portal_translations:dashboard")
    )
