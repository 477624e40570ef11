"""The site search reads each language with its own analyser: word forms meet,
accents do not matter, pages about a topic rank above the sections that list
it, documents are listed under their language, snippets show what visitors
read, and the index follows every change of what is public."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection, transaction
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from home.models import StandardPage
from portal.pdf import simple_pdf
from search import analysis
from search.engines import PostgresIndex
from search.models import SearchEntry, ZeroResultSearch
from tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
on_the_demo = pytest.mark.usefixtures("demo_site")


@pytest.fixture(autouse=True)
def site_in_five_languages(request, home, translate_page):
    """A site open in every language (the demo already is)."""
    if "demo_site" not in request.fixturenames:
        for code in ("fr", "it", "pt", "hr"):
            translate_page(home, code)


def standard(parent, slug, title, intro="", **fields):
    page = StandardPage(slug=slug, title=title, intro=intro, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def search(client, lang, q, **params):
    response = client.get(f"/{lang}/search/", {"q": q, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [h.get_text(strip=True) for h in soup.select(".search__results h3")]


def snippets(soup):
    return [p.decode_contents() for p in soup.select(".search-result__snippet")]


def other_languages(soup):
    section = soup.select_one(".search__other")
    return section.get_text(" ", strip=True) if section else ""


def home_in(home, locales, code):
    return home if code == "en" else home.get_translation(locales[code])


# A page per language holding the word in one of its forms.
WRITTEN = [
    ("en", "Partnerships in lifelong guidance", "partnership", "partnerships"),
    ("en", "A virtual tour of the centre", "virtual tour", "virtual tours"),
    ("fr", "Les partenariats locaux d’orientation", "partenariat", "partenariats"),
    ("fr", "La formation des conseillers", "formation", "formations"),
    ("it", "Partenariati locali per l’orientamento", "partenariato", "partenariati"),
    ("pt", "Parcerias regionais de orientação", "parceria", "parcerias"),
    ("hr", "Partnerstva u cjeloživotnom usmjeravanju", "partnerstvo", "partnerstva"),
]


@pytest.mark.parametrize(("lang", "title", "singular", "plural"), WRITTEN)
def test_singular_and_plural_find_the_same_top_results(
    client, home, locales, lang, title, singular, plural
):
    standard(home_in(home, locales, lang), f"written-{lang}", title)
    top_singular = titles(search(client, lang, singular))[:5]
    top_plural = titles(search(client, lang, plural))[:5]
    assert title in top_singular, f"nothing found for {singular!r} in {lang}"
    assert top_singular == top_plural


@on_the_demo
@pytest.mark.parametrize(
    ("lang", "singular", "plural"),
    [
        ("en", "partnership", "partnerships"),
        ("en", "virtual tour", "virtual tours"),
        ("fr", "partenariat", "partenariats"),
        ("fr", "formation", "formations"),
    ],
)
def test_on_the_demo_singular_and_plural_rank_alike(client, lang, singular, plural):
    top_singular = titles(search(client, lang, singular))[:5]
    assert top_singular, f"nothing found for {singular!r} in {lang}"
    assert top_singular == titles(search(client, lang, plural))[:5]


def test_accentless_query_finds_accented_titles(client, home, locales):
    standard(home_in(home, locales, "fr"), "cdm", "La Cité des métiers de Paris")
    found = titles(search(client, "fr", "cite des metiers"))
    assert any("Cité des métiers" in t for t in found)
    standard(home_in(home, locales, "hr"), "zivot", "Cjeloživotno učenje u Đakovu")
    assert "Cjeloživotno učenje u Đakovu" in titles(search(client, "hr", "dakovu"))
    assert "Cjeloživotno učenje u Đakovu" in titles(
        search(client, "hr", "cjelozivotno ucenje")
    )


def test_a_page_about_a_topic_ranks_above_the_section_that_lists_it(client, home):
    index = NewsIndexPageFactory(
        parent=home, intro="<p>All our news on wombatology and more.</p>"
    )
    NewsPageFactory(parent=index, title="Wombatology in practice", intro="A report.")
    found = titles(search(client, "en", "wombatology"))
    assert found.index("Wombatology in practice") < found.index(index.title)


@on_the_demo
def test_on_the_demo_pages_about_partnership_come_before_the_sections(client):
    sections = {
        e.title
        for e in SearchEntry.objects.filter(language="en", boost__lt=1, kind="page")
    }
    top = titles(search(client, "en", "partnership"))[:5]
    assert top and not sections & set(top)


def make_document(title, lines, collection=None):
    Document = get_document_model()
    document = Document(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(
        f"{title[:20]}.pdf", ContentFile(simple_pdf(title, lines)), save=False
    )
    document.save()
    return document


FRENCH_LINES = [
    "Le guide des partenariats est un document pour les acteurs de l’orientation.",
    "Il présente les étapes de la coopération et les outils du projet dans le "
    "cadre des réseaux locaux, avec des exemples pour chaque étape.",
]


def test_a_french_document_is_offered_in_english_not_listed(client):
    make_document("Guide quetzalcoatl", FRENCH_LINES)
    assert SearchEntry.objects.get(title="Guide quetzalcoatl").language == "fr"
    english = search(client, "en", "quetzalcoatl")
    assert "Guide quetzalcoatl" not in titles(english)
    offered = english.select_one(".search__other")
    assert offered is not None and "Guide quetzalcoatl" in offered.get_text()
    assert offered.select_one('a[href="/fr/search/?q=quetzalcoatl"]') is not None
    assert "Guide quetzalcoatl" in titles(search(client, "fr", "quetzalcoatl"))


def test_an_editor_sets_a_documents_language(admin_client):
    document = make_document("Toolkit axolotl", ["Words axolotl and more words."])
    response = admin_client.get(f"/admin/documents/edit/{document.pk}/")
    assert 'name="language"' in response.content.decode()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "collection": document.collection_id,
            "tags": "",
            "language": "it",
        },
    )
    assert response.status_code == 302
    assert SearchEntry.objects.get(document=document).language == "it"


@on_the_demo
def test_snippets_show_the_text_without_block_labels(client):
    for entry in SearchEntry.objects.filter(page__isnull=False):
        assert not re.search(r"Heading [23]|\bh[23]\b", entry.body), entry.title
        # Paragraphs stay apart: "…lively.</p><p>Simple…" is two sentences.
        assert not re.search(r"[a-z]{3}\.[A-Z][a-z]{2}", entry.body), entry.title
        # Blocks without a template (a tour's scenes) give their text, never
        # their raw values, field names or scene keys.
        assert not re.search(
            r"StructValue|ListValue|\byaw\b|\bpitch\b|\bNone\b", entry.body
        ), entry.title
    tours = SearchEntry.objects.filter(page__url_path__contains="/virtual-tour")
    assert any("reception" in e.body.lower() for e in tours)
    assert not titles(search(client, "en", "yaw"))
    soup = search(client, "en", "partnerships")
    found = snippets(soup)
    assert found and all("Heading" not in s for s in found)
    # Stemmed forms are marked: "partnerships" marks "partnership".
    assert any("<mark>partnership</mark>" in s for s in found)


def test_snippets_are_cut_on_word_boundaries(client, home):
    words = [f"filler{i}" for i in range(60)]
    standard(
        home,
        "long-page",
        "A long page",
        intro="<p>" + " ".join(words) + " gnatcatcher " + " ".join(words) + "</p>",
    )
    soup = search(client, "en", "gnatcatcher")
    text = soup.select_one(".search-result__snippet").get_text()
    assert text.startswith("… ") and text.endswith(" …")
    pieces = text.strip("… ").split()
    assert all(p in words or p == "gnatcatcher" for p in pieces), pieces


def test_phrases_prefixes_and_one_typo(client, home):
    standard(home, "charter", "Partnership charter")
    standard(home, "lassi-a", "Mango lassi recipe")
    standard(home, "lassi-b", "Lassi with mango pieces")
    assert titles(search(client, "en", '"mango lassi"')) == ["Mango lassi recipe"]
    assert set(titles(search(client, "en", "mango lassi"))) == {
        "Mango lassi recipe",
        "Lassi with mango pieces",
    }
    standard(home, "wombat", "Wombatology today")
    assert "Wombatology today" in titles(search(client, "en", "wombatol"))
    # One typo in a word of five letters or more is forgiven, and said.
    soup = search(client, "en", "partnersihp")
    assert titles(soup) == titles(search(client, "en", "partnership"))
    assert "Including close spellings" in soup.get_text()
    # Not in shorter words, where one letter makes another word.
    standard(home, "okapi", "Okapi sighting")
    assert titles(search(client, "en", "okap")) == ["Okapi sighting"]  # prefix
    assert titles(search(client, "en", "okpi")) == []


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        '"unterminated phrase',
        '" "',
        'a"b"c"',
        '"NEAR(a b)" OR NOT -c*',
        "partner*",
        "^title: x",
        '\x00"x',
        '"' * 600,
        "x" * 600,
    ],
)
def test_hostile_quotes_and_syntax_answer_200_with_a_message(client, q):
    soup = search(client, "en", q)
    assert soup.select_one(".search__message, .search__summary") is not None
    assert "could not run" not in soup.get_text()


def test_the_index_follows_privacy_and_moves(client, home):
    page = standard(home, "capybara", "Capybara meeting")
    assert "Capybara meeting" in titles(search(client, "en", "capybara"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(search(client, "en", "capybara")) == []
    restriction.delete()
    assert "Capybara meeting" in titles(search(client, "en", "capybara"))
    # Moved under a private section: gone with it.
    section = standard(home, "members", "Members only")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    page.refresh_from_db()
    page.move(section, pos="last-child")
    assert titles(search(client, "en", "capybara")) == []
    # A document in a collection made private leaves the results.
    document = make_document("Capybara handbook", ["Capybara care, the basics."])
    assert "Capybara handbook" in titles(search(client, "en", "capybara"))
    private = Collection.get_first_root_node().add_child(name="Staff")
    document.collection = private
    document.save()
    assert "Capybara handbook" in titles(search(client, "en", "capybara"))
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert titles(search(client, "en", "capybara")) == []


def test_the_typo_dictionary_holds_public_words_only(client, home):
    page = standard(home, "secret", "Zorbulator plans")
    assert titles(search(client, "en", "zorbulatr")) == ["Zorbulator plans"]
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    soup = search(client, "en", "zorbulatr")
    assert titles(soup) == []
    assert "zorbulator" not in soup.get_text().lower()


def test_searches_without_results_are_reported_per_language(client, admin_client, home):
    standard(home, "charter", "Partnership charter")
    for _ in range(2):
        search(client, "fr", "xqzvbn introuvable")
    search(client, "en", "partnership")
    row = ZeroResultSearch.objects.get()
    assert (row.language, row.query_string, row.hits) == ("fr", "xqzvbn introuvable", 2)
    response = admin_client.get("/admin/reports/searches-without-results/")
    soup = BeautifulSoup(response.content, "html.parser")
    french = soup.select_one("#language-fr").find_next("table")
    assert "xqzvbn introuvable" in french.get_text()
    assert french.select("td")[1].get_text() == "2"
    assert soup.select_one("#language-en").find_next("p").get_text() == (
        "Every search found something."
    )
    assert client.get("/admin/reports/searches-without-results/").status_code == 302


@on_the_demo
def test_a_search_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    search(client, "en", "partnership")  # warm the chrome caches
    # Whatever the number of results: the typo dictionary (1), a count per
    # type found (up to 8), the ranking (up to 3), the result rows with their
    # pages (1), promotions (1), each other language (1, and its documents 1),
    # the documents' rows (1), the query log (4) and the savepoints around.
    with django_assert_max_num_queries(34):
        search(client, "en", "partnership")
    with django_assert_max_num_queries(36):
        search(client, "en", "partnersihp management")


def test_results_past_the_titled_ones_follow_them_in_rank(client, home):
    # Three pages hold the word in their title, twelve in their text only:
    # page 1 lists the three, then the best seven of the rest; page 2 the
    # last five; no page is listed twice or left out.
    for i in range(3):
        standard(home, f"ibis-title-{i}", f"Ibis walks {i}")
    for i in range(12):
        standard(home, f"ibis-text-{i}", f"Heron walks {i}", intro="An ibis was seen.")
    first = titles(search(client, "en", "ibis", type="page"))
    second = titles(search(client, "en", "ibis", type="page", page="2"))
    assert len(first) == 10 and len(second) == 5
    assert sorted(first[:3]) == [f"Ibis walks {i}" for i in range(3)]
    assert sorted(first[3:] + second) == sorted(f"Heron walks {i}" for i in range(12))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index only")
def test_postgresql_reads_each_language_through_its_own_index():
    # A language's GIN index holds its entries only and has no pending list
    # (every search would read it until a vacuum); "does French have any?"
    # must use it, not a scan filtered row by row.
    index = PostgresIndex()
    where, params = index._where("fr", analysis.parse("partenariat"), {})
    with transaction.atomic(), connection.cursor() as cursor:
        index.prepare()
        cursor.execute(
            f"EXPLAIN SELECT 1 FROM portal_search_searchentry WHERE {where} LIMIT 1",  # noqa: S608
            params,
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE indexname LIKE 'portal_search_entry_%%'"
        )
        indexes = dict(cursor.fetchall())
    assert "portal_search_entry_vector_fr" in plan
    assert len(indexes) == 10
    for definition in indexes.values():
        assert "fastupdate=off" in definition and "WHERE" in definition
