"""A privacy change reaches every channel at once: adding, changing or removing a
page or collection view restriction (on the page or an ancestor) refreshes the
page cache, the chrome, the listings, home teasers, feeds, the calendar, the
sitemap, site search and its "did you mean" words, the API, the presentations
and the directory's own index."""

import csv
import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)

from directory.models import CentrePage, DirectoryEntry, DirectoryPage
from events.models import EventPage, EventPresentation
from guide.models import CaseStudyPage, GuideChapterPage, GuidePage
from home.models import NewsPage, StandardPage
from portal.cache import HIT_HEADER

pytestmark = [
    pytest.mark.usefixtures("demo_site"),
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_on"),
]


@pytest.fixture
def page_cache_on():
    with override_settings(PORTAL_PAGE_CACHE_TIMEOUT=300):
        yield


def html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def warm(client, *urls):
    """Visit each URL twice, as anonymous visitors would: the second visit of a
    page is served from the page cache."""
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if url.endswith("/"):
            assert response.get(HIT_HEADER) in (None, "hit"), url


def refused(response):
    """An anonymous visitor gets Wagtail's password or login step, never the
    page, and never a stored copy."""
    assert response.get(HIT_HEADER) != "hit"
    if response.status_code == 302:
        return "login" in response["Location"]
    return response.status_code == 200 and "Password required" in (
        response.content.decode()
    )


def password(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )


# --- Pages and the listings that show them ----------------------------------------


def test_a_private_case_study_leaves_its_page_and_listings_at_once(client):
    study = CaseStudyPage.objects.get(
        locale__language_code="en", slug="one-stop-shop-brussels"
    )
    index = study.get_parent().url
    framework = "/en/competences/"
    warm(client, study.url, index, framework)
    assert study.title in html(client, index)
    assert study.title in html(client, framework)

    restriction = password(study)
    assert refused(client.get(study.url))
    assert study.title not in html(client, index)
    assert study.title not in html(client, framework)

    restriction.delete()  # public again: back everywhere at once
    assert study.title in html(client, study.url)
    assert study.title in html(client, index)
    assert study.title in html(client, framework)


def test_a_private_chapter_leaves_the_guide_and_the_full_guide(client):
    chapter = GuideChapterPage.objects.get(
        locale__language_code="en", slug="cite-des-metiers-model"
    )
    guide = chapter.get_parent().url
    warm(client, chapter.url, guide, guide + "all/")
    assert chapter.title in html(client, guide + "all/")

    password(chapter)
    assert refused(client.get(chapter.url))
    assert chapter.title not in html(client, guide)
    assert chapter.title not in html(client, guide + "all/")


def test_a_restriction_on_an_ancestor_hides_the_section_and_its_teaser(client):
    guide = GuidePage.objects.get(locale__language_code="en")
    chapter = GuideChapterPage.objects.get(
        locale__language_code="en", slug="tools-from-the-pilot-training"
    )
    warm(client, "/en/", chapter.url, chapter.get_parent().url)
    assert "home-guide-title" in html(client, "/en/")

    restriction = PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.LOGIN
    )
    assert refused(client.get(chapter.url))
    assert refused(client.get(chapter.get_parent().url))
    assert "home-guide-title" not in html(client, "/en/")
    sitemap = html(client, "/sitemap.xml")
    assert chapter.url not in sitemap and guide.url not in sitemap

    restriction.delete()
    assert "home-guide-title" in html(client, "/en/")
    assert chapter.url in html(client, "/sitemap.xml")


def test_a_private_article_leaves_home_listings_feeds_sitemap_and_api(client):
    article = NewsPage.objects.get(
        locale__language_code="en", slug="final-multiplier-event-report"
    )
    related_on = NewsPage.objects.get(
        locale__language_code="en", slug="kick-off-meeting-paris"
    )
    index = article.get_parent().url
    api = "/api/v2/pages/?type=home.NewsPage&limit=100"
    warm(client, "/en/", index, related_on.url, article.url)
    for url in ("/en/", index, related_on.url, index + "rss/", index + "atom/", api):
        assert article.title in html(client, url), url
    assert article.url in html(client, "/sitemap.xml")

    password(article)
    assert refused(client.get(article.url))
    for url in ("/en/", index, related_on.url, index + "rss/", index + "atom/", api):
        assert article.title not in html(client, url), url
    assert article.url not in html(client, "/sitemap.xml")


def test_a_private_event_leaves_the_agenda_and_the_calendar(client):
    event = EventPage.objects.get(
        locale__language_code="en", slug="pilot-training-paris"
    )
    index = event.get_parent().url
    warm(client, index + "?when=past", event.url)
    assert event.title in html(client, index + "calendar/")

    password(event)
    assert refused(client.get(event.url))
    assert refused(client.get(event.url + "ics/"))
    assert event.title not in html(client, index, when="past")
    assert event.title not in html(client, index + "calendar/")


def test_site_search_and_did_you_mean_forget_a_private_page(client, home):
    page = StandardPage(slug="quokkafield", title="Quokkafield partnership report")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Quokkafield partnership report" in html(
        client, "/en/search/", q="quokkafield"
    )
    # One typo away: found through the dictionary of public words.
    assert "Quokkafield partnership report" in html(
        client, "/en/search/", q="quokkafeld"
    )

    password(page)
    assert "Quokkafield partnership report" not in html(
        client, "/en/search/", q="quokkafield"
    )
    # Neither found nor offered as a spelling.
    assert "quokkafield" not in html(client, "/en/search/", q="quokkafeld").lower()


def test_changing_a_restrictions_groups_starts_afresh(client, home):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.GROUPS
    )
    partners = StandardPage.objects.get(locale__language_code="en", slug="partners")
    warm(client, partners.url)
    assert client.get(partners.url)[HIT_HEADER] == "hit"
    restriction.groups.add(Group.objects.get(name="Moderators"))
    assert client.get(partners.url)[HIT_HEADER] == "miss"


# --- Collections: the presentations of an event ------------------------------------


def test_a_private_collection_leaves_the_event_page_and_its_zip(client):
    event = EventPage.objects.get(
        locale__language_code="en", slug="final-multiplier-event"
    )
    collection = Collection.get_first_root_node().add_child(name="Talks")
    document = get_document_model()(title="Zebrafinch talk", collection=collection)
    document.file.save("zebrafinch.pdf", ContentFile(b"%PDF-1.4 talk"), save=False)
    document.save()
    EventPresentation.objects.create(
        page=event, document=document, title="Zebrafinch talk", sort_order=99
    )
    warm(client, event.url)
    assert "Zebrafinch talk" in html(client, event.url)

    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert "Zebrafinch talk" not in html(client, event.url)
    response = client.get(event.url + "presentations/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert not any("zebrafinch" in name for name in archive.namelist())

    restriction.delete()
    assert "Zebrafinch talk" in html(client, event.url)


# --- Directory: privacy is part of "is this centre listed" --------------------------

EN = "/en/centres/"


def centre_names(client):
    """The centre names each channel of the English directory offers."""
    # The list is paged: the Finnish centres are all on the first page of
    # the country's filter.
    titles = [
        a.get_text(strip=True)
        for a in BeautifulSoup(html(client, EN, country="FI"), "html.parser").select(
            ".directory-list h3 a"
        )
    ]
    geojson = json.loads(client.get(EN + "geojson/").content)
    text = b"".join(client.get(EN + "csv/").streaming_content).decode("utf-8-sig")
    suggestions = json.loads(client.get(EN + "autocomplete/", {"q": "ohja"}).content)
    return {
        "list": set(titles),
        "geojson": {f["properties"]["name"] for f in geojson["features"]},
        "csv": {row["name"] for row in csv.DictReader(io.StringIO(text))},
        "autocomplete": {s["label"] for s in suggestions["suggestions"]},
    }


def test_a_private_centre_leaves_every_directory_channel_at_once(client):
    centre = CentrePage.objects.get(locale__language_code="en", slug="ohjaamo-helsinki")
    warm(client, EN, EN + "?country=FI")
    assert all(centre.title in names for names in centre_names(client).values())

    restriction = password(centre)  # no new publication needed
    assert not DirectoryEntry.objects.filter(page_id=centre.pk).exists()
    assert all(centre.title not in names for names in centre_names(client).values())
    assert refused(client.get(centre.url))

    restriction.delete()
    assert DirectoryEntry.objects.filter(page_id=centre.pk).exists()
    assert all(centre.title in names for names in centre_names(client).values())


def test_a_private_directory_unlists_all_its_centres_and_only_them(client):
    directory = DirectoryPage.objects.get(locale__language_code="en")
    english = set(
        CentrePage.objects.live().child_of(directory).values_list("pk", flat=True)
    )
    others = DirectoryEntry.objects.exclude(page_id__in=english).count()
    assert others  # the other languages' directories
    warm(client, "/en/")
    assert "home-directory-title" in html(client, "/en/")

    restriction = PageViewRestriction.objects.create(
        page=directory, restriction_type=PageViewRestriction.LOGIN
    )
    assert not DirectoryEntry.objects.filter(page_id__in=english).exists()
    assert DirectoryEntry.objects.exclude(page_id__in=english).count() == others
    assert "home-directory-title" not in html(client, "/en/")
    assert refused(client.get(EN))

    restriction.delete()
    assert "home-directory-title" in html(client, "/en/")
    assert (
        set(
            DirectoryEntry.objects.filter(page_id__in=english).values_list(
                "page_id", flat=True
            )
        )
        == english
    )


def test_the_suggestion_form_is_not_filled_from_a_private_centre(client):
    centre = CentrePage.objects.get(locale__language_code="en", slug="ohjaamo-turku")
    form = BeautifulSoup(html(client, EN + "suggest/", centre=centre.pk), "html.parser")
    assert form.select_one("#id_name")["value"] == "Ohjaamo Turku"
    password(centre)
    form = BeautifulSoup(html(client, EN + "suggest/", centre=centre.pk), "html.parser")
    assert form.select_one("#id_name").get("value") is None


# --- Language switcher and hreflang ----------------------------------------------


def test_a_public_page_does_not_point_at_a_private_translation(client, locales):
    about = StandardPage.objects.get(locale__language_code="en", slug="about")
    italian = about.get_translation(locales["it"])
    warm(client, about.url)

    def alternates():
        page = BeautifulSoup(html(client, about.url), "html.parser")
        return {
            link["hreflang"]: link["href"]
            for link in page.find_all("link", rel="alternate", hreflang=True)
        }

    assert alternates()["it"].endswith(italian.url)
    password(italian)
    assert "it" not in alternates()
    switcher = BeautifulSoup(html(client, about.url), "html.parser").find(
        "nav", class_="language-switcher"
    )
    assert italian.url not in str(switcher)
