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
from wagtail.models import Locale, Page

from directory.models import DirectoryPage, Service
from events.models import EventIndexPage, EventPage
from home.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    Partner,
    StandardPage,
    Topic,
)


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


class HomePageFactory(PublishedPageFactory):
    title = "Keep In Pact"
    hero_title = "Partnerships in lifelong career guidance"

    class Meta:
        model = HomePage

    @classmethod
    def as_site_root(cls, site=None, **fields):
        """A home page made the root of `site` (the default site) in place of
        Wagtail's placeholder, as a new site's first editor does."""
        from wagtail.models import Site

        from portal.models import PortalSettings

        site = site or Site.objects.get(is_default_site=True)
        placeholder = site.root_page
        fields.setdefault("slug", "start")  # "home" is the placeholder's
        home = cls(parent=Page.get_first_root_node(), **fields)
        site.root_page = home
        site.save()
        if type(placeholder.specific) is Page:
            placeholder.delete()
        # The site's settings row, which its first page view would otherwise
        # create (and so empty every cache a test warmed).
        PortalSettings.for_site(site)
        return home


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage


class NewsIndexPageFactory(PublishedPageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PublishedPageFactory):
    intro = factory.LazyAttribute(lambda page: f"What {page.title} is about.")
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(1))

    class Meta:
        model = NewsPage


class EventIndexPageFactory(PublishedPageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(PublishedPageFactory):
    """An event in a month, three hours long."""

    start = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=30)).replace(
            second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))

    class Meta:
        model = EventPage


class DirectoryPageFactory(PublishedPageFactory):
    title = "Centre directory"
    slug = "centres"

    class Meta:
        model = DirectoryPage


class CaseStudyPageFactory(PublishedPageFactory):
    summary = factory.LazyAttribute(lambda page: f"How {page.title} worked.")
    country = "FR"
    key_lessons = factory.LazyAttribute(lambda page: f"<p>{page.title} taught us.</p>")

    class Meta:
        model = "guide.CaseStudyPage"


def localized(instance, code, strings=None, publish=True):
    """`instance` translated into language `code` through wagtail-localize, as
    a translator does: `strings` maps source texts (slug included) to their
    translation; the others keep the source text. The callbacks a commit
    would run (wagtail-localize publishes in them) run at once."""
    from django.test import TestCase

    from demo.loader import Demo

    with TestCase.captureOnCommitCallbacks(execute=True):
        return Demo().translate(instance, code, strings or {}, publish=publish)


def translated(page, locale, publish=True, **fields):
    """`page` copied into `locale` as wagtail-localize's "Translate" starts a
    translation (its parent must be translated already), with `fields`
    changed, then published (`publish=False`: a draft)."""
    copy = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
    copy.refresh_from_db()
    return copy


class SnippetFactory(factory.django.DjangoModelFactory):
    """A moderated snippet in the default language unless `locale`, published
    through a revision as a moderator's "Publish" does."""

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(snippet, create, extracted, **kwargs):
        if create:
            snippet.save_revision().publish()
            snippet.refresh_from_db()


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


class ServiceFactory(SnippetFactory):
    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.LazyAttribute(lambda service: slugify(service.name))

    class Meta:
        model = Service


def resource_with_files(title, languages, **fields):
    """A publication with one generated PDF per language, published."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from guide.models import Resource, ResourceFile
    from portal.pdf import simple_pdf

    fields.setdefault("description", f"About {title}.")
    fields.setdefault("year", 2022)
    resource = Resource.objects.create(title=title, **fields)
    for order, language in enumerate(languages):
        document = get_document_model()(title=f"{title} ({language})")
        document.file.save(
            f"resource-{resource.pk}-{language}.pdf",
            ContentFile(simple_pdf(title, [title, language])),
            save=False,
        )
        document.save()
        ResourceFile.objects.create(
            resource=resource, language=language, document=document, sort_order=order
        )
    resource.save_revision().publish()
    return resource
