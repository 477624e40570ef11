"""Suggestions are deleted when their retention period ends: each new
suggestion books a purge for the moment it expires on the "background" task
backend (the database queue, which can run a task later); `purge_suggestions`
from cron, and the purges on every new suggestion and every opening of the
admin listing, cover a backend that cannot (the immediate one of tests)."""

from django_tasks import task


@task(backend="background")
def purge_expired_suggestions_task():
    from .suggestions import purge_expired_suggestions

    return purge_expired_suggestions()
