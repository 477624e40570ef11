"""wagtail-localize's views with the page-level checks it lacks (see
permissions.py). They are mounted on wagtail-localize's own URLs ahead of it
(translations.wagtail_hooks registers its admin URLs with a lower order), so
every link to those URLs reaches these views."""

import functools

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
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
    pass


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
