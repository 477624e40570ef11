from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, LocaleColumn, NumberColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal import navigation, versioned_cache
from portal.localization import public_pages, with_usage_count

from .models import (
    CaseStudyPage,
    Competence,
    GuidePage,
    Resource,
    Theme,
    TrainingModule,
)


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    list_display = ["title", LocaleColumn(), "licence", "year", "downloads_label"]
    list_filter = ["licence"]
    search_fields = ["title", "description"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    # Wagtail's usage count (the reference index) leaves many-to-many links
    # out, so the page's "Used 0 times" is not the whole story: count here,
    # over every language (a translation may link to the source's term).
    list_display = [
        "name",
        LocaleColumn(),
        "slug",
        NumberColumn("case_study_count", label=_("Case studies")),
    ]
    search_fields = ["name", "slug"]

    def get_queryset(self, request):
        return with_usage_count(
            Theme.objects.all(), CaseStudyPage.themes, "case_study_count"
        )


class CompetenceViewSet(SnippetViewSet):
    model = Competence
    icon = "pick"
    # The name first: the first column is the link that opens the edit form.
    list_display = [
        "name",
        "number",
        LocaleColumn(),
        "slug",
        BooleanColumn("is_sample", label=_("Sample content")),
        NumberColumn("case_study_count", label=_("Case studies")),
    ]
    search_fields = ["name", "summary"]

    def get_queryset(self, request):  # as for themes
        return with_usage_count(
            Competence.objects.all(), CaseStudyPage.competences, "case_study_count"
        )


class TrainingModuleViewSet(SnippetViewSet):
    model = TrainingModule
    icon = "list-ol"
    list_display = [
        "title",
        "code",
        LocaleColumn(),
        "competence",
        "duration_hours",
        BooleanColumn("is_sample", label=_("Sample content")),
    ]
    search_fields = ["title"]


class GuideSnippets(SnippetViewSetGroup):
    menu_label = _("Guide and training")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (ResourceViewSet, CompetenceViewSet, TrainingModuleViewSet, ThemeViewSet)


register_snippet(GuideSnippets)


@hooks.register("portal_home_sections")
def guide_home_section(request, home_page):
    """The guide's teaser on the home page of its language (cached with the
    page chrome until a page is published: no query on a repeat visit)."""

    def build():
        guide = (
            public_pages(GuidePage.objects.live().filter(locale_id=home_page.locale_id))
            .defer_streamfields()
            .first()
        )
        if guide is None:
            return None
        return {
            "title": guide.title,
            "intro": guide.intro,
            "url": guide.get_url(request),
        }

    site = navigation.site_key(request)
    data = versioned_cache.cached(f"guide-home:{site}:{home_page.pk}", build)
    if data is None:
        return None
    return {"template": "guide/includes/home_section.html", "order": 25, **data}
