"""Keep cached lists fresh: themes and competences are cached per language
(guide.models.case_studies.taxonomy); pages that show other pages than their
descendants (chapters' previous/next, the framework's case studies) are purged
from the anonymous page cache when those pages change."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from portal import cache as page_cache
from portal import versioned_cache


def _taxonomy_changed(sender, **kwargs):
    versioned_cache.bump()


def _page_changed(sender, instance, **kwargs):
    from .models import CaseStudyPage, CompetenceFrameworkPage, GuideChapterPage

    if not page_cache.timeout():
        return
    if isinstance(instance, GuideChapterPage):
        guide = instance.guide
        if guide is not None:  # every chapter shows its neighbours' titles
            page_cache.purge_page(guide, descendants=True)
    elif isinstance(instance, CaseStudyPage):
        page_cache.purge_page_ids(
            set(
                CompetenceFrameworkPage.objects.filter(
                    locale_id=instance.locale_id
                ).values_list("pk", flat=True)
            )
        )


def connect():
    from .models import Competence, Theme, TrainingModule

    for model in (Theme, Competence, TrainingModule):
        post_save.connect(
            _taxonomy_changed, sender=model, dispatch_uid=f"guide_save_{model.__name__}"
        )
        post_delete.connect(
            _taxonomy_changed,
            sender=model,
            dispatch_uid=f"guide_delete_{model.__name__}",
        )
    page_published.connect(_page_changed, dispatch_uid="guide_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="guide_page_unpublished")
