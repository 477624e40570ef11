"""The home page a first-time visitor meets, in every language: what the
project is, a way into every section, news, events, the directory and the
partners, with no section empty and no request to anyone else."""

import json
import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from events.models import EventPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

LANGUAGES = ["en", "fr", "it", "pt", "hr"]


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def resolves(url):
    """The live page a same-site link leads to, followed like a visitor."""
    response = Client().get(url, follow=True)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_section_has_a_card_that_leads_to_it(client, code):
    page = soup(client, f"/{code}/")
    cards = page.select(".section-cards .card")
    assert len(cards) == 6
    for card in cards:
        link = card.select_one("h3 a")
        assert link.get_text(strip=True)
        resolves(link["href"])
        if card.get("lang"):
            # A section not translated yet: the English page, said so.
            assert card["lang"] == "en" != code
            assert link["href"].startswith("/en/")
            assert link["hreflang"] == "en"
        else:
            assert link["href"].startswith(f"/{code}/")


def test_french_sections_are_the_french_pages(client):
    cards = soup(client, "/fr/").select(".section-cards .card")
    assert not [card for card in cards if card.get("lang")]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_home_page_section_is_empty(client, code):
    page = soup(client, f"/{code}/")
    assert page.select_one(".hero h1").get_text(strip=True)
    assert page.select(".hero__actions a")
    for selector, item in [
        (".home-news", ".news-card"),
        (".home-events", ".event-row"),
        (".home-partners", ".partner-logos li"),
    ]:
        section = page.select_one(selector)
        assert section is not None, (code, selector)
        assert section.select(item), (code, selector)
    figures = {li.get_text(" ", strip=True) for li in page.select(".key-results li")}
    assert len(figures) >= 4
    assert all(re.match(r"\d+ ", figure) for figure in figures)


def test_the_project_in_figures_counts_the_content(client):
    text = soup(client, "/en/").select_one(".key-results").get_text(" ", strip=True)
    assert "6 partners" in text
    assert "5 countries" in text
    assert "7 case studies" in text
    assert "5 centres to visit in 360°" in text


def test_a_language_without_news_shows_english_articles_marked_as_english(client):
    section = soup(client, "/hr/").select_one(".home-news")
    assert section.select_one(".notice")
    for card in section.select(".news-card"):
        assert card["lang"] == "en"
        assert card.select_one("h3 a")["hreflang"] == "en"


def test_with_no_event_coming_the_home_shows_the_most_recent_ones(client):
    section = soup(client, "/en/").select_one(".home-events")
    assert section.h2.get_text(strip=True) == "Recent events"
    titles = [a.get_text(strip=True) for a in section.select(".event-row h3 a")]
    past = EventPage.objects.live().filter(locale__language_code="en")
    assert titles == [e.title for e in past.order_by("-start")[:3]]
    assert "Final multiplier event" in titles
    final = section.select(".event-row")[titles.index("Final multiplier event")]
    assert "presentations" in final.get_text()


def test_the_directory_preview_maps_its_centres_without_a_request_elsewhere(client):
    page = soup(client, "/fr/")
    section = page.select_one(".home-directory")
    assert section.select_one("form")["action"] == "/fr/centres/"
    dots = section.select(".europe-map__dot")
    assert len(dots) >= 40
    for image in page.select("svg image"):
        assert image["href"].startswith("/static/")
    hero_map = page.select_one(".hero svg")
    assert hero_map["role"] == "img" and hero_map["aria-label"]
    assert len(hero_map.select(".europe-map__country")) == 5


def test_the_home_page_describes_the_organisation_and_site_in_json_ld(client):
    page = soup(client, "/en/")
    graphs = [
        json.loads(script.string)
        for script in page.select('script[type="application/ld+json"]')
    ]
    nodes = [node for data in graphs for node in data.get("@graph", [data])]
    by_type = {node["@type"]: node for node in nodes}
    organisation, website = by_type["Organization"], by_type["WebSite"]
    assert organisation["name"] == "Keep In Pact"
    assert len(organisation["member"]) == 6
    assert website["publisher"]["@id"] == organisation["@id"]
    target = website["potentialAction"]["target"]
    assert "{search_term_string}" in target
    url = urlsplit(target.replace("{search_term_string}", "guidance"))
    assert "guidance" in resolves(f"{url.path}?{url.query}").content.decode()


def test_a_private_section_has_no_card(client):
    from wagtail.models import PageViewRestriction

    guide = Page.objects.get(locale__language_code="en", slug="guide")
    PageViewRestriction.objects.create(
        page=guide, restriction_type="password", password="x"
    )
    titles = [
        a.get_text(strip=True)
        for a in soup(client, "/en/").select(".section-cards h3 a")
    ]
    assert guide.title not in titles


def test_partners_show_their_word_marks_named_as_generated(client):
    from home.models import Partner

    items = soup(client, "/en/").select(".partner-logos li")
    assert len(items) == 6
    for item in items:
        image = item.select_one("img")
        # The name is the text beside it: the image adds nothing to read out.
        assert image is not None and image["alt"] == ""
        assert item.get_text(strip=True)
    for partner in Partner.objects.filter(locale__language_code="en"):
        assert partner.logo.title.endswith("word-mark (generated for the demo)")
