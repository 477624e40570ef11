"""Bulk translation outside the request: wagtail-localize hands "translate this
page's subtree" to its job backend (WAGTAILLOCALIZE_JOBS); this backend turns
it into a task of Wagtail's task framework (django_tasks, the TASKS setting),
so a worker does the hundreds of pages, never the web request. With the
immediate task backend (tests) it still runs at once."""

from django_tasks import task
from wagtail_localize.tasks import BaseJobBackend

# Imported while wagtail_localize.models loads: models are imported lazily.


@task(backend="background")
def translate_subtree_task(page_id, locale_ids, user_id=None):
    """Translate the descendants of a page that have no translation yet in each
    language; pages translated already (perhaps live, perhaps under
    moderation) are left as they are, so a partly translated section can be
    completed in bulk without touching what exists."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale, Page
    from wagtail_localize.operations import TranslationCreator

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    page = Page.objects.get(pk=page_id)
    for locale in Locale.objects.filter(pk__in=locale_ids):
        creator = TranslationCreator(user, [locale])
        for child in page.get_descendants().order_by("path"):
            existing = child.get_translation_or_none(locale)
            if existing is None or existing.alias_of_id is not None:
                creator.create_translations(child)


class WagtailTasksBackend(BaseJobBackend):
    def enqueue(self, func, args, kwargs):
        if (func.__module__, func.__name__) == (
            "wagtail_localize.operations",
            "translate_page_subtree",
        ):
            page_id, locales, _components, user = args
            translate_subtree_task.enqueue(
                page_id,
                [locale.pk for locale in locales],
                getattr(user, "pk", None),
            )
        else:  # anything else wagtail-localize may hand over: run it now
            func(*args, **kwargs)
