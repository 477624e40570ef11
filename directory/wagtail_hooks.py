from django.utils.translation import get_language, gettext
from wagtail import hooks
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CentreSuggestion, DirectoryEntry, DirectoryPage, Service
from .suggestion_admin import CentreSuggestionViewSet, policy

# Registered before anything asks Wagtail for the model's policy (it would make
# a fallback one from Django's model permissions, which no role has).
register_permission_policy(CentreSuggestion, policy)


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "tag"
    list_display = ["name", LocaleColumn(), "slug", "sort_order"]
    search_fields = ["name", "slug"]


register_snippet(ServiceViewSet)


@hooks.register("register_admin_viewset")
def register_centre_suggestions():
    return CentreSuggestionViewSet()


@hooks.register("portal_home_sections")
def directory_home_section(request, home_page):
    directory = (
        DirectoryPage.objects.live()
        .public()
        .filter(locale_id=home_page.locale_id)
        .defer_streamfields()
        .first()
    )
    if directory is None:
        return None
    entries = DirectoryEntry.objects.filter(locale_id=home_page.locale_id)
    return {
        "template": "directory/includes/home_section.html",
        "order": 40,
        "directory": directory,
        "url": directory.get_url(request),
        "count": entries.count(),
        # The map preview's dots: every centre with a location.
        "points": list(
            entries.filter(latitude__isnull=False, longitude__isnull=False).values_list(
                "longitude", "latitude"
            )
        ),
    }


@hooks.register("portal_head_links")
def directory_geojson_link(request):
    """Announce the GeoJSON of the active language's directory (one query)."""
    directory = (
        DirectoryPage.objects.live()
        .public()
        .filter(locale__language_code=get_language())
        .select_related("locale")
        .defer_streamfields()
        .first()
    )
    if directory is None:
        return []
    url = directory.get_url(request)
    if not url:
        return []
    return [
        {
            "rel": "alternate",
            "type": "application/geo+json",
            "href": url + "geojson/",
            "title": gettext("Centres of the directory (GeoJSON)"),
        }
    ]


@hooks.register("portal_open_data_links")
def directory_open_data(request):
    """The directory's exports, in the footer's open data column (the default
    language's where the directory is not translated)."""
    from portal import navigation

    url, hreflang = navigation.url_for_language(
        DirectoryPage.objects.live().public(), request
    )
    if not url:
        return []
    return [
        {
            "label": gettext("Centres (CSV)"),
            "url": url + "csv/",
            "type": "text/csv",
            "hreflang": hreflang,
            "order": 10,
        },
        {
            "label": gettext("Centres (GeoJSON)"),
            "url": url + "geojson/",
            "type": "application/geo+json",
            "hreflang": hreflang,
            "order": 11,
        },
    ]
