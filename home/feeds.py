"""RSS 2.0 and Atom feeds of one language's news, served as routes of its
NewsIndexPage (/<lang>/<news>/rss/ and /atom/), with absolute URLs."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from .models.news import NEWS_FEED_SIZE, Topic
from .models.partners import Partner


class LanguageAtom1Feed(Atom1Feed):
    """Atom with each entry's language (xml:lang) as well as the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    language = None

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.request = None
        self.topics = {}
        self.partners = {}

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        language = self.index.locale.language_code
        self.language = language
        self.topics = Topic.by_slug(language)
        self.partners = {
            partner.translation_key: partner
            for partner in Partner.for_locale(self.index.locale)
        }
        return self.index

    def title(self, index):
        return f"{index.title} | Keep In Pact"

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return index.feed_url(self.url_kind, self.request)

    url_kind = "rss"

    def description(self, index):
        return index.intro or gettext("News of the Keep In Pact project.")

    def subtitle(self, index):
        return self.description(index)

    def items(self, index):
        return list(
            index.articles()
            .defer_streamfields()
            .select_related("partner")
            .prefetch_related("topics")[:NEWS_FEED_SIZE]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.intro

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return timezone.make_aware(
            datetime.datetime.combine(article.date, datetime.time(9, 0)),
            datetime.UTC,
        )

    def item_updateddate(self, article):
        return article.last_published_at or self.item_pubdate(article)

    def item_author_name(self, article):
        if article.author_name:
            return article.author_name
        if article.partner is not None:
            partner = self.partners.get(article.partner.translation_key)
            return (partner or article.partner).name
        return None

    def item_extra_kwargs(self, article):
        return {"language": self.language}

    def item_categories(self, article):
        return [
            self.topics[topic.slug].name
            for topic in article.topics.all()
            if topic.slug in self.topics
        ]


class NewsAtomFeed(NewsRssFeed):
    feed_type = LanguageAtom1Feed
    url_kind = "atom"
