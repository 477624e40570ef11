"""Background jobs in the admin (Reports > Background jobs): what the task
worker has waiting, running and, above all, what failed and why, with a button
that queues a failed job again. Jobs are django-tasks-db's rows; the worker is
`manage.py db_worker --backend background`."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

# What each task does, in the editors' words (tasks not listed show their name).
TASK_LABELS = {
    "search.tasks.extract_document_text": _("Read a document's text for the search"),
    "translations.tasks.translate_subtree_task": _("Translate a section"),
    "directory.tasks.purge_expired_suggestions_task": _(
        "Delete expired centre suggestions"
    ),
}
SHOWN = 50
# A job still "running" after this long lost its worker (a restart mid-task).
STALLED_AFTER = datetime.timedelta(minutes=30)


def can_view(user):
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def _subject(job):
    """The document or page a job is about, for the listing."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    args = (job.args_kwargs or {}).get("args") or []
    if not args or not isinstance(args[0], int):
        return None
    model = {
        "search.tasks.extract_document_text": get_document_model(),
        "translations.tasks.translate_subtree_task": Page,
    }.get(job.task_path)
    if model is None:
        return None
    item = model.objects.filter(pk=args[0]).first()
    if item is None:
        return None
    if isinstance(item, Page):
        return item.get_admin_display_title()
    return item.title


def reason(job):
    """The error's last line ("ValueError: file is not a PDF"), not the
    whole traceback (shown on request)."""
    lines = [line for line in (job.traceback or "").splitlines() if line.strip()]
    if lines:
        return lines[-1].strip()
    return job.exception_class_path.rsplit(".", 1)[-1]


def _rows(jobs):
    now = timezone.now()
    for job in jobs:
        label = TASK_LABELS.get(job.task_path, job.task_path.rsplit(".", 1)[-1])
        subject = _subject(job)
        yield {
            "job": job,
            "label": label,
            "title": (
                # Translators: a background job and what it is about.
                _("%(job)s: %(subject)s") % {"job": label, "subject": subject}
                if subject
                else label
            ),
            "reason": reason(job) if job.status == "FAILED" else "",
            "stalled": job.status == "RUNNING"
            and job.started_at
            and now - job.started_at > STALLED_AFTER,
        }


def jobs_report(request):
    from django_tasks_db.models import DBTaskResult

    if not can_view(request.user):
        raise PermissionDenied
    recent = DBTaskResult.objects.order_by("-enqueued_at")
    failed = recent.filter(status="FAILED")
    return TemplateResponse(
        request,
        "portal/jobs.html",
        {
            "title": _("Background jobs"),
            "failed": list(_rows(failed[:SHOWN])),
            "failed_count": failed.count(),
            "waiting_count": recent.filter(status="READY").count(),
            "recent": list(_rows(recent.exclude(status="FAILED")[:SHOWN])),
        },
    )


@require_POST
def retry_job(request, job_id):
    """Queue a failed job again with the same arguments; the failed row gives
    way to the new one, which the listing then shows waiting."""
    from django_tasks_db.models import DBTaskResult

    if not can_view(request.user):
        raise PermissionDenied
    job = get_object_or_404(DBTaskResult, pk=job_id, status="FAILED")
    label = TASK_LABELS.get(job.task_path, job.task_path)
    from django.utils.module_loading import import_string
    from django_tasks.base import Task
    from django_tasks.exceptions import InvalidTaskError

    arguments = job.args_kwargs or {}
    try:
        task = import_string(job.task_path)
        if not isinstance(task, Task):
            raise TypeError(job.task_path)
        # Now, whatever delay the first run had.
        task.using(
            priority=job.priority,
            queue_name=job.queue_name,
            backend=job.backend_name,
        ).enqueue(*arguments.get("args", []), **arguments.get("kwargs", {}))
    except (ImportError, TypeError, InvalidTaskError):
        messages.error(
            request, _("This job cannot be run again: its task no longer exists.")
        )
        return redirect("portal_jobs:index")
    job.delete()
    messages.success(request, _("“%(job)s” is queued again.") % {"job": label})
    return redirect("portal_jobs:index")


def admin_urls():
    urls = [
        path("", jobs_report, name="index"),
        path("<uuid:job_id>/retry/", retry_job, name="retry"),
    ]
    return [path("jobs/", include((urls, "portal_jobs")))]


def menu_item():
    from wagtail.admin.menu import MenuItem

    class JobsMenuItem(MenuItem):
        def is_shown(self, request):
            return can_view(request.user)

    return JobsMenuItem(
        _("Background jobs"),
        reverse("portal_jobs:index"),
        icon_name="cogs",
        order=900,
        name="background-jobs",
    )
