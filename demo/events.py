"""Demo events from the seeds (English and French): the kick-off meeting in
Paris, the community-of-practice series, the pilot training in Paris and the
final multiplier event online, with agenda, speakers and presentations."""

import datetime
import zoneinfo

from demo.loader import stream, string_pairs
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

INDEX = {
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": "Multiplier events, trainings and meetings of the Keep In Pact partnership.",
    },
    "fr": {
        "title": "Événements",
        "slug": "evenements",
        "intro": "Événements de diffusion, formations et réunions du partenariat Keep In Pact.",
    },
}

PEOPLE = [
    {
        "key": "seidenbinder",
        "name": "Marion Seidenbinder",
        "organisation": "RICDM",
        "en": {"role": "Keep In Pact lead coordinator"},
        "fr": {"role": "Coordinatrice du projet Keep In Pact"},
    },
    {
        "key": "boivin",
        "name": "Pauline Boivin",
        "organisation": "LLLP",
        "en": {"role": "Project and policy coordinator"},
        "fr": {"role": "Coordinatrice de projets et des politiques"},
    },
    {
        "key": "kinet",
        "name": "Catherine Kinet",
        "organisation_name": "Cité des métiers Brussels",
        "en": {"role": "Director"},
        "fr": {"role": "Directrice"},
    },
]

PARTNER_TALKS = [
    (
        "RICDM",
        "Cité des métiers International Network",
        "Réseau international des Cités des métiers",
        "en",
    ),
    ("LLLP", "Lifelong Learning Platform", "Lifelong Learning Platform", "en"),
    (
        "Universcience",
        "Universcience – Cité des métiers de Paris",
        "Universcience – Cité des métiers de Paris",
        "fr",
    ),
    ("CDM Porto", "Cité des métiers of Porto", "Cité des métiers de Porto", "en"),
    ("Learning Digital", "Learning Digital", "Learning Digital", "en"),
    (
        "AZVO",
        "Agency for Science and Higher Education",
        "Agence pour la science et l'enseignement supérieur",
        "en",
    ),
]


def _at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


EVENTS = [
    {
        "slug": "kick-off-meeting-paris",
        "fr_slug": "reunion-de-lancement-paris",
        "event_type": EventPage.TYPE_TRANSNATIONAL,
        "start": _at(2019, 9, 23, 9, 30),
        "end": _at(2019, 9, 24, 17),
        "attendance_mode": EventPage.MODE_IN_PERSON,
        "venue_name": "Cité des métiers – Universcience",
        "address": "30 avenue Corentin Cariou\n75019 Paris, France",
        "latitude": "48.895600",
        "longitude": "2.388000",
        "organiser": "RICDM",
        "en": {
            "title": "Kick-off meeting in Paris",
            "intro": "Six partners from five EU countries meet in Paris to launch Keep In Pact.",
            "body": [
                (
                    "paragraph",
                    "<p>The partners agree on the work plan of the four intellectual outputs.</p>",
                ),
            ],
            "sessions": [
                (
                    "09:30",
                    "Welcome and introductions",
                    "The partners present their organisations.",
                ),
                (
                    "14:00",
                    "Work plan",
                    "The four intellectual outputs and their calendar.",
                ),
            ],
        },
        "fr": {
            "title": "Réunion de lancement à Paris",
            "intro": "Six partenaires de cinq pays de l'UE se réunissent à Paris pour lancer Keep In Pact.",
            "body": [
                (
                    "paragraph",
                    "<p>Les partenaires s'accordent sur le plan de travail des quatre productions intellectuelles.</p>",
                ),
            ],
            "sessions": [
                (
                    "09:30",
                    "Accueil et présentations",
                    "Les partenaires présentent leurs organisations.",
                ),
                (
                    "14:00",
                    "Plan de travail",
                    "Les quatre productions intellectuelles et leur calendrier.",
                ),
            ],
        },
    },
    {
        "slug": "community-of-practice-meetings",
        "fr_slug": "rencontres-communaute-de-pratique",
        "event_type": EventPage.TYPE_COMMUNITY,
        "start": _at(2020, 10, 15, 14),
        "end": _at(2020, 10, 15, 15, 30),
        "attendance_mode": EventPage.MODE_ONLINE,
        "online_url": "https://www.citedesmetiers.fr/",
        # Every two months until the project ended (March 2022).
        "series_frequency": EventPage.SERIES_MONTHLY,
        "series_interval": 2,
        "series_until": datetime.date(2022, 3, 31),
        "organiser": "RICDM",
        "en": {
            "title": "Community-of-practice meetings",
            "intro": (
                "Partnership officers of the Cités des métiers met online every two "
                "months, from October 2020 to the end of the project in March 2022."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Each meeting worked like a human bookstore: one or two members "
                    "presented a practice or a tool on a theme such as showing the value "
                    "of a partnership, the GDPR or stimulating links between partners, "
                    "and the others asked questions to adapt it to their own "
                    "context.</p>",
                ),
            ],
            "sessions": [],
        },
        "fr": {
            "title": "Réunions de la communauté de pratique",
            "intro": (
                "Les chargés de partenariat des Cités des métiers se sont retrouvés en "
                "ligne tous les deux mois, d’octobre 2020 à la fin du projet en mars "
                "2022."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Chaque réunion fonctionnait comme une bibliothèque vivante : un ou "
                    "deux membres présentaient une pratique ou un outil sur un thème comme "
                    "la valorisation d’un partenariat, le RGPD ou la stimulation des liens "
                    "entre partenaires, et les autres posaient leurs questions pour "
                    "l’adapter à leur propre contexte.</p>",
                ),
            ],
            "sessions": [],
        },
    },
    {
        "slug": "pilot-training-paris",
        "fr_slug": "formation-pilote-paris",
        "event_type": EventPage.TYPE_TRAINING,
        "start": _at(2021, 12, 6, 9, 30),
        "end": _at(2021, 12, 6, 17),
        "attendance_mode": EventPage.MODE_IN_PERSON,
        "venue_name": "Cité des métiers – Universcience",
        "address": "30 avenue Corentin Cariou\n75019 Paris, France",
        "latitude": "48.895600",
        "longitude": "2.388000",
        "organiser": "Universcience",
        "en": {
            "title": "Pilot training in Paris",
            "intro": "A day to test two modules of the training with partnership officers of the Cités des métiers.",
            "body": [
                (
                    "paragraph",
                    "<p>The pilot training took place in person at the Cité des métiers in Paris, with careful organisation and social distancing.</p>",
                ),
            ],
            "sessions": [
                (
                    "09:30",
                    "Module A: Developing and formalising new partnerships",
                    "Ice-breaker and group exercises.",
                ),
                (
                    "14:00",
                    "Module C: Coordinating, managing and leading the partnership",
                    "Feedback on the module and the e-learning platform.",
                ),
            ],
        },
        "fr": {
            "title": "Formation pilote à Paris",
            "intro": "Une journée pour tester deux modules de la formation avec des chargés de partenariat des Cités des métiers.",
            "body": [
                (
                    "paragraph",
                    "<p>La formation pilote s'est tenue en présentiel à la Cité des métiers de Paris, dans le respect de la distanciation sociale.</p>",
                ),
            ],
            "sessions": [
                (
                    "09:30",
                    "Module A : Développer et formaliser de nouveaux partenariats",
                    "Brise-glace et exercices en groupe.",
                ),
                (
                    "14:00",
                    "Module C : Coordonner, gérer et animer le partenariat",
                    "Retours sur le module et la plateforme d'apprentissage en ligne.",
                ),
            ],
        },
    },
    {
        "slug": "final-multiplier-event",
        "fr_slug": "evenement-de-diffusion-final",
        "event_type": EventPage.TYPE_MULTIPLIER,
        "start": _at(2022, 3, 28, 14),
        "end": _at(2022, 3, 28, 17),
        "attendance_mode": EventPage.MODE_ONLINE,
        "online_url": "https://www.citedesmetiers.fr/",
        "organiser": "RICDM",
        "presentations": True,
        "en": {
            "title": "Final multiplier event",
            "intro": "The final online conference of Keep In Pact with stakeholders and partner organisations.",
            "body": [
                (
                    "paragraph",
                    "<p>The project's results were presented: seven case studies, a training programme of seven modules and a community of practitioners.</p>",
                ),
            ],
            "sessions": [
                (
                    "14:00",
                    "Welcome",
                    "Opening by the moderators.",
                    ["seidenbinder", "boivin"],
                ),
                (
                    "14:15",
                    "Introduction to the Cité des métiers concept",
                    "How a guidance centre welcomes the public without appointment.",
                    ["kinet"],
                ),
                (
                    "14:45",
                    "Presentations of the six partners",
                    "The results of the project, partner by partner.",
                    [],
                ),
            ],
        },
        "fr": {
            "title": "Événement de diffusion final",
            "intro": "La conférence finale en ligne de Keep In Pact avec les acteurs et les organisations partenaires.",
            "body": [
                (
                    "paragraph",
                    "<p>Les résultats du projet ont été présentés : sept études de cas, un programme de formation en sept modules et une communauté de praticiens.</p>",
                ),
            ],
            "sessions": [
                (
                    "14:00",
                    "Accueil",
                    "Ouverture par les modératrices.",
                    ["seidenbinder", "boivin"],
                ),
                (
                    "14:15",
                    "Introduction au concept de Cité des métiers",
                    "Comment un centre d'orientation accueille le public sans rendez-vous.",
                    ["kinet"],
                ),
                (
                    "14:45",
                    "Présentations des six partenaires",
                    "Les résultats du projet, partenaire par partenaire.",
                    [],
                ),
            ],
        },
    },
]


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
        for _short, name, french, _language in PARTNER_TALKS:
            pairs[name] = french
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
