"""The menus reach the whole site: from each language's home page a visitor
following links finds every live page of that language within three clicks,
and the header and footer lead to the pages in the visitor's language."""

from collections import deque
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

LANGUAGES = ["en", "fr", "it", "pt", "hr"]
DEPTH = 3
# Files, feeds and admin are not pages a visitor reads: not followed.
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/api/")
SKIPPED_SUFFIXES = ("/rss/", "/atom/", "/calendar/", "/ics/", "/csv/", "/geojson/")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def followed(url, href):
    """The address a link leads to if the crawl follows it, else None: same
    host, not a file or feed; of the query string only the result page is kept
    (filters would make the crawl endless, pagination is how a visitor walks a
    listing)."""
    parts = urlsplit(urljoin(url, href))
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path
    if path.startswith(SKIPPED_PREFIXES) or path.endswith(SKIPPED_SUFFIXES):
        return None
    query = parse_qsl(parts.query)
    if any(key != "page" for key, _value in query):
        return None
    return f"{path}?{urlencode(query)}" if query else path


def crawl(client, start, depth=DEPTH):
    """Breadth-first from `start`: each address reached and its click count."""
    reached = {start: 0}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        if reached[url] == depth:
            continue
        for link in BeautifulSoup(response.content, "html.parser").select("a[href]"):
            target = followed(url, link["href"])
            if target is not None and target not in reached:
                reached[target] = reached[url] + 1
                queue.append(target)
    return reached


def public_pages(code):
    """The URL of every live, public page in this language (not the tree root,
    not a page outside any site)."""
    urls = []
    for page in (
        Page.objects.live().public().filter(locale__language_code=code, depth__gt=1)
    ):
        url = page.get_url()
        if url:
            urls.append(url)
    return urls


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_is_within_three_clicks_of_the_home_page(client, code):
    reached = crawl(client, f"/{code}/")
    pages = public_pages(code)
    assert len(pages) >= 5
    missing = sorted(url for url in pages if url not in reached)
    assert not missing, (
        f"{len(missing)} of the {len(pages)} live {code} pages are not reached "
        f"within {DEPTH} clicks of /{code}/:\n" + "\n".join(missing)
    )


def header_links(html):
    return html.select("header nav.site-nav a")


def footer_links(html):
    return html.select("footer a[href^='/']")


def test_the_header_menu_reaches_every_section(client):
    labels = [
        link.get_text(strip=True) for link in header_links(soup(client.get("/en/")))
    ]
    assert labels == [
        "News",
        "Events",
        "Guide for cooperation",
        "Case studies",
        "Competences and training",
        "Outputs and resources",
        "Centre directory",
        "About and partners",
        "Contact",
    ]


def test_the_footer_columns(client):
    html = soup(client.get("/en/"))
    footer = html.find("footer")
    columns = {
        heading.get_text(strip=True): [
            link.get_text(" ", strip=True) for link in heading.parent.select("a")
        ]
        for heading in footer.select("h2")
    }
    assert columns["Project"] == [
        "About the project",
        "Partners",
        "Contact",
        "contact@keepinpact.eu",
    ]
    # The sections of the main menu, without the project's pages.
    assert columns["Resources"] == [
        "News",
        "Events",
        "Guide for cooperation",
        "Case studies",
        "Competences and training",
        "Outputs and resources",
        "Centre directory",
    ]
    assert columns["Open data"] == [
        "Centres (CSV)",
        "Centres (GeoJSON)",
        "News (RSS)",
        "Events (iCal)",
    ]
    assert columns["Legal"] == ["Accessibility", "Privacy", "Legal notice"]
    assert footer.select_one("a[href='mailto:contact@keepinpact.eu']")


def test_the_open_data_links_answer(client):
    footer = soup(client.get("/fr/")).find("footer")
    types = {}
    for heading in footer.select("h2"):
        if heading.get_text(strip=True) == "Données ouvertes":
            for link in heading.parent.select("a"):
                types[link["href"]] = link["type"]
    assert len(types) == 4
    for href, kind in types.items():
        assert href.startswith("/fr/"), href
        response = client.get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"].split(";")[0] in (kind, "application/json")


@pytest.mark.parametrize("code", ["fr", "hr"])
def test_header_and_footer_lead_to_the_visitors_language(client, locales, code):
    html = soup(client.get(f"/{code}/"))
    links = header_links(html) + footer_links(html)
    assert len(links) >= 20
    for link in links:
        href = link["href"]
        path = urlsplit(href).path
        if path.startswith(f"/{code}/"):
            assert not link.get("hreflang"), href
            continue
        # Elsewhere only where there is no translation, and the link says so.
        assert path.startswith("/en/"), href
        assert link["hreflang"] == "en", href
        assert link.select_one(".menu-link__language"), href
        page_path = path
        for suffix in SKIPPED_SUFFIXES:
            page_path = page_path.removesuffix(suffix.lstrip("/"))
        page = next(
            page
            for page in Page.objects.live().filter(locale__language_code="en")
            if page.get_url() == page_path
        )
        translation = page.get_translation_or_none(locales[code])
        assert translation is None or not translation.live, href


def test_french_header_and_footer_are_all_french(client):
    html = soup(client.get("/fr/"))
    hrefs = [link["href"] for link in header_links(html) + footer_links(html)]
    assert "/fr/contact/" in hrefs
    assert all(href.startswith("/fr/") for href in hrefs), hrefs


def test_the_directory_links_every_result_page(client):
    html = soup(client.get("/en/centres/"))
    numbers = [
        link.get_text(strip=True) for link in html.select(".pagination__pages a")
    ]
    assert numbers == ["2", "3"]


def test_the_menus_mark_the_page_being_read_and_no_other(client):
    """The menus are rendered once and kept: the mark follows the page."""

    def marked(url):
        html = soup(client.get(url))
        links = header_links(html) + footer_links(html)
        assert any(link["href"] == url for link in links) or url == "/en/"
        return {link["href"] for link in links if link.get("aria-current") == "page"}

    assert marked("/en/about/") == {"/en/about/"}
    assert marked("/en/news/") == {"/en/news/"}
    assert marked("/en/") == set()
    assert marked("/en/about/") == {"/en/about/"}
