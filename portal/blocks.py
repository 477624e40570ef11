"""StreamField blocks shared by every app. Blocks only one app uses live in that app."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Heading 2")),
            ("h3", _("Heading 3")),
            ("h4", _("Heading 4")),
        ],
        default="h2",
        help_text=_("Use levels in order: a heading 3 belongs under a heading 2."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "portal/blocks/heading_block.html"
        description = _("A section heading; it also appears in the table of contents.")
        preview_value = {
            "text": "Why multi-stakeholder partnerships matter",
            "level": "h2",
        }


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("label", _("Paragraph"))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "portal/blocks/paragraph_block.html"
        description = _("Formatted text with links and lists.")
        preview_value = (
            "<p>Lifelong career guidance centres bring together education, training, "
            "employment and entrepreneurship services.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_("Describe the image for people who cannot see it, in context."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "portal/blocks/figure_block.html"
        description = _(
            "An image with contextual alternative text and an optional caption."
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, max_length=200
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "portal/blocks/quote_block.html"
        description = _("A quotation with the name of who said it.")
        preview_value = {
            "quote": "What I am going to keep in mind after this project is the good "
            "teamwork and the way of working together in a multi-partnership team.",
            "attribution": "A COCADE participant",
        }


class VideoBlock(blocks.StructBlock):
    """A video that loads nothing from the host until the visitor asks for it."""

    url = blocks.URLBlock(
        label=_("Video URL"),
        help_text=_(
            "A YouTube or Vimeo address; nothing is loaded from it until a visitor clicks."
        ),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript_url = blocks.URLBlock(
        label=_("Transcript or captions link"),
        required=False,
        help_text=_("Where visitors can read what is said in the video."),
    )

    class Meta:
        icon = "media"
        label = _("Video (click to load)")
        template = "portal/blocks/video_block.html"
        description = _("An external video that only loads after the visitor clicks.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Keep In Pact final conference",
        }


class DownloadItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's own title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")


class DownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(DownloadItemBlock(), label=_("Documents"))

    class Meta:
        icon = "download"
        label = _("Document downloads")
        template = "portal/blocks/downloads_block.html"
        description = _("A list of documents with their format and size.")
        preview_value = {"heading": "Presentations", "items": []}


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("External URL"),
        required=False,
        help_text=_("Used when no page is chosen."),
    )
    label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "portal/blocks/call_to_action_block.html"
        description = _("A short sentence and a prominent link.")
        preview_value = {
            "text": "Discover the Guide for cooperation",
            "url": "https://example.org/",
            "label": "Read the guide",
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    content = ParagraphBlock()


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "portal/blocks/accordion_block.html"
        description = _("Questions and answers or sections that open on demand.")
        preview_value = {
            "items": [
                {
                    "title": "Who can join?",
                    "content": "<p>Any guidance practitioner.</p>",
                },
            ]
        }


class PortalTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "portal/blocks/table_block.html"
        description = _("A table of data with an optional header row.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Project outputs",
            "data": [["Output", "Topic"], ["IO1", "Stakeholder cooperation"]],
        }


class BodyBlock(blocks.StreamBlock):
    """The body every content page uses."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    downloads = DownloadsBlock()
    call_to_action = CallToActionBlock()
    table = PortalTableBlock()
    accordion = AccordionBlock()

    class Meta:
        label = _("Body")
