"""The event page's admin form: speakers listed with their organisation."""

from django import forms
from django.conf import settings
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm

from .models.people import Person


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
