from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin

from . import localize_views
from .admin_api import TranslationAwarePagesAPIViewSet
from .permissions import TranslationPermissions


@hooks.register("register_admin_urls", order=-10)
def register_checked_localize_urls():
    """The same paths as wagtail-localize's own views, registered before them
    (lower order), so its views are only reached through the checks."""
    urls = [
        path(
            "submit/page/<int:page_id>/",
            localize_views.CheckedSubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize_views.CheckedSubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            localize_views.CheckedUpdateTranslationsView.as_view(),
            name="update_translations",
        ),
        path(
            "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            localize_views.edit_string_translation,
            name="edit_string_translation",
        ),
        path(
            "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            localize_views.edit_override,
            name="edit_override",
        ),
        path(
            "translate/<int:translation_id>/pofile/download/",
            localize_views.download_pofile,
            name="download_pofile",
        ),
        path(
            "translate/<int:translation_id>/pofile/upload/",
            localize_views.upload_pofile,
            name="upload_pofile",
        ),
        path(
            "translate/<int:translation_id>/machine_translate/",
            localize_views.machine_translate,
            name="machine_translate",
        ),
        path(
            "translate/<int:translation_id>/preview/",
            localize_views.preview_translation,
            name="preview_translation",
        ),
        path(
            "translate/<int:translation_id>/preview/<str:mode>/",
            localize_views.preview_translation,
            name="preview_translation",
        ),
        path(
            "translate/<int:translation_id>/disable/",
            localize_views.stop_translation,
            name="stop_translation",
        ),
        path(
            "page/<int:page_id>/convert_to_alias/",
            localize_views.convert_to_alias,
            name="convert_to_alias",
        ),
    ]
    return [path("localize/", include((urls, "portal_localize")))]


def _refuse_other_languages(request, instance):
    """Translators edit snippets only in their own languages (Wagtail's snippet
    permissions are per type, not per locale)."""
    if isinstance(instance, TranslatableMixin):
        permissions = TranslationPermissions(request.user)
        if not permissions.can_edit_target_locale(instance.locale_id):
            raise PermissionDenied


@hooks.register("before_delete_snippet", order=-10)
def _refuse_deleting_other_languages(request, instances):
    for instance in instances:
        _refuse_other_languages(request, instance)


hooks.register("before_edit_snippet", _refuse_other_languages, order=-10)


@hooks.register("construct_admin_api")
def let_translators_read_public_pages(router):
    router.register_endpoint("pages", TranslationAwarePagesAPIViewSet)


@hooks.register("portal_page_notices")
def incomplete_translation_notice(page):
    from .models import IncompleteTranslation

    if IncompleteTranslation.objects.filter(page_id=page.pk).exists():
        return [
            _(
                "Parts of this page are not translated yet: they are shown in "
                "the original language."
            )
        ]
    return []


# The translation dashboard ---------------------------------------------------------
@hooks.register("register_admin_urls")
def register_dashboard_url():
    from .views import (
        moderate_translation,
        publish_translation,
        submit_for_moderation,
        translation_dashboard,
    )

    urls = [
        path("dashboard/", translation_dashboard, name="dashboard"),
        path(
            "submit/<int:translation_id>/",
            submit_for_moderation,
            name="submit_for_moderation",
        ),
        path(
            "publish/<int:translation_id>/",
            publish_translation,
            name="publish_translation",
        ),
        path(
            "moderate/<int:translation_id>/",
            moderate_translation,
            name="moderate_translation",
        ),
    ]
    return [path("translations/", include((urls, "portal_translations")))]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Translation dashboard"),
        reverse("portal_translations:dashboard"),
        icon_name="wagtail-localize-language",
        order=850,
        name="translation-dashboard",
    )


@hooks.register("construct_homepage_panels")
def add_translation_summary_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        from .components import TranslationSummaryPanel

        panels.append(TranslationSummaryPanel())


@hooks.register("before_copy_page", order=-10)
def refuse_live_aliases(request, page):
    """Wagtail creates an alias of a live page live, without asking for the
    publish permission: only users who may publish make aliases."""
    if request.method == "POST" and request.POST.get("alias"):
        from wagtail.models import Page

        parent_id = request.POST.get("new_parent_page")
        parent = (
            Page.objects.filter(pk=parent_id).first()
            if str(parent_id).isdigit()
            else page.get_parent()
        ) or page.get_parent()
        if not parent.permissions_for_user(request.user).can_publish_subpage():
            raise PermissionDenied


@hooks.register("construct_translated_pages_to_cascade_actions")
def unpublish_translations_with_their_source(pages, action):
    """Unpublishing a page in the site's source language unpublishes its live
    translations with it (Wagtail's confirmation says how many): a withdrawn
    event or article must not stay online in the other languages. A
    translation unpublished on its own leaves the others. Deleting and moving
    do not cascade: a translator's work is never deleted as a side effect."""
    if action != "unpublish":
        return None
    from wagtail.models import Locale, Page

    source_locale = Locale.get_default()
    return {
        page: Page.objects.translation_of(page, inclusive=False)
        .filter(alias_of__isnull=True)
        .live()
        for page in pages
        if page.locale_id == source_locale.pk
    }
