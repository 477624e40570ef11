"""Synthetic media for the demo tours, generated so that no photograph or
voice is passed off as real: equirectangular panoramas of a labelled box room
(walls, doors to the linked scenes, posters for the information points) and
short tone sequences standing in for recorded commentary, each with its
transcript in the tour."""

import hashlib
import io
import math
import struct
import wave

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 2048, 1024
CEILING, EYE = 0.8, 0.7  # above and below the eye, walls at distance 1


def _palette(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    hue = digest[0] / 255

    def colour(lightness, saturation=0.35, shift=0.0):
        import colorsys

        r, g, b = colorsys.hls_to_rgb((hue + shift) % 1, lightness, saturation)
        return (round(r * 255), round(g * 255), round(b * 255))

    return {
        "ceiling": colour(0.93, 0.15),
        "wall": colour(0.82, 0.30),
        "floor": colour(0.45, 0.20, 0.5),
        "line": colour(0.30, 0.25),
        "door": colour(0.35, 0.45, 0.5),
        "poster": (255, 204, 0),
        "ink": (11, 31, 51),
    }


def _y(pitch):
    return (90 - pitch) / 180 * HEIGHT


def _x(yaw):
    return ((yaw + 180) % 360) / 360 * WIDTH


def _wall_offset(yaw):
    """Angle from the nearest wall's centre (walls face 0, 90, 180, -90)."""
    return ((yaw + 45) % 90) - 45


def _edges(yaw):
    c = math.cos(math.radians(_wall_offset(yaw)))
    return (
        math.degrees(math.atan(CEILING * c)),
        -math.degrees(math.atan(EYE * c)),
    )


def _font(size):
    return ImageFont.load_default(size=size)


def _centred_text(draw, yaw, pitch, text, size, fill, background=None):
    font = _font(size)
    box = draw.textbbox((0, 0), text, font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    x, y = _x(yaw) - w / 2, _y(pitch) - h / 2
    if background is not None:
        draw.rectangle((x - 12, y - 10, x + w + 12, y + h + 14), fill=background)
    draw.text((x, y - box[1]), text, font=font, fill=fill)


def panorama_jpeg(title, doors=(), posters=(), seed=""):
    """A 2:1 equirectangular JPEG of a synthetic room: `doors` and `posters`
    are (yaw, label) pairs, drawn where arrows and points are placed."""
    colours = _palette(seed or title)
    image = Image.new("RGB", (WIDTH, HEIGHT), colours["wall"])
    draw = ImageDraw.Draw(image)
    for x in range(WIDTH):
        yaw = x / WIDTH * 360 - 180
        top, bottom = _edges(yaw)
        draw.line((x, 0, x, _y(top)), fill=colours["ceiling"])
        draw.line((x, _y(bottom), x, HEIGHT), fill=colours["floor"])
        draw.point((x, _y(top)), fill=colours["line"])
        draw.point((x, _y(bottom)), fill=colours["line"])
    for corner in (-135, -45, 45, 135):  # the room's vertical edges
        top, bottom = _edges(corner)
        draw.line(
            (_x(corner), _y(top), _x(corner), _y(bottom)), fill=colours["line"], width=3
        )
    for radius in (0.35, 0.55, 0.8):  # rings on the floor, for depth
        pitch = -math.degrees(math.atan(EYE / radius))
        draw.line((0, _y(pitch), WIDTH, _y(pitch)), fill=colours["line"], width=1)
    for yaw, label in doors:
        _top, bottom = _edges(yaw)
        c = math.cos(math.radians(_wall_offset(yaw)))
        door_top = math.degrees(math.atan(0.45 * c))
        half = 7
        draw.rectangle(
            (_x(yaw - half), _y(door_top), _x(yaw + half), _y(bottom)),
            fill=colours["door"],
        )
        _centred_text(
            draw, yaw, door_top - 5, f"> {label}", 26, colours["ink"], (255, 255, 255)
        )
    for yaw, label in posters:
        draw.rectangle(
            (_x(yaw - 6), _y(12), _x(yaw + 6), _y(-8)), fill=colours["poster"]
        )
        _centred_text(draw, yaw, 2, "i", 64, colours["ink"])
        _centred_text(draw, yaw, -13, label, 22, colours["ink"], (255, 255, 255))
    _centred_text(draw, 0, 22, title, 56, colours["ink"])
    for yaw in (0, 180):
        _centred_text(
            draw,
            yaw,
            50,
            "DEMO PANORAMA - synthetic room, not a photograph",
            24,
            colours["ink"],
            (255, 255, 255),
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def tone_wav(seed, seconds=4.0, rate=8000):
    """A short, quiet sequence of notes (8-bit mono WAV) standing in for a
    recorded commentary; the notes follow `seed`, so each language differs."""
    digest = hashlib.sha256(seed.encode()).digest()
    notes = [220 * 2 ** ((digest[i] % 12) / 12) for i in range(8)]
    frames = bytearray()
    total = int(seconds * rate)
    per_note = total // len(notes)
    for index in range(total):
        frequency = notes[min(index // per_note, len(notes) - 1)]
        position = index % per_note
        envelope = min(1.0, position / 200, (per_note - position) / 400)
        value = 0.35 * envelope * math.sin(2 * math.pi * frequency * index / rate)
        frames += struct.pack("B", int(128 + 127 * value))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()
