"""Suggestions are deleted when their retention period ends. With a task
backend that can run a task later (django_tasks' run_after), each new
suggestion books a purge for the moment it expires; `purge_suggestions` from
cron, and the purges on every new suggestion and every opening of the admin
listing, cover backends that cannot (the immediate one of development and
tests)."""

from django_tasks import task


@task()
def purge_expired_suggestions_task():
    from .suggestions import purge_expired_suggestions

    return purge_expired_suggestions()
