"""The centre directory of each language: search, filters, map and exports."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.pages import PortalPageMixin

from .. import views


class DirectoryPage(RoutablePageMixin, PortalPageMixin, Page):
    """The centre directory of one language: search, filters, map, exports."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A short text above the search form."),
    )
    teaser = models.TextField(
        _("home page teaser"),
        blank=True,
        help_text=_("One or two sentences shown on the home page under the title."),
    )
    suggest_intro = RichTextField(
        _("suggestion form introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the “suggest or update a centre” form."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("teaser"),
        FieldPanel("suggest_intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.CentrePage", "tours.VirtualTourIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory page")

    def get_template(self, request, *args, **kwargs):
        return "directory/directory_page.html"

    @path("")
    def index_route(self, request):
        return views.directory_list(request, self)

    @path("geojson/")
    def geojson_route(self, request):
        return views.directory_geojson(request, self)

    @path("csv/")
    def csv_route(self, request):
        return views.directory_csv(request, self)

    @path("autocomplete/")
    def autocomplete_route(self, request):
        return views.directory_autocomplete(request, self)

    @path("suggest/")
    def suggest_route(self, request):
        return views.suggest_centre(request, self)
