"""The foundation as a visitor and a new user meet it: languages, redirects,
hreflang, the language switcher, sitemap, robots, API, settings, demo content."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage, Partner, StandardPage
from tests.conftest import live_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]
BASE_DIR = Path(__file__).resolve().parent.parent
LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_languages_are_the_five_of_the_project():
    assert LANGUAGE_CODES == ["en", "fr", "it", "pt", "hr"]


def test_every_live_page_of_every_language_answers_200(client):
    pages = list(live_pages())
    languages = {page.locale.language_code for page in pages}
    assert languages == set(LANGUAGE_CODES)
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = soup(response)
        assert html.html["lang"] == page.locale.language_code, page.url
        assert html.find("h1").get_text(strip=True), page.url


def test_every_url_carries_its_language_prefix():
    for page in live_pages():
        assert page.url.startswith(f"/{page.locale.language_code}/"), page.url


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("hr", "/hr/"),
        ("pt-BR,pt;q=0.9", "/pt/"),
        ("it-IT", "/it/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


def test_public_pages_set_no_cookie(client):
    for url in ["/en/", "/fr/a-propos/", "/en/partners/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url


def test_hreflang_lists_every_live_translation_itself_and_x_default(client):
    for page in live_pages():
        html = soup(client.get(page.url))
        links = {
            link["hreflang"]: link["href"]
            for link in html.find_all("link", rel="alternate", hreflang=True)
        }
        translations = {
            t.locale.language_code: t.full_url
            for t in Page.objects.live().filter(translation_key=page.translation_key)
        }
        expected = dict(translations)
        if "en" in translations:
            expected["x-default"] = translations["en"]
        # Full URLs on the Wagtail site, as the canonical one: never on the
        # Host header of the request (pages are cached per site).
        assert links == expected
        canonical = html.find("link", rel="canonical")["href"]
        assert canonical == links[page.locale.language_code] == page.full_url


def test_hreflang_and_switcher_links_resolve_to_the_right_language(client):
    about = StandardPage.objects.get(slug="about")
    html = soup(client.get(about.url))
    switcher = html.find("nav", class_="language-switcher")
    links = switcher.find_all("a")
    assert [a["hreflang"] for a in links] == LANGUAGE_CODES
    for link in links:
        response = client.get(link["href"])
        assert response.status_code == 200, link["href"]
        assert soup(response).html["lang"] == link["hreflang"]
    current = switcher.find("a", attrs={"aria-current": "true"})
    assert current["hreflang"] == "en"


def test_switcher_leads_to_home_page_with_a_note_when_no_translation(client):
    partners = StandardPage.objects.get(slug="partners")  # only en and fr exist
    html = soup(client.get(partners.url))
    italian = html.find("nav", class_="language-switcher").find("a", hreflang="it")
    assert italian["href"].startswith("/it/?untranslated=")
    response = client.get(italian["href"])
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "it"
    note = page.find(class_="notice")
    assert note is not None
    assert "Partners" in note.get_text()
    assert note.find("a")["href"] == partners.url


def test_untranslated_parameter_ignores_garbage(client):
    for value in ["abc", "99999999", "1 OR 1=1", "'\""]:
        response = client.get("/fr/", {"untranslated": value})
        assert response.status_code == 200


def test_sitemap_lists_every_language_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert len(locations) == live_pages().count()
    for code in LANGUAGE_CODES:
        assert any(f"/{code}/" in loc for loc in locations), code
    about_entry = next(
        url
        for url in root.findall("s:url", ns)
        if url.find("s:loc", ns).text.endswith("/en/about/")
    )
    alternates = {link.get("hreflang") for link in about_entry.findall("x:link", ns)}
    assert alternates == set(LANGUAGE_CODES)


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_admin_api_sitemap_stay_outside_language_prefixes(client):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/en/admin/").status_code == 404
    assert client.get("/api/v2/pages/").status_code == 200


def test_api_filters_pages_by_locale(client):
    response = client.get("/api/v2/pages/", {"locale": "fr", "limit": 50})
    assert response.status_code == 200
    data = response.json()
    french = Page.objects.live().public().filter(locale__language_code="fr").count()
    assert data["meta"]["total_count"] == french
    assert {item["meta"]["locale"] for item in data["items"]} == {"fr"}
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_load_demo_twice_changes_nothing():
    pages = Page.objects.count()
    partners = Partner.objects.count()
    revisions = sum(p.revisions.count() for p in Page.objects.all())
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert Page.objects.count() == pages
    assert Partner.objects.count() == partners
    assert sum(p.revisions.count() for p in Page.objects.all()) == revisions


def test_demo_content_comes_from_the_seeds(client):
    about = soup(client.get("/en/about/")).get_text()
    for text in ["COCADE", "IO1", "IO2", "IO3", "IO4", "lifelong career guidance"]:
        assert text in about
    french = soup(client.get("/fr/a-propos/")).get_text()
    assert "Quatre productions intellectuelles" in french
    partners = soup(client.get("/en/partners/"))
    names = [h.get_text(strip=True) for h in partners.select(".partner-card h3")]
    assert len(names) == 6
    assert names[0] == "Cités des métiers International Network"
    french_partners = soup(client.get("/fr/partenaires/")).select(".partner-card h3")
    assert (
        french_partners[0].get_text(strip=True)
        == "Réseau international des Cités des métiers"
    )


def test_french_is_made_through_wagtail_localize():
    from wagtail_localize.models import Translation

    french_home = HomePage.objects.get(locale__language_code="fr")
    assert Translation.objects.filter(
        target_locale=french_home.locale, source__object_id=french_home.translation_key
    ).exists()


def test_footer_carries_the_eu_funding_notice_in_every_language(client):
    # The Erasmus+ 2014-2020 wording: the project was a 2019 strategic partnership.
    expected = {
        "en": ("Co-funded by the Erasmus+ Programme of the European Union", "author"),
        "fr": ("Cofinancé par le programme Erasmus+ de l’Union européenne", "auteurs"),
        "it": ("Cofinanziato dal programma Erasmus+ dell’Unione europea", "autori"),
        "pt": ("Cofinanciado pelo programa Erasmus+ da União Europeia", "autores"),
        "hr": ("Sufinancirano sredstvima programa Erasmus+ Europske unije", "autora"),
    }
    for code, (statement, disclaimer_word) in expected.items():
        html = soup(client.get(f"/{code}/"))
        footer = html.find("footer")
        assert footer.select_one(".site-footer__funding-statement").get_text() == (
            statement
        )
        assert disclaimer_word in footer.select_one(".site-footer__disclaimer").text
        # The statement beside it says in words what the emblem stands for.
        emblem = footer.find("img", src=lambda src: "eu-emblem" in src)
        assert emblem["alt"] == ""


def test_base_template_landmarks_and_skip_link(client):
    html = soup(client.get("/en/"))
    skip = html.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert html.find("main", id="main") is not None
    assert html.find("header") is not None and html.find("footer") is not None
    assert html.find("nav", attrs={"aria-label": True}) is not None
    for img in html.find_all("img"):
        assert img.has_attr("alt")


def test_no_third_party_requests_on_public_pages(client):
    for url in ["/en/", "/fr/a-propos/", "/en/accessibility/"]:
        html = soup(client.get(url))
        for tag, attr in [
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
        ]:
            for element in html.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and element.get("rel") in (
                    ["alternate"],
                    ["canonical"],
                ):
                    continue
                assert not value.startswith(("http://", "https://", "//")), (url, value)


def test_accessibility_statement_has_a_review_date(client):
    html = soup(client.get("/en/accessibility/"))
    assert "last reviewed" in html.find(class_="review-date").get_text()


def test_404_is_a_friendly_page_in_the_language(client):
    response = client.get("/fr/nothing-here/")
    assert response.status_code == 404
    assert soup(response).html["lang"] == "fr"


def test_check_deploy_is_clean_under_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "x7$k2!qP9@vL4#mN8&rT1*wZ6^yB3%cF5(hJ0)dG-sA_eU+iO=oK",
        "DJANGO_ALLOWED_HOSTS": "keepinpact.example.org",
        "WAGTAILADMIN_BASE_URL": "https://keepinpact.example.org",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production"}
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
