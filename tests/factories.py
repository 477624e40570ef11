"""What a unit test builds for itself (factory_boy and wagtail-factories)
instead of reading the demo site: pages under the parent it names, published
through a revision as an editor's "Publish" does (so that the caches, the
search and the directory hear of it), and snippets in the language asked.

    page = StandardPageFactory(parent=home, title="Opening hours")
    draft = StandardPageFactory(parent=home, publish=False)
    topic = TopicFactory(locale=locales["fr"], name="Formation")"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import NewsPage, Partner, StandardPage, Topic


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page published by a revision; `publish=False` leaves it a draft."""

    title = factory.Sequence(lambda n: f"Test page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True
        skip_postgeneration_save = True  # the hook below saves

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if not create:
            return
        if extracted is False:
            page.live = False
            page.save_revision()
            type(page).objects.filter(pk=page.pk).update(live=False)
        else:
            page.save_revision().publish()
        page.refresh_from_db()


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage


class NewsPageFactory(PublishedPageFactory):
    intro = factory.LazyAttribute(lambda page: f"What {page.title} is about.")
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(1))

    class Meta:
        model = NewsPage


class SnippetFactory(factory.django.DjangoModelFactory):
    """A moderated snippet, live, in the default language unless `locale`."""

    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        abstract = True


class TopicFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))

    class Meta:
        model = Topic


class PartnerFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    country = "FR"

    class Meta:
        model = Partner
