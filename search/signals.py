"""Keep DocumentText in step with the document library."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model

from .extract import extract_text


def update_document_text(sender, instance, **kwargs):
    from .models import DocumentText

    if kwargs.get("raw"):
        # Loading a dump: its DocumentText rows come with it, and the file may
        # not be where this process can read it.
        return
    changed = kwargs.get("update_fields")
    existing = DocumentText.objects.filter(document=instance).first()
    if existing and changed and "file" not in changed:
        if existing.title != instance.title:
            existing.title = instance.title
            existing.save()
        return
    text = extract_text(instance)
    if existing is None:
        existing = DocumentText(document=instance)
    elif existing.title == instance.title and existing.text == text:
        return
    existing.title = instance.title
    existing.text = text
    existing.save()


def connect():
    post_save.connect(
        update_document_text,
        sender=get_document_model(),
        dispatch_uid="portal_search_document_text",
    )
