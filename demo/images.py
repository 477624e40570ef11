"""Images of the demo, drawn with Pillow: abstract illustrations from the
project's motifs (linked rings, joined nodes, dot grids). No
text in illustrations and nothing that could pass for a photograph: the
demo's images are decorative and named as generated in the admin."""

import hashlib
import io
import math
import random
from dataclasses import dataclass

# Illustration colours of the visual brief, with the names the admin titles use.
COLOURS = {
    "blue": (0x0B, 0x4F, 0x8A),
    "terracotta": (0xE8, 0x87, 0x5A),
    "yellow": (0xFF, 0xCC, 0x00),
    "teal": (0x0F, 0x76, 0x6E),
}
TINTS = [(0xF3, 0xF7, 0xFB), (0xE6, 0xEE, 0xF6)]
MOTIFS = ["linked rings", "joined nodes", "dot grid"]
SIZE = (1200, 675)  # 16:9, the cards' ratio
SCALE = 2  # drawn larger then reduced, for smooth edges

ILLUSTRATION_PREFIX = "Illustration – "


@dataclass(frozen=True)
class Choice:
    motif: str
    first: str
    second: str
    tint: tuple
    seed: int

    @property
    def label(self):
        return f"{self.motif} in {self.first} and {self.second}"


def choose(key):
    """Motif, two colours and a tint picked from a stable hash of `key` (the
    same key gives the same picture on every run and machine)."""
    digest = hashlib.sha256(key.encode()).digest()
    # Yellow lines vanish on the light tints: it only ever comes second.
    strong = [name for name in COLOURS if name != "yellow"]
    first = strong[digest[1] % len(strong)]
    others = [name for name in COLOURS if name != first]
    second = others[digest[2] % len(others)]
    return Choice(
        motif=MOTIFS[digest[0] % len(MOTIFS)],
        first=first,
        second=second,
        tint=TINTS[digest[3] % len(TINTS)],
        seed=int.from_bytes(digest[8:16], "big"),
    )


def illustration_title(subject, choice):
    title = f"{ILLUSTRATION_PREFIX}{choice.label} (generated for “{subject}”)"
    return title if len(title) <= 255 else title[:254] + "…"


def _ring(draw, centre, radius, colour, width):
    x, y = centre
    draw.ellipse(
        [x - radius, y - radius, x + radius, y + radius], outline=colour, width=width
    )


def _dot(draw, centre, radius, colour):
    x, y = centre
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)


def _linked_rings(draw, width, height, first, second, rng):
    count = rng.randint(3, 5)
    radius = height * rng.uniform(0.2, 0.26)
    step = radius * 1.45  # neighbours overlap, like the logo's rings
    left = (width - step * (count - 1)) / 2
    line = int(radius * 0.16)
    for number in range(count):
        x = left + step * number
        y = height / 2 + rng.uniform(-0.12, 0.12) * height
        _ring(draw, (x, y), radius, first if number % 2 == 0 else second, line)
    for _ in range(rng.randint(4, 7)):
        _dot(
            draw,
            (rng.uniform(0.05, 0.95) * width, rng.uniform(0.08, 0.92) * height),
            line * 0.6,
            second,
        )


def _joined_nodes(draw, width, height, first, second, rng):
    columns, rows = 6, 3
    nodes = []
    for row in range(rows):
        for column in range(columns):
            x = (column + 0.5 + rng.uniform(-0.3, 0.3)) * width / columns
            y = (row + 0.5 + rng.uniform(-0.3, 0.3)) * height / rows
            nodes.append((x, y))
    line = int(height * 0.012)
    for index, node in enumerate(nodes):
        nearest = sorted(
            (math.dist(node, other), other_index)
            for other_index, other in enumerate(nodes)
            if other_index != index
        )[:2]
        for _distance, other_index in nearest:
            draw.line([node, nodes[other_index]], fill=first, width=line)
    for index, node in enumerate(nodes):
        radius = height * rng.uniform(0.035, 0.07)
        _dot(draw, node, radius, second if index % 3 == 0 else first)


def _dot_grid(draw, width, height, first, second, rng):
    spacing = height / 9
    centres = [
        (rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height)
        for _ in range(2)
    ]
    reach = height * 0.55
    y = spacing / 2
    while y < height:
        x = spacing / 2
        while x < width:
            nearness = max(0.0, 1 - min(math.dist((x, y), c) for c in centres) / reach)
            radius = spacing * (0.08 + 0.3 * nearness)
            _dot(draw, (x, y), radius, second if nearness > 0.6 else first)
            x += spacing
        y += spacing
    centre = centres[0]
    _ring(draw, centre, height * 0.3, second, int(height * 0.02))


DRAW = {
    "linked rings": _linked_rings,
    "joined nodes": _joined_nodes,
    "dot grid": _dot_grid,
}


def illustration_png(choice, size=SIZE):
    """The PNG bytes of the illustration `choice` describes."""
    from PIL import Image, ImageDraw

    width, height = size[0] * SCALE, size[1] * SCALE
    picture = Image.new("RGB", (width, height), choice.tint)
    draw = ImageDraw.Draw(picture)
    DRAW[choice.motif](
        draw,
        width,
        height,
        COLOURS[choice.first],
        COLOURS[choice.second],
        random.Random(choice.seed),  # noqa: S311 - a drawing, not a secret
    )
    picture = picture.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


WORD_MARK_SIZE = (480, 128)


def word_mark_png(text):
    """A plain word-mark: the organisation's short name set in Pillow's own
    font (no system font needed) in the brand blue, with an accent rule. Not
    the organisation's real logo, and titled so in the admin."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = (v * SCALE for v in WORD_MARK_SIZE)
    image = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    size = 64 * SCALE
    font = ImageFont.load_default(size=size)
    while draw.textlength(text, font=font) > width * 0.86 and size > 20:
        size -= 4
        font = ImageFont.load_default(size=size)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = (width - (right - left)) / 2 - left
    y = (height - (bottom - top)) / 2 - top - 6 * SCALE
    draw.text(
        (x, y),
        text,
        font=font,
        fill=COLOURS["blue"],
        stroke_width=SCALE,
        stroke_fill=COLOURS["blue"],
    )
    rule_y = y + bottom + 10 * SCALE
    draw.rectangle(
        (x + left, rule_y, x + right, rule_y + 4 * SCALE), fill=COLOURS["terracotta"]
    )
    image = image.resize(WORD_MARK_SIZE, Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
