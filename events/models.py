"""Events of the project: multiplier events, trainings, transnational and
community-of-practice meetings and webinars, with their agenda, speakers,
presentations and recording, an .ics per event and a calendar per language."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock
from portal.localization import page_language, public_pages
from portal.models import ModeratedSnippet
from portal.pages import PortalPageMixin

EVENTS_PAGE_SIZE = 12
PERSON_PHOTO = "fill-160x160"


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(value)s is not a time zone name such as Europe/Paris."),
            params={"value": value},
        ) from None


def validate_rrule(value):
    from dateutil.rrule import rrulestr

    if not value:
        return
    try:
        rrulestr(value, dtstart=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    except (ValueError, TypeError) as error:
        raise ValidationError(
            _(
                "This is not a valid RFC 5545 rule (%(error)s), e.g. FREQ=MONTHLY;INTERVAL=2."
            ),
            params={"error": str(error)[:100]},
        ) from None


class Person(ModeratedSnippet):
    """A speaker or moderator of events (translatable: role and name spelling)."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The person's full name.")
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("Their job title, e.g. project and policy coordinator."),
    )
    organisation = models.ForeignKey(
        "home.Partner",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The partner organisation they work for, if any."),
    )
    organisation_name = models.CharField(
        _("other organisation"),
        max_length=200,
        blank=True,
        help_text=_("Their organisation when it is not a partner of the project."),
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait; its alternative text is the person's name."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("organisation_name"),
        FieldPanel("photo"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("organisation", overridable=False),
        SynchronizedField("photo", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def organisation_label(self):
        """Their organisation's name; a partner's in the language it was
        localised to (`localize_organisation`), else in the person's own."""
        if self.organisation_name:
            return self.organisation_name
        if "localized_organisation" in self.__dict__:
            partner = self.__dict__["localized_organisation"]
            return partner.name if partner is not None else ""
        return self.organisation.name if self.organisation_id else ""

    def localize_organisation(self, language_code):
        """Read the partner's name in `language_code` (cached map, no query)."""
        from home.models import Partner

        self.localized_organisation = Partner.in_language(
            self.organisation_id, language_code
        )


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
        messages = []
        now = timezone.now()
        types = dict(EventPage.TYPE_CHOICES)
        chosen = {}
        kind = request.GET.get("type", "").strip()
        if kind:
            if kind in types:
                chosen["type"] = kind
            else:
                messages.append(
                    gettext('There is no event type "%(value)s"; showing every type.')
                    % {"value": kind[:60]}
                )
        when = request.GET.get("when", "").strip()
        if when:
            if when in ("upcoming", "past"):
                chosen["when"] = when
            else:
                messages.append(
                    gettext(
                        '"%(value)s" is neither upcoming nor past; showing upcoming events.'
                    )
                    % {"value": when[:20]}
                )
        past = chosen.get("when") == "past"
        events = self.events().defer_streamfields().select_related("organiser")
        if "type" in chosen:
            events = events.filter(event_type=chosen["type"])
        upcoming = events.filter(end__gte=now).order_by("start", "pk")
        paginator = Paginator(upcoming, EVENTS_PAGE_SIZE)
        # With nothing ahead (a project that has ended) and nothing asked for,
        # the page opens on the most recent past events rather than on none.
        past_by_default = not past and not chosen and paginator.count == 0
        if past or past_by_default:
            past = True
            paginator = Paginator(
                events.filter(end__lt=now).order_by("-start", "-pk"), EVENTS_PAGE_SIZE
            )

        page_number = request.GET.get("page", "1")
        try:
            results = paginator.page(page_number)
        except PageNotAnInteger:
            messages.append(gettext("That page number is not valid; showing page 1."))
            results = paginator.page(1)
        except EmptyPage:
            messages.append(
                gettext("There is no page %(number)s; showing the last page.")
                % {"number": str(page_number)[:10]}
            )
            results = paginator.page(paginator.num_pages)

        from urllib.parse import urlencode

        def link(**changes):
            params = {k: v for k, v in {**chosen, **changes}.items() if v}
            return "?" + urlencode(params) if params else "?"

        return {
            "events": results,
            "paginator": paginator,
            "past": past,
            "past_by_default": past_by_default,
            "messages_list": messages,
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
                    "url": link(type=value),
                    "current": chosen.get("type") == value,
                }
                for value, label in EventPage.TYPE_CHOICES
            ],
            "all_types_url": link(type=None),
            "page_link_prefix": link() + ("&" if chosen else ""),
        }

    def calendar_url(self, request=None):
        return (self.get_full_url(request) or "").rstrip("/") + "/calendar/"

    @path("calendar/", name="calendar")
    def calendar_feed(self, request):
        from .ical import calendar_response

        events = (
            self.events().select_related("organiser", "locale").order_by("start", "pk")
        )
        return calendar_response(
            list(events), request, filename=f"{self.slug}.ics", name=self.title
        )


class SpeakerChoiceField(forms.ModelMultipleChoiceField):
    """Speakers as a list of checkboxes, each with its organisation, so that two
    people of the same name, or a person and their translation, can be told
    apart."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        organisation = obj.organisation_label
        return f"{obj.name} ({organisation})" if organisation else obj.name


class EventPageForm(WagtailAdminPageForm):
    """The agenda's speaker choice lists the people of the event's source
    language (the speakers are synchronised to translations), plus whoever a
    session already has, each with their organisation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("sessions")
        if formset is None:
            return
        chosen = set()
        if self.instance.pk:
            for session in self.instance.sessions.all():
                chosen.update(person.pk for person in session.speakers.all())
        people = Person.objects.filter(
            models.Q(locale__language_code=settings.LANGUAGE_CODE, live=True)
            | models.Q(pk__in=chosen)
        ).select_related("organisation")
        field = formset.form.base_fields["speakers"]
        session_form = type("SessionForm", (formset.form,), {})
        session_form.base_fields = dict(formset.form.base_fields)
        session_form.base_fields["speakers"] = SpeakerChoiceField(
            queryset=people,
            required=False,
            label=field.label,
            help_text=field.help_text,
        )
        formset.form = session_form


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

    # Presentations -------------------------------------------------------
    def public_presentations(self):
        """The presentations whose document visitors may download: none in a
        collection that has, or lies below one that has, a view restriction
        (one query on a stored page).

        A draft being previewed holds its presentations in memory (rebuilt from
        the revision), where no query can be made on them: their documents are
        then checked in a query of their own."""
        from django.db.models import Exists, F, OuterRef
        from django.db.models.functions import Length, Substr
        from wagtail.documents import get_document_model
        from wagtail.models import CollectionViewRestriction

        def restricted(collection_path):
            return CollectionViewRestriction.objects.annotate(
                prefix=Substr(OuterRef(collection_path), 1, Length("collection__path"))
            ).filter(collection__path=F("prefix"))

        if not self.relations_in_memory("presentations"):
            return list(
                self.presentations.select_related("document")
                .exclude(Exists(restricted("document__collection__path")))
                .order_by("sort_order", "pk")
            )
        items = [p for p in self.presentations.all() if p.document_id]
        public = get_document_model().objects.filter(
            pk__in=[p.document_id for p in items]
        )
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
        """The sessions, each with `people`: its speakers in this page's
        language (default-language fallback), their partner organisations in
        `language` (the page's own by default); two queries."""
        sessions = list(self.sessions.all())
        # Translations of a session share its translation key; their speakers
        # are those of the source session (wagtail-localize does not copy them).
        through = EventSession.speakers.through
        rows = (
            through.objects.filter(
                eventsession__translation_key__in=[s.translation_key for s in sessions]
            )
            .filter(person__live=True)
            .select_related("eventsession", "person")
        )
        by_session = {}
        for row in rows.order_by("pk"):
            session = row.eventsession
            own = session.locale_id == self.locale_id
            by_session.setdefault(session.translation_key, {}).setdefault(
                own, []
            ).append(row.person)
        speakers_of = {}
        for session in sessions:
            # A draft or preview holds the speakers the editor chose in memory.
            in_memory = session.pk is None or isinstance(
                session.speakers.all(), FakeQuerySet
            )
            chosen = [p for p in session.speakers.all() if p.live] if in_memory else []
            found = by_session.get(session.translation_key, {})
            speakers_of[session] = chosen or found.get(True) or found.get(False) or []
        keys = {p.translation_key for people in speakers_of.values() for p in people}
        localized = {}
        if keys:
            localized = {
                person.translation_key: person
                for person in Person.objects.filter(
                    translation_key__in=keys, locale_id=self.locale_id, live=True
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
        language = language or self.locale.language_code
        for session in sessions:
            session.people = [
                localized.get(p.translation_key, p) for p in speakers_of[session]
            ]
            for person in session.people:
                person.localize_organisation(language)
        return sessions

    def get_json_ld(self, request, speakers=None):
        if speakers is None:
            speakers = {}
            for session in self.agenda(page_language(self, request)):
                for person in session.people:
                    speakers.setdefault(person.pk, person)
            speakers = list(speakers.values())
        url = self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.intro,
            "url": url,
            "startDate": self.local_start.isoformat(timespec="seconds"),
            "endDate": self.local_end.isoformat(timespec="seconds"),
            "eventAttendanceMode": self.SCHEMA_MODES.get(self.attendance_mode),
            "eventStatus": self.SCHEMA_STATUSES.get(
                self.status, self.SCHEMA_STATUSES[self.STATUS_SCHEDULED]
            ),
            "inLanguage": page_language(self, request),
        }
        locations = []
        if self.attendance_mode in (self.MODE_IN_PERSON, self.MODE_HYBRID):
            place = {"@type": "Place", "name": self.venue_name or self.title}
            if self.address:
                place["address"] = self.address
            if self.latitude is not None and self.longitude is not None:
                place["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(self.latitude),
                    "longitude": float(self.longitude),
                }
            locations.append(place)
        if self.attendance_mode in (self.MODE_ONLINE, self.MODE_HYBRID):
            virtual = {"@type": "VirtualLocation"}
            if self.online_url:
                virtual["url"] = self.online_url
            locations.append(virtual)
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        organiser = self.localized_organiser(request)
        if organiser is not None:
            data["organizer"] = {"@type": "Organization", "name": organiser.name}
            if organiser.website:
                data["organizer"]["url"] = organiser.website
        if speakers:
            data["performer"] = [{"@type": "Person", "name": p.name} for p in speakers]
        if self.registration_url and self.takes_registrations:
            data["offers"] = {
                "@type": "Offer",
                "url": self.registration_url,
                "price": "0",
                "priceCurrency": "EUR",
                "availability": "https://schema.org/InStock",
            }
        result = [data]
        if self.is_past and self.recording_url:
            data["recordedIn"] = {"@id": self.recording_url}
            result.append(
                {
                    "@context": "https://schema.org",
                    "@type": "VideoObject",
                    "@id": self.recording_url,
                    "name": gettext("Recording: %(title)s") % {"title": self.title},
                    "description": self.intro or self.title,
                    "contentUrl": self.recording_url,
                    "uploadDate": self.local_end.isoformat(timespec="seconds"),
                    "thumbnailUrl": [],
                }
            )
        return result

    # Routes ----------------------------------------------------------------
    @path("")
    def event_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("ics/", name="ics")
    def ics_route(self, request):
        from .ical import calendar_response

        return calendar_response(
            [self], request, filename=f"{self.slug}.ics", name=self.title
        )

    @path("presentations/", name="presentations_zip")
    def presentations_zip(self, request):
        from .zips import presentations_response

        return presentations_response(self)


class EventSession(TranslatableMixin, Orderable, ClusterableModel):
    """One item of an event's agenda."""

    page = ParentalKey(
        EventPage,
        related_name="sessions",
        on_delete=models.CASCADE,
        help_text=_("The event this session belongs to."),
    )
    time = models.TimeField(
        _("time"),
        null=True,
        blank=True,
        help_text=_("When the session starts, in the event's time zone."),
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("What the session is, e.g. Welcome.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("A sentence or two about the session."),
    )
    speakers = ParentalManyToManyField(
        Person,
        verbose_name=_("speakers and moderators"),
        blank=True,
        related_name="+",
        help_text=_("Who speaks or moderates in this session."),
    )

    panels = [
        FieldPanel("time"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("speakers"),
    ]
    override_translatable_fields = [
        SynchronizedField("time", overridable=False),
        SynchronizedField("speakers", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")


class EventPresentation(TranslatableMixin, Orderable):
    """A presentation given at an event, as a downloadable document."""

    page = ParentalKey(
        EventPage,
        related_name="presentations",
        on_delete=models.CASCADE,
        help_text=_("The event the presentation was given at."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The slides or paper (PDF, PowerPoint...)."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("The title shown to visitors; leave empty to use the document's."),
    )
    speaker = models.CharField(
        _("speaker or organisation"),
        max_length=255,
        blank=True,
        help_text=_("Who gave the presentation."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language the document is written in."),
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("title"),
        FieldPanel("speaker"),
        FieldPanel("language"),
    ]
    override_translatable_fields = [
        SynchronizedField("document"),
        SynchronizedField("language"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")

    @property
    def label(self):
        return self.title or self.document.title
