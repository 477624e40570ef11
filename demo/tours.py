"""Demo tours: five centres of the directory, each with three to five scenes
linked by arrows and an audio point recorded in English and French. The
texts are in data/tours.json; the panoramas and recordings are
generated (media.py) and named as demo media in the admin."""

import uuid

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from demo.directory import recount_children
from demo.loader import read_data
from directory.models import CentrePage, DirectoryPage
from tours.models import VirtualTourIndexPage, VirtualTourPage

from .media import panorama_jpeg, tone_wav

ORDER = 45
# Where the reception's doors are, one per other room, and the way back.
RECEPTION_DOORS = [60, 125, -125, -60]
BACK, NEXT = 165, 95
POINT_YAWS = {"welcome": -20, "opening": 20, "workshops": -30}
ROOM_POINTS = {"reception": ["welcome", "opening"], "workshop": ["workshops"]}


def _panorama(title, room, doors, posters, seed):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        data = panorama_jpeg(room, doors, posters, seed)
        image.file = ImageFile(ContentFile(data), name=f"panorama-{seed[:50]}.jpg")
        image.save()
    return image


def _recording(title, seed):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(
            f"recording-{seed[:50]}.wav", ContentFile(tone_wav(seed)), save=False
        )
        document.save()
    return document


def items(values):
    """A ListBlock's stored form, with the item ids wagtail-localize needs to
    offer the items' texts for translation."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values
    ]


def scenes_for(tour, data, centre_title, french_title):
    rooms = tour["rooms"]
    others = rooms[1:]
    scenes, strings = [], {}
    for key in rooms:
        room = data["rooms"][key]
        if key == rooms[0]:
            links = [(RECEPTION_DOORS[i], other) for i, other in enumerate(others)]
        else:
            links = [(BACK, rooms[0])]
            if len(others) > 1:
                links.append((NEXT, others[(others.index(key) + 1) % len(others)]))
        points = []
        for name in ROOM_POINTS.get(key, []):
            point = data["points"][name]
            en = {k: v.format(centre=centre_title) for k, v in point["en"].items()}
            fr = {k: v.format(centre=french_title) for k, v in point["fr"].items()}
            media = []
            if point["kind"] == "audio":
                for code, language in (("en", "English"), ("fr", "French")):
                    media.append(
                        {
                            "language": code,
                            "file": _recording(
                                f"Demo media: {en['title']} at {centre_title}, "
                                f"{language} (generated tones, not a voice)",
                                f"{tour['centre']}-{name}-{code}",
                            ).pk,
                        }
                    )
            points.append(
                {
                    "kind": point["kind"],
                    "title": en["title"],
                    "text": en["text"],
                    "image": None,
                    "media": items(media),
                    "yaw": POINT_YAWS[name],
                    "pitch": 0,
                }
            )
            strings[en["title"]] = fr["title"]
            strings[en["text"]] = fr["text"]
        title = room["en"]["title"]
        image = _panorama(
            f"Demo media: panorama of the {title.lower()}, {centre_title} "
            "(synthetic room, generated)",
            title,
            [(yaw, data["rooms"][target]["en"]["title"]) for yaw, target in links],
            [
                (POINT_YAWS[name], data["points"][name]["en"]["title"])
                for name in ROOM_POINTS.get(key, [])
            ],
            f"{tour['centre']}-{key}",
        )
        scenes.append(
            {
                "type": "scene",
                "id": str(uuid.uuid4()),
                "value": {
                    "key": key,
                    "title": title,
                    "panorama": image.pk,
                    "description": room["en"]["description"],
                    "links": items(
                        {"target": target, "label": "", "yaw": yaw, "pitch": -5}
                        for yaw, target in links
                    ),
                    "points": items(points),
                },
            }
        )
        strings[title] = room["fr"]["title"]
        strings[room["en"]["description"]] = room["fr"]["description"]
    return scenes, strings


def load(demo):
    data = read_data("tours.json")
    directory = DirectoryPage.objects.filter(locale=demo.locale("en")).first()
    if directory is None:
        return
    index_data = data["index"]
    index = demo.page(
        directory,
        VirtualTourIndexPage,
        index_data["en"]["slug"],
        title=index_data["en"]["title"],
        intro=index_data["en"]["intro"],
    )
    fr_directory = directory.get_translation_or_none(demo.locale("fr"))
    if fr_directory is not None:
        recount_children(fr_directory)
        demo.translate(
            index,
            "fr",
            {
                index_data["en"][k]: index_data["fr"][k]
                for k in ("title", "slug", "intro")
            },
        )
    for tour in data["tours"]:
        centre = CentrePage.objects.filter(
            locale=demo.locale("en"), external_id=tour["centre"]
        ).first()
        if centre is None:
            continue
        page = VirtualTourPage.objects.child_of(centre).first()
        fr_centre = centre.get_translation_or_none(demo.locale("fr"))
        scenes, strings = scenes_for(
            tour, data, centre.title, fr_centre.title if fr_centre else centre.title
        )
        if page is None:
            texts = data["tour"]["en"]
            page = VirtualTourPage(
                slug="virtual-tour",
                title=texts["title"].format(centre=centre.title),
                intro=texts["intro"].format(centre=centre.title),
                scenes=scenes,
            )
            centre.add_child(instance=page)
            page.save_revision().publish()
            demo.created += 1
        if fr_centre is None:
            continue
        recount_children(fr_centre)
        for key in ("title", "intro"):
            strings[data["tour"]["en"][key].format(centre=centre.title)] = data["tour"][
                "fr"
            ][key].format(centre=fr_centre.title)
        strings["virtual-tour"] = "visite-virtuelle"
        demo.translate(page, "fr", strings)
