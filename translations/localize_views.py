"""wagtail-localize's views with the page-level checks it lacks (see
permissions.py). They are mounted on wagtail-localize's own URLs ahead of it
(translations.wagtail_hooks registers its admin URLs with a lower order), so
every link to those URLs reaches these views."""

import functools

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object, translate_page_subtree
from wagtail_localize.tasks import background
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .permissions import TranslationPermissions
from .privacy import acting_user


class CheckedSubmitMixin:
    """Offer only the languages this user may translate this object into, and
    refuse (403) a request for any other, for a subtree the user could not
    check page by page, or for a source the user could not see."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        self.permissions = TranslationPermissions(request.user)
        instance = self.get_object()
        if not self.permissions.can_see(instance):
            raise PermissionDenied
        if request.method == "POST":
            requested = request.POST.getlist("locales")
            locales = Locale.objects.filter(
                pk__in=[pk for pk in requested if str(pk).isdigit()]
            )
            for locale in locales:
                if not self.permissions.can_translate(instance, locale):
                    raise PermissionDenied
            if request.POST.get("include_subtree") and not self.may_include_subtree(
                instance
            ):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def may_include_subtree(self, instance):
        return (
            isinstance(instance, Page)
            and instance.permissions_for_user(self.request.user).can_edit()
        )

    def get_form(self):
        form = super().get_form()
        allowed = [
            locale.pk
            for locale in form.fields["locales"].queryset
            if self.permissions.can_translate(self.object, locale)
        ]
        form.fields["locales"].queryset = form.fields["locales"].queryset.filter(
            pk__in=allowed
        )
        if len(allowed) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        if not self.may_include_subtree(self.object):
            form.fields["include_subtree"].widget = forms.HiddenInput()
            form.fields["include_subtree"].disabled = True
        return form


class CheckedSubmitPageTranslationView(CheckedSubmitMixin, SubmitPageTranslationView):
    """For users who may translate a whole section, the languages the section
    page already exists in stay on offer: "include subtree" then translates
    the pages below it that are not translated yet (a partly translated
    section is completed, nothing translated is overwritten)."""

    def get_form(self):
        form = super().get_form()
        if self.may_include_subtree(self.object) and self.object.numchild:
            translated = self.object.get_translations().filter(alias_of__isnull=True)
            existing = Locale.objects.filter(
                pk__in=translated.values_list("locale_id", flat=True)
            )
            offered = [
                locale.pk
                for locale in existing
                if self.permissions.can_translate(self.object, locale)
            ]
            field = form.fields["locales"]
            field.queryset = Locale.objects.filter(
                Q(pk__in=field.queryset.values("pk")) | Q(pk__in=offered)
            )
        return form

    @transaction.atomic
    def form_valid(self, form):
        chosen = list(form.cleaned_data["locales"])
        existing = set(
            self.object.get_translations()
            .filter(alias_of__isnull=True)
            .values_list("locale_id", flat=True)
        )
        if not form.cleaned_data["include_subtree"] and any(
            locale.pk in existing for locale in chosen
        ):
            form.add_error(
                "include_subtree",
                _(
                    "This page exists in that language already: tick “include "
                    "subtree” to translate the pages below it."
                ),
            )
            context = self.get_context_data()
            context["form"] = form
            return self.render_to_response(context)
        new = [locale for locale in chosen if locale.pk not in existing]
        if new:
            translate_object(self.object, new, self.components, self.request.user)
        if form.cleaned_data["include_subtree"]:
            background.enqueue(
                translate_page_subtree,
                [self.object.id, chosen, self.components, self.request.user],
                {},
            )
        label = (
            chosen[0].get_display_name()
            if len(chosen) == 1
            else _("%(count)d languages") % {"count": len(chosen)}
        )
        messages.success(self.request, self.get_success_message(label))
        target = self.object.get_translation_or_none(chosen[0]) if chosen else None
        return redirect(self.get_success_url() or self.get_default_success_url(target))


class CheckedSubmitSnippetTranslationView(
    CheckedSubmitMixin, SubmitSnippetTranslationView
):
    def may_include_subtree(self, instance):
        return False


class CheckedUpdateTranslationsView(UpdateTranslationsView):
    """Sync: only for a source the user could see, with at least one
    translation into one of the user's languages; "publish immediately" only
    for users who may publish every translation."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        self.permissions = TranslationPermissions(request.user)
        source = self.get_object()
        instance = source.get_source_instance()
        if not self.permissions.can_see(instance):
            raise PermissionDenied
        translations = list(
            source.translations.filter(enabled=True).select_related("target_locale")
        )
        if not self.permissions.all_languages and not any(
            t.target_locale_id in self.permissions.locale_ids for t in translations
        ):
            raise PermissionDenied
        self.may_publish = all(
            self.permissions.can_publish(t.get_target_instance()) for t in translations
        )
        if (
            request.method == "POST"
            and request.POST.get("publish_translations")
            and not self.may_publish
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            field = form.fields["publish_translations"]
            field.disabled = True
            field.widget = forms.HiddenInput()
        return form

    def form_valid(self, form):
        # wagtail-localize syncs every translation's privacy without naming
        # the user: name them, so only pages they may set privacy on change.
        with acting_user(self.request.user):
            return super().form_valid(form)


def convert_to_alias(request, page_id):
    """Converting a translation into an alias copies the source's latest
    revision (possibly an unpublished draft) and shows it live: only for users
    who may publish that page."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def for_own_languages(view):
    """Translation editor endpoints: the target must be in one of the user's
    languages (wagtail-localize checks snippets by type only)."""

    @functools.wraps(view)
    def wrapper(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, id=translation_id)
        permissions = TranslationPermissions(request.user)
        if not permissions.can_edit_target_locale(translation.target_locale_id):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return wrapper


edit_string_translation = for_own_languages(edit_translation.edit_string_translation)
edit_override = for_own_languages(edit_translation.edit_override)
download_pofile = for_own_languages(edit_translation.download_pofile)
upload_pofile = for_own_languages(edit_translation.upload_pofile)
machine_translate = for_own_languages(edit_translation.machine_translate)
preview_translation = for_own_languages(edit_translation.preview_translation)
stop_translation = for_own_languages(edit_translation.stop_translation)
