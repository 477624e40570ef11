"""Site search benchmark (`make bench-search`): p95 of a whole search request
(Django test client: routing, the language's index, facets, ranking, snippets,
other languages, template) at 1,000 and then 10,000 pages per language (en,
fr, it, pt, hr), on a throwaway SQLite database in a temporary folder, or on
PostgreSQL when DATABASE_URL is set (a database it may fill).

    .venv/bin/python tests/perf/bench_search.py
    .venv/bin/python tests/perf/bench_search.py --sizes 500 2000 --runs 10
    DATABASE_URL=postgres://user:pw@host/db .venv/bin/python tests/perf/bench_search.py

Pages are created with treebeard paths computed in bulk (no revisions) and
indexed with the site search's own index (search.index). Goals: p95 <= 50 ms
for each query at 10,000 pages per language, growth from 1,000 <= 3x."""

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

BASE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE))

WORDS = {
    "en": [
        "career",
        "guidance",
        "partnership",
        "cooperation",
        "centre",
        "network",
        "training",
        "youth",
        "employment",
        "adult",
        "learning",
        "counsellor",
        "stakeholder",
        "school",
        "city",
        "region",
        "project",
        "quality",
        "service",
        "orientation",
        "skills",
        "future",
        "work",
        "europe",
        "mobility",
        "mentoring",
        "volunteer",
        "library",
        "museum",
        "workshop",
        "forum",
        "report",
        "survey",
    ],
    "fr": [
        "carrière",
        "orientation",
        "partenariat",
        "coopération",
        "centre",
        "réseau",
        "formation",
        "jeunesse",
        "emploi",
        "adulte",
        "apprentissage",
        "conseiller",
        "acteur",
        "école",
        "ville",
        "région",
        "projet",
        "qualité",
        "service",
        "compétences",
        "avenir",
        "travail",
        "europe",
        "mobilité",
        "tutorat",
        "bénévole",
        "bibliothèque",
        "musée",
        "atelier",
        "forum",
        "rapport",
        "enquête",
    ],
}
WORDS["it"] = [
    "carriera",
    "orientamento",
    "partenariato",
    "cooperazione",
    "centro",
    "rete",
    "formazione",
    "giovani",
    "lavoro",
    "adulto",
    "apprendimento",
    "consulente",
    "attore",
    "scuola",
    "città",
    "regione",
    "progetto",
    "qualità",
    "servizio",
    "competenze",
    "futuro",
    "europa",
    "mobilità",
    "tutoraggio",
    "volontario",
    "biblioteca",
    "museo",
    "laboratorio",
    "forum",
    "rapporto",
    "indagine",
]
WORDS["pt"] = [
    "carreira",
    "orientação",
    "parceria",
    "cooperação",
    "centro",
    "rede",
    "formação",
    "juventude",
    "emprego",
    "adulto",
    "aprendizagem",
    "conselheiro",
    "ator",
    "escola",
    "cidade",
    "região",
    "projeto",
    "qualidade",
    "serviço",
    "competências",
    "futuro",
    "europa",
    "mobilidade",
    "tutoria",
    "voluntário",
    "biblioteca",
    "museu",
    "oficina",
    "fórum",
    "relatório",
    "inquérito",
]
WORDS["hr"] = [
    "karijera",
    "usmjeravanje",
    "partnerstvo",
    "suradnja",
    "centar",
    "mreža",
    "osposobljavanje",
    "mladi",
    "zapošljavanje",
    "odrasli",
    "učenje",
    "savjetnik",
    "dionik",
    "škola",
    "grad",
    "regija",
    "projekt",
    "kvaliteta",
    "usluga",
    "vještine",
    "budućnost",
    "rad",
    "europa",
    "mobilnost",
    "mentorstvo",
    "volonter",
    "knjižnica",
    "muzej",
    "radionica",
    "forum",
    "izvještaj",
]
LANGUAGES = ["en", "fr", "it", "pt", "hr"]
# name -> query per language: one word, a common word (in most pages), a
# two-word phrase, a typo, then the old cases (no match, hostile, a facet).
QUERIES = {
    "one word": ["mentoring", "tutorat", "tutoraggio", "tutoria", "mentorstvo"],
    "common word (> half)": [
        "guidance",
        "orientation",
        "orientamento",
        "orientação",
        "usmjeravanje",
    ],
    "two-word phrase": [
        '"partnership training"',
        '"partenariat formation"',
        '"partenariato formazione"',
        '"parceria formação"',
        '"partnerstvo osposobljavanje"',
    ],
    "typo": ["partnersihp", "partenairat", "partenarato", "parcreia", "partnertsvo"],
    "rare word": ["zyxwordrare"] * 5,
    "no match": ["qwxzvbnm"] * 5,
    "hostile": ['"a"b * OR \'; DROP TABLE x; --'] * 5,
}
FACET = "&type=page&page=3"


def p95(samples):
    ordered = sorted(samples)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)] * 1000


def sentence(words, rng, count):
    return " ".join(rng.choices(words, k=count))


def bulk_children(parent, count, code, rng):
    """`count` live StandardPages under `parent`, paths computed in bulk, and
    their search entries written as publishing would."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    from home.models import StandardPage
    from search import index

    parent.refresh_from_db()
    ct = ContentType.objects.get_for_model(StandardPage)
    now = timezone.now()
    words = WORDS[code]
    start = parent.numchild
    pages = []
    for i in range(count):
        title = " ".join(rng.sample(words, 4)).capitalize() + f" {start + i}"
        if (start + i) % 1000 == 0:
            title += " zyxwordrare"
        slug = f"bench-{code}-{start + i}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, start + i + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                content_type=ct,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                first_published_at=now,
                last_published_at=now,
            )
        )
    pages = Page.objects.bulk_create(pages, batch_size=500)
    children = []
    for page in pages:
        paragraphs = "".join(
            f"<p>{sentence(words, rng, 25).capitalize()}.</p>" for _ in range(4)
        )
        children.append(
            StandardPage(
                page_ptr_id=page.pk,
                intro=f"<p>{sentence(words, rng, 12).capitalize()}.</p>",
                body=[{"type": "paragraph", "value": paragraphs}],
            )
        )
    fields = list(StandardPage._meta.local_concrete_fields)
    for i in range(0, len(children), 500):
        StandardPage._base_manager._insert(children[i : i + 500], fields=fields)
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    ids = [p.pk for p in pages]
    for i in range(0, len(ids), 1000):
        index.index_pages(list(Page.objects.filter(pk__in=ids[i : i + 1000])))


def setup_site(count, rng):
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from wagtail.models import Locale

    from demo.loader import Demo, ensure_page_root
    from home.models import HomePage

    demo = Demo()
    home = ensure_page_root(demo, HomePage, title="Keep In Pact", hero_title="Bench")
    parents = {"en": home}
    for code in LANGUAGES[1:]:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
            translated.save_revision().publish()
        parents[code] = translated
    for code, parent in parents.items():
        have = parent.get_children().count()
        if have < count:
            started = time.perf_counter()
            bulk_children(parent, count - have, code, rng)
            print(
                f"  built and indexed {count - have:,} {code} pages"
                f" in {time.perf_counter() - started:.1f} s",
                flush=True,
            )


def measure(client, runs):
    """{query name: worst p95 over the languages}, printing each row."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    worst = {}
    cases = [(name, qs, "") for name, qs in QUERIES.items()]
    cases.append(("facet: other pages, page 3", QUERIES["common word (> half)"], FACET))
    for name, queries, extra in cases:
        row = []
        for code, q in zip(LANGUAGES, queries, strict=True):
            url = f"/{code}/search/?q={quote(q)}{extra}"

            def hit(url=url):
                response = client.get(url)
                assert response.status_code == 200, response.status_code
                assert b"could not run this search" not in response.content

            hit()
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                hit()
                samples.append(time.perf_counter() - started)
            row.append(p95(samples))
        worst[name] = max(row)
        cells = "  ".join(f"{c} {v:6.1f}" for c, v in zip(LANGUAGES, row, strict=True))
        print(f"    {name:28} {cells}", flush=True)
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1_000, 10_000],
        help="pages per language, measured in turn (the first is the growth base)",
    )
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="bench-search-")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ.setdefault("MEDIA_ROOT", f"{tmp.name}/media")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    rng = random.Random(7)  # noqa: S311 (synthetic text)
    client = Client()
    print(
        f"Site search benchmark on {connection.vendor}: p95 of the whole request"
        f" in ms over {args.runs} runs, per language (goal <= 50 ms at 10,000)",
        flush=True,
    )
    results = {}
    for size in args.sizes:
        setup_site(size, rng)
        print(f"  {size:,} pages per language:", flush=True)
        results[size] = measure(client, args.runs)
    first, last = args.sizes[0], args.sizes[-1]
    print(f"  growth {first:,} -> {last:,} pages (goal <= 3x):")
    for name in results[last]:
        growth = results[last][name] / max(results[first][name], 0.001)
        print(
            f"    {name:28} {results[first][name]:6.1f} -> {results[last][name]:6.1f} ms  x{growth:.2f}"
        )
    worst = max(results[last].values())
    worst_growth = max(
        results[last][n] / max(results[first][n], 0.001) for n in results[last]
    )
    verdict = "OK" if worst <= 50 and worst_growth <= 3 else "OVER GOAL"
    print(f"worst p95 {worst:.1f} ms, worst growth x{worst_growth:.2f} ({verdict})")


if __name__ == "__main__":
    main()
