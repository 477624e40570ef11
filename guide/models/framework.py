"""The competence framework and the training programme, on one page per
language: each competence with the modules and case studies that use it."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from portal.localization import in_language, public_pages
from portal.pages import PortalPageMixin

from .case_studies import CaseStudyIndexPage, CaseStudyPage, taxonomy
from .taxonomy import TrainingModule


class CompetenceFrameworkPage(PortalPageMixin, Page):
    """The seven competences of multi-partnership cooperation management and
    the seven training modules built on them."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the framework is for and how it was built."),
    )
    programme_intro = models.TextField(
        _("training programme introduction"),
        blank=True,
        help_text=_("Introduces the training modules and the e-learning platform."),
    )
    elearning_url = models.URLField(
        _("e-learning platform"),
        blank=True,
        help_text=_(
            "The address of the Moodle platform, where anyone can create an account "
            "to follow the modules."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("programme_intro"),
        FieldPanel("elearning_url"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("programme_intro"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("competence framework")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        competences = list(taxonomy(language)["competences"].values())
        modules = list(
            in_language(
                TrainingModule.objects.select_related("competence").prefetch_related(
                    "course_links"
                ),
                language,
            ).values()
        )
        modules.sort(key=lambda m: m.code)
        index_page = (
            public_pages(
                CaseStudyIndexPage.objects.live().filter(locale__language_code=language)
            )
            .defer_streamfields()
            .first()
        )
        case_studies = []
        if index_page is not None:
            case_studies = list(
                public_pages(
                    CaseStudyPage.objects.live()
                    .child_of(index_page)
                    .defer_streamfields()
                    .prefetch_related("competences")
                    .order_by("path")
                )
            )
        index_url = index_page.get_url(request) if index_page else None
        entries = []
        for competence in competences:
            entries.append(
                {
                    "competence": competence,
                    "modules": [
                        m for m in modules if m.competence.slug == competence.slug
                    ],
                    "case_studies": [
                        c
                        for c in case_studies
                        if competence.slug in {x.slug for x in c.competences.all()}
                    ],
                    "filter_url": f"{index_url}?competence={competence.slug}"
                    if index_url
                    else None,
                }
            )
        context.update(
            {
                "entries": entries,
                "modules": modules,
                "case_study_index": index_page,
            }
        )
        return context
