"""Keep cached lists fresh: topics and partners are cached per language
(Topic.by_slug, Partner.in_language);
an article shows other articles (related, latest sharing a topic) that are not
its descendants, so publishing one purges its language's articles from the
anonymous page cache."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from portal import cache as page_cache
from portal import versioned_cache


def _topics_changed(sender, **kwargs):
    versioned_cache.bump()


def _image_changed(sender, instance, **kwargs):
    """The home page's latest news are cached with their image renditions."""
    from .models import NewsPage

    if kwargs.get("raw"):  # loading a dump: the pages may not be there yet
        return
    if NewsPage.objects.filter(lead_image_id=instance.pk).exists():
        versioned_cache.bump()


def _page_changed(sender, instance, **kwargs):
    from .models import NewsPage

    if not page_cache.timeout() or not isinstance(instance, NewsPage):
        return
    index = instance.get_parent()
    if index is not None:
        page_cache.purge_page(index, descendants=True)


def connect():
    from .models import Topic

    post_save.connect(_topics_changed, sender=Topic, dispatch_uid="home_topic_save")
    post_delete.connect(_topics_changed, sender=Topic, dispatch_uid="home_topic_delete")
    from wagtail.images import get_image_model

    image_model = get_image_model()
    post_save.connect(
        _image_changed, sender=image_model, dispatch_uid="home_image_save"
    )
    post_delete.connect(
        _image_changed, sender=image_model, dispatch_uid="home_image_delete"
    )
    page_published.connect(_page_changed, dispatch_uid="home_news_published")
    page_unpublished.connect(_page_changed, dispatch_uid="home_news_unpublished")
