"""What a visitor reading in one language meets around and on the pages: menus
that stay in their language, titles and descriptions, listings that never
open on an empty page, numbering and dates written once and one way."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Page

from portal.cache import HIT_HEADER
from portal.models import SiteNavigation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu_links(html):
    """The links of the header menu and of the footer menu."""
    header = html.select("header nav.site-nav a")
    footer = html.select("footer nav a")
    assert header and footer
    return header + footer


def live_page_at(url):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if page.url == url:
            return page
    raise AssertionError(f"no live page at {url}")


# Menus ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "it", "pt", "hr"])
def test_menus_lead_to_the_pages_in_the_visitors_language(client, locales, code):
    links = menu_links(soup(client.get(f"/{code}/")))
    for link in links:
        href = link["href"]
        if href.startswith(f"/{code}/"):
            assert live_page_at(href).locale.language_code == code
            assert not link.get("hreflang"), href
            continue
        # Only a page not translated into the language leads elsewhere, and
        # says so.
        assert href.startswith("/en/"), href
        page = live_page_at(href)
        translation = page.get_translation_or_none(locales[code])
        assert translation is None or not translation.live, href
        assert link["hreflang"] == "en"
        assert link.select_one(".menu-link__language").get_text(strip=True)


def test_french_menus_are_all_french(client):
    hrefs = [link["href"] for link in menu_links(soup(client.get("/fr/")))]
    assert "/fr/a-propos/" in hrefs
    assert all(href.startswith("/fr/") for href in hrefs), hrefs


def test_croatian_menus_mark_the_pages_only_in_english(client):
    links = menu_links(soup(client.get("/hr/")))
    english = [link for link in links if link["href"].startswith("/en/")]
    assert english, "the demo has pages not translated into Croatian"
    for link in english:
        assert link["hreflang"] == "en"
        # "(in English)", in Croatian once the catalogue translates it.
        assert link.select_one(".menu-link__language").get_text(strip=True)
    about = next(link for link in links if link["href"].startswith("/hr/o-projektu"))
    assert about.select_one(".menu-link__language") is None


def test_a_translation_published_later_replaces_the_english_link(
    client, translate_page, django_capture_on_commit_callbacks
):
    client.get("/hr/")  # the chrome is now cached for Croatian
    english = [
        link["href"]
        for link in menu_links(soup(client.get("/hr/")))
        if link["href"].startswith("/en/")
    ]
    page = live_page_at(english[0])
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize
        translation = translate_page(page, "hr")  # publishes on commit
    hrefs = [link["href"] for link in menu_links(soup(client.get("/hr/")))]
    assert translation.url in hrefs
    assert english[0] not in hrefs
    # The French menus, cached apart, are unchanged.
    assert all(
        link["href"].startswith("/fr/") for link in menu_links(soup(client.get("/fr/")))
    )


@override_settings(PORTAL_PAGE_CACHE_TIMEOUT=300)
def test_the_page_cache_forgets_menus_when_a_linked_page_is_translated(
    client, home, translate_page, django_capture_on_commit_callbacks
):
    partners = live_page_at("/en/partners/")
    about = live_page_at("/hr/o-projektu/")  # not an ancestor of the translation
    client.get(about.url)
    assert client.get(about.url)[HIT_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        translation = translate_page(partners, "hr")
    response = client.get(about.url)
    assert response[HIT_HEADER] == "miss"
    assert translation.url in [link["href"] for link in menu_links(soup(response))]


def test_menus_of_a_language_without_its_own_navigation(client, locales):
    SiteNavigation.objects.filter(locale=locales["pt"]).delete()
    html = soup(client.get("/pt/"))
    links = menu_links(html)
    # The English menu: its labels are marked English, its links still lead
    # to the Portuguese pages where they exist.
    for link in links:
        assert link.find("span", lang="en") is not None, link
    assert any(link["href"].startswith("/pt/") for link in links)
    assert html.select_one(".site-footer__disclaimer")["lang"] == "en"


def test_the_preview_of_a_navigation_shows_its_own_language(locales):
    french = SiteNavigation.objects.get(locale=locales["fr"], live=True)
    response = french.make_preview_request()
    html = BeautifulSoup(response.content, "html.parser")
    hrefs = [link["href"] for link in html.select("header nav.site-nav a")]
    assert "/fr/a-propos/" in hrefs, hrefs


# Titles and descriptions ---------------------------------------------------

PAGES_IN_TWO_LANGUAGES = [
    "/en/",
    "/en/about/",
    "/en/partners/",
    "/en/accessibility/",
    "/fr/",
    "/fr/a-propos/",
    "/fr/partenaires/",
    "/fr/accessibilite/",
]


@pytest.mark.parametrize("url", PAGES_IN_TWO_LANGUAGES)
def test_titles_name_the_site_once(client, url):
    title = soup(client.get(url)).title.get_text()
    assert title.count("Keep In Pact") == 1, title
    page = live_page_at(url)
    assert (page.seo_title or page.title) in title


@pytest.mark.parametrize("url", PAGES_IN_TWO_LANGUAGES)
def test_every_page_describes_itself(client, url):
    page = live_page_at(url)
    meta = soup(client.get(url)).find("meta", attrs={"name": "description"})
    description = meta["content"]
    assert 40 < len(description) <= 160, description
    assert "<" not in description
    expected = page.search_description or page.intro
    words = " ".join(BeautifulSoup(expected, "html.parser").get_text().split())
    assert words.startswith(description.rstrip("…")), (description, words)


def test_the_description_falls_back_to_the_first_paragraph(home):
    from home.models import StandardPage

    page = StandardPage(
        title="No introduction",
        slug="no-introduction",
        intro="",
        body=[
            {"type": "heading", "value": {"text": "A heading", "level": "h2"}},
            {"type": "paragraph", "value": "<p>First <b>words</b> &amp; more.</p>"},
        ],
    )
    home.add_child(instance=page)
    assert page.meta_description == "First words & more."
    page.search_description = "Said by the editor."
    del page.meta_description
    assert page.meta_description == "Said by the editor."


def test_a_long_introduction_is_cut_at_a_word():
    from portal.pages import plain_text

    text = plain_text("<p>" + "partnership " * 40 + "</p>")
    assert len(text) <= 160
    assert text.endswith("partnership…")


# Events of a project that has ended ----------------------------------------


def event_titles(html):
    return [a.get_text(strip=True) for a in html.select(".event-card h3 a")]


@pytest.mark.parametrize("url", ["/en/events/", "/fr/evenements/"])
def test_the_events_page_opens_on_the_past_events_when_none_is_upcoming(client, url):
    from django.utils import timezone

    from events.models import EventPage

    index = live_page_at(url)
    events = EventPage.objects.live().child_of(index)
    assert not events.filter(end__gte=timezone.now()).exists()
    html = soup(client.get(url))
    titles = event_titles(html)
    latest = events.order_by("-start").first()
    assert titles and titles[0] == latest.title
    assert len(titles) == events.count()
    heading = html.find(id="events-results-title").get_text(strip=True)
    assert heading.startswith(str(events.count()))
    assert "0 upcoming" not in html.get_text()
    assert not heading.startswith("0")
    current = html.select_one(".events-tabs a[aria-current]")
    assert current["href"] == "?when=past"
    # The other tab still leads to the (empty) list of upcoming events.
    upcoming = html.select_one(".events-tabs a:not([aria-current])")["href"]
    assert not event_titles(soup(client.get(url + upcoming)))


def test_the_events_page_opens_on_upcoming_events_when_there_are_some(client):
    import datetime

    from events.models import EventPage

    index = live_page_at("/en/events/")
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=30)
    coming = EventPage(
        title="A meeting still to come",
        slug="still-to-come",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    index.add_child(instance=coming)
    coming.save_revision().publish()
    html = soup(client.get("/en/events/"))
    assert event_titles(html) == ["A meeting still to come"]
    assert html.select_one(".events-tabs a[aria-current]")["href"] == "?"


def test_a_filter_with_nothing_upcoming_is_not_replaced(client):
    html = soup(client.get("/en/events/?type=training"))
    assert event_titles(html) == []
    assert "past events" in html.get_text()  # a link to them


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_community_of_practice_series_ends_with_the_project(code, locales):
    import datetime

    from dateutil.rrule import rrulestr

    from events.models import EventPage

    source = EventPage.objects.get(
        locale=locales["en"], slug="community-of-practice-meetings"
    )
    series = source.get_translation(locales[code])
    assert series.series_until == datetime.date(2022, 3, 31)
    dates = list(rrulestr(series.series_rule, dtstart=series.local_start))
    assert dates[-1].date() <= datetime.date(2022, 3, 31)
    assert dates[-1].date() == datetime.date(2022, 2, 15)  # every two months


def test_loading_the_demo_again_ends_a_series_left_without_an_end(locales):
    from demo import events as events_demo
    from demo.loader import Demo
    from events.models import EventPage

    series = EventPage.objects.filter(slug__startswith="community-of-practice")
    source = series.get(locale=locales["en"])
    for page in source.get_translations(inclusive=True).specific():
        page.series_until = None
        page.save_revision().publish()
    assert not EventPage.objects.filter(
        translation_key=source.translation_key, series_until__isnull=False
    ).exists()
    events_demo.load(Demo())
    for page in EventPage.objects.filter(translation_key=source.translation_key):
        assert str(page.series_until) == "2022-03-31"
        assert page.series_rule.endswith("UNTIL=20220331T235959Z")


# Guide numbering -----------------------------------------------------------

NUMBERED = re.compile(r"^\d+(\.\d+)*\.?\s")


def unmarked_list_classes():
    """The classes of lists the guide's stylesheet shows without markers."""
    with open("static/css/guide.css") as stylesheet:
        css = re.sub(r"/\*.*?\*/", "", stylesheet.read(), flags=re.S)
    classes = set()
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        if re.search(r"list-style:\s*none", body):
            classes.update(
                selector.strip()[1:]
                for selector in selectors.split(",")
                if re.fullmatch(r"\s*\.[\w-]+\s*", selector)
            )
    return classes


def numbered_entries(html):
    """(list, text) of each list entry whose text starts with a number."""
    for ol in html.select("main ol"):
        for li in ol.find_all("li", recursive=False):
            link = li.find("a")
            text = " ".join(link.get_text().split()) if link else ""
            if NUMBERED.match(text):
                yield ol, text


@pytest.mark.parametrize("suffix", ["", "all/"])
def test_guide_chapters_are_numbered_once(client, suffix):
    from guide.models import GuideChapterPage

    guide = live_page_at("/en/guide/")
    html = soup(client.get(guide.url + suffix))
    unmarked = unmarked_list_classes()
    entries = list(numbered_entries(html))
    texts = [text for _ol, text in entries]
    assert "1. Context of multi-stakeholder partnership" in " ".join(texts)
    assert any(text.startswith("4.1 Tools from the pilot training") for text in texts)
    for ol, text in entries:
        # The entry says its number: the list must not add one of its own.
        assert set(ol.get("class", [])) & unmarked, text
        assert not re.match(r"^\d+(\.\d+)*\.?\s+\d", text), text
    for chapter in GuideChapterPage.objects.live().descendant_of(guide):
        assert not NUMBERED.match(chapter.title + " "), chapter.title


def test_a_chapter_lists_its_sections_numbered_once(client):
    chapter = live_page_at("/en/guide/skills-and-actions/")
    html = soup(client.get(chapter.url))
    unmarked = unmarked_list_classes()
    entries = list(numbered_entries(html))
    assert [text for _ol, text in entries] == ["4.1 Tools from the pilot training"]
    assert set(entries[0][0]["class"]) & unmarked


# News of a language without articles ---------------------------------------


@pytest.mark.parametrize("url", ["/hr/novosti/", "/it/notizie/", "/pt/noticias/"])
def test_news_of_a_language_without_articles_shows_the_english_news(client, url):
    from home.models import NewsPage

    html = soup(client.get(url))
    text = " ".join(html.get_text().split())
    assert "0 articles" not in text
    assert "No article matches these filters" not in text
    assert html.find(id="news-results-title").get_text(strip=True)
    english = NewsPage.objects.live().filter(locale__language_code="en")
    cards = html.select(".news-card")
    assert len(cards) == min(english.count(), 12)
    latest = english.order_by("-date", "-pk").first()
    assert cards[0].find("a")["href"] == latest.url
    for card in cards:
        assert card["lang"] == "en"
        assert card.find("a")["href"].startswith("/en/news/")
        assert card.find("a")["hreflang"] == "en"
    index = html.select_one('section a[href="/en/news/"]')
    assert index is not None and index["hreflang"] == "en"


def test_a_filter_on_news_without_articles_still_says_nothing_matches(client):
    from home.models import Topic

    topic = Topic.objects.filter(locale__language_code="en").first()
    html = soup(client.get(f"/hr/novosti/?topic={topic.slug}"))
    assert html.find(id="news-results-title").get_text(strip=True).startswith("0")
    assert not html.select(".news-card")


def test_news_without_articles_in_the_language_shows_no_empty_filters(client):
    html = soup(client.get("/it/notizie/"))
    assert not html.select(".news-filters")  # not a heading with nothing under it
    assert html.select(".news-card")  # the English news offered instead


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "6 December 2021"),
        ("fr", "6 décembre 2021"),
        # Italian and Portuguese write the month in lower case, without a
        # leading zero on the day (Django's: "06 Dicembre", "de Dezembro").
        ("it", "6 dicembre 2021"),
        ("pt", "6 de dezembro de 2021"),
        ("hr", "6. prosinca 2021."),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, expected):
    import datetime

    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override(language):
        assert date_format(datetime.date(2021, 12, 6)) == expected


def test_italian_and_portuguese_pages_show_their_dates_in_lower_case(client):
    # (The date tiles of events show the month alone, as on a calendar.)
    for url in ("/it/", "/pt/"):
        html = soup(client.get(url))
        dates = [time.get_text() for time in html.select("main time:not(.date-block)")]
        months = [word for text in dates for word in text.split() if word.isalpha()]
        assert months and all(word == word.lower() for word in months), dates


def test_news_of_a_language_with_articles_is_unchanged(client):
    html = soup(client.get("/fr/actualites/"))
    cards = html.select(".news-card")
    assert cards and not any(card.get("lang") for card in cards)
    assert all(card.find("a")["href"].startswith("/fr/") for card in cards)


# Dates -----------------------------------------------------------------------

DATE_PATTERNS = {
    # The language's DATE_FORMAT: "28 March 2022", "28 mars 2022".
    "en": re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$"),
    "fr": re.compile(r"^\d{1,2} [a-zéû]+ \d{4}$"),
}
AMERICAN = re.compile(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}")


def visible_dates(html):
    """The date part of each <time> element's text ("28 March 2022" of
    "Monday 28 March 2022, 2 p.m."), leaving out times alone."""
    dates = []
    for time in html.select("main time"):
        text = " ".join(time.get_text().split()).split(", ")[0]
        words = text.split(" ")
        if len(words) == 4:  # a day of the week first
            words = words[1:]
        if any(word.isdigit() and len(word) == 4 for word in words):
            dates.append(" ".join(words))
    return dates


@pytest.mark.parametrize(
    ("listing", "slug"),
    [
        ("news", "final-multiplier-event-report"),
        ("events", "final-multiplier-event"),
    ],
)
@pytest.mark.parametrize("code", ["en", "fr"])
def test_dates_are_written_one_way_per_language(client, locales, code, listing, slug):
    from events.models import EventPage
    from home.models import NewsPage

    model = NewsPage if listing == "news" else EventPage
    source = model.objects.get(locale=locales["en"], slug=slug)
    page = source.get_translation(locales[code])
    index = page.get_parent()
    listed = soup(client.get(index.url))
    card = next(
        card
        for card in listed.select(".card")
        if card.find("a") and card.find("a")["href"] == page.url
    )
    card_date = visible_dates(card)[0]
    page_dates = visible_dates(soup(client.get(page.url)))
    assert page_dates[0] == card_date
    for text in [*visible_dates(listed), *page_dates]:
        assert DATE_PATTERNS[code].match(text), text
        assert not AMERICAN.search(text), text


def test_the_day_of_an_event_is_in_the_visitors_language(client, locales):
    from events.models import EventPage

    source = EventPage.objects.get(locale=locales["en"], slug="final-multiplier-event")
    html = soup(client.get(source.get_translation(locales["fr"]).url))
    when = " ".join(html.select_one(".event__when time").get_text().split())
    assert when.startswith("lundi 28 mars 2022")
    html = soup(client.get(source.url))
    when = " ".join(html.select_one(".event__when time").get_text().split())
    assert when.startswith("Monday 28 March 2022")
