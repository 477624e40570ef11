"""The sessions of an event's agenda and its presentations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from .events import EventPage
from .people import Person


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
