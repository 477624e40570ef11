"""Synthetic live centres for load and scale tests:

    python manage.py generate_centres --centres 50000 [--language en] [--delete]

Pages are written in bulk (tree paths computed here, no revisions), then their
index rows, so 50,000 centres take seconds, not hours. Synthetic centres have an
external id starting with "synthetic-"; --delete removes them."""

import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from directory.index import build_entry, bump_version, optimize
from directory.models import (
    CENTRE_TYPES,
    CentrePage,
    DirectoryEntry,
    DirectoryPage,
    Service,
)

PREFIX = "synthetic-"

# (city, region, country, latitude, longitude, languages)
CITIES = [
    ("Paris", "Île-de-France", "FR", 48.857, 2.352, "fr en"),
    ("Lyon", "Auvergne-Rhône-Alpes", "FR", 45.764, 4.836, "fr"),
    ("Marseille", "Provence-Alpes-Côte d’Azur", "FR", 43.296, 5.370, "fr ar"),
    ("Lille", "Hauts-de-France", "FR", 50.629, 3.057, "fr nl"),
    ("Toulouse", "Occitanie", "FR", 43.605, 1.444, "fr es"),
    ("Bordeaux", "Nouvelle-Aquitaine", "FR", 44.838, -0.579, "fr"),
    ("Nantes", "Pays de la Loire", "FR", 47.218, -1.554, "fr"),
    ("Strasbourg", "Grand Est", "FR", 48.573, 7.752, "fr de"),
    ("Brussels", "Brussels-Capital", "BE", 50.850, 4.352, "fr nl en"),
    ("Liège", "Wallonia", "BE", 50.633, 5.567, "fr"),
    ("Antwerp", "Flanders", "BE", 51.219, 4.402, "nl en"),
    ("Porto", "Norte", "PT", 41.150, -8.611, "pt en"),
    ("Lisbon", "Lisboa", "PT", 38.722, -9.139, "pt en"),
    ("Coimbra", "Centro", "PT", 40.203, -8.410, "pt"),
    ("Zagreb", "Zagreb", "HR", 45.815, 15.982, "hr en"),
    ("Split", "Split-Dalmatia", "HR", 43.508, 16.440, "hr"),
    ("Rijeka", "Primorje-Gorski Kotar", "HR", 45.327, 14.442, "hr it"),
    ("Milan", "Lombardy", "IT", 45.464, 9.190, "it en"),
    ("Rome", "Lazio", "IT", 41.903, 12.496, "it"),
    ("Naples", "Campania", "IT", 40.852, 14.268, "it"),
    ("Turin", "Piedmont", "IT", 45.070, 7.687, "it fr"),
    ("Geneva", "Geneva", "CH", 46.204, 6.143, "fr en"),
    ("Lausanne", "Vaud", "CH", 46.520, 6.633, "fr"),
    ("Zurich", "Zurich", "CH", 47.377, 8.541, "de en"),
    ("Helsinki", "Uusimaa", "FI", 60.170, 24.938, "fi sv en"),
    ("Tampere", "Pirkanmaa", "FI", 61.498, 23.761, "fi"),
    ("Madrid", "Madrid", "ES", 40.417, -3.704, "es en"),
    ("Barcelona", "Catalonia", "ES", 41.385, 2.173, "es ca en"),
    ("Seville", "Andalusia", "ES", 37.389, -5.984, "es"),
    ("Berlin", "Berlin", "DE", 52.520, 13.405, "de en tr"),
    ("Munich", "Bavaria", "DE", 48.135, 11.582, "de"),
    ("Hamburg", "Hamburg", "DE", 53.551, 9.994, "de"),
    ("Vienna", "Vienna", "AT", 48.208, 16.373, "de en"),
    ("Warsaw", "Masovia", "PL", 52.230, 21.012, "pl en"),
    ("Kraków", "Lesser Poland", "PL", 50.065, 19.945, "pl"),
    ("Prague", "Prague", "CZ", 50.076, 14.438, "cs en"),
    ("Budapest", "Budapest", "HU", 47.498, 19.040, "hu en"),
    ("Bucharest", "Bucharest", "RO", 44.427, 26.103, "ro en"),
    ("Sofia", "Sofia", "BG", 42.698, 23.322, "bg"),
    ("Athens", "Attica", "GR", 37.984, 23.728, "el en"),
    ("Dublin", "Leinster", "IE", 53.350, -6.260, "en ga"),
    ("Amsterdam", "North Holland", "NL", 52.368, 4.904, "nl en"),
    ("Rotterdam", "South Holland", "NL", 51.924, 4.478, "nl"),
    ("Copenhagen", "Capital Region", "DK", 55.676, 12.568, "da en"),
    ("Stockholm", "Stockholm", "SE", 59.329, 18.069, "sv en"),
    ("Oslo", "Oslo", "NO", 59.914, 10.752, "no en"),
    ("Tallinn", "Harju", "EE", 59.437, 24.754, "et ru en"),
    ("Riga", "Riga", "LV", 56.950, 24.105, "lv ru"),
    ("Vilnius", "Vilnius", "LT", 54.687, 25.280, "lt en"),
    ("Ljubljana", "Central Slovenia", "SI", 46.057, 14.506, "sl en"),
    ("Bratislava", "Bratislava", "SK", 48.149, 17.107, "sk"),
    ("Luxembourg", "Luxembourg", "LU", 49.612, 6.130, "lb fr de"),
    ("Valletta", "Malta", "MT", 35.899, 14.514, "mt en"),
]
NAME_PARTS = [
    "Career Centre",
    "Guidance Point",
    "Cité des métiers",
    "One-Stop Shop",
    "Youth Guidance",
    "Jobs and Training House",
    "Lifelong Learning Centre",
    "Career Hub",
]
WORDS = [
    "career",
    "guidance",
    "counselling",
    "information",
    "training",
    "employment",
    "job",
    "apprenticeship",
    "skills",
    "validation",
    "entrepreneurship",
    "business",
    "youth",
    "adults",
    "students",
    "employers",
    "mobility",
    "abroad",
    "digital",
    "workshop",
    "coaching",
    "interview",
    "orientation",
    "retraining",
    "volunteering",
    "disability",
    "migrants",
    "refugees",
    "women",
    "seniors",
    "networking",
    "partnership",
    "library",
    "school",
    "university",
    "employment-service",
    "chamber",
    "trade",
    "crafts",
    "industry",
    "health",
    "social",
    "housing",
    "welfare",
    "mentoring",
    "portfolio",
    "competences",
    "europass",
]


class Command(BaseCommand):
    help = "Generate N synthetic live centres (bulk) for load and scale tests."

    def add_arguments(self, parser):
        parser.add_argument("--centres", type=int, default=1000)
        parser.add_argument("--language", default="en")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--delete", action="store_true", help="Remove synthetic centres first."
        )

    def handle(self, *args, centres, language, seed, delete, **options):
        try:
            locale = Locale.objects.get(language_code=language)
        except Locale.DoesNotExist as error:
            raise CommandError(f"No locale {language!r}.") from error
        directory = DirectoryPage.objects.filter(locale=locale).first()
        if directory is None:
            raise CommandError(
                f"No directory page in {language!r}: run load_demo first."
            )
        started = time.perf_counter()
        if delete:
            removed = self.delete_synthetic(directory)
            self.stdout.write(f"Removed {removed} synthetic centres.")
        if centres > 0:
            created = self.generate(directory, locale, centres, seed)
            self.stdout.write(
                f"Created {created} synthetic centres in "
                f"{time.perf_counter() - started:.1f} s."
            )

    def delete_synthetic(self, directory):
        ids = list(
            CentrePage.objects.filter(
                path__startswith=directory.path, external_id__startswith=PREFIX
            ).values_list("pk", flat=True)
        )
        with transaction.atomic():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                DirectoryEntry.objects.filter(page_id__in=chunk).delete()
                CentrePage.services.through.objects.filter(
                    centrepage_id__in=chunk
                ).delete()
                CentrePage.objects.filter(pk__in=chunk).delete()
            directory.numchild = children_of(directory).count()
            Page.objects.filter(pk=directory.pk).update(numchild=directory.numchild)
        bump_version()
        return len(ids)

    @transaction.atomic
    def generate(self, directory, locale, count, seed):
        rng = random.Random(seed + Page.objects.count())  # noqa: S311 - test data
        services = Service.for_locale(locale)
        service_objects = list(services.values())
        content_type = ContentType.objects.get_for_model(CentrePage)
        last = children_of(directory).order_by("-path").first()
        position = CentrePage._str2int(last.path[-4:]) if last else 0
        existing = CentrePage.objects.filter(external_id__startswith=PREFIX).count()
        now = timezone.now()
        depth = directory.depth + 1
        types = [code for code, _label in CENTRE_TYPES]

        batch_size = 1000
        created = 0
        while created < count:
            size = min(batch_size, count - created)
            pages = []
            for _ in range(size):
                position += 1
                number = existing + created + len(pages) + 1
                slug = f"{PREFIX}{number}"
                page = random_centre(
                    rng,
                    number,
                    types,
                    slug=slug,
                    path=CentrePage._get_path(directory.path, depth, position),
                    depth=depth,
                    url_path=f"{directory.url_path}{slug}/",
                    first_published_at=now,
                    last_published_at=now,
                    content_type=content_type,
                    locale=locale,
                )
                page._service_slugs = [
                    s.slug for s in rng.sample(service_objects, rng.randint(1, 5))
                ]
                pages.append(page)
            insert_pages(pages)
            through = CentrePage.services.through
            by_slug = {s.slug: s for s in service_objects}
            through.objects.bulk_create(
                [
                    through(centrepage_id=page.pk, service_id=by_slug[slug].pk)
                    for page in pages
                    for slug in page._service_slugs
                ]
            )
            entries = []
            for page in pages:
                page._directory_id = directory.pk
                entries.append(
                    build_entry(page, services_by_slug=services, url=page_url(page))
                )
            DirectoryEntry.objects.bulk_create(entries, batch_size=500)
            created += size
        Page.objects.filter(pk=directory.pk).update(
            numchild=children_of(directory).count()
        )
        optimize()
        bump_version()
        return created


def random_centre(rng, number, types, **tree):
    """A live centre page of made-up content; `tree` gives its place in the
    page tree (path, depth, url_path, slug...), its locale and dates."""
    city, region, country, lat, lng, langs = rng.choice(CITIES)
    name = f"{rng.choice(NAME_PARTS)} {city} {number}"
    return CentrePage(
        title=name,
        draft_title=name,
        numchild=0,
        **tree,
        live=True,
        has_unpublished_changes=False,
        translation_key=uuid.uuid4(),
        external_id=f"{PREFIX}{number}",
        centre_type=rng.choice(types),
        country=country,
        region=region,
        city=city,
        postcode=f"{rng.randint(1000, 99999)}",
        address=f"{rng.randint(1, 200)} {rng.choice(WORDS).title()} Street",
        latitude=round(lat + rng.uniform(-0.6, 0.6), 5),
        longitude=round(lng + rng.uniform(-0.9, 0.9), 5),
        website=f"https://centre-{number}.example.org/",
        languages=", ".join(langs.split()[: rng.randint(1, 3)]),
        description="<p>"
        + " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
        + "</p>",
        publics=" ".join(rng.sample(WORDS, 4)),
        virtual_tour_url=(
            f"https://tours.example.org/{number}/" if rng.random() < 0.05 else ""
        ),
    )


def children_of(page):
    """By path, not through numchild (which may be stale)."""
    return Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)


def page_url(page):
    """/<lang>/<path below the home page>/, as Wagtail builds it for one site."""
    parts = page.url_path.strip("/").split("/")[1:]
    return f"/{page.locale.language_code}/{'/'.join(parts)}/"


def insert_pages(pages):
    """Bulk insert of multi-table pages: the wagtailcore_page rows with Django's
    bulk_create, then the centre rows with one executemany."""
    base_rows = Page.objects.bulk_create(
        [
            Page(**{f.attname: getattr(p, f.attname) for f in base_fields()})
            for p in pages
        ]
    )
    for page, row in zip(pages, base_rows, strict=True):
        page.pk = page.page_ptr_id = row.pk
        page.id = row.pk
    fields = list(CentrePage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(CentrePage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
            [
                [
                    f.get_db_prep_save(getattr(page, f.attname), connection)
                    for f in fields
                ]
                for page in pages
            ],
        )


def base_fields():
    return [
        f for f in Page._meta.concrete_fields if not f.primary_key and f.attname != "id"
    ]
