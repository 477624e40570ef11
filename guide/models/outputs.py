"""The project's four intellectual outputs (IO1 to IO4) and their resources."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.pages import PortalPageMixin

from ..blocks import OutputsBlock
from .resources import resources_by_id


class ProjectOutputsPage(PortalPageMixin, Page):
    """One page per language listing the intellectual outputs, each with its
    publications (files per language, licence, format and size)."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("How the project's results are organised."),
    )
    outputs = StreamField(
        OutputsBlock(),
        blank=True,
        verbose_name=_("outputs"),
        help_text=_("The intellectual outputs, in order, each with its resources."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("outputs")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("outputs"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project outputs page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blocks = list(self.outputs)
        ids = [r.pk for block in blocks for r in block.value["resources"] if r]
        loaded = resources_by_id(ids)
        context["output_list"] = [
            {
                "block": block,
                "value": block.value,
                "resources": [
                    loaded[r.pk]
                    for r in block.value["resources"]
                    if r and r.pk in loaded
                ],
            }
            for block in blocks
        ]
        return context
