from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.localization import own_or_default, page_in_active_language, public_pages

from .models import EventIndexPage, EventPage, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", LocaleColumn(), "role", "organisation"]
    search_fields = ["name", "role"]


register_snippet(PersonViewSet)


@hooks.register("portal_home_sections")
def events_home_section(request, home_page):
    """The next three events of the home page's language or, when none is
    coming, the three most recent with their recordings and presentations;
    English ones, marked as English, for a language with no event yet. Plain
    values cached until a page is published."""
    from portal import navigation

    def build(locale_filter):
        now = timezone.now()
        events = public_pages(EventPage.objects.live().filter(**locale_filter))
        upcoming = list(
            events.filter(end__gte=now).defer_streamfields().order_by("start", "pk")[:3]
        )
        chosen = upcoming or list(
            events.filter(end__lt=now).order_by("-start", "-pk")[:3]
        )
        cards = []
        for event in chosen:
            url = event.get_url(request) or ""
            cards.append(
                {
                    "title": event.title,
                    "url": url,
                    "start": event.local_start,
                    "end": event.local_end,
                    "tz_label": event.tz_label,
                    "type": event.get_event_type_display(),
                    "mode": event.get_attendance_mode_display(),
                    "intro": event.intro,
                    "past": not upcoming,
                    "recording": bool(event.recording_url),
                    "presentations": 0
                    if upcoming
                    else event.presentations.filter(document__isnull=False).count(),
                    "index_url": url[: url.rstrip("/").rfind("/") + 1],
                }
            )
        return cards

    site = navigation.site_key(request)
    # The hour in the key: an event drops off once it has ended.
    hour = timezone.now().strftime("%Y%m%d%H")
    cards, lang = own_or_default(home_page, f"events-home:{site}:{hour}", build)
    if not cards:
        return None
    return {
        "template": "events/includes/events_home_section.html",
        "order": 30,
        "events": cards,
        "past": cards[0]["past"],
        "url": cards[0]["index_url"],
        "lang": lang,
    }


@hooks.register("portal_head_links")
def events_calendar_link(request):
    """The calendar feed of the active language's events (one query)."""

    index = page_in_active_language(EventIndexPage)
    if index is None:
        return []
    return [
        {
            "rel": "alternate",
            "type": "text/calendar",
            "href": index.calendar_url(request),
            "title": gettext("%(title)s (calendar)") % {"title": index.title},
        }
    ]


@hooks.register("portal_open_data_links")
def events_open_data(request):
    """The calendar feed, in the footer's open data column (the default
    language's where the events are not translated)."""
    from portal import navigation

    url, hreflang = navigation.url_for_language(
        public_pages(EventIndexPage.objects.live()), request
    )
    if not url:
        return []
    return [
        {
            "label": gettext("Events (iCal)"),
            "url": url + "calendar/",
            "type": "text/calendar",
            "hreflang": hreflang,
            "order": 30,
        }
    ]


class EventPageListingViewSet(PageListingViewSet):
    """Every event, with its type and start, in the admin menu."""

    model = EventPage
    icon = "date"
    menu_label = _("Events")
    add_to_admin_menu = True
    menu_order = 220
    name = "events"
    columns = [
        *IndexView.base_columns,
        Column("event_type", label=_("Type"), accessor="get_event_type_display"),
        DateColumn("start", label=_("Start"), sort_key="start"),
    ]


@hooks.register("register_admin_viewset")
def register_events_listing():
    return EventPageListingViewSet("events")
