"""Text extracted from documents, indexed so the site search finds documents by
what they say. Extracted once when a document is saved (search.signals)."""

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
