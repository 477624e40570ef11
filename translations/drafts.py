"""Translations go through moderation like any other change.

wagtail-localize writes a translation into its target with `save_target`: on a
target that visitors already see (a live page or published snippet), that
saves the new text into the very row the public site reads, even when asked
for a draft. Here the translated strings go into a draft *revision* of the
target, and the moderation workflow starts (or resumes) on it; the public
version changes only when a moderator approves or publishes.

A translation is submitted only complete; a moderator may still publish one
with strings missing (they then show the source text) by saying so.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.segments.ingest import ingest_segments


class IncompleteTranslation(Exception):
    def __init__(self, missing, total):
        super().__init__(f"{missing} of {total} strings are not translated")
        self.missing = missing
        self.total = total


def progress(translation):
    """(total, translated) string counts of a translation."""
    return translation.get_progress()


def missing_strings(translation):
    total, done = progress(translation)
    return total - done


def target_of(translation):
    """The translated page or snippet (specific), or None before the first save."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return target.specific if isinstance(target, Page) else target


def _is_public(target):
    return isinstance(target, DraftStateMixin) and target.live


def save_draft(translation, user):
    """Write the current translations into a draft revision of the target and
    return the target. Visitors keep seeing the published version."""
    target = target_of(translation)
    if target is None or not _is_public(target):
        # Nothing public to protect: wagtail-localize creates or updates the
        # unpublished target and saves a revision of it.
        translation.save_target(user=user, publish=False)
        return target_of(translation)
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(
        translation.target_locale, fallback=True
    )
    ingest_segments(
        original, target, source.locale, translation.target_locale, segments
    )
    # save_revision stores the content in the revision and only updates the
    # row's draft bookkeeping (latest revision, draft title), never its content.
    target.save_revision(user=user)
    return target


def submit_for_moderation(translation, user):
    """Save the translation as a draft and send it to the moderators: start the
    workflow, resume it after a moderator asked for changes, or (already under
    review) leave it running on the newer revision. Refuses an incomplete
    translation."""
    total, done = progress(translation)
    if done < total:
        raise IncompleteTranslation(total - done, total)
    with transaction.atomic():
        target = save_draft(translation, user)
        state = getattr(target, "current_workflow_state", None)
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        elif state is None:
            workflow = target.get_workflow()
            if workflow is not None:
                workflow.start(target, user)
    return target


def publish_with_fallback(translation, user):
    """A moderator's explicit choice: publish now, missing strings showing the
    source text (wagtail-localize's own publish, which falls back)."""
    translation.save_target(user=user, publish=True)
    return target_of(translation)
