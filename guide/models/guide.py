"""The Guide for cooperation: one GuidePage per language, its ordered chapters
(GuideChapterPage) which may hold sections (chapters one level down)."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import versioned_cache
from portal.blocks import BodyBlock
from portal.localization import public_pages
from portal.pages import PortalPageMixin

from .resources import resources_by_id


def chapter_tree(chapters):
    """[(chapter, [its sections])] from a reading order."""
    tree = []
    for chapter in chapters:
        if chapter.is_section and tree:
            tree[-1][1].append(chapter)
        else:
            tree.append((chapter, []))
    return tree


class GuidePage(RoutablePageMixin, PortalPageMixin, Page):
    """The Guide for cooperation in one language: its chapters in order, the
    whole guide as one printable page (`all/`) and the PDF edition."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Who the guide is for and how to use it."),
    )
    edition = models.ForeignKey(
        "guide.Resource",
        verbose_name=_("PDF edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The downloadable edition of the guide (a resource with one file per "
            "language; visitors see the file in their language first)."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("edition")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guide.GuideChapterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide")

    def reading_order(self, with_body=False):
        """Every live chapter and section of this guide, in reading order, with
        its number ("2" or "2.1"). Without their bodies, kept in this process
        until the next change of state: every chapter page of the guide shows
        it, in its menu and its previous and next links."""
        if with_body:
            return self._reading_order(with_body=True)
        return list(
            versioned_cache.in_process(f"guide-order:{self.pk}", self._reading_order)
        )

    def _reading_order(self, with_body=False):
        chapters = public_pages(
            GuideChapterPage.objects.live().descendant_of(self).order_by("path")
        )
        if not with_body:
            chapters = chapters.defer_streamfields()
        chapters = list(chapters)
        number = section = 0
        for chapter in chapters:
            if chapter.depth == self.depth + 1:
                number += 1
                section = 0
                chapter.number = str(number)
                chapter.is_section = False
            else:
                section += 1
                chapter.number = f"{number}.{section}"
                chapter.is_section = True
        return chapters

    def edition_files(self):
        """The PDF edition and its files, the visitor's language first."""
        return resources_by_id([self.edition_id]).get(self.edition_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chapters = self.reading_order()
        context["chapters"] = chapters
        context["chapter_tree"] = chapter_tree(chapters)
        context["edition"] = self.edition_files()
        context["page_json_ld"] = self.get_json_ld(request)
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("all/", name="full_guide")
    def full_guide(self, request):
        """The whole guide on one page, every chapter once and in order, to read
        offline or print."""
        chapters = self.reading_order(with_body=True)
        for chapter in chapters:
            chapter.anchored_body = chapter.body_with_anchors(
                prefix=f"{chapter.slug}-", shift=2 if chapter.is_section else 1
            )
        return self.render(
            request,
            template="guide/guide_page_full.html",
            context_overrides={"chapters": chapters, "full_guide": True},
        )

    def get_json_ld(self, request):
        return [
            {
                "@context": "https://schema.org",
                "@type": "Book",
                "name": self.title,
                "url": self.get_full_url(request),
                "inLanguage": get_language(),
                "description": self.intro,
            }
        ]


class GuideChapterPage(PortalPageMixin, Page):
    """A chapter of the guide, or a section of a chapter (one level only).
    Its number comes from its place among its siblings, so the number and the
    order never disagree: reorder the pages to renumber them."""

    summary = models.TextField(
        _("summary"),
        help_text=_("What the chapter covers, in two or three sentences."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        help_text=_(
            "The chapter's text. Its headings make the chapter's table of contents."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["guide.GuidePage", "guide.GuideChapterPage"]
    subpage_types = ["guide.GuideChapterPage"]

    class Meta:
        verbose_name = _("guide chapter")
        verbose_name_plural = _("guide chapters")

    @classmethod
    def can_exist_under(cls, parent):
        """Sections nest one level: a chapter may hold sections, a section may
        not hold any."""
        if not super().can_exist_under(parent):
            return False
        specific = parent.specific_class
        if specific is cls:
            return parent.get_parent().specific_class is GuidePage
        return True

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and cls.can_exist_under(parent)

    def can_move_to(self, parent):
        """A chapter that holds sections cannot become a section itself."""
        if not super().can_move_to(parent):
            return False
        nests = parent.specific_class is GuideChapterPage
        return not (nests and self.get_children().exists())

    def headings(self, prefix="", shift=0):
        """The body's headings as (block id, anchor, text, level): anchors are
        slugs of the text, unique within the chapter (and the prefix keeps them
        unique on the full-guide page)."""
        entries = []
        seen = set()
        for block in self.body:
            if block.block_type != "heading":
                continue
            text = block.value.get("text", "")
            base = prefix + (slugify(text) or "section")
            anchor, counter = base, 1
            while anchor in seen:
                counter += 1
                anchor = f"{base}-{counter}"
            seen.add(anchor)
            level = block.value.get("level", "h2")
            entries.append(
                {
                    "id": block.id,
                    "anchor": anchor,
                    "text": text,
                    "level": level,
                    "tag": f"h{min(int(level[1]) + shift, 6)}",
                }
            )
        return entries

    def body_with_anchors(self, prefix="", shift=0):
        """The body's blocks, each heading paired with its anchor (and its tag,
        one level down per `shift` when the chapter is part of a longer page)."""
        anchors = {entry["id"]: entry for entry in self.headings(prefix, shift)}
        return [(block, anchors.get(block.id)) for block in self.body]

    @cached_property
    def toc(self):
        return [entry for entry in self.headings() if entry["level"] in ("h2", "h3")]

    @cached_property
    def guide(self):
        """The guide this chapter is part of, shared with its siblings in this
        process until the next change of state."""
        ancestors = [
            self.path[:end] for end in range(self.steplen, len(self.path), self.steplen)
        ]

        def build():
            return (
                GuidePage.objects.filter(path__in=ancestors)
                .defer_streamfields()
                .first()
            )

        return versioned_cache.in_process(f"guide-of:{ancestors[-1:]}", build)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guide = self.guide
        chapters = guide.reading_order() if guide is not None else []
        position = next(
            (index for index, c in enumerate(chapters) if c.pk == self.pk), None
        )
        if position is not None:
            self.number = chapters[position].number
            self.is_section = chapters[position].is_section
            context["previous_chapter"] = chapters[position - 1] if position else None
            context["next_chapter"] = (
                chapters[position + 1] if position + 1 < len(chapters) else None
            )
        context["body"] = self.body_with_anchors()
        context["page_json_ld"] = self.get_json_ld(request)
        context.update(
            {
                "guide": guide,
                "chapters": chapters,
                "sections": [
                    c
                    for c in chapters
                    if c.is_section and c.path.startswith(self.path) and c.pk != self.pk
                ],
            }
        )
        return context

    def get_json_ld(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Chapter",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": get_language(),
            "description": self.summary,
        }
        guide = self.guide
        if guide is not None:
            data["isPartOf"] = {
                "@type": "Book",
                "name": guide.title,
                "url": guide.get_full_url(request),
            }
        return [data]
