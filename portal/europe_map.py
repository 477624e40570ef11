"""A small map of Europe drawn as inline SVG: country outlines prepared once
from Natural Earth (world-atlas, vendored) by tools/europe_map_paths.py, and
points projected here with the same Lambert azimuthal equal-area projection.
Nothing is fetched: the home page's partner map and directory preview cost no
request and work without JavaScript."""

import json
import math
from functools import cache
from pathlib import Path

# The projection's centre and the part of it that is drawn (projected units).
CENTRE = (10.0, 52.0)  # longitude, latitude
BOX = (-0.42, -0.36, 0.46, 0.40)  # west, south, east, north
WIDTH = 600  # SVG user units across BOX

DATA = Path(__file__).with_name("data") / "europe_map.json"


def project(longitude, latitude):
    """(x, y) in SVG units, y downwards."""
    lam0, phi0 = (math.radians(v) for v in CENTRE)
    lam, phi = math.radians(longitude), math.radians(latitude)
    k = math.sqrt(
        2
        / (
            1
            + math.sin(phi0) * math.sin(phi)
            + math.cos(phi0) * math.cos(phi) * math.cos(lam - lam0)
        )
    )
    x = k * math.cos(phi) * math.sin(lam - lam0)
    y = k * (
        math.cos(phi0) * math.sin(phi)
        - math.sin(phi0) * math.cos(phi) * math.cos(lam - lam0)
    )
    west, south, east, north = BOX
    scale = WIDTH / (east - west)
    return ((x - west) * scale, (north - y) * scale)


def height():
    west, south, east, north = BOX
    return round(WIDTH * (north - south) / (east - west))


@cache
def country_paths():
    """{ISO 3166 numeric id: SVG path data}."""
    with DATA.open(encoding="utf-8") as handle:
        return json.load(handle)["countries"]


# ISO 3166 alpha-2 -> numeric (the topology's ids) for the countries the
# portal names (portal.countries.EUROPEAN_COUNTRIES and neighbours).
NUMERIC = {
    "AL": "008", "AT": "040", "BA": "070", "BE": "056", "BG": "100", "BY": "112",
    "CH": "756", "CY": "196", "CZ": "203", "DE": "276", "DK": "208", "EE": "233",
    "ES": "724", "FI": "246", "FR": "250", "GB": "826", "GR": "300", "HR": "191",
    "HU": "348", "IE": "372", "IS": "352", "IT": "380", "LI": "438", "LT": "440",
    "LU": "442", "LV": "428", "MD": "498", "ME": "499", "MK": "807", "MT": "470",
    "NL": "528", "NO": "578", "PL": "616", "PT": "620", "RO": "642", "RS": "688",
    "SE": "752", "SI": "705", "SK": "703", "TR": "792", "UA": "804",
}  # fmt: skip


def drawing(countries=(), points=()):
    """What the template draws: the highlighted countries' outlines and the
    points (longitude, latitude) inside the frame, in SVG units."""
    paths = country_paths()
    shapes = [paths[NUMERIC[c]] for c in countries if NUMERIC.get(c) in paths]
    dots = []
    for longitude, latitude in points:
        x, y = project(longitude, latitude)
        if 0 <= x <= WIDTH and 0 <= y <= height():
            # Strings: a French page would otherwise print "415,3".
            dots.append((f"{x:.1f}", f"{y:.1f}"))
    return {"width": WIDTH, "height": height(), "shapes": shapes, "dots": dots}
