from django.db.models.signals import post_migrate
from wagtail.models import Page
from wagtail.signals import page_published


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


def register(app_config):
    post_migrate.connect(ensure_locales, sender=app_config)
    page_published.connect(keep_numchild_true, dispatch_uid="portal_keep_numchild_true")

    from portal import navigation, privacy

    navigation.connect_signals()
    privacy.connect_signals()
