"""What the translation editor offers the person using it (see the override of
wagtail-localize's `edit_translation.html`): only actions that user may take,
a way to submit the translation for moderation, and for moderators the review
of a submitted translation."""

import json

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page

from translations import drafts
from translations.permissions import TranslationPermissions

register = template.Library()


def _state(target, missing):
    """(css modifier, label) of the translation's state; the label is shown with
    the colour, never the colour alone."""
    workflow = getattr(target, "current_workflow_state", None)
    if workflow is not None:
        if workflow.status == workflow.STATUS_NEEDS_CHANGES:
            return "needs-changes", _("Changes requested")
        return "awaiting", _("Awaiting moderation")
    if getattr(target, "go_live_at", None) or (
        getattr(target, "scheduled_revision", None) is not None
    ):
        return "scheduled", _("Scheduled")
    live = getattr(target, "live", True)
    if live and getattr(target, "has_unpublished_changes", False):
        return "draft", _("Live, with a draft not yet submitted")
    if live:
        return "live", _("Live")
    if missing:
        return "in-progress", _("In progress")
    return "draft", _("Draft, not yet submitted")


@register.simple_tag(takes_context=True)
def translation_actions(context, translation, instance):
    request = context["request"]
    user = request.user
    permissions = TranslationPermissions(user)
    total, done = drafts.progress(translation)
    missing = total - done
    can_edit = permissions.can_edit(instance)
    can_publish = permissions.can_publish(instance)
    workflow = getattr(instance, "current_workflow_state", None)
    task_actions = []
    task_state = None
    if workflow is not None and workflow.status == workflow.STATUS_IN_PROGRESS:
        task_state = workflow.current_task_state
        task_actions = [
            name
            for name, _label, _modal in task_state.task.specific.get_actions(
                instance, user
            )
        ]
    modifier, label = _state(instance, missing)
    if isinstance(instance, Page):
        draft_url = reverse("wagtailadmin_pages:view_draft", args=[instance.pk])
        history_url = reverse("wagtailadmin_pages:history", args=[instance.pk])
    else:
        viewset = instance.snippet_viewset
        revision = instance.latest_revision
        draft_url = (
            reverse(
                viewset.get_url_name("revisions_view"), args=[instance.pk, revision.pk]
            )
            if revision is not None
            else None
        )
        history_url = reverse(viewset.get_url_name("history"), args=[instance.pk])
    return {
        "total": total,
        "done": done,
        "missing": missing,
        "state": modifier,
        "state_label": label,
        "can_submit": can_edit and not missing and not task_actions,
        "in_moderation": workflow is not None,
        "can_edit": can_edit,
        "can_publish": can_publish,
        "can_delete": permissions.can_delete(instance),
        "task_actions": task_actions,
        "task_state": task_state,
        "draft_url": draft_url,
        "history_url": history_url,
        "preview_url": reverse(
            "wagtail_localize:preview_translation", args=[translation.pk]
        )
        if isinstance(instance, Page)
        else None,
        "submit_url": reverse(
            "portal_translations:submit_for_moderation", args=[translation.pk]
        ),
        "publish_url": reverse(
            "portal_translations:publish_translation", args=[translation.pk]
        ),
        "moderate_url": reverse(
            "portal_translations:moderate_translation", args=[translation.pk]
        ),
        "is_snippet_draft_state": isinstance(instance, DraftStateMixin)
        and not isinstance(instance, Page),
    }


@register.filter
def editor_props(props, actions):
    """wagtail-localize's editor props without the buttons this user cannot use:
    "Delete" and "Convert to alias page" only for those allowed, and its
    "Publish" only for a moderator and a complete translation (publishing with
    missing strings is a separate, explicit choice)."""
    data = json.loads(props)
    perms = data.get("perms", {})
    links = data.get("links", {})
    if not actions["can_publish"]:
        links["convertToAliasUrl"] = None
        perms["canUnpublish"] = False
    if not actions["can_delete"]:
        perms["canDelete"] = False
    perms["canPublish"] = actions["can_publish"] and not actions["missing"]
    return json.dumps(data)
