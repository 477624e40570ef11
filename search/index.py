"""The site search's own index: one SearchEntry per public page or document,
its words indexed by the database with the analyser of its language.

Wagtail's database search backend indexes every language with one analyser,
so word forms do not meet ("virtual tour" / "virtual tours") and ranking is
left to a score computed row by row. Here:

- PostgreSQL keeps a tsvector per entry made with the language's text-search
  configuration (portal_en ... portal_hr: unaccent, then the Snowball stemmer),
  weighted title A, description B, body C, document text D, under a GIN index
  per language;
  ranking is ts_rank times the entry's boost.
- SQLite keeps an FTS5 table of the same texts, stemmed in Python
  (search.analysis), each stem prefixed by its language ("fr_partenariat") so
  a language's search reads only its own terms; ranking is FTS5's bm25 with
  the same column weights, times the boost.

The rest (which entries exist, their texts, the typo dictionary) is the same
on both, and kept in step with publishing, unpublishing, deleting, moving and
privacy by the signal handlers at the end of this module.
"""

import re
from collections import Counter

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks import StreamValue

from . import analysis
from .models import DocumentText, SearchEntry, SearchWord

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
# Column weights: title > description > body > document text.
WEIGHTS = {"title": 10.0, "description": 4.0, "body": 1.0, "extra": 0.5}
# Every type an entry may have, commonest first.
KIND_NAMES = ["page", "centre", "news", "event", "guide", "case-study", "document"]
FTS_TABLE = "portal_search_fts"
PG_CONFIG = "portal_{}"


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
    """(description, body) of a specific page from its search fields."""
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


# --- the typo dictionary ----------------------------------------------------


def entry_words(entry):
    return {
        w
        for w in analysis.words(f"{entry.title} {entry.description} {entry.body}")
        if len(w) >= analysis.TYPO_MIN_LENGTH and len(w) <= 60 and not w.isdigit()
    }


def _count_words(language, words, delta):
    """Add `delta` (negative: remove) to the entry counts of `words`; a word
    counted down to nothing leaves the dictionary."""
    words = sorted(words)
    for start in range(0, len(words), 500):
        chunk = words[start : start + 500]
        rows = SearchWord.objects.filter(language=language, word__in=chunk)
        if delta > 0:
            known = set(rows.values_list("word", flat=True))
            rows.update(entries=F("entries") + delta)
            SearchWord.objects.bulk_create(
                [
                    SearchWord(language=language, word=w, entries=delta)
                    for w in chunk
                    if w not in known
                ],
                ignore_conflicts=True,
            )
        else:
            rows.update(entries=F("entries") + delta)
            rows.filter(entries__lte=0).delete()


# --- the database's full-text index -----------------------------------------


class TitleFirst:
    """Ranking in two tiers: entries whose title holds the words first (they
    would rank first anyway, the title weighing most), ranked on their own
    when they fill the page of results, then the rest. A word found in most
    entries then costs about what a rare one does. Each index says how a
    tier is selected (`_titled`, `_untitled`), counted (`_count`) and ranked
    (`_ranked`)."""

    def ranked(self, language, query, corrections, kind=None, offset=0, limit=10):
        titled_tier = self._titled(language, query, corrections, kind)
        if offset == 0:
            # The first page needs no count: a short page of titled matches
            # is all of them.
            found = self._ranked(titled_tier, 0, limit)
            if len(found) == limit:
                return found
            titled = len(found)
        else:
            titled = self._count(titled_tier)
            found = self._ranked(titled_tier, offset, limit) if offset < titled else []
            if offset + limit <= titled:
                return found
        rest = self._untitled(language, query, corrections, kind, titled_tier)
        return found + self._ranked(rest, max(0, offset - titled), limit - len(found))


class PostgresIndex(TitleFirst):
    """A weighted tsvector per entry under a GIN index per language, ranked
    by ts_rank times the entry's boost; content pages' titles also have a
    vector of their own, the title tier of TitleFirst."""

    def prepare(self):
        # The planner guesses few matches for a text query, and with LIMIT 1
        # (does this language have any?) it then prefers reading the table
        # in the hope of an early match: 90 ms at 50,000 entries when there
        # is none, against well under 1 ms through the language's GIN index
        # (migration 0005). For this search's transaction only.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")

    def write(self, ids):
        if not ids:
            return
        config = "('portal_' || language)::regconfig"
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE portal_search_searchentry SET "  # noqa: S608 (names only)
                f"vector = setweight(to_tsvector({config}, title), 'A') || "
                f"setweight(to_tsvector({config}, description), 'B') || "
                f"setweight(to_tsvector({config}, "
                "CASE WHEN kind = 'document' THEN '' ELSE body END), 'C') || "
                f"setweight(to_tsvector({config}, "
                "CASE WHEN kind = 'document' THEN body ELSE '' END), 'D'), "
                "title_vector = CASE WHEN kind <> 'document' AND boost >= 1 "
                f"THEN to_tsvector({config}, title) END "
                "WHERE id = ANY(%s)",
                [list(ids)],
            )

    def remove(self, ids):
        pass  # the vectors go with their row

    def clear(self):
        pass

    def _tsquery(self, query, corrections):
        parts = []
        for index, word in enumerate(query.words):
            word = analysis.fold(word)
            last = index == len(query.words) - 1 and query.prefix_last
            term = f"{word}:*" if last else word
            options = [term, *corrections.get(word, [])]
            parts.append("(" + " | ".join(options) + ")" if len(options) > 1 else term)
        for phrase in query.phrases:
            parts.append("(" + " <-> ".join(analysis.fold(w) for w in phrase) + ")")
        return " & ".join(parts)

    @staticmethod
    def _text(column):
        # Takes the language, its configuration and the query; the language
        # first, so that the planner reads the language's own GIN index.
        return f"language = %s AND {column} @@ to_tsquery(%s::regconfig, %s)"

    def _where(self, language, query, corrections, kind=None, column="vector"):
        sql = self._text(column)
        params = [
            language,
            PG_CONFIG.format(language),
            self._tsquery(query, corrections),
        ]
        if kind:
            sql += " AND kind = %s"
            params.append(kind)
        return sql, params

    def _rows(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def counts(self, language, query, corrections):
        where, params = self._where(language, query, corrections)
        return dict(
            self._rows(
                f"SELECT kind, count(*) FROM portal_search_searchentry WHERE {where} "  # noqa: S608
                "GROUP BY kind",
                params,
            )
        )

    def exists(self, language, query, corrections, kind=None):
        where, params = self._where(language, query, corrections, kind=kind)
        return bool(
            self._rows(
                f"SELECT 1 FROM portal_search_searchentry WHERE {where} LIMIT 1",  # noqa: S608
                params,
            )
        )

    def _ranked(self, tier, offset, limit):
        where, params = tier
        # ts_rank's weights of D, C, B, A: the columns' weights, title 1.
        weights = [
            WEIGHTS[c] / WEIGHTS["title"] for c in ("extra", "body", "description")
        ] + [1.0]
        rows = self._rows(
            f"SELECT id FROM portal_search_searchentry WHERE {where} "  # noqa: S608
            "ORDER BY ts_rank(%s::float4[], vector, "
            "to_tsquery(%s::regconfig, %s)) * boost DESC, id LIMIT %s OFFSET %s",
            [*params, weights, params[1], params[2], limit, offset],
        )
        return [row[0] for row in rows]

    def top(self, language, query, kind=None, limit=5):
        return self._ranked(self._where(language, query, {}, kind), 0, limit)

    def _titled(self, language, query, corrections, kind):
        return self._where(language, query, corrections, kind, column="title_vector")

    def _untitled(self, language, query, corrections, kind, titled_tier):
        where, params = self._where(language, query, corrections, kind)
        titled_where, titled_params = titled_tier
        return f"{where} AND NOT coalesce({titled_where}, false)", [
            *params,
            *titled_params,
        ]

    def _count(self, tier):
        where, params = tier
        return self._rows(
            f"SELECT count(*) FROM portal_search_searchentry WHERE {where}",  # noqa: S608
            params,
        )[0][0]


class SQLiteIndex(TitleFirst):
    """FTS5 with ranking from the index alone: bm25 over weighted columns.
    What a boost would read from each row is a column instead: a section
    page's title goes to `description` and the rest of its text to `extra`,
    a document's title to `description` and its text to `extra`, so the
    column weights rank them as SECTION_BOOST and DOCUMENT_BOOST intend.

    bm25 is computed for every row that matches; past a few thousand rows
    that is the cost of a search, hence the title tier first (TitleFirst)."""

    def _terms(self, text, language):
        return " ".join(f"{language}_{s}" for s in analysis.analyse(text, language))

    def _columns(self, kind, title, description, body, boost):
        if kind == "document" or boost < 1:
            return "", title, "", f"{description} {body}"
        return title, description, body, ""

    def write(self, ids):
        if not ids:
            return
        rows = SearchEntry.objects.filter(pk__in=list(ids)).values_list(
            "pk", "language", "kind", "title", "description", "body", "boost"
        )
        self.remove(ids)
        values = []
        for pk, language, kind, title, description, body, boost in rows:
            columns = self._columns(kind, title, description, body, boost)
            values.append(
                (
                    pk,
                    f"kind_{kind.replace('-', '_')}",
                    *(self._terms(text, language) for text in columns),
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} "  # noqa: S608
                "(rowid, kind, title, description, body, extra) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                values,
            )

    def remove(self, ids):
        if not ids:
            return
        ids = list(ids)
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid IN "  # noqa: S608
                    f"({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )

    def _query(self, language, query, corrections):
        parts = []
        for index, word in enumerate(query.words):
            last = index == len(query.words) - 1 and query.prefix_last
            stem = analysis.stems([analysis.fold(word)], language)[0]
            term = f'"{language}_{stem}"' + ("*" if last else "")
            fixes = analysis.stems(corrections.get(analysis.fold(word), []), language)
            options = [term] + [f'"{language}_{s}"' for s in fixes]
            parts.append("(" + " OR ".join(options) + ")" if len(options) > 1 else term)
        for phrase in query.phrases:
            stems_ = analysis.stems([analysis.fold(w) for w in phrase], language)
            parts.append('"' + " ".join(f"{language}_{s}" for s in stems_) + '"')
        return "(" + " AND ".join(parts) + ")"

    def _match(self, language, query, corrections, kind=None, columns=None):
        terms = self._query(language, query, corrections)
        match = "{" + (columns or "title description body extra") + "}: " + terms
        if kind:
            match = f"({match}) AND kind: kind_{kind.replace('-', '_')}"
        return match

    def _count(self, match):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [match],
            )
            return cursor.fetchone()[0]

    def counts(self, language, query, corrections):
        # One count per type through the index (reading each matching row's
        # type would cost a row lookup per match).
        total = self._count(self._match(language, query, corrections))
        found = {}
        for kind in KIND_NAMES:
            if sum(found.values()) >= total:
                break
            count = self._count(self._match(language, query, corrections, kind))
            if count:
                found[kind] = count
        return found

    def exists(self, language, query, corrections, kind=None):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT 1",  # noqa: S608
                [self._match(language, query, corrections, kind)],
            )
            return cursor.fetchone() is not None

    def prepare(self):
        pass

    def clear(self):
        # Rows of entries already gone too (a database flushed for a restore).
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608

    def _ranked(self, match, offset, limit):
        weights = ", ".join(
            str(WEIGHTS[c]) for c in ("title", "description", "body", "extra")
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
                f"ORDER BY bm25({FTS_TABLE}, 0, {weights}), rowid "
                "LIMIT %s OFFSET %s",
                [match, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def top(self, language, query, kind=None, limit=5):
        """The best few, in one query (a small set: documents)."""
        return self._ranked(self._match(language, query, {}, kind), 0, limit)

    def _titled(self, language, query, corrections, kind):
        return self._match(language, query, corrections, kind, columns="title")

    def _untitled(self, language, query, corrections, kind, titled_tier):
        return (
            f"({self._match(language, query, corrections, kind)}) NOT ({titled_tier})"
        )


def backend():
    return PostgresIndex() if connection.vendor == "postgresql" else SQLiteIndex()


# --- keeping the index in step ------------------------------------------------


def _replace(entries, key):
    """Write entries (each with page_id or document_id set), replacing the
    entries of the same objects, and keep the typo dictionary in step."""
    if not entries:
        return
    ids = [getattr(e, key) for e in entries]
    old = {
        getattr(e, key): e for e in SearchEntry.objects.filter(**{f"{key}__in": ids})
    }
    index = backend()
    with transaction.atomic():
        added, removed = Counter(), Counter()
        for entry in entries:
            previous = old.get(getattr(entry, key))
            new_words = entry_words(entry)
            old_words = entry_words(previous) if previous is not None else set()
            if previous is not None and previous.language != entry.language:
                for w in old_words:
                    removed[(previous.language, w)] += 1
                old_words = set()
            for w in new_words - old_words:
                added[(entry.language, w)] += 1
            for w in old_words - new_words:
                removed[(entry.language, w)] += 1
            if previous is not None:
                entry.pk = previous.pk
        _apply_word_counts(added, 1)
        _apply_word_counts(removed, -1)
        new = [e for e in entries if e.pk is None]
        kept = [e for e in entries if e.pk is not None]
        SearchEntry.objects.bulk_create(new, batch_size=500)
        if kept:
            SearchEntry.objects.bulk_update(
                kept,
                ["language", "kind", "title", "description", "body", "boost", "date"],
                batch_size=500,
            )
        if connection.vendor != "postgresql" or not all(e.pk for e in new):
            new = list(
                SearchEntry.objects.filter(**{f"{key}__in": ids}).only("pk", key)
            )
        index.write([e.pk for e in [*kept, *new]])


def _apply_word_counts(counter, step):
    """Counter of (language, word) -> entries: one update per distinct count."""
    groups = {}
    for (language, word), n in counter.items():
        groups.setdefault((language, n), []).append(word)
    for (language, n), words in groups.items():
        _count_words(language, words, step * n)


def remove_entries(queryset):
    # One by one through the deletion signal (on_entry_deleted), as when a
    # page or document is deleted and its entry goes with it.
    with transaction.atomic():
        queryset.delete()


def index_pages(pages):
    """(Re)index pages: live, public ones get an entry, the others lose theirs."""
    from wagtail.models import Page

    ids = [p.pk for p in pages]
    public = (
        Page.objects.filter(pk__in=ids, depth__gt=1)
        .live()
        .public()
        .specific()
        .select_related("locale")
    )
    entries = [page_entry(p) for p in public]
    shown = {e.page_id for e in entries}
    remove_entries(SearchEntry.objects.filter(page_id__in=set(ids) - shown))
    _replace(entries, "page_id")


def private_collection_ids():
    """The collections under a view restriction, and the ones below them."""
    from wagtail.models import Collection, CollectionViewRestriction

    paths = list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    if not paths:
        return []
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return list(Collection.objects.filter(condition).values_list("pk", flat=True))


def index_documents(documents):
    private = set(private_collection_ids())
    keep = [d for d in documents if d.collection_id not in private]
    texts = {t.document_id: t for t in DocumentText.objects.filter(document__in=keep)}
    hidden = [d.pk for d in documents if d.collection_id in private]
    remove_entries(SearchEntry.objects.filter(document_id__in=hidden))
    _replace([document_entry(d, texts.get(d.pk)) for d in keep], "document_id")


def build_if_empty(**kwargs):
    """After `migrate`: a site that has pages but no entries yet (the first
    migrate after this index was added, a database restored by hand) gets
    its index at once rather than an empty search."""
    from wagtail.models import Page

    using = kwargs.get("using", "default")
    if using != "default" or SearchEntry.objects.exists():
        return
    if Page.objects.filter(depth__gt=2).live().exists():
        rebuild()


def rebuild():
    """Every entry again, from the pages and documents as they are now."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    with transaction.atomic():
        backend().clear()
        with connection.cursor() as cursor:
            # Everything goes, so no entry needs its words counted out.
            cursor.execute("DELETE FROM portal_search_searchentry")
        SearchWord.objects.all().delete()
        pages = list(Page.objects.filter(depth__gt=1).only("pk"))
        for start in range(0, len(pages), 200):
            index_pages(pages[start : start + 200])
        documents = list(get_document_model().objects.all())
        for start in range(0, len(documents), 200):
            index_documents(documents[start : start + 200])


# --- signal handlers ------------------------------------------------------------


def on_entry_deleted(sender, instance, **kwargs):
    backend().remove([instance.pk])
    removed = Counter((instance.language, w) for w in entry_words(instance))
    _apply_word_counts(removed, -1)


def on_page_published(sender, instance, **kwargs):
    index_pages([instance])


def on_page_unpublished(sender, instance, **kwargs):
    # Also sent before a page is deleted, with the row still live (Wagtail
    # unpublishes without saving): the entry goes whatever the row says.
    remove_entries(SearchEntry.objects.filter(page_id=instance.pk))


def on_page_moved(sender, instance, **kwargs):
    # Moved under a private section (or out of one): the subtree's privacy.
    index_pages(list(instance.get_descendants(inclusive=True).only("pk")))


def on_page_privacy(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone already when deleted along with its page
        index_pages(list(page.get_descendants(inclusive=True).only("pk")))


def on_collection_privacy(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    below = collection.get_descendants(inclusive=True)
    index_documents(list(get_document_model().objects.filter(collection__in=below)))


def on_document_saved(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    index_documents([instance])


def on_document_text_saved(sender, instance, **kwargs):
    """The text was read, its language set, or it was removed."""
    if kwargs.get("raw"):
        return
    from wagtail.documents import get_document_model

    document = get_document_model().objects.filter(pk=instance.document_id).first()
    if document is not None:
        index_documents([document])


def connect():
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.models import CollectionViewRestriction, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(on_page_published, dispatch_uid="search_index_publish")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_index_unpublish")
    post_page_move.connect(on_page_moved, dispatch_uid="search_index_move")
    post_delete.connect(
        on_entry_deleted, sender=SearchEntry, dispatch_uid="search_index_delete"
    )
    for signal in (post_save, post_delete):
        name = signal is post_save and "save" or "delete"
        signal.connect(
            on_page_privacy,
            sender=PageViewRestriction,
            dispatch_uid=f"search_index_page_privacy_{name}",
        )
        signal.connect(
            on_collection_privacy,
            sender=CollectionViewRestriction,
            dispatch_uid=f"search_index_collection_privacy_{name}",
        )
    post_save.connect(
        on_document_saved,
        sender=get_document_model(),
        dispatch_uid="search_index_document",
    )
    for signal in (post_save, post_delete):
        signal.connect(
            on_document_text_saved,
            sender=DocumentText,
            dispatch_uid=f"search_index_document_text_{signal is post_save}",
        )
