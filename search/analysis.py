"""How the site search reads text in each language: the same steps for what is
indexed and for what a visitor types, so that word forms meet.

A word is lower-cased, stripped of its accents ("Cité des métiers" and "cite
des metiers" are the same words) and reduced to its stem by the Snowball
stemmer of its language ("partenariats" and "partenariat" share one stem).
Snowball has no Croatian stemmer; its Serbian one is used for Croatian: the
two standard languages share their inflections, and the Serbian stemmer reads
both the Latin alphabet and the ijekavian forms written in Croatia. These are
the same steps as PostgreSQL's text-search configurations built in migration
0004 (unaccent, then the language's Snowball stemmer), so both databases find
the same pages.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass, field

import Stemmer

# Site language -> Snowball algorithm (and PostgreSQL configuration suffix).
ALGORITHMS = {
    "en": "english",
    "fr": "french",
    "it": "italian",
    "pt": "portuguese",
    "hr": "serbian",
}
DEFAULT_LANGUAGE = "en"
WORD_RE = re.compile(r"\w+", re.UNICODE)
# Characters a visitor may type that stand for words: quotes around a phrase.
PHRASE_RE = re.compile(r'"([^"]*)"')
MAX_INPUT = 500
MAX_WORDS = 10
MAX_WORD = 40
TYPO_MIN_LENGTH = 5  # one typo is forgiven in words this long or longer
# Letters tried when looking for a word one typo away (after folding).
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

_stemmers = threading.local()


def language_of(code):
    """The analyser's language for a site language code ("pt-br" -> "pt")."""
    code = (code or "").lower().split("-")[0]
    return code if code in ALGORITHMS else DEFAULT_LANGUAGE


def fold(text):
    """Lower case without accents: 'Cité des Métiers' -> 'cite des metiers'.
    Croatian đ has no decomposition and becomes d, as unaccent makes it."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("đ", "d").replace("ł", "l").replace("ø", "o")


def _stemmer(language):
    # A Stemmer keeps a cache and must not be shared between threads.
    stemmers = getattr(_stemmers, "by_language", None)
    if stemmers is None:
        stemmers = _stemmers.by_language = {}
    stemmer = stemmers.get(language)
    if stemmer is None:
        stemmer = stemmers[language] = Stemmer.Stemmer(ALGORITHMS[language])
    return stemmer


def words(text):
    return WORD_RE.findall(fold(text))


def stems(words_, language):
    return _stemmer(language_of(language)).stemWords(list(words_))


def analyse(text, language):
    """The index terms of a text: folded, stemmed words in reading order."""
    return stems(words(text), language)


@dataclass
class ParsedQuery:
    """What a visitor typed, as words and phrases (lists of words)."""

    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    truncated: bool = False
    words_typed_last: bool = False

    @property
    def all_words(self):
        return self.words + [w for phrase in self.phrases for w in phrase]

    def __bool__(self):
        return bool(self.words or self.phrases)

    @property
    def text(self):
        parts = [f'"{" ".join(p)}"' for p in self.phrases] + self.words
        return " ".join(parts)

    @property
    def prefix_last(self):
        """The last word typed outside quotes is matched as a prefix too
        (the visitor may not have finished it); words inside quotes never."""
        return self.words_typed_last


def parse(raw):
    """Words and "quoted phrases" from a query; everything else (operators,
    wildcards, control characters, an unmatched quote) is ignored, so no
    database ever sees query syntax. At most MAX_WORDS words in all."""
    raw = (raw or "").replace("\x00", " ")
    truncated = len(raw) > MAX_INPUT
    raw = raw[:MAX_INPUT]
    query = ParsedQuery(truncated=truncated)
    budget = MAX_WORDS
    last_end = 0
    pieces = []
    for match in PHRASE_RE.finditer(raw):
        pieces.append(("words", raw[last_end : match.start()]))
        pieces.append(("phrase", match.group(1)))
        last_end = match.end()
    pieces.append(("words", raw[last_end:].replace('"', " ")))
    for kind, piece in pieces:
        found = [w[:MAX_WORD] for w in WORD_RE.findall(piece)][:budget]
        budget -= len(found)
        if not found:
            continue
        if kind == "phrase" and len(found) > 1:
            query.phrases.append(found)
            query.words_typed_last = False
        else:
            query.words.extend(found)
            query.words_typed_last = kind == "words"
    return query


def edits1(word):
    """Every string one edit away (delete, swap, replace, insert)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in ALPHABET]
    inserts = [a + c + b for a, b in splits for c in ALPHABET]
    return set(deletes + swaps + replaces + inserts)
