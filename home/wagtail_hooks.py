from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, NumberColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.localization import (
    own_or_default,
    page_in_active_language,
    public_pages,
    with_usage_count,
)

from .models import (
    NEWS_CARD_IMAGE,
    NewsIndexPage,
    NewsPage,
    Partner,
    Topic,
)


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", LocaleColumn(), "country", "role"]
    list_filter = ["role"]
    search_fields = ["name", "short_name"]


register_snippet(PartnerViewSet)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("News topics")
    # Wagtail's usage count (the reference index) leaves many-to-many links
    # out, so the page's "Used 0 times" is not the whole story: count here,
    # over every language (a translation may link to the source's term).
    list_display = [
        "name",
        LocaleColumn(),
        "slug",
        NumberColumn("article_count", label=_("News articles")),
    ]
    search_fields = ["name", "slug"]

    def get_queryset(self, request):
        return with_usage_count(Topic.objects.all(), NewsPage.topics, "article_count")


register_snippet(TopicViewSet)


class NewsPageIndexView(IndexView):
    default_ordering = "-date"

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("topics")


class NewsPageListingViewSet(PageListingViewSet):
    """Every news article, with its date and topics, in the admin menu."""

    model = NewsPage
    index_view_class = NewsPageIndexView
    icon = "doc-full"
    menu_label = _("News articles")
    add_to_admin_menu = True
    menu_order = 210
    name = "news_articles"
    columns = [
        *IndexView.base_columns,
        DateColumn("date", label=_("Date"), sort_key="date"),
        Column("topics_label", label=_("Topics")),
    ]


@hooks.register("register_admin_viewset")
def register_news_listing():
    return NewsPageListingViewSet("news_articles")


@hooks.register("portal_home_sections")
def news_home_section(request, home_page):
    """The three latest articles of the home page's language, as plain values
    cached until a page is published (no query on a warm cache). A language
    with no article yet shows the English ones, marked as English."""
    from django.db.models import Prefetch
    from wagtail.images import get_image_model

    from portal import navigation

    def build(locale_filter):
        rendition_model = get_image_model().get_rendition_model()
        articles = (
            public_pages(NewsPage.objects.live().filter(**locale_filter))
            .defer_streamfields()
            .select_related("lead_image")
            .prefetch_related(
                Prefetch(
                    "lead_image__renditions",
                    queryset=rendition_model.objects.filter(
                        filter_spec=NEWS_CARD_IMAGE
                    ),
                    to_attr="prefetched_renditions",
                )
            )
            .order_by("-date", "-pk")[:3]
        )
        cards = []
        for article in articles:
            image = None
            if article.lead_image is not None:
                rendition = article.lead_image.get_rendition(NEWS_CARD_IMAGE)
                image = {
                    "url": rendition.url,
                    "width": rendition.width,
                    "height": rendition.height,
                    "alt": article.lead_alt(),
                }
            url = article.get_url(request) or ""
            cards.append(
                {
                    "title": article.title,
                    "url": url,
                    "date": article.date,
                    "intro": article.intro,
                    "image": image,
                    "index_url": url[: url.rstrip("/").rfind("/") + 1],
                }
            )
        return cards

    site = navigation.site_key(request)
    cards, lang = own_or_default(home_page, f"news-home:{site}", build)
    if not cards:
        return None
    return {
        "template": "home/includes/news_home_section.html",
        "order": 20,
        "articles": cards,
        "url": cards[0]["index_url"],
        "lang": lang,
    }


@hooks.register("portal_head_links")
def news_feed_links(request):
    """The RSS and Atom feeds of the active language's news (one query)."""
    index = page_in_active_language(NewsIndexPage)
    if index is None:
        return []
    return [
        {
            "rel": "alternate",
            "type": "application/rss+xml",
            "href": index.feed_url("rss", request),
            "title": gettext("%(title)s (RSS)") % {"title": index.title},
        },
        {
            "rel": "alternate",
            "type": "application/atom+xml",
            "href": index.feed_url("atom", request),
            "title": gettext("%(title)s (Atom)") % {"title": index.title},
        },
    ]


@hooks.register("portal_open_data_links")
def news_open_data(request):
    """The news feed, in the footer's open data column (the default language's
    where the news is not translated)."""
    from portal import navigation

    url, hreflang = navigation.url_for_language(
        public_pages(NewsIndexPage.objects.live()), request
    )
    if not url:
        return []
    return [
        {
            "label": gettext("News (RSS)"),
            "url": url + "rss/",
            "type": "application/rss+xml",
            "hreflang": hreflang,
            "order": 20,
        }
    ]
