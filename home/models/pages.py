"""The home page of each language and the standard content pages."""

from django.db import models
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.models import PortalSettings
from portal.pages import PortalPageMixin
from portal.params import id_param
from portal.routing import CachedRouteMixin

from ..home_page import about_page, key_results, section_cards
from .partners import Partner


class HomePage(CachedRouteMixin, PortalPageMixin, Page):
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
    # Each section of the site, once per language (their own max_count_per_parent).
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "events.EventIndexPage",
        "directory.DirectoryPage",
        "guide.GuidePage",
        "guide.CaseStudyIndexPage",
        "guide.CompetenceFrameworkPage",
        "guide.ProjectOutputsPage",
    ]

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
        context["section_cards"] = section_cards(request, self)
        context["key_results"] = key_results(request, self)
        context["about"] = about_page(request, self)
        context["partners"] = Partner.for_locale(self.locale)
        context["home_json_ld"] = self.home_json_ld(request, context["partners"])
        context["untranslated_from"] = self.untranslated_source(request)
        return context

    def home_json_ld(self, request, partners):
        """schema.org Organization (the partnership, its members) and WebSite
        (with the site search) for search engines."""
        root = self.get_full_url(request)
        organisation = {
            "@type": "Organization",
            "@id": root + "#organization",
            "name": "Keep In Pact",
            "url": root,
            "logo": request.build_absolute_uri(static("img/logo.svg")),
            "description": self.meta_description,
            "member": [
                {
                    "@type": "Organization",
                    "name": partner.name,
                    **({"url": partner.website} if partner.website else {}),
                }
                for partner in partners
            ],
        }
        contact = PortalSettings.for_request(request).contact_email
        if contact:
            organisation["email"] = contact
        website = {
            "@type": "WebSite",
            "@id": root + "#website",
            "name": "Keep In Pact",
            "url": root,
            "inLanguage": self.locale.language_code,
            "publisher": {"@id": root + "#organization"},
            "potentialAction": {
                "@type": "SearchAction",
                "target": request.build_absolute_uri(reverse("search"))
                + "?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        }
        return {"@context": "https://schema.org", "@graph": [organisation, website]}

    def untranslated_source(self, request):
        """The page a visitor was reading when they switched to a language it is
        not available in (the switcher sends them here with ?untranslated=<id>)."""
        page_id = id_param(request.GET.get("untranslated"))
        if page_id is None:
            return None
        return Page.objects.live().public().filter(pk=page_id).specific().first()


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
