"""The directory's query path. Every list, map, export and autocomplete request
reads DirectoryEntry only; text search goes through the vendor's full-text index
(SQLite FTS5 driven from the MATCH side and ranked with bm25; PostgreSQL
tsvector with a GIN index), never through Wagtail's database search backend."""

import math
import re
from dataclasses import dataclass, field

from django.db import connection

from .index import fold
from .models import DirectoryEntry

TABLE = DirectoryEntry._meta.db_table
FTS_TABLE = "directory_entry_fts"
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TOKENS = 8
MAX_TOKEN_LENGTH = 40
MAX_QUERY_LENGTH = 200


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
    """The filters of one request; build SQL for the current vendor."""

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
    words: list = field(init=False)

    def __post_init__(self):
        self.words = tokens(self.text)

    @property
    def vendor(self):
        return connection.vendor

    # SQL pieces ---------------------------------------------------------------
    def _from_where(self):
        where = ["e.locale_id = %s"]
        params = [self.locale_id]
        source = f"{TABLE} e"
        if self.words:
            if self.vendor == "sqlite":
                # Drive the query from the FTS side: MATCH first, join entries.
                source = f"{FTS_TABLE} JOIN {TABLE} e ON e.page_id = {FTS_TABLE}.rowid"
                where.insert(0, f"{FTS_TABLE} MATCH %s")
                params.insert(0, fts5_query(self.words))
            elif self.vendor == "postgresql":
                where.append("e.search_vector @@ to_tsquery('simple', %s)")
                params.append(tsquery(self.words))
            else:
                for word in self.words:
                    where.append("e.search_text LIKE %s")
                    params.append(f"%{word}%")
        if self.country:
            where.append("e.country = %s")
            params.append(self.country)
        if self.centre_type:
            where.append("e.centre_type = %s")
            params.append(self.centre_type)
        if self.service:
            where.append("e.services LIKE %s")
            params.append(f"% {self.service} %")
        if self.language:
            where.append("e.languages LIKE %s")
            params.append(f"% {self.language} %")
        if self.has_tour:
            where.append("e.has_tour = %s")
            params.append(True)
        if self.require_location or self.bbox:
            where.append("e.latitude IS NOT NULL AND e.longitude IS NOT NULL")
        if self.bbox:
            west, south, east, north = self.bbox
            where.append("e.latitude BETWEEN %s AND %s")
            params += [south, north]
            if west <= east:
                where.append("e.longitude BETWEEN %s AND %s")
                params += [west, east]
            else:  # crosses the antimeridian
                where.append("(e.longitude >= %s OR e.longitude <= %s)")
                params += [west, east]
        return source, " AND ".join(where), params

    def _order(self):
        params = []
        if self.near:
            lat, lng = self.near
            scale = math.cos(math.radians(lat))
            order = (
                "(e.latitude IS NULL), "
                "((e.latitude - %s) * (e.latitude - %s) + "
                "(e.longitude - %s) * (e.longitude - %s) * %s)"
            )
            params = [lat, lat, lng, lng, scale * scale]
            return order + ", e.sort_title", params
        if self.words and self.vendor == "sqlite":
            return f"bm25({FTS_TABLE}, 10.0, 4.0, 1.0), e.sort_title", params
        if self.words and self.vendor == "postgresql":
            return (
                "ts_rank(e.search_vector, to_tsquery('simple', %s)) DESC, e.sort_title",
                [tsquery(self.words)],
            )
        return "e.sort_title, e.page_id", params

    # Queries ------------------------------------------------------------------
    def count(self):
        source, where, params = self._from_where()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {source} WHERE {where}", params)  # noqa: S608
            return cursor.fetchone()[0]

    def sql(self, limit=None, offset=0):
        source, where, params = self._from_where()
        order, order_params = self._order()
        sql = f"SELECT e.* FROM {source} WHERE {where} ORDER BY {order}"  # noqa: S608
        params = params + order_params
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params += [limit, offset]
        return sql, params

    def entries(self, limit=None, offset=0):
        """DirectoryEntry objects in order (one query)."""
        sql, params = self.sql(limit, offset)
        entries = list(DirectoryEntry.objects.raw(sql, params))
        if self.near:
            for entry in entries:
                entry.distance_km = distance_km(self.near, entry)
        return entries


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
