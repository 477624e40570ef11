"""Background tasks of the site search (Wagtail's task framework, the
"background" backend: the database-backed queue run by `db_worker`)."""

from django_tasks import task


@task(backend="background")
def extract_document_text(document_id):
    from .signals import extract_now

    extract_now(document_id)
