"""The database's full-text index of the entries: on PostgreSQL a weighted
tsvector per entry under a GIN index per language (ts_rank), on SQLite an
FTS5 table of the stems made in Python (bm25); one interface, `backend()`."""

from django.db import connection

from . import analysis
from .models import SearchEntry

# Column weights: title > description > body > document text.
WEIGHTS = {"title": 10.0, "description": 4.0, "body": 1.0, "extra": 0.5}
# Every type an entry may have, commonest first.
KIND_NAMES = ["page", "centre", "news", "event", "guide", "case-study", "document"]
FTS_TABLE = "portal_search_fts"
PG_CONFIG = "portal_{}"

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
