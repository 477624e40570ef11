"""Publications (`Resource`) with one file per language, and the download
counter kept per publication and file language, without personal data."""

from django.conf import settings
from django.contrib.admin import display as admin_display
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from portal.models import ModeratedSnippet

from ..panels import DownloadCountsPanel

LICENCE_CHOICES = [
    ("cc-by-sa-4.0", "CC BY-SA 4.0"),
    ("cc-by-4.0", "CC BY 4.0"),
    ("cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"),
    ("all-rights-reserved", _("All rights reserved")),
]
LICENCE_URLS = {
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-nc-sa-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
}


class Resource(ModeratedSnippet, ClusterableModel):
    """One publication (a report, the Guide's PDF edition, a toolkit) with its
    files, one per language. The title and description are translated; the
    files and the licence are the same in every language."""

    title = models.CharField(
        _("title"), max_length=255, help_text=_("The publication's title.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences on what the publication contains."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=LICENCE_CHOICES,
        default="cc-by-sa-4.0",
        help_text=_("Shown beside the publication, with a link to its terms."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("The year of publication."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("licence"),
        FieldPanel("year"),
        InlinePanel("files", heading=_("Files"), label=_("File"), min_num=1),
        DownloadCountsPanel(heading=_("Downloads")),
    ]
    override_translatable_fields = [
        SynchronizedField("licence", overridable=False),
        SynchronizedField("year", overridable=False),
        SynchronizedField("files", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def files_for(self, language=None):
        """The files, the visitor's language first, then English, then the
        others in the order of the site's languages (uses prefetched files)."""
        return order_files(self.files.all(), language)

    @admin_display(description=_("Downloads (per file language)"))
    def downloads_label(self):
        counts = self.download_counts()
        if not counts:
            return "0"
        total = sum(counts.values())
        parts = ", ".join(f"{code}: {n}" for code, n in sorted(counts.items()))
        return f"{total} ({parts})"

    def download_counts(self):
        """{language code: downloads} for this publication."""
        return dict(
            DownloadCount.objects.filter(resource_key=self.translation_key).values_list(
                "language", "downloads"
            )
        )


def order_files(files, language=None):
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    rank = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}

    def key(resource_file):
        if resource_file.language == language:
            return (0, 0)
        if resource_file.language == settings.LANGUAGE_CODE:
            return (1, 0)
        return (2, rank.get(resource_file.language, 99))

    return sorted(files, key=key)


class ResourceFile(Orderable):
    """The file of a publication in one language."""

    resource = ParentalKey(
        Resource,
        related_name="files",
        on_delete=models.CASCADE,
        help_text=_("The publication this file belongs to."),
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=settings.LANGUAGES,
        help_text=_("The language the file is written in."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The file itself; its format and size are shown to visitors."),
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return f"{self.resource} ({self.language})"

    @property
    def language_name(self):
        from directory.models import language_name

        return language_name(self.language)

    def get_download_url(self):
        """The counting URL (in the visitor's language prefix); it redirects to
        Wagtail's document serve view, so collection privacy still applies."""
        return reverse(
            "guide_resource_download",
            kwargs={"key": self.resource.translation_key, "language": self.language},
        )


class DownloadCount(models.Model):
    """How many times the file of one publication in one language was
    requested. Only these three values are stored: no address, no browser, no
    cookie, no date, nothing about who downloaded."""

    resource_key = models.UUIDField(
        _("publication"),
        help_text=_(
            "The translation key of the publication (the same in every language)."
        ),
    )
    language = models.CharField(
        _("file language"),
        max_length=7,
        help_text=_("The language of the file that was downloaded."),
    )
    downloads = models.PositiveBigIntegerField(
        _("downloads"), default=0, help_text=_("The number of downloads so far.")
    )

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["resource_key", "language"], name="guide_download_count_unique"
            )
        ]

    def __str__(self):
        return f"{self.resource_key} {self.language}: {self.downloads}"

    @classmethod
    def increment(cls, resource_key, language):
        """Add one download atomically (an UPDATE with F(), so concurrent
        requests never lose a count); the row is created on the first one."""
        filters = {"resource_key": resource_key, "language": language}
        if cls.objects.filter(**filters).update(downloads=F("downloads") + 1):
            return
        try:
            with transaction.atomic():
                cls.objects.create(downloads=1, **filters)
        except IntegrityError:  # created meanwhile by another request
            cls.objects.filter(**filters).update(downloads=F("downloads") + 1)


def resources_by_id(ids, language=None):
    """{resource id: {"resource", "files"}} for the given resources, each in the
    visitor's language (else English) with its files, the visitor's language
    first. Whatever translation an id points to, the visitor gets their own:
    one query (files with their resource and document), two at most."""
    ids = [pk for pk in ids if pk]
    if not ids:
        return {}
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    codes = {language, settings.LANGUAGE_CODE}
    related = ("resource__locale", "document")
    rows = list(
        ResourceFile.objects.filter(
            resource__translation_key__in=Resource.objects.filter(pk__in=ids).values(
                "translation_key"
            ),
            resource__locale__language_code__in=codes,
            resource__live=True,
        ).select_related(*related)
    )
    key_of = {row.resource_id: row.resource.translation_key for row in rows}
    missing = [pk for pk in ids if pk not in key_of]
    if missing:  # a resource in neither language: offer it as it is
        extra = list(
            ResourceFile.objects.filter(
                resource_id__in=missing, resource__live=True
            ).select_related(*related)
        )
        rows += extra
        key_of.update({row.resource_id: row.resource.translation_key for row in extra})
    versions = {}
    for row in rows:
        by_language = versions.setdefault(row.resource.translation_key, {})
        entry = by_language.setdefault(
            row.resource.locale.language_code, [row.resource, []]
        )
        entry[1].append(row)
    result = {}
    for pk in ids:
        key = key_of.get(pk)
        if key is None:
            continue
        by_language = versions[key]
        resource, files = (
            by_language.get(language)
            or by_language.get(settings.LANGUAGE_CODE)
            or next(iter(by_language.values()))
        )
        result[pk] = {"resource": resource, "files": order_files(files, language)}
    return result
