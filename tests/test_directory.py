"""The centre directory as visitors, editors and moderators see it (issue 6)."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailTestUtils

from directory.models import CentrePage, DirectoryEntry, DirectoryPage, Service
from directory.search import tokens
from home.models import HomePage
from tests.factories import (
    DirectoryPageFactory,
    HomePageFactory,
    ServiceFactory,
    localized,
)

EN = "/en/centres/"
FR = "/fr/centres/"
SERVICES = [  # slug, English, French
    ("information", "Information", "Information"),
    ("guidance", "Guidance and counselling", "Orientation et conseil"),
    ("education", "Education", "Éducation"),
    ("training", "Training", "Formation"),
    ("employment", "Employment", "Emploi"),
    ("entrepreneurship", "Entrepreneurship", "Création d’entreprise"),
    ("social-care", "Social care", "Action sociale"),
    ("validation", "Validation of skills", "Validation des acquis"),
    ("mobility", "Mobility abroad", "Mobilité à l’étranger"),
]
CISOK = "CISOK {} lifelong career guidance centre"
CISOK_FR = "Centre d’orientation tout au long de la vie CISOK {}"
CENTRES = [  # id, name, type, country, city, latitude, longitude, services
    (
        "cdm-paris-villette",
        "Cité des métiers de Paris la Villette",
        "cite_des_metiers",
        "FR",
        "Paris",
        48.8957,
        2.388,
        ["information", "guidance", "mobility"],
    ),
    (
        "cdm-la-reunion",
        "Cité des métiers de La Réunion",
        "cite_des_metiers",
        "FR",
        "Saint-Pierre",
        -21.34,
        55.48,
        ["guidance", "mobility"],
    ),
    (
        "cdm-bruxelles",
        "Cité des métiers de Bruxelles",
        "cite_des_metiers",
        "BE",
        "Brussels",
        50.85,
        4.35,
        ["guidance", "employment"],
    ),
    *[
        (
            f"ohjaamo-{city.lower()}",
            f"Ohjaamo {city}",
            "one_stop_shop",
            "FI",
            city,
            latitude,
            longitude,
            ["guidance", "social-care"],
        )
        for city, latitude, longitude in [
            ("Helsinki", 60.17, 24.94),
            ("Tampere", 61.50, 23.76),
            ("Turku", 60.45, 22.27),
        ]
    ],
    *[
        (
            f"cisok-{city.lower()}",
            CISOK.format(city),
            "guidance_centre",
            "HR",
            city,
            latitude,
            longitude,
            ["guidance", "employment"],
        )
        for city, latitude, longitude in [
            ("Zagreb", 45.81, 15.98),
            ("Split", 43.51, 16.44),
            ("Rijeka", 45.33, 14.44),
            ("Osijek", 45.55, 18.69),
        ]
    ],
]
LANGUAGES = {"FR": "fr, en", "BE": "fr, nl", "FI": "fi, sv, en", "HR": "hr"}


@pytest.fixture(scope="module", autouse=True)
def directory_site(module_data):
    """A site in English, French and Italian with the directory (English and
    French), nine services and ten centres in four countries, each in English
    and French, built once for this module through Wagtail and
    wagtail-localize."""
    home = HomePageFactory.as_site_root()
    localized(home, "fr")
    localized(home, "it")
    services = {}
    for order, (slug, name, french) in enumerate(SERVICES):
        services[slug] = ServiceFactory(slug=slug, name=name, sort_order=order)
        localized(services[slug], "fr", {name: french})
    directory = DirectoryPageFactory(parent=home)
    localized(directory, "fr", {directory.title: "Annuaire des centres"})
    for external_id, name, kind, country, city, lat, lng, slugs in CENTRES:
        description = f"<p>{name} welcomes everyone.</p>"
        centre = CentrePage(
            title=name,
            slug=external_id,
            external_id=external_id,
            centre_type=kind,
            country=country,
            city=city,
            address=f"1 Main Street, {city}",
            latitude=lat,
            longitude=lng,
            languages=LANGUAGES[country],
            website=f"https://{external_id}.example.org/",
            same_as=f"https://www.wikidata.org/wiki/{external_id}",
            description=description,
        )
        centre.services = [services[slug] for slug in slugs]
        directory.add_child(instance=centre)
        centre.save_revision().publish()
        french = {f"{name} welcomes everyone.": f"{name} accueille tout le monde."}
        if name.startswith("CISOK"):
            french[name] = CISOK_FR.format(city)
        if external_id == "cdm-paris-villette":
            french[f"{name} welcomes everyone."] = "La première Cité des métiers."
        localized(centre, "fr", french)
    return home


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [
        a.get_text(strip=True) for a in soup(response).select(".directory-list h3 a")
    ]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def directory(db):
    return DirectoryPage.objects.get(locale__language_code="en", slug="centres")


def make_centre(directory, title, publish=True, **fields):
    defaults = {
        "country": "FR",
        "city": "Lyon",
        "latitude": 45.76,
        "longitude": 4.83,
        "centre_type": "guidance_centre",
    }
    defaults.update(fields)
    page = CentrePage(title=title, live=publish, **defaults)
    directory.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


# Page types ------------------------------------------------------------------
class TestPageTypes(WagtailTestUtils):
    def test_tree_rules(self, db):
        assert DirectoryPage.parent_page_types == ["home.HomePage"]
        assert DirectoryPage.subpage_types == [
            "directory.CentrePage",
            "tours.VirtualTourIndexPage",
        ]
        assert DirectoryPage.max_count_per_parent == 1
        assert CentrePage.parent_page_types == ["directory.DirectoryPage"]
        assert CentrePage.subpage_types == ["tours.VirtualTourPage"]
        assert CentrePage.can_create_at(DirectoryPage())
        assert not CentrePage.can_create_at(HomePage())

    def test_contact_data_and_coordinates_are_synchronised(self):
        synced = {f.field_name for f in CentrePage.override_translatable_fields}
        for name in ("latitude", "longitude", "email", "phone", "website", "address"):
            assert name in synced
        latitude = CentrePage._meta.get_field("latitude")
        assert latitude.get_internal_type() == "FloatField"

    def test_every_field_has_help_text(self):

        # Wagtail's own fields (publishing, locking, revisions: Page has them all).
        wagtail_fields = {f.name for f in Page._meta.get_fields()}
        for model in (DirectoryPage, CentrePage, Service, DirectoryEntry):
            for field in model._meta.local_fields:
                inherited = (
                    field.name in ("translation_key", "locale")
                    or field.name in wagtail_fields
                )
                if field.name.endswith("_ptr") or field.auto_created or inherited:
                    continue
                assert field.help_text, f"{model.__name__}.{field.name}"


# The list --------------------------------------------------------------------
@pytest.mark.django_db
class TestDirectoryList:
    def test_english_and_french_directory_pages(self, client):
        response = client.get(EN, {"country": "FR"})
        assert response.status_code == 200
        page = soup(response)
        assert page.h1.get_text() == "Centre directory"
        assert "Cité des métiers de Paris la Villette" in result_titles(response)
        assert page.select_one("form[role=search] label[for=id_q]")
        french = client.get(FR, {"country": "HR"})
        assert french.status_code == 200
        assert soup(french).h1.get_text() == "Annuaire des centres"
        assert "Centre d’orientation tout au long de la vie CISOK Zagreb" in (
            result_titles(french)
        )

    def test_result_links_resolve(self, client):
        response = client.get(EN)
        for link in soup(response).select(".directory-list h3 a")[:5]:
            assert client.get(link["href"]).status_code == 200

    def test_filters_combine(self, client):
        finnish = client.get(EN, {"country": "FI", "type": "one_stop_shop"})
        assert sorted(result_titles(finnish)) == [
            "Ohjaamo Helsinki",
            "Ohjaamo Tampere",
            "Ohjaamo Turku",
        ]
        none = client.get(EN, {"country": "FI", "type": "cite_des_metiers"})
        assert result_titles(none) == []
        assert "No centre matches" in none.content.decode()
        mobility = client.get(EN, {"country": "FR", "service": "mobility"})
        assert sorted(result_titles(mobility)) == [
            "Cité des métiers de La Réunion",
            "Cité des métiers de Paris la Villette",
        ]
        combined = client.get(
            EN, {"q": "ohjaamo", "language": "fi", "service": "social-care"}
        )
        assert len(result_titles(combined)) == 3
        assert result_titles(client.get(EN, {"q": "ohjaamo", "language": "hr"})) == []

    def test_result_count_and_removable_active_filters(self, client):
        response = client.get(EN, {"country": "HR", "q": "CISOK"})
        page = soup(response)
        assert "4 centres found" in page.select_one(".directory-results__count").text
        chips = page.select(".directory-active a.chip")
        assert len(chips) == 2
        removed = client.get(chips[0]["href"])
        assert removed.status_code == 200
        assert len(soup(removed).select(".directory-active a.chip")) == 1

    def test_text_search_is_accent_and_case_insensitive(self, client):
        assert "Cité des métiers de Bruxelles" in result_titles(
            client.get(EN, {"q": "CITE DES METIERS bruxelles"})
        )
        assert "Cité des métiers de Bruxelles" in result_titles(
            client.get(FR, {"q": "cité brux"})
        )

    def test_near_me_sorts_by_distance(self, client):
        response = client.get(EN, {"lat": "45.81", "lng": "15.98"})
        titles = result_titles(response)
        assert titles[0] == "CISOK Zagreb lifelong career guidance centre"
        assert "km away" in soup(response).select_one(".centre-card__meta").text

    def test_pagination_20_a_page(self, client, directory):
        call_command("generate_centres", centres=25, stdout=io.StringIO())
        first = client.get(EN)
        assert len(result_titles(first)) == 20
        next_link = soup(first).select_one(".pagination a[rel=next]")
        second = client.get(EN + next_link["href"])
        assert second.status_code == 200
        assert set(result_titles(second)).isdisjoint(result_titles(first))
        assert client.get(EN, {"page": "999"}).status_code == 200
        assert client.get(EN, {"page": "x"}).status_code == 200

    def test_invalid_filter_values_are_ignored_with_a_message(self, client):
        response = client.get(EN, {"country": "ZZ", "lat": "north"})
        assert response.status_code == 200
        assert soup(response).select(".field-error")
        assert len(result_titles(response)) == 14 or result_titles(response)


HOSTILE = [
    '"',
    '""',
    "*",
    "AND",
    "OR NOT AND",
    "NEAR(a b",
    "{title}: x",
    "title:paris",
    "^paris",
    "-paris",
    "a" * 10_000,
    "x\x00y",
    "\x00",
    "日本語のテキスト ç ß Ω 🙂",
    "'; DROP TABLE directory_directoryentry; --",
    "1 OR 1=1",
    "zzcfr",
    "%_%",
    "   ",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE)
def test_any_query_string_returns_a_page(client, query):
    for params in ({"q": query}, {"q": query, "country": "FR", "service": query}):
        response = client.get(EN, params)
        assert response.status_code == 200
        assert soup(response).select_one(".directory-results__count")
        geojson = client.get(EN + "geojson/", {**params, "bbox": query})
        assert geojson.status_code == 200
        assert json.loads(geojson.content)["type"] == "FeatureCollection"
        assert client.get(EN + "csv/", params).status_code == 200
        suggestions = client.get(EN + "autocomplete/", params)
        assert suggestions.status_code == 200
        assert isinstance(json.loads(suggestions.content)["suggestions"], list)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"lat": "nan", "lng": "inf"},
        {"lat": "1e999", "lng": "-1e999"},
        {"lat": "91", "lng": "0"},
        {"lat": "45"},
        {"bbox": "nan,nan,nan,nan"},
        {"bbox": "10,60,0,50"},
        {"bbox": "170,-10,-170,10"},
        {"page": "-1"},
        {"page": "99999999999999999999999"},
        {"tour": "\x00"},
    ],
)
def test_hostile_coordinates_and_pages(client, params):
    assert client.get(EN, params).status_code == 200
    response = client.get(EN + "geojson/", params)
    assert response.status_code == 200
    assert json.loads(response.content)["type"] == "FeatureCollection"


def test_tokens_keep_only_letters_and_digits():
    assert tokens('"Cité" AND des*métiers; DROP--') == [
        "cite",
        "and",
        "des",
        "metiers",
        "drop",
    ]
    assert len(tokens("word " * 1000)) <= 8
    assert tokens("\x00\"'*") == []


# Unpublished centres ------------------------------------------------------------
@pytest.mark.django_db
class TestUnpublishedCentresStayHidden:
    NAME = "Qwertyzentrum Unpublished"

    def assert_hidden(self, client):
        assert self.NAME not in result_titles(client.get(EN))
        assert self.NAME not in result_titles(client.get(EN, {"q": "qwertyzentrum"}))
        geojson = json.loads(client.get(EN + "geojson/").content)
        assert self.NAME not in [f["properties"]["name"] for f in geojson["features"]]
        assert self.NAME not in [r["name"] for r in csv_rows(client.get(EN + "csv/"))]
        suggestions = json.loads(
            client.get(EN + "autocomplete/", {"q": "qwerty"}).content
        )["suggestions"]
        assert suggestions == []

    def test_draft_never_published(self, client, directory):
        make_centre(directory, self.NAME, publish=False)
        self.assert_hidden(client)

    def test_published_then_unpublished_then_deleted(self, client, directory):
        page = make_centre(directory, self.NAME)
        assert self.NAME in result_titles(client.get(EN, {"q": "qwertyzentrum"}))
        suggestions = json.loads(
            client.get(EN + "autocomplete/", {"q": "qwerty"}).content
        )["suggestions"]
        assert [s["label"] for s in suggestions] == [self.NAME]
        page.unpublish()
        self.assert_hidden(client)
        page.save_revision().publish()
        assert DirectoryEntry.objects.filter(page_id=page.pk).exists()
        page.delete()
        assert not DirectoryEntry.objects.filter(page_id=page.pk).exists()
        self.assert_hidden(client)

    def test_private_centre(self, client, directory):
        from wagtail.models import PageViewRestriction

        page = make_centre(directory, self.NAME)
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="secret"
        )
        page.save_revision().publish()
        self.assert_hidden(client)


# Map data and exports ------------------------------------------------------------
@pytest.mark.django_db
class TestGeoJSONAndCSV:
    def test_geojson_is_rfc7946(self, client):
        response = client.get(EN + "geojson/", {"country": "HR"})
        assert response["Content-Type"] == "application/geo+json"
        data = json.loads(response.content)
        assert data["type"] == "FeatureCollection"
        assert len(data["features"]) == 4
        for feature in data["features"]:
            assert feature["type"] == "Feature"
            assert feature["geometry"]["type"] == "Point"
            longitude, latitude = feature["geometry"]["coordinates"]
            assert 13 < longitude < 20 and 42 < latitude < 47  # [lon, lat] order
            assert client.get(feature["properties"]["url"]).status_code == 200

    def test_geojson_bbox(self, client):
        data = json.loads(client.get(EN + "geojson/", {"bbox": "20,59,26,61"}).content)
        names = sorted(f["properties"]["name"] for f in data["features"])
        assert names == ["Ohjaamo Helsinki", "Ohjaamo Turku"]
        assert data["bbox"] == [20, 59, 26, 61]

    def test_geojson_is_announced_in_the_head(self, client):
        page = soup(client.get("/fr/"))
        link = page.select_one('link[type="application/geo+json"]')
        assert link["href"].startswith("/fr/centres/")
        assert client.get(link["href"]).status_code == 200

    def test_csv_is_the_same_filtered_list(self, client):
        response = client.get(EN + "csv/", {"country": "FI"})
        assert response["Content-Type"].startswith("text/csv")
        rows = csv_rows(response)
        assert sorted(r["name"] for r in rows) == sorted(
            result_titles(client.get(EN, {"country": "FI"}))
        )
        assert rows[0]["latitude"] and rows[0]["url"].startswith("http")


@pytest.mark.django_db
def test_autocomplete_names_and_cities(client):
    data = json.loads(client.get(EN + "autocomplete/", {"q": "zag"}).content)
    kinds = {(s["kind"], s["label"]) for s in data["suggestions"]}
    assert ("city", "Zagreb") in kinds
    assert ("centre", "CISOK Zagreb lifelong career guidance centre") in kinds
    data = json.loads(client.get(FR + "autocomplete/", {"q": "ohja"}).content)
    assert {s["label"] for s in data["suggestions"]} == {
        "Ohjaamo Helsinki",
        "Ohjaamo Tampere",
        "Ohjaamo Turku",
    }
    assert json.loads(client.get(EN + "autocomplete/").content)["suggestions"] == []


# Centre pages ------------------------------------------------------------------
@pytest.mark.django_db
class TestCentrePage:
    def test_json_ld_and_map(self, client):
        response = client.get(EN + "cdm-paris-villette/")
        assert response.status_code == 200
        page = soup(response)
        data = []
        for script in page.select('script[type="application/ld+json"]'):
            parsed = json.loads(script.string)
            data += parsed if isinstance(parsed, list) else [parsed]
        centre = next(d for d in data if "Organization" in str(d.get("@type")))
        assert centre["@type"] == ["Organization", "Place"]
        assert centre["address"]["addressLocality"] == "Paris"
        assert centre["geo"]["latitude"] == pytest.approx(48.8957)
        assert centre["sameAs"]
        map_box = page.select_one(".centre-map")
        assert float(map_box["data-latitude"]) == pytest.approx(48.8957)
        assert page.select_one(".centre-page__facts address")

    def test_french_translation_keeps_coordinates(self, client):
        response = client.get(FR + "cdm-paris-villette/")
        assert response.status_code == 200
        text = response.content.decode()
        assert "La première Cité des métiers" in text
        assert "Orientation et conseil" in text  # service in French
        english = CentrePage.objects.get(
            locale__language_code="en", external_id="cdm-paris-villette"
        )
        french = english.get_translation(Locale.objects.get(language_code="fr"))
        assert (french.latitude, french.longitude) == (
            english.latitude,
            english.longitude,
        )

    def test_virtual_tour_is_click_to_load_with_text_alternative(
        self, client, directory
    ):
        page = make_centre(
            directory,
            "Tour Test Centre",
            virtual_tour_url="https://tours.example.org/1/",
            virtual_tour_text="The open space, the library and the workshop room.",
        )
        html = client.get(page.url)
        tour = soup(html).select_one(".centre-tour")
        assert tour.select_one("iframe") is None
        assert "the library" in tour.text
        assert tour.select_one("a.centre-tour__load")["href"] == (
            "https://tours.example.org/1/"
        )
        assert "Tour Test Centre" in result_titles(client.get(EN, {"tour": "on"}))
        assert "Ohjaamo Turku" not in result_titles(client.get(EN, {"tour": "on"}))


@pytest.mark.django_db
def test_home_page_teaser(client):
    page = soup(client.get("/fr/"))
    section = page.select_one(".home-directory")
    assert section.h2.get_text() == "Annuaire des centres"
    assert section.select_one("form")["action"] == "/fr/centres/"


# Query count ---------------------------------------------------------------------
@pytest.mark.django_db
def test_list_query_count_is_flat_from_10_to_1000_centres(client, django_db_blocker):
    italian_home = HomePage.objects.get(locale__language_code="it")
    directory = DirectoryPage(title="Centri", slug="centri")
    italian_home.add_child(instance=directory)
    directory.save_revision().publish()
    url = directory.url

    def count_queries(params):
        client.get(url, params)  # warm caches (facets) as a second visitor would
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(queries), len(result_titles(response))

    scenarios = [{}, {"q": "career"}, {"service": "guidance", "lat": "45", "lng": "9"}]
    call_command("generate_centres", centres=10, language="it", stdout=io.StringIO())
    small = [count_queries(params) for params in scenarios]
    call_command("generate_centres", centres=990, language="it", stdout=io.StringIO())
    large = [count_queries(params) for params in scenarios]
    assert [q for q, _n in small] == [q for q, _n in large]
    assert large[0][1] == 20


# Import --------------------------------------------------------------------------
@pytest.mark.django_db
class TestImport:
    GOOD = (
        "external_id,name,type,country,city,latitude,longitude,services,languages\n"
        "imp-1,Imported Centre One,Cité des métiers,FR,Lyon,45.76,4.83,guidance;training,fr\n"
        "imp-2,Imported Centre Two,online_service,BE,Brussels,,,information,\n"
    )

    def write(self, tmp_path, name, text):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    def test_bad_file_is_rejected_atomically_with_line_and_column(self, tmp_path):
        path = self.write(
            tmp_path,
            "bad.csv",
            self.GOOD
            + "imp-3,,spaceship,ZZ,Nice,95,7.2,nonsense,\n"
            + "imp-1,Duplicate,,FR,Lyon,,,,\n",
        )
        before = CentrePage.objects.count()
        errors = io.StringIO()
        with pytest.raises(CommandError, match="nothing was imported"):
            call_command("import_centres", path, stderr=errors)
        report = errors.getvalue()
        assert "line 4, column name" in report
        assert "line 4, column type" in report
        assert "line 4, column country" in report
        assert "line 4, column latitude" in report
        assert "line 4, column services" in report
        assert "line 5, column external_id" in report
        assert CentrePage.objects.count() == before

    def test_csv_creates_drafts_then_upserts(self, client, tmp_path):
        path = self.write(tmp_path, "good.csv", self.GOOD)
        call_command("import_centres", path, "--dry-run", stdout=io.StringIO())
        assert not CentrePage.objects.filter(external_id="imp-1").exists()
        out = io.StringIO()
        call_command("import_centres", path, stdout=out)
        assert "Created 2" in out.getvalue()
        page = CentrePage.objects.get(external_id="imp-1")
        assert not page.live
        assert page.locale.language_code == "en"
        assert sorted(s.slug for s in page.services.all()) == ["guidance", "training"]
        assert "Imported Centre One" not in result_titles(
            client.get(EN, {"q": "imported"})
        )
        changed = self.GOOD.replace("Imported Centre One", "Imported Centre Renamed")
        out = io.StringIO()
        call_command(
            "import_centres", self.write(tmp_path, "b.csv", changed), stdout=out
        )
        assert "Created 0 and updated 2" in out.getvalue()
        assert CentrePage.objects.filter(external_id="imp-1").count() == 1
        page.refresh_from_db()
        assert page.get_latest_revision_as_object().title == "Imported Centre Renamed"

    def test_geojson_in_french(self, tmp_path):
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [4.83, 45.76]},
            "properties": {
                "external_id": "geo-1",
                "name": "Centre importé",
                "country": "FR",
                "city": "Lyon",
            },
        }
        path = self.write(
            tmp_path,
            "c.geojson",
            json.dumps({"type": "FeatureCollection", "features": [feature]}),
        )
        call_command("import_centres", path, "--language", "fr", stdout=io.StringIO())
        page = CentrePage.objects.get(external_id="geo-1")
        assert page.locale.language_code == "fr"
        assert (page.latitude, page.longitude) == (45.76, 4.83)
        assert not page.live
        bad = dict(feature, geometry={"type": "LineString", "coordinates": [[0, 0]]})
        path = self.write(
            tmp_path,
            "d.geojson",
            json.dumps({"type": "FeatureCollection", "features": [bad]}),
        )
        errors = io.StringIO()
        with pytest.raises(CommandError):
            call_command("import_centres", path, stderr=errors)
        assert "feature 1, column geometry" in errors.getvalue()


# Suggestions ---------------------------------------------------------------------
VALID = {
    "name": "Suggested Guidance Centre",
    "centre_type": "guidance_centre",
    "country": "IT",
    "city": "Bologna",
    "latitude": "44.49",
    "longitude": "11.34",
    "services": ["guidance"],
    "languages": "it, en",
    "contact_name": "Ada Visitor",
    "contact_email": "ada@example.org",
    "message": "Opened last spring.",
}


@pytest.mark.django_db
class TestSuggestions:
    @pytest.fixture(autouse=True)
    def moderator(self, db):
        user = User.objects.create_user(
            "moderator", "moderator@example.org", "x", is_staff=True
        )
        user.groups.add(Group.objects.get(name="Moderators"))
        return user

    def test_form_renders_with_labels(self, client):
        response = client.get(EN + "suggest/")
        assert response.status_code == 200
        page = soup(response)
        for control in page.select(
            ".suggest-form input:not([type=hidden]), .suggest-form select, "
            ".suggest-form textarea"
        ):
            assert page.select_one(f'label[for="{control["id"]}"]'), control["id"]

    def test_invalid_input_is_re_rendered_with_what_was_typed(self, client):
        data = dict(VALID, contact_email="not-an-address", latitude="200")
        response = client.post(EN + "suggest/", data)
        assert response.status_code == 400
        page = soup(response)
        assert page.select_one("#form-errors")
        assert page.select_one("#id_name")["value"] == VALID["name"]
        assert page.select_one("#id_contact_email")["value"] == "not-an-address"
        assert page.select_one("#id_message").get_text().strip() == VALID["message"]
        assert not CentrePage.objects.filter(title=VALID["name"]).exists()

    def test_valid_suggestion_becomes_a_draft_in_moderation(self, client):
        response = client.post(EN + "suggest/", VALID)
        assert response.status_code == 200
        assert "waiting for a moderator" in response.content.decode()
        page = CentrePage.objects.get(title=VALID["name"])
        assert not page.live
        assert page.get_parent().specific.locale.language_code == "en"
        assert page.workflow_in_progress
        assert VALID["name"] not in result_titles(client.get(EN, {"q": "suggested"}))
        assert len(mail.outbox) == 1
        assert "moderator@example.org" in mail.outbox[0].to
        assert f"/admin/pages/{page.pk}/edit/" in mail.outbox[0].body

    def test_update_of_existing_centre_is_kept_apart_from_the_page(self, client):
        from directory.models import CentreSuggestion

        live = CentrePage.objects.get(
            locale__language_code="en", external_id="ohjaamo-turku"
        )
        revisions = live.revisions.count()
        form = client.get(EN + "suggest/", {"centre": live.pk})
        assert soup(form).select_one("#id_name")["value"] == "Ohjaamo Turku"
        data = dict(VALID, centre=live.pk, name="Ohjaamo Turku (new address)")
        response = client.post(EN + f"suggest/?centre={live.pk}", data)
        assert response.status_code == 200
        live.refresh_from_db()
        assert live.title == "Ohjaamo Turku"
        assert live.revisions.count() == revisions
        assert not live.has_unpublished_changes
        suggestion = CentreSuggestion.objects.get(centre=live)
        assert suggestion.is_update and suggestion.data["name"] == data["name"]
        assert "Ohjaamo Turku" in result_titles(client.get(EN, {"q": "turku"}))

    def test_honeypot_keeps_nothing(self, client):
        response = client.post(EN + "suggest/", dict(VALID, homepage="http://spam"))
        assert response.status_code == 200
        assert not CentrePage.objects.filter(title=VALID["name"]).exists()
        assert mail.outbox == []

    def test_rate_limit(self, client):
        for _ in range(10):
            client.post(EN + "suggest/", dict(VALID, contact_email="bad"))
        response = client.post(EN + "suggest/", VALID)
        assert response.status_code == 429
        assert soup(response).select_one("#id_name")["value"] == VALID["name"]
        assert not CentrePage.objects.filter(title=VALID["name"]).exists()

    def test_no_cookie_on_the_directory_page(self, client):
        response = client.get(EN)
        assert not response.cookies


@pytest.mark.django_db
def test_a_broad_text_search_lists_its_first_matches_and_says_there_are_more(
    client, monkeypatch
):
    """Past COUNT_LIMIT matches a text search stops counting: the visitor reads
    "more than", gets the first matches in pages and a hint to narrow down;
    listings without text keep their exact count."""
    from directory import views

    call_command("generate_centres", centres=200, stdout=io.StringIO())
    monkeypatch.setattr(views, "COUNT_LIMIT", 40)
    matching = len(csv_rows(client.get(EN + "csv/", {"q": "centre"})))
    assert matching > 40
    page = soup(client.get(EN, {"q": "centre"}))
    assert page.select_one(".directory-results__count").text.strip() == (
        "More than 40 centres found"
    )
    assert "add a word, a filter or your position" in page.text
    assert "Page 1 of 2" in page.select_one(".pagination").text
    last = client.get(EN, {"q": "centre", "page": "3"})
    assert last.status_code == 200
    assert "Page 2 of 2" in soup(last).select_one(".pagination").text
    seen = result_titles(client.get(EN, {"q": "centre"})) + result_titles(last)
    assert len(seen) == len(set(seen)) == 40
    everything = soup(client.get(EN))
    total = DirectoryEntry.objects.filter(locale__language_code="en").count()
    assert total > 40
    assert everything.select_one(".directory-results__count").text.strip() == (
        f"{total} centres found"
    )
    call_command("generate_centres", centres=200, language="fr", stdout=io.StringIO())
    french = soup(client.get("/fr/centres/", {"q": "centre"}))
    assert "Plus de 40 centres trouvés" in french.text


@pytest.mark.django_db
def test_broad_queries_and_near_sort_at_scale_give_the_same_pages(client, monkeypatch):
    """The shortcuts taken for large directories (search.RANK_LIMIT and
    NEAR_LIMIT) list every match once and keep the nearest first."""
    from directory import search

    call_command("generate_centres", centres=60, stdout=io.StringIO())
    full = csv_rows(client.get(EN + "csv/", {"q": "centre"}))
    monkeypatch.setattr(search, "RANK_LIMIT", 5)
    monkeypatch.setattr(search, "NEAR_LIMIT", 5)
    seen = []
    page = 1
    while True:
        response = client.get(EN, {"q": "centre", "page": page})
        titles = result_titles(response)
        seen += titles
        if not soup(response).select_one(".pagination a[rel=next]"):
            break
        page += 1
    assert len(seen) == len(set(seen)) == len(full)
    near = result_titles(client.get(EN, {"lat": "45.81", "lng": "15.98"}))
    monkeypatch.setattr(search, "NEAR_LIMIT", 10**9)
    assert near == result_titles(client.get(EN, {"lat": "45.81", "lng": "15.98"}))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "point, text, service",
    [
        ((41.15, -8.61), "career", "guidance"),  # Porto: west of Greenwich
        ((45.81, 15.98), "", ""),  # Zagreb, no text: the geographic index alone
        ((45.81, 15.98), "youth", ""),
        ((48.85, 2.35), "", "employment"),
    ],
)
def test_near_boxes_give_the_pages_of_the_full_sort(point, text, service):
    """Nearest-first pages found in boxes (geographic cells inside FTS5 on
    SQLite) are exactly those of sorting every match by distance."""
    from directory import search

    call_command("generate_centres", centres=400, stdout=io.StringIO())
    locale = Locale.objects.get(language_code="en")
    query = search.DirectoryQuery(
        locale_id=locale.pk, text=text, service=service, near=point
    )
    total = query.count()
    assert total > 40
    sql, params = query.sql()
    everything = [entry.pk for entry in DirectoryEntry.objects.raw(sql, params)]
    for offset in (0, 20):
        boxed = query._near_entries(20, offset, total)
        assert boxed is not None  # answered by a box, not by the full sort
        assert [entry.pk for entry in boxed] == everything[offset : offset + 20]


@pytest.mark.django_db
def test_editors_can_edit_and_create_centres(client, directory):
    admin = User.objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(admin)
    centre = CentrePage.objects.child_of(directory).first()
    response = client.get(f"/admin/pages/{centre.pk}/edit/")
    assert response.status_code == 200
    services = soup(response).select('input[name="services"]')
    assert (
        services
        and len(services) == Service.objects.filter(locale=directory.locale).count()
    )
    add = client.get(f"/admin/pages/add/directory/centrepage/{directory.pk}/")
    assert add.status_code == 200
    assert client.get("/admin/snippets/directory/service/").status_code == 200


def test_tour_is_embedded_only_from_hosts_the_csp_allows(settings):
    from directory.models import tour_embeddable

    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"frame-src": ["https://tours.example.org"]}
    }
    assert tour_embeddable("https://tours.example.org/1/")
    assert not tour_embeddable("https://elsewhere.example.com/1/")
    assert not tour_embeddable("http://tours.example.org/1/")
    assert not tour_embeddable("javascript:alert(1)")


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="an index of PostgreSQL only"
)
def test_postgresql_filters_use_the_facets_index():
    """The filters are matched against the stored facets vector that the GIN
    index of migration 0005 covers, and the vector holds the facet tokens."""
    from directory import search

    centre = make_centre(
        DirectoryPage.objects.get(locale__language_code="en"),
        "Facet test centre",
        country="IS",
    )
    locale = Locale.objects.get(language_code="en")
    query = search.DirectoryQuery(locale_id=locale.pk, country="IS")
    sql, params = query.sql(20, 0)
    assert "e.facets_vector @@ to_tsquery" in sql
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["directory_entry_facets_gin"],
        )
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT facets_vector::text FROM directory_directoryentry "
            "WHERE page_id = %s",
            [centre.pk],
        )
        (vector,) = cursor.fetchone()
    assert definition.endswith("USING gin (facets_vector)")
    assert "'zzcis'" in vector and f"'zzl{locale.pk}'" in vector
    assert [e.page_id for e in query.entries(limit=20)] == [centre.pk]


# The map's layers: local by default, tiles only on request ---------------------
DETAIL_BUTTON = "Show a detailed map (loads tiles from OpenStreetMap)"


def third_party_urls_in_markup(html):
    """(tag, attribute, value) for every attribute naming the tile host, apart
    from the map's data-tile-url that the script reads on request."""
    return [
        (tag.name, name, value)
        for tag in BeautifulSoup(html, "html.parser").find_all(True)
        for name, value in tag.attrs.items()
        if "tile.openstreetmap.org" in str(value) and name != "data-tile-url"
    ]


def a_centre_url(client):
    return soup(client.get(EN)).select_one(".directory-list h3 a")["href"]


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["directory", "centre"])
def test_maps_open_on_the_local_outline_and_offer_tiles_on_request(client, which):
    url = EN if which == "directory" else a_centre_url(client)
    response = client.get(url)
    html = response.content.decode()
    page = soup(response)
    box = page.select_one(".directory-map" if which == "directory" else ".centre-map")
    # The whole of Europe opens on the light outline, a centre on the detailed one.
    detailed = "/vendor/world-atlas/europe-50m.json"
    if which == "directory":
        assert box["data-outline-url"].endswith("/vendor/world-atlas/europe-110m.json")
        assert box["data-outline-detail-url"].endswith(detailed)
    else:
        assert box["data-outline-url"].endswith(detailed)
    assert box["data-tile-url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "Natural Earth" in box["data-outline-attribution"]
    # Nothing in the markup loads from the tile host; only the button's script may.
    assert third_party_urls_in_markup(html) == []
    assert not page.select('link[rel~="preconnect"], link[rel~="dns-prefetch"]')
    button = page.select_one(".map-detail button")
    assert button.name == "button" and button["type"] == "button"
    assert button.get_text(strip=True) == DETAIL_BUTTON
    assert button["aria-controls"] == box["id"]
    help_text = page.select_one(f"#{button['aria-describedby']}").get_text()
    assert "your browser then contacts that service" in help_text
    assert "Nothing is remembered" in help_text
    status = page.select_one(".map-detail [role=status]")
    assert status["data-shown-text"] == "Detailed map from OpenStreetMap shown."
    # Without JavaScript neither the map nor its button is shown.
    assert box.has_attr("hidden") and page.select_one(".map-detail").has_attr("hidden")
    if which == "centre":
        link = page.find("a", string="Open in OpenStreetMap")
        assert link["href"].startswith("https://www.openstreetmap.org/?mlat=")


@pytest.mark.django_db
def test_no_detailed_map_button_without_a_tile_url_the_csp_allows(client, settings):
    settings.DIRECTORY_TILE_URL = ""
    assert not soup(client.get(EN)).select(".map-detail")
    settings.DIRECTORY_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}
    }
    page = soup(client.get(EN))
    assert not page.select(".map-detail")
    assert page.select_one(".directory-map")["data-tile-url"] == ""
    settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        "https://tiles.example.org"
    )
    button = soup(client.get(EN)).select_one(".map-detail button")
    assert "loads tiles from tiles.example.org" in button.get_text()


def test_tiles_are_allowed_by_origin_scheme_or_self(settings):
    from directory.maps import tiles_allowed

    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"img-src": ["'self'", "https://tiles.example.org"]}
    }
    assert tiles_allowed("https://tiles.example.org/{z}/{x}/{y}.png")
    assert tiles_allowed("/tiles/{z}/{x}/{y}.png")
    assert not tiles_allowed("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    assert not tiles_allowed("http://tiles.example.org/{z}/{x}/{y}.png")
    assert not tiles_allowed("")
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"img-src": ["https:"]}}
    assert tiles_allowed("https://tile.openstreetmap.org/{z}/{x}/{y}.png")


@pytest.mark.django_db
def test_the_csp_lets_the_outline_load_from_self_and_tiles_from_their_host(client):
    csp = client.get(EN)["Content-Security-Policy"]
    directives = {
        part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()
    }
    assert directives["connect-src"] == ["'self'"]  # the outline's fetch
    img = directives["img-src"]
    assert "https:" in img or "https://tile.openstreetmap.org" in img


def test_the_outline_is_a_static_json_file_with_its_licence():
    from django.contrib.staticfiles import finders
    from whitenoise.media_types import MediaTypes

    path = finders.find("vendor/world-atlas/europe-50m.json")
    assert path
    assert MediaTypes().get_type(path) == "application/json"
    with open(path, encoding="utf-8") as handle:
        topology = json.load(handle)
    names = {
        g["properties"]["name"] for g in topology["objects"]["countries"]["geometries"]
    }
    assert {"France", "Finland", "Croatia", "Portugal", "Iceland", "Malta"} <= names
    for folder in ("world-atlas", "topojson-client"):
        assert finders.find(f"vendor/{folder}/LICENSE")
        assert finders.find(f"vendor/{folder}/VERSION")


@pytest.mark.django_db
def test_a_renamed_service_shows_on_its_centres_pages_at_once(client):
    centre = CentrePage.objects.get(slug="cdm-bruxelles", locale__language_code="fr")
    assert "Orientation et conseil" in client.get(centre.url).content.decode()
    service = Service.objects.get(slug="guidance", locale__language_code="fr")
    service.name = "Orientation professionnelle"
    service.save()
    try:
        html = client.get(centre.url).content.decode()
        assert "Orientation professionnelle" in html
        assert "Orientation et conseil" not in html
    finally:  # the module's data is shared: the cached names follow the save
        service.name = "Orientation et conseil"
        service.save()


@pytest.mark.django_db
def test_a_centre_page_shows_the_services_it_was_last_published_with(client):
    centre = CentrePage.objects.get(slug="cdm-bruxelles", locale__language_code="en")
    html = client.get(centre.url).content.decode()
    assert "Guidance and counselling" in html and "Mobility abroad" not in html
    centre.services = list(
        Service.objects.filter(slug__in=["mobility"], locale=centre.locale)
    )
    centre.save_revision()  # a draft: the live page keeps its services
    html = client.get(centre.url).content.decode()
    assert "Guidance and counselling" in html and "Mobility abroad" not in html
    centre.get_latest_revision().publish()
    html = client.get(centre.url).content.decode()
    assert "Mobility abroad" in html and "Guidance and counselling" not in html
