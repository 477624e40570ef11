"""The demo directory as a European community of centres: enough real centres,
each in English and French, placed in Europe, with services, languages and no
invented website."""

import json
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale

from demo.directory import centres
from directory.models import CENTRE_TYPES, CentrePage

pytestmark = pytest.mark.usefixtures("demo_site")

EN = "/en/centres/"
FR = "/fr/centres/"
MINIMUM = 40
# Europe's bounding box (latitude, longitude) ...
LATITUDES = (34, 72)
LONGITUDES = (-25, 45)
# ... and the demo centres that lie in one of the EU's outermost regions.
OUTERMOST_REGIONS = {"cdm-la-reunion"}


def in_europe(latitude, longitude):
    return (
        LATITUDES[0] <= latitude <= LATITUDES[1]
        and LONGITUDES[0] <= longitude <= LONGITUDES[1]
    )


def test_the_data_file_is_complete_and_consistent():
    data = centres()
    assert len(data) >= MINIMUM
    ids = [centre["external_id"] for centre in data]
    assert len(ids) == len(set(ids))
    types = {code for code, _label in CENTRE_TYPES}
    for centre in data:
        assert centre["centre_type"] in types, centre["external_id"]
        assert centre["country"] and centre["city"], centre["external_id"]
        for language in ("en", "fr"):
            texts = centre[language]
            assert texts["title"] and texts["description"], (centre, language)
            assert texts["publics"], (centre["external_id"], language)


@pytest.mark.django_db
def test_the_demo_lists_at_least_40_real_centres_in_english_and_french():
    english = list(
        CentrePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(external_id="")
        .prefetch_related("services")
    )
    assert len(english) >= MINIMUM
    french = {
        page.translation_key: page
        for page in CentrePage.objects.filter(locale__language_code="fr")
    }
    for centre in english:
        translation = french.get(centre.translation_key)
        assert translation is not None and translation.live, centre.external_id
        assert translation.title and translation.description, centre.external_id
        assert centre.has_location, centre.external_id
        assert (
            in_europe(centre.latitude, centre.longitude)
            or centre.external_id in OUTERMOST_REGIONS
        ), centre.external_id
        assert (translation.latitude, translation.longitude) == (
            centre.latitude,
            centre.longitude,
        )
        assert list(centre.services.all()), centre.external_id
        assert centre.language_codes, centre.external_id
        if centre.website:
            host = urlsplit(centre.website).hostname or ""
            assert urlsplit(centre.website).scheme == "https", centre.website
            assert not host.startswith("example.") and ".example." not in host, (
                centre.website
            )
            assert not host.endswith((".example", ".invalid", ".test")), host


@pytest.mark.django_db
def test_french_centre_pages_are_in_french(client):
    fr = Locale.objects.get(language_code="fr")
    centre = CentrePage.objects.get(
        locale__language_code="en", external_id="ams-biz-graz"
    )
    response = client.get(centre.get_translation(fr).url)
    assert response.status_code == 200
    assert "service public autrichien de l’emploi" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", [EN, FR])
def test_the_map_lists_every_centre(client, url):
    response = client.get(url + "geojson/")
    assert response.status_code == 200
    features = json.loads(response.content)["features"]
    assert len(features) >= MINIMUM
    cities = {feature["properties"]["city"] for feature in features}
    assert len(cities) >= 30, cities
    outside = [
        feature["properties"]["name"]
        for feature in features
        if not in_europe(*reversed(feature["geometry"]["coordinates"]))
    ]
    assert len(outside) <= len(OUTERMOST_REGIONS), outside
