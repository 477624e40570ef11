from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.countries import country_choices, country_name
from portal.pages import PortalPageMixin


class HomePage(PortalPageMixin, Page):
    """The home page of one language: the root of that language's tree."""

    hero_title = models.CharField(
        _("hero title"),
        max_length=200,
        help_text=_("The large statement at the top of the home page."),
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        help_text=_("One or two sentences under the hero title."),
    )
    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the project is, in a short paragraph."),
    )
    highlights = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("highlights"),
        help_text=_(
            "Blocks shown under the introduction: calls to action, videos, quotes."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Hero")
        ),
        FieldPanel("intro"),
        FieldPanel("highlights"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each app that lands fills a slot of the home page (latest news, next
        # events, directory teaser...) through the `portal_home_sections` hook.
        sections = []
        for hook in hooks.get_hooks("portal_home_sections"):
            section = hook(request, self)
            if section:
                sections.append(section)
        context["home_sections"] = sorted(sections, key=lambda s: s.get("order", 50))
        context["partners"] = Partner.for_locale(self.locale)
        context["untranslated_from"] = self.untranslated_source(request)
        return context

    def untranslated_source(self, request):
        """The page a visitor was reading when they switched to a language it is
        not available in (the switcher sends them here with ?untranslated=<id>)."""
        page_id = request.GET.get("untranslated", "")
        if not page_id.isdigit():
            return None
        return Page.objects.live().public().filter(pk=int(page_id)).specific().first()


class StandardPage(PortalPageMixin, Page):
    """About the project, partners, privacy, legal notice, accessibility statement."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short summary shown under the title."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The content of the page."),
    )
    list_partners = models.BooleanField(
        _("list the partners"),
        default=False,
        help_text=_(
            "Show the project partners (from the Partner snippets) after the body."
        ),
    )
    review_date = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "For statements such as accessibility: when this page was last reviewed."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("list_partners"),
        FieldPanel("review_date"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.list_partners:
            context["partners"] = Partner.for_locale(self.locale)
        return context


class Partner(TranslatableMixin, models.Model):
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
        partners = list(cls.objects.select_related("locale", "logo"))
        by_key = {}
        for partner in partners:
            if partner.locale_id == locale.pk:
                by_key[partner.translation_key] = partner
        for partner in partners:
            if (
                partner.translation_key not in by_key
                and partner.locale.language_code == settings.LANGUAGE_CODE
            ):
                by_key[partner.translation_key] = partner
        return sorted(
            by_key.values(), key=lambda p: (p.role != cls.ROLE_COORDINATOR, p.name)
        )
