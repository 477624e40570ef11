"""Cut world-atlas' countries-50m.json down to the countries the directory's map
can show: those with land in a box around Europe, the Mediterranean, Africa and
the Middle East (where the demo's and most members' centres are, La Réunion
included). Run at vendoring time only, never by the site:

    python tools/world_atlas_europe.py PACKAGE/countries-50m.json \
        static/vendor/world-atlas/europe-50m.json

Countries are kept whole (every polygon, overseas ones too) so that a shared
border is never cut; the arcs they use are kept, renumbered, and the rest of
the topology (quantisation, names, ISO numeric ids) is unchanged. Natural Earth
is in the public domain, so a subset may be redistributed.
"""

import json
import sys

# West, south, east, north, in degrees.
BOX = (-32.0, -36.0, 66.0, 72.0)


def decoded_arcs(topology):
    """Each arc as a list of (longitude, latitude): delta-decoded, unquantised."""
    (scale_x, scale_y) = topology["transform"]["scale"]
    (move_x, move_y) = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def arc_indexes(geometry):
    """Every arc index a Polygon or MultiPolygon uses (negative = reversed)."""
    polygons = geometry.get("arcs", [])
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [index for polygon in polygons for ring in polygon for index in ring]


def renumber(geometry, new_index):
    def ring(indexes):
        return [new_index[i] if i >= 0 else ~new_index[~i] for i in indexes]

    if geometry["type"] == "Polygon":
        arcs = [ring(r) for r in geometry["arcs"]]
    else:
        arcs = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
    return {**geometry, "arcs": arcs}


def subset(topology, box=BOX):
    west, south, east, north = box
    points = decoded_arcs(topology)

    def in_box(index):
        arc = points[index if index >= 0 else ~index]
        return any(west <= x <= east and south <= y <= north for x, y in arc)

    kept = [
        geometry
        for geometry in topology["objects"]["countries"]["geometries"]
        if any(in_box(i) for i in arc_indexes(geometry))
    ]
    used = sorted({i if i >= 0 else ~i for g in kept for i in arc_indexes(g)})
    new_index = {old: new for new, old in enumerate(used)}
    xs = [x for i in used for x, _ in points[i]]
    ys = [y for i in used for _, y in points[i]]
    return {
        "type": "Topology",
        "bbox": [min(xs), min(ys), max(xs), max(ys)],
        "transform": topology["transform"],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [renumber(g, new_index) for g in kept],
            }
        },
        "arcs": [topology["arcs"][i] for i in used],
    }


def main(source, target):
    with open(source, encoding="utf-8") as handle:
        topology = json.load(handle)
    result = subset(topology)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(result, handle, separators=(",", ":"), ensure_ascii=False)
    countries = result["objects"]["countries"]["geometries"]
    print(f"{len(countries)} countries, {len(result['arcs'])} arcs -> {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
