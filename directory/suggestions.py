"""The public "suggest or update a centre" form and what becomes of what it
receives. Every valid suggestion is kept as a CentreSuggestion; moderators are
told by e-mail and review it in the admin (directory.suggestion_admin).

A suggested update never touches the centre's revisions: a moderator applies
it, which makes a new revision on top of the page's latest one (an editor's
draft awaiting moderation is kept). A suggested new centre becomes a draft
CentrePage submitted to the moderation workflow. Nothing is published here.
Records are deleted after DIRECTORY_SUGGESTION_RETENTION_DAYS."""

import datetime
import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from wagtail.models import Page

from portal.countries import country_choices
from portal.params import id_param
from portal.unavailable import RETRY_AFTER, database_unavailable

from . import model
from .centre_fields import CENTRE_TYPES, CONTACT_FIELDS, PLACE_FIELDS
from .languages import validate_language_codes
from .tasks import (
    expiry,
    purge_expired_suggestions,
    purge_expired_suggestions_task,
    retention_days,
)

logger = logging.getLogger(__name__)

RATE_LIMIT = 10  # posts (valid or not)
RATE_WINDOW = 3600  # seconds, per client address
# The centre's fields a suggestion carries, as the form cleans them (services
# as slugs); model("CentreSuggestion").data holds exactly these.
SUGGESTED_FIELDS = (
    "name",
    "centre_type",
    *PLACE_FIELDS,
    *CONTACT_FIELDS,
    "services",
    "languages",
    "description",
)


class SuggestionForm(forms.Form):
    # The centre being updated: a value that names no centre (the field is
    # hidden, only a tampered form sends one) makes a new suggestion.
    centre = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label=_("Name of the centre"),
        max_length=255,
        help_text=_("The name as it appears on the centre's own website or door."),
    )
    centre_type = forms.ChoiceField(label=_("Type of centre"), choices=CENTRE_TYPES)
    country = forms.ChoiceField(label=_("Country"))
    region = forms.CharField(label=_("Region"), max_length=100, required=False)
    city = forms.CharField(label=_("City"), max_length=100)
    address = forms.CharField(label=_("Street address"), max_length=255, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=20, required=False)
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        help_text=_("Optional, in decimal degrees (e.g. 48.8957)."),
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_("Optional, in decimal degrees (e.g. 2.3880)."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Public e-mail of the centre"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    services = forms.MultipleChoiceField(
        label=_("Services offered"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.CharField(
        label=_("Languages spoken"),
        max_length=100,
        required=False,
        help_text=_("Language codes separated by commas, e.g. fr, en, ar."),
    )
    description = forms.CharField(
        label=_("What the centre does"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        required=False,
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    contact_email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("Only the moderators see it, to ask you about the suggestion."),
    )
    message = forms.CharField(
        label=_("Message to the moderators"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled by bots.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices()]
        self.fields["services"].choices = [
            (slug, service.name) for slug, service in (services or {}).items()
        ]
        self.fields["homepage"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1"}
        )

    def clean_centre(self):
        return id_param(self.cleaned_data["centre"])

    def clean_languages(self):
        value = self.cleaned_data["languages"]
        validate_language_codes(value)
        return value

    def clean(self):
        cleaned = super().clean()
        lat, lng = cleaned.get("latitude"), cleaned.get("longitude")
        if (lat is None) != (lng is None) and not self.errors.get("latitude"):
            raise forms.ValidationError(
                _("Give both the latitude and the longitude, or neither.")
            )
        return cleaned


def client_key(request):
    from portal.security import client_address

    address = client_address(request) or "unknown"
    return f"directory:suggest:{address}"


def rate_limited(request):
    return cache.get(client_key(request), 0) >= RATE_LIMIT


def count_attempt(request):
    key = client_key(request)
    if cache.add(key, 1, RATE_WINDOW):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)


def apply_suggestion(centre, data, services):
    centre.title = data["name"]
    for field in (
        "centre_type",
        *PLACE_FIELDS,
        *CONTACT_FIELDS,
        "languages",
    ):
        setattr(centre, field, data.get(field) if data.get(field) is not None else "")
    if data.get("latitude") is None:
        centre.latitude = centre.longitude = None
    if data.get("description"):
        from django.utils.html import escape, linebreaks

        centre.description = linebreaks(escape(data["description"]))
    chosen = [services[slug] for slug in data.get("services", []) if slug in services]
    centre.services.set(chosen)


def unique_slug(directory, title):
    base = slugify(title)[:70] or "centre"
    slug, number = base, 1
    existing = set(
        Page.objects.filter(path__startswith=directory.path, depth=directory.depth + 1)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    while slug in existing:
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def save_suggestion(directory, data, services):
    """Keep the suggestion; a new centre also becomes a draft in moderation."""
    purge_expired_suggestions()
    existing = None
    if data.get("centre"):
        # The same centres the form offers to update: a private or unpublished
        # one is not named to strangers, so its id makes a new suggestion.
        existing = (
            model("CentrePage")
            .objects.child_of(directory)
            .live()
            .public()
            .filter(pk=data["centre"])
            .first()
        )
    values = {field: data.get(field) for field in SUGGESTED_FIELDS}
    centre = existing
    if existing is None:
        centre = model("CentrePage")(
            title=data["name"],
            slug=unique_slug(directory, data["name"]),
            live=False,
        )
        apply_suggestion(centre, values, services)
        directory.add_child(instance=centre)
        centre.save_revision(log_action=True)
        workflow = centre.get_workflow()
        if workflow is not None and not centre.workflow_in_progress:
            workflow.start(centre, None)
    suggestion = model("CentreSuggestion").objects.create(
        directory=directory,
        centre=centre,
        is_update=existing is not None,
        data=values,
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        message=data.get("message", ""),
    )
    transaction.on_commit(lambda: notify_moderators(suggestion))
    transaction.on_commit(lambda: schedule_purge(expiry(suggestion)))
    return suggestion


class CannotApply(Exception):
    """Why a suggestion cannot be applied now (a message for the moderator)."""


@transaction.atomic
def apply_to_centre(suggestion, user):
    """Take a pending suggestion into its centre, as `user`.

    An update becomes a new revision by `user` built on the page's latest
    revision: what an editor has drafted (perhaps awaiting moderation) stays,
    only the suggested fields are laid over it. Nothing is published; the page
    goes on through moderation as usual. A new centre's draft holds the
    suggestion already, so it is only marked applied. Returns the centre."""
    centre = suggestion.centre
    if centre is None:
        raise CannotApply(gettext("The centre of this suggestion no longer exists."))
    if suggestion.is_update:
        if not suggestion.data:
            raise CannotApply(gettext("This suggestion has no values to apply."))
        if not centre.permissions_for_user(user).can_edit():
            raise CannotApply(gettext("You may not edit this centre."))
        lock = centre.get_lock()
        if lock is not None and lock.for_user(user):
            raise CannotApply(lock.get_message(user))
    # Claimed before anything is written: of two moderators applying at once,
    # one applies, the other is told it is done.
    claimed = (
        model("CentreSuggestion")
        .objects.filter(
            pk=suggestion.pk, status=model("CentreSuggestion").Status.PENDING
        )
        .update(
            status=model("CentreSuggestion").Status.APPLIED,
            reviewed_by=user,
            reviewed_at=timezone.now(),
        )
    )
    if not claimed:
        raise CannotApply(gettext("This suggestion has been reviewed already."))
    if suggestion.is_update:
        draft = centre.get_latest_revision_as_object()
        apply_suggestion(
            draft, suggestion.data, model("Service").for_locale(centre.locale)
        )
        try:
            draft.save_revision(user=user, log_action=True)
        except ValidationError as error:
            # The whole application is rolled back, the record stays pending.
            raise CannotApply(" ".join(error.messages)) from error
    suggestion.refresh_from_db()
    return centre


def review(suggestion, user, status):
    """Record a moderator's decision on a pending suggestion (rejecting it);
    False when someone had reviewed it already."""
    return bool(
        model("CentreSuggestion")
        .objects.filter(
            pk=suggestion.pk, status=model("CentreSuggestion").Status.PENDING
        )
        .update(status=status, reviewed_by=user, reviewed_at=timezone.now())
    )


def forget_contact(suggestion):
    """Blank the sender's name, e-mail and message at once (the record of what
    was suggested and what became of it stays until it expires)."""
    model("CentreSuggestion").objects.filter(pk=suggestion.pk).update(
        contact_name="", contact_email="", message=""
    )


def schedule_purge(when):
    """With a task backend that can run a task later, book a purge for the
    moment this suggestion expires (a minute after, so that it has)."""

    if purge_expired_suggestions_task.get_backend().supports_defer:
        purge_expired_suggestions_task.using(
            run_after=when + datetime.timedelta(minutes=1)
        ).enqueue()


def moderators():
    """Active superusers and members of Moderators: who reviews suggestions."""
    from translations.roles import MODERATORS

    User = get_user_model()
    return User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(groups__name=MODERATORS)
    )


def notify_moderators(suggestion):
    from django.urls import reverse

    recipients = sorted(
        {email for email in moderators().values_list("email", flat=True) if email}
    )
    centre = suggestion.centre
    if not recipients:
        logger.warning("No moderator with an e-mail address to review %s", centre)
        return
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    review_url = base_url + reverse("centre_suggestions:detail", args=[suggestion.pk])
    data = suggestion.data
    if suggestion.is_update:
        kind = "update"
        title = centre.title if centre else data["name"]
        review = (
            f"Compare it with the published centre and apply or reject it: "
            f"{review_url}\n"
        )
    else:
        kind = "new centre"
        title = data["name"]
        edit_url = base_url + reverse("wagtailadmin_pages:edit", args=[centre.pk])
        review = (
            f"Review the draft and publish or reject it: {edit_url}\n"
            f"The suggestion and who sent it: {review_url}\n"
        )
    send_mail(
        subject=f"[Keep In Pact] Centre suggestion ({kind}): {title}",
        message=(
            f"{suggestion.contact_name} <{suggestion.contact_email}> suggested a "
            f"{kind} for the directory: {data['name']} ({data.get('city') or '-'})."
            f"\n\nMessage: {suggestion.message or '-'}\n\n{review}"
        ),
        from_email=None,
        recipient_list=recipients,
        fail_silently=True,
    )


@csrf_protect
def suggest_centre_view(request, directory):
    services = model("Service").for_locale(directory.locale)
    context = directory.get_context(request)
    context["suggest_mode"] = True
    status = 200
    existing = None
    centre_id = id_param(request.GET.get("centre") or request.POST.get("centre"))
    if centre_id is not None:
        existing = (
            model("CentrePage")
            .objects.child_of(directory)
            .live()
            .public()
            .filter(pk=centre_id)
            .first()
        )
    if request.method == "POST":
        form = SuggestionForm(request.POST, services=services)
        if form.data.get("homepage"):
            # A bot filled the honeypot: answer as if all went well, keep nothing.
            context["thanks"] = True
        elif rate_limited(request):
            status = 429
            context["rate_limited"] = True
        elif form.is_valid():
            try:
                save_suggestion(directory, form.cleaned_data, services)
            except DatabaseError as error:
                if not database_unavailable(error):
                    raise
                # The form comes back with what was typed, and the failed try
                # does not count against the visitor.
                status = 503
                context["unavailable"] = True
            else:
                # Counted once kept: a suggestion that failed to save is not
                # held against the visitor.
                count_attempt(request)
                context["thanks"] = True
        else:
            count_attempt(request)
            status = 400
    else:
        initial = {}
        if existing is not None:
            initial = {
                "centre": existing.pk,
                "name": existing.title,
                "centre_type": existing.centre_type,
                "country": existing.country,
                "region": existing.region,
                "city": existing.city,
                "address": existing.address,
                "postcode": existing.postcode,
                "latitude": existing.latitude,
                "longitude": existing.longitude,
                "website": existing.website,
                "email": existing.email,
                "phone": existing.phone,
                "languages": existing.languages,
                "services": [s.slug for s in existing.services.all()],
            }
        form = SuggestionForm(initial=initial, services=services)
    context.update(
        {
            "form": form,
            "existing": existing,
            "retention_days": retention_days(),
            "page_title": gettext("Suggest an update to a centre")
            if existing
            else gettext("Suggest a centre"),
        }
    )
    response = TemplateResponse(
        request, "directory/suggest_centre.html", context, status=status
    )
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER)
    return response
