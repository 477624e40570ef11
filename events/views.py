"""What an event page shows, built from the page it is given: the agenda with
its speakers in the visitor's language, the presentations visitors may
download, the structured data."""

from django.apps import apps
from django.db.models import Exists, F, OuterRef, Prefetch
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext
from modelcluster.queryset import FakeQuerySet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

from portal import prepared, versioned_cache
from portal.localization import page_language

# The speakers' photos as the agenda shows them (the template's rendition).
PERSON_PHOTO = "fill-160x160"


def _model(name):
    # Through the app registry: the models import this module, not the
    # other way round.
    return apps.get_model("events", name)


def public_presentations(page):
    """The presentations whose document visitors may download: none in a
    collection that has, or lies below one that has, a view restriction
    (one query on a stored page).

    A draft being previewed holds its presentations in memory (rebuilt from
    the revision), where no query can be made on them: their documents are
    then checked in a query of their own."""

    def restricted(collection_path):
        return CollectionViewRestriction.objects.annotate(
            prefix=Substr(OuterRef(collection_path), 1, Length("collection__path"))
        ).filter(collection__path=F("prefix"))

    if not page.relations_in_memory("presentations"):
        if any_collection_restricted():
            return list(
                _presentations(page.pk).exclude(
                    Exists(restricted("document__collection__path"))
                )
            )
        return prepared.rows("events.presentations", _presentations, page.pk)
    items = [p for p in page.presentations.all() if p.document_id]
    public = get_document_model().objects.filter(pk__in=[p.document_id for p in items])
    documents = {
        document.pk: document
        for document in public.exclude(Exists(restricted("collection__path")))
    }
    items = [p for p in items if p.document_id in documents]
    for item in items:
        item.document = documents[item.document_id]
    return sorted(
        items,
        key=lambda p: (p.sort_order or 0, p.pk or 0),
    )


def _presentations(page_id):
    return (
        _model("EventPresentation")
        .objects.filter(page_id=page_id)
        .select_related("document")
        .order_by("sort_order", "pk")
    )


def _sessions(page_id):
    return _model("EventSession").objects.filter(page_id=page_id)


def _speaker_rows(page_id):
    """The (session, speaker) rows of the page's sessions and of the sessions
    they were translated from or into (sharing their translation key)."""
    keys = _sessions(page_id).values("translation_key")
    return (
        _model("EventSession")
        .speakers.through.objects.filter(
            eventsession__translation_key__in=keys, person__live=True
        )
        .select_related("eventsession", "person")
        .order_by("pk")
    )


def any_collection_restricted():
    """Whether any collection has a view restriction (most sites have none: the
    restriction subquery is then left out). Kept in the process until the next
    change of state; adding or removing a restriction is one (portal.privacy)."""
    return versioned_cache.in_process(
        "any-collection-restricted", CollectionViewRestriction.objects.exists
    )


def agenda(page, language=None):
    """The sessions, each with `people`: its speakers in this page's
    language (default-language fallback), their partner organisations in
    `language` (the page's own by default). Two queries, compiled once
    (portal.prepared), and one more for the speakers if there are any."""
    in_memory = page.relations_in_memory("sessions")
    if in_memory:  # a draft or a preview
        sessions = list(page.sessions.all())
        rows = _model("EventSession").speakers.through.objects.filter(
            eventsession__translation_key__in=[s.translation_key for s in sessions],
            person__live=True,
        )
        rows = rows.select_related("eventsession", "person").order_by("pk")
    else:
        sessions = prepared.rows("events.sessions", _sessions, page.pk)
        rows = (
            prepared.rows("events.speakers", _speaker_rows, page.pk) if sessions else []
        )
    # Translations of a session share its translation key; their speakers
    # are those of the source session (wagtail-localize does not copy them).
    by_session = {}
    for row in rows:
        session = row.eventsession
        own = session.locale_id == page.locale_id
        by_session.setdefault(session.translation_key, {}).setdefault(own, []).append(
            row.person
        )
    speakers_of = {}
    for session in sessions:
        # A draft or preview holds the speakers the editor chose in memory.
        chosen = []
        if in_memory and (
            session.pk is None or isinstance(session.speakers.all(), FakeQuerySet)
        ):
            chosen = [p for p in session.speakers.all() if p.live]
        found = by_session.get(session.translation_key, {})
        speakers_of[session] = chosen or found.get(True) or found.get(False) or []
    keys = {p.translation_key for people in speakers_of.values() for p in people}
    localized = {}
    if keys:
        localized = {
            person.translation_key: person
            for person in _model("Person")
            .objects.filter(
                translation_key__in=keys, locale_id=page.locale_id, live=True
            )
            .select_related("organisation", "photo")
            .prefetch_related(
                Prefetch(
                    "photo__renditions",
                    queryset=get_image_model()
                    .get_rendition_model()
                    .objects.filter(filter_spec=PERSON_PHOTO),
                    to_attr="prefetched_renditions",
                )
            )
        }
    language = language or page.locale.language_code
    for session in sessions:
        session.people = [
            localized.get(p.translation_key, p) for p in speakers_of[session]
        ]
        for person in session.people:
            person.localize_organisation(language)
    return sessions


def json_ld(page, request, speakers=None):
    if speakers is None:
        speakers = {}
        for session in page.agenda(page_language(page, request)):
            for person in session.people:
                speakers.setdefault(person.pk, person)
        speakers = list(speakers.values())
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.intro,
        "url": url,
        "startDate": page.local_start.isoformat(timespec="seconds"),
        "endDate": page.local_end.isoformat(timespec="seconds"),
        "eventAttendanceMode": page.SCHEMA_MODES.get(page.attendance_mode),
        "eventStatus": page.SCHEMA_STATUSES.get(
            page.status, page.SCHEMA_STATUSES[page.STATUS_SCHEDULED]
        ),
        "inLanguage": page_language(page, request),
    }
    locations = []
    if page.attendance_mode in (page.MODE_IN_PERSON, page.MODE_HYBRID):
        place = {"@type": "Place", "name": page.venue_name or page.title}
        if page.address:
            place["address"] = page.address
        if page.latitude is not None and page.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(page.latitude),
                "longitude": float(page.longitude),
            }
        locations.append(place)
    if page.attendance_mode in (page.MODE_ONLINE, page.MODE_HYBRID):
        virtual = {"@type": "VirtualLocation"}
        if page.online_url:
            virtual["url"] = page.online_url
        locations.append(virtual)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organiser = page.localized_organiser(request)
    if organiser is not None:
        data["organizer"] = {"@type": "Organization", "name": organiser.name}
        if organiser.website:
            data["organizer"]["url"] = organiser.website
    if speakers:
        data["performer"] = [{"@type": "Person", "name": p.name} for p in speakers]
    if page.registration_url and page.takes_registrations:
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "price": "0",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
        }
    result = [data]
    if page.is_past and page.recording_url:
        data["recordedIn"] = {"@id": page.recording_url}
        result.append(
            {
                "@context": "https://schema.org",
                "@type": "VideoObject",
                "@id": page.recording_url,
                "name": gettext("Recording: %(title)s") % {"title": page.title},
                "description": page.intro or page.title,
                "contentUrl": page.recording_url,
                "uploadDate": page.local_end.isoformat(timespec="seconds"),
            }
        )
    return result
