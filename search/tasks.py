"""Background tasks of the site search (Wagtail's task framework, the
"background" backend: the database-backed queue run by `db_worker`)."""

from django_tasks import task
from wagtail.documents import get_document_model

from .extract import ExtractionFailed, extract_bytes, read_file, supported


@task(backend="background")
def extract_document_text(document_id):
    extract_now(document_id)


def extract_now(document_id):
    """Read the document's file and store its text or why it could not."""
    from .models import DocumentText

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    entry, _ = DocumentText.objects.get_or_create(
        document=document, defaults={"title": document.title}
    )
    if not supported(document.file_extension):
        entry.status, entry.reason, entry.text = entry.UNSUPPORTED, "", ""
    else:
        try:
            entry.text = extract_bytes(document.file_extension, read_file(document))
            entry.status, entry.reason = entry.EXTRACTED, ""
        except ExtractionFailed as failure:
            entry.status, entry.reason, entry.text = entry.FAILED, failure.reason, ""
    entry.title = document.title
    entry.file_name = document.file.name
    entry.save()
