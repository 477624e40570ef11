"""iCalendar (RFC 5545) for events: one event's .ics and each language's feed."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def event_uid(event):
    """Stable across edits and republishing: the translation key and language."""
    return f"{event.translation_key}-{event.locale.language_code}@keepinpact.eu"


def build_calendar(events, request=None, name=""):
    calendar = Calendar()
    calendar.add("prodid", "-//Keep In Pact//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        item = Event()
        item.add("uid", event_uid(event))
        item.add("dtstamp", stamp)
        item.add("dtstart", event.local_start)
        item.add("dtend", event.local_end)
        item.add("summary", event.title)
        item.add("status", event.ICAL_STATUSES.get(event.status, "CONFIRMED"))
        if event.intro:
            item.add("description", event.intro)
        location = ", ".join(
            part
            for part in (event.venue_name, event.address.replace("\n", ", "))
            if part
        )
        if not location and event.online_url:
            location = event.online_url
        if location:
            item.add("location", location)
        url = event.get_full_url(request)
        if url:
            item.add("url", url)
        if event.series_rule:
            item.add("rrule", _rrule(event.series_rule))
        if event.last_published_at:
            item.add(
                "last-modified",
                event.last_published_at.astimezone(datetime.UTC).replace(microsecond=0),
            )
        organiser = event.localized_organiser(request)
        if organiser is not None:
            item.add(
                "organizer",
                "mailto:noreply@keepinpact.eu",
                parameters={"CN": organiser.name},
            )
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar


def _rrule(text):
    from icalendar import vRecur

    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    return vRecur.from_ical(text)


def calendar_response(events, request=None, filename="events.ics", name=""):
    calendar = build_calendar(events, request, name=name)
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
