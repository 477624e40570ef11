"""News articles, their topics, tags and related pages."""

import datetime
import unicodedata
from urllib.parse import urlencode, urlsplit

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import navigation, prepared, versioned_cache
from portal.blocks import BodyBlock
from portal.forms import TaxonomyChoicesPageForm
from portal.localization import in_language, page_language, public_pages
from portal.models import TaxonomyTerm
from portal.pages import PortalPageMixin

from .partners import Partner

NEWS_PAGE_SIZE = 12
NEWS_FEED_SIZE = 20
NEWS_CARD_IMAGE = "fill-640x360"
NEWS_LEAD_IMAGE = "fill-1200x675"


class Topic(TaxonomyTerm):
    """A topic of the news (training, community of practitioners, events...):
    visitors filter articles by it, in their language."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

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


def _terms_of(page_id):
    """(slug, name, "topic"|"tag") of the article's topics and tags."""
    return (
        Topic.objects.filter(articles=page_id)
        .order_by()
        .values_list("slug", models.Value(""), models.Value("topic"))
        .union(
            Tag.objects.filter(home_newspagetag_items__content_object_id=page_id)
            .order_by()
            .values_list("slug", "name", models.Value("tag")),
            all=True,
        )
    )


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
    # Fetched with the page when it is served (portal.routing): every view
    # shows the image.
    served_with = ("lead_image",)
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def topics_label(self):
        """The topics in the article's language: a translation keeps linking to
        the source's topics (a synchronised field)."""
        names = Topic.by_slug(self.locale.language_code)
        return ", ".join(
            names[topic.slug].name if topic.slug in names else topic.name
            for topic in self.topics.all()
        )

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

    def terms(self):
        """The slugs of the article's topics, and its tags as (slug, name) by
        name: one query on a stored page, none on a draft or a preview (its
        choices are held in memory)."""
        if "_terms" not in self.__dict__:
            if self.relations_in_memory("topics", "tagged_items"):
                topics = [topic.slug for topic in self.topics.all()]
                tags = [(tag.slug, tag.name) for tag in self.tags.all()]
            else:
                rows = prepared.rows("news.terms", _terms_of, self.pk)
                topics = [slug for slug, _name, kind in rows if kind == "topic"]
                tags = [(slug, name) for slug, name, kind in rows if kind == "tag"]
            tags.sort(key=lambda tag: tag[1].lower())
            self._terms = (topics, tags)
        return self._terms

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
        slugs = self.terms()[0]
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
        chosen, tags = self.terms()
        # In the order of the visitor's language (by name).
        context["localized_topics"] = [
            topic for slug, topic in Topic.by_slug(language).items() if slug in chosen
        ]
        context["tags"] = [{"slug": slug, "name": name} for slug, name in tags]
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
