"""Keep DocumentText in step with the document library.

Saving a document with a new file marks its text "pending" and queues the
extraction; the request that uploaded the file does not wait for it."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from .extract import supported


def update_document_text(sender, instance, **kwargs):
    from .models import DocumentText
    from .tasks import extract_document_text

    if kwargs.get("raw"):
        # Loading a dump: its DocumentText rows come with it, and the file may
        # not be where this process can read it.
        return
    changed = kwargs.get("update_fields")
    existing = DocumentText.objects.filter(document=instance).first()
    same_file = existing is not None and (
        (changed and "file" not in changed) or existing.file_name == instance.file.name
    )
    if same_file:
        # Saved again for its title, tags or collection: the text is still
        # the file's (a new file always comes with a new name).
        if existing.title != instance.title:
            existing.title = instance.title
            existing.save(update_fields=["title", "updated_at"])
        return
    if existing is None:
        existing = DocumentText(document=instance)
    existing.title = instance.title
    existing.file_name = instance.file.name
    if supported(instance.file_extension):
        existing.status, existing.reason, existing.text = existing.PENDING, "", ""
        existing.save()
        extract_document_text.enqueue(instance.pk)
    else:
        existing.status, existing.reason, existing.text = existing.UNSUPPORTED, "", ""
        existing.save()


def connect():
    post_save.connect(
        update_document_text,
        sender=get_document_model(),
        dispatch_uid="portal_search_document_text",
    )
