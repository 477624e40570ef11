"""Demo events from the seeds (English and French): the kick-off meeting in
Paris, the community-of-practice series, the pilot training in Paris and the
final multiplier event online, with agenda, speakers and presentations. The
texts and times are in data/events.yaml."""

import datetime
import zoneinfo

from demo.loader import read_data, stream, string_pairs
from events.models import (
    EventIndexPage,
    EventPage,
    EventPresentation,
    EventSession,
    Person,
)
from home.models import Partner

ORDER = 40

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

_DATA = read_data("events.yaml")
INDEX = _DATA["index"]
PEOPLE = _DATA["people"]
PARTNER_TALKS = _DATA["partner_talks"]
EVENTS = _DATA["events"]


def _partner(demo, short_name):
    return Partner.objects.filter(
        locale=demo.locale("en"), short_name=short_name
    ).first()


def _person(demo, data):
    en = demo.locale("en")
    person = Person.objects.filter(locale=en, name=data["name"]).first()
    if person is None:
        person = Person.objects.create(
            locale=en,
            name=data["name"],
            role=data["en"]["role"],
            organisation=_partner(demo, data["organisation"])
            if data.get("organisation")
            else None,
            organisation_name=data.get("organisation_name", ""),
        )
        demo.created += 1
    demo.translate(person, "fr", {data["en"]["role"]: data["fr"]["role"]})
    return person


def _event(demo, index, data, people):
    existing = index.get_children().filter(slug=data["slug"]).specific().first()
    if existing is not None:
        _end_series(demo, existing, data)
        return existing
    en = data["en"]
    fields = {
        key: data[key]
        for key in (
            "event_type",
            "start",
            "end",
            "attendance_mode",
            "venue_name",
            "address",
            "latitude",
            "longitude",
            "online_url",
            "series_frequency",
            "series_interval",
            "series_until",
        )
        if key in data
    }
    # The data gives start and end as clock times in Paris.
    for key in ("start", "end"):
        fields[key] = fields[key].replace(tzinfo=PARIS)
    event = EventPage(
        slug=data["slug"],
        title=en["title"],
        intro=en["intro"],
        body=stream(*en["body"]),
        time_zone="Europe/Paris",
        organiser=_partner(demo, data["organiser"]),
        **fields,
    )
    sessions = []
    for item in en["sessions"]:
        hour, minute = (int(x) for x in item[0].split(":"))
        session = EventSession(
            time=datetime.time(hour, minute), title=item[1], description=item[2]
        )
        session.speakers = [people[key] for key in (item[3] if len(item) > 3 else [])]
        sessions.append(session)
    event.sessions = sessions
    if data.get("presentations"):
        event.presentations = [
            EventPresentation(
                document=demo.document(
                    f"Final multiplier event: {name}",
                    [
                        name,
                        "Keep In Pact final multiplier event, 28 March 2022.",
                        "Results of the project and next steps.",
                    ]
                    if language == "en"
                    else [
                        french,
                        "Événement de diffusion final de Keep In Pact, 28 mars 2022.",
                        "Résultats du projet et prochaines étapes.",
                    ],
                    f"kip-final-event-{short.lower().replace(' ', '-')}.pdf",
                    language=language,
                ),
                title=name,
                speaker=short,
                language=language,
            )
            for short, name, french, language in PARTNER_TALKS
        ]
    index.add_child(instance=event)
    event.save_revision().publish()
    demo.created += 1
    demo.log(f"  created EventPage {event.url_path}")
    return event


def _end_series(demo, event, data):
    """A demo series loaded before it had an end (it then repeated forever)
    ends when the data says, in every language; an end an editor set stays."""
    until = data.get("series_until")
    if until is None or not event.series_frequency or event.series_until:
        return
    for page in event.get_translations(inclusive=True).specific():
        page.series_until = until
        page.save_revision().publish()
        demo.log(f"  ended the series {page.url_path} on {until}")


def _pairs(data):
    pairs = string_pairs(
        {k: data["en"][k] for k in ("title", "intro", "body")},
        {k: data["fr"][k] for k in ("title", "intro", "body")},
    )
    for source, target in zip(
        data["en"]["sessions"], data["fr"]["sessions"], strict=True
    ):
        pairs[source[1]] = target[1]
        pairs[source[2]] = target[2]
    if data.get("presentations"):
        for short, name, french, _language in PARTNER_TALKS:
            pairs[name] = french
            pairs[short] = short  # an organisation's short name reads the same
    # The venue's name and address read the same in French: the translator
    # copies them (wagtail-localize shows the address's lines joined by <br/>).
    if data.get("venue_name"):
        pairs[data["venue_name"]] = data["venue_name"]
    if data.get("address"):
        address = data["address"].replace("\n", "<br/>")
        pairs[address] = address
    pairs[data["slug"]] = data["fr_slug"]
    return pairs


def load(demo):
    en_home = demo.home("en")
    index = demo.page(
        en_home,
        EventIndexPage,
        INDEX["en"]["slug"],
        title=INDEX["en"]["title"],
        intro=INDEX["en"]["intro"],
    )
    demo.translate(index, "fr", string_pairs(INDEX["en"], INDEX["fr"]))
    people = {data["key"]: _person(demo, data) for data in PEOPLE}
    for data in EVENTS:
        event = _event(demo, index, data, people)
        demo.translate(event, "fr", _pairs(data))
