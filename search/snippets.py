"""Result snippets: a window of the text a visitor reads (the rendered page,
no block labels), cut on word boundaries, around the first matched word, with
every word whose stem was searched marked ("partnerships" marks
"partnership" too)."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import analysis

WORD_RE = re.compile(r"\w+", re.UNICODE)
LENGTH = 220  # characters shown, about two lines
LEAD = 60  # characters kept before the first match
SCAN = 20000  # characters read to find the first match


class Highlighter:
    def __init__(self, words, language, corrections=None):
        self.language = language
        folded = [analysis.fold(w) for w in words]
        for word in list(folded):
            folded.extend((corrections or {}).get(word, []))
        stems = set(analysis.stems(folded, language))
        # "de", "la", "i": marked everywhere, they would hide the words that
        # matter; marked only when nothing longer was searched.
        longer = {s for s in stems if len(s) > 2}
        self.stems = longer or stems
        self.prefixes = tuple(folded[-1:]) if folded else ()
        self.seen = {}

    def _matches(self, word):
        known = self.seen.get(word)
        if known is not None:
            return known
        folded = analysis.fold(word)
        found = analysis.stems([folded], self.language)[0] in self.stems or any(
            # The last word typed may be unfinished ("partners" -> "partnership").
            len(p) >= 3 and folded.startswith(p)
            for p in self.prefixes
        )
        self.seen[word] = found
        return found

    def snippet(self, *texts):
        text = " ".join(" ".join((t or "").split()) for t in texts if t)
        if not text:
            return ""
        start = 0
        for match in WORD_RE.finditer(text, 0, SCAN):
            if self._matches(match.group(0)):
                start = match.start()
                break
        if start > LEAD:
            # Back to the start of a word about LEAD characters before.
            cut = text.rfind(" ", 0, start - LEAD)
            start = cut + 1 if cut >= 0 else 0
        else:
            start = 0
        end = start + LENGTH
        if end < len(text):
            cut = text.rfind(" ", start, end)
            end = cut if cut > start else end
        piece = text[start:end]
        html, position = [], 0
        for match in WORD_RE.finditer(piece):
            if self._matches(match.group(0)):
                html.append(escape(piece[position : match.start()]))
                html.append(f"<mark>{escape(match.group(0))}</mark>")
                position = match.end()
        html.append(escape(piece[position:]))
        prefix = "… " if start else ""
        suffix = " …" if end < len(text) else ""
        return mark_safe(prefix + "".join(html) + suffix)  # noqa: S308 (escaped)
