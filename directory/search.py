"""The directory's query path. Every list, map, export and autocomplete request
reads DirectoryEntry only; text search goes through the vendor's full-text index
(SQLite FTS5 driven from the MATCH side and ranked with bm25; PostgreSQL
tsvector with a GIN index), never through Wagtail's database search backend."""

import dataclasses
import math
import re
from dataclasses import dataclass, field

from django.db import connection

from . import model
from .index import fold

# The models' routes call the views, which call this module: the model is
# read from the app registry, and its table named as the migrations' FTS
# triggers name it.
TABLE = "directory_directoryentry"
FTS_TABLE = "directory_entry_fts"


def entry_objects():
    return model("DirectoryEntry").objects


WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TOKENS = 8
MAX_TOKEN_LENGTH = 40
MAX_QUERY_LENGTH = 200
# Above this many matches, ranking every match (bm25, ts_rank) costs more than
# it is worth (it grows with the directory): on SQLite such broad queries list
# the centres whose name matches first, then the others, each in index order,
# which FTS5 answers without scoring every row; on PostgreSQL they list the
# matches in name order, read from the title index.
RANK_LIMIT = 1000
# Half-sides of the boxes (degrees of latitude) tried before a full sort.
NEAR_RADII = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 30.0)
# A text search lists (and counts exactly) at most this many matches: past it
# the visitor is told there are more and asked to narrow the search, and the
# count stops early instead of reading every match (which grows with the
# directory).
COUNT_LIMIT = 1000
# Up to this many matches, sorting them all by distance is cheap enough (at
# most COUNT_LIMIT, which is where a capped count stops).
NEAR_LIMIT = 1000


def tokens(text):
    """Safe search tokens from anything a visitor types: letters and digits
    only (no quotes, operators, NUL bytes or SQL survive), folded, at most
    MAX_TOKENS of at most MAX_TOKEN_LENGTH characters."""
    text = str(text or "")[: MAX_QUERY_LENGTH * 5]
    words = [w[:MAX_TOKEN_LENGTH] for w in WORD_RE.findall(fold(text))]
    unique = []
    for word in words:
        if word not in unique:
            unique.append(word)
    return unique[:MAX_TOKENS]


def fts5_query(words, column=None):
    """'"cite"* "paris"*': each token a quoted FTS5 string (tokens contain no
    quote), all required, prefix-matched."""
    body = " ".join(f'"{word}"*' for word in words)
    return f"{{{column}}} : ({body})" if column else body


def tsquery(words):
    return " & ".join(f"{word}:*" for word in words)


@dataclass
class DirectoryQuery:
    """The filters of one request; builds SQL for the current vendor.

    On SQLite every text and filter condition goes into one FTS5 MATCH: the text
    against the title, place and body columns, the filters as tokens of the
    `facets` column (language, country, type, services, languages, tour), so
    FTS5 intersects them and counts or ranks without touching the entry table.
    Elsewhere (PostgreSQL) the tsvector/GIN index and plain column filters."""

    locale_id: int
    text: str = ""
    country: str = ""
    centre_type: str = ""
    service: str = ""
    language: str = ""
    has_tour: bool = False
    near: tuple | None = None  # (latitude, longitude)
    bbox: tuple | None = None  # (west, south, east, north)
    require_location: bool = False
    by_id: bool = False  # order by page id (an even sample when truncated)
    cells: tuple = ()  # geographic cell tokens (index.cell_tokens), SQLite only
    ranked: bool = True  # PostgreSQL: order text matches by ts_rank
    words: list = field(init=False)

    def __post_init__(self):
        self.words = tokens(self.text)

    @property
    def vendor(self):
        return connection.vendor

    @property
    def use_fts(self):
        return self.vendor == "sqlite"

    @property
    def has_filters(self):
        return bool(
            self.country
            or self.centre_type
            or self.service
            or self.language
            or self.has_tour
        )

    def facet_tokens(self):
        """The facet tokens (index.facets_of) every match must carry."""
        from .index import facet_token

        facets = [facet_token("l", str(self.locale_id))]
        if self.country:
            facets.append(facet_token("c", self.country))
        if self.centre_type:
            facets.append(facet_token("t", self.centre_type))
        if self.service:
            facets.append(facet_token("s", self.service))
        if self.language:
            facets.append(facet_token("g", self.language))
        if self.has_tour:
            facets.append(facet_token("v", "tour"))
        return facets

    def match_expression(self, columns="title place body", exclude_title=False):
        """The FTS5 MATCH string (only safe tokens, quoted)."""
        facets = self.facet_tokens()
        expression = "{facets} : (" + " ".join(f'"{t}"' for t in facets) + ")"
        if self.cells:
            expression += (
                " AND {facets} : ("
                + " OR ".join(f'"{cell}"' for cell in self.cells)
                + ")"
            )
        if self.words:
            text = " ".join(f'"{word}"*' for word in self.words)
            expression = f"{{{columns}}} : ({text}) AND {expression}"
            if exclude_title:
                expression += f" NOT {{title}} : ({text})"
        return expression

    # SQL pieces ---------------------------------------------------------------
    def _where(self):
        """Conditions on the entry table `e` (the FTS part is a subquery)."""
        where = ["e.locale_id = %s"]
        params = [self.locale_id]
        if self.use_fts:
            if self.words or self.has_filters:
                # With a box, let the geographic index drive and test each row
                # against the matches ("+" keeps SQLite from driving by page_id).
                column = "+e.page_id" if self.bbox else "e.page_id"
                where.append(
                    f"{column} IN (SELECT rowid FROM {FTS_TABLE} "  # noqa: S608
                    f"WHERE {FTS_TABLE} MATCH %s)"
                )
                params.append(self.match_expression())
        else:
            if self.words and self.vendor == "postgresql":
                where.append("e.search_vector @@ to_tsquery('simple', %s)")
                params.append(tsquery(self.words))
            else:
                for word in self.words:
                    where.append("e.search_text LIKE %s")
                    params.append(f"%{word}%")
            if self.has_filters and self.vendor == "postgresql":
                # The stored vector and GIN index of migration 0005.
                where.append("e.facets_vector @@ to_tsquery('simple', %s)")
                params.append(" & ".join(self.facet_tokens()))
            elif self.has_filters:
                self._filter_columns(where, params)
        if self.require_location or self.bbox:
            where.append("e.latitude IS NOT NULL AND e.longitude IS NOT NULL")
        if self.bbox:
            west, south, east, north = self.bbox
            # A large box holds most rows: walking page ids (and stopping at the
            # limit) beats the geographic index followed by a sort.
            large = self.by_id and (north - south) * abs(east - west) > 50
            where.append(
                ("+e.latitude" if large else "e.latitude") + " BETWEEN %s AND %s"
            )
            params += [south, north]
            if west <= east:
                where.append("e.longitude BETWEEN %s AND %s")
                params += [west, east]
            else:  # crosses the antimeridian
                where.append("(e.longitude >= %s OR e.longitude <= %s)")
                params += [west, east]
        return " AND ".join(where), params

    def _filter_columns(self, where, params):
        """The filters as plain column conditions (databases without a
        full-text index of the facets)."""
        for column, value in (
            ("country", self.country),
            ("centre_type", self.centre_type),
        ):
            if value:
                where.append(f"e.{column} = %s")
                params.append(value)
        if self.service:
            where.append("e.services LIKE %s")
            params.append(f"% {self.service} %")
        if self.language:
            where.append("e.languages LIKE %s")
            params.append(f"% {self.language} %")
        if self.has_tour:
            where.append("e.has_tour = %s")
            params.append(True)

    def _fts_only(self):
        """True when FTS5 alone answers (no geographic condition)."""
        return (
            self.use_fts
            and (self.words or self.has_filters)
            and not (self.require_location or self.bbox)
        )

    def _order(self):
        if self.near:
            lat, lng = self.near
            scale = math.cos(math.radians(lat))
            order = (
                "(e.latitude IS NULL), "
                "((e.latitude - %s) * (e.latitude - %s) + "
                "(e.longitude - %s) * (e.longitude - %s) * %s), e.page_id"
            )
            return order, [lat, lat, lng, lng, scale * scale]
        if self.by_id:
            return "e.page_id", []
        if self.words and self.vendor == "postgresql" and self.ranked:
            return (
                "ts_rank(e.search_vector, to_tsquery('simple', %s)) DESC, e.sort_title",
                [tsquery(self.words)],
            )
        return "e.sort_title, e.page_id", []

    # Queries ------------------------------------------------------------------
    def count(self, limit=None):
        """How many centres match; with `limit`, counting stops after limit + 1
        matches of a text search (a result above `limit` means "more than")."""
        cap = ""
        if limit is not None and self.words:
            cap = f" LIMIT {int(limit) + 1}"
        with connection.cursor() as cursor:
            if self._fts_only():
                cursor.execute(
                    f"SELECT COUNT(*) FROM (SELECT rowid FROM {FTS_TABLE} "  # noqa: S608
                    f"WHERE {FTS_TABLE} MATCH %s{cap}) m",
                    [self.match_expression()],
                )
            else:
                where, params = self._where()
                cursor.execute(
                    f"SELECT COUNT(*) FROM (SELECT 1 FROM {TABLE} e "  # noqa: S608
                    f"WHERE {where}{cap}) m",
                    params,
                )
            return cursor.fetchone()[0]

    def sql(self, limit=None, offset=0, columns="e.*"):
        paging = ""
        paging_params = []
        if limit is not None:
            paging = " LIMIT %s OFFSET %s"
            paging_params = [limit, offset]
        if self._fts_only() and self.words and not self.near:
            # Ranked inside FTS5 (bm25: title 10, place 4, body 1), then joined.
            sql = (
                f"SELECT {columns} FROM (SELECT rowid, bm25({FTS_TABLE}, 10.0, 4.0, 1.0, 0.0)"  # noqa: S608
                f" AS score FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
                f" ORDER BY score{paging or ' LIMIT -1'}) m"
                f" JOIN {TABLE} e ON e.page_id = m.rowid ORDER BY m.score, e.sort_title"
            )
            return sql, [self.match_expression(), *paging_params]
        where, params = self._where()
        order, order_params = self._order()
        sql = f"SELECT {columns} FROM {TABLE} e WHERE {where} ORDER BY {order}{paging}"  # noqa: S608
        return sql, params + order_params + paging_params

    def entries(self, limit=None, offset=0, total=None):
        """DirectoryEntry objects in order (one query in most cases; `total`,
        when the caller has counted already, saves a count)."""
        entries = None
        if limit is not None and self.near and not self.bbox:
            if total is None:
                total = self.count()
            if total > NEAR_LIMIT:
                entries = self._near_entries(limit, offset, total)
        elif (
            limit is not None
            and self.words
            and not self.near
            and (self._fts_only() or self.vendor == "postgresql")
        ):
            if total is None:
                total = self.count()
            if total > RANK_LIMIT and self.use_fts:
                entries = self._broad_entries(limit, offset)
            elif total > RANK_LIMIT:
                # PostgreSQL: in name order, read from the title index until a
                # page of matches is found, instead of ranking them all.
                sql, params = dataclasses.replace(self, ranked=False).sql(limit, offset)
                entries = list(entry_objects().raw(sql, params))
        if entries is None:
            sql, params = self.sql(limit, offset)
            entries = list(entry_objects().raw(sql, params))
        if self.near:
            for entry in entries:
                entry.distance_km = distance_km(self.near, entry)
        return entries

    def _fts_rows(self, expression, limit, offset):
        sql = (
            f"SELECT e.* FROM (SELECT rowid FROM {FTS_TABLE} "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s LIMIT %s OFFSET %s) m "
            f"JOIN {TABLE} e ON e.page_id = m.rowid ORDER BY m.rowid"
        )
        return list(entry_objects().raw(sql, [expression, limit, offset]))

    def _broad_entries(self, limit, offset):
        """Name matches first, then the other matches (see RANK_LIMIT)."""
        in_title = self.match_expression(columns="title")
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [in_title],
            )
            title_count = cursor.fetchone()[0]
        entries = []
        if offset < title_count:
            entries = self._fts_rows(in_title, limit, offset)
        rest = limit - len(entries)
        if rest > 0:
            entries += self._fts_rows(
                self.match_expression(exclude_title=True),
                rest,
                max(0, offset - title_count),
            )
        return entries

    def _near_entries(self, limit, offset, total=None):
        """Nearest first, looking in growing boxes around the point before
        sorting the whole directory: a box answers when it holds enough
        centres and the farthest of them lies within the box's inner circle.

        Each box is one query in two steps: the page ids of the nearest
        matches, read from the geographic index alone (on SQLite, text and
        filters meet the box's cells inside FTS5, so only the matches near the
        point are read), then the rows of those ids."""
        from .index import CELL_RADII, CELL_SIZES, cell_tokens

        lat, lng = self.near
        scale = math.cos(math.radians(lat))
        if scale < 0.05:
            return None
        need = offset + limit
        # Skip boxes too small to hold `need` matches if the matches were spread
        # evenly over Europe (about 2,400 square degrees); centres cluster in
        # cities, so start one size below, and a box too small costs one more
        # (cheap) query.
        total = total or 1
        estimate = math.sqrt(2400 * min(1.0, need / total)) / 2
        radii = [r for r in NEAR_RADII if r >= estimate / 2] or [NEAR_RADII[-1]]
        order, order_params = self._order()
        for radius in radii:
            west, east = lng - radius / scale, lng + radius / scale
            south, north = lat - radius, lat + radius
            if west < -180 or east > 180 or south < -90 or north > 90:
                return None
            cells = ()
            if self.use_fts and (self.words or self.has_filters):
                for size, largest in zip(CELL_SIZES, CELL_RADII, strict=True):
                    if radius <= largest:
                        cells = tuple(cell_tokens(size, south, west, north, east))
                        break
            boxed = dataclasses.replace(
                self, bbox=(west, south, east, north), cells=cells
            )
            where, params = boxed._where()
            sql = (
                f"SELECT e.* FROM {TABLE} e WHERE e.page_id IN ("  # noqa: S608
                f"SELECT e.page_id FROM {TABLE} e WHERE {where} "
                f"ORDER BY {order} LIMIT %s) ORDER BY {order}"
            )
            rows = list(
                entry_objects().raw(sql, [*params, *order_params, need, *order_params])
            )
            if len(rows) == need:
                last = rows[-1]
                reach = math.hypot(last.latitude - lat, (last.longitude - lng) * scale)
                if reach <= radius:
                    return rows[offset:]
        return None


def distance_km(origin, entry):
    if entry.latitude is None or entry.longitude is None:
        return None
    lat1, lng1 = map(math.radians, origin)
    lat2, lng2 = math.radians(entry.latitude), math.radians(entry.longitude)
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def autocomplete(locale_id, text, limit=8):
    """Names and cities starting with (a word starting with) what was typed."""
    words = tokens(text)
    if not words or len(" ".join(words)) < 2:
        return []
    prefix = " ".join(words)
    upper = prefix + "\U0010ffff"
    suggestions = []
    seen = set()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT MIN(city), COUNT(*) FROM {TABLE} "  # noqa: S608
            "WHERE locale_id = %s AND city_key >= %s AND city_key < %s "
            "GROUP BY city_key ORDER BY city_key LIMIT 3",
            [locale_id, prefix, upper],
        )
        cities = cursor.fetchall()
        cursor.execute(
            f"SELECT title, url, city FROM {TABLE} "  # noqa: S608
            "WHERE locale_id = %s AND sort_title >= %s AND sort_title < %s "
            "ORDER BY sort_title LIMIT %s",
            [locale_id, prefix, upper, limit],
        )
        names = cursor.fetchall()
        if len(names) < limit and connection.vendor in ("sqlite", "postgresql"):
            if connection.vendor == "sqlite":
                cursor.execute(
                    f"SELECT e.title, e.url, e.city FROM {FTS_TABLE} "  # noqa: S608
                    f"JOIN {TABLE} e ON e.page_id = {FTS_TABLE}.rowid "
                    f"WHERE {FTS_TABLE} MATCH %s AND e.locale_id = %s LIMIT %s",
                    [fts5_query(words, "title"), locale_id, limit * 2],
                )
            else:
                cursor.execute(
                    f"SELECT title, url, city FROM {TABLE} "  # noqa: S608
                    "WHERE locale_id = %s AND search_vector @@ to_tsquery('simple', %s) "
                    "ORDER BY sort_title LIMIT %s",
                    [locale_id, " & ".join(f"{w}:*A" for w in words), limit * 2],
                )
            names += cursor.fetchall()
    for city, count in cities:
        if city:
            suggestions.append({"kind": "city", "label": city, "count": count})
    for title, url, city in names:
        if url in seen:
            continue
        seen.add(url)
        suggestions.append({"kind": "centre", "label": title, "url": url, "city": city})
        if len(suggestions) >= limit + len(cities):
            break
    return suggestions
