"""Turn whatever a visitor typed into a safe list of words, and build snippets."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_INPUT = 500
MAX_WORDS = 10
MAX_WORD = 40
WORD_RE = re.compile(r"\w+", re.UNICODE)


def clean_words(raw):
    """Words only: quotes, operators, wildcards and control characters are
    dropped, so no backend ever sees query syntax (wagtail#13227)."""
    raw = (raw or "").replace("\x00", " ")[:MAX_INPUT]
    words = [w[:MAX_WORD] for w in WORD_RE.findall(raw)]
    # "OR"/"AND"/"NOT" typed by a visitor are words, not operators.
    return words[:MAX_WORDS]


def snippet(text, words, length=220):
    """A window of text around the first matched word, escaped, then the
    matched words wrapped in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    lowered = text.lower()
    start = 0
    for word in words:
        pos = lowered.find(word.lower())
        if pos >= 0:
            start = max(0, pos - 60)
            break
    piece = text[start : start + length]
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    html = escape(piece)
    if words:
        pattern = re.compile(
            "|".join(
                re.escape(escape(w)) for w in sorted(words, key=len, reverse=True)
            ),
            re.IGNORECASE,
        )
        html = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", html)
    return mark_safe(prefix + html + suffix)  # noqa: S308 (escaped above)
