"""The events index of each language: upcoming and past events, filters, calendar."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from portal.listing import Filters
from portal.localization import public_pages
from portal.pages import PortalPageMixin

from .events import EventPage

EVENTS_PAGE_SIZE = 12


class EventIndexPage(PortalPageMixin, RoutablePageMixin, Page):
    """The events of one language: upcoming first, past by year, filter by type,
    and the language's calendar feed."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown under the title of the events page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    def events(self):
        return public_pages(
            EventPage.objects.live().child_of(self).filter(locale_id=self.locale_id)
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request, context_overrides=self.listing(request))

    def listing(self, request):
        now = timezone.now()
        filters = Filters(request)
        filters.choose(
            "type",
            dict(EventPage.TYPE_CHOICES),
            gettext('There is no event type "%(value)s"; showing every type.'),
        )
        filters.choose(
            "when",
            ("upcoming", "past"),
            gettext(
                '"%(value)s" is neither upcoming nor past; showing upcoming events.'
            ),
            cut=20,
        )
        chosen = filters.chosen
        past = chosen.get("when") == "past"
        events = self.events().defer_streamfields().select_related("organiser")
        if "type" in chosen:
            events = events.filter(event_type=chosen["type"])
        upcoming = events.filter(end__gte=now).order_by("start", "pk")
        paginator = Paginator(upcoming, EVENTS_PAGE_SIZE)
        # With nothing ahead (a project that has ended) and nothing asked for,
        # the page opens on the most recent past events rather than on none;
        # its type links then stay among past events. A type asked for keeps
        # to what it asked: none upcoming, and a link to the past ones.
        asked = chosen or "when" in request.GET  # an invalid `when` says "upcoming"
        past_by_default = not asked and not past and paginator.count == 0
        if past or past_by_default:
            past = True
            paginator = Paginator(
                events.filter(end__lt=now).order_by("-start", "-pk"), EVENTS_PAGE_SIZE
            )

        results = filters.page_of(paginator)
        link = filters.link
        keep_past = {"when": "past"} if past_by_default else {}

        return {
            "events": results,
            "paginator": paginator,
            "past": past,
            "past_by_default": past_by_default,
            "messages_list": filters.messages,
            "chosen": chosen,
            "tabs": [
                {
                    "label": gettext("Upcoming events"),
                    # The page itself shows past events when none is upcoming.
                    "url": link(when="upcoming" if past_by_default else None),
                    "current": not past,
                },
                {
                    "label": gettext("Past events"),
                    "url": link(when="past"),
                    "current": past,
                },
            ],
            "type_options": [
                {
                    "label": label,
                    "url": link(type=value, **keep_past),
                    "current": chosen.get("type") == value,
                }
                for value, label in EventPage.TYPE_CHOICES
            ],
            "all_types_url": link(type=None, **keep_past),
            "past_url": link(when="past"),
            "filter_query": filters.query(),
        }

    def calendar_url(self, request=None):
        return (self.get_full_url(request) or "").rstrip("/") + "/calendar/"

    @path("calendar/", name="calendar")
    def calendar_feed(self, request):
        from ..ical import calendar_response

        events = (
            self.events().select_related("organiser", "locale").order_by("start", "pk")
        )
        return calendar_response(
            list(events), request, filename=f"{self.slug}.ics", name=self.title
        )
