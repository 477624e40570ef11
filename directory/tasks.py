"""Suggestions are deleted when their retention period ends: each new
suggestion books a purge for the moment it expires on the "background" task
backend (the database queue, which can run a task later); `purge_suggestions`
from cron, and the purges on every new suggestion and every opening of the
admin listing, cover a backend that cannot (the immediate one of tests)."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import model


def retention_days():
    return settings.DIRECTORY_SUGGESTION_RETENTION_DAYS


def expiry(suggestion):
    return suggestion.created_at + datetime.timedelta(days=retention_days())


def purge_expired_suggestions():
    """Delete the suggestions (with their senders' name and e-mail) sent longer
    ago than the retention period; returns how many were deleted."""
    cutoff = timezone.now() - datetime.timedelta(days=retention_days())
    suggestions = model("CentreSuggestion")
    _total, deleted = suggestions.objects.filter(created_at__lt=cutoff).delete()
    return deleted.get(suggestions._meta.label, 0)


@task(backend="background")
def purge_expired_suggestions_task():
    return purge_expired_suggestions()
