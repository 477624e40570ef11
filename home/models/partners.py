"""The partner organisations of the project (a translatable snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from portal import versioned_cache
from portal.countries import country_choices, country_name
from portal.localization import in_language, published
from portal.models import ModeratedSnippet


class Partner(ModeratedSnippet):
    """A partner organisation of the project, shown on the partners page and footer."""

    ROLE_COORDINATOR = "coordinator"
    ROLE_PARTNER = "partner"
    ROLE_CHOICES = [(ROLE_COORDINATOR, _("Coordinator")), (ROLE_PARTNER, _("Partner"))]

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The organisation's full name.")
    )
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("An acronym, e.g. RICDM."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=country_choices,
        help_text=_("Where the organisation is based."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=ROLE_CHOICES,
        default=ROLE_PARTNER,
        help_text=_("The coordinator is listed first."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation's logo; its alternative text is the name."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The organisation's website.")
    )
    description = models.TextField(
        _("short description"), blank=True, help_text=_("Two or three sentences.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("country"),
        FieldPanel("role"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["role", "name"]

    def __str__(self):
        return self.name

    @property
    def country_name(self):
        return country_name(self.country)

    @classmethod
    def for_locale(cls, locale):
        """Partners in the given language, falling back to the default language
        for any partner not yet translated."""
        by_key = in_language(cls.objects.select_related("logo"), locale.language_code)
        return sorted(
            by_key.values(), key=lambda p: (p.role != cls.ROLE_COORDINATOR, p.name)
        )

    @classmethod
    def in_language(cls, pk, language_code):
        """Partner `pk` in `language_code` (default-language fallback), None
        for none, from a per-language map cached until a partner changes."""
        if pk is None:
            return None

        def build():
            partners = list(published(cls.objects).select_related("locale"))
            localized = in_language(cls.objects.all(), language_code)
            return {
                partner.pk: localized.get(partner.translation_key, partner)
                for partner in partners
            }

        return versioned_cache.cached(f"news-partners:{language_code}", build).get(pk)
