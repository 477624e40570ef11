"""A centre of the directory: its page, types and embeddable tour."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import versioned_cache
from portal.blocks import RICH_TEXT_FEATURES
from portal.countries import country_choices, country_name
from portal.forms import TaxonomyChoicesPageForm
from portal.pages import PortalPageMixin

from ..centre_fields import CENTRE_TYPES
from ..languages import language_name, parse_language_codes, validate_language_codes
from ..maps import map_settings
from .services import Service


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
    # Fetched with the page when it is served (portal.routing): the directory's
    # index row of a listed centre holds the slugs of its services.
    served_with = ("directory_entry",)

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
        slugs = self._service_slugs()
        if not slugs:
            return []
        catalogue = Service.for_locale(self.locale)
        return [catalogue[slug] for slug in catalogue if slug in slugs]

    def _service_slugs(self):
        """From the directory's index row when the page came with it (a listed
        centre being served: the row is rewritten when the page is published),
        else in a query."""
        related = type(self).directory_entry.related
        if related.is_cached(self) and related.get_cached_value(self) is not None:
            return related.get_cached_value(self).service_slugs
        return [service.slug for service in self.services.all()]

    @cached_property
    def directory(self):
        """The directory the centre is listed in (its parent), shared by its
        centres in this process until the next change of state."""
        from .directory import DirectoryPage

        parent_path = self.path[: -Page.steplen]

        def build():
            found = DirectoryPage.objects.filter(path=parent_path).first()
            return found or self.get_parent().specific

        if not self.pk:  # a page being created: not where a directory is yet
            return build()
        return versioned_cache.in_process(f"directory-at:{parent_path}", build)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_settings"] = map_settings()
        context["directory"] = self.directory
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
