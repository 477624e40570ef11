"""The directory's own search index: one row per live centre page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal.countries import country_name

from .centres import CENTRE_TYPES


class DirectoryEntry(models.Model):
    """The directory's own search index: one row per live centre page, written
    when a centre is published and removed when it is unpublished or deleted.
    Lists, the map, exports and autocomplete read only this table, so a search
    costs the same few queries whatever the size of the page tree. On SQLite a
    FTS5 table (directory_entry_fts, created by migration 0002 and kept in sync
    by triggers) indexes the text; on PostgreSQL a generated tsvector column with
    a GIN index does."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="directory_entry",
        help_text=_("The centre page this row describes."),
    )
    locale = models.ForeignKey(
        Locale,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The language of the centre page."),
    )
    directory = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The directory page the centre is listed in."),
    )
    title = models.CharField(max_length=255, help_text=_("The centre's name."))
    sort_title = models.CharField(
        max_length=255, help_text=_("The name folded to lower case, for sorting.")
    )
    url = models.CharField(max_length=500, help_text=_("The page's path."))
    centre_type = models.CharField(max_length=30, help_text=_("The centre type."))
    country = models.CharField(max_length=2, help_text=_("ISO country code."))
    region = models.CharField(max_length=100, blank=True, help_text=_("Region."))
    city = models.CharField(max_length=100, blank=True, help_text=_("City."))
    city_key = models.CharField(
        max_length=100, blank=True, help_text=_("The city folded, for autocomplete.")
    )
    address = models.CharField(max_length=255, blank=True, help_text=_("Address."))
    postcode = models.CharField(max_length=20, blank=True, help_text=_("Postcode."))
    website = models.CharField(max_length=200, blank=True, help_text=_("Website."))
    email = models.CharField(max_length=254, blank=True, help_text=_("E-mail."))
    phone = models.CharField(max_length=40, blank=True, help_text=_("Phone."))
    latitude = models.FloatField(null=True, blank=True, help_text=_("Latitude."))
    longitude = models.FloatField(null=True, blank=True, help_text=_("Longitude."))
    services = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("Service slugs between spaces (“ guidance training ”)."),
    )
    languages = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Language codes between spaces (“ fr en ”)."),
    )
    has_tour = models.BooleanField(default=False, help_text=_("Has a 360° tour."))
    search_text = models.TextField(
        blank=True, help_text=_("Folded text of the description and services.")
    )
    facets = models.CharField(
        max_length=1000,
        blank=True,
        help_text=_(
            "Filter tokens (language, country, type, services, languages, tour) "
            "indexed in their own full-text column, so filters intersect inside "
            "the full-text index."
        ),
    )

    class Meta:
        verbose_name = _("directory index entry")
        verbose_name_plural = _("directory index entries")
        indexes = [
            models.Index(fields=["locale", "sort_title"], name="dir_entry_title"),
            models.Index(fields=["locale", "country"], name="dir_entry_country"),
            models.Index(fields=["locale", "city_key"], name="dir_entry_city"),
            models.Index(
                fields=["locale", "latitude", "longitude"], name="dir_entry_geo"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def country_label(self):
        return country_name(self.country)

    @property
    def type_label(self):
        return dict(CENTRE_TYPES).get(self.centre_type, self.centre_type)

    @property
    def service_slugs(self):
        return self.services.split()

    @property
    def language_codes(self):
        return self.languages.split()
