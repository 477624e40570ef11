"""The demo reads as a real site: no placeholder wording or example.* links on
public pages, generated images that claim to be nothing else, an events page
that lists events, and a development Site record that points at the server."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from demo.images import ILLUSTRATION_PREFIX, choose, illustration_title
from tests.conftest import live_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

PLACEHOLDER_WORDING = re.compile(
    r"sample content|contenu d’exemple|placeholder|lorem|replace this|to replace",
    re.I,
)
EXAMPLE_HOST = re.compile(r"(^|\.)example\.(org|com|net)$", re.I)
PHOTO_CLAIM = re.compile(
    r"photo|screenshot|capture d’écran|poster|affiche|picture of", re.I
)


def visible_text(html):
    for tag in html(["script", "style", "template"]):
        tag.decompose()
    return html.get_text(" ", strip=True)


def test_public_pages_have_no_placeholder_no_example_link_no_photo_claim(client):
    """Every live page of every language: no placeholder wording, no link to
    an example.* host, and no image that claims to be a photograph; the
    generated illustrations are decorative (alt="")."""
    alts = {}  # image address -> its alternative texts
    for page in live_pages():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = BeautifulSoup(response.content, "html.parser")
        for tag in html.find_all(href=True) + html.find_all(src=True):
            address = tag.get("href") or tag.get("src")
            host = urlsplit(address).hostname or ""
            assert not EXAMPLE_HOST.search(host), (page.url, address)
        for img in html.find_all("img"):
            assert img.has_attr("alt"), (page.url, img)
            assert not PHOTO_CLAIM.search(img["alt"]), (page.url, img["alt"])
            alts.setdefault(img["src"], set()).add(img["alt"])
        for meta in html.find_all("meta", property="og:image:alt"):
            assert not PHOTO_CLAIM.search(meta["content"]), page.url
        assert not html.select(".sample-notice"), page.url
        text = visible_text(html)
        found = PLACEHOLDER_WORDING.search(text)
        assert found is None, (page.url, text[found.start() - 60 : found.end() + 60])
    renditions = get_image_model().get_rendition_model().objects
    generated = {
        rendition.url
        for rendition in renditions.filter(image__title__startswith=ILLUSTRATION_PREFIX)
    }
    shown = generated & set(alts)
    assert shown, "the news shows generated illustrations"
    for url in shown:
        assert alts[url] == {""}, (url, alts[url])


def test_generated_illustrations_are_named_as_such_in_the_admin():
    images = get_image_model().objects.filter(title__startswith=ILLUSTRATION_PREFIX)
    assert images.count() >= 5
    for image in images:
        assert "(generated for “" in image.title, image.title
        assert not image.description
        assert (image.width, image.height) == (1200, 675)


def test_illustrations_are_stable_and_drawn_from_the_project_colours():
    from demo.images import COLOURS, MOTIFS

    first = choose("Keep In Pact kicks off in Paris")
    assert first == choose("Keep In Pact kicks off in Paris")
    assert first.motif in MOTIFS
    assert {first.first, first.second} <= set(COLOURS)
    assert first.first != first.second
    assert first.first != "yellow"  # too pale for the main lines
    title = illustration_title("A subject", choose("A subject"))
    assert title.startswith(ILLUSTRATION_PREFIX) and title.endswith(
        "(generated for “A subject”)"
    )
    assert len(illustration_title("x" * 400, choose("x"))) <= 255


def test_modules_without_a_course_address_show_no_button(client):
    from guide.models import CompetenceFrameworkPage, TrainingModule

    assert not TrainingModule.objects.filter(course_links__isnull=False).exists()
    for page in CompetenceFrameworkPage.objects.live():
        html = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert len(html.select("section.module")) == 7, page.url
        assert not html.select("section.module a.button"), page.url
        assert "e-learning platform (" not in visible_text(html)


def test_the_events_page_lists_events_without_a_parameter(client):
    from events.models import EventPage

    html = BeautifulSoup(client.get("/en/events/").content, "html.parser")
    links = {
        a["href"]
        for a in html.select("main a[href^='/en/events/']")
        if a["href"].rstrip("/").count("/") == 3
        and "?" not in a["href"]
        and "calendar" not in a["href"]
    }
    live = EventPage.objects.live().filter(locale__language_code="en")
    assert links, "the events page lists events"
    assert links <= {page.url for page in live}
    count = re.search(r"(\d+) (?:past |upcoming )?events?", visible_text(html))
    assert count is not None and int(count.group(1)) == len(links)


def test_the_finished_series_lists_its_meetings(client):
    html = BeautifulSoup(
        client.get("/en/events/community-of-practice-meetings/").content, "html.parser"
    )
    section = html.find("h2", string="Meetings of the series").find_parent("section")
    dates = [time["datetime"][:10] for time in section.find_all("time")]
    assert dates[0] == "2020-10-15" and dates[-1] == "2022-02-15"
    assert len(dates) == 9
    assert "9 meetings" in section.get_text()


@override_settings(DEBUG=True)
def test_the_development_site_takes_the_address_it_is_served_at(home):
    call_command("ensure_dev_admin", "--port", "8123", stdout=(out := _Output()))
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert "http://127.0.0.1:8123/admin/" in out.text
    cache.clear()
    assert Page.objects.get(pk=home.pk).full_url == "http://127.0.0.1:8123/en/"
    call_command(
        "ensure_dev_admin", "--host", "localhost", "--port", "8001", stdout=out
    )
    cache.clear()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("localhost", 8001)
    assert Page.objects.get(pk=home.pk).full_url == "http://localhost:8001/en/"


class _Output:
    def __init__(self):
        self.text = ""

    def write(self, message, *args, **kwargs):
        self.text += message

    def flush(self):
        pass


def test_loading_the_events_again_creates_nothing():
    from demo import events as events_demo
    from demo.loader import Demo

    demo = Demo()
    events_demo.load(demo)
    assert demo.created == 0


def test_loading_the_directory_again_creates_nothing():
    from wagtail.models import Page

    from demo import directory as directory_demo
    from demo.loader import Demo

    before = Page.objects.count()
    run = Demo()
    directory_demo.load(run)
    assert run.created == 0
    assert Page.objects.count() == before


@pytest.mark.parametrize("code", ["fr", "it", "pt", "hr"])
def test_the_home_page_of_every_language_reads_as_fully_translated(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert 'class="page-notice"' not in response.content.decode()


def test_no_demo_page_says_it_is_partly_untranslated():
    from translations.models import IncompleteTranslation

    assert list(IncompleteTranslation.objects.values_list("page__url_path")) == []
