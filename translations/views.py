from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page, get_page_models
from wagtail_localize.models import Translation

from portal.params import id_param

from . import dashboard, drafts
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
    permissions = TranslationPermissions(request.user)
    mine = request.GET.get("mine") == "1"
    if mine:
        locales = [locale for locale in locales if locale.pk in permissions.locale_ids]
        pages = dashboard.needs_work(pages, locales)
    paginator = Paginator(pages, PER_PAGE)
    listing = paginator.get_page(request.GET.get("p"))
    rows = dashboard.build_rows(listing.object_list, locales, request, permissions)
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
            "my_locale_ids": permissions.locale_ids,
            "mine": mine,
            "next_url": request.get_full_path(),
        },
    )


def _checked_translation(request, translation_id):
    """The enabled translation and its target, for a user who may edit the
    target in its language and could see the source; else 403."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    target = drafts.target_of(translation)
    permissions = TranslationPermissions(request.user)
    if target is None or not (
        permissions.can_edit(target)
        and permissions.can_see(translation.source.get_source_instance())
    ):
        raise PermissionDenied
    return translation, target, permissions


def _back(request, translation):
    return redirect(
        get_valid_next_url_from_request(request)
        or reverse("portal_translations:dashboard")
    )


def _error_text(error):
    """A validation error as one line, field by field ("slug: Enter a valid...")."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(message for e in errors for message in e.messages)}"
            for field, errors in error.error_dict.items()
        )
    return " ".join(error.messages)


def _names(translation, target):
    return {
        "title": str(target)
        if not isinstance(target, Page)
        else target.get_admin_display_title(),
        "language": translation.target_locale.get_display_name(),
    }


@require_POST
def submit_for_moderation(request, translation_id):
    """Translators do not publish: this writes the translated strings into a
    draft revision of the translated page or snippet (visitors keep the
    published version) and starts, resumes or updates its moderation workflow."""
    translation, target, _permissions = _checked_translation(request, translation_id)
    try:
        target = drafts.submit_for_moderation(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("“%(title)s” in %(language)s was not submitted: %(errors)s")
            % {**_names(translation, target), "errors": _error_text(error)},
        )
        return _back(request, translation)
    except drafts.IncompleteTranslation as incomplete:
        messages.error(
            request,
            ngettext(
                "“%(title)s” in %(language)s was not submitted: %(missing)d string "
                "is not translated yet.",
                "“%(title)s” in %(language)s was not submitted: %(missing)d strings "
                "are not translated yet.",
                incomplete.missing,
            )
            % {**_names(translation, target), "missing": incomplete.missing},
        )
        return _back(request, translation)
    messages.success(
        request,
        _("“%(title)s” in %(language)s was submitted for moderation.")
        % _names(translation, target),
    )
    return _back(request, translation)


@require_POST
def publish_translation(request, translation_id):
    """A moderator publishes a translation with strings still missing (they
    show the source text): only when they say so."""
    translation, target, permissions = _checked_translation(request, translation_id)
    if not permissions.can_publish(target):
        raise PermissionDenied
    missing = drafts.missing_strings(translation)
    if missing and request.POST.get("confirm_missing") != "1":
        messages.error(
            request,
            _("Tick the box to publish a translation with strings missing."),
        )
        return _back(request, translation)
    try:
        target = drafts.publish_with_fallback(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("“%(title)s” in %(language)s was not published: %(errors)s")
            % {**_names(translation, target), "errors": _error_text(error)},
        )
        return _back(request, translation)
    messages.success(
        request,
        _("“%(title)s” in %(language)s was published.") % _names(translation, target),
    )
    return _back(request, translation)


@require_POST
def moderate_translation(request, translation_id):
    """Approve, or request changes to, a translation under moderation, from the
    translation editor (the moderation task's own actions and checks)."""
    translation, target, _permissions = _checked_translation(request, translation_id)
    action = request.POST.get("action")
    state = getattr(target, "current_workflow_state", None)
    if state is None or action not in ("approve", "reject"):
        messages.error(request, _("This translation is not awaiting moderation."))
        return _back(request, translation)
    task_state = state.current_task_state
    task = task_state.task.specific
    allowed = [name for name, _label, _modal in task.get_actions(target, request.user)]
    if action not in allowed:
        raise PermissionDenied
    task.on_action(
        task_state, request.user, action, comment=request.POST.get("comment", "")
    )
    messages.success(
        request,
        (
            _("“%(title)s” in %(language)s was approved.")
            if action == "approve"
            else _("Changes to “%(title)s” in %(language)s were requested.")
        )
        % _names(translation, target),
    )
    return _back(request, translation)
