"""Level of detail stored in a pack: big layers' shapes generalised per zoom band at build time.

A zoom band is named by its finest map scale ``r`` in metres per pixel (:data:`BANDS`). A view
drawn at ``m`` metres per pixel uses the coarsest band with ``r <= m``; views finer than the
first band read the layer's own table, so a zoomed-in view is drawn from full detail and is
pixel-identical to drawing the whole layer. What band ``r`` holds for each area or line feature:

- a feature at least ``r`` metres across (one pixel or more somewhere in the band): its shape
  simplified with a tolerance of ``r / 2`` metres (never more than half a pixel off); it never
  vanishes or turns invalid (Douglas-Peucker, or GEOS' topology-preserving simplification where
  that would break the shape; a hole or part under half a pixel may go);
- a smaller feature (under one pixel in the whole band): a square ``r`` metres wide at a point
  inside it, i.e. one pixel where it is, drawn in its own status colour.

No feature is left out of any band and every row keeps the feature's id, so statuses, names and
classes still come from the layer table and the register when the band is drawn (an as-of date
recolours a band like the full layer). Point layers are not generalised: the renderer already
draws thousands of symbols as small squares. Only layers of at least :data:`MIN_FEATURES`
features get bands; smaller ones draw fast from full detail.

The biggest layers (:data:`DENSITY_MIN_FEATURES` or more) also get **status cells**: the layer's
extent cut into about ``cell_features.CELLS`` square cells, one row per cell holding features,
its shape the box of the cell's features and its id that of a feature (the lowest id) of the
cell's commonest status when the pack is built (the register's status of the feature's project,
else its own status column). A view that would hold more than :data:`VIEW_FEATURES` features
(a million plots at full extent) is drawn from these few thousand cells, each styled like its
representative feature, so an edit of that feature's project recolours the cell
(:func:`wants_density`); zoomed in further, the bands take over. They are stored as the rows of
band :data:`DENSITY_BAND`, all in tile (0, 0); how many features of each status each cell
stands for is stored beside them (``pack.cell_features``), for a page's counts.

Shapes live in one attribute table, :data:`LOD_TABLE`, by layer, band and the tile of the
band's grid (:data:`TILE_PX` pixels square at the band's scale) that each shape meets; a shape
meeting several tiles is stored with each. A row holds many shapes, those of one geometry type
that one build chunk has in that tile, with their features' attributes (``pack.band_layout``),
so the map reads a tile as a few rows, not a row, a join and a WKB parse per shape. Packs
without this table (built before, or by other tools) are drawn from full detail; packs whose
bands are of the first layout (a row per shape, table :data:`OLD_LOD_TABLE`) are refused by the
window (:func:`check_layout`).
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import numpy as np
import shapely

from parksgis.model.zoom_bands import (BANDS, DENSITY_BAND, M_PER_DEG, TILE_PX, band_for,  # noqa: F401
                                       metres_per_pixel, tile_deg)
from parksgis.pack import cell_features
from parksgis.pack.band_layout import (BandShapes, packed_rows, shape_kinds, stored_attributes, unpacked,
                                      vertices_of_rows)
from parksgis.pack.format import columns as table_columns
from parksgis.pack.format import quote
from parksgis.pack.viewport import geometries_from_gpkg, spatial_table
from parksgis.store.sqlite import fetch_all

#: Layers with fewer features are not generalised.
MIN_FEATURES = 20_000
LOD_TABLE = "parksgis_bands"
#: The first layout's table (a row per shape, WKB): packs built with it must be built again.
OLD_LOD_TABLE = "parksgis_lod"
_CHUNK = 50_000
#: chunks worked out ahead of the inserts (each chunk's bands ~25 MB at a million plots), by
#: this many workers: the shapes are nearly all of the work, the inserts of packed rows little
_AHEAD = 2
#: chunks handed to the workers before a dense layer's status cells are worked out (see
#: build_lod): enough to keep them busy meanwhile
_CELLS_AHEAD = 6
_WORKERS = 2
#: Layers with at least this many features get status cells; views with more features than
#: VIEW_FEATURES in them are drawn from those cells.
DENSITY_MIN_FEATURES = 200_000
VIEW_FEATURES = 250_000


def create_tables(conn: sqlite3.Connection) -> None:
    # an INTEGER PRIMARY KEY and the tile key UNIQUE (its index serves the tile lookups): a
    # GeoPackage attribute table needs an integer key (Req 119 of GDAL's validator). ``part``:
    # the lowest feature id of the row (rows of one tile come from several build chunks).
    conn.execute(f"CREATE TABLE IF NOT EXISTS {LOD_TABLE} (id INTEGER PRIMARY KEY, "
                 "table_name TEXT NOT NULL, band INTEGER NOT NULL, tx INTEGER NOT NULL, "
                 "ty INTEGER NOT NULL, part INTEGER NOT NULL, kind INTEGER NOT NULL, "
                 "fids BLOB NOT NULL, offsets BLOB NOT NULL, coords BLOB NOT NULL, attributes BLOB, "
                 "UNIQUE (table_name, band, tx, ty, part))")
    cell_features.create_table(conn)


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
    out = geoms.copy()
    big = sizes >= r
    if big.any():
        tolerance = (r / 2) / M_PER_DEG
        source = geoms[big]
        # Douglas-Peucker first (half the CPU of GEOS' topology-preserving simplifier, which is
        # most of a band's cost); where its shape is broken (invalid, empty, of another type) or
        # too far off, the topology-preserving simplification; where that is too, the shape as
        # it is (keeping topology, GEOS may move a ring only a few tolerances wide further than
        # the tolerance: a 29-vertex star becomes a skewed triangle)
        simple = shapely.simplify(source, tolerance, preserve_topology=False)
        retry = np.flatnonzero(~_true_to(simple, source, tolerance))
        simple[retry] = shapely.simplify(source[retry], tolerance, preserve_topology=True)
        off = retry[~_true_to(simple[retry], source[retry], tolerance)]
        simple[off] = source[off]
        out[big] = simple
    if (~big).any():
        # under a pixel: a pixel-sized square centred on the feature's box, which holds it
        b = shapely.bounds(geoms[~big])
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        half_lat = (r / 2) / M_PER_DEG
        half_lon = half_lat / np.cos(np.radians(cy))
        out[~big] = shapely.box(cx - half_lon, cy - half_lat, cx + half_lon, cy + half_lat)
    return out


def _true_to(simple: np.ndarray, source: np.ndarray, tolerance: float) -> np.ndarray:
    """Which simplified shapes are whole (valid, not empty, of their source's type) and within
    ``tolerance`` of it (a shape that is its source, vertex for vertex, needs no distance)."""
    whole = shapely.is_valid(simple) & ~shapely.is_empty(simple) \
        & (shapely.get_type_id(simple) == shapely.get_type_id(source))
    changed = np.flatnonzero(whole & ~shapely.equals_exact(simple, source, 0.0))
    whole[changed] = shapely.hausdorff_distance(simple[changed], source[changed]) <= tolerance
    return whole


def build_lod(conn: sqlite3.Connection, tables: list[str], *, min_features: int | None = None,
              processes: bool = False, path=None) -> int:
    """Write every band of each area/line table of ``tables``; returns the rows written.

    ``min_features`` defaults to :data:`MIN_FEATURES`. ``processes``: the shapes are worked out
    in forked worker processes instead of threads, where Linux can fork this process safely
    (``format._can_fork``): only for a process that does nothing else (``parksgis pack build``).
    ``path``: the file ``conn`` writes, with the layer tables committed and ``conn`` outside a
    transaction; forked workers then read their chunks of features and work out the status
    cells from the file themselves, and this process only inserts their rows, a chunk per
    transaction (see :func:`_rows_read_by_workers`). Without forked workers the bands go in in
    one transaction, as without ``path``."""
    min_features = MIN_FEATURES if min_features is None else min_features
    written = 0
    # The shapes of the bands are worked out by workers, a chunk at a time, while this thread
    # inserts the rows of the chunks before. Threads overlap only in part (shapely holds the GIL
    # while it makes each shape's Python object: a million plots kept two cores ~60 % busy), so
    # a build that is all its process does forks two workers. Rows go in in the same order as
    # one thread would insert them, so the table (ids included) is the same either way.
    with _workers(processes) as worker:
        readers = path is not None and not isinstance(worker, ThreadPoolExecutor)
        with _writes(conn, per_chunk=readers) as insert:
            insert(lambda: create_tables(conn))
            for table in tables:
                count = conn.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]
                if count < min_features:
                    continue
                rows = _rows_read_by_workers(conn, worker, path, table, count) if readers \
                    else _rows_read_here(conn, worker, table, count)
                for chunk in rows:  # each a function writing what it holds; returns its shapes
                    written += insert(chunk)
    return written


def _rows_read_here(conn, worker, table: str, count: int):
    """What to write of ``table``, in order: its chunks' band rows, worked out by ``worker`` from
    the features this thread reads, a few chunks ahead; then its status cells (worked out here)."""
    spatial = spatial_table(conn, table)
    dense = count >= DENSITY_MIN_FEATURES
    cells = None
    ahead: deque = deque()
    columns = [c for c in table_columns(conn, table) if c not in (spatial.key, spatial.geometry)]
    for fids, blobs, values in _chunks(conn, table, spatial, columns):
        ahead.append(worker.submit(chunk_rows, fids, blobs, (columns, values)))
        if dense and cells is None and len(ahead) > _CELLS_AHEAD:
            # the status cells (seconds of this thread's time at a million plots) are
            # worked out while the workers are busy with the chunks handed to them
            cells = _status_cells(conn, table, spatial)
        while len(ahead) > (_AHEAD if cells is not None or not dense else _CELLS_AHEAD):
            yield _inserting(conn, table, ahead.popleft().result())
    if dense and cells is None and ahead:  # fewer chunks than that
        cells = _status_cells(conn, table, spatial)
    while ahead:
        yield _inserting(conn, table, ahead.popleft().result())
    yield _inserting_cells(conn, table, cells)  # after the bands: ids as before


def _rows_read_by_workers(conn, worker, path, table: str, count: int):
    """:func:`_rows_read_here`'s rows, the features read by the workers from ``path`` (the
    committed layer table) and the status cells worked out by one of them.

    Reading a million plots' chunks here, handing them over and working out the cells took
    ~15 s of this process's CPU beside the two workers' ~30 s on a machine's two cores; here
    it only finds where each chunk starts (a look-up of the chunk's last id) and inserts."""
    spatial = spatial_table(conn, table)
    columns = [c for c in table_columns(conn, table) if c not in (spatial.key, spatial.geometry)]
    # the longest job first, so that it is done by the time the bands are
    cells = worker.submit(_status_cells_of_file, str(path), table) if count >= DENSITY_MIN_FEATURES else None
    ahead: deque = deque()
    for after in _chunk_starts(conn, spatial):
        ahead.append(worker.submit(_chunk_rows_of_file, str(path), table, after, columns))
        while len(ahead) > _AHEAD:
            yield _inserting(conn, table, ahead.popleft().result())
    while ahead:
        yield _inserting(conn, table, ahead.popleft().result())
    yield _inserting_cells(conn, table, cells.result() if cells is not None else None)


def _inserting(conn, table: str, rows: list[tuple]):
    return lambda: _insert(conn, table, rows)


def _inserting_cells(conn, table: str, cells):
    """Write a layer's status cells (``(what they stand for, band rows)``, or None)."""
    def write() -> int:
        if cells is None:
            return 0
        stood, rows = cells
        cell_features.write(conn, table, stood)
        return _insert(conn, table, rows)
    return write


#: how long this connection waits for a worker's read of the file (the status cells read a
#: million plots' R-tree in one go) before it commits; and a worker for a commit before it reads
_READ_WAIT_S = 600


@contextmanager
def _writes(conn, *, per_chunk: bool):
    """``insert(write)`` runs ``write()`` (returning the shapes written) in a transaction: one
    for the whole band stage when ``conn`` is in none (else the caller's), or with
    ``per_chunk`` one per write, so the workers reading the file beside it wait only while a
    chunk's rows are committed (a write transaction that spills its pages to the file holds
    every reader off until it commits)."""
    if not per_chunk:
        own = not conn.in_transaction
        if own:
            conn.execute("BEGIN")
        try:
            yield lambda write: write() or 0
        except BaseException:
            if own and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if own:
            conn.execute("COMMIT")
        return
    before = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {_READ_WAIT_S * 1000}")

    def insert(write) -> int:
        conn.execute("BEGIN")
        try:
            done = write()
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return done or 0

    try:
        yield insert
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(before)}")


def _chunk_starts(conn, spatial):
    """The id after which each chunk of :func:`_chunks` starts (the id of the last feature of
    the chunk before), found without reading the features."""
    key, geometry, table = quote(spatial.key), quote(spatial.geometry), quote(spatial.table)
    after = -1
    while conn.execute(f"SELECT 1 FROM {table} WHERE {key} > ? AND {geometry} IS NOT NULL LIMIT 1",
                       (after,)).fetchall():
        yield after
        last = conn.execute(f"SELECT {key} FROM {table} WHERE {key} > ? AND {geometry} IS NOT NULL "
                            f"ORDER BY {key} LIMIT 1 OFFSET {_CHUNK - 1}", (after,)).fetchall()
        if not last:
            return
        after = last[0][0]


#: each worker process's own connection to the file being built, by path
_read_connections: dict[str, sqlite3.Connection] = {}


def _reading(path: str) -> sqlite3.Connection:
    """In a worker: its own read-only connection to ``path`` (never the parent's, which it
    inherited by the fork), opened once."""
    conn = _read_connections.get(path)
    if conn is None:
        import os
        from urllib.request import pathname2url

        conn = sqlite3.connect(f"file:{pathname2url(os.path.abspath(path))}?mode=ro", uri=True,
                               timeout=_READ_WAIT_S, isolation_level=None)
        _read_connections[path] = conn
    return conn


def _chunk_rows_of_file(path: str, table: str, after: int, columns: list[str]) -> list[tuple]:
    """In a worker: :func:`chunk_rows` of the chunk of ``table`` after id ``after``, read from ``path``."""
    conn = _reading(path)
    fids, blobs, values = _chunk(conn, table, spatial_table(conn, table), columns, after)
    return chunk_rows(fids, blobs, (columns, values))


def _status_cells_of_file(path: str, table: str):
    """In a worker: :func:`_status_cells` of ``table``, read from ``path``."""
    conn = _reading(path)
    return _status_cells(conn, table, spatial_table(conn, table))


def _workers(processes: bool):
    """Two workers: forked processes when asked and safe (see :func:`build_lod`), else threads."""
    from parksgis.pack import format as fmt

    if processes and fmt._can_fork():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(_WORKERS, mp_context=multiprocessing.get_context("fork"))
    return ThreadPoolExecutor(_WORKERS, thread_name_prefix="parksgis-lod")


def chunk_rows(fids: np.ndarray, blobs: list, values) -> list[tuple]:
    """Every band's rows (:func:`band_rows`, band by band) of one chunk of features: their ids,
    GeoPackage geometry blobs and attribute ``values`` (``(columns, [object array per column])``).
    Empty shapes and points are left out."""
    geoms = geometries_from_gpkg(blobs)
    keep = ~shapely.is_empty(geoms) & (shapely.get_dimensions(geoms) >= 1)
    fids, geoms = fids[keep], geoms[keep]
    values = (values[0], [column[keep] for column in values[1]])
    return [row for band in range(len(BANDS)) for row in band_rows(band, fids, geoms, values)]


def _chunks(conn, table: str, spatial, columns: list[str]):
    """``(fids, GeoPackage blobs, [values of each column])`` of the layer's non-null geometries,
    in fid order, a chunk at a time: a million shapes need not sit in memory at once. Values
    are object arrays, as band rows keep them."""
    last = -1
    while True:
        fids, blobs, values = _chunk(conn, table, spatial, columns, last)
        if not len(fids):
            return
        last = int(fids[-1])
        yield fids, blobs, values


def _chunk(conn, table: str, spatial, columns: list[str], after: int):
    """The chunk of :func:`_chunks` of the features after id ``after`` (empty after the last)."""
    key, geometry = quote(spatial.key), quote(spatial.geometry)
    wanted = ", ".join([key, geometry, *(quote(c) for c in columns)])
    rows = fetch_all(conn, f"SELECT {wanted} FROM {quote(table)} WHERE {key} > ? AND {geometry} "
                           f"IS NOT NULL ORDER BY {key} LIMIT {_CHUNK}", (after,))
    fids = np.array([r[0] for r in rows], dtype=np.int64)
    values = []
    for j in range(len(columns)):
        column = np.empty(len(rows), dtype=object)
        column[:] = [r[2 + j] for r in rows]
        values.append(column)
    return fids, [r[1] for r in rows], values


def _build_statuses(conn, cells, present: list[str]):
    """Each feature's status as the pack is built: its project's in the register, else the value
    of its own status column, else "" (the cells' colours are the commonest of these)."""
    import pandas as pd

    from parksgis.pack.format import REGISTER_PROJECTS

    status = pd.Series("", index=cells.index, dtype=object)
    if "project_id" in present:
        known = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (REGISTER_PROJECTS,)).fetchone()
        register = dict(conn.execute(f"SELECT project_id, status FROM {REGISTER_PROJECTS}")) if known else {}
        linked = cells["project_id"].astype(object).where(cells["project_id"].notna(), None)
        status = linked.map(lambda p: register.get(str(p).strip()) if p is not None else None)
    own = [c for c in present if c != "project_id"]
    if own:
        status = status.where(status.notna(), cells[own[0]].astype(object))
    return status.where(status.notna(), "").astype(str)


def wants_density(feature_count: int, extent, box, m_per_px: float) -> bool:
    """Whether a view of ``box`` at ``m_per_px`` of a layer of ``feature_count`` features within
    ``extent`` is drawn from the status cells: more than :data:`VIEW_FEATURES` features would be
    in it (assuming they are spread evenly), and the scale is a banded one."""
    if feature_count < DENSITY_MIN_FEATURES or extent is None or band_for(m_per_px) is None:
        return False
    w = max(extent[2] - extent[0], 1e-12)
    h = max(extent[3] - extent[1], 1e-12)
    ow = max(0.0, min(box[2], extent[2]) - max(box[0], extent[0]))
    oh = max(0.0, min(box[3], extent[3]) - max(box[1], extent[1]))
    return feature_count * (ow * oh) / (w * h) > VIEW_FEATURES


def _status_cells(conn, table: str, spatial):
    """The layer's status cells (see the module's text): ``(what each stands for, for
    ``pack.cell_features``, their packed rows of band DENSITY_BAND)``."""
    cells, present = cell_features.assign_cells(conn, table, spatial)
    cells["kind"] = _build_statuses(conn, cells, present[:2])  # the link, the first own status
    chosen = status_cells(cells)
    return cell_features.stood_for(cells, present, chosen.rename(columns={"min": "cell"})), cell_rows(chosen)


def status_cells(cells):
    """Each status cell (``cx``, ``cy``) of ``cells`` (``cell_features.assign_cells``'s features,
    with their build-time status ``kind``): its box (``minx`` ... ``maxy``, of its features) and
    ``min``, the lowest id of its commonest status's features; in that id's order."""
    sizes = cells.groupby(["cx", "cy", "kind"]).fid.agg(["size", "min"]).reset_index()
    chosen = sizes.sort_values(["cx", "cy", "size", "min"], ascending=[True, True, False, True]) \
        .drop_duplicates(["cx", "cy"])
    extent = cells.groupby(["cx", "cy"]).agg(minx=("minx", "min"), miny=("miny", "min"),
                                             maxx=("maxx", "max"), maxy=("maxy", "max")).reset_index()
    return chosen.merge(extent, on=["cx", "cy"]).sort_values("min")


def cell_rows(chosen) -> list[tuple]:
    """The packed rows (band :data:`DENSITY_BAND`, tile (0, 0)) of :func:`status_cells`."""
    # numpy, not pandas: a Series of shapes is indexed by label (chosen's index is shuffled)
    shapes = shapely.box(*(chosen[c].to_numpy() for c in ("minx", "miny", "maxx", "maxy")))
    zero = np.zeros(len(chosen), dtype=np.int64)
    return packed_rows(DENSITY_BAND, zero, zero, chosen["min"].to_numpy(np.int64), shapes, shape_kinds(shapes))


def _tiles_of(bounds: np.ndarray, side: float):
    """``(owner, tx, ty)``: every grid tile each box meets (most boxes meet one)."""
    tx0, ty0 = np.floor(bounds[:, 0] / side).astype(np.int64), np.floor(bounds[:, 1] / side).astype(np.int64)
    tx1, ty1 = np.floor(bounds[:, 2] / side).astype(np.int64), np.floor(bounds[:, 3] / side).astype(np.int64)
    nx, ny = tx1 - tx0 + 1, ty1 - ty0 + 1
    count = nx * ny
    owner = np.repeat(np.arange(len(bounds)), count)
    local = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    return owner, tx0[owner] + local % nx[owner], ty0[owner] + local // nx[owner]


def band_rows(band: int, fids: np.ndarray, geoms: np.ndarray, values=None) -> list[tuple]:
    """The band's rows (:func:`packed_rows`) of one chunk of shapes, with the features' attribute
    ``values`` (``(columns, [object array per column])``, as ``geoms``), in key order (so the
    B-tree is appended, not shuffled)."""
    if len(fids) == 0:
        return []
    shapes = generalise(geoms, BANDS[band])
    owner, tx, ty = _tiles_of(shapely.bounds(shapes), tile_deg(band))
    kinds = shape_kinds(shapes)[owner]
    order = np.lexsort((fids[owner], kinds, ty, tx))
    owner, tx, ty, kinds = owner[order], tx[order], ty[order], kinds[order]
    if values is not None:
        values = (values[0], [column[owner] for column in values[1]])
    return packed_rows(band, tx, ty, fids[owner], shapes[owner], kinds, values)


def _insert(conn, table: str, rows: list[tuple]) -> int:
    """Write packed rows; returns the number of shapes in them."""
    conn.executemany(f"INSERT INTO {LOD_TABLE} (table_name, band, tx, ty, part, kind, fids, offsets, "
                     "coords, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ((table, *row) for row in rows))
    return sum(len(row[5]) // 8 for row in rows)


def check_layout(conn: sqlite3.Connection, path) -> None:
    """Raise PackError when the pack's bands are of the first layout (:data:`OLD_LOD_TABLE`): a
    window would read every feature of a big layer at full detail instead."""
    from parksgis.pack.errors import PackError

    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE name IN (?, ?)",
                                            (LOD_TABLE, OLD_LOD_TABLE))}
    if OLD_LOD_TABLE in names and LOD_TABLE not in names:
        raise PackError(path, "its level-of-detail bands are of an older layout; build the pack "
                              "again with 'parksgis pack build' to open it")


def has_lod(conn: sqlite3.Connection, table: str) -> bool:
    """True when ``table`` has stored bands (packs built before this have none)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (LOD_TABLE,)).fetchone()
    return bool(found) and conn.execute(f"SELECT 1 FROM {LOD_TABLE} WHERE table_name = ? LIMIT 1",
                                        (table,)).fetchone() is not None


def read_tile(conn: sqlite3.Connection, table: str, band: int, tx: int, ty: int,
              columns: list[str] | None = None, spatial=None,
              near: tuple[float, float, float, float] | None = None, with_vertices: bool = False):
    """``(fids, band shapes, {column: values})`` of one tile of a band, sorted by fid; with
    ``with_vertices``, their :class:`~parksgis.pack.band_layout.Vertices` too (None when a row
    holds WKB), so the map need not take the shapes apart again, and the shapes as
    :class:`~parksgis.pack.band_layout.BandShapes` (made when asked for) where there are vertices.

    Attribute ``columns`` come from the band rows, else (rows that keep none: status cells,
    values without a JSON form) from the layer table; ``spatial``: the table's
    ``spatial_table``, when the caller keeps it. ``near`` (a WGS84 box): only the
    shapes whose box meets it (and only their attributes are read): a view's edge tiles are
    read for the part of them it shows.
    """
    rows = conn.execute(f"SELECT kind, fids, offsets, coords, attributes FROM {LOD_TABLE} WHERE "
                        "table_name = ? AND band = ? AND tx = ? AND ty = ?", (table, band, tx, ty)).fetchall()
    return tile_of_stored_rows(conn, table, rows, columns, spatial, near, with_vertices)


def tile_of_stored_rows(conn: sqlite3.Connection, table: str, rows, columns: list[str] | None = None,
                        spatial=None, near=None, with_vertices: bool = False):
    """:func:`read_tile`'s answer from band rows of ``table`` already read (:func:`rows_of_tiles`),
    of one tile or of several (then a shape that meets several comes once for each)."""
    return tile_of_rows(rows, columns, near, with_vertices, lambda fids, wanted: _attributes(
        conn, table, spatial or spatial_table(conn, table), fids, wanted))


def rows_of_tiles(conn: sqlite3.Connection, table: str, band: int,
                  tiles: list[tuple[int, int]]) -> dict[tuple[int, int], list[tuple]] | None:
    """The ``(kind, fids, offsets, coords, attributes)`` rows of each of ``tiles`` of a band (a
    tile without rows is left out), read in one query over their range of the band index: a view
    at a band has ~50 tiles, and a query and a pass over its rows per tile cost ~0.5 ms each
    beyond their rows. None when that range holds more than twice as many tiles as asked for
    (tiles asked for around tiles not asked for: the caller reads tile by tile)."""
    if not tiles:
        return {}
    xs, ys = [t[0] for t in tiles], [t[1] for t in tiles]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    if (x1 - x0 + 1) * (y1 - y0 + 1) > 2 * len(tiles):
        return None
    found: dict[tuple[int, int], list[tuple]] = {}
    wanted = set(tiles)
    # ordered as the tile-by-tile reads give each tile's rows (the index's order)
    for tx, ty, *row in conn.execute(
            f"SELECT tx, ty, kind, fids, offsets, coords, attributes FROM {LOD_TABLE} WHERE table_name = ? "
            "AND band = ? AND tx BETWEEN ? AND ? AND ty BETWEEN ? AND ? ORDER BY tx, ty, part",
            (table, band, x0, x1, y0, y1)).fetchall():
        if (tx, ty) in wanted:
            found.setdefault((tx, ty), []).append(tuple(row))
    return found


def tile_of_rows(rows, columns: list[str] | None, near, with_vertices: bool, attributes_of):
    """:func:`read_tile`'s answer from a tile's ``(kind, fids, offsets, coords, attributes)``
    rows, wherever they are stored (a pack, or the server's ``parksgis.bands``);
    ``attributes_of(fids, columns)``: the layer table's values when the rows keep none.

    ``with_vertices``: the shapes come as :class:`~parksgis.pack.band_layout.BandShapes` (made
    when asked for, boxes from the vertices) where the rows hold no WKB, else as shapely
    geometries."""
    columns = list(columns or [])
    if not rows:
        empty = np.empty(0, np.int64), np.empty(0, dtype=object), {c: [] for c in columns}
        return (*empty, None) if with_vertices else empty
    fids = np.concatenate([np.frombuffer(r[1], dtype="<i8") for r in rows]).astype(np.int64)
    ragged = [(r[0], r[2], r[3]) for r in rows]
    vertices = vertices_of_rows(ragged) if with_vertices else None
    geoms = BandShapes(ragged, vertices) if vertices is not None else \
        np.concatenate([unpacked(r[0], r[2], r[3]) for r in rows])
    keep = np.argsort(fids, kind="stable")
    if near is not None:
        b = geoms.bounds[keep] if vertices is not None else shapely.bounds(geoms[keep])
        keep = keep[(b[:, 0] <= near[2]) & (b[:, 2] >= near[0]) & (b[:, 1] <= near[3]) & (b[:, 3] >= near[1])]
    fids = fids[keep]
    geoms = geoms.take(keep) if vertices is not None else geoms[keep]
    stored = stored_attributes(rows, columns)
    if stored is None:
        values = attributes_of(fids, columns)
    elif with_vertices:  # for the view reader, which keeps object arrays
        values = {c: values[keep] for c, values in zip(columns, stored)}
    else:
        values = {c: values[keep].tolist() for c, values in zip(columns, stored)}
    if not with_vertices:
        return fids, geoms, values
    return fids, geoms, values, None if vertices is None else vertices.take(keep)


def _attributes(conn: sqlite3.Connection, table: str, spatial, fids: np.ndarray,
                columns: list[str]) -> dict[str, list]:
    """``{column: values}`` of features ``fids`` (sorted, unique) of the layer table, in that order."""
    if not columns or not len(fids):
        return {c: [None] * len(fids) for c in columns}
    key = quote(spatial.key)
    wanted = ", ".join(quote(c) for c in columns)
    rows = fetch_all(conn, f"SELECT {key}, {wanted} FROM {quote(table)} WHERE {key} IN "
                           f"(SELECT value FROM json_each(?)) ORDER BY {key}", (json.dumps(fids.tolist()),))
    values = list(zip(*rows)) if rows else [()] * (1 + len(columns))
    found = np.array(values[0], dtype=np.int64)
    if len(found) == len(fids) and (found == fids).all():
        return {c: list(values[1 + j]) for j, c in enumerate(columns)}
    at = {int(f): i for i, f in enumerate(found)}  # a band shape without its feature: no values
    return {c: [values[1 + j][at[f]] if f in at else None for f in fids.tolist()]
            for j, c in enumerate(columns)}


def features_near(box: tuple[float, float, float, float], band: int) -> tuple[float, float, float, float]:
    """The WGS84 box that a feature's own box meets when its band shape can meet ``box``: a band
    shape stays within half a band pixel of its feature's box (simplified with that tolerance,
    or a pixel square at its centre), so ``box`` grown by a whole band pixel is safe."""
    lat = BANDS[band] / M_PER_DEG
    lon = lat / max(math.cos(math.radians(min(max(abs(box[1]), abs(box[3])), 89.0))), 1e-3)
    return box[0] - lon, box[1] - lat, box[2] + lon, box[3] + lat


def has_band(conn: sqlite3.Connection, table: str, band: int) -> bool:
    """True when ``table`` has rows in ``band`` (one index lookup, nothing scanned)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (LOD_TABLE,)).fetchone()
    return bool(found) and conn.execute(f"SELECT 1 FROM {LOD_TABLE} WHERE table_name = ? AND band = ? "
                                        "LIMIT 1", (table, band)).fetchone() is not None


def extent_tiles(extent: tuple[float, float, float, float], band: int) -> tuple[int, int, int, int]:
    """``(tx0, ty0, tx1, ty1)``: the tiles a band's shapes of a layer within ``extent`` can meet.

    A band shape stays within half a band pixel of its feature (or is a pixel square at a point
    inside it), so the layer's extent grown by two band pixels holds them all; computed, where
    :func:`tile_range` scans the band's rows (a tenth of a second at a million plots)."""
    side = tile_deg(band)
    grow_lat = 2 * BANDS[band] / M_PER_DEG
    grow_lon = grow_lat / max(math.cos(math.radians(min(max(abs(extent[1]), abs(extent[3])), 89.0))), 1e-3)
    return (math.floor((extent[0] - grow_lon) / side), math.floor((extent[1] - grow_lat) / side),
            math.floor((extent[2] + grow_lon) / side), math.floor((extent[3] + grow_lat) / side))


def tile_range(conn: sqlite3.Connection, table: str, band: int) -> tuple[int, int, int, int] | None:
    """``(tx0, ty0, tx1, ty1)``: the tiles the band has rows in (None: no rows).

    Walked through the (table_name, band, tx, ty, fid) index a column of tiles at a time: two
    look-ups per column instead of reading every row of the band (a million plots: 0.3 s).
    """
    where = f"FROM {LOD_TABLE} WHERE table_name = ? AND band = ?"
    tx = conn.execute(f"SELECT min(tx) {where}", (table, band)).fetchone()[0]
    if tx is None:
        return None
    first, low, high = tx, math.inf, -math.inf
    while tx is not None:
        last = tx
        low = min(low, conn.execute(f"SELECT min(ty) {where} AND tx = ?", (table, band, tx)).fetchone()[0])
        high = max(high, conn.execute(f"SELECT max(ty) {where} AND tx = ?", (table, band, tx)).fetchone()[0])
        tx = conn.execute(f"SELECT min(tx) {where} AND tx > ?", (table, band, tx)).fetchone()[0]
    return first, low, last, high


def tiles_in(box: tuple[float, float, float, float], side: float,
             within: tuple[int, int, int, int] | None = None) -> list[tuple[int, int]]:
    """The grid tiles of side ``side`` (degrees) that ``box`` meets, inside ``within`` (a tile
    range) when given: a view of the whole world asks only for tiles that hold something."""
    minx, miny, maxx, maxy = box
    x0, x1 = math.floor(minx / side), math.floor(maxx / side)
    y0, y1 = math.floor(miny / side), math.floor(maxy / side)
    if within is not None:
        x0, y0, x1, y1 = max(x0, within[0]), max(y0, within[1]), min(x1, within[2]), min(y1, within[3])
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def read_band(conn: sqlite3.Connection, table: str, band: int, box: tuple[float, float, float, float],
              columns: list[str] | None = None) -> tuple[np.ndarray, np.ndarray, dict[str, list]]:
    """Like :func:`read_tile` for every band shape whose box meets ``box`` (each once)."""
    within = tile_range(conn, table, band)
    tiles = tiles_in(box, tile_deg(band), within) if within is not None else []
    found = [read_tile(conn, table, band, tx, ty, columns) for tx, ty in tiles]
    fids = np.concatenate([f for f, _, _ in found]) if found else np.empty(0, np.int64)
    geoms = np.concatenate([g for _, g, _ in found]) if found else np.empty(0, object)
    values = {c: [v for _, _, vals in found for v in vals[c]] for c in (columns or [])}
    b = shapely.bounds(geoms) if len(geoms) else np.empty((0, 4))
    meets = (b[:, 0] <= box[2]) & (b[:, 2] >= box[0]) & (b[:, 1] <= box[3]) & (b[:, 3] >= box[1])
    _, first = np.unique(fids, return_index=True)
    keep = first[meets[first]]
    keep = keep[np.argsort(fids[keep], kind="stable")]
    return fids[keep], geoms[keep], {c: [vals[i] for i in keep] for c, vals in values.items()}


