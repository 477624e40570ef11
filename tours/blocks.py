"""The StreamField blocks of a virtual tour: scenes (an equirectangular
panorama each), the arrows between them and the information points in them.

A scene is named by a key that is not translated, so arrows keep pointing at
the same scene in every language of the tour; arrows can only name scenes of
the tour they are in (checked in `ScenesBlock.clean`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# How far a panorama may be from 2:1 and still be taken for equirectangular.
ASPECT_TOLERANCE = 0.02

POINT_KINDS = [
    ("text", _("Text")),
    ("image", _("Image")),
    ("audio", _("Audio")),
    ("video", _("Video")),
]


def content_languages():
    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


class SceneKeyBlock(blocks.CharBlock):
    """A scene's key: a slug that translators never see (wagtail-localize
    leaves it out of the strings to translate and copies it as it is) and
    the site search does not index."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 50)
        kwargs.setdefault("search_index", False)
        kwargs.setdefault("validators", [validate_slug])
        super().__init__(**kwargs)

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class DirectedBlock(blocks.StructBlock):
    """Something placed in a panorama: yaw and pitch in degrees."""

    yaw = blocks.FloatBlock(
        label=_("Direction (yaw)"),
        min_value=-180,
        max_value=180,
        default=0,
        help_text=_(
            "Degrees from the centre of the panorama, -180 to 180 (negative: "
            "left). Click the preview of the scene to set it."
        ),
    )
    pitch = blocks.FloatBlock(
        label=_("Height (pitch)"),
        min_value=-90,
        max_value=90,
        default=0,
        help_text=_("Degrees above (positive) or below the horizon."),
    )


class LinkBlock(DirectedBlock):
    target = SceneKeyBlock(
        label=_("Go to scene"),
        help_text=_("The key of another scene of this tour."),
    )
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=120,
        help_text=_("What the arrow says; the title of that scene if empty."),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Arrow to another scene")
        label_format = "→ {target}"


class MediaBlock(blocks.StructBlock):
    """One recording of an audio or video point, in one language."""

    language = blocks.ChoiceBlock(
        label=_("Language"),
        choices=content_languages,
        default=settings.LANGUAGE_CODE,
    )
    file = DocumentChooserBlock(
        label=_("File"),
        help_text=_("An audio (MP3, Ogg, WAV) or video (MP4, WebM) document."),
    )

    class Meta:
        icon = "media"
        label = _("Recording")


class PointBlock(DirectedBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=POINT_KINDS, default="text")
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(
        label=_("Text, caption or transcript"),
        required=False,
        help_text=_(
            "Shown with the point, and in the text version of the tour: for audio "
            "and video, the full transcript."
        ),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)
    media = blocks.ListBlock(
        MediaBlock(),
        label=_("Recordings"),
        required=False,
        default=[],
        help_text=_(
            "One recording per language; visitors get the one in their language, "
            "else the first."
        ),
    )

    class Meta:
        icon = "info-circle"
        label = _("Information point")
        label_format = "{title}"

    def clean(self, value):
        value = super().clean(value)
        kind = value.get("kind")
        errors = {}
        if kind == "image" and not value.get("image"):
            errors["image"] = ValidationError(_("Choose the image this point shows."))
        if kind in ("audio", "video") and not value.get("media"):
            errors["media"] = ValidationError(
                _("Add at least one recording for an audio or video point.")
            )
        if kind in ("audio", "video") and not (value.get("text") or "").strip():
            errors["text"] = ValidationError(
                _("Give the transcript: visitors who cannot listen read it.")
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class SceneBlock(blocks.StructBlock):
    key = SceneKeyBlock(
        label=_("Key"),
        help_text=_(
            "A short name for arrows to point at (e.g. reception); not shown to "
            "visitors and not translated."
        ),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    panorama = ImageChooserBlock(
        label=_("Panorama"),
        help_text=_(
            "An equirectangular 360° photo: twice as wide as it is high "
            "(e.g. 4096 x 2048 pixels)."
        ),
    )
    description = blocks.TextBlock(
        label=_("Description"),
        help_text=_("What the scene shows, for everyone and for the text version."),
    )
    links = blocks.ListBlock(LinkBlock(), label=_("Arrows"), required=False, default=[])
    points = blocks.ListBlock(
        PointBlock(), label=_("Information points"), required=False, default=[]
    )

    class Meta:
        icon = "view"
        label = _("Scene")
        label_format = "{title} ({key})"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("panorama")
        if image is not None and image.height:
            ratio = image.width / image.height
            if abs(ratio - 2) > 2 * ASPECT_TOLERANCE:
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "panorama": ValidationError(
                            format_lazy(
                                _(
                                    "This image is {width} x {height} pixels: a 360° "
                                    "panorama is twice as wide as it is high."
                                ),
                                width=image.width,
                                height=image.height,
                            )
                        )
                    }
                )
        return value


class ScenesBlock(blocks.StreamBlock):
    scene = SceneBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        keys = [child.value["key"] for child in value]
        scene_errors = {}
        for index, child in enumerate(value):
            key = child.value["key"]
            if keys.count(key) > 1:
                scene_errors[index] = blocks.StructBlockValidationError(
                    block_errors={
                        "key": ValidationError(
                            _("Another scene of this tour has the key “%(key)s”."),
                            params={"key": key},
                        )
                    }
                )
                continue
            link_errors = {}
            for position, link in enumerate(child.value["links"]):
                target = link["target"]
                if target == key:
                    message = _("An arrow cannot lead to its own scene.")
                elif target not in keys:
                    message = format_lazy(
                        _("No scene of this tour has the key “{key}” (keys: {keys})."),
                        key=target,
                        keys=", ".join(keys),
                    )
                else:
                    continue
                link_errors[position] = blocks.StructBlockValidationError(
                    block_errors={"target": ValidationError(message)}
                )
            if link_errors:
                scene_errors[index] = blocks.StructBlockValidationError(
                    block_errors={
                        "links": blocks.ListBlockValidationError(
                            block_errors=link_errors
                        )
                    }
                )
        if scene_errors:
            raise blocks.StreamBlockValidationError(block_errors=scene_errors)
        return value
