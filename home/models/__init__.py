"""The home app's models: the home and standard pages (pages), the project's
partners (partners), and the news: articles and topics (news), the index
with its listing and feeds (news_index)."""

from .news import (
    NEWS_CARD_IMAGE,
    NEWS_FEED_SIZE,
    NEWS_LEAD_IMAGE,
    NEWS_PAGE_SIZE,
    NewsPage,
    NewsPageForm,
    NewsPageRelatedLink,
    NewsPageTag,
    Topic,
)
from .news_index import NewsIndexPage
from .pages import HomePage, StandardPage
from .partners import Partner

__all__ = [
    "NEWS_CARD_IMAGE",
    "NEWS_FEED_SIZE",
    "NEWS_LEAD_IMAGE",
    "NEWS_PAGE_SIZE",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageForm",
    "NewsPageRelatedLink",
    "NewsPageTag",
    "Partner",
    "StandardPage",
    "Topic",
]
