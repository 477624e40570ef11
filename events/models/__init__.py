"""Events of the project: multiplier events, trainings, transnational and
community-of-practice meetings and webinars, with their agenda, speakers,
presentations and recording, an .ics per event and a calendar per language."""

from ..validators import validate_rrule, validate_time_zone  # noqa: F401 (old migrations)
from ..views import PERSON_PHOTO
from .events import EventPage
from .index import EVENTS_PAGE_SIZE, EventIndexPage
from .people import Person
from .sessions import EventPresentation, EventSession

__all__ = [
    "EVENTS_PAGE_SIZE",
    "PERSON_PHOTO",
    "EventIndexPage",
    "EventPage",
    "EventPresentation",
    "EventSession",
    "Person",
]
