"""A privacy change reaches every channel at once.

Adding, changing or removing a view restriction on a page (which covers its
descendants) or on a collection (the documents in it and below it) changes
what anonymous visitors may see on many pages: the page itself, every listing,
home teaser, feed, calendar, related-articles block, sitemap and search
vocabulary that shows its title, the presentations of events. Privacy changes
are rare administrator actions, so rather than hunt for every page that might
show the title, each one starts a new generation of the page cache and a new
version of the chrome cache (portal.cache, portal.versioned_cache); every process
reads both from the shared cache on its next request. The directory keeps its
own index in step (directory.index).

Inside a transaction the change is announced once more after the commit: until
then other processes still read the old rows, and a page they render in between
would be stored as it was."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


def refresh_caches():
    from portal import cache, versioned_cache

    cache.purge_everything()
    versioned_cache.bump()


def privacy_changed(sender, **kwargs):
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return
    refresh_caches()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(refresh_caches)


def connect_signals():
    from wagtail.models import CollectionViewRestriction, PageViewRestriction

    for model in (PageViewRestriction, CollectionViewRestriction):
        name = model.__name__
        post_save.connect(
            privacy_changed, sender=model, dispatch_uid=f"privacy_save_{name}"
        )
        post_delete.connect(
            privacy_changed, sender=model, dispatch_uid=f"privacy_delete_{name}"
        )
        # Groups are set after the restriction is saved (admin form, sync).
        m2m_changed.connect(
            privacy_changed,
            sender=model.groups.through,
            dispatch_uid=f"privacy_groups_{name}",
        )
