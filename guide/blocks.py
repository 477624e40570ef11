"""Blocks only the guide app uses."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.blocks import ParagraphBlock


class OutputBlock(blocks.StructBlock):
    """One intellectual output of the project with its publications."""

    code = blocks.CharBlock(
        label=_("Code"), max_length=10, help_text=_("The output's code, e.g. IO1.")
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    summary = ParagraphBlock(label=_("Summary"))
    resources = blocks.ListBlock(
        SnippetChooserBlock("guide.Resource", label=_("Resource")),
        label=_("Resources"),
        default=[],
        help_text=_("The publications of this output, with their files per language."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Intellectual output")
        template = "guide/blocks/output_block.html"
        description = _("An intellectual output of the project and its resources.")
        preview_value = {
            "code": "IO2",
            "title": "Toolkit for mutual learning and training activities",
            "summary": "<p>Learning materials for partnership managers.</p>",
            "resources": [],
        }


class OutputsBlock(blocks.StreamBlock):
    output = OutputBlock()

    class Meta:
        label = _("Outputs")
