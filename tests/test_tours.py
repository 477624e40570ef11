"""Virtual tours: tours as pages below their centre, scenes linked by arrows,
information points with recordings per language, a text version that stands
on its own, and the tour on every channel that shows a centre."""

import io
import json
import uuid
import wave

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from PIL import Image as PILImage
from wagtail.models import PageViewRestriction

from directory.models import CentrePage
from tests.factories import DirectoryPageFactory, HomePageFactory, localized
from tours.blocks import ScenesBlock
from tours.models import VirtualTourIndexPage, VirtualTourPage

pytestmark = pytest.mark.django_db

CENTRES = {  # id: name, the rooms of its tour (none: no tour)
    "cdm-paris-villette": (
        "Cité des métiers de Paris la Villette",
        ["reception", "information", "guidance", "workshop", "coworking"],
    ),
    "cdm-bruxelles": (
        "Cité des métiers de Bruxelles",
        ["reception", "information", "workshop"],
    ),
    "cdm-porto": ("Cité des métiers de Porto", ["reception", "workshop", "guidance"]),
    "cisok-zagreb": ("CISOK Zagreb", ["reception", "guidance", "coworking"]),
    "ohjaamo-helsinki": ("Ohjaamo Helsinki", ["reception", "coworking", "guidance"]),
    "biz-bern": ("BIZ Bern", []),
}
ROOMS = {  # key: English and French title
    "reception": ("Reception", "Accueil"),
    "information": ("Information area", "Espace d’information"),
    "guidance": ("Guidance offices", "Bureaux d’orientation"),
    "workshop": ("Workshop room", "Salle des ateliers"),
    "coworking": ("Job club", "Club emploi"),
}
DOORS = [60, 125, -125, -60]  # the reception's doors, one per other room
WELCOME = ("Welcome message (audio)", "Message d’accueil (audio)")
WELCOME_TEXT = ("Welcome to the centre.", "Bienvenue au centre.")
OPENING = ("Open to everyone", "Ouvert à tous")


def _items(values):
    """A ListBlock's stored form, with the item ids wagtail-localize needs."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values
    ]


def _panorama(title):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (128, 64), "teal").save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=f"Panorama of the {title}", file=ImageFile(buffer, name="pano.jpg")
    )


def _recording(language):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\0\0" * 800)
    document = get_document_model()(title=f"Welcome message, {language}")
    document.file.save(f"welcome-{language}.wav", ContentFile(buffer.getvalue()))
    return document


def _scenes(rooms, recordings):
    scenes = []
    for key in rooms:
        if key == rooms[0]:
            links = list(zip(DOORS, rooms[1:], strict=False))
            points = [
                {
                    "kind": "audio",
                    "title": WELCOME[0],
                    "text": WELCOME_TEXT[0],
                    "image": None,
                    "media": _items(
                        {"language": code, "file": document.pk}
                        for code, document in recordings.items()
                    ),
                    "yaw": -20,
                    "pitch": 0,
                },
                {
                    "kind": "text",
                    "title": OPENING[0],
                    "text": "The services are free.",
                    "image": None,
                    "media": [],
                    "yaw": 20,
                    "pitch": 0,
                },
            ]
        else:
            links, points = [(165, rooms[0])], []
        title = ROOMS[key][0]
        scenes.append(
            {
                "type": "scene",
                "id": str(uuid.uuid4()),
                "value": {
                    "key": key,
                    "title": title,
                    "panorama": _panorama(title).pk,
                    "description": f"The {title.lower()}.",
                    "links": _items(
                        {"target": target, "label": "", "yaw": yaw, "pitch": -5}
                        for yaw, target in links
                    ),
                    "points": _items(points),
                },
            }
        )
    return scenes


@pytest.fixture(scope="module", autouse=True)
def tours_site(module_data):
    """A directory in English and French with six centres, five of them with a
    virtual tour (scenes, arrows, a spoken welcome in English and French and a
    text point), translated into French; built once for this module."""
    home = HomePageFactory.as_site_root()
    localized(home, "fr")
    directory = DirectoryPageFactory(parent=home)
    localized(directory, "fr", {directory.title: "Annuaire des centres"})
    index = VirtualTourIndexPage(
        title="Virtual tours", slug="virtual-tours", intro="Walk through centres."
    )
    directory.add_child(instance=index)
    index.save_revision().publish()
    localized(
        index,
        "fr",
        {"Virtual tours": "Visites virtuelles", "virtual-tours": "visites-virtuelles"},
    )
    recordings = {code: _recording(code) for code in ("en", "fr")}
    french = {
        WELCOME[0]: WELCOME[1],
        WELCOME_TEXT[0]: WELCOME_TEXT[1],
        OPENING[0]: OPENING[1],
        "The services are free.": "Les services sont gratuits.",
        "virtual-tour": "visite-virtuelle",
    }
    for english, translation in ROOMS.values():
        french[english] = translation
        french[f"The {english.lower()}."] = f"{translation}."
    for slug, (name, rooms) in CENTRES.items():
        centre = CentrePage(
            title=name,
            slug=slug,
            external_id=slug,
            centre_type="cite_des_metiers",
            country="FR",
            city="Paris",
            latitude=48.8957,
            longitude=2.388,
        )
        directory.add_child(instance=centre)
        centre.save_revision().publish()
        localized(centre, "fr")
        if not rooms:
            continue
        tour = VirtualTourPage(
            title=f"Virtual tour: {name}",
            slug="virtual-tour",
            intro=f"A walk through {name}.",
            scenes=_scenes(rooms, recordings),
        )
        centre.add_child(instance=tour)
        tour.save_revision().publish()
        localized(
            tour,
            "fr",
            {
                **french,
                tour.title: f"Visite virtuelle : {name}",
                tour.intro: f"Une promenade dans {name}.",
            },
        )
    return home


PARIS_EN = "/en/centres/cdm-paris-villette/virtual-tour/"
PARIS_FR = "/fr/centres/cdm-paris-villette/visite-virtuelle/"


def soup(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def tour(url):
    return next(p for p in VirtualTourPage.objects.live() if p.url == url)


def test_five_tours_in_english_and_french():
    for code in ("en", "fr"):
        tours = VirtualTourPage.objects.live().filter(locale__language_code=code)
        assert tours.count() == 5
        for page in tours:
            assert 3 <= len(page.scene_list) <= 5
            assert isinstance(page.get_parent().specific, CentrePage)
    recordings = [
        point["recording"]["language"]
        for point in tour(PARIS_EN).scene_list[0]["points"]
        if point["recording"]
    ]
    assert recordings == ["en"]
    assert {
        item["language"]
        for scene in tour(PARIS_EN).scenes
        for point in scene.value["points"]
        for item in point["media"]
    } == {"en", "fr"}


def test_arrows_only_link_scenes_of_the_same_tour_in_every_language():
    for page in VirtualTourPage.objects.all():
        keys = [scene.value["key"] for scene in page.scenes]
        targets = [
            link["target"] for scene in page.scenes for link in scene.value["links"]
        ]
        assert targets and set(targets) <= set(keys), page.url
    # The translation keeps the keys: its arrows lead to its own scenes.
    english, french = tour(PARIS_EN), tour(PARIS_FR)
    assert [s.value["key"] for s in english.scenes] == [
        s.value["key"] for s in french.scenes
    ]


def scenes_data(*scenes):
    from wagtail.images import get_image_model

    panorama = get_image_model().objects.filter(title__startswith="Panorama").first()
    return [
        {
            "type": "scene",
            "value": {
                "key": key,
                "title": key.title(),
                "panorama": panorama.pk,
                "description": "A room.",
                "links": [
                    {"target": target, "label": "", "yaw": 0, "pitch": 0}
                    for target in targets
                ],
                "points": [],
            },
        }
        for key, targets in scenes
    ]


@pytest.mark.parametrize(
    ("scenes", "message"),
    [
        ((("hall", ["attic"]), ("office", [])), "No scene of this tour has the key"),
        ((("hall", ["hall"]), ("office", [])), "cannot lead to its own scene"),
        ((("hall", []), ("hall", [])), "Another scene of this tour has the key"),
    ],
)
def test_a_bad_arrow_is_refused_with_a_message_on_that_arrow(scenes, message):
    from django.core.exceptions import ValidationError

    block = ScenesBlock()
    value = block.to_python(scenes_data(*scenes))
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert message in json.dumps(error.value.as_json_data())


def test_a_panorama_that_is_not_two_to_one_is_refused():
    import wagtail_factories
    from django.core.exceptions import ValidationError

    from tours.blocks import SceneBlock

    image = wagtail_factories.ImageFactory(title="A square photo", file__width=64)
    assert image.width != 2 * image.height
    block = SceneBlock()
    value = block.to_python(
        {"key": "hall", "title": "Hall", "panorama": image.pk, "description": "x"}
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "twice as wide as it is high" in json.dumps(error.value.as_json_data())


def test_the_french_tour_serves_french_captions_and_the_french_recording():
    english, french = soup(PARIS_EN), soup(PARIS_FR)
    assert french.h1.get_text(strip=True).startswith("Visite virtuelle")
    assert [h.get_text() for h in french.select(".tour-scene h3")][0] == "Accueil"
    assert [h.get_text() for h in english.select(".tour-scene h3")][0] == "Reception"
    english_audio = english.select_one(".tour-point audio")
    french_audio = french.select_one(".tour-point audio")
    assert english_audio["lang"] == "en" and french_audio["lang"] == "fr"
    assert english_audio["src"] != french_audio["src"]
    assert english_audio["preload"] == french_audio["preload"] == "none"
    for page, other in ((english, "fr"), (french, "en")):
        # The other language's recording stays a link away.
        assert page.select_one(f".tour-point__files a[hreflang={other}]")
    assert "Bienvenue" in french.select_one(".tour-point__text").get_text()
    # The recording is a real audio file.
    response = Client().get(french_audio["src"])
    assert response.status_code == 200
    assert (
        b"".join(
            response.streaming_content if response.streaming else [response.content]
        )[:4]
        == b"RIFF"
    )


def test_the_text_version_lists_every_scene_link_and_point():
    page = tour(PARIS_EN)
    html = soup(PARIS_EN)
    items = html.select("ol.tour-scenes > li.tour-scene")
    assert [li["id"] for li in items] == [f"scene-{s['key']}" for s in page.scene_list]
    ids = {li["id"] for li in items}
    links = html.select(".tour-scene__links a")
    assert len(links) == sum(len(s["links"]) for s in page.scene_list) > 0
    for link in links:
        assert link["href"].lstrip("#") in ids
    first = items[0].select_one(".tour-scene__links li").get_text(" ", strip=True)
    assert first.startswith("From Reception, go to")
    assert first.endswith(
        ("(on the right).", "(on the left).", "(ahead).", "(behind).")
    )
    points = html.select(".tour-point")
    assert len(points) == sum(len(s["points"]) for s in page.scene_list) > 0
    for point in points:
        assert point.select_one(".tour-point__text").get_text(strip=True)


def test_json_ld_describes_the_place_the_panoramas_and_the_recordings():
    html = soup(PARIS_EN)
    data = [
        json.loads(s.string) for s in html.select("script[type='application/ld+json']")
    ]
    page = next(
        item
        for block in data
        for item in (block if isinstance(block, list) else [block])
        if item.get("@type") == "WebPage"
    )
    assert page["about"]["@type"] == "Place"
    assert page["about"]["name"] == "Cité des métiers de Paris la Villette"
    assert page["about"]["hasMap"].endswith(PARIS_EN)
    images = page["image"]
    assert len(images) == 5
    assert all(
        i["@type"] == "ImageObject" and i["width"] == 2 * i["height"] for i in images
    )
    audio = page["associatedMedia"]
    assert {a["@type"] for a in audio} == {"AudioObject"}
    assert all(a["inLanguage"] == "en" and a["transcript"] for a in audio)


def test_the_viewer_is_only_referenced_by_tour_pages_and_not_loaded_by_them():
    html = soup(PARIS_EN)
    scripts = [s["src"] for s in html.select("script[src]")]
    assert not [src for src in scripts if "pannellum" in src]
    stage = html.select_one("#tour-stage")
    assert "vendor/pannellum/pannellum.js" in stage["data-viewer-js"]
    config = json.loads(html.select_one("#tour-config").string)
    assert config["firstScene"] == "reception"
    assert len(config["scenes"]) == 5
    for url in ("/en/", "/en/centres/", "/en/centres/cdm-paris-villette/", "/en/news/"):
        body = Client().get(url).content.decode()
        assert "pannellum" not in body and "tour.js" not in body, url


def test_the_centre_page_shows_its_tour_with_a_still():
    html = soup("/en/centres/cdm-paris-villette/")
    section = html.select_one(".centre-tour--own")
    assert section.select_one("a.button")["href"] == PARIS_EN
    assert section.select_one("img")["src"].startswith("/media/images/")
    french = soup("/fr/centres/cdm-paris-villette/").select_one(".centre-tour--own")
    assert french.select_one("a.button")["href"] == PARIS_FR
    assert not soup("/en/centres/biz-bern/").select(".centre-tour--own")


def test_the_tours_index_lists_every_tour_with_its_centre():
    for code, url in (
        ("en", "/en/centres/virtual-tours/"),
        ("fr", "/fr/centres/visites-virtuelles/"),
    ):
        html = soup(url)
        cards = html.select(".tour-card")
        assert len(cards) == 5
        for card in cards:
            link = card.select_one("h2 a")
            assert link["href"].startswith(f"/{code}/")
            assert Client().get(link["href"]).status_code == 200
            assert card.select_one(".card__meta").get_text(strip=True)
    # The directory links to it.
    assert soup("/en/centres/").select_one(
        ".directory-sections a[href='/en/centres/virtual-tours/']"
    )


def directory_state(client):
    listed = [
        a["href"]
        for a in soup("/en/centres/?tour=on", client).select(".centre-card__title a")
    ]
    features = client.get("/en/centres/geojson/").json()["features"]
    marked = sorted(f["properties"]["url"] for f in features if f["properties"]["tour"])
    index = [
        a["href"]
        for a in soup("/en/centres/virtual-tours/", client).select(".tour-card h2 a")
    ]
    centre = soup("/en/centres/cdm-paris-villette/", client).select(".centre-tour--own")
    return listed, marked, index, bool(centre)


def test_the_filter_the_map_the_index_and_the_centre_follow_the_tour(settings):
    client = Client()
    listed, marked, index, centre = directory_state(client)
    assert "/en/centres/cdm-paris-villette/" in listed
    assert sorted(listed) == marked and len(marked) == 5
    assert PARIS_EN in index and centre

    page = tour(PARIS_EN)
    page.unpublish()
    listed, marked, index, centre = directory_state(client)
    assert "/en/centres/cdm-paris-villette/" not in listed + marked
    assert PARIS_EN not in index and not centre
    assert client.get(PARIS_EN).status_code == 404

    page.save_revision().publish()
    listed, marked, index, centre = directory_state(client)
    assert "/en/centres/cdm-paris-villette/" in listed and centre

    # Made private: gone from the public channels, the page asks for a login.
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    listed, marked, index, centre = directory_state(client)
    assert "/en/centres/cdm-paris-villette/" not in listed + marked
    assert PARIS_EN not in index and not centre
    assert client.get(PARIS_EN).status_code == 302
    restriction.delete()
    listed, _marked, index, _centre = directory_state(client)
    assert "/en/centres/cdm-paris-villette/" in listed and PARIS_EN in index


def test_a_tour_page_costs_a_bounded_number_of_queries(django_assert_max_num_queries):
    client = Client()
    client.get(PARIS_EN)  # renditions made once
    with django_assert_max_num_queries(25):
        assert client.get(PARIS_EN).status_code == 200


def test_editors_edit_and_preview_tours_and_see_the_panorama_flat(client):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser(
        "tour-editor", "tour-editor@example.org", "not-used-here"
    )
    page = tour(PARIS_EN)
    image = page.scene_list[0]["panorama"]
    preview_url = f"/admin/tours/panorama/{image.pk}/"
    assert client.get(preview_url).status_code == 302  # to the login
    assert "/admin/login/" in client.get(preview_url)["Location"]
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert b"js/tour-editor.js" in edit.content
    assert b"How a tour is built" in edit.content
    response = client.get(preview_url)
    assert response.status_code == 302 and response["Location"].startswith(
        "/media/images/"
    )
    # A translator opens the French tour in the translation editor, with the
    # scenes' and points' texts to translate and the recordings to override.
    french = client.get(f"/admin/pages/{tour(PARIS_FR).pk}/edit/")
    assert french.status_code == 200
    content = french.content.decode()
    assert "Welcome message (audio)" in content
    assert "accueil (audio)" in content


def test_external_tour_hosts_feed_the_frame_policy(settings):
    from directory.models import tour_embeddable

    frames = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    for origin in settings.VIRTUAL_TOUR_EMBED_ORIGINS:
        assert origin in frames
        assert tour_embeddable(origin + "/tour/1")
    assert not tour_embeddable("https://elsewhere.example.com/tour/1")


def test_tour_page_types_sit_below_centres_and_the_directory():
    assert VirtualTourPage.parent_page_types == ["directory.CentrePage"]
    assert VirtualTourIndexPage.parent_page_types == ["directory.DirectoryPage"]


def test_a_video_point_plays_the_video_of_the_visitor_language_with_its_transcript():
    page = tour(PARIS_EN)
    data = page.scenes.raw_data
    point = data[0]["value"]["points"][0]
    point["value"]["kind"] = "video"
    point["value"]["title"] = "A guided walk (video)"
    page.scenes = data
    page.save_revision().publish()
    html = soup(PARIS_EN)
    video = html.select_one("#point-reception-1 video")
    assert video["preload"] == "none" and video["lang"] == "en"
    assert html.select_one("#point-reception-1 .tour-point__text").get_text(strip=True)
    ld = [
        json.loads(s.string) for s in html.select("script[type='application/ld+json']")
    ]
    media = next(
        item
        for block in ld
        for item in (block if isinstance(block, list) else [block])
        if item.get("@type") == "WebPage"
    )["associatedMedia"]
    assert "VideoObject" in {m["@type"] for m in media}
