"""The public "suggest or update a centre" form. A valid suggestion becomes a
draft CentrePage (or a draft revision of an existing one) submitted to the
page's moderation workflow; moderators are told by e-mail. Nothing is
published here: only a moderator can publish."""

import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect
from wagtail.models import Page

from portal.countries import country_choices
from portal.params import id_param

from .models import CENTRE_TYPES, CentrePage, Service, SuggestionLog

logger = logging.getLogger(__name__)

RATE_LIMIT = 10  # posts (valid or not)
RATE_WINDOW = 3600  # seconds, per client address


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
        from .models import validate_language_codes

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
        "country",
        "region",
        "city",
        "address",
        "postcode",
        "latitude",
        "longitude",
        "website",
        "email",
        "phone",
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
    """Create a draft (or a draft revision), start moderation, log who sent it."""
    existing = None
    if data.get("centre"):
        existing = (
            CentrePage.objects.child_of(directory).filter(pk=data["centre"]).first()
        )
    if existing is not None:
        centre = existing.get_latest_revision_as_object()
        apply_suggestion(centre, data, services)
        revision = centre.save_revision(log_action=True)
    else:
        centre = CentrePage(
            title=data["name"],
            slug=unique_slug(directory, data["name"]),
            live=False,
        )
        apply_suggestion(centre, data, services)
        directory.add_child(instance=centre)
        revision = centre.save_revision(log_action=True)
    workflow = centre.get_workflow()
    if workflow is not None and not centre.workflow_in_progress:
        workflow.start(centre, None)
    SuggestionLog.objects.create(
        page=centre,
        is_update=existing is not None,
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        message=data.get("message", ""),
    )
    transaction.on_commit(lambda: notify_moderators(centre, data, existing is not None))
    return centre, revision


def notify_moderators(centre, data, is_update):
    from django.urls import reverse

    User = get_user_model()
    recipients = sorted(
        {
            email
            for email in User.objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name="Moderators"))
            .values_list("email", flat=True)
            if email
        }
    )
    if not recipients:
        logger.warning("No moderator with an e-mail address to review %s", centre)
        return
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[centre.pk]
    )
    kind = "update" if is_update else "new centre"
    send_mail(
        subject=f"[Keep In Pact] Centre suggestion ({kind}): {centre.title}",
        message=(
            f"{data['contact_name']} <{data['contact_email']}> suggested a {kind} "
            f"for the directory: {centre.title} ({centre.city}).\n\n"
            f"Message: {data.get('message') or '-'}\n\n"
            f"Review the draft and publish or reject it: {edit_url}\n"
        ),
        from_email=None,
        recipient_list=recipients,
        fail_silently=True,
    )


@csrf_protect
def suggest_centre_view(request, directory):
    services = Service.for_locale(directory.locale)
    context = directory.get_context(request)
    context["suggest_mode"] = True
    status = 200
    existing = None
    centre_id = id_param(request.GET.get("centre") or request.POST.get("centre"))
    if centre_id is not None:
        existing = (
            CentrePage.objects.child_of(directory)
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
            count_attempt(request)
            save_suggestion(directory, form.cleaned_data, services)
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
            "page_title": gettext("Suggest an update to a centre")
            if existing
            else gettext("Suggest a centre"),
        }
    )
    return TemplateResponse(
        request, "directory/suggest_centre.html", context, status=status
    )
