"""Resources: the visitor's language first with English as fallback, licence,
format and size; download counting that increments and stores nothing
personal; counts shown to editors."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection

from guide.models import (
    DownloadCount,
    GuidePage,
    ProjectOutputsPage,
    Resource,
)
from guide.models.resources import order_files
from tests.factories import HomePageFactory, localized, resource_with_files

RESOURCES = {  # key: English title, French title, languages of its files
    "edition": (
        "Guide for cooperation (PDF edition)",
        "Guide pour la coopération (édition PDF)",
        ["en", "fr"],
    ),
    "summary": (
        "Case studies: summary report",
        "Études de cas : rapport de synthèse",
        ["en", "fr"],
    ),
    "analysis": (
        "Analysis of stakeholder cooperation in lifelong guidance",
        "Analyse de la coopération entre acteurs de l’orientation",
        ["en"],
    ),
    "toolkit": (
        "Toolkit for mutual learning and training activities",
        "Boîte à outils pour l’apprentissage mutuel et la formation",
        ["en", "fr", "it"],
    ),
    "community": (
        "European community of practitioners: activity report",
        "Communauté européenne de praticiens : rapport d’activité",
        ["en"],
    ),
}
OUTPUTS = [  # code, title, its resources
    ("IO1", "Analysis of cooperation", ["analysis", "summary"]),
    ("IO2", "Toolkit", ["toolkit"]),
    ("IO3", "Validation of skills", []),
    ("IO4", "A community of practitioners", ["community", "edition"]),
]


@pytest.fixture(scope="module", autouse=True)
def resources_site(module_data):
    """A site open in five languages with the guide (its PDF edition in English
    and French) and the project outputs page listing five publications in
    English and French, built once for this module."""
    home = HomePageFactory.as_site_root()
    resources = {}
    for key, (title, french, languages) in RESOURCES.items():
        resources[key] = resource_with_files(title, languages)
        localized(
            resources[key],
            "fr",
            {title: french, f"About {title}.": f"À propos : {french}."},
        )
    guide = GuidePage(title="Guide for cooperation", slug="guide", intro="The guide.")
    guide.edition = resources["edition"]
    home.add_child(instance=guide)
    guide.save_revision().publish()
    outputs = ProjectOutputsPage(
        title="Project outputs",
        slug="outputs",
        intro="What the project made.",
        outputs=[
            {
                "type": "output",
                "value": {
                    "code": code,
                    "title": title,
                    "summary": f"<p>{title}.</p>",
                    "resources": [resources[key].pk for key in keys],
                },
            }
            for code, title, keys in OUTPUTS
        ],
    )
    home.add_child(instance=outputs)
    outputs.save_revision().publish()
    for code in ("fr", "it", "pt", "hr"):
        localized(home, code)
        localized(guide, code)
    localized(outputs, "fr", {"Project outputs": "Productions du projet"})
    return home


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def download_links(html):
    return re.findall(
        r'href="(/[a-z]{2}/download/resource/[0-9a-f-]+/([a-z]{2})/)"', html
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "first"),
    [("en", "en"), ("fr", "fr"), ("it", "en"), ("pt", "en"), ("hr", "en")],
)
def test_guide_edition_offers_the_visitors_language_first(client, code, first):
    guide = GuidePage.objects.get(locale__language_code=code, slug="guide")
    links = download_links(html_of(client, guide.url))
    assert links, "the edition is offered"
    assert links[0][1] == first
    assert {language for _url, language in links} == {"en", "fr"}


@pytest.mark.django_db
def test_outputs_show_licence_format_and_size(client):
    page = ProjectOutputsPage.objects.get(locale__language_code="fr")
    html = html_of(client, page.url)
    for code in ("IO1", "IO2", "IO3", "IO4"):
        assert f'id="{code.lower()}"' in html
    assert "Boîte à outils pour l’apprentissage mutuel et la formation" in html
    # every publication in French, whatever translation the page points to
    assert "Analyse de la coopération entre acteurs de l’orientation" in html
    assert "Études de cas : rapport de synthèse" in html
    assert "Communauté européenne de praticiens : rapport d’activité" in html
    assert "Guide pour la coopération (édition PDF)" in html
    assert "Toolkit for mutual learning" not in html
    assert 'rel="license"' in html and "CC BY-SA 4.0" in html
    assert re.search(r"\(PDF, [\d.,\s]+(bytes|octets|KB|Ko)\)", html)
    toolkit = re.search(r"Boîte à outils pour l’apprentissage.*?</ul>", html, re.S)
    assert [lang for _u, lang in download_links(toolkit.group(0))] == ["fr", "en", "it"]


@pytest.mark.django_db
def test_the_search_index_reads_the_outputs_as_the_page_shows_them():
    from search.entries import page_entry

    entry = page_entry(ProjectOutputsPage.objects.get(locale__language_code="fr"))
    assert "Boîte à outils pour l’apprentissage mutuel et la formation" in entry.body
    assert "Études de cas : rapport de synthèse" in entry.body
    assert "Toolkit for mutual learning" not in entry.body
    assert "summary report" not in entry.body
    english = page_entry(ProjectOutputsPage.objects.get(locale__language_code="en"))
    assert "Toolkit for mutual learning and training activities" in english.body


@pytest.mark.django_db
def test_order_files_prefers_the_language_then_english():
    resource = Resource.objects.filter(
        locale__language_code="en", title__startswith="Toolkit"
    ).get()
    files = list(resource.files.all())
    assert [f.language for f in order_files(files, "it")][0] == "it"
    assert [f.language for f in order_files(files, "hr")][:2] == ["en", "fr"]
    assert [f.language for f in order_files(files, "fr")][:2] == ["fr", "en"]


@pytest.mark.django_db
def test_download_counts_per_file_language_and_redirects_to_the_serve_view(client):
    resource = Resource.objects.get(
        locale__language_code="en", title="Guide for cooperation (PDF edition)"
    )
    url = f"/fr/download/resource/{resource.translation_key}/fr/"
    before = dict(resource.download_counts())
    response = client.get(url)
    assert response.status_code == 302
    document = resource.files.get(language="fr").document
    assert response["Location"] == document.url
    assert response["Location"].startswith("/documents/")
    client.get(url)
    client.get(f"/en/download/resource/{resource.translation_key}/en/")
    after = resource.download_counts()
    assert after["fr"] == before.get("fr", 0) + 2
    assert after["en"] == before.get("en", 0) + 1
    served = client.get(response["Location"])
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_download_counting_records_no_personal_data(client):
    resource = Resource.objects.get(
        locale__language_code="en", title="Guide for cooperation (PDF edition)"
    )
    url = f"/en/download/resource/{resource.translation_key}/en/"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(
            url,
            REMOTE_ADDR="203.0.113.77",
            HTTP_USER_AGENT="Secret-Browser/1.0",
            HTTP_REFERER="https://example.net/private",
        )
    assert response.status_code == 302
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert (
        "no-store" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )
    writes = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert writes and all("guide_downloadcount" in sql for sql in writes)
    for sql in writes:
        for secret in ("203.0.113", "Secret-Browser", "example.net", "session"):
            assert secret not in sql
    fields = {field.name for field in DownloadCount._meta.get_fields()}
    assert fields == {"id", "resource_key", "language", "downloads"}


@pytest.mark.django_db
def test_unknown_downloads_answer_404_and_count_nothing(client):
    resource = Resource.objects.get(
        locale__language_code="en", title="Guide for cooperation (PDF edition)"
    )
    before = DownloadCount.objects.count()
    assert (
        client.get(f"/en/download/resource/{resource.translation_key}/hr/").status_code
        == 404
    )
    assert (
        client.get(
            "/en/download/resource/00000000-0000-0000-0000-000000000000/en/"
        ).status_code
        == 404
    )
    assert (
        client.post(f"/en/download/resource/{resource.translation_key}/en/").status_code
        == 405
    )
    assert DownloadCount.objects.count() == before


@pytest.mark.django_db
def test_a_private_document_stays_private_behind_the_counter(client):
    resource = Resource.objects.get(
        locale__language_code="en", title="Guide for cooperation (PDF edition)"
    )
    document = resource.files.get(language="en").document
    root = Collection.get_first_root_node()
    private = root.add_child(name="Members only")
    from wagtail.models import CollectionViewRestriction

    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document.collection = private
    document.save()
    response = client.get(f"/en/download/resource/{resource.translation_key}/en/")
    assert response.status_code == 302
    served = client.get(response["Location"])
    assert served.status_code == 302  # to the login page, not the file
    assert "login" in served["Location"]


@pytest.mark.django_db
def test_editors_see_download_counts_in_the_admin(client):
    resource = Resource.objects.get(
        locale__language_code="en", title="Guide for cooperation (PDF edition)"
    )
    for _ in range(3):
        client.get(f"/fr/download/resource/{resource.translation_key}/fr/")
    user = get_user_model().objects.create_superuser(
        "editor-guide", "editor@example.org", "pass-Word-1234"
    )
    client.force_login(user)
    response = client.get("/admin/snippets/guide/resource/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Downloads (per file language)" in html
    assert re.search(r"\b3 \(fr: 3\)", html)


@pytest.mark.django_db
def test_the_resource_edit_form_shows_its_download_counts(client):
    resource = Resource.objects.get(
        locale__language_code="en", title="Guide for cooperation (PDF edition)"
    )
    client.get(f"/en/download/resource/{resource.translation_key}/en/")
    client.get(f"/en/download/resource/{resource.translation_key}/en/")
    user = get_user_model().objects.create_superuser(
        "editor-guide-2", "editor2@example.org", "pass-Word-1234"
    )
    client.force_login(user)
    response = client.get(f"/admin/snippets/guide/resource/edit/{resource.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 downloads so far" in html
    assert "English: 2" in html
