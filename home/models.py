import datetime
import unicodedata
from urllib.parse import urlencode, urlsplit

from django import forms
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import navigation, versioned_cache
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.countries import country_choices, country_name
from portal.forms import TaxonomyChoicesPageForm
from portal.localization import in_language, page_language, public_pages, published
from portal.models import ModeratedSnippet, PortalSettings
from portal.pages import PortalPageMixin
from portal.params import id_param, int_param

from .home_page import about_page, key_results, section_cards


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


# News ---------------------------------------------------------------------

NEWS_PAGE_SIZE = 12
NEWS_FEED_SIZE = 20
NEWS_CARD_IMAGE = "fill-640x360"
NEWS_LEAD_IMAGE = "fill-1200x675"


def _as_cards(articles):
    """`articles` with what their cards show fetched together: lead images and
    their card renditions, topics; no StreamField."""
    return (
        articles.defer_streamfields()
        .select_related("lead_image")
        .prefetch_related(
            "topics",
            Prefetch(
                "lead_image__renditions",
                queryset=get_image_model()
                .get_rendition_model()
                .objects.filter(filter_spec=NEWS_CARD_IMAGE),
                to_attr="prefetched_renditions",
            ),
        )
    )


class Topic(ModeratedSnippet):
    """A topic of the news (training, community of practitioners, events...):
    visitors filter articles by it, in their language."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("The topic as visitors read it.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "A short identifier used in filter links, the same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def by_slug(cls, language_code):
        """Every topic in `language_code` (default-language fallback), keyed by
        slug; cached until a page is published or a topic changes."""

        def build():
            return {
                topic.slug: topic
                for topic in sorted(
                    in_language(cls.objects.all(), language_code).values(),
                    key=lambda t: (
                        unicodedata.normalize("NFKD", t.name)
                        .encode("ascii", "ignore")
                        .lower()
                    ),
                )
            }

        return versioned_cache.cached(f"news-topics:{language_code}", build)


class NewsIndexPage(PortalPageMixin, RoutablePageMixin, Page):
    """The news of one language: newest first, filters by topic, tag and year,
    and the RSS and Atom feeds of that language."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown under the title of the news page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        """The live, public articles of this index, newest first."""
        return public_pages(
            NewsPage.objects.live().child_of(self).filter(locale_id=self.locale_id)
        ).order_by("-date", "-pk")

    def filter_options(self):
        """Years and tags that have articles here (cached until a publish)."""

        def build():
            articles = self.articles().order_by()
            years = sorted(
                {day.year for day in articles.dates("date", "year")}, reverse=True
            )
            tags = list(
                Tag.objects.filter(home_newspagetag_items__content_object__in=articles)
                .distinct()
                .order_by("name")
                .values_list("slug", "name")
            )
            return {"years": years, "tags": tags}

        return versioned_cache.cached(f"news-filters:{self.pk}", build)

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request, context_overrides=self.listing(request))

    def listing(self, request):
        language = page_language(self, request)
        topics = Topic.by_slug(language)
        options = self.filter_options()
        tag_names = dict(options["tags"])
        messages = []
        chosen = {}

        topic = request.GET.get("topic", "").strip()
        if topic:
            if topic in topics:
                chosen["topic"] = topic
            else:
                messages.append(
                    gettext('There is no topic "%(value)s"; showing every topic.')
                    % {"value": topic[:60]}
                )
        tag = request.GET.get("tag", "").strip()
        if tag:
            if tag in tag_names:
                chosen["tag"] = tag
            else:
                messages.append(
                    gettext('No article is tagged "%(value)s"; showing every tag.')
                    % {"value": tag[:60]}
                )
        year = request.GET.get("year", "").strip()
        if year:
            if int_param(year) in options["years"]:
                chosen["year"] = year
            else:
                messages.append(
                    gettext('There is no news from "%(value)s"; showing every year.')
                    % {"value": year[:10]}
                )

        articles = self.articles()
        # Subqueries rather than joins: no duplicates, no DISTINCT.
        if "topic" in chosen:
            articles = articles.filter(
                pk__in=NewsPage.topics.through.objects.filter(
                    topic__slug=chosen["topic"]
                ).values("newspage_id")
            )
        if "tag" in chosen:
            articles = articles.filter(
                pk__in=NewsPageTag.objects.filter(tag__slug=chosen["tag"]).values(
                    "content_object_id"
                )
            )
        if "year" in chosen:
            articles = articles.filter(date__year=int(chosen["year"]))

        paginator = Paginator(_as_cards(articles), NEWS_PAGE_SIZE)
        page_number = request.GET.get("page", "1")
        try:
            results = paginator.page(page_number)
        except PageNotAnInteger:
            messages.append(gettext("That page number is not valid; showing page 1."))
            results = paginator.page(1)
        except EmptyPage:
            messages.append(
                gettext("There is no page %(number)s; showing the last page.")
                % {"number": str(page_number)[:10]}
            )
            results = paginator.page(paginator.num_pages)

        for article in results:
            article.localized_topics = [
                topics[t.slug] for t in article.topics.all() if t.slug in topics
            ]

        def link(**changes):
            params = {k: v for k, v in {**chosen, **changes}.items() if v}
            return "?" + urlencode(params) if params else "?"

        return {
            **self.default_language_news(chosen, paginator),
            "articles": results,
            "paginator": paginator,
            "messages_list": messages,
            "chosen": chosen,
            "chosen_topic": topics.get(chosen.get("topic")),
            "chosen_tag": tag_names.get(chosen.get("tag")),
            "filters": [
                {
                    "key": "topic",
                    "label": gettext("Topic"),
                    "all_url": link(topic=None),
                    "options": [
                        {
                            "label": t.name,
                            "url": link(topic=slug),
                            "current": chosen.get("topic") == slug,
                        }
                        for slug, t in topics.items()
                    ],
                },
                {
                    "key": "tag",
                    "label": gettext("Tag"),
                    "all_url": link(tag=None),
                    "options": [
                        {
                            "label": name,
                            "url": link(tag=slug),
                            "current": chosen.get("tag") == slug,
                        }
                        for slug, name in options["tags"]
                    ],
                },
                {
                    "key": "year",
                    "label": gettext("Year"),
                    "all_url": link(year=None),
                    "options": [
                        {
                            "label": str(y),
                            "url": link(year=str(y)),
                            "current": chosen.get("year") == str(y),
                        }
                        for y in options["years"]
                    ],
                },
            ],
            "page_link_prefix": link() + ("&" if chosen else ""),
        }

    def default_language_news(self, chosen, paginator):
        """When this language has no article yet (and no filter narrows the
        list), the latest news of the default language's index, to read in that
        language: `fallback_index` and `fallback_articles`, else nothing."""
        if (
            chosen
            or paginator.count
            or self.locale.language_code == (settings.LANGUAGE_CODE)
        ):
            return {}
        source = (
            NewsIndexPage.objects.live()
            .filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
        )
        if source is None:
            return {}
        articles = list(_as_cards(source.articles())[:NEWS_PAGE_SIZE])
        if not articles:
            return {}
        for article in articles:
            article.localized_topics = []
        return {
            "fallback_index": source,
            "fallback_language": settings.LANGUAGE_CODE,
            "fallback_articles": articles,
        }

    def feed_url(self, kind, request=None):
        return (self.get_full_url(request) or "").rstrip("/") + "/" + kind + "/"

    @path("rss/", name="feed_rss")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="feed_atom")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    """A free-form tag on an article (shared by every language)."""

    content_object = ParentalKey(
        "home.NewsPage",
        related_name="tagged_items",
        on_delete=models.CASCADE,
        help_text=_("The tagged article."),
    )
    tag = models.ForeignKey(
        Tag,
        related_name="%(app_label)s_%(class)s_items",
        on_delete=models.CASCADE,
        help_text=_("The tag, shared by every language."),
    )


class NewsPageForm(TaxonomyChoicesPageForm):
    """Topics are chosen once, on the source article (they are synchronised
    to its translations), so offer those of the default language."""

    taxonomy_fields = ("topics",)


class NewsPage(PortalPageMixin, Page):
    """A news article."""

    base_form_class = NewsPageForm

    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_(
            "The date the article is about or was first published; the news is "
            "listed newest first by this date."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_(
            "The article in one or two sentences, shown in listings, feeds and "
            "when the article is shared."
        ),
    )
    lead_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the article, in listings and when shared."),
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe the image for people who cannot see it, in the context of "
            "this article. Leave empty to use the image's own description."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The full article."),
    )
    author_name = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("The person who wrote the article, if it is signed."),
    )
    partner = models.ForeignKey(
        "home.Partner",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The partner organisation that wrote or published the article; "
            "shown in the visitor's language."
        ),
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="articles",
        help_text=_("What the article is about; visitors filter the news by topic."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_(
            "Free-form keywords, the same in every language (e.g. paris, cocade)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("partner")],
            heading=_("Author"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        InlinePanel(
            "related_links",
            label=_("Related page"),
            heading=_("Related pages"),
            max_num=3,
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("author_name"),
        SynchronizedField("partner", overridable=False),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("lead_image", overridable=False),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def topics_label(self):
        return ", ".join(topic.name for topic in self.topics.all())

    topics_label.short_description = _("topics")

    def lead_alt(self):
        """The article's alternative text, else the image's own description;
        never the image's title, an admin label ("Illustration – … (generated
        …)", a file name) rather than a description: an image described
        nowhere is treated as decorative (alt="")."""
        if self.lead_image is None:
            return ""
        return self.lead_image_alt or self.lead_image.description

    def localized_partner(self, language_code):
        """The partner organisation in `language_code` (no query)."""
        return Partner.in_language(self.partner_id, language_code)

    def topic_list(self):
        if "_topic_list" not in self.__dict__:
            self._topic_list = list(self.topics.all())
        return self._topic_list

    def related_articles(self, limit=3):
        """Up to `limit` pages in this article's language, in one query: the
        related pages the editor chose (their translations) first, then the
        latest articles sharing a topic. Plain pages annotated with the
        article's date and introduction (`news_date`, `news_intro`)."""
        if "related_links" in getattr(self, "_cluster_related_objects", {}):
            # A preview or an unsaved page: the links are in memory.
            ids = [link.related_page_id for link in self.related_links.all()]
        else:  # a subquery rather than a query of its own
            ids = NewsPageRelatedLink.objects.filter(page_id=self.pk).values(
                "related_page_id"
            )
        chosen_keys = Page.objects.filter(pk__in=ids).values("translation_key")
        condition = models.Q(translation_key__in=chosen_keys)
        slugs = [topic.slug for topic in self.topic_list()]
        if slugs:
            condition |= models.Q(
                pk__in=NewsPage.objects.filter(topics__slug__in=slugs).values("pk")
            )
        return list(
            public_pages(
                Page.objects.live()
                .filter(condition, locale_id=self.locale_id)
                .exclude(pk=self.pk)
            )
            .annotate(
                is_chosen=models.Case(
                    models.When(translation_key__in=chosen_keys, then=1),
                    default=0,
                    output_field=models.IntegerField(),
                ),
                news_date=models.F("newspage__date"),
                news_intro=models.F("newspage__intro"),
            )
            .order_by("-is_chosen", models.F("news_date").desc(nulls_last=True), "-pk")[
                :limit
            ]
        )

    def related_cards(self, request):
        """`related_articles` as plain values (title, url, date, intro), kept in
        the chrome cache: any publication starts a new version of it."""

        def build():
            return [
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "date": page.news_date,
                    "intro": page.news_intro or page.search_description,
                }
                for page in self.related_articles()
            ]

        if "related_links" in getattr(self, "_cluster_related_objects", {}):
            return build()  # a preview: the links are in memory
        site = navigation.site_key(request)
        return versioned_cache.cached(f"news-related:{site}:{self.pk}", build)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = page_language(self, request)
        topics = Topic.by_slug(language)
        context["localized_topics"] = [
            topics[topic.slug] for topic in self.topic_list() if topic.slug in topics
        ]
        context["partner"] = self.localized_partner(language)
        context["related_articles"] = self.related_cards(request)
        context["page_json_ld"] = self.get_json_ld(request)
        context["lead_image_url"] = self.lead_image_full_url(request)
        context["lead_rendition"] = self.__dict__.get("_lead_rendition")
        context["share_links"] = self.share_links(request)
        url = self.get_url(request) or ""
        context["index_url"] = url[: url.rstrip("/").rfind("/") + 1]  # the parent
        return context

    def lead_image_full_url(self, request=None):
        if self.lead_image is None:
            return ""
        if "_lead_rendition" not in self.__dict__:
            self._lead_rendition = self.lead_image.get_rendition(NEWS_LEAD_IMAGE)
        return self._absolute(self._lead_rendition.url, request)

    def _absolute(self, url, request=None):
        """`url` made absolute on this page's site (as its own full URL is)."""
        if not url.startswith("/"):
            return url
        parts = urlsplit(self.get_full_url(request) or "")
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}{url}"
        return request.build_absolute_uri(url) if request is not None else url

    def share_links(self, request=None):
        url = self.get_full_url(request) or ""
        text = f"{self.title} {url}"
        return [
            {
                "label": gettext("E-mail"),
                "url": "mailto:?" + urlencode({"subject": self.title, "body": url}),
            },
            {
                "label": "LinkedIn",
                "url": "https://www.linkedin.com/sharing/share-offsite/?"
                + urlencode({"url": url}),
            },
            {
                "label": "Mastodon",
                "url": "https://s2f.kytta.dev/?" + urlencode({"text": text}),
            },
            {
                "label": "Bluesky",
                "url": "https://bsky.app/intent/compose?" + urlencode({"text": text}),
            },
        ]

    def get_json_ld(self, request):
        language = page_language(self, request)
        partner = self.localized_partner(language)
        home_url = navigation.chrome(request)["roots"].get(language, "/")
        home_url = self._absolute(home_url, request)
        publisher = {"@type": "Organization", "name": "Keep In Pact", "url": home_url}
        if self.author_name:
            author = {"@type": "Person", "name": self.author_name}
        elif partner is not None:
            author = {"@type": "Organization", "name": partner.name}
            if partner.website:
                author["url"] = partner.website
        else:
            author = {"@type": "Organization", "name": "Keep In Pact"}
        published = self.date.isoformat()
        modified = (
            self.last_published_at.isoformat(timespec="seconds")
            if self.last_published_at
            else published
        )
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.intro,
            "url": self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
            "datePublished": published,
            "dateModified": modified,
            "inLanguage": language,
            "author": [author],
            "publisher": publisher,
        }
        image = self.lead_image_full_url(request)
        if image:
            data["image"] = [image]
        return [data]


class NewsPageRelatedLink(Orderable):
    """A page the editor relates to an article (shown in the visitor's
    language when translated)."""

    page = ParentalKey(
        NewsPage,
        related_name="related_links",
        on_delete=models.CASCADE,
        help_text=_("The article the related page is shown on."),
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "An article or page to read next; its translation is shown to "
            "visitors of other languages."
        ),
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
