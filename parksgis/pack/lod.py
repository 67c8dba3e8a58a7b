"""Level of detail stored in a pack: big layers' shapes generalised per zoom band at build time.

A zoom band is named by its finest map scale ``r`` in metres per pixel (:data:`BANDS`). A view
drawn at ``m`` metres per pixel uses the coarsest band with ``r <= m``; views finer than the
first band read the layer's own table, so a zoomed-in view is drawn from full detail and is
pixel-identical to drawing the whole layer. What band ``r`` holds for each area or line feature:

- a feature at least ``r`` metres across (one pixel or more somewhere in the band): its shape
  simplified with a tolerance of ``r / 2`` metres (never more than half a pixel off), topology
  kept, so it never vanishes or turns invalid;
- a smaller feature (under one pixel in the whole band): a square ``r`` metres wide at a point
  inside it, i.e. one pixel where it is, drawn in its own status colour.

No feature is left out of any band and every row keeps the feature's id, so statuses, names and
classes still come from the layer table and the register when the band is drawn (an as-of date
recolours a band like the full layer). Point layers are not generalised: the renderer already
draws thousands of symbols as small squares. Only layers of at least :data:`MIN_FEATURES`
features get bands; smaller ones draw fast from full detail.

Rows live in one attribute table, :data:`LOD_TABLE`, indexed by an SQLite R-tree,
:data:`LOD_INDEX`, whose third dimension is the layer's band key (``layer position * 16 +
band``), so a view of one band of one layer is one index lookup. Packs without these tables
(built before, or by other tools) are drawn from full detail.
"""

from __future__ import annotations

import math
import sqlite3

import numpy as np
import shapely

from parksgis.pack.format import quote
from parksgis.pack.viewport import geometries_from_gpkg, spatial_table

#: Finest metres per pixel of each band, finest first.
BANDS = (4.0, 16.0, 64.0)
#: Layers with fewer features are not generalised.
MIN_FEATURES = 20_000
LOD_TABLE = "parksgis_lod"
LOD_INDEX = "parksgis_lod_index"
#: Metres per degree of latitude (WGS84 mean); a degree of longitude is shorter, so tolerances
#: given in degrees of latitude are conservative in both directions.
M_PER_DEG = 111_320.0
_BAND_KEYS = 16
_CHUNK = 50_000


def band_for(m_per_px: float) -> int | None:
    """Index into :data:`BANDS` for a view at ``m_per_px``; None means full detail."""
    chosen = None
    for i, r in enumerate(BANDS):
        if m_per_px >= r:
            chosen = i
    return chosen


def band_key(layer_position: int, band: int) -> int:
    return layer_position * _BAND_KEYS + band


def create_tables(conn: sqlite3.Connection) -> None:
    conn.execute(f"CREATE TABLE IF NOT EXISTS {LOD_TABLE} (id INTEGER PRIMARY KEY NOT NULL, "
                 "table_name TEXT NOT NULL, band INTEGER NOT NULL, fid INTEGER NOT NULL, "
                 "geom BLOB NOT NULL)")
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {LOD_INDEX} USING rtree(id, minx, maxx, "
                 "miny, maxy, mink, maxk)")


def feature_sizes_m(geoms: np.ndarray) -> np.ndarray:
    """Largest side in metres of each WGS84 geometry's box (longitude shortened by latitude)."""
    b = shapely.bounds(geoms)
    lat = np.radians(np.clip((b[:, 1] + b[:, 3]) / 2, -89.0, 89.0))
    width = (b[:, 2] - b[:, 0]) * M_PER_DEG * np.cos(lat)
    height = (b[:, 3] - b[:, 1]) * M_PER_DEG
    return np.nan_to_num(np.maximum(width, height), nan=0.0)


def generalise(geoms: np.ndarray, r: float) -> np.ndarray:
    """The band-``r`` shapes of ``geoms`` (WGS84): simplified, or a one-pixel square when small."""
    sizes = feature_sizes_m(geoms)
    tolerance = (r / 2) / M_PER_DEG
    out = shapely.simplify(geoms, tolerance, preserve_topology=True)
    # keeping topology, GEOS may move a ring that is only a few tolerances wide further than
    # the tolerance (a 29-vertex star becomes a skewed triangle): such shapes stay as they are
    off = shapely.hausdorff_distance(out, geoms) > tolerance
    out[off] = geoms[off]
    small = sizes < r
    if small.any():
        anchor = shapely.get_coordinates(shapely.point_on_surface(geoms[small]))
        half_lat = (r / 2) / M_PER_DEG
        half_lon = half_lat / np.cos(np.radians(anchor[:, 1]))
        out[small] = shapely.box(anchor[:, 0] - half_lon, anchor[:, 1] - half_lat,
                                 anchor[:, 0] + half_lon, anchor[:, 1] + half_lat)
    return out


def build_lod(conn: sqlite3.Connection, tables: list[str], *, min_features: int | None = None) -> int:
    """Write every band of each area/line table of ``tables`` (in layer order); rows written.

    ``min_features`` defaults to :data:`MIN_FEATURES`."""
    min_features = MIN_FEATURES if min_features is None else min_features
    create_tables(conn)
    written = 0
    for position, table in enumerate(tables):
        spatial = spatial_table(conn, table)
        count = conn.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]
        if count < min_features:
            continue
        last = -1
        while True:  # in chunks: a million shapes need not sit in memory at once
            rows = conn.execute(f"SELECT {quote(spatial.key)}, {quote(spatial.geometry)} FROM "
                                f"{quote(table)} WHERE {quote(spatial.key)} > ? AND "
                                f"{quote(spatial.geometry)} IS NOT NULL ORDER BY "
                                f"{quote(spatial.key)} LIMIT {_CHUNK}", (last,)).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            fids = np.array([r[0] for r in rows], dtype=np.int64)
            geoms = geometries_from_gpkg([r[1] for r in rows])
            keep = ~shapely.is_empty(geoms) & (shapely.get_dimensions(geoms) >= 1)
            fids, geoms = fids[keep], geoms[keep]
            for band, r in enumerate(BANDS):
                written += _insert(conn, table, band_key(position, band), band, fids,
                                   generalise(geoms, r))
    return written


def _insert(conn, table, key, band, fids, geoms) -> int:
    if len(fids) == 0:
        return 0
    start = (conn.execute(f"SELECT max(id) FROM {LOD_TABLE}").fetchone()[0] or 0) + 1
    ids = np.arange(start, start + len(fids))
    wkb = shapely.to_wkb(geoms)
    conn.executemany(f"INSERT INTO {LOD_TABLE} (id, table_name, band, fid, geom) VALUES (?, ?, ?, ?, ?)",
                     zip(ids.tolist(), [table] * len(ids), [band] * len(ids), fids.tolist(), wkb))
    b = shapely.bounds(geoms)
    conn.executemany(f"INSERT INTO {LOD_INDEX} VALUES (?, ?, ?, ?, ?, ?, ?)",
                     zip(ids.tolist(), b[:, 0].tolist(), b[:, 2].tolist(), b[:, 1].tolist(),
                         b[:, 3].tolist(), [key] * len(ids), [key] * len(ids)))
    return len(ids)


def has_lod(conn: sqlite3.Connection, table: str) -> bool:
    """True when ``table`` has stored bands (packs built before this have none)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (LOD_TABLE,)).fetchone()
    return bool(found) and conn.execute(f"SELECT 1 FROM {LOD_TABLE} WHERE table_name = ? LIMIT 1",
                                        (table,)).fetchone() is not None


def read_band(conn: sqlite3.Connection, table: str, position: int, band: int,
              box: tuple[float, float, float, float],
              columns: list[str] | None = None) -> tuple[np.ndarray, np.ndarray, dict[str, list]]:
    """``(fids, band shapes, {column: values})`` of the band's shapes whose box meets ``box``.

    Attribute ``columns`` come from the layer table (the band stores shapes only). Sorted by fid.
    """
    spatial = spatial_table(conn, table)
    key = band_key(position, band)
    columns = list(columns or [])
    extra = "".join(f", t.{quote(c)}" for c in columns)
    minx, miny, maxx, maxy = box
    rows = conn.execute(
        f"SELECT l.fid, l.geom{extra} FROM {LOD_TABLE} l JOIN {quote(table)} t "
        f"ON t.{quote(spatial.key)} = l.fid WHERE l.id IN (SELECT id FROM {LOD_INDEX} WHERE "
        "maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? AND mink <= ? AND maxk >= ?) "
        "ORDER BY l.fid", (minx, maxx, miny, maxy, key, key)).fetchall()
    fids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    geoms = shapely.from_wkb(np.array([r[1] for r in rows], dtype=object)) if rows \
        else np.empty(0, dtype=object)
    values = {c: [r[2 + j] for r in rows] for j, c in enumerate(columns)}
    return fids, geoms, values


def metres_per_pixel(box: tuple[float, float, float, float], width_px: int) -> float:
    """Map scale of a WGS84 ``box`` drawn ``width_px`` wide (longitude shortened by latitude)."""
    lat = math.radians((box[1] + box[3]) / 2)
    return (box[2] - box[0]) * M_PER_DEG * math.cos(lat) / max(width_px, 1)
