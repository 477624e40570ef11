"""A tour shows on its centre's page, in the directory ("has a virtual
tour" filter, map) and on the tours index: when it is published,
unpublished, deleted, moved or made private, those follow on the next
request."""

from wagtail.models import Page


def refresh_for(tour_path):
    """Re-index the centre above a tour at `tour_path` and drop the cached
    tours indexes."""
    from directory.index import index_centre
    from directory.models import CentrePage
    from portal.cache import purge_page_ids

    from .models import VirtualTourIndexPage

    centre = CentrePage.objects.filter(path=tour_path[: -Page.steplen]).first()
    if centre is not None and centre.live:
        index_centre(centre)
    purge_page_ids(set(VirtualTourIndexPage.objects.values_list("pk", flat=True)))


def on_changed(sender, instance, **kwargs):
    refresh_for(instance.path)


def on_moved(sender, instance, url_path_before=None, **kwargs):
    before = kwargs.get("parent_page_before")
    if before is not None:
        from directory.index import index_centre

        index_centre(before)
    refresh_for(instance.path)


def on_restriction_changed(sender, instance, **kwargs):
    from .models import VirtualTourPage

    if kwargs.get("raw"):
        return
    for tour in VirtualTourPage.objects.filter(
        path__startswith=Page.objects.filter(pk=instance.page_id)
        .values_list("path", flat=True)
        .first()
        or "-"
    ):
        refresh_for(tour.path)


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import VirtualTourPage

    page_published.connect(on_changed, sender=VirtualTourPage, dispatch_uid="tour_pub")
    page_unpublished.connect(
        on_changed, sender=VirtualTourPage, dispatch_uid="tour_unpub"
    )
    post_delete.connect(on_changed, sender=VirtualTourPage, dispatch_uid="tour_del")
    post_page_move.connect(on_moved, sender=VirtualTourPage, dispatch_uid="tour_move")
    for signal, uid in (
        (post_save, "tour_privacy_save"),
        (post_delete, "tour_privacy_del"),
    ):
        signal.connect(
            on_restriction_changed, sender=PageViewRestriction, dispatch_uid=uid
        )
