"""Import centres from a CSV or GeoJSON file:

    python manage.py import_centres FILE [--language en] [--dry-run]

Each row (CSV) or feature (GeoJSON) is upserted by its `external_id`: a centre of
that language with the same id gets a new draft revision, any other becomes a new
draft page under the directory. Every row is checked first; when any is bad, each
problem is reported with its line and column and nothing is written. Nothing is
published: editors review the drafts.

CSV columns (header row required; `external_id`, `name`, `country` and `city`
are required): external_id, name, type, country, region, city, address, postcode,
latitude, longitude, website, email, phone, services (slugs separated by ";"),
languages, description, publics, opening_hours, opening_hours_spec,
accessibility, virtual_tour_url, virtual_tour_text. GeoJSON: a FeatureCollection
of Point features with the same names as properties (coordinates from the
geometry)."""

import csv
import io
import json
from pathlib import Path

from django import forms
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from wagtail.models import Locale

from directory.models import (
    CENTRE_TYPES,
    CONTACT_FIELDS,
    PLACE_FIELDS,
    CentrePage,
    DirectoryPage,
    Service,
    validate_language_codes,
)
from portal.countries import country_choices

# Copied from a row to the centre as they are.
DETAIL_FIELDS = (
    "publics",
    "opening_hours",
    "opening_hours_spec",
    "accessibility",
    "virtual_tour_url",
    "virtual_tour_text",
)
COLUMNS = [
    "external_id",
    "name",
    "type",
    *PLACE_FIELDS,
    *CONTACT_FIELDS,
    "services",
    "languages",
    "description",
    *DETAIL_FIELDS,
]
TYPE_ALIASES = {code: code for code, _label in CENTRE_TYPES}
TYPE_ALIASES.update(
    {str(label).casefold(): code for code, label in CENTRE_TYPES}
    | {code.replace("_", "-"): code for code, _label in CENTRE_TYPES}
)


class CentreRowForm(forms.Form):
    external_id = forms.CharField(max_length=100)
    name = forms.CharField(max_length=255)
    type = forms.CharField(required=False)
    country = forms.CharField(max_length=2)
    region = forms.CharField(max_length=100, required=False)
    city = forms.CharField(max_length=100)
    address = forms.CharField(max_length=255, required=False)
    postcode = forms.CharField(max_length=20, required=False)
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180)
    website = forms.URLField(required=False, assume_scheme="https")
    email = forms.EmailField(required=False)
    phone = forms.CharField(max_length=40, required=False)
    services = forms.CharField(required=False)
    languages = forms.CharField(max_length=100, required=False)
    description = forms.CharField(required=False)
    publics = forms.CharField(required=False)
    opening_hours = forms.CharField(required=False)
    opening_hours_spec = forms.CharField(max_length=200, required=False)
    accessibility = forms.CharField(required=False)
    virtual_tour_url = forms.URLField(required=False, assume_scheme="https")
    virtual_tour_text = forms.CharField(required=False)

    def __init__(self, *args, service_slugs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.service_slugs = set(service_slugs)

    def clean_type(self):
        value = (self.cleaned_data.get("type") or "").strip()
        if not value:
            return "guidance_centre"
        code = TYPE_ALIASES.get(value.casefold()) or TYPE_ALIASES.get(value)
        if code is None:
            raise forms.ValidationError(
                f"unknown type {value!r}; use one of "
                + ", ".join(code for code, _label in CENTRE_TYPES)
            )
        return code

    def clean_country(self):
        value = self.cleaned_data["country"].strip().upper()
        if value not in {code for code, _name in country_choices()}:
            raise forms.ValidationError(f"unknown country code {value!r}")
        return value

    def clean_services(self):
        slugs = [
            s.strip()
            for s in (self.cleaned_data.get("services") or "")
            .replace("|", ";")
            .split(";")
            if s.strip()
        ]
        unknown = [s for s in slugs if s not in self.service_slugs]
        if unknown:
            raise forms.ValidationError(
                f"unknown service {', '.join(unknown)}; known: "
                + ", ".join(sorted(self.service_slugs))
            )
        return slugs

    def clean_languages(self):
        value = self.cleaned_data.get("languages") or ""
        validate_language_codes(value)
        return value

    def clean(self):
        cleaned = super().clean()
        one_missing = (cleaned.get("latitude") is None) != (
            cleaned.get("longitude") is None
        )
        if one_missing and not {"latitude", "longitude"} & set(self.errors):
            self.add_error(
                "longitude" if cleaned.get("longitude") is None else "latitude",
                "give both latitude and longitude, or neither",
            )
        return cleaned


def read_rows(path):
    """(line, {column: value}) pairs from a CSV or GeoJSON file, and the errors
    of the file's shape itself."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"{path}: not UTF-8 text ({error}).") from error
    stripped = text.lstrip()
    if path.lower().endswith((".geojson", ".json")) or stripped.startswith("{"):
        return read_geojson(path, text)
    return read_csv(path, text)


def read_csv(path, text):
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    unknown = [name for name in header if name not in COLUMNS]
    missing = [
        name
        for name in ("external_id", "name", "country", "city")
        if name not in header
    ]
    problems = []
    if unknown:
        problems.append((1, ", ".join(unknown), "unknown column"))
    if missing:
        problems.append((1, ", ".join(missing), "missing required column"))
    rows = []
    for row in reader:
        extra = row.pop(None, None)
        if extra:
            problems.append((reader.line_num, "-", f"{len(extra)} value(s) too many"))
        rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    return rows, problems


def read_geojson(path, text):
    problems = []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path}: line {error.lineno}, column {error.colno}: invalid JSON ({error.msg})."
        ) from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise CommandError(f"{path}: expected a GeoJSON FeatureCollection.")
    rows = []
    for number, feature in enumerate(data.get("features") or [], start=1):
        where = f"feature {number}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append((where, "type", "not a Feature"))
            continue
        properties = feature.get("properties") or {}
        row = {k: "" if v is None else str(v).strip() for k, v in properties.items()}
        geometry = feature.get("geometry")
        if geometry:
            coordinates = geometry.get("coordinates") or []
            if geometry.get("type") != "Point" or len(coordinates) < 2:
                problems.append(
                    (where, "geometry", "expected a Point [longitude, latitude]")
                )
            else:
                row["longitude"], row["latitude"] = (str(c) for c in coordinates[:2])
        unknown = [k for k in properties if k not in COLUMNS]
        if unknown:
            problems.append((where, ", ".join(unknown), "unknown property"))
        rows.append((where, row))
    return rows, problems


class Command(BaseCommand):
    help = "Import centres (CSV or GeoJSON) as drafts, upserting by external_id."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--language", default="en")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, file, language, dry_run, **options):
        try:
            locale = Locale.objects.get(language_code=language)
        except Locale.DoesNotExist as error:
            raise CommandError(f"No language {language!r}.") from error
        directory = DirectoryPage.objects.filter(locale=locale).first()
        if directory is None:
            raise CommandError(f"No directory page in {language!r}.")
        if not Path(file).is_file():
            raise CommandError(f"{file}: no such file.")
        services = {
            s.slug: s
            for s in Service.objects.filter(locale__language_code__in=[language, "en"])
        }
        rows, problems = read_rows(file)
        valid = []
        seen = {}
        for line, row in rows:
            form = CentreRowForm(row, service_slugs=services)
            if not form.is_valid():
                for column, errors in form.errors.items():
                    for error in errors:
                        problems.append((line, column, error))
                continue
            external_id = form.cleaned_data["external_id"]
            if external_id in seen:
                problems.append(
                    (
                        line,
                        "external_id",
                        f"{external_id!r} already on line {seen[external_id]}",
                    )
                )
                continue
            seen[external_id] = line
            valid.append((line, form.cleaned_data))
        if problems:
            for line, column, message in problems:
                label = line if isinstance(line, str) else f"line {line}"
                self.stderr.write(f"{file}: {label}, column {column}: {message}")
            raise CommandError(
                f"{len(problems)} problem(s) in {file}; nothing was imported."
            )
        existing = {
            page.external_id: page
            for page in CentrePage.objects.filter(
                locale=locale, external_id__in=list(seen)
            )
        }
        created = updated = 0
        with transaction.atomic():
            for _line, data in valid:
                page = existing.get(data["external_id"])
                if page is None:
                    created += 1
                    if not dry_run:
                        self.create(directory, data, services)
                else:
                    updated += 1
                    if not dry_run:
                        self.update(page, data, services)
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would create" if dry_run else "Created"
        self.stdout.write(
            f"{verb} {created} and {'would update' if dry_run else 'updated'} "
            f"{updated} draft centre(s) in {language}."
        )

    def apply(self, page, data, services):
        page.title = data["name"]
        page.draft_title = data["name"]
        page.external_id = data["external_id"]
        page.centre_type = data["type"]
        for name in (*PLACE_FIELDS, *CONTACT_FIELDS, "languages", *DETAIL_FIELDS):
            value = data.get(name)
            setattr(
                page,
                name,
                value if value is not None or name in ("latitude", "longitude") else "",
            )
        if data.get("description"):
            page.description = linebreaks(escape(data["description"]))
        page.services.set([services[slug] for slug in data["services"]])

    def create(self, directory, data, services):
        page = CentrePage(live=False, slug=self.slug(directory, data))
        self.apply(page, data, services)
        directory.add_child(instance=page)
        page.save_revision()

    def update(self, page, data, services):
        draft = page.get_latest_revision_as_object()
        self.apply(draft, data, services)
        draft.save_revision()

    def slug(self, directory, data):
        base = (
            slugify(data["external_id"])[:80] or slugify(data["name"])[:80] or "centre"
        )
        slug, number = base, 1
        while CentrePage.objects.child_of(directory).filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug
