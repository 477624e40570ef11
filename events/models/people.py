"""Speakers and other people of the events (a translatable snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from portal.models import ModeratedSnippet


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
