"""Case studies: combinable filters, bad filter input, the summary report,
the framework page's links, and query counts flat from 10 to 1,000 studies."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guide.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    Competence,
    CompetenceFrameworkPage,
    CourseLink,
    ProjectOutputsPage,
    Theme,
    TrainingModule,
)
from home.models import HomePage
from tests.factories import (
    CaseStudyPageFactory,
    HomePageFactory,
    PartnerFactory,
    localized,
    resource_with_files,
)

THEMES = [  # slug, English, French
    ("networking", "Networking between partners", "Mise en réseau des partenaires"),
    ("one-stop-shop", "One-stop shops", "Guichets uniques"),
    ("peer-learning", "Peer learning", "Apprentissage entre pairs"),
]
COMPETENCES = [  # slug, English, French, its training module
    (
        "developing-partnerships",
        "Developing and formalising new partnerships",
        "Développer et formaliser de nouveaux partenariats",
        "A",
    ),
    (
        "stimulating-links",
        "Stimulating links between partners",
        "Stimuler les liens entre partenaires",
        "B",
    ),
    (
        "leading-the-partnership",
        "Coordinating, managing and leading the partnership",
        "Coordonner, gérer et piloter le partenariat",
        "C",
    ),
]
CASE_STUDIES = [  # English title, French title and slug, country, themes, competences
    (
        "A one-stop shop open without appointment in Brussels",
        ("Un guichet unique sans rendez-vous à Bruxelles", "guichet-unique-bruxelles"),
        "BE",
        ["one-stop-shop"],
        ["developing-partnerships"],
    ),
    (
        "One-stop shops for lifelong career guidance in Croatia",
        ("Des guichets uniques d’orientation en Croatie", "guichets-uniques-croatie"),
        "HR",
        ["one-stop-shop", "networking"],
        ["leading-the-partnership"],
    ),
    (
        "A community of practitioners working as a human bookstore",
        (
            "Une communauté de praticiens en bibliothèque vivante",
            "bibliotheque-vivante",
        ),
        "FR",
        ["peer-learning"],
        ["stimulating-links"],
    ),
    (
        "Gamified speed networking between partners in Porto",
        (
            "Un speed networking ludique entre partenaires à Porto",
            "speed-networking-ludique-porto",
        ),
        "PT",
        ["networking"],
        ["stimulating-links"],
    ),
    (
        "A pilot training for partnership officers in Paris",
        ("Une formation pilote à Paris", "formation-pilote-paris"),
        "FR",
        ["peer-learning"],
        ["developing-partnerships"],
    ),
]


def published(instance):
    instance.save()
    instance.save_revision().publish()
    return instance


@pytest.fixture(scope="module", autouse=True)
def case_studies_site(module_data):
    """A site in English and French with three themes, three competences with
    their training modules, five case studies, the case-study index with its
    summary report, the competence framework and the outputs page, built once
    for this module."""
    home = HomePageFactory.as_site_root()
    localized(home, "fr")
    porto = PartnerFactory(short_name="CDM Porto", name="Cité des métiers of Porto")
    localized(porto, "fr", {porto.name: "Cité des métiers de Porto"})
    themes = {}
    for slug, name, french in THEMES:
        themes[slug] = published(Theme(slug=slug, name=name))
        localized(themes[slug], "fr", {name: french})
    competences = {}
    for number, (slug, name, french, code) in enumerate(COMPETENCES, start=1):
        competence = published(
            Competence(number=number, slug=slug, name=name, summary=f"{name}.")
        )
        localized(competence, "fr", {name: french})
        module = published(
            TrainingModule(
                code=code,
                title=name,
                competence=competence,
                learning_outcomes=f"<p>{name}.</p>",
                duration_hours=6,
            )
        )
        localized(module, "fr", {name: french})
        competences[slug] = competence
    report = resource_with_files("Case studies: summary report", ["en", "fr"])
    localized(report, "fr", {report.title: "Études de cas : rapport de synthèse"})
    index = CaseStudyIndexPage(title="Case studies", slug="case-studies")
    index.summary_report = report
    home.add_child(instance=index)
    index.save_revision().publish()
    localized(
        index, "fr", {"Case studies": "Études de cas", "case-studies": "etudes-de-cas"}
    )
    for title, (
        french,
        french_slug,
    ), country, theme_slugs, competence_slugs in CASE_STUDIES:
        study = CaseStudyPageFactory(
            parent=index,
            title=title,
            country=country,
            themes=[themes[slug] for slug in theme_slugs],
            competences=[competences[slug] for slug in competence_slugs],
            partners=[porto] if country == "PT" else [],
        )
        localized(study, "fr", {title: french, study.slug: french_slug})
    framework = CompetenceFrameworkPage(title="Competences", slug="competences")
    home.add_child(instance=framework)
    framework.save_revision().publish()
    localized(framework, "fr", {"competences": "competences"})
    outputs = ProjectOutputsPage(title="Project outputs", slug="outputs")
    home.add_child(instance=outputs)
    outputs.save_revision().publish()
    localized(outputs, "fr", {"outputs": "realisations"})
    return home


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def result_titles(html):
    cards = re.findall(r'<li class="card">\s*<h3><a href="[^"]+">([^<]+)</a>', html)
    return {title.replace("&#x27;", "'") for title in cards}


@pytest.mark.django_db
def test_filters_combine(client):
    url = CaseStudyIndexPage.objects.get(locale__language_code="en").url
    one_stop = result_titles(html_of(client, url + "?theme=one-stop-shop"))
    assert one_stop == {
        "A one-stop shop open without appointment in Brussels",
        "One-stop shops for lifelong career guidance in Croatia",
    }
    both = result_titles(html_of(client, url + "?theme=one-stop-shop&country=HR"))
    assert both == {"One-stop shops for lifelong career guidance in Croatia"}
    three = result_titles(
        html_of(
            client,
            url + "?country=FR&theme=peer-learning&competence=stimulating-links",
        )
    )
    assert three == {"A community of practitioners working as a human bookstore"}
    none = html_of(client, url + "?country=PT&theme=one-stop-shop")
    assert result_titles(none) == set()
    assert "No case study matches these filters." in none


@pytest.mark.django_db
def test_filter_links_keep_the_other_filters(client):
    url = CaseStudyIndexPage.objects.get(locale__language_code="en").url
    html = html_of(client, url + "?country=FR")
    assert 'href="?country=FR&amp;theme=peer-learning"' in html
    assert 'href="?country=FR&amp;competence=stimulating-links"' in html
    assert re.search(r'href="\?country=FR" aria-current="true"', html)
    # every option link answers with a page
    for href in set(re.findall(r'href="(\?[^"]*)"', html)):
        assert client.get(url + href.replace("&amp;", "&")).status_code == 200


@pytest.mark.django_db
def test_filters_offer_only_what_finds_case_studies(client):
    url = CaseStudyIndexPage.objects.get(locale__language_code="en").url
    html = html_of(client, url + "?country=FR")
    filters = html.split('class="case-filters"')[1].split("</nav>")[0]
    offered = set(re.findall(r'href="\?([^"]*)"', filters))
    # French case studies: peer learning; stimulating links, developing partnerships
    assert offered == {
        "country=FR",
        "",  # all countries
        "country=BE",
        "country=HR",
        "country=PT",
        "country=FR&amp;theme=peer-learning",
        "country=FR&amp;competence=stimulating-links",
        "country=FR&amp;competence=developing-partnerships",
    }
    # Every option finds at least one case study.
    for href in offered - {""}:
        page = html_of(client, url + "?" + href.replace("&amp;", "&"))
        assert result_titles(page), href
    # A combination that finds nothing, asked for directly, stays chosen.
    html = html_of(client, url + "?country=PT&theme=one-stop-shop")
    assert re.search(
        r'href="\?country=PT&amp;theme=one-stop-shop" aria-current="true"', html
    )


@pytest.mark.django_db
def test_filters_work_in_french_with_the_same_slugs(client):
    url = CaseStudyIndexPage.objects.get(locale__language_code="fr").url
    html = html_of(client, url + "?theme=networking&country=PT")
    assert result_titles(html) == {
        "Un speed networking ludique entre partenaires à Porto"
    }
    assert "Mise en réseau des partenaires" in html  # the theme, in French
    assert "Portugal" in html
    assert '<a href="?theme=networking">Tous les pays</a>' in html
    assert '<a href="?country=PT">Tous les thèmes</a>' in html
    assert 'aria-current="true">Toutes les compétences</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?country=ZZ",
        "?theme=%3Cscript%3Ealert(1)%3C/script%3E",
        "?competence=nope&theme=networking",
        "?page=abc",
        "?page=999",
        "?page=-1&country=" + "x" * 500,
        "?country=%00",
    ],
)
def test_bad_filter_input_gets_a_message_not_an_error(client, query):
    url = CaseStudyIndexPage.objects.get(locale__language_code="en").url
    response = client.get(url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<p class="notice" role="status">' in html
    assert "<script>alert" not in html


@pytest.mark.django_db
def test_a_valid_filter_is_kept_when_another_is_wrong(client):
    url = CaseStudyIndexPage.objects.get(locale__language_code="en").url
    html = html_of(client, url + "?theme=networking&competence=nope")
    assert "There is no competence" in html
    assert result_titles(html) == {
        "Gamified speed networking between partners in Porto",
        "One-stop shops for lifelong career guidance in Croatia",
    }


@pytest.mark.django_db
def test_index_offers_the_summary_report(client):
    html = html_of(
        client, CaseStudyIndexPage.objects.get(locale__language_code="fr").url
    )
    assert "Études de cas : rapport de synthèse" in html
    assert re.search(r'href="/fr/download/resource/[0-9a-f-]+/fr/"', html)


@pytest.mark.django_db
def test_case_study_shows_country_organisations_themes_competences(client):
    page = CaseStudyPage.objects.get(
        locale__language_code="fr", slug="speed-networking-ludique-porto"
    )
    html = html_of(client, page.url)
    assert "Portugal" in html
    assert "Cité des métiers de Porto" in html  # the partner, in French
    assert "Mise en réseau des partenaires" in html
    assert "Stimuler les liens entre partenaires" in html
    assert "Enseignements clés" in html  # the heading, in French
    assert "Sample content" not in html and "Contenu d’exemple" not in html
    for href in re.findall(r'href="(/fr/[^"]+)"', html):
        assert client.get(href).status_code in (200, 302), href


@pytest.mark.django_db
def test_framework_links_each_competence_to_modules_and_case_studies(client):
    page = CompetenceFrameworkPage.objects.get(locale__language_code="en")
    html = html_of(client, page.url)
    competences = Competence.objects.filter(locale__language_code="en")
    assert competences.count() == len(COMPETENCES)
    for competence in competences:
        section = re.search(
            rf'<section class="competence" id="{competence.anchor}".*?</section>',
            html,
            re.S,
        ).group(0)
        assert "#module-" in section
    paris = re.search(
        r'id="competence-developing-partnerships".*?</section>', html, re.S
    ).group(0)
    assert "A pilot training for partnership officers in Paris" in paris
    assert "Developing and formalising new partnerships" in html  # module A
    assert "Coordinating, managing and leading the partnership" in html  # module C
    assert "Anyone can create an account" in html
    # No module has a course address: no module offers a course button, and
    # the flag on sample entries stays in the admin.
    assert 'class="button"' not in html.split('id="programme-title"')[1]
    assert 'class="sample-notice"' not in html


@pytest.mark.django_db
def test_framework_in_french_links_french_courses(client):
    # Module A in every language gets its courses (the links are synchronised
    # from the source when it is translated).
    for module in TrainingModule.objects.filter(code="A"):
        for language in ("en", "fr"):
            CourseLink.objects.create(
                module=module,
                language=language,
                url=f"https://moodle.keepinpact.test/course/view.php?id=1&lang={language}",
            )
    html = html_of(
        client, CompetenceFrameworkPage.objects.get(locale__language_code="fr").url
    )
    assert "Développer et formaliser de nouveaux partenariats" in html
    assert html.count("lang=fr") == 1  # module A only: the others have no course
    assert "lang=en" not in html
    programme = html.split('id="programme-title"')[1]
    assert programme.count('class="button"') == 1


# --- Query counts flat from 10 to 1,000 case studies ---------------------------


@pytest.fixture(scope="module")
def big_index(django_db_setup, django_db_blocker):
    """A case-study index filled with 10 case studies, and a function that
    grows it to 1,000; everything is deleted afterwards."""
    with django_db_blocker.unblock():
        home = HomePage.objects.get(locale__language_code="en")
        index = home.add_child(
            instance=CaseStudyIndexPage(title="Many case studies", slug="many-cases")
        )
        index.save_revision().publish()
        themes = list(Theme.objects.filter(locale__language_code="en")[:2])
        competences = list(Competence.objects.filter(locale__language_code="en")[:2])

        def grow(total):
            current = CaseStudyPage.objects.child_of(index).count()
            parent = CaseStudyIndexPage.objects.get(pk=index.pk)
            for number in range(current, total):
                page = CaseStudyPage(
                    title=f"Case {number}",
                    slug=f"case-{number}",
                    summary="A generated case study.",
                    key_lessons="<p>Lesson</p>",
                    country="FR" if number % 2 else "PT",
                    themes=themes,
                    competences=competences,
                    live=True,
                )
                parent.add_child(instance=page)

        grow(10)
        yield index, grow
        CaseStudyIndexPage.objects.get(pk=index.pk).delete()


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_case_study_index_queries_flat_from_10_to_1000(
    client, big_index, django_db_blocker
):
    index, grow = big_index
    url = index.url
    filtered = url + "?country=FR&theme=" + Theme.objects.first().slug
    small = count_queries(client, url), count_queries(client, filtered)
    with django_db_blocker.unblock():
        grow(1000)
    assert CaseStudyPage.objects.child_of(index).count() == 1000
    from django.core.cache import cache

    cache.clear()
    large = count_queries(client, url), count_queries(client, filtered)
    assert small == large
    assert large[0] <= 10, large  # the listing budget
    html = html_of(client, url + "?page=2")
    assert html.count('<li class="card">') == 12


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/fr/etudes-de-cas/speed-networking-ludique-porto/", 12),
        ("/en/competences/", 12),
        ("/fr/realisations/", 12),
        ("/fr/etudes-de-cas/", 10),
        ("/fr/etudes-de-cas/?country=FR&theme=peer-learning&page=1", 10),
    ],
)
def test_pages_stay_within_the_query_budget(client, url, budget):
    assert count_queries(client, url) <= budget


@pytest.mark.django_db
def test_a_preview_shows_the_partners_and_themes_chosen_in_the_form():
    from home.models import Partner

    page = CaseStudyPage.objects.get(
        locale__language_code="fr", slug="speed-networking-ludique-porto"
    )
    draft = page.get_latest_revision_as_object()
    draft.partners = []  # the editor removed the partner, added a theme
    draft.themes = list(Theme.objects.filter(slug="networking"))
    html = draft.make_preview_request().content.decode()
    assert "Cité des métiers de Porto" not in html
    assert "Mise en réseau des partenaires" in html
    draft.partners = list(Partner.objects.filter(locale__language_code="en"))
    html = draft.make_preview_request().content.decode()
    assert "Cité des métiers de Porto" in html  # the partner, in French


@pytest.mark.django_db
def test_relations_held_in_memory_are_those_modelcluster_answers_from_memory():
    from modelcluster.queryset import FakeQuerySet

    names = ("themes", "competences", "partners", "centres")

    def from_memory(page):
        return {
            name: isinstance(getattr(page, name).all(), FakeQuerySet) for name in names
        }

    page = CaseStudyPage.objects.get(
        locale__language_code="fr", slug="speed-networking-ludique-porto"
    )
    assert from_memory(page) == dict.fromkeys(names, False)
    assert not page.relations_in_memory(*names)
    draft = page.get_latest_revision_as_object()
    for name, held in from_memory(draft).items():
        assert draft.relations_in_memory(name) == held
    edited = CaseStudyPage.objects.get(pk=page.pk)
    edited.themes = []  # as a form sets it
    assert from_memory(edited)["themes"] and edited.relations_in_memory("themes")
    assert not from_memory(edited)["partners"]
    assert not edited.relations_in_memory("partners", "centres")
    assert CaseStudyPage(title="Unsaved").relations_in_memory("centres")


# --- The centres involved --------------------------------------------------------


def centre_links(html):
    """(href, name) of the organisations involved that link to this site."""
    start = html.index("case-study__facts")
    involved = html[start : html.index("</ul>", start)]
    return re.findall(r'<li><a href="(/[^"]+)">([^<]+)</a></li>', involved)


@pytest.mark.django_db
def test_the_centres_involved_link_to_live_public_centres_in_the_visitors_language(
    client,
):
    from wagtail.models import PageViewRestriction

    from directory.models import CentrePage
    from guide.models import CaseStudyCentre
    from tests.factories import DirectoryPageFactory

    home = HomePage.objects.get(locale__language_code="en")
    directory = DirectoryPageFactory(parent=home, slug="centres")
    localized(directory, "fr", {directory.title: "Annuaire", "centres": "centres"})
    centres = {}
    for title in ("Cité des métiers de Lyon", "Espace Nantes", "Closed centre"):
        centre = CentrePage(
            title=title,
            country="FR",
            city=title.split()[-1],
            latitude=45.7,
            longitude=4.8,
            centre_type="guidance_centre",
        )
        directory.add_child(instance=centre)
        centre.save_revision().publish()
        centres[title] = centre
    lyon = centres["Cité des métiers de Lyon"]
    lyon_fr = localized(lyon, "fr", {lyon.title: "Cité des métiers (Lyon)"})
    english = CaseStudyPage.objects.get(
        locale__language_code="en", slug__startswith="a-one-stop-shop"
    )
    french = CaseStudyPage.objects.get(
        translation_key=english.translation_key, locale__language_code="fr"
    )
    for study in (english, french):
        # The editor's order; a French page may link the English centre.
        study.centres = [
            CaseStudyCentre(centre=centres["Espace Nantes"], sort_order=0),
            CaseStudyCentre(centre=lyon, sort_order=1),
            CaseStudyCentre(centre=centres["Closed centre"], sort_order=2),
        ]
        study.save_revision().publish()

    def links(page):
        return centre_links(html_of(client, page.url))

    assert links(english) == [
        (centres["Espace Nantes"].url, "Espace Nantes"),
        (lyon.url, "Cité des métiers de Lyon"),
        (centres["Closed centre"].url, "Closed centre"),
    ]
    # In French where translated, in English where not yet.
    assert links(french) == [
        (centres["Espace Nantes"].url, "Espace Nantes"),
        (lyon_fr.url, "Cité des métiers (Lyon)"),
        (centres["Closed centre"].url, "Closed centre"),
    ]
    for url, _title in links(french):
        assert client.get(url).status_code == 200, url
    # Unpublished, or restricted to some visitors: gone on the next request.
    centres["Closed centre"].unpublish()
    PageViewRestriction.objects.create(
        page=centres["Espace Nantes"], restriction_type="password", password="x"
    )
    assert links(english) == [(lyon.url, "Cité des métiers de Lyon")]
    assert links(french) == [(lyon_fr.url, "Cité des métiers (Lyon)")]
    # A preview shows the centres ticked in the form, in the page's language.
    draft = french.get_latest_revision_as_object()
    draft.centres = [CaseStudyCentre(centre=lyon)]
    preview = draft.make_preview_request().content.decode()
    assert centre_links(preview) == [(lyon_fr.url, "Cité des métiers (Lyon)")]
