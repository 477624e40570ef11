"""Prepare portal/data/europe_map.json, the country outlines of the home page's
small maps, from the vendored world-atlas topology. Run when the topology or
the projection in portal/europe_map.py changes, never by the site:

    .venv/bin/python tools/europe_map_paths.py
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from world_atlas_europe import decoded_arcs  # noqa: E402

from portal.europe_map import DATA, WIDTH, height, project  # noqa: E402

SOURCE = ROOT / "static/vendor/world-atlas/europe-50m.json"
OUTLINE = ROOT / "static/img/europe-outline.svg"


def rings(geometry):
    polygons = geometry["arcs"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        yield from polygon


def path(geometry, arcs):
    parts = []
    for ring in rings(geometry):
        points = []
        for index in ring:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        xy = [project(lon, lat) for lon, lat in points]
        # Leave out rings wholly outside the drawing, and thin out the rest to
        # a point every 2 SVG units (whole units: the map is drawn at most ~600 px wide).
        if all(
            x < -50 or x > WIDTH + 50 or y < -50 or y > height() + 50 for x, y in xy
        ):
            continue
        kept, last = [], None
        for x, y in xy:
            # Points beyond the edge are pinned to it: hidden anyway, and the
            # thinning then drops them.
            x, y = min(max(x, -5), WIDTH + 5), min(max(y, -5), height() + 5)
            point = (round(x), round(y))
            if last is None or abs(point[0] - last[0]) + abs(point[1] - last[1]) >= 2:
                kept.append(point)
                last = point
        if len(kept) < 3:
            continue
        parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z")
    return "".join(parts)


def main():
    topology = json.loads(SOURCE.read_text(encoding="utf-8"))
    arcs = decoded_arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if "id" not in geometry or not geometry.get("arcs"):
            continue
        data = path(geometry, arcs)
        if data:
            countries[geometry["id"]] = data
    DATA.write_text(
        json.dumps({"countries": countries}, separators=(",", ":")), encoding="utf-8"
    )
    print(f"{len(countries)} countries -> {DATA} ({DATA.stat().st_size} bytes)")
    # The base layer, one static file the browser caches: every country in a
    # light grey with white borders.
    shapes = "".join(f'<path d="{d}"/>' for d in countries.values())
    OUTLINE.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height()}" fill="#dfe5ec" stroke="#fff" '
        f'stroke-width=".6" stroke-linejoin="round">{shapes}</svg>\n',
        encoding="utf-8",
    )
    print(f"-> {OUTLINE} ({OUTLINE.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
