"""Directory benchmark (`make bench-directory`): p95 of text search plus filters,
autocomplete and the size of a viewport's GeoJSON, at 1,000, 10,000 and 50,000
synthetic centres on SQLite (a throwaway database in a temporary folder).

    .venv/bin/python tests/perf/bench_directory.py            # 1k, 10k, 50k
    .venv/bin/python tests/perf/bench_directory.py --sizes 1000,10000
    DATABASE_URL=postgres://... .venv/bin/python tests/perf/bench_directory.py

Targets (issue 6): search+filters p95 <= 50 ms at 10k and <= 100 ms at 50k,
growth 1k -> 50k <= 5x, autocomplete p95 <= 50 ms, viewport GeoJSON < 150 KiB
gzipped. "search" times the directory's query path (count + one page of
results, what every list, map and export request runs); "page" times the whole
list view through Django's test client (routing, template, header, footer)."""

import argparse
import gzip
import io
import os
import sys
import tempfile
import time
from pathlib import Path

BASE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE))

SCENARIOS = [
    ("text: career", {"q": "career"}),
    ("text: cite metiers paris", {"q": "cité des métiers paris"}),
    ("text + country", {"q": "guidance", "country": "FR"}),
    (
        "text + service + language",
        {"q": "training", "service": "guidance", "language": "fr"},
    ),
    ("text prefix: ment", {"q": "ment"}),
    ("filters: country + type", {"country": "DE", "type": "one_stop_shop"}),
    (
        "filters: service + language + tour",
        {"service": "employment", "language": "en", "tour": "on"},
    ),
    ("no filter, page 40", {"page": "40"}),
    ("near me", {"lat": "48.85", "lng": "2.35"}),
    (
        "near me + text + service",
        {"lat": "45.8", "lng": "15.9", "q": "youth", "service": "guidance"},
    ),
    ("hostile query", {"q": "\"* AND OR NEAR( ') ; DROP TABLE x; -- " + "é" * 300}),
]
PREFIXES = ["pa", "car", "hel", "zag", "gui", "ber", "cité", "ohj", "mil", "one"]
VIEWPORTS = [
    ("Paris region", "1.4,48.3,3.4,49.4"),
    ("France", "-5.5,41.0,10.0,51.5"),
    ("Europe (truncated at the cap)", "-25,34,45,72"),
]


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)] * 1000


def timed(fn, runs):
    fn()  # warm up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def setup_site():
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from wagtail.models import Locale

    from demo.loader import Demo, ensure_page_root
    from directory.models import DirectoryPage, Service
    from home.models import HomePage

    demo = Demo()
    home = ensure_page_root(demo, HomePage, title="Keep In Pact", hero_title="Bench")
    en = Locale.objects.get(language_code="en")
    from demo.directory import SERVICES

    for order, (slug, name, _fr) in enumerate(SERVICES, start=1):
        Service.objects.get_or_create(
            locale=en, slug=slug, defaults={"name": name, "sort_order": order}
        )
    directory = DirectoryPage.objects.filter(locale=en).first()
    if directory is None:
        directory = demo.page(home, DirectoryPage, "centres", title="Centres")
    return directory


def measure(directory, runs):
    from django.http import QueryDict
    from django.test import Client

    from directory.models import Service
    from directory.search import COUNT_LIMIT, autocomplete
    from directory.views import DirectoryFilterForm
    from directory.views import directory_geojson as _geojson  # noqa: F401

    client = Client()
    services = Service.for_locale(directory.locale)
    url = directory.url
    results = {"search": {}, "page": {}, "autocomplete": [], "geojson": {}}

    for name, params in SCENARIOS:

        def search(params=params):
            form = DirectoryFilterForm(
                {k: v for k, v in params.items() if k != "page"},
                directory.locale,
                services,
            )
            form.is_valid()
            query = form.query(directory.locale)
            page = int(params.get("page", 1))
            # As the view: count once (a text search stops at COUNT_LIMIT),
            # then one page.
            total = query.count(limit=COUNT_LIMIT)
            query.entries(limit=20, offset=(page - 1) * 20, total=total)

        results["search"][name] = p95(timed(search, runs))
        query_string = QueryDict(mutable=True)
        query_string.update(params)

        def view(query_string=query_string):
            response = client.get(f"{url}?{query_string.urlencode()}")
            assert response.status_code == 200, response.status_code

        results["page"][name] = p95(timed(view, max(5, runs // 2)))

    samples = []
    for prefix in PREFIXES:
        samples += timed(
            lambda prefix=prefix: autocomplete(directory.locale.pk, prefix), runs // 2
        )
    results["autocomplete_search"] = p95(samples)
    samples = []
    for prefix in PREFIXES:
        samples += timed(
            lambda prefix=prefix: client.get(f"{url}autocomplete/?q={prefix}"),
            max(3, runs // 4),
        )
    results["autocomplete_view"] = p95(samples)

    for name, bbox in VIEWPORTS:
        response = client.get(f"{url}geojson/?bbox={bbox}")
        body = response.content
        import json

        features = len(json.loads(body)["features"])
        samples = timed(lambda bbox=bbox: client.get(f"{url}geojson/?bbox={bbox}"), 5)
        results["geojson"][name] = (
            features,
            len(body) / 1024,
            len(gzip.compress(body)) / 1024,
            p95(samples),
        )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    tmp = tempfile.TemporaryDirectory(prefix="bench-directory-")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ.setdefault("MEDIA_ROOT", f"{tmp.name}/media")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from directory.models import DirectoryEntry

    print(
        f"Directory benchmark on {connection.vendor}; p95 in ms over {args.runs} runs"
    )
    directory = setup_site()
    call_command("generate_centres", centres=0, delete=True, verbosity=0)
    summary = {}
    for size in sizes:
        current = DirectoryEntry.objects.count()
        started = time.perf_counter()
        call_command("generate_centres", centres=size - current, stdout=io.StringIO())
        print(
            f"\n== {size:,} centres (generated in {time.perf_counter() - started:.1f} s)"
        )
        # Fresh statistics (and on PostgreSQL the visibility map), as
        # autovacuum would give a live site after a bulk import.
        if connection.vendor in ("sqlite", "postgresql"):
            with connection.cursor() as cursor:
                cursor.execute(
                    "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
                )
        results = measure(directory, args.runs)
        summary[size] = results
        print(f"{'scenario':40} {'search p95':>11} {'page p95':>10}")
        for name, _params in SCENARIOS:
            print(
                f"{name:40} {results['search'][name]:>9.1f}ms "
                f"{results['page'][name]:>8.1f}ms"
            )
        print(
            f"{'autocomplete':40} {results['autocomplete_search']:>9.1f}ms "
            f"{results['autocomplete_view']:>8.1f}ms"
        )
        for name, (features, raw, gz, ms) in results["geojson"].items():
            print(
                f"GeoJSON {name:32} {features:>5} features, {raw:>7.1f} KiB, "
                f"{gz:>6.1f} KiB gzipped, p95 {ms:.1f} ms"
            )

    print("\n== Summary (worst scenario p95)")
    first = None
    for size, results in summary.items():
        worst_search = max(results["search"].values())
        worst_page = max(results["page"].values())
        worst_gz = max(gz for _f, _r, gz, _ms in results["geojson"].values())
        first = first or worst_search
        print(
            f"{size:>7,} centres: search {worst_search:6.1f} ms, page {worst_page:6.1f} ms, "
            f"autocomplete {results['autocomplete_search']:5.1f} ms "
            f"(view {results['autocomplete_view']:5.1f} ms), "
            f"GeoJSON viewport max {worst_gz:5.1f} KiB gzipped, "
            f"growth x{worst_search / first:.2f}"
        )
    tmp.cleanup()


if __name__ == "__main__":
    main()
