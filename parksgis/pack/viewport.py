"""The features of a pack's layer inside a view, read through the GeoPackage R-tree.

A GeoPackage keeps, for each spatial table ``t`` with geometry column ``g``, an SQLite R-tree
``rtree_t_g(id, minx, maxx, miny, maxy)`` of the features' boxes (id = the table's primary key).
Asking it for the boxes that meet the view gives the candidates in a few milliseconds however big
the layer is, so a million-plot pack is read only where the map looks. The boxes are stored as
32-bit floats rounded outwards, and a box that meets the view does not mean the shape does, so
every candidate is tested exactly: the answer is the same set of features a full scan testing
every shape against the view would give (``tests/pack/test_viewport.py`` proves it on random views).

Plain SQL on the SQLite file, no GDAL: the query runs on any thread with its own connection.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass

import numpy as np
import shapely

from parksgis.pack.errors import PackCorruptError
from parksgis.pack.format import quote
from parksgis.store.sqlite import fetch_all

#: bytes of the envelope after the 8-byte GeoPackage header, by the flags' envelope code
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_to_wkb(blob: bytes | None) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob (``GP``, version, flags, srs id, envelope, WKB).

    None for a missing geometry; raises ValueError for bytes that are no GeoPackage geometry.
    """
    if blob is None:
        return None
    if len(blob) < 8 or blob[0:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    envelope = _ENVELOPE_BYTES.get((blob[3] >> 1) & 7)
    if envelope is None:
        raise ValueError(f"GeoPackage geometry with unknown envelope code {(blob[3] >> 1) & 7}")
    return bytes(blob[8 + envelope:])


def geometries_from_gpkg(blobs) -> np.ndarray:
    """Shapely geometries (object array, None where missing) from GeoPackage blobs."""
    points = _plain_points(blobs)
    if points is not None:
        return points
    wkb = [gpkg_to_wkb(b) for b in blobs]
    if not wkb:
        return np.empty(0, dtype=object)
    return shapely.from_wkb(np.array(wkb, dtype=object))


#: a 2D point as GDAL writes it: 8 bytes of header without envelope, then 21 of WKB
_POINT_BLOB = 29


def _plain_points(blobs) -> np.ndarray | None:
    """The points of ``blobs`` when every one is a 2D point without envelope in little-endian
    WKB (what GDAL writes for a point layer), decoded as one array; None otherwise.

    A layer of 100,000 utility points is read whole at full extent: one pass of numpy instead of
    a WKB parse per point (a third of that read). The same points as :func:`gpkg_to_wkb` and
    ``shapely.from_wkb`` give; anything else (an empty point, another type) goes that way."""
    if not len(blobs) or any(type(b) is not bytes or len(b) != _POINT_BLOB for b in blobs):
        return None
    raw = np.frombuffer(b"".join(blobs), dtype=np.uint8).reshape(-1, _POINT_BLOB)
    header = (raw[:, 0] == 0x47) & (raw[:, 1] == 0x50) & (raw[:, 3] & 0b11110 == 0)  # "GP", no envelope, not empty
    wkb_point = (raw[:, 8] == 1) & (raw[:, 9] == 1) & ~raw[:, 10:13].any(axis=1)  # little-endian, type 1
    if not (header & wkb_point).all():
        return None
    xy = raw[:, 13:].copy().view("<f8")
    if np.isnan(xy).any():
        return None
    return shapely.points(xy)


@dataclass(frozen=True)
class SpatialTable:
    """Where a layer's features and their R-tree are: table, key and geometry column names."""

    table: str
    key: str
    geometry: str

    @property
    def rtree(self) -> str:
        return f"rtree_{self.table}_{self.geometry}"


def spatial_table(conn: sqlite3.Connection, table: str) -> SpatialTable:
    """The key and geometry column of ``table``; PackCorruptError when it has no spatial index."""
    found = conn.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                         (table,)).fetchone()
    if found is None:
        raise PackCorruptError(table, "no geometry column registered in gpkg_geometry_columns")
    key = [row[1] for row in conn.execute(f"PRAGMA table_info({quote(table)})") if row[5] == 1]
    spatial = SpatialTable(table, key[0] if len(key) == 1 else "rowid", found[0])
    indexed = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (spatial.rtree,)).fetchone()
    if indexed is None:
        raise PackCorruptError(table, "the layer has no spatial index (gpkg_rtree_index)")
    return spatial


def candidate_ids(conn: sqlite3.Connection, spatial: SpatialTable,
                  box: tuple[float, float, float, float]) -> np.ndarray:
    """Ids (sorted) whose R-tree box meets ``box`` (minx, miny, maxx, maxy in the layer's CRS)."""
    minx, miny, maxx, maxy = box
    rows = conn.execute(f"SELECT id FROM {quote(spatial.rtree)} WHERE maxx >= ? AND minx <= ? "
                        "AND maxy >= ? AND miny <= ? ORDER BY id", (minx, maxx, miny, maxy))
    return np.fromiter((r[0] for r in rows), dtype=np.int64)


def read_view(conn: sqlite3.Connection, table: str, box: tuple[float, float, float, float],
              columns: list[str] | None = None, spatial: SpatialTable | None = None
              ) -> tuple[np.ndarray, np.ndarray, dict[str, list]]:
    """``(ids, geometries, {column: values})`` of the features of ``table`` whose shape meets ``box``.

    Sorted by id. ``columns`` are attribute columns to read along (default none); ``spatial``:
    the table's :func:`spatial_table`, when the caller keeps it.
    """
    spatial = spatial or spatial_table(conn, table)
    columns = list(columns or [])
    wanted = ", ".join(quote(c) for c in [spatial.key, spatial.geometry, *columns])
    minx, miny, maxx, maxy = box
    extent = _extent(conn, spatial)
    if extent is not None and minx <= extent[0] and miny <= extent[1] and maxx >= extent[2] and maxy >= extent[3]:
        # the box holds the whole layer (a page of every park): every feature, without asking
        # the R-tree and testing each shape (a third of reading 100,000 points)
        rows = fetch_all(conn, f"SELECT {wanted} FROM {quote(table)} ORDER BY {quote(spatial.key)}")
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        geoms = geometries_from_gpkg([r[1] for r in rows])
        keep = np.flatnonzero(~(shapely.is_missing(geoms) | shapely.is_empty(geoms)))  # meet no box
        if len(keep) == len(rows):
            return ids, geoms, {c: [r[2 + j] for r in rows] for j, c in enumerate(columns)}
    else:
        sql = (f"SELECT {wanted} FROM {quote(table)} WHERE {quote(spatial.key)} IN "
               f"(SELECT id FROM {quote(spatial.rtree)} WHERE maxx >= ? AND minx <= ? AND maxy >= ? "
               f"AND miny <= ?) ORDER BY {quote(spatial.key)}")
        rows = fetch_all(conn, sql, (minx, maxx, miny, maxy))
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        geoms = geometries_from_gpkg([r[1] for r in rows])
        keep = np.flatnonzero(shapely.intersects(geoms, shapely.box(minx, miny, maxx, maxy))) if len(rows) \
            else np.empty(0, dtype=np.int64)
    values = {c: [rows[i][2 + j] for i in keep] for j, c in enumerate(columns)}
    return ids[keep], geoms[keep], values


def layer_extent(conn: sqlite3.Connection, table: str) -> tuple[float, float, float, float] | None:
    """(minx, miny, maxx, maxy) of a layer from its R-tree (no feature read), None when empty."""
    return _extent(conn, spatial_table(conn, table))


def _extent(conn: sqlite3.Connection, spatial: SpatialTable) -> tuple[float, float, float, float] | None:
    root = _root_boxes(conn, spatial.rtree)
    if root is not None:
        return None if not root else (min(b[0] for b in root), min(b[2] for b in root),
                                      max(b[1] for b in root), max(b[3] for b in root))
    row = conn.execute(f"SELECT min(minx), min(miny), max(maxx), max(maxy) "
                       f"FROM {quote(spatial.rtree)}").fetchone()
    return None if row is None or row[0] is None else tuple(float(v) for v in row)


def _root_boxes(conn: sqlite3.Connection, rtree: str) -> list[tuple] | None:
    """The (minx, maxx, miny, maxy) boxes of the R-tree's root node, or None when the R-tree is
    not laid out as SQLite's ``rtree(id, minx, maxx, miny, maxy)`` keeps it.

    The root's boxes hold every feature's box, and their union is the same float32 extent a scan
    of every leaf gives (each parent box is the union of its children's), without the scan
    (a million plots: 0.3 s). The node format is SQLite's (``ext/rtree/rtree.c``): a 2-byte
    depth and 2-byte cell count, then per cell an 8-byte id and four big-endian float32.
    """
    declared = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()
    if declared is None or "".join(str(declared[0]).split()).lower().replace('"', "") != \
            f"createvirtualtable{rtree.lower()}usingrtree(id,minx,maxx,miny,maxy)":
        return None
    try:
        node = conn.execute(f"SELECT data FROM {quote(rtree + '_node')} WHERE nodeno = 1").fetchone()
    except sqlite3.Error:
        return None
    if node is None or not isinstance(node[0], bytes) or len(node[0]) < 4:
        return None
    data = node[0]
    count = struct.unpack_from(">H", data, 2)[0]
    if len(data) < 4 + 24 * count:
        return None
    return [struct.unpack_from(">4f", data, 4 + 24 * i + 8) for i in range(count)]


#: Declared column types a layer is read whole in without GDAL, and the numpy type pyogrio gives
#: each (``read_whole``); any other type, a JSON column, or a number column holding NULL or text,
#: and the layer is read through GDAL as before.
_PLAIN_TYPES = {"TEXT": object, "INTEGER": np.int64, "REAL": np.float64}
_PLAIN_VALUES = {"TEXT": (str,), "INTEGER": (int,), "REAL": (float,)}


def read_whole(conn: sqlite3.Connection, table: str):
    """Every feature of ``table`` as ``pyogrio.read_dataframe`` gives it (the same columns,
    dtypes, shapes, row order and CRS, a RangeIndex), read with SQLite alone; None when the
    table holds anything that reader would give otherwise (see :data:`_PLAIN_TYPES`), text that
    is not UTF-8, or a CRS other than EPSG:4326.

    A pack's small layers (roads, a few thousand points) are read so when it opens: no GDAL to
    load (0.04 s and ~30 MB) before the first frame, and a third of the time of its read."""
    import geopandas as gpd
    import pandas as pd

    spatial = spatial_table(conn, table)
    srs = conn.execute("SELECT s.organization, s.organization_coordsys_id FROM gpkg_geometry_columns g "
                       "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE g.table_name = ?",
                       (table,)).fetchone()
    if srs is None or str(srs[0]).upper() != "EPSG" or srs[1] != 4326:
        return None
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_data_columns'").fetchone() and \
            conn.execute("SELECT 1 FROM gpkg_data_columns WHERE table_name = ? AND mime_type IS NOT NULL",
                         (table,)).fetchone():
        return None  # JSON columns: pyogrio parses them
    declared = [(row[1], (row[2] or "").upper()) for row in conn.execute(f"PRAGMA table_info({quote(table)})")
                if row[1] not in (spatial.key, spatial.geometry)]
    if any(kind not in _PLAIN_TYPES for _name, kind in declared):
        return None
    wanted = ", ".join(quote(c) for c in [spatial.geometry, *(name for name, _kind in declared)])
    cursor = conn.cursor()
    cursor.row_factory = None
    factory = conn.text_factory
    conn.text_factory = str
    try:
        rows = cursor.execute(f"SELECT {wanted} FROM {quote(table)} ORDER BY {quote(spatial.key)}").fetchall()
    except sqlite3.OperationalError:  # text that is not UTF-8: GDAL's way with it
        return None
    finally:
        conn.text_factory = factory
    columns = list(zip(*rows)) if rows else [()] * (1 + len(declared))
    data = {}
    for (name, kind), values in zip(declared, columns[1:]):
        plain = _PLAIN_VALUES[kind]
        if kind == "TEXT":
            if not all(v is None or type(v) in plain for v in values):
                return None
        elif not all(type(v) in plain for v in values):  # a NULL or text in a number column
            return None
        column = np.empty(len(values), dtype=_PLAIN_TYPES[kind])
        column[:] = values
        data[name] = column
    frame = pd.DataFrame(data, columns=[name for name, _kind in declared])
    return gpd.GeoDataFrame(frame, geometry=geometries_from_gpkg(list(columns[0])), crs="EPSG:4326")
