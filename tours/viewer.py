"""What a tour page shows: its scenes in the page's language (recordings
chosen for it), the viewer's configuration, the JSON-LD, and the tours of a
language for the index and the centres."""

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.localization import in_language

# Renditions of a panorama: what the viewer loads (the larger one on wide or
# dense screens, the smaller one first).
PANORAMA_LARGE = "max-4096x2048|format-jpeg|jpegquality-80"
PANORAMA_SMALL = "max-2048x1024|format-jpeg|jpegquality-80"


def _tours():
    # Through the app registry: the models import this module.
    return apps.get_model("tours", "VirtualTourPage").objects


def direction(yaw):
    """Where something is, seen from the scene's starting view."""
    yaw = ((yaw + 180) % 360) - 180
    if -45 <= yaw <= 45:
        return _("ahead")
    if 45 < yaw <= 135:
        return _("on the right")
    if -135 <= yaw < -45:
        return _("on the left")
    return _("behind")


def choose_recording(media, language_code):
    """The recording in `language_code`, else in the default language, else
    the first; and the others, for "also in"."""
    media = [item for item in media if item.get("file")]
    if not media:
        return None, []
    for wanted in (language_code, settings.LANGUAGE_CODE):
        chosen = next((m for m in media if m["language"] == wanted), None)
        if chosen is not None:
            break
    else:
        chosen = media[0]
    others = [m for m in media if m is not chosen]
    return chosen, others


def scene_list(page):
    code = page.locale.language_code
    scenes = [child.value for child in page.scenes if child.block_type == "scene"]
    titles = {scene["key"]: scene["title"] for scene in scenes}
    result = []
    for scene in scenes:
        key = scene["key"]
        links = [
            {
                "target": link["target"],
                "target_title": titles.get(link["target"], link["target"]),
                "label": link["label"] or titles.get(link["target"], link["target"]),
                "yaw": link["yaw"],
                "pitch": link["pitch"],
                "direction": direction(link["yaw"]),
            }
            for link in scene["links"]
            if link["target"] in titles and link["target"] != key
        ]
        points = []
        for number, point in enumerate(scene["points"], start=1):
            chosen, others = choose_recording(point["media"], code)
            points.append(
                {
                    "id": f"{key}-{number}",
                    "kind": point["kind"],
                    "title": point["title"],
                    "text": point["text"],
                    "image": point["image"],
                    "recording": chosen,
                    "other_recordings": others,
                    "yaw": point["yaw"],
                    "pitch": point["pitch"],
                    "direction": direction(point["yaw"]),
                }
            )
        result.append(
            {
                "key": key,
                "title": scene["title"],
                "description": scene["description"],
                "panorama": scene["panorama"],
                "links": links,
                "points": points,
            }
        )
    return result


def viewer_config(page):
    """The configuration the viewer script reads (templates/tours/...html,
    static/js/tour.js); URLs are this site's own renditions and documents."""
    scenes = {}
    for scene in page.scene_list:
        image = scene["panorama"]
        if image is None:
            continue
        renditions = image.get_renditions(PANORAMA_SMALL, PANORAMA_LARGE)
        small, large = renditions[PANORAMA_SMALL], renditions[PANORAMA_LARGE]
        hot_spots = [
            {
                "type": "scene",
                "sceneId": link["target"],
                "yaw": link["yaw"],
                "pitch": link["pitch"],
                "text": link["label"],
            }
            for link in scene["links"]
        ] + [
            {
                "type": "info",
                "yaw": point["yaw"],
                "pitch": point["pitch"],
                "text": point["title"],
                "point": point["id"],
            }
            for point in scene["points"]
        ]
        scenes[scene["key"]] = {
            "title": scene["title"],
            "panorama": small.url,
            "panoramaLarge": large.url,
            "width": large.width,
            "hotSpots": hot_spots,
        }
    first = next(iter(scenes), None)
    return {"firstScene": first, "scenes": scenes}


def absolute(request, url):
    return url if url.startswith("http") else request.build_absolute_uri(url)


def tour_json_ld(page, request):
    """A WebPage about the centre (a Place whose map is this tour), with the
    panoramas as ImageObjects and the recordings as Audio/VideoObjects."""
    centre = page.centre
    url = page.get_full_url(request)
    images, media = [], []
    for scene in page.scene_list:
        image = scene["panorama"]
        if image is not None:
            rendition = image.get_rendition(PANORAMA_LARGE)
            images.append(
                {
                    "@type": "ImageObject",
                    "contentUrl": absolute(request, rendition.url),
                    "name": scene["title"],
                    "description": scene["description"],
                    "width": rendition.width,
                    "height": rendition.height,
                    "encodingFormat": "image/jpeg",
                }
            )
        for point in scene["points"]:
            recording = point["recording"]
            if recording is None:
                continue
            media.append(
                {
                    "@type": "AudioObject"
                    if point["kind"] == "audio"
                    else "VideoObject",
                    "name": point["title"],
                    "contentUrl": absolute(request, recording["file"].url),
                    "inLanguage": recording["language"],
                    "transcript": point["text"],
                }
            )
    place = {
        "@type": "Place",
        "@id": centre.get_full_url(request) + "#centre",
        "name": centre.title,
        "url": centre.get_full_url(request),
        "hasMap": url,
    }
    if centre.city:
        place["address"] = {
            "@type": "PostalAddress",
            "addressLocality": centre.city,
            "addressCountry": centre.country,
        }
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "inLanguage": page.locale.language_code,
        "about": place,
    }
    if page.intro:
        data["description"] = page.intro
    if images:
        data["primaryImageOfPage"] = images[0]
        data["image"] = images
    if media:
        data["associatedMedia"] = media
    return [data]


def centre_tour(centre):
    """The live public tour below a centre page, or None."""
    if not centre.numchild:  # most centres: no query
        return None
    return _tours().child_of(centre).live().public().specific().first()


def tours_for(locale):
    """The live public tours of a language (English where not translated
    yet), each with its centre, ordered by centre name."""
    tours = list(in_language(_tours().public(), locale.language_code).values())
    steplen = Page.steplen
    parents = {
        page.path: page
        for page in Page.objects.filter(
            path__in={tour.path[:-steplen] for tour in tours}
        ).specific()
    }
    result = []
    for tour in tours:
        centre = parents.get(tour.path[:-steplen])
        if centre is None:
            continue
        tour.__dict__["centre"] = centre
        result.append(tour)
    result.sort(key=lambda tour: tour.centre.title.lower())
    return result
