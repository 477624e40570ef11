"""What visitors reach below a directory page: the list (with its filters), the
GeoJSON the map reads, the CSV export, autocomplete and the suggestion form.
All of them filter the same way (DirectoryFilterForm -> DirectoryQuery)."""

import csv
import json
import math

from django import forms
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.countries import country_name
from portal.params import int_param

from . import model
from .centre_fields import CENTRE_TYPES, CONTACT_FIELDS
from .index import index_version
from .languages import language_name
from .maps import map_settings
from .search import COUNT_LIMIT, MAX_QUERY_LENGTH, DirectoryQuery, autocomplete

PER_PAGE = 20
GEOJSON_MAX_FEATURES = 2000
CSV_COLUMNS = [
    "name",
    "type",
    "address",
    "postcode",
    "city",
    "region",
    "country",
    "latitude",
    "longitude",
    *CONTACT_FIELDS,
    "services",
    "languages",
    "url",
]


# Filters -----------------------------------------------------------------------
def facets(locale):
    """Countries and languages present in this language's directory (cached
    until the index changes)."""
    key = f"directory:facets:{locale.pk}:{index_version()}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    countries = sorted(
        model("DirectoryEntry")
        .objects.filter(locale=locale)
        .values_list("country", flat=True)
        .distinct()
    )
    languages = set()
    for value in (
        model("DirectoryEntry")
        .objects.filter(locale=locale)
        .values_list("languages", flat=True)
        .distinct()
    ):
        languages.update(value.split())
    result = {"countries": countries, "languages": sorted(languages)}
    cache.set(key, result, 600)
    return result


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search centres"),
        required=False,
        help_text=_("A name, a city, a service..."),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    type = forms.ChoiceField(label=_("Type of centre"), required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    tour = forms.BooleanField(label=_("Has a 360° virtual tour"), required=False)
    lat = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90
    )
    lng = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )

    def __init__(self, data, locale, services):
        super().__init__(data)
        self.locale = locale
        self.services = services
        available = facets(locale)
        anything = [("", _("Any"))]
        self.fields["country"].choices = anything + sorted(
            ((code, country_name(code)) for code in available["countries"]),
            key=lambda choice: choice[1],
        )
        self.fields["type"].choices = anything + list(CENTRE_TYPES)
        self.fields["service"].choices = anything + [
            (slug, service.name) for slug, service in services.items()
        ]
        self.fields["language"].choices = anything + sorted(
            ((code, language_name(code)) for code in available["languages"]),
            key=lambda choice: choice[1],
        )
        self.fields["q"].widget.attrs.update(
            {"autocomplete": "off", "spellcheck": "false", "type": "search"}
        )
        self.fields["lat"].widget.attrs.update({"step": "any", "inputmode": "decimal"})
        self.fields["lng"].widget.attrs.update({"step": "any", "inputmode": "decimal"})

    def value(self, name):
        """The cleaned value of a filter, or empty when it was invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None

    def query(self, locale, **extra):
        text = (self.data.get("q") or "")[: MAX_QUERY_LENGTH * 5]
        lat, lng = self.value("lat"), self.value("lng")
        near = None
        if lat is not None and lng is not None and math.isfinite(lat + lng):
            near = (lat, lng)
        return DirectoryQuery(
            locale_id=locale.pk,
            text=text.replace("\x00", " "),
            country=self.value("country") or "",
            centre_type=self.value("type") or "",
            service=self.value("service") or "",
            language=self.value("language") or "",
            has_tour=bool(self.value("tour")),
            near=near,
            **extra,
        )

    def active_filters(self, base_params):
        """(label, url without it) for each filter in use."""
        active = []
        labels = {
            "country": dict(self.fields["country"].choices),
            "type": dict(self.fields["type"].choices),
            "service": dict(self.fields["service"].choices),
            "language": dict(self.fields["language"].choices),
        }
        for name in ("q", "country", "type", "service", "language", "tour"):
            value = self.value(name)
            if not value:
                continue
            if name == "q":
                label = gettext("Text: “%s”") % value[:80]
            elif name == "tour":
                label = gettext("Has a 360° virtual tour")
            else:
                label = f"{self.fields[name].label}: {labels[name].get(value, value)}"
            remaining = {k: v for k, v in base_params.items() if k != name}
            active.append({"label": label, "query": urlencode(remaining)})
        if self.value("lat") is not None and self.value("lng") is not None:
            remaining = {
                k: v for k, v in base_params.items() if k not in ("lat", "lng")
            }
            active.append(
                {
                    "label": gettext("Sorted by distance"),
                    "query": urlencode(remaining),
                }
            )
        return active


def filter_params(request):
    """The filter parameters of the request, as a plain dict of strings."""
    names = ("q", "country", "type", "service", "language", "tour", "lat", "lng")
    params = {}
    for name in names:
        value = request.GET.get(name, "")
        value = value.replace("\x00", "").strip()[: MAX_QUERY_LENGTH * 5]
        if value:
            params[name] = value
    return params


def build_form(request, page):
    services = model("Service").for_locale(page.locale)
    params = filter_params(request)
    form = DirectoryFilterForm(params, page.locale, services)
    form.is_valid()
    return form, params


def page_numbers(number, pages, around=2):
    """The result pages the pagination links by number: all of them up to
    seven, else the first, the last and those around the current one (None
    where numbers are left out). Each page of the list is then one click from
    the first, and every centre two clicks from the directory."""
    if pages <= 7:
        return list(range(1, pages + 1))
    shown = {1, pages, *range(number - around, number + around + 1)}
    numbers = []
    for n in sorted(n for n in shown if 1 <= n <= pages):
        if numbers and n - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers


# Views -------------------------------------------------------------------------
def directory_list(request, page):
    form, params = build_form(request, page)
    query = form.query(page.locale)
    total = query.count(limit=COUNT_LIMIT)
    # A text search past COUNT_LIMIT matches lists only its first matches.
    more = bool(query.words) and total > COUNT_LIMIT
    pages = max(1, math.ceil((COUNT_LIMIT if more else total) / PER_PAGE))
    number = min(int_param(request.GET.get("page"), minimum=1, default=1), pages)
    entries = query.entries(limit=PER_PAGE, offset=(number - 1) * PER_PAGE, total=total)
    services = form.services
    for entry in entries:
        entry.service_names = [
            services[slug].name for slug in entry.service_slugs if slug in services
        ]
    querystring = urlencode(params)
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "entries": entries,
            "total": COUNT_LIMIT if more else total,
            "more_than_total": more,
            "page_number": number,
            "page_count": pages,
            "previous_query": urlencode({**params, "page": number - 1})
            if number > 1
            else None,
            "next_query": urlencode({**params, "page": number + 1})
            if number < pages
            else None,
            "page_links": [
                {
                    "number": n,
                    "query": urlencode({**params, "page": n}) if n else "",
                    "current": n == number,
                }
                for n in page_numbers(number, pages)
            ],
            "querystring": querystring,
            "active_filters": form.active_filters(params),
            "map_settings": map_settings(),
            "near": query.near,
            "first_index": (number - 1) * PER_PAGE + 1,
            # Sections below the directory other than centres (virtual tours).
            "sections": Page.objects.child_of(page)
            .live()
            .public()
            .not_type(model("CentrePage"))
            .order_by("path"),
        }
    )
    return TemplateResponse(request, "directory/directory_page.html", context)


def parse_bbox(value):
    """'west,south,east,north' in degrees, or None when absent or invalid."""
    try:
        parts = [float(part) for part in value.split(",")]
    except (ValueError, AttributeError):
        return None
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        return None
    west, south, east, north = parts
    if not (-90 <= south <= north <= 90):
        return None
    west = max(-180.0, min(180.0, west))
    east = max(-180.0, min(180.0, east))
    return (west, south, east, north)


def directory_geojson(request, page):
    """RFC 7946 FeatureCollection of the filtered centres (within ?bbox=)."""
    form, _params = build_form(request, page)
    bbox = parse_bbox(request.GET.get("bbox", ""))
    query = form.query(page.locale, bbox=bbox, require_location=True, by_id=True)
    sql, params = query.sql(
        GEOJSON_MAX_FEATURES + 1,
        columns="e.page_id, e.title, e.url, e.city, e.centre_type, "
        "e.latitude, e.longitude, e.has_tour",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    truncated = len(rows) > GEOJSON_MAX_FEATURES
    types = {code: str(label) for code, label in CENTRE_TYPES}
    features = [
        {
            "type": "Feature",
            "id": page_id,
            "geometry": {
                "type": "Point",
                "coordinates": [round(longitude, 5), round(latitude, 5)],
            },
            "properties": {
                "name": title,
                "url": url,
                "city": city,
                "type": types.get(centre_type, ""),
                "tour": bool(has_tour),
            },
        }
        for page_id, title, url, city, centre_type, latitude, longitude, has_tour in rows[
            :GEOJSON_MAX_FEATURES
        ]
    ]
    collection = {"type": "FeatureCollection", "features": features}
    if truncated:
        # A foreign member (RFC 7946 section 6.1): the map asks to zoom in.
        collection["truncated"] = True
    if bbox:
        collection["bbox"] = list(bbox)
    response = HttpResponse(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")),
        content_type="application/geo+json",
    )
    response["Cache-Control"] = "public, max-age=300"
    return response


class _Echo:
    def write(self, value):
        return value


def directory_csv(request, page):
    """The filtered list as CSV (UTF-8 with a BOM so spreadsheets read accents)."""
    form, _params = build_form(request, page)
    query = form.query(page.locale)
    services = form.services
    types = dict(CENTRE_TYPES)
    base = request.build_absolute_uri("/").rstrip("/")

    def rows():
        writer = csv.writer(_Echo())
        yield "\ufeff" + writer.writerow(CSV_COLUMNS)
        sql, params = query.sql()
        entries = model("DirectoryEntry").objects
        for entry in entries.raw(sql, params).iterator():
            yield writer.writerow(
                [
                    csv_safe(entry.title),
                    str(types.get(entry.centre_type, entry.centre_type)),
                    csv_safe(entry.address),
                    csv_safe(entry.postcode),
                    csv_safe(entry.city),
                    csv_safe(entry.region),
                    entry.country,
                    "" if entry.latitude is None else entry.latitude,
                    "" if entry.longitude is None else entry.longitude,
                    csv_safe(entry.website),
                    csv_safe(entry.email),
                    csv_safe(entry.phone),
                    "; ".join(
                        services[s].name for s in entry.service_slugs if s in services
                    ),
                    " ".join(entry.language_codes),
                    base + entry.url,
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    filename = f"centres-{page.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_safe(value):
    """Neutralise spreadsheet formulas in exported text (CSV injection)."""
    value = str(value or "")
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def directory_autocomplete(request, page):
    text = (request.GET.get("q") or "")[:MAX_QUERY_LENGTH]
    suggestions = autocomplete(page.locale.pk, text.replace("\x00", " "))
    response = JsonResponse({"query": text, "suggestions": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response


def suggest_centre(request, page):
    # Imported here: the suggestions use Wagtail's admin forms, which cannot
    # be imported while the models (and so this module) are loading.
    from .suggestions import suggest_centre_view

    return suggest_centre_view(request, page)
