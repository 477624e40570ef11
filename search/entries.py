"""What the site search indexes of a page or a document: its texts as
visitors read them (title, description, body), its language, type, boost and
date, as a SearchEntry (search.index keeps the entries in step)."""

import re
from collections import Counter

from django.utils import translation
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks import StreamValue

from . import analysis
from .models import SearchEntry

# Section index pages list other pages; an article about a topic should rank
# above the section that lists it.
SECTION_MODELS = {
    "home.homepage",
    "home.newsindexpage",
    "events.eventindexpage",
    "guide.casestudyindexpage",
    "guide.guidepage",
    "directory.directorypage",
    "tours.virtualtourindexpage",
}
SECTION_BOOST = 0.3
# A page about a topic before a file that mentions it in its title.
DOCUMENT_BOOST = 0.6
# Facet key per page model; anything else is "page".
KINDS = {
    "home.newspage": "news",
    "events.eventpage": "event",
    "guide.guidechapterpage": "guide",
    "guide.casestudypage": "case-study",
    "directory.centrepage": "centre",
}
DESCRIPTION_FIELDS = ("intro", "summary", "programme_intro", "hero_title")
DATE_FIELDS = ("date", "start_date", "start", "starts_at")

# --- the texts of a page or document ---------------------------------------


# The end of a block: a space, so that "…lively.</p><p>Simple…" stays two words.
BLOCK_END = re.compile(
    r"</(p|li|h[1-6]|div|blockquote|td|th|dd|dt|figcaption)>|<br\s*/?>", re.I
)


def plain_text(html):
    return " ".join(strip_tags(BLOCK_END.sub(" ", str(html))).split())


def block_text(block, value):
    """The words of a block as visitors read them: a block with a template
    is rendered; otherwise its text children are read. A choice's label
    ("Heading 2") and blocks kept out of the index (search_index=False: keys,
    settings) are left out, and so are numbers, images and links, which a
    block without a template would print as raw values."""
    if value is None or getattr(block, "search_index", True) is False:
        return []
    if getattr(block.meta, "template", None):
        try:
            return [plain_text(block.render(value))]
        except Exception:  # noqa: BLE001, S110 (a template that needs a request)
            pass
    if isinstance(block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [t for child in value for t in block_text(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            t
            for name, child in block.child_blocks.items()
            for t in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [t for item in value for t in block_text(block.child_block, item)]
    return [plain_text(t) for t in block.get_searchable_content(value)]


def _text(value):
    """A field's text as a visitor reads it: StreamField blocks through
    block_text, rich text without its tags."""
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        return " ".join(t for t in block_text(value.stream_block, value) if t)
    return plain_text(value)


def page_texts(page):
    """(description, body) of a specific page from its search fields, read in
    the page's language (block templates, chosen snippets)."""
    with translation.override(page.locale.language_code):
        return _page_texts(page)


def _page_texts(page):
    description = [page.search_description or ""]
    body = []
    for search_field in page.get_search_fields():
        name = getattr(search_field, "field_name", None)
        if not name or name == "title" or not hasattr(search_field, "boost"):
            continue
        value = getattr(page, name, None)
        if callable(value):  # a method named in search_fields
            value = value()
        text = _text(value)
        (description if name in DESCRIPTION_FIELDS else body).append(text)
    return " ".join(t for t in description if t), " ".join(t for t in body if t)


def page_entry(page):
    page = page.specific
    label = page._meta.label_lower
    description, body = page_texts(page)
    date = next((getattr(page, f) for f in DATE_FIELDS if getattr(page, f, None)), None)
    if date is not None and hasattr(date, "date"):
        date = date.date()
    return SearchEntry(
        page_id=page.pk,
        language=analysis.language_of(page.locale.language_code),
        kind=KINDS.get(label, "page"),
        title=page.title,
        description=description,
        body=body,
        boost=SECTION_BOOST if label in SECTION_MODELS else 1.0,
        date=date,
    )


def document_language(document, text=None):
    """The language a document is listed under: set by an editor, else read
    from its text, else the site's default language."""
    if text is not None and text.language:
        return text.language
    detected = detect_language(text.text if text is not None else "")
    if detected:
        return detected
    uploader = getattr(document, "uploaded_by_user", None)
    profile = getattr(uploader, "wagtail_userprofile", None) if uploader else None
    preferred = getattr(profile, "preferred_language", "") if profile else ""
    return analysis.language_of(preferred or analysis.DEFAULT_LANGUAGE)


# A few of the most frequent words of each language, none shared with another.
_MARKERS = {
    "en": {"the", "and", "of", "to", "is", "for", "with", "that", "this", "are"},
    "fr": {"le", "les", "des", "et", "est", "pour", "une", "dans", "du", "sur"},
    "it": {"il", "di", "che", "della", "per", "sono", "gli", "nel", "delle", "degli"},
    "pt": {"os", "das", "dos", "uma", "para", "com", "não", "que", "ao", "em"},
    "hr": {"je", "i", "u", "na", "za", "su", "se", "od", "koji", "kao"},
}


def detect_language(text):
    """The site language whose commonest words the text uses most, or None
    when the text is too short to tell (fewer than five such words)."""
    counts = Counter()
    for word in analysis.WORD_RE.findall((text or "")[:20000].lower()):
        for language, markers in _MARKERS.items():
            if word in markers:
                counts[language] += 1
    if not counts:
        return None
    language, count = counts.most_common(1)[0]
    return language if count >= 5 else None


def document_entry(document, text):
    return SearchEntry(
        document_id=document.pk,
        language=document_language(document, text),
        kind="document",
        title=document.title,
        description="",
        body=text.text if text is not None else "",
        boost=DOCUMENT_BOOST,
        date=document.created_at.date() if document.created_at else None,
    )
