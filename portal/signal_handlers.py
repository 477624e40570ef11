from django.db.models.signals import post_migrate
from wagtail.models import Page
from wagtail.signals import page_published

from .migrating import when_schema_is_current


def ensure_locales(**kwargs):
    """Create a Locale for every configured language, so that adding a language
    to settings.WAGTAIL_CONTENT_LANGUAGES needs no other step than `migrate`."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def keep_numchild_true(sender, instance, **kwargs):
    """wagtail-localize publishes a new translation in `transaction.on_commit`
    with the page instance it had before its children were added, which writes
    a stale `numchild` (0) back and hides the children from routing. Recount."""
    count = Page.objects.filter(
        path__startswith=instance.path, depth=instance.depth + 1
    ).count()
    Page.objects.filter(pk=instance.pk).exclude(numchild=count).update(numchild=count)


@when_schema_is_current
def give_snippets_a_live_revision(**kwargs):
    """Moderated snippets created before they had drafts, or by a script or the
    demo loader, get their live version as a first revision, so that the
    history, "compare with live" and the translation editor see them as
    published."""
    from django.apps import apps

    from portal.models import ModeratedSnippet

    for model in apps.get_models():
        if not issubclass(model, ModeratedSnippet):
            continue
        for obj in model.objects.filter(live=True, live_revision__isnull=True):
            revision = obj.save_revision(clean=False)
            model.objects.filter(pk=obj.pk).update(
                live_revision=revision,
                has_unpublished_changes=False,
                last_published_at=revision.created_at,
                first_published_at=revision.created_at,
            )


def register(app_config):
    post_migrate.connect(ensure_locales, sender=app_config)
    post_migrate.connect(give_snippets_a_live_revision, sender=app_config)
    page_published.connect(keep_numchild_true, dispatch_uid="portal_keep_numchild_true")

    from portal import navigation, privacy

    navigation.connect_signals()
    privacy.connect_signals()
