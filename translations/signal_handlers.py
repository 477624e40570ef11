from django.db.models.signals import post_migrate, post_save
from wagtail.signals import page_published

from portal.migrating import when_schema_is_current


@when_schema_is_current
def apply_roles_after_migrate(**kwargs):
    """Re-apply the roles once every app has migrated: permissions of snippet
    models and language home pages may only exist now."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.hooks import search_for_hooks
    from wagtail.snippets.models import get_snippet_models

    from .roles import apply_roles

    using = kwargs.get("using", "default")
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    search_for_hooks()  # snippets registered in wagtail_hooks modules
    apply_roles(apps, snippet_models=get_snippet_models())


def grant_new_home_page(sender, instance, created, **kwargs):
    """A new language home page (depth 2) gets its translators at once."""
    from wagtail.models import Page

    if kwargs.get("raw"):  # loading a dump, which holds the permissions
        return
    if created and isinstance(instance, Page) and instance.depth == 2:
        from django.apps import apps

        from .roles import apply_translator_home_permissions

        apply_translator_home_permissions(apps, home_page=instance)


def untranslated_text(translation):
    """How many strings of the source a visitor still reads in the source
    language on the translated page: every untranslated segment but the slug,
    which is part of the address, not of the text (and of no address at all
    on a language's home page)."""
    from django.db.models import Exists, OuterRef
    from wagtail_localize.models import StringSegment, StringTranslation

    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(context__path="slug")
        .exclude(Exists(translated))
        .count()
    )


def note_incomplete_translation(sender, instance, **kwargs):
    """Remember whether a translated page went live with strings missing."""
    from django.conf import settings
    from wagtail_localize.models import Translation

    from .models import IncompleteTranslation

    translation = None
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        translation = Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        ).first()
    missing = untranslated_text(translation) if translation else 0
    if missing:
        IncompleteTranslation.objects.update_or_create(
            page_id=instance.pk, defaults={"missing": missing}
        )
    else:
        IncompleteTranslation.objects.filter(page_id=instance.pk).delete()


def register():
    from django.apps import apps

    post_migrate.connect(
        apply_roles_after_migrate,
        sender=apps.get_app_config("portal_translations"),
        dispatch_uid="portal_translations_roles",
    )
    post_save.connect(grant_new_home_page, dispatch_uid="portal_translations_home")
    page_published.connect(
        note_incomplete_translation, dispatch_uid="portal_translations_incomplete"
    )
