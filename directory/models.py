"""The centre directory: a DirectoryPage per language, CentrePage children, the
Service taxonomy, the directory's own search index (DirectoryEntry) and what
visitors suggest (CentreSuggestion)."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import RICH_TEXT_FEATURES
from portal.countries import country_choices, country_name
from portal.forms import TaxonomyChoicesPageForm
from portal.localization import published
from portal.models import ModeratedSnippet
from portal.pages import PortalPageMixin

CENTRE_TYPES = [
    ("cite_des_metiers", _("Cité des métiers")),
    ("one_stop_shop", _("One-stop shop")),
    ("guidance_centre", _("Guidance centre")),
    ("online_service", _("Online service")),
]
LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}$")


def language_name(code, language=None):
    """The name of a language (ISO 639 code) in the visitor's language (Babel)."""
    from babel import Locale as BabelLocale

    language = (language or get_language() or "en").split("-")[0]
    try:
        return BabelLocale.parse(language).languages.get(code, code)
    except (ValueError, TypeError):
        return code


def parse_language_codes(value):
    """'fr, en ,AR' -> ['fr', 'en', 'ar'] (order kept, duplicates dropped)."""
    codes = []
    for part in re.split(r"[\s,;]+", value or ""):
        code = part.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def validate_language_codes(value):
    bad = [c for c in parse_language_codes(value) if not LANGUAGE_CODE_RE.match(c)]
    if bad:
        raise ValidationError(
            _("Use ISO 639-1 language codes separated by commas (e.g. fr, en, ar): %s"),
            params=(", ".join(bad),),
        )


def tour_embeddable(url):
    """Whether the Content-Security-Policy lets this tour load in a frame
    (its origin, or "https:", listed in frame-src); otherwise the page links to
    the tour instead of embedding it."""
    from urllib.parse import urlsplit

    if not url:
        return False
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc:
        return False
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    allowed = (policy.get("DIRECTIVES") or {}).get("frame-src")
    if allowed is None:
        return True  # no policy on frames
    origin = f"https://{parts.netloc}"
    return any(source in ("https:", origin, origin + "/") for source in allowed)


class Service(ModeratedSnippet):
    """A service a centre offers (information, guidance and counselling...).
    Translatable: visitors filter on it in their own language; its slug is the
    same in every language, so a filter link works across languages."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("The service as visitors read it.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "A short identifier used in filter links, the same in every language "
            "(e.g. guidance)."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"),
        default=100,
        help_text=_("Services are listed by this number, then by name."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def for_locale(cls, locale):
        """Every service in `locale`, falling back to the default language for a
        service not yet translated, keyed by slug in sort order."""
        services = list(
            published(cls.objects)
            .filter(
                locale__language_code__in={locale.language_code, settings.LANGUAGE_CODE}
            )
            .select_related("locale")
        )
        by_slug = {}
        for service in services:
            if service.locale_id == locale.pk:
                by_slug[service.slug] = service
        for service in services:
            by_slug.setdefault(service.slug, service)
        return dict(
            sorted(by_slug.items(), key=lambda item: (item[1].sort_order, item[1].name))
        )


class DirectoryPage(RoutablePageMixin, PortalPageMixin, Page):
    """The centre directory of one language: search, filters, map, exports."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A short text above the search form."),
    )
    teaser = models.TextField(
        _("home page teaser"),
        blank=True,
        help_text=_("One or two sentences shown on the home page under the title."),
    )
    suggest_intro = RichTextField(
        _("suggestion form introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the “suggest or update a centre” form."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("teaser"),
        FieldPanel("suggest_intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.CentrePage", "tours.VirtualTourIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory page")

    def get_template(self, request, *args, **kwargs):
        return "directory/directory_page.html"

    @path("")
    def index_route(self, request):
        from .views import directory_list

        return directory_list(request, self)

    @path("geojson/")
    def geojson_route(self, request):
        from .views import directory_geojson

        return directory_geojson(request, self)

    @path("csv/")
    def csv_route(self, request):
        from .views import directory_csv

        return directory_csv(request, self)

    @path("autocomplete/")
    def autocomplete_route(self, request):
        from .views import directory_autocomplete

        return directory_autocomplete(request, self)

    @path("suggest/")
    def suggest_route(self, request):
        from .views import suggest_centre

        return suggest_centre(request, self)


class CentrePageForm(TaxonomyChoicesPageForm):
    """Offers the services of the page's own language (they are the same list in
    every language; the slug ties them together)."""

    taxonomy_fields = ("services",)
    taxonomy_locale = "page"


class CentrePage(PortalPageMixin, Page):
    """A lifelong career guidance centre: contact data and coordinates are the
    same in every language; the description and notes are translated."""

    TYPE_CHOICES = CENTRE_TYPES
    base_form_class = CentrePageForm

    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "A stable identifier from the network's own records; imports update "
            "the centre that has it."
        ),
    )
    centre_type = models.CharField(
        _("type"),
        max_length=30,
        choices=CENTRE_TYPES,
        default="guidance_centre",
        help_text=_("What kind of centre this is."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=country_choices,
        help_text=_("The country the centre is in."),
    )
    region = models.CharField(
        _("region"),
        max_length=100,
        blank=True,
        help_text=_("Region, province or canton."),
    )
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("Town or city.")
    )
    address = models.CharField(
        _("street address"),
        max_length=255,
        blank=True,
        help_text=_("Street and number, as on a letter."),
    )
    postcode = models.CharField(
        _("postcode"), max_length=20, blank=True, help_text=_("Postal code.")
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, north positive (e.g. 48.8957)."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, east positive (e.g. 2.3880)."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The centre's own website.")
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("A public contact address.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("A public phone number with its country code (+33 ...)."),
    )
    same_as = models.TextField(
        _("other official pages"),
        blank=True,
        help_text=_(
            "Other pages about the centre (social media, registries), one URL a line."
        ),
    )
    services = ParentalManyToManyField(
        "directory.Service",
        blank=True,
        related_name="centres",
        verbose_name=_("services offered"),
        help_text=_("What visitors can get at the centre."),
    )
    publics = models.TextField(
        _("publics served"),
        blank=True,
        help_text=_("Who the centre is for (young people, job seekers, employers...)."),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("ISO 639-1 codes separated by commas, e.g. fr, en, ar."),
    )
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("Opening hours as visitors read them, one line a period."),
    )
    opening_hours_spec = models.CharField(
        _("opening hours (machine-readable)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The same in schema.org form for search engines, e.g. “Tu-Fr 10:00-18:00, "
            "Sa 12:00-18:00”."
        ),
    )
    accessibility = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Step-free access, hearing loops, sign language, quiet hours..."),
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the centre does and how it works with its partners."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo of the centre; its alternative text is the title."),
    )
    virtual_tour_url = models.URLField(
        _("360° virtual tour"),
        blank=True,
        help_text=_(
            "The address of an embeddable 360° tour; it loads only when a visitor "
            "asks for it."
        ),
    )
    virtual_tour_text = models.TextField(
        _("virtual tour text alternative"),
        blank=True,
        help_text=_("What the tour shows, for visitors who cannot use it."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("centre_type"),
                FieldPanel("external_id"),
                FieldPanel("description"),
                FieldPanel("image"),
            ],
            heading=_("The centre"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address and location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("same_as"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("services", widget=forms.CheckboxSelectMultiple),
                FieldPanel("publics"),
                FieldPanel("languages"),
                FieldPanel("opening_hours"),
                FieldPanel("opening_hours_spec"),
                FieldPanel("accessibility"),
            ],
            heading=_("Services and access"),
        ),
        MultiFieldPanel(
            [FieldPanel("virtual_tour_url"), FieldPanel("virtual_tour_text")],
            heading=_("Virtual tour"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("city"),
        index.SearchField("description"),
        index.FilterField("country"),
    ]
    override_translatable_fields = [
        SynchronizedField("external_id"),
        SynchronizedField("centre_type"),
        SynchronizedField("country"),
        SynchronizedField("region"),
        SynchronizedField("city"),
        SynchronizedField("address"),
        SynchronizedField("postcode"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("same_as"),
        SynchronizedField("languages"),
        SynchronizedField("opening_hours_spec"),
        SynchronizedField("image"),
        SynchronizedField("virtual_tour_url"),
    ]

    parent_page_types = ["directory.DirectoryPage"]
    subpage_types = ["tours.VirtualTourPage"]

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")

    # What templates and the index read -------------------------------------
    @property
    def country_label(self):
        return country_name(self.country)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def language_codes(self):
        return parse_language_codes(self.languages)

    @property
    def language_labels(self):
        return [language_name(code) for code in self.language_codes]

    @property
    def same_as_urls(self):
        return [
            line.strip()
            for line in (self.same_as or "").splitlines()
            if line.strip().startswith(("http://", "https://"))
        ]

    @cached_property
    def localized_services(self):
        """The centre's services named in this page's language (fallback: any)."""
        slugs = [service.slug for service in self.services.all()]
        if not slugs:
            return []
        catalogue = Service.for_locale(self.locale)
        return [catalogue[slug] for slug in catalogue if slug in slugs]

    def get_context(self, request, *args, **kwargs):
        from .views import map_settings

        context = super().get_context(request, *args, **kwargs)
        context["map_settings"] = map_settings()
        context["directory"] = self.get_parent().specific
        context["centre_json_ld"] = self.get_json_ld(request)
        context["tour_embeddable"] = tour_embeddable(self.virtual_tour_url)
        # What other apps add to a centre's page (its own virtual tour).
        from wagtail import hooks

        for add_context in hooks.get_hooks("centre_page_context"):
            add_context(self, request, context)
        return context

    def get_json_ld(self, request):
        address = {
            "@type": "PostalAddress",
            "addressCountry": self.country,
        }
        for key, value in (
            ("streetAddress", self.address),
            ("postalCode", self.postcode),
            ("addressLocality", self.city),
            ("addressRegion", self.region),
        ):
            if value:
                address[key] = value
        data = {
            "@context": "https://schema.org",
            "@type": ["Organization", "Place"],
            "@id": self.get_full_url(request) + "#centre",
            "name": self.title,
            "url": self.get_full_url(request),
            "address": address,
        }
        if self.has_location:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": self.latitude,
                "longitude": self.longitude,
            }
        if self.opening_hours_spec:
            data["openingHours"] = [
                part.strip()
                for part in self.opening_hours_spec.split(",")
                if part.strip()
            ]
        same_as = [url for url in [self.website, *self.same_as_urls] if url]
        if same_as:
            data["sameAs"] = same_as
        if self.email:
            data["email"] = self.email
        if self.phone:
            data["telephone"] = self.phone
        if self.search_description:
            data["description"] = self.search_description
        return [data]


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


class CentreSuggestion(models.Model):
    """What a visitor sent through the "suggest or update a centre" form, kept
    apart from the pages: a suggested update never becomes a revision of the
    centre by itself (moderation would then publish a stranger's text over an
    editor's pending work); a moderator applies it on top of the page's latest
    draft. A suggested new centre is a draft page in moderation, linked here.
    Records are deleted once DIRECTORY_SUGGESTION_RETENTION_DAYS have passed
    (directory.suggestions.purge_expired_suggestions)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPLIED = "applied", _("applied")
        REJECTED = "rejected", _("rejected")

    created_at = models.DateTimeField(
        _("sent at"), auto_now_add=True, db_index=True, help_text=_("When.")
    )
    directory = models.ForeignKey(
        DirectoryPage,
        verbose_name=_("directory"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The directory whose form it came from."),
    )
    centre = models.ForeignKey(
        CentrePage,
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The centre to update or, for a new centre, the draft page made for it."
        ),
    )
    is_update = models.BooleanField(
        _("update"), default=False, help_text=_("An update of an existing centre.")
    )
    data = models.JSONField(
        _("suggested values"),
        default=dict,
        blank=True,
        help_text=_("The centre's fields as the visitor sent them."),
    )
    contact_name = models.CharField(
        _("contact name"), max_length=200, blank=True, help_text=_("Who sent it.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("How to reach them about it.")
    )
    message = models.TextField(
        _("message"), blank=True, help_text=_("What they told moderators.")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_("Whether a moderator has applied or rejected it."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The moderator who applied or rejected it."),
    )
    reviewed_at = models.DateTimeField(
        _("reviewed at"), null=True, blank=True, help_text=_("When they did.")
    )

    class Meta:
        verbose_name = _("centre suggestion")
        verbose_name_plural = _("centre suggestions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.suggested_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def suggested_name(self):
        return self.data.get("name") or (self.centre.title if self.centre else "")

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def has_contact_data(self):
        return bool(self.contact_name or self.contact_email or self.message)
