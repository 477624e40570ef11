"""Virtual tours: a tour is a page below its centre, made of scenes (see
blocks.py), with drafts, previews, revisions, moderation and translation like
any page; the tours index lists them all in the visitor's language."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.pages import PortalPageMixin

from .blocks import ScenesBlock
from .viewer import scene_list, tour_json_ld, tours_for, viewer_config

# The still shown before the viewer loads (the panoramas: tours.viewer).
STILL = "fill-960x360-c50|format-jpeg|jpegquality-80"


class VirtualTourPage(PortalPageMixin, Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two on what the tour shows."),
    )
    scenes = StreamField(ScenesBlock(), verbose_name=_("scenes"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "<p>Each scene is a 360° panorama. Arrows lead from one scene to "
                "another by its key; information points add a text, an image or "
                "recordings (one per language) with their transcript. Click the "
                "preview under a scene's panorama to place the arrow or point whose "
                "fields you are editing.</p>"
            ),
            heading=_("How a tour is built"),
        ),
        FieldPanel("scenes"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("scenes"),
    ]

    parent_page_types = ["directory.CentrePage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "tours/virtual_tour_page.html"

    class Meta:
        verbose_name = _("virtual tour")
        verbose_name_plural = _("virtual tours")

    @cached_property
    def centre(self):
        return self.get_parent().specific

    @cached_property
    def scene_list(self):
        """The scenes as the templates and the viewer read them: titles and
        texts in this page's language, recordings chosen for it."""
        return scene_list(self)

    @cached_property
    def still(self):
        first = self.scene_list[0] if self.scene_list else None
        return first["panorama"] if first else None

    @cached_property
    def still_rendition(self):
        return self.still.get_rendition(STILL) if self.still is not None else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["viewer_config"] = viewer_config(self)
        context["tour_json_ld"] = tour_json_ld(self, request)
        return context


class VirtualTourIndexPage(PortalPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["directory.DirectoryPage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "tours/virtual_tour_index_page.html"

    class Meta:
        verbose_name = _("virtual tours index")
        verbose_name_plural = _("virtual tours indexes")

    def tours(self):
        """Every live public tour in this page's language (those not yet
        translated in English, marked as such), by centre name."""
        return tours_for(self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tours"] = self.tours()
        return context
