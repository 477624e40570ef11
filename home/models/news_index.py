"""The news index of each language: the listing, its filters and feeds."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from portal import versioned_cache
from portal.listing import Filters, linked_slugs, linking
from portal.localization import page_language, public_pages
from portal.pages import PortalPageMixin
from portal.params import int_param

from .news import NEWS_CARD_IMAGE, NEWS_PAGE_SIZE, NewsPage, NewsPageTag, Topic


def news_cards(articles):
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

    def filtered(self, chosen):
        """The articles of the `chosen` filters."""
        articles = self.articles()
        if "topic" in chosen:
            articles = articles.filter(pk__in=linking(NewsPage.topics, chosen["topic"]))
        if "tag" in chosen:  # a subquery too
            articles = articles.filter(
                pk__in=NewsPageTag.objects.filter(tag__slug=chosen["tag"]).values(
                    "content_object_id"
                )
            )
        if "year" in chosen:
            articles = articles.filter(date__year=int(chosen["year"]))
        return articles

    def available_filters(self, filters):
        """Per filter, the values that find articles combined with the other
        chosen filters (cached until a publish, per combination)."""

        def build():
            def ids(name):
                return self.filtered(filters.others(name)).order_by().values("pk")

            return {
                "topic": linked_slugs(NewsPage.topics, ids("topic")),
                "tag": set(
                    NewsPageTag.objects.filter(
                        content_object_id__in=ids("tag")
                    ).values_list("tag__slug", flat=True)
                ),
                "year": {
                    str(day.year)
                    for day in self.filtered(filters.others("year"))
                    .order_by()
                    .dates("date", "year")
                },
            }

        combination = urlencode(sorted(filters.chosen.items()))
        return versioned_cache.cached(f"news-facets:{self.pk}:{combination}", build)

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request, context_overrides=self.listing(request))

    def listing(self, request):
        language = page_language(self, request)
        topics = Topic.by_slug(language)
        options = self.filter_options()
        tag_names = dict(options["tags"])
        filters = Filters(request)
        filters.choose(
            "topic",
            topics,
            gettext('There is no topic "%(value)s"; showing every topic.'),
        )
        filters.choose(
            "tag",
            tag_names,
            gettext('No article is tagged "%(value)s"; showing every tag.'),
        )
        filters.choose(
            "year",
            lambda year: int_param(year) in options["years"],
            gettext('There is no news from "%(value)s"; showing every year.'),
            cut=10,
        )
        chosen = filters.chosen
        available = self.available_filters(filters)
        articles = self.filtered(chosen)
        paginator, results = filters.paginate(news_cards(articles), NEWS_PAGE_SIZE)

        for article in results:
            article.localized_topics = [
                topics[t.slug] for t in article.topics.all() if t.slug in topics
            ]

        return {
            **self.default_language_news(chosen, paginator),
            "articles": results,
            "paginator": paginator,
            "messages_list": filters.messages,
            "chosen": chosen,
            "chosen_topic": topics.get(chosen.get("topic")),
            "chosen_tag": tag_names.get(chosen.get("tag")),
            "filters": Filters.shown(
                filters.group(
                    "topic",
                    gettext("Topic"),
                    [(slug, t.name) for slug, t in topics.items()],
                    gettext("All topics"),
                    available["topic"],
                ),
                filters.group(
                    "tag",
                    gettext("Tag"),
                    options["tags"],
                    gettext("All tags"),
                    available["tag"],
                ),
                filters.group(
                    "year",
                    gettext("Year"),
                    [(str(y), str(y)) for y in options["years"]],
                    gettext("All years"),
                    available["year"],
                ),
            ),
            "filter_query": filters.query(),
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
        articles = list(news_cards(source.articles())[:NEWS_PAGE_SIZE])
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
        from ..feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="feed_atom")
    def atom_feed(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)
