"""The Guide for cooperation: chapter order, tables of contents, previous/next
links that stay within one guide and language, the printable full guide."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Locale, Page

from guide.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    Competence,
    CompetenceFrameworkPage,
    GuideChapterPage,
    GuidePage,
    ProjectOutputsPage,
)
from home.models import HomePage
from tests.factories import (
    CaseStudyPageFactory,
    HomePageFactory,
    localized,
    resource_with_files,
)

EN_CHAPTERS = [
    "Context of multi-stakeholder partnership in lifelong career guidance",
    "What multi-partner cooperation can bring to the European challenges",
    "A practical case of one-stop-shop centre: the Cité des métiers model",
    "The major skills and actions for driving a multi-stakeholder partnership",
]
FR_CHAPTERS = [
    "Le contexte du partenariat multi-acteurs",
    "Ce que la coopération multi-partenariale peut apporter",
    "Un cas pratique de guichet unique",
    "Les compétences et actions majeures",
]


CHAPTER_SLUGS = [  # English, French
    ("context", "contexte"),
    ("european-challenges", "defis-europeens"),
    ("cite-des-metiers-model", "modele-cite-des-metiers"),
    ("skills-and-actions", "competences-et-actions"),
]
HEADINGS = {  # each chapter's four headings, in English and French
    "Who guides whom": "Qui oriente qui",
    "The partners": "Les partenaires",
    "Working together": "Travailler ensemble",
    "What to keep in mind": "Ce qu’il faut retenir",
}


def chapter(parent, title, slug):
    body = []
    for heading in HEADINGS:
        body.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        body.append({"type": "paragraph", "value": f"<p>{title}: {heading}.</p>"})
    page = GuideChapterPage(
        title=title, slug=slug, summary=f"What “{title}” covers.", body=body
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def in_french(page, title, slug):
    """`page` translated into French through wagtail-localize, every string."""
    strings = {
        page.title: title,
        page.slug: slug,
        f"What “{page.title}” covers.": f"Ce que couvre « {title} ».",
        **HEADINGS,
    }
    for heading, french in HEADINGS.items():
        strings[f"{page.title}: {heading}."] = f"{title} : {french}."
    return localized(page, "fr", strings)


@pytest.fixture(scope="module", autouse=True)
def guide_site(module_data):
    """A site open in five languages with the guide (four chapters and a
    section in English and French, the first chapter in every language), its
    PDF edition, the competence framework and a case study, built once for
    this module."""
    home = HomePageFactory.as_site_root()
    edition = resource_with_files("Guide for cooperation (PDF edition)", ["en", "fr"])
    localized(
        edition,
        "fr",
        {edition.title: "Guide pour la coopération (édition PDF)"},
    )
    guide = GuidePage(
        title="Guide for cooperation", slug="guide", intro="How to cooperate."
    )
    guide.edition = edition
    home.add_child(instance=guide)
    guide.save_revision().publish()
    chapters = [
        chapter(guide, title, slug)
        for title, (slug, _fr) in zip(EN_CHAPTERS, CHAPTER_SLUGS, strict=True)
    ]
    section = chapter(chapters[3], "Leading the partnership day to day", "day-to-day")
    for code, title in [("it", "Guida"), ("pt", "Guia"), ("hr", "Vodič za suradnju")]:
        localized(home, code)
        localized(guide, code, {"Guide for cooperation": title})
        localized(chapters[0], code)
    localized(home, "fr")
    localized(guide, "fr", {"Guide for cooperation": "Guide pour la coopération"})
    for page, title, (_en, slug) in zip(
        chapters, FR_CHAPTERS, CHAPTER_SLUGS, strict=True
    ):
        in_french(page, title, slug)
    in_french(section, "Piloter le partenariat au quotidien", "au-quotidien")

    competence = Competence.objects.create(
        number=1,
        name="Developing partnerships",
        slug="developing-partnerships",
        summary="Finds partners and formalises the partnership.",
    )
    competence.save_revision().publish()
    framework = CompetenceFrameworkPage(title="Competence framework", slug="framework")
    home.add_child(instance=framework)
    framework.save_revision().publish()
    index = CaseStudyIndexPage(title="Case studies", slug="case-studies")
    home.add_child(instance=index)
    index.save_revision().publish()
    CaseStudyPageFactory(
        parent=index,
        title="Pilot training in Paris",
        slug="pilot-training-paris",
        competences=[competence],
    )
    return home


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def positions(html, needles):
    return [html.find(needle) for needle in needles]


def guide_in(code):
    return GuidePage.objects.get(locale__language_code=code, slug="guide")


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "titles"), [("en", EN_CHAPTERS), ("fr", FR_CHAPTERS)])
def test_the_guide_lists_its_four_chapters_in_order(client, code, titles):
    html = html_of(client, guide_in(code).url)
    found = positions(html, titles)
    assert -1 not in found, found
    assert found == sorted(found)
    for number in "1234":
        assert f'<span class="guide__number">{number}.</span>' in html


@pytest.mark.django_db
def test_reordering_the_chapters_renumbers_them(client):
    guide = guide_in("en")
    chapters = list(GuideChapterPage.objects.child_of(guide).order_by("path"))
    chapters[3].move(chapters[0], pos="left")
    html = html_of(client, guide.url)
    found = positions(html, [EN_CHAPTERS[3], EN_CHAPTERS[0]])
    assert found == sorted(found)
    moved = GuideChapterPage.objects.get(pk=chapters[3].pk)
    assert "Chapter 1" in html_of(client, moved.url)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "fr", "it", "pt", "hr"])
def test_table_of_contents_anchors_point_at_headings_of_the_chapter(client, code):
    source = GuideChapterPage.objects.get(locale__language_code="en", slug="context")
    chapter = source.get_translation(Locale.objects.get(language_code=code))
    html = html_of(client, chapter.url)
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert len(anchors) == 4
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids are unique"
    for anchor in anchors:
        assert re.search(rf'<h[2-4] id="{re.escape(anchor)}">', html), anchor


@pytest.mark.django_db
def test_duplicate_headings_get_distinct_anchors():
    chapter = GuideChapterPage(
        title="x",
        summary="x",
        body=[
            {"type": "heading", "value": {"text": "Tools", "level": "h2"}},
            {"type": "heading", "value": {"text": "Tools", "level": "h2"}},
            {"type": "heading", "value": {"text": "¿?", "level": "h3"}},
        ],
    )
    assert [h["anchor"] for h in chapter.headings()] == ["tools", "tools-2", "section"]


def pager_links(html):
    pager = re.search(r'<nav class="pager.*?</nav>', html, re.S)
    if pager is None:
        return {}
    return {
        rel: href
        for href, rel in re.findall(r'href="([^"]+)" rel="(prev|next)"', pager.group(0))
    }


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "fr", "it"])
def test_previous_and_next_follow_the_reading_order_within_the_language(client, code):
    guide = guide_in(code)
    reading = guide.reading_order()
    urls = [chapter.url for chapter in reading]
    for index, chapter in enumerate(reading):
        links = pager_links(html_of(client, chapter.url))
        expected_prev = urls[index - 1] if index else None
        expected_next = urls[index + 1] if index + 1 < len(urls) else None
        assert links.get("prev") == expected_prev, chapter.url
        assert links.get("next") == expected_next, chapter.url
        for href in links.values():
            assert href.startswith(f"/{code}/guide/")
            assert client.get(href).status_code == 200
    if code == "it":  # only chapter 1 is translated: no neighbour at all
        assert len(reading) == 1


@pytest.mark.django_db
def test_previous_and_next_never_cross_into_another_guide(client):
    home = HomePage.objects.get(locale__language_code="en")
    other = home.add_child(
        instance=GuidePage(title="Another guide", slug="other-guide")
    )
    other.save_revision().publish()
    first = other.add_child(
        instance=GuideChapterPage(title="Other first", slug="o1", summary="s", body=[])
    )
    first.save_revision().publish()
    guide = guide_in("en")
    last = guide.reading_order()[-1]
    assert "next" not in pager_links(html_of(client, last.url))
    links = pager_links(html_of(client, first.url))
    assert links == {}


@pytest.mark.django_db
def test_sections_nest_one_level_and_are_numbered(client):
    chapter = GuideChapterPage.objects.get(
        locale__language_code="en", slug="skills-and-actions"
    )
    section = chapter.get_children().specific().get()
    html = html_of(client, section.url)
    assert '<span class="guide__number">4.1</span>' in html
    assert html_of(client, chapter.url).count(section.url) >= 2  # toc and next
    assert GuideChapterPage.can_create_at(chapter)
    assert not GuideChapterPage.can_create_at(section)
    assert GuideChapterPage.can_create_at(chapter.get_parent())
    first = GuideChapterPage.objects.get(locale__language_code="en", slug="context")
    assert first.can_move_to(chapter)  # a chapter without sections may nest
    assert not chapter.can_move_to(first)  # one holding sections may not


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "fr"])
def test_full_guide_holds_every_chapter_once_in_order(client, code):
    guide = guide_in(code)
    html = html_of(client, guide.url + "all/")
    reading = guide.reading_order()
    assert len(reading) == 5  # four chapters and one section
    found = []
    for chapter in reading:
        assert html.count(f'id="{chapter.slug}-title"') == 1
        found.append(html.find(f'id="{chapter.slug}-title"'))
        assert html.count(escape(chapter.summary)) == 1
    assert found == sorted(found)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert html.count('<section class="guide-chapter') == len(reading)
    with open("static/css/guide.css") as stylesheet:
        assert "@media print" in stylesheet.read()
    assert "css/guide.css" in html


@pytest.mark.django_db
def test_guide_page_links_to_the_full_guide_and_the_pdf_edition(client):
    html = html_of(client, guide_in("fr").url)
    assert 'href="/fr/guide/all/"' in html
    assert "Guide pour la coopération (édition PDF)" in html
    assert "/download/resource/" in html


@pytest.mark.django_db
def test_private_chapters_stay_out_of_the_reading_order(client):
    from wagtail.models import PageViewRestriction

    guide = guide_in("en")
    chapter = guide.reading_order()[1]
    PageViewRestriction.objects.create(
        page=chapter, restriction_type=PageViewRestriction.LOGIN
    )
    html = html_of(client, guide.url + "all/")
    assert escape(chapter.summary) not in html


# Plain tests, not a Django TestCase class: such a class closes the database
# connection when it ends, and with it the transaction holding this module's
# site on PostgreSQL.
def test_where_guide_pages_live():
    assert HomePage in GuidePage.allowed_parent_page_models()
    assert set(GuidePage.allowed_subpage_models()) == {GuideChapterPage}
    assert set(GuideChapterPage.allowed_parent_page_models()) == {
        GuidePage,
        GuideChapterPage,
    }
    assert set(CaseStudyIndexPage.allowed_subpage_models()) == {CaseStudyPage}
    for model in (CaseStudyPage, CompetenceFrameworkPage, ProjectOutputsPage):
        assert model.allowed_subpage_models() == []
    for model in (
        GuidePage,
        CaseStudyIndexPage,
        CompetenceFrameworkPage,
        ProjectOutputsPage,
    ):
        assert model.max_count_per_parent == 1


@pytest.mark.django_db
def test_one_guide_per_language():
    home = HomePage.objects.get(locale__language_code="fr")
    assert not GuidePage.can_create_at(home)


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_guide_pages_stay_within_the_query_budget(client):
    chapter = GuideChapterPage.objects.get(locale__language_code="fr", slug="contexte")
    assert queries_for(client, chapter.url) <= 12
    assert queries_for(client, guide_in("fr").url) <= 12
    assert queries_for(client, guide_in("fr").url + "all/") <= 12


@pytest.mark.django_db
def test_chapter_json_ld_names_its_guide(client):
    import json

    chapter = GuideChapterPage.objects.get(locale__language_code="fr", slug="contexte")
    html = html_of(client, chapter.url)
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    data = []
    for block in blocks:
        loaded = json.loads(block)
        data.extend(loaded if isinstance(loaded, list) else [loaded])
    chapter_data = next(d for d in data if d.get("@type") == "Chapter")
    assert chapter_data["isPartOf"]["name"] == "Guide pour la coopération"
    assert Locale.objects.filter(language_code="fr").exists()
    assert Page.objects.filter(pk=chapter.pk).exists()


@pytest.mark.django_db
def test_cached_chapters_and_framework_refresh_when_a_neighbour_changes(client):
    from django.test import override_settings

    from guide.models import CaseStudyPage

    with override_settings(PORTAL_PAGE_CACHE_TIMEOUT=300):
        guide = guide_in("en")
        first, second = guide.reading_order()[:2]
        client.get(first.url)
        assert client.get(first.url)["X-Page-Cache"] == "hit"
        second = GuideChapterPage.objects.get(pk=second.pk)
        second.title = "A renamed second chapter"
        second.save_revision().publish()
        assert "A renamed second chapter" in html_of(client, first.url)

        framework = CompetenceFrameworkPage.objects.get(locale__language_code="en")
        client.get(framework.url)
        case_study = CaseStudyPage.objects.get(
            locale__language_code="en", slug="pilot-training-paris"
        )
        case_study.title = "A renamed pilot training"
        case_study.save_revision().publish()
        assert "A renamed pilot training" in html_of(client, framework.url)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "title"), [("en", "Guide for cooperation"), ("hr", "Vodič za suradnju")]
)
def test_home_page_points_to_the_guide_in_its_language(client, code, title):
    html = html_of(client, f"/{code}/")
    assert title in html
    assert f'href="/{code}/guide/"' in html
