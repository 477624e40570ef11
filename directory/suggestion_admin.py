"""Centre suggestions in the admin: a listing, a page per suggestion comparing
the published centre with what the visitor sent, and the moderator's actions
(apply, reject, delete the contact data). Only moderators and superusers see
any of it: the records hold visitors' names and e-mail addresses."""

import re

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.rich_text import get_text_for_indexing

from portal.countries import country_name

from . import suggestions
from .models import CENTRE_TYPES, CentreSuggestion, Service, parse_language_codes

URL_NAMESPACE = "centre_suggestions"


class ModeratorsOnlyPolicy(BasePermissionPolicy):
    """Moderators and superusers may see suggestions and act on them; nobody
    adds or edits one by hand (they come from the public form)."""

    actions = {"view", "change"}

    def user_has_permission(self, user, action):
        if action not in self.actions or not user.is_active:
            return False
        return user.is_superuser or self._in_moderators(user)

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return get_user_model().objects.none()
        return suggestions.moderators().distinct()

    def _in_moderators(self, user):
        from translations.roles import MODERATORS

        # Kept on the user for the request: the menu, the view and each row's
        # link all ask.
        if not hasattr(user, "_portal_reviews_suggestions"):
            user._portal_reviews_suggestions = user.groups.filter(
                name=MODERATORS
            ).exists()
        return user._portal_reviews_suggestions


policy = ModeratorsOnlyPolicy(CentreSuggestion)


# Comparing the published centre with the suggestion ---------------------------------
def _text(value):
    return " ".join(str(value if value is not None else "").split())


def _plain(html):
    return _text(get_text_for_indexing(re.sub(r"<br\s*/?>", " ", html or "")))


def _number(value):
    return None if value in (None, "") else float(value)


def comparison(suggestion):
    """One row per suggested field: its label, the published centre's value
    (for an update), the suggested value, and whether applying changes it."""
    data = suggestion.data
    centre = suggestion.centre if suggestion.is_update else None
    locale = (centre or suggestion.directory).locale
    service_names = {
        slug: service.name for slug, service in Service.for_locale(locale).items()
    }
    types = dict(CENTRE_TYPES)

    def show(field, value):
        if field == "centre_type":
            return str(types.get(value, value or ""))
        if field == "country":
            return country_name(value) if value else ""
        if field == "services":
            return ", ".join(service_names.get(slug, slug) for slug in value or [])
        if field == "languages":
            return ", ".join(parse_language_codes(value))
        if field in ("latitude", "longitude"):
            return "" if value is None else str(value)
        if field == "description":
            return str(value or "").strip()  # its paragraphs are shown
        return _text(value)

    def key(field, value):
        if field == "services":
            return sorted(value or [])
        if field == "languages":
            return parse_language_codes(value)
        if field in ("latitude", "longitude"):
            return _number(value)
        return _text(value)

    published = {}
    if centre is not None:
        published = {
            field: getattr(centre, field, None)
            for field in suggestions.SUGGESTED_FIELDS
        }
        published["name"] = centre.title
        published["services"] = [s.slug for s in centre.services.all()]
        published["description"] = _plain(centre.description)

    rows = []
    for field in suggestions.SUGGESTED_FIELDS:
        suggested = data.get(field)
        # An empty description leaves the centre's as it is (apply_suggestion).
        kept = field == "description" and not _text(suggested)
        row = {
            "field": field,
            "label": suggestions.SuggestionForm.base_fields[field].label,
            "suggested": show(field, suggested),
            "kept": kept,
            "published": None,
            "changed": False,
        }
        if centre is not None:
            row["published"] = show(field, published[field])
            row["changed"] = not kept and key(field, published[field]) != key(
                field, suggested
            )
        rows.append(row)
    return rows


# Views ---------------------------------------------------------------------------------
def _date(value):
    return date_format(localtime(value), "DATETIME_FORMAT")


def centre_label(suggestion):
    if not suggestion.is_update:
        return gettext("New centre: %(name)s") % {"name": suggestion.suggested_name}
    if suggestion.centre is None:
        return gettext("A centre since deleted")
    return suggestion.centre.title


class SuggestionIndexView(generic.IndexView):
    model = CentreSuggestion
    permission_policy = policy
    any_permission_required = ["view"]
    header_icon = "mail"
    page_title = _("Centre suggestions")
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:index_results"
    inspect_url_name = f"{URL_NAMESPACE}:detail"
    default_ordering = "-created_at"
    paginate_by = 50
    list_filter = ["status"]

    def get(self, request, *args, **kwargs):
        # Expired records go before anyone sees them, with or without cron.
        suggestions.purge_expired_suggestions()
        return super().get(request, *args, **kwargs)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("centre", "directory__locale")

    @cached_property
    def columns(self):
        return [
            # What a moderator looks for is the centre: its name opens the record.
            TitleColumn(
                "centre",
                label=_("Centre"),
                accessor=centre_label,
                get_url=self.get_inspect_url,
            ),
            Column(
                "created_at",
                label=_("Sent"),
                accessor=lambda suggestion: _date(suggestion.created_at),
                sort_key="created_at",
            ),
            Column(
                "language",
                label=_("Language"),
                accessor=lambda s: s.directory.locale.get_display_name(),
            ),
            Column("contact_name", label=_("Contact name")),
            Column("contact_email", label=_("Contact e-mail")),
            Column(
                "message",
                label=_("Message"),
                accessor=lambda s: Truncator(s.message).chars(160),
            ),
            StatusTagColumn(
                "get_status_display",
                label=_("Status"),
                sort_key="status",
                primary=lambda suggestion: suggestion.is_pending,
            ),
        ]

    def get_table_kwargs(self):
        return {
            **super().get_table_kwargs(),
            "caption": gettext("Suggestions sent through the directory's public form"),
        }


class SuggestionDetailView(generic.InspectView):
    model = CentreSuggestion
    permission_policy = policy
    any_permission_required = ["view"]
    template_name = "directory/admin/centre_suggestion_detail.html"
    header_icon = "mail"
    page_title = _("Centre suggestion")
    index_url_name = f"{URL_NAMESPACE}:index"

    def setup(self, request, *args, **kwargs):
        # Before the record is fetched: an expired one is gone (404).
        suggestions.purge_expired_suggestions()
        super().setup(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_object_or_404(
            CentreSuggestion.objects.select_related(
                "centre", "directory", "reviewed_by"
            ),
            pk=self.pk,
        )

    def get_fields(self):
        return []

    def get_page_subtitle(self):
        return centre_label(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        suggestion = self.object
        centre = suggestion.centre
        pk = quote(suggestion.pk)
        context.update(
            {
                "suggestion": suggestion,
                "centre": centre,
                "rows": comparison(suggestion),
                "expires_at": suggestions.expiry(suggestion),
                "retention_days": suggestions.retention_days(),
                "centre_edit_url": (
                    reverse("wagtailadmin_pages:edit", args=[centre.pk])
                    if centre is not None
                    else None
                ),
                "apply_url": reverse(f"{URL_NAMESPACE}:apply", args=[pk]),
                "reject_url": reverse(f"{URL_NAMESPACE}:reject", args=[pk]),
                "forget_url": reverse(f"{URL_NAMESPACE}:forget", args=[pk]),
            }
        )
        return context


class SuggestionActionView(PermissionCheckedMixin, View):
    """A moderator's action on one suggestion (POST only, CSRF-checked by the
    middleware), then back to where the moderator continues."""

    model = CentreSuggestion
    permission_required = "change"
    permission_policy = policy
    http_method_names = ["post"]

    def post(self, request, pk):
        suggestion = get_object_or_404(
            CentreSuggestion.objects.select_related("centre"), pk=pk
        )
        return self.act(request, suggestion)

    def back(self, suggestion):
        return redirect(f"{URL_NAMESPACE}:detail", quote(suggestion.pk))


class ApplyView(SuggestionActionView):
    def act(self, request, suggestion):
        try:
            centre = suggestions.apply_to_centre(suggestion, request.user)
        except suggestions.CannotApply as reason:
            messages.error(request, str(reason))
            return self.back(suggestion)
        if suggestion.is_update:
            messages.success(
                request,
                gettext(
                    "The suggestion is in a new draft of “%(title)s”, on top of its "
                    "latest changes. Review it, then publish or submit it for "
                    "moderation."
                )
                % {"title": centre.get_admin_display_title()},
            )
        else:
            messages.success(
                request,
                gettext(
                    "The draft of the new centre “%(title)s” holds the suggestion. "
                    "Review it, then publish or reject it."
                )
                % {"title": centre.get_admin_display_title()},
            )
        return redirect("wagtailadmin_pages:edit", centre.pk)


class RejectView(SuggestionActionView):
    def act(self, request, suggestion):
        if suggestions.review(
            suggestion, request.user, CentreSuggestion.Status.REJECTED
        ):
            text = gettext("The suggestion is marked rejected.")
            if not suggestion.is_update and suggestion.centre is not None:
                text += " " + gettext(
                    "Its draft page is still in moderation: reject or delete it "
                    "in the page editor."
                )
            messages.success(request, text)
        else:
            messages.error(
                request, gettext("This suggestion has been reviewed already.")
            )
        return self.back(suggestion)


class ForgetContactView(SuggestionActionView):
    def act(self, request, suggestion):
        suggestions.forget_contact(suggestion)
        messages.success(
            request, gettext("The sender's name, e-mail and message are deleted.")
        )
        return self.back(suggestion)


class CentreSuggestionViewSet(ViewSet):
    name = URL_NAMESPACE
    url_prefix = "centre-suggestions"
    icon = "mail"
    menu_label = _("Centre suggestions")
    add_to_admin_menu = True
    menu_order = 230

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class SuggestionsMenuItem(MenuItem):
            def is_shown(self, request):
                return policy.user_has_permission(request.user, "view")

        return SuggestionsMenuItem

    def get_urlpatterns(self):
        return [
            path("", SuggestionIndexView.as_view(), name="index"),
            path(
                "results/",
                SuggestionIndexView.as_view(results_only=True),
                name="index_results",
            ),
            path("<int:pk>/", SuggestionDetailView.as_view(), name="detail"),
            path("<int:pk>/apply/", ApplyView.as_view(), name="apply"),
            path("<int:pk>/reject/", RejectView.as_view(), name="reject"),
            path("<int:pk>/forget/", ForgetContactView.as_view(), name="forget"),
        ]
