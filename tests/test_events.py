"""Events: four past events in English and French, the index (upcoming/past around
midnight in another time zone, filters, bad input, flat query count), the event
page (times in the event's zone, JSON-LD), .ics and the calendar feed parsed
with icalendar, and the streamed zip of presentations (private ones excluded)."""

import datetime
import io
import json
import re
import zipfile
import zoneinfo

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from events.models import (
    EventIndexPage,
    EventPage,
    EventPresentation,
    EventSession,
    Person,
)
from home.models import HomePage
from portal.pdf import simple_pdf
from tests.factories import (
    EventIndexPageFactory,
    HomePageFactory,
    PartnerFactory,
    localized,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
VENUE = {
    "attendance_mode": EventPage.MODE_IN_PERSON,
    "venue_name": "Cité des métiers – Universcience",
    "address": "30 avenue Corentin Cariou\n75019 Paris, France",
    "latitude": "48.895600",
    "longitude": "2.388000",
}
ONLINE = {
    "attendance_mode": EventPage.MODE_ONLINE,
    "online_url": "https://www.citedesmetiers.fr/",
}
TALKS = [  # the final event's presentations: speaker, title, language
    ("RICDM", "Cité des métiers International Network", "en"),
    ("LLLP", "Lifelong Learning Platform", "en"),
    ("Universcience", "Universcience – Cité des métiers de Paris", "fr"),
    ("CDM Porto", "Cité des métiers of Porto", "en"),
    ("Learning Digital", "Learning Digital", "en"),
    ("AZVO", "Agency for Science and Higher Education", "en"),
]


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def make_event(index, slug, title, start, end, sessions=(), **fields):
    """An event with its agenda: sessions are (time, title, speakers)."""
    page = EventPage(
        slug=slug,
        title=title,
        intro=f"{title}: what it is about.",
        start=start,
        end=end,
        time_zone="Europe/Paris",
        **fields,
    )
    agenda = []
    for time, session_title, speakers in sessions:
        session = EventSession(
            time=time, title=session_title, description=f"{session_title}."
        )
        session.speakers = speakers
        agenda.append(session)
    page.sessions = agenda
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(scope="module", autouse=True)
def events_site(module_data):
    """A site in English and French with partners, three speakers and four
    past events: an in-person meeting, a series every two months, a training
    and an online conference with its agenda and six presentations. Built once
    for this module, through Wagtail and wagtail-localize."""
    home = HomePageFactory.as_site_root()
    localized(home, "fr")
    ricdm = PartnerFactory(
        short_name="RICDM", name="Cités des métiers International Network"
    )
    localized(ricdm, "fr", {ricdm.name: "Réseau international des Cités des métiers"})
    universcience = PartnerFactory(
        short_name="Universcience", name="Universcience / Cité des métiers de Paris"
    )
    people = {}
    for name, organisation, role, french_role in [
        ("Marion Seidenbinder", ricdm, "Lead coordinator", "Coordinatrice du projet"),
        ("Pauline Boivin", None, "Policy coordinator", "Coordinatrice des politiques"),
        ("Catherine Kinet", None, "Director", "Directrice"),
    ]:
        people[name] = Person.objects.create(
            name=name, role=role, organisation=organisation
        )
        people[name].save_revision().publish()
        localized(people[name], "fr", {role: french_role})
    index = EventIndexPageFactory(parent=home)
    localized(index, "fr", {"Events": "Événements", "events": "evenements"})

    kick_off = make_event(
        index,
        "kick-off-meeting-paris",
        "Kick-off meeting in Paris",
        at(2019, 9, 23, 9, 30),
        at(2019, 9, 24, 17),
        event_type=EventPage.TYPE_TRANSNATIONAL,
        organiser=ricdm,
        **VENUE,
    )
    series = make_event(
        index,
        "community-of-practice-meetings",
        "Community-of-practice meetings",
        at(2020, 10, 15, 14),
        at(2020, 10, 15, 15, 30),
        event_type=EventPage.TYPE_COMMUNITY,
        series_frequency="MONTHLY",
        series_interval=2,
        series_until=datetime.date(2022, 3, 31),
        organiser=ricdm,
        **ONLINE,
    )
    training = make_event(
        index,
        "pilot-training-paris",
        "Pilot training in Paris",
        at(2021, 12, 6, 9, 30),
        at(2021, 12, 6, 17),
        event_type=EventPage.TYPE_TRAINING,
        organiser=universcience,
        **VENUE,
    )
    final = make_event(
        index,
        "final-multiplier-event",
        "Final multiplier event",
        at(2022, 3, 28, 14),
        at(2022, 3, 28, 17),
        sessions=[
            (
                datetime.time(14),
                "Welcome",
                [people["Marion Seidenbinder"], people["Pauline Boivin"]],
            ),
            (
                datetime.time(14, 15),
                "Introduction to the Cité des métiers concept",
                [people["Catherine Kinet"]],
            ),
        ],
        event_type=EventPage.TYPE_MULTIPLIER,
        organiser=ricdm,
        **ONLINE,
    )
    Document = get_document_model()
    for number, (speaker, title, language) in enumerate(TALKS):
        document = Document(title=f"Final multiplier event: {title}")
        document.file.save(
            f"talk-{number}.pdf", ContentFile(simple_pdf(title, [title])), save=False
        )
        document.save()
        EventPresentation.objects.create(
            page=final,
            document=document,
            title=title,
            speaker=speaker,
            language=language,
            sort_order=number,
        )
    final.save_revision().publish()
    french = {
        kick_off: ("Réunion de lancement à Paris", "reunion-de-lancement-paris"),
        series: (
            "Réunions de la communauté de pratique",
            "rencontres-communaute-de-pratique",
        ),
        training: ("Formation pilote à Paris", "formation-pilote-paris"),
        final: ("Événement de diffusion final", "evenement-de-diffusion-final"),
    }
    for page, (title, slug) in french.items():
        localized(
            page,
            "fr",
            {
                page.title: title,
                page.slug: slug,
                "Introduction to the Cité des métiers concept": (
                    "Introduction au concept de Cité des métiers"
                ),
            },
        )
    return home


def index_of(code):
    return EventIndexPage.objects.get(
        locale__language_code=code, slug__in=["events", "evenements"]
    )


def event(code, slug_en):
    en = EventPage.objects.get(locale__language_code="en", slug=slug_en)
    return (
        en
        if code == "en"
        else en.get_translation(en.locale.__class__.objects.get(language_code=code))
    )


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def json_ld(html):
    blocks = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
    )
    data = []
    for block in blocks:
        value = json.loads(block)
        data.extend(value if isinstance(value, list) else [value])
    return data


# --- Demo and pages -----------------------------------------------------------------------


@pytest.mark.django_db
def test_past_events_are_listed_in_english_and_french(client):
    html = get(client, "/en/events/?when=past").content.decode()
    for title in [
        "Final multiplier event",
        "Pilot training in Paris",
        "Kick-off meeting in Paris",
    ]:
        assert title in html
    assert '<span class="date-block__year">2022</span>' in html
    html = get(client, "/fr/evenements/?when=past").content.decode()
    for title in [
        "Événement de diffusion final",
        "Formation pilote à Paris",
        "Réunion de lancement à Paris",
    ]:
        assert title in html


@pytest.mark.django_db
def test_past_event_leads_with_recording_and_presentations(client):
    page = event("fr", "final-multiplier-event")
    html = get(client, page.url).content.decode()
    assert "Événement de diffusion final" in html
    # Times in the event's own zone, named.
    assert "Europe/Paris" in html
    assert "14:00" in html
    # Presentations with format and size, the zip link, the agenda and speakers.
    assert html.count('class="downloads__meta">(PDF, ') == 6
    assert "presentations/" in html
    assert "Introduction au concept de Cité des métiers" in html
    assert "Catherine Kinet" in html and "Pauline Boivin" in html
    assert "Directrice" in html  # the speaker's role in French
    # A partner speaker's organisation in French too.
    assert "(Réseau international des Cités des métiers)" in html
    assert "Cités des métiers International Network" not in html
    # Presentations come before the agenda after the event.
    assert html.index("event-presentations-title") < html.index("event-agenda-title")


@pytest.mark.django_db
def test_json_ld_of_an_event(client):
    page = event("en", "final-multiplier-event")
    data = json_ld(get(client, page.url).content.decode())
    events = [d for d in data if d.get("@type") == "Event"]
    assert len(events) == 1
    item = events[0]
    assert item["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert item["location"]["@type"] == "VirtualLocation"
    assert item["startDate"] == "2022-03-28T14:00:00+02:00"
    assert item["endDate"] == "2022-03-28T17:00:00+02:00"
    assert item["eventStatus"] == "https://schema.org/EventScheduled"
    assert item["organizer"]["@type"] == "Organization"
    assert {"Marion Seidenbinder", "Pauline Boivin", "Catherine Kinet"} <= {
        p["name"] for p in item["performer"]
    }
    paris = event("en", "pilot-training-paris")
    item = [
        d
        for d in json_ld(get(client, paris.url).content.decode())
        if d.get("@type") == "Event"
    ][0]
    assert item["location"]["@type"] == "Place"
    assert item["location"]["geo"]["latitude"] == pytest.approx(48.8956)
    assert item["startDate"] == "2021-12-06T09:30:00+01:00"


@pytest.mark.django_db
def test_recording_is_click_to_load_and_a_video_object_after_the_event(
    client, django_db_blocker
):
    page = event("en", "final-multiplier-event")
    page.recording_url = "https://www.youtube.com/watch?v=abc"
    page.transcript_url = "https://example.org/transcript"
    page.save_revision().publish()
    html = get(client, page.url).content.decode()
    assert "<iframe" not in html
    assert 'data-video-url="https://www.youtube.com/watch?v=abc"' in html
    assert "https://example.org/transcript" in html
    videos = [d for d in json_ld(html) if d.get("@type") == "VideoObject"]
    assert videos and videos[0]["contentUrl"] == "https://www.youtube.com/watch?v=abc"
    # no thumbnail is known: none rather than an empty one
    assert all(value not in ("", [], None) for value in videos[0].values())


@pytest.mark.django_db
def test_series_shows_its_next_dates(client, monkeypatch):
    page = event("en", "community-of-practice-meetings")
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC)
    )
    dates = page.next_dates()
    assert [d.date() for d in dates] == [
        datetime.date(2021, 2, 15),
        datetime.date(2021, 4, 15),
        datetime.date(2021, 6, 15),
    ]
    assert dates[0].hour == 14 and dates[0].tzinfo.key == "Europe/Paris"
    html = get(client, page.url).content.decode()
    assert "Next dates of the series" in html
    assert "15 February 2021" in html and "15 June 2021" in html


def test_bad_rule_and_time_zone_are_refused():
    from django.core.exceptions import ValidationError

    from events.models import validate_rrule, validate_time_zone

    validate_rrule("FREQ=MONTHLY;INTERVAL=2")
    validate_time_zone("Europe/Zagreb")
    with pytest.raises(ValidationError):
        validate_rrule("FREQ=SOMETIMES")
    with pytest.raises(ValidationError):
        validate_time_zone("Mars/Olympus")


# --- iCalendar ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_event_ics_parses_and_round_trips_dates_and_time_zone(client):
    page = event("fr", "pilot-training-paris")
    response = get(client, page.url + "ics/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    items = calendar.walk("VEVENT")
    assert len(items) == 1
    item = items[0]
    assert str(item["SUMMARY"]) == "Formation pilote à Paris"
    start = item.decoded("DTSTART")
    assert start == datetime.datetime(2021, 12, 6, 9, 30, tzinfo=PARIS)
    assert item["DTSTART"].params["TZID"] == "Europe/Paris"
    assert item.decoded("DTEND") == page.end
    assert "DTSTAMP" in item
    assert str(item["UID"]) == f"{page.translation_key}-fr@keepinpact.eu"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    # Text is escaped (commas in the address), and survives the round trip.
    assert b"75019 Paris\\, France" in response.content
    assert "75019 Paris, France" in str(item["LOCATION"])


@pytest.mark.django_db
def test_uid_is_stable_across_edits(client):
    page = event("en", "kick-off-meeting-paris")
    before = Calendar.from_ical(get(client, page.url + "ics/").content).walk("VEVENT")[
        0
    ]["UID"]
    page.title = "Kick-off meeting in Paris (edited)"
    page.save_revision().publish()
    after_cal = Calendar.from_ical(get(client, page.url + "ics/").content)
    after = after_cal.walk("VEVENT")[0]
    assert after["UID"] == before
    assert str(after["SUMMARY"]) == "Kick-off meeting in Paris (edited)"


@pytest.mark.django_db
def test_calendar_feed_per_language_is_announced_and_parses(client):
    html = get(client, "/fr/").content.decode()
    assert re.search(
        r'<link[^>]+type="text/calendar"[^>]+/fr/evenements/calendar/', html
    )
    response = get(client, "/fr/evenements/calendar/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    items = calendar.walk("VEVENT")
    summaries = {str(item["SUMMARY"]) for item in items}
    assert {"Événement de diffusion final", "Formation pilote à Paris"} <= summaries
    assert "Final multiplier event" not in summaries
    organisers = {item["ORGANIZER"].params["CN"] for item in items}
    assert "Réseau international des Cités des métiers" in organisers
    assert "Cités des métiers International Network" not in organisers
    assert len({str(item["UID"]) for item in items}) == len(items)
    series = [i for i in items if "RRULE" in i]
    assert series and series[0]["RRULE"]["INTERVAL"] == [2]
    for item in items:
        page = EventPage.objects.get(
            translation_key=str(item["UID"]).split("-fr@")[0],
            locale__language_code="fr",
        )
        assert item.decoded("DTSTART") == page.start


# --- Presentations zip ----------------------------------------------------------------------


@pytest.mark.django_db
def test_zip_has_exactly_the_public_presentations(client):
    page = event("en", "final-multiplier-event")
    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Private events collection")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    secret = Document(title="Internal budget", collection=private)
    secret.file.save("internal-budget.pdf", ContentFile(b"%PDF-1.4 secret"), save=False)
    secret.save()
    EventPresentation.objects.create(
        page=page, document=secret, title="Internal budget", sort_order=99
    )

    below = private.add_child(name="Below the private collection")
    hidden = Document(title="Internal minutes", collection=below)
    hidden.file.save("internal-minutes.pdf", ContentFile(b"%PDF-1.4 x"), save=False)
    hidden.save()
    EventPresentation.objects.create(
        page=page, document=hidden, title="Internal minutes", sort_order=100
    )

    html = get(client, page.url).content.decode()
    assert "Internal budget" not in html and "Internal minutes" not in html
    response = get(client, page.url + "presentations/")
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.testzip() is None
    names = archive.namelist()
    assert len(names) == 6
    assert not any("budget" in name or "minutes" in name for name in names)
    expected = {
        p.document.file.read()
        for p in page.public_presentations()
        if not p.document.file.seek(0)
    }
    assert {archive.read(name) for name in names} == expected
    assert all(archive.read(name).startswith(b"%PDF") for name in names)


@pytest.mark.django_db
def test_zip_of_an_event_without_presentations_is_404(client):
    page = event("en", "kick-off-meeting-paris")
    get(client, page.url + "presentations/", status=404)


# --- Index ----------------------------------------------------------------------------------


@pytest.fixture
def tokyo_event(db):
    """An event in Tokyo ending at midnight Tokyo time on 1 June 2030."""
    index = index_of("en")
    tokyo = zoneinfo.ZoneInfo("Asia/Tokyo")
    page = EventPage(
        title="Tokyo webinar",
        slug="tokyo-webinar",
        event_type=EventPage.TYPE_WEBINAR,
        attendance_mode=EventPage.MODE_ONLINE,
        time_zone="Asia/Tokyo",
        start=datetime.datetime(2030, 5, 31, 22, tzinfo=tokyo),
        end=datetime.datetime(2030, 6, 1, 0, tzinfo=tokyo),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    cache.clear()
    return page


@pytest.mark.django_db
def test_upcoming_and_past_split_around_midnight_in_another_time_zone(
    client, tokyo_event, monkeypatch
):
    # 23:59 in Tokyo on 31 May is 14:59 UTC: still on.
    monkeypatch.setattr(
        timezone,
        "now",
        lambda: datetime.datetime(2030, 5, 31, 14, 59, tzinfo=datetime.UTC),
    )
    html = get(client, "/en/events/").content.decode()
    assert "Tokyo webinar" in html
    # Time in the event's zone, with its name, whatever the server zone.
    assert "22:00" in html and "Asia/Tokyo" in html
    assert "Tokyo webinar" not in get(client, "/en/events/?when=past").content.decode()
    # 00:01 in Tokyo on 1 June is 15:01 UTC on 31 May: over.
    monkeypatch.setattr(
        timezone,
        "now",
        lambda: datetime.datetime(2030, 5, 31, 15, 1, tzinfo=datetime.UTC),
    )
    upcoming = get(client, "/en/events/?when=upcoming").content.decode()
    assert "Tokyo webinar" not in upcoming
    past = get(client, "/en/events/?when=past").content.decode()
    assert "Tokyo webinar" in past
    assert '<span class="date-block__year">2030</span>' in past


@pytest.mark.django_db
def test_upcoming_event_leads_with_registration_and_shows_on_the_home(
    client, tokyo_event, monkeypatch
):
    tokyo_event.registration_url = "https://example.org/register"
    tokyo_event.recording_url = "https://www.youtube.com/watch?v=later"
    tokyo_event.save_revision().publish()
    cache.clear()
    html = get(client, tokyo_event.url).content.decode()
    assert "https://example.org/register" in html
    body = html[html.index('class="event__main') :]
    assert re.search(r"<h2[^>]*>", body).group(0) == '<h2 id="event-register-title">'
    assert "event-recording-title" not in html
    home = get(client, "/en/").content.decode()
    assert "Tokyo webinar" in home
    assert "Tokyo webinar" not in get(client, "/fr/").content.decode()
    data = [d for d in json_ld(html) if d.get("@type") == "Event"][0]
    assert data["startDate"] == "2030-05-31T22:00:00+09:00"


@pytest.mark.django_db
def test_cancelled_event_says_so_everywhere_and_takes_no_registration(
    client, tokyo_event
):
    tokyo_event.registration_url = "https://example.org/register"
    tokyo_event.save_revision().publish()
    cache.clear()
    item = Calendar.from_ical(get(client, tokyo_event.url + "ics/").content)
    assert str(item.walk("VEVENT")[0]["STATUS"]) == "CONFIRMED"
    html = get(client, tokyo_event.url).content.decode()
    data = [d for d in json_ld(html) if d.get("@type") == "Event"]
    assert data[0]["eventStatus"] == "https://schema.org/EventScheduled"

    tokyo_event.status = EventPage.STATUS_CANCELLED
    tokyo_event.save_revision().publish()
    cache.clear()
    html = get(client, tokyo_event.url).content.decode()
    assert "This event has been cancelled." in html
    assert "https://example.org/register" not in html
    assert "event-register-title" not in html
    data = [d for d in json_ld(html) if d.get("@type") == "Event"][0]
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert "offers" not in data
    item = Calendar.from_ical(get(client, tokyo_event.url + "ics/").content)
    assert str(item.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    feed = Calendar.from_ical(get(client, "/en/events/calendar/").content)
    statuses = {str(i["SUMMARY"]): str(i["STATUS"]) for i in feed.walk("VEVENT")}
    assert statuses["Tokyo webinar"] == "CANCELLED"
    card = get(client, "/en/events/").content.decode()
    card = card[card.index("Tokyo webinar") :]
    assert re.match(
        r'Tokyo webinar</a></h3>\s*</div>\s*<p class="event-status[^"]*"><strong>Cancelled<',
        card,
    )


@pytest.mark.django_db
def test_postponed_event_in_french(client):
    page = event("fr", "pilot-training-paris")
    page.status = EventPage.STATUS_POSTPONED
    page.save_revision().publish()
    cache.clear()
    html = get(client, page.url).content.decode()
    assert "Cet événement est reporté ; la nouvelle date sera annoncée ici." in html
    data = [d for d in json_ld(html) if d.get("@type") == "Event"][0]
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    item = Calendar.from_ical(get(client, page.url + "ics/").content)
    assert str(item.walk("VEVENT")[0]["STATUS"]) == "TENTATIVE"
    english = event("en", "pilot-training-paris")
    assert "event-status" not in get(client, english.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["?type=party", "?when=tomorrow", "?page=abc", "?page=999", "?type=%00%ff&page=-1"],
)
def test_bad_input_answers_200_with_a_message(client, query):
    response = get(client, "/en/events/" + query)
    assert 'class="notice" role="status"' in response.content.decode()


@pytest.mark.django_db
def test_filter_by_type_as_plain_links(client):
    html = get(client, "/en/events/?when=past&type=training").content.decode()
    assert "Pilot training in Paris" in html
    assert "Final multiplier event" not in html
    assert (
        'href="?type=multiplier&amp;when=past"' in html
        or 'href="?when=past&amp;type=multiplier"' in html
    )


@pytest.fixture(scope="module")
def big_events(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        home = HomePage.objects.get(locale__language_code="en")
        index = home.add_child(
            instance=EventIndexPage(title="Many events", slug="many-events")
        )
        index.save_revision().publish()

        def grow(total):
            current = EventPage.objects.child_of(index).count()
            parent = EventIndexPage.objects.get(pk=index.pk)
            for number in range(current, total):
                start = datetime.datetime(
                    2019 + number % 15, 1 + number % 12, 1, 10, tzinfo=PARIS
                )
                parent.add_child(
                    instance=EventPage(
                        title=f"Bulk event {number}",
                        slug=f"bulk-{number}",
                        start=start,
                        end=start + datetime.timedelta(hours=2),
                        event_type=EventPage.TYPE_CHOICES[number % 5][0],
                        live=True,
                    )
                )

        grow(10)
        yield index, grow
        EventIndexPage.objects.get(pk=index.pk).delete()
        cache.clear()


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_index_queries_flat_from_10_to_1000(client, big_events, django_db_blocker):
    index, grow = big_events
    urls = [
        index.url,
        index.url + "?when=past",
        index.url + "?when=past&type=training&page=2",
        index.url + "calendar/",
    ]
    small = [count_queries(client, url) for url in urls]
    with django_db_blocker.unblock():
        grow(1000)
    cache.clear()
    large = [count_queries(client, url) for url in urls]
    assert small == large
    assert large[0] <= 10, large


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/en/events/", 10),
        ("/fr/evenements/?when=past&type=training", 10),
        ("/fr/evenements/evenement-de-diffusion-final/", 12),
        ("/en/events/pilot-training-paris/", 12),
    ],
)
def test_event_pages_stay_within_the_query_budget(client, url, budget):
    count = count_queries(client, url)
    print(url, count)
    assert count <= budget


@pytest.mark.django_db
def test_admin_lists_events_and_speakers(admin_client):
    html = admin_client.get("/admin/events/").content.decode()
    assert "Final multiplier event" in html and "Multiplier event" in html
    from events.models import Person

    response = admin_client.get("/admin/snippets/events/person/?locale=en")
    assert response.status_code == 200
    assert "Catherine Kinet" in response.content.decode()
    assert Person.objects.filter(name="Catherine Kinet").count() == 2


@pytest.mark.django_db
def test_speaker_photos_cost_no_query_per_person(client):
    import wagtail_factories

    image = wagtail_factories.ImageFactory(title="Speaker photo")
    url = "/fr/evenements/evenement-de-diffusion-final/"
    Person.objects.filter(name="Catherine Kinet").update(photo=image)
    one = count_queries(client, url)
    Person.objects.filter(name__in=["Pauline Boivin", "Marion Seidenbinder"]).update(
        photo=image
    )
    three = count_queries(client, url)
    html = get(client, url).content.decode()
    assert 'alt="Catherine Kinet"' in html and 'alt="Pauline Boivin"' in html
    # One query for the renditions of every photo (12 without photos).
    assert one == three <= 13, (one, three)


@pytest.mark.django_db
def test_type_links_among_past_events_stay_among_them(client):
    # The demo's events are all past: the page opens on them, and its type
    # links keep to past events; a type asked for by URL finds none ahead
    # and links to its past ones.
    html = client.get("/en/events/").content.decode()
    assert 'href="?type=training&amp;when=past"' in html
    page = client.get("/en/events/?type=training&when=past").content.decode()
    assert "1 past event" in page and "No event matches" not in page
    upcoming = client.get("/en/events/?type=training").content.decode()
    assert "No event matches" in upcoming
    assert 'href="?type=training&amp;when=past"' in upcoming


@pytest.mark.django_db
def test_an_invalid_when_shows_what_its_message_says(client):
    # With every demo event past, the bare page opens on past events; an
    # invalid `when` is told "showing upcoming events", and it does.
    html = client.get("/en/events/?when=nope").content.decode()
    assert "is neither upcoming nor past; showing upcoming events" in html
    assert "0 upcoming events" in html
    assert "past events" not in html.split('id="events-results-title"')[1][:80]
    assert 'href="?when=past"' in html
