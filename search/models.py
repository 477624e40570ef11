"""Text extracted from documents, indexed so the site search finds documents by
what they say. Extracted by a background task when a document's file is saved
(search.signals, search.tasks); editors see the state on the document."""

from django.conf import settings
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
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_(
            "The language the document is written in: it is listed in that "
            "language's search results, and offered in the others."
        ),
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


class SearchEntry(models.Model):
    """One public page or document as the site search reads it: its texts in
    its language, and what the result list shows. Only live, public pages and
    documents outside private collections have an entry (search.index keeps
    them in step), so every row is something a visitor may see.

    The words themselves are indexed by the database: on PostgreSQL in
    `vector` (a tsvector made with the language's text-search configuration,
    under a GIN index), on SQLite in the full-text table `portal_search_fts`
    (FTS5, filled with the stems of search.analysis)."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page this entry is, if a page."),
    )
    document = models.OneToOneField(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The document this entry is, if a document."),
    )
    language = models.CharField(
        _("language"), max_length=8, help_text=_("The language of the text.")
    )
    kind = models.CharField(
        _("type"), max_length=20, help_text=_("The result type shown and filtered on.")
    )
    title = models.TextField(_("title"), help_text=_("The title."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("Search description, intro, summary.")
    )
    body = models.TextField(
        _("body"), blank=True, help_text=_("The rest of the text, as rendered.")
    )
    boost = models.FloatField(
        default=1.0, help_text=_("Rank factor: section index pages rank lower.")
    )
    date = models.DateField(
        null=True, blank=True, help_text=_("The date shown beside the result.")
    )

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """The words of the public entries of one language, with how many entries
    hold each: the dictionary that forgives a typo. Kept in step with the
    entries by search.index, so it never offers a word from a private page."""

    language = models.CharField(
        max_length=8, help_text=_("The language the word is written in.")
    )
    word = models.CharField(
        max_length=60, help_text=_("The word, lower case, without accents.")
    )
    entries = models.IntegerField(
        default=0, help_text=_("How many public pages and documents hold it.")
    )

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="portal_search_word_unique"
            )
        ]

    def __str__(self):
        return self.word


class ZeroResultSearch(models.Model):
    """A search that found nothing, per language and day (no personal data:
    the words only), for the editors' report of what visitors miss."""

    language = models.CharField(
        _("language"), max_length=8, help_text=_("The language searched in.")
    )
    query_string = models.CharField(
        _("search"), max_length=255, help_text=_("The words searched for.")
    )
    date = models.DateField(_("date"), help_text=_("The day of the searches."))
    hits = models.PositiveIntegerField(
        _("searches"), default=0, help_text=_("How many times that day.")
    )

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "query_string", "date"],
                name="portal_search_zero_unique",
            )
        ]

    def __str__(self):
        return self.query_string
