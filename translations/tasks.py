"""Bulk translation outside the request: wagtail-localize hands "translate this
page's subtree" to its job backend (WAGTAILLOCALIZE_JOBS); this backend turns
it into a task of Wagtail's task framework (django_tasks, the TASKS setting),
so a worker does the hundreds of pages, never the web request. With the
default immediate task backend (development, tests) it still runs at once."""

from django_tasks import task
from wagtail_localize.tasks import BaseJobBackend

# Imported while wagtail_localize.models loads: models are imported lazily.


@task()
def translate_subtree_task(page_id, locale_ids, user_id=None):
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_page_subtree

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    translate_page_subtree(
        page_id, Locale.objects.filter(pk__in=locale_ids), None, user
    )


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
