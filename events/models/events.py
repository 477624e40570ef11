"""One event page: dates, place, registration, agenda, recording."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.localization import page_language
from portal.pages import PortalPageMixin

from .. import views
from ..forms import EventPageForm
from ..validators import validate_rrule, validate_time_zone


class EventPage(PortalPageMixin, RoutablePageMixin, Page):
    """One event: when and where, how to register, the agenda, the speakers and,
    afterwards, the recording and the presentations."""

    base_form_class = EventPageForm

    TYPE_MULTIPLIER = "multiplier"
    TYPE_TRAINING = "training"
    TYPE_TRANSNATIONAL = "transnational"
    TYPE_COMMUNITY = "community"
    TYPE_WEBINAR = "webinar"
    TYPE_CHOICES = [
        (TYPE_MULTIPLIER, _("Multiplier event")),
        (TYPE_TRAINING, _("Training")),
        (TYPE_TRANSNATIONAL, _("Transnational meeting")),
        (TYPE_COMMUNITY, _("Community-of-practice meeting")),
        (TYPE_WEBINAR, _("Webinar")),
    ]
    MODE_IN_PERSON = "in_person"
    MODE_ONLINE = "online"
    MODE_HYBRID = "hybrid"
    MODE_CHOICES = [
        (MODE_IN_PERSON, _("In person")),
        (MODE_ONLINE, _("Online")),
        (MODE_HYBRID, _("Hybrid (in person and online)")),
    ]
    STATUS_SCHEDULED = "scheduled"
    STATUS_CANCELLED = "cancelled"
    STATUS_POSTPONED = "postponed"
    STATUS_RESCHEDULED = "rescheduled"
    STATUS_MOVED_ONLINE = "moved_online"
    STATUS_CHOICES = [
        (STATUS_SCHEDULED, _("Scheduled")),
        (STATUS_CANCELLED, _("Cancelled")),
        (STATUS_POSTPONED, _("Postponed")),
        (STATUS_RESCHEDULED, _("Rescheduled")),
        (STATUS_MOVED_ONLINE, _("Moved online")),
    ]
    SCHEMA_STATUSES = {
        STATUS_SCHEDULED: "https://schema.org/EventScheduled",
        STATUS_CANCELLED: "https://schema.org/EventCancelled",
        STATUS_POSTPONED: "https://schema.org/EventPostponed",
        STATUS_RESCHEDULED: "https://schema.org/EventRescheduled",
        STATUS_MOVED_ONLINE: "https://schema.org/EventMovedOnline",
    }
    # RFC 5545 STATUS of a VEVENT: a postponed event has no firm date.
    ICAL_STATUSES = {STATUS_CANCELLED: "CANCELLED", STATUS_POSTPONED: "TENTATIVE"}
    SCHEMA_MODES = {
        MODE_IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
        MODE_ONLINE: "https://schema.org/OnlineEventAttendanceMode",
        MODE_HYBRID: "https://schema.org/MixedEventAttendanceMode",
    }

    event_type = models.CharField(
        _("type"),
        max_length=20,
        choices=TYPE_CHOICES,
        default=TYPE_MULTIPLIER,
        help_text=_("What kind of event this is; visitors filter events by type."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=STATUS_CHOICES,
        default=STATUS_SCHEDULED,
        help_text=_(
            "Change it when the event is cancelled, postponed (no new date yet), "
            "rescheduled (give the new date below) or moved online: the page, the "
            "calendars and search engines show it."
        ),
    )
    start = models.DateTimeField(
        _("start"),
        help_text=_("When the event starts, in the event's time zone below."),
    )
    end = models.DateTimeField(
        _("end"),
        help_text=_("When the event ends, in the event's time zone below."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Paris",
        validators=[validate_time_zone],
        help_text=_("The time zone of the event, e.g. Europe/Paris or Europe/Zagreb."),
    )
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=20,
        choices=MODE_CHOICES,
        default=MODE_IN_PERSON,
        help_text=_("Whether people attend in a venue, online, or either."),
    )
    venue_name = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("The name of the place, for events held in person."),
    )
    address = models.TextField(
        _("address"),
        blank=True,
        help_text=_("The postal address of the venue."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("The venue's latitude in decimal degrees, e.g. 48.895."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("The venue's longitude in decimal degrees, e.g. 2.388."),
    )
    centre = models.ForeignKey(
        "directory.CentrePage",
        verbose_name=_("centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The guidance centre of the directory hosting the event, if any."),
    )
    online_url = models.URLField(
        _("online platform"),
        blank=True,
        help_text=_(
            "The address where people join online (for online or hybrid events)."
        ),
    )
    registration_url = models.URLField(
        _("registration"),
        blank=True,
        help_text=_("Where people register; shown first before the event."),
    )
    organiser = models.ForeignKey(
        "home.Partner",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation that organises the event."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_(
            "The event in one or two sentences, shown in listings and calendars."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The full description of the event, or its report afterwards."),
    )
    recording_url = models.URLField(
        _("recording"),
        blank=True,
        help_text=_(
            "A YouTube or Vimeo address of the recording; nothing is loaded from it "
            "until a visitor clicks."
        ),
    )
    transcript_url = models.URLField(
        _("transcript or captions"),
        blank=True,
        help_text=_("Where visitors can read what is said in the recording."),
    )
    SERIES_WEEKLY = "WEEKLY"
    SERIES_MONTHLY = "MONTHLY"
    SERIES_CHOICES = [
        ("", _("Does not repeat")),
        (SERIES_WEEKLY, _("Every N weeks, on the start's weekday")),
        (SERIES_MONTHLY, _("Every N months, on the start's day of the month")),
    ]
    series_frequency = models.CharField(
        _("repeats"),
        max_length=10,
        blank=True,
        choices=SERIES_CHOICES,
        help_text=_("For a series of meetings; the first one is the start above."),
    )
    series_interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("N: 1 for every week or month, 2 for every other one..."),
    )
    series_until = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("The date of the last meeting; leave empty if it has no end yet."),
    )
    series_rule = models.CharField(
        _("series rule (iCalendar)"),
        max_length=255,
        blank=True,
        validators=[validate_rrule],
        help_text=_(
            "Built from the three fields above; calendars receive it as it is."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("event_type"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("time_zone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("series_frequency"), FieldPanel("series_interval")]
                ),
                FieldPanel("series_until"),
                FieldPanel("series_rule", read_only=True),
            ],
            heading=_("Series"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
                FieldPanel("centre"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("registration_url"),
        FieldPanel("organiser"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("sessions", label=_("Session"), heading=_("Agenda")),
        InlinePanel(
            "presentations", label=_("Presentation"), heading=_("Presentations")
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("transcript_url")],
            heading=_("Recording"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    override_translatable_fields = [
        SynchronizedField("event_type", overridable=False),
        SynchronizedField("start", overridable=False),
        SynchronizedField("end", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("series_rule", overridable=False),
        SynchronizedField("series_frequency", overridable=False),
        SynchronizedField("series_interval", overridable=False),
        SynchronizedField("series_until", overridable=False),
        SynchronizedField("attendance_mode", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("centre", overridable=False),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("organiser", overridable=False),
        SynchronizedField("recording_url"),
        SynchronizedField("transcript_url"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})
        if (
            self.series_frequency
            and self.series_until
            and self.start
            and self.series_until < self.local_start.date()
        ):
            raise ValidationError(
                {"series_until": _("The series must end after its first meeting.")}
            )
        self.series_rule = self.build_series_rule()

    def build_series_rule(self):
        """The RFC 5545 rule of the series fields ("" for a single event)."""
        if not self.series_frequency:
            return ""
        rule = f"FREQ={self.series_frequency};INTERVAL={self.series_interval or 1}"
        if self.series_until:
            rule += f";UNTIL={self.series_until:%Y%m%d}T235959Z"
        return rule

    def save(self, *args, **kwargs):
        self.series_rule = self.build_series_rule()
        super().save(*args, **kwargs)

    # Time -----------------------------------------------------------------
    @property
    def tz(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return datetime.UTC

    @property
    def local_start(self):
        return self.start.astimezone(self.tz)

    @property
    def local_end(self):
        return self.end.astimezone(self.tz)

    @property
    def tz_label(self):
        """'Europe/Paris, CET' style name of the event's time zone."""
        abbreviation = self.local_start.tzname()
        if abbreviation and abbreviation != self.time_zone:
            return f"{self.time_zone}, {abbreviation}"
        return self.time_zone

    @property
    def is_called_off(self):
        """Cancelled, or postponed without a new date: nothing to register for."""
        return self.status in (self.STATUS_CANCELLED, self.STATUS_POSTPONED)

    @property
    def takes_registrations(self):
        return not self.is_past and not self.is_called_off

    @property
    def is_past(self):
        return self.end < timezone.now()

    def next_dates(self, count=3):
        """The next occurrences of the series (start times in the event's zone)."""
        if not self.series_rule:
            return []
        from dateutil.rrule import rrulestr

        try:
            rule = rrulestr(self.series_rule, dtstart=self.local_start)
        except (ValueError, TypeError):
            return []
        now = timezone.now().astimezone(self.tz)
        dates = []
        moment = rule.after(now, inc=True)
        while moment is not None and len(dates) < count:
            dates.append(moment)
            moment = rule.after(moment)
        return dates

    def series_dates(self, limit=60):
        """Every meeting of a series that has an end (start times in the
        event's zone), at most `limit`; [] for a single event or an open-ended
        series."""
        if not (self.series_rule and self.series_until):
            return []
        from itertools import islice

        from dateutil.rrule import rrulestr

        try:
            rule = rrulestr(self.series_rule, dtstart=self.local_start)
        except (ValueError, TypeError):
            return []
        return list(islice(rule, limit))

    def public_presentations(self):
        """The presentations visitors may download (events.views)."""
        return views.public_presentations(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.agenda(page_language(self, request))
        context["presentations"] = self.public_presentations()
        speakers = {}
        for session in context["sessions"]:
            for person in session.people:
                speakers.setdefault(person.pk, person)
        context["speakers"] = list(speakers.values())
        context["page_json_ld"] = self.get_json_ld(request, context["speakers"])
        context["is_past"] = self.is_past
        context["next_dates"] = self.next_dates()
        # A finished series lists the meetings it held (the page's own dates
        # show only the first one).
        if not context["next_dates"]:
            context["series_dates"] = self.series_dates()
        context["organiser"] = self.localized_organiser(request)
        context["recording"] = {
            "url": self.recording_url,
            "title": self.title,
            "transcript_url": self.transcript_url,
        }
        return context

    def localized_organiser(self, request=None):
        """The organiser in the language the page is read in (cached map)."""
        if self.organiser_id is None:
            return None
        from home.models import Partner

        return Partner.in_language(self.organiser_id, page_language(self, request))

    def agenda(self, language=None):
        """The sessions with their speakers in `language` (events.views)."""
        return views.agenda(self, language)

    def get_json_ld(self, request, speakers=None):
        """schema.org Event, and the recording's VideoObject (events.views)."""
        return views.json_ld(self, request, speakers)

    # Routes ----------------------------------------------------------------
    @path("")
    def event_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("ics/", name="ics")
    def ics_route(self, request):
        from ..ical import calendar_response

        return calendar_response(
            [self], request, filename=f"{self.slug}.ics", name=self.title
        )

    @path("presentations/", name="presentations_zip")
    def presentations_zip(self, request):
        from ..zips import presentations_response

        return presentations_response(self)
