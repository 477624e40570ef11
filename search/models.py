"""Text extracted from documents, indexed so the site search finds documents by
what they say. Extracted by a background task when a document's file is saved
(search.signals, search.tasks); editors see the state on the document."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin
from wagtail.documents import get_document_model_string


class DocumentTextQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class DocumentText(index.Indexed, models.Model):
    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="search_text",
        help_text=_("The document whose text this is."),
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("The document's title, copied.")
    )
    text = models.TextField(
        _("text"), blank=True, help_text=_("Text extracted from the file.")
    )

    PENDING = "pending"
    EXTRACTED = "extracted"
    FAILED = "failed"
    UNSUPPORTED = "unsupported"
    STATUSES = [
        (PENDING, _("Text pending")),
        (EXTRACTED, _("Text extracted")),
        (FAILED, _("Text extraction failed")),
        (UNSUPPORTED, _("No text: this file format is not read")),
    ]
    REASONS = [
        ("too-large", _("the file is larger than 50 MB")),
        ("too-expanded", _("the file expands to more than 200 MB when unpacked")),
        ("timeout", _("reading the file took longer than a minute")),
        ("memory", _("reading the file needed more than 1 GB of memory")),
        ("unreadable", _("the file is damaged or not in the format its name says")),
        ("missing", _("the file could not be found in the storage")),
    ]
    file_name = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("The file the text was read from (a new file is read again)."),
    )
    status = models.CharField(
        _("text state"),
        max_length=20,
        choices=STATUSES,
        default=PENDING,
        help_text=_("Whether the file's text has been read for the site search."),
    )
    reason = models.CharField(
        _("reason"),
        max_length=20,
        choices=REASONS,
        blank=True,
        help_text=_("Why the text could not be read."),
    )
    updated_at = models.DateTimeField(
        _("updated"), auto_now=True, help_text=_("When the state last changed.")
    )

    objects = DocumentTextQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("text"),
        index.FilterField("document_id"),
    ]

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")

    def __str__(self):
        return self.title
