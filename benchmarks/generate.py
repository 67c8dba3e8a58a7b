"""Synthetic parks for the benchmarks: N plot polygons, grid roads and N/10 utility points.

Writes a layers-style folder that ``parksgis.app.workspace.load_workspace`` and ``parksgis pack
build`` accept, and that the peers (geopandas + matplotlib, QGIS) read as plain GeoJSON::

    benchmarks/out/data/<N>/parks.json
    benchmarks/out/data/<N>/projects.csv
    benchmarks/out/data/<N>/bench/{plots,roads,utilities}.geojson

Plots are star-shaped rings (5–10 distinct vertices, so always simple) inside non-overlapping
square cells of a grid centred on Yangjiang (111.9E 21.8N); every ten neighbouring plots share a
project, 5 % of plots link to none (context features). Roads run along every tenth cell boundary,
one segment per block. Everything is vectorised numpy and seeded, so a size always gives the same
bytes; 1M plots take well under a minute.

    python -m benchmarks.generate --sizes 1k,10k,100k [--out benchmarks/out/data]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import time
from pathlib import Path

import numpy as np
import orjson

CENTER_LON, CENTER_LAT = 111.9, 21.8
CELL_M = 60.0                        # one plot per 60 m cell
M_PER_DEG_LAT = 111_320.0
M_PER_DEG_LON = M_PER_DEG_LAT * math.cos(math.radians(CENTER_LAT))
ROAD_EVERY = 10                      # a road along every tenth cell boundary
PLOTS_PER_PROJECT = 10
STATUSES = ["planned", "approved", "under_construction", "completed", "suspended"]
PARK_ID = "bench"
OUT = Path(__file__).resolve().parent / "out" / "data"


def parse_size(text: str) -> int:
    """``1k`` -> 1000, ``1M`` -> 1_000_000, ``200`` -> 200."""
    text = text.strip()
    scale = {"k": 1_000, "K": 1_000, "m": 1_000_000, "M": 1_000_000}.get(text[-1:], 1)
    number = text[:-1] if scale != 1 else text
    return int(float(number) * scale)


def size_label(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def _grid(n: int) -> tuple[int, int]:
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    return cols, rows


def _cell_origin(cols: int, rows: int) -> tuple[float, float]:
    """South-west corner (lon, lat) of the grid, so the grid is centred on Yangjiang."""
    return (CENTER_LON - cols * CELL_M / 2 / M_PER_DEG_LON,
            CENTER_LAT - rows * CELL_M / 2 / M_PER_DEG_LAT)


def plot_rings(n: int, rng: np.random.Generator):
    """Per plot: (k, ring coordinates padded to 11 points as an (n, 11, 2) array)."""
    cols, rows = _grid(n)
    lon0, lat0 = _cell_origin(cols, rows)
    idx = np.arange(n)
    cx = (idx % cols + 0.5) * CELL_M
    cy = (idx // cols + 0.5) * CELL_M
    k = rng.integers(5, 11, size=n)                          # distinct vertices per ring
    # k angles per ring: evenly spaced with jitter, so they stay sorted -> a simple star polygon
    slot = np.arange(10)[None, :]
    angles = (slot + rng.uniform(0.1, 0.9, size=(n, 10))) * (2 * np.pi / k[:, None])
    radius = rng.uniform(0.28, 0.45, size=(n, 10)) * CELL_M  # < 0.5: rings never leave the cell
    x = cx[:, None] + radius * np.cos(angles)
    y = cy[:, None] + radius * np.sin(angles)
    # zeros, not np.empty: the padding after each ring's closing point is never written out, but
    # rounding left-over memory there overflowed now and then (a RuntimeWarning in the tests)
    ring = np.zeros((n, 11, 2))
    ring[:, :10, 0] = lon0 + x / M_PER_DEG_LON
    ring[:, :10, 1] = lat0 + y / M_PER_DEG_LAT
    ring[np.arange(n), k] = ring[:, 0]                         # close each ring after k points
    return k, np.round(ring, 7)


def _features_json(geometries, properties) -> bytes:
    """A FeatureCollection; orjson serialises the numpy coordinate arrays in C."""
    feats = [{"type": "Feature", "properties": p, "geometry": g} for g, p in zip(geometries, properties)]
    return orjson.dumps({"type": "FeatureCollection", "name": "", "features": feats},
                        option=orjson.OPT_SERIALIZE_NUMPY)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_plots(folder: Path, n: int, rng: np.random.Generator) -> np.ndarray:
    """plots.geojson; returns each plot's status index (-1: no project)."""
    k, rings = plot_rings(n, rng)
    project_no = np.arange(n) // PLOTS_PER_PROJECT
    project_status = rng.integers(0, len(STATUSES), size=project_no[-1] + 1)
    status = project_status[project_no]
    unlinked = rng.random(n) < 0.05
    geoms = ({"type": "Polygon", "coordinates": [rings[i, :k[i] + 1]]} for i in range(n))
    props = []
    for i in range(n):
        if unlinked[i]:
            props.append({"plot_id": f"P{i:07d}", "project_id": None, "status": None})
        else:
            props.append({"plot_id": f"P{i:07d}", "project_id": f"BP{project_no[i]:06d}",
                          "status": STATUSES[status[i]]})
    _write_atomic(folder / "plots.geojson", _features_json(geoms, props))
    return project_status


def write_roads(folder: Path, n: int) -> int:
    """roads.geojson: one LineString per block edge along every tenth cell boundary."""
    cols, rows = _grid(n)
    lon0, lat0 = _cell_origin(cols, rows)
    xs = np.arange(0, cols + 1, ROAD_EVERY) * CELL_M / M_PER_DEG_LON + lon0
    ys = np.arange(0, rows + 1, ROAD_EVERY) * CELL_M / M_PER_DEG_LAT + lat0
    geoms, props = [], []
    for j, y in enumerate(ys):                       # east-west segments
        for i in range(len(xs) - 1):
            geoms.append({"type": "LineString", "coordinates": [[round(xs[i], 7), round(y, 7)],
                                                                [round(xs[i + 1], 7), round(y, 7)]]})
            props.append({"name_zh": f"东西{j + 1}路", "project_id": None})
    for i, x in enumerate(xs):                       # north-south segments
        for j in range(len(ys) - 1):
            geoms.append({"type": "LineString", "coordinates": [[round(x, 7), round(ys[j], 7)],
                                                                [round(x, 7), round(ys[j + 1], 7)]]})
            props.append({"name_zh": f"南北{i + 1}路", "project_id": None})
    _write_atomic(folder / "roads.geojson", _features_json(geoms, props))
    return len(geoms)


def write_utilities(folder: Path, n: int, rng: np.random.Generator) -> int:
    """utilities.geojson: N/10 points on cell corners (never inside a plot)."""
    cols, rows = _grid(n)
    lon0, lat0 = _cell_origin(cols, rows)
    count = max(1, n // 10)
    corner = rng.choice((cols + 1) * (rows + 1), size=count, replace=False)
    lon = np.round(lon0 + (corner % (cols + 1)) * CELL_M / M_PER_DEG_LON, 7)
    lat = np.round(lat0 + (corner // (cols + 1)) * CELL_M / M_PER_DEG_LAT, 7)
    kinds = np.array(["substation", "pump", "valve", "hydrant"])[rng.integers(0, 4, size=count)]
    geoms = ({"type": "Point", "coordinates": [float(a), float(b)]} for a, b in zip(lon, lat))
    props = ({"utility_id": f"U{i:07d}", "kind": str(kind), "project_id": None}
             for i, kind in enumerate(kinds))
    _write_atomic(folder / "utilities.geojson", _features_json(geoms, props))
    return count


def write_projects(root: Path, project_status: np.ndarray) -> None:
    """projects.csv in the register's column order; the status matches the plots' property."""
    from parksgis.model.project import PROJECT_FIELDS

    tmp = root / "projects.csv.tmp"
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(PROJECT_FIELDS)
        for no, status in enumerate(project_status):
            row = dict(project_id=f"BP{no:06d}", park=PARK_ID, name_zh=f"基准地块项目{no}",
                       name_en=f"Benchmark plot project {no}", category="plot",
                       status=STATUSES[status], progress_pct=(no * 7) % 101,
                       investment_wan_yuan=1000 + no % 5000, updated_at="2014-07-24")
            writer.writerow([row.get(f, "") for f in PROJECT_FIELDS])
    os.replace(tmp, root / "projects.csv")


def write_parks_json(root: Path, n: int) -> None:
    """parks.json in the layers-folder format of the bundled sample (layers/parks.json)."""
    meta = {
        "format": "parksgis-layers",
        "version": 1,
        "as_of": "2014-07",
        "data_note": {"zh": "基准测试合成数据,非真实几何(benchmarks/generate.py)",
                      "en": "Synthetic benchmark data, not real geometry (benchmarks/generate.py)"},
        "display_crs": "EPSG:4546",
        "kpis": {},
        "parks": [{"park_id": PARK_ID, "name_zh": f"基准园区({size_label(n)}地块)",
                   "name_en": f"Benchmark park ({size_label(n)} plots)", "folder": PARK_ID}],
    }
    _write_atomic(root / "parks.json", json.dumps(meta, ensure_ascii=False, indent=2).encode())


def generate(n: int, out: Path = OUT, seed: int = 20140724) -> Path:
    """Write the data set for ``n`` plots (skipped when already complete); returns its folder."""
    root = out / size_label(n)
    done = root / ".complete"
    if done.exists():
        return root
    folder = root / PARK_ID
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed + n)
    project_status = write_plots(folder, n, rng)
    write_roads(folder, n)
    write_utilities(folder, n, rng)
    write_projects(root, project_status)
    write_parks_json(root, n)
    done.write_text("ok\n", encoding="utf-8")
    return root


def layer_files(root: Path) -> list[Path]:
    """The GeoJSON files of a generated set, bottom to top."""
    return [root / PARK_ID / f"{name}.geojson" for name in ("plots", "roads", "utilities")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,100k")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true", help="regenerate even when present")
    args = parser.parse_args(argv)
    for text in args.sizes.split(","):
        n = parse_size(text)
        if args.force:
            (args.out / size_label(n) / ".complete").unlink(missing_ok=True)
        t0 = time.perf_counter()
        root = generate(n, args.out)
        size_mb = sum(p.stat().st_size for p in layer_files(root)) / 1e6
        print(f"{size_label(n):>5}: {root}  {size_mb:.1f} MB  {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
