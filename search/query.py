"""Turn whatever is typed into a search box into a safe list of words (the
admin's and the API's searches; the site search parses with search.analysis)."""

import re

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
