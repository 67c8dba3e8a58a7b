#!/usr/bin/env python3
"""Build the bundled sample parks in ``layers/`` — deterministic, re-runnable.

    python3 scripts/make_sample_parks.py            # rewrite layers/ in this checkout
    python3 scripts/make_sample_parks.py --out DIR  # write somewhere else

Names, figures and statuses come from the Nanfang Daily report of 2014-07-24 (see layers/README.md).
The GEOMETRY IS ILLUSTRATIVE: each park is drawn in EPSG:4546 metres around a point near the real
place, then stored as RFC 7946 WGS84 lon/lat. Sizes that the report gives (进港大道 4.5 km, the
R&D base's 70,000+ m²) and the programme's road totals (22.2 km new, 11.4 km upgraded) are
honoured by construction, and the script checks them, plus that no two plots overlap and that no
road runs through a plot, before it writes anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pyproj import Transformer
import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sample_parks_content import (  # noqa: E402  (scripts/ sibling module: the content tables)
    BASEMAP, DATA_NOTE, KPIS, PARKS, PROJECTS, SOURCE, layers_for,
)

from parksgis.store.projects_csv import write_projects_csv  # noqa: E402

DISPLAY_CRS = "EPSG:4546"
MU_M2 = 10000 / 15  # 1 亩 = 666.67 m²
TO_WGS84 = Transformer.from_crs(DISPLAY_CRS, "EPSG:4326", always_xy=True)
TO_METRES = Transformer.from_crs("EPSG:4326", DISPLAY_CRS, always_xy=True)
LAYER_ORDER = ("boundary", "plots", "berths", "roads", "utility_lines", "utilities")


def to_lonlat(geom_m):
    """A shapely geometry in EPSG:4546 metres -> WGS84 lon/lat rounded to 1e-7° (~1 cm)."""
    def fn(x, y):
        lon, lat = TO_WGS84.transform(x, y)
        return np.round(lon, 7), np.round(lat, 7)
    geom = shapely.transform(geom_m, fn, interleaved=False)
    if geom.geom_type == "Polygon":
        geom = orient(geom, sign=1.0)  # RFC 7946: exterior rings counter-clockwise
    return geom


def origin_m(lon: float, lat: float) -> tuple[float, float]:
    return TO_METRES.transform(lon, lat)


def place(geom_local, origin) -> object:
    """Local metres (origin at the park's anchor point) -> EPSG:4546 metres."""
    return affinity.translate(geom_local, xoff=origin[0], yoff=origin[1])


def enrich(props: dict, geom_m) -> dict:
    """Add measured extras: area for polygons, length for lines, in EPSG:4546 metres."""
    out = dict(props)
    if geom_m.geom_type == "Polygon":
        out["area_m2"] = round(geom_m.area)
        if out.get("kind") not in ("park_boundary", "district"):
            out["area_mu"] = round(geom_m.area / MU_M2, 1)
    elif geom_m.geom_type == "LineString":
        out["length_m"] = round(geom_m.length)
    return out


def feature_collection(name: str, items: list[tuple[dict, object]]) -> dict:
    rows = [enrich(props, geom_m) for props, geom_m in items]
    # every feature carries every column (null where it does not apply): one schema per layer
    columns = list(dict.fromkeys(key for row in rows for key in row))
    features = [{"type": "Feature", "properties": {c: row.get(c) for c in columns},
                 "geometry": mapping(to_lonlat(geom_m))} for row, (_, geom_m) in zip(rows, items)]
    return {"type": "FeatureCollection", "name": name, "features": features}


def dump(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    # one feature per line keeps diffs readable without the size of pretty-printing
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    path.write_text(text + "\n", encoding="utf-8")


def check_park(park_id: str, layers: dict[str, list[tuple[dict, object]]]) -> None:
    """Refuse to write a park whose plots overlap or whose roads run through plots."""
    plots = layers.get("plots", [])
    for i, (pa, ga) in enumerate(plots):
        for pb, gb in plots[i + 1:]:
            if ga.intersection(gb).area > 0.01:
                raise SystemExit(f"{park_id}: plots {pa['id']} and {pb['id']} overlap")
    for props, road in layers.get("roads", []):
        for plot_props, plot in plots:
            if road.buffer(15).intersects(plot):
                raise SystemExit(f"{park_id}: road {props['id']} runs through plot {plot_props['id']}")
    ids = [p["id"] for items in layers.values() for p, _ in items]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"{park_id}: duplicate feature ids")
    boundary = layers["boundary"][0][1]
    for props, geom in plots:
        if not boundary.contains(geom):
            raise SystemExit(f"{park_id}: plot {props['id']} is outside the park boundary")


def road_totals(all_layers) -> dict[str, float]:
    totals = {"new": 0.0, "upgrade": 0.0}
    for layers in all_layers.values():
        for props, geom in layers.get("roads", []):
            totals[props["work"]] += geom.length
    return totals


def build(out: Path) -> dict:
    all_layers: dict[str, dict] = {}
    for park in PARKS:
        origin = origin_m(*park["anchor_lonlat"])
        local = layers_for(park["park_id"])
        placed = {name: [(props, place(geom, origin)) for props, geom in items]
                  for name, items in local.items()}
        check_park(park["park_id"], placed)
        all_layers[park["park_id"]] = placed

    totals = road_totals(all_layers)
    for work, target in (("new", KPIS["new_roads_km"]["value"]), ("upgrade", KPIS["upgraded_roads_km"]["value"])):
        if abs(totals[work] / 1000 - target) > 0.05:
            raise SystemExit(f"{work} roads total {totals[work] / 1000:.2f} km, programme says {target} km")
    project_ids = {p.project_id for p in PROJECTS}
    for park_id, layers in all_layers.items():
        for items in layers.values():
            for props, _ in items:
                if props["project_id"] is not None and props["project_id"] not in project_ids:
                    raise SystemExit(f"{park_id}: {props['id']} names unknown project {props['project_id']}")

    for park_id, layers in all_layers.items():
        for name in LAYER_ORDER:
            if name in layers:
                dump(out / park_id / f"{name}.geojson", feature_collection(f"{park_id}_{name}", layers[name]))
    for name, items in BASEMAP().items():
        dump(out / "basemap" / f"{name}.geojson",
             feature_collection(f"basemap_{name}", [(p, to_metres(g)) for p, g in items]))

    parks_json = {
        "format": "parksgis-layers", "version": 1, "as_of": "2014-07",
        "source": SOURCE, "data_note": DATA_NOTE, "display_crs": DISPLAY_CRS,
        "kpis": KPIS,
        "parks": [{k: v for k, v in park.items() if k != "anchor_lonlat"} | {"folder": park["park_id"]}
                  for park in PARKS],
        "basemap": {"folder": "basemap", "layers": list(BASEMAP())},
    }
    (out / "parks.json").write_text(json.dumps(parks_json, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
    write_projects_csv(PROJECTS, out / "projects.csv")
    return {"roads_km": {k: round(v / 1000, 2) for k, v in totals.items()}}


def to_metres(geom_lonlat):
    """Basemap outlines are drawn in lon/lat; measure them in metres like the rest."""
    return shapely.transform(geom_lonlat, lambda x, y: TO_METRES.transform(x, y), interleaved=False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "layers")
    args = parser.parse_args(argv)
    summary = build(args.out)
    print(f"wrote {args.out}: roads {summary['roads_km']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
