"""A pack's layers read for a view only: R-tree lookups, level-of-detail bands, a bounded tile cache.

The map asks for "layer T inside this box at m metres per pixel". The box is cut into square
tiles of ``lod.TILE_PX`` pixels at the band's scale, and each tile is read once (through the
layer's R-tree at full detail, through the band index when zoomed out — see ``pack.lod``) and
kept in a least-recently-used cache bounded by a number of features, so panning across a million
plots re-reads tiles that fell out of the cache instead of growing without end. A feature that
crosses tiles is read with each and kept once.

One SQLite connection per reader, opened read-only: make one reader per thread.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
import shapely

from parksgis.model.view_source import ReadCancelled, expand_box, union_box  # noqa: F401 - were here
from parksgis.pack import lod
from parksgis.pack.band_layout import BandShapes, Vertices
from parksgis.pack.access import connect
from parksgis.pack.format import quote
from parksgis.pack.format import columns as table_columns
from parksgis.pack.viewport import layer_extent, read_view, spatial_table

#: The finest scale the tile grid follows (metres per pixel).
FULL_DETAIL_M_PER_PX = 1.0
#: Features kept in the tile cache (all layers together) before the oldest tiles are dropped.
CACHE_FEATURES = 300_000
#: A ``mapped`` reader's connection reads the pack through a memory map of up to this many bytes
#: (SQLite's ``mmap_size``) instead of a ``pread`` per 4 KB page: a zoom to a park of a million
#: plots reads ~50 MB of band rows (~12,000 pages), the 100k pack's first view ~100 MB. Measured,
#: thread CPU of the read: 100k first view 216-241 -> 180-205 ms, a zoom's plots 73 -> 69 ms.
#: The pages read count in the process's resident memory (the window's session at 1M: +100 MB),
#: so only the window maps; ``render`` and ``atlas``, whose peak RSS is a target, read as before.
MMAP_BYTES = 1 << 31


class PackFacts:
    """What never changes in an open pack's layer tables (they are frozen after the build: only
    the register's tables take edits): columns, key, extents, feature counts and band tile ranges.
    Shared by the readers of every thread, so a worker thread's first view costs no R-tree or
    band scan that the loader thread's first view already paid for."""

    def __init__(self):
        self.columns: dict[str, list[str]] = {}
        self.spatial: dict[str, object] = {}
        self.extents: dict[str, tuple | None] = {}
        self.counts: dict[str, int] = {}
        self.ranges: dict[tuple, tuple | None] = {}  # (table, band) -> tile range, None: no band


class _Tile:
    """One cached tile: ids (sorted), shapes (shapely geometries, or a band's
    ``band_layout.BandShapes``, made when a frame takes them) and the attribute columns as object
    arrays, and the shapes' vertices when a band gave them (``band_layout.Vertices``, else None)."""

    __slots__ = ("ids", "geoms", "values", "vertices")

    def __init__(self, ids, geoms, values, vertices=None):
        self.ids, self.geoms, self.values, self.vertices = ids, geoms, values, vertices

    def __len__(self) -> int:
        return len(self.ids)


@functools.lru_cache(maxsize=1)
def _wgs84():
    """EPSG:4326 as a pyproj CRS, made once (a look-up in PROJ's database each time otherwise)."""
    from pyproj import CRS

    return CRS.from_epsg(4326)


def _objects(values) -> np.ndarray:
    """``values`` (a list, or an object array kept as it is) as an object array."""
    if isinstance(values, np.ndarray) and values.dtype == object:
        return values
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _bounds(geoms) -> np.ndarray:
    """The boxes of a tile's shapes (shapely geometries, or ``band_layout.BandShapes``)."""
    return geoms.bounds if isinstance(geoms, BandShapes) else shapely.bounds(geoms)


def _shapes_at(parts: list, positions: np.ndarray) -> np.ndarray:
    """The shapes at ``positions`` of the tiles' shapes ``parts`` put one after another, as
    shapely geometries (a band tile's made now, for these positions only)."""
    if all(not isinstance(p, BandShapes) for p in parts):
        return np.concatenate(parts)[positions]
    out = np.empty(len(positions), dtype=object)
    starts = np.cumsum([0] + [len(p) for p in parts])
    part_of = np.searchsorted(starts, positions, side="right") - 1
    for i in np.unique(part_of).tolist():
        mine = np.flatnonzero(part_of == i)
        local = positions[mine] - starts[i]
        part = parts[i]
        out[mine] = part.shapes(local) if isinstance(part, BandShapes) else part[local]
    return out


class ShapesOf:
    """The shapes of a frame read from band tiles, as shapely geometries made when asked for
    (``shapes(rows)``: of the frame's rows ``rows``, all by default): a page draws a band's
    shapes from their vertices and needs geometries only of a few (the features on its edge, the
    labelled ones), where making all of them took ~75 ms of a page of 100k plots."""

    def __init__(self, parts: list, positions: np.ndarray):
        self._parts, self._positions = parts, positions

    def __len__(self) -> int:
        return len(self._positions)

    def shapes(self, rows: np.ndarray | None = None) -> np.ndarray:
        return _shapes_at(self._parts, self._positions if rows is None else self._positions[rows])


def _boxes_meet(b: np.ndarray, box) -> np.ndarray:
    """Whether each of the boxes ``b`` meets ``box``."""
    minx, miny, maxx, maxy = box
    return (b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny)


def _meeting(geoms: np.ndarray, box) -> np.ndarray:
    """Positions of ``geoms`` whose shape meets ``box`` (only the shapes whose box crosses the
    box's edge are tested)."""
    b = shapely.bounds(geoms)
    minx, miny, maxx, maxy = box
    meets = (b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny)
    inside = (b[:, 0] >= minx) & (b[:, 2] <= maxx) & (b[:, 1] >= miny) & (b[:, 3] <= maxy)
    edge = np.flatnonzero(meets & ~inside)
    if len(edge):
        meets[edge] = shapely.intersects(geoms[edge], shapely.box(minx, miny, maxx, maxy))
    return np.flatnonzero(meets)


def _holds(box, extent) -> bool:
    """Whether ``box`` holds ``extent`` (so every shape of the layer meets it, a band's too: a
    band shape holds a point of its feature)."""
    return extent is not None and box[0] <= extent[0] and box[1] <= extent[1] \
        and box[2] >= extent[2] and box[3] >= extent[3]


class PackViewReader:
    """Frames of a pack's layers inside a WGS84 box, at the detail a map scale needs."""

    def __init__(self, path, *, immutable: bool = False, cache_features: int = CACHE_FEATURES,
                 facts: PackFacts | None = None, mapped: bool = False):
        """``mapped``: read the file through a memory map (:data:`MMAP_BYTES`)."""
        self.path = Path(path)
        self._conn = connect(self.path, read_only=True, immutable=immutable)
        try:
            if mapped:
                self._conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            lod.check_layout(self._conn, self.path)
        except BaseException:
            self._conn.close()
            raise
        self._start_cache(cache_features, facts)

    def _start_cache(self, cache_features: int, facts: PackFacts | None) -> None:
        self._cache: OrderedDict[tuple, _Tile] = OrderedDict()
        self._cached_features = 0
        self.cache_features = cache_features
        self.facts = facts or PackFacts()
        self.tiles_read = 0

    def close(self) -> None:
        self._conn.close()
        self._cache.clear()

    @property
    def conn(self):
        """The reader's read-only connection (of the thread that made the reader)."""
        return self._conn

    @property
    def cached_features(self) -> int:
        return self._cached_features

    def layer_rows(self) -> list[tuple[str, str | None, str]]:
        """``(table, park id, kind)`` of every layer, in layer order."""
        return self._conn.execute("SELECT table_name, park_id, kind FROM parksgis_layers "
                                  "ORDER BY position").fetchall()

    def extent(self, table: str) -> tuple[float, float, float, float] | None:
        """The layer's WGS84 bounds from its R-tree (nothing read)."""
        extents = self.facts.extents
        if table not in extents:
            extents[table] = layer_extent(self._conn, table)
        return extents[table]

    def spatial(self, table: str):
        """The layer's :func:`~parksgis.pack.viewport.spatial_table`."""
        if table not in self.facts.spatial:
            self.facts.spatial[table] = spatial_table(self._conn, table)
        return self.facts.spatial[table]

    def count(self, table: str) -> int:
        counts = self.facts.counts
        if table not in counts:  # the pack's own record of it, else counted (a second at 1M)
            listed = self._conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'parksgis_layers'").fetchone()
            row = self._conn.execute("SELECT feature_count FROM parksgis_layers WHERE table_name = ?",
                                     (table,)).fetchone() if listed else None
            counts[table] = int(row[0]) if row and row[0] is not None else \
                self._conn.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]
        return counts[table]

    def frame(self, table: str, box: tuple[float, float, float, float], m_per_px: float, stop=None,
              cut: bool = True):
        """A GeoDataFrame (index: feature id) of the features of ``table`` meeting ``box``
        (``cut`` False: of the tiles meeting it, a few more).

        ``stop``: () -> bool, asked before each tile read; True raises ReadCancelled (the tiles
        read so far stay in the cache)."""
        return self.frame_and_vertices(table, box, m_per_px, stop, cut)[0]

    def frame_and_vertices(self, table: str, box: tuple[float, float, float, float], m_per_px: float,
                           stop=None, cut: bool = True, shapes: bool = True, as_columns: bool = False):
        """``(frame, vertices)``: :meth:`frame`, and the vertices of its rows' shapes in row order
        (``band_layout.Vertices``) when it was read from a band, else None. ``shapes`` False: a
        frame read from a band holds no geometries (None) and ``vertices`` its shapes, made when
        asked for (``vertices.shapes``, a :class:`ShapesOf`), for a drawing that asks for few.
        ``as_columns``: the frame as :class:`~parksgis.model.feature_columns.FeatureColumns`
        (object arrays of the values read, no pandas: a page's)."""
        band = self._band(table, m_per_px)
        if self.drawn_from_cells(table, box, m_per_px):
            band, side, tiles = lod.DENSITY_BAND, 0.0, [(0, 0)]  # a few thousand status cells
        elif band is not None:
            side = lod.tile_deg(band)
            tiles = lod.tiles_in(box, side, self.facts.ranges[(table, band)])
        else:  # full detail: tiles follow the scale in powers of two, so nearby zooms share
            # tiles and a whole small layer is a handful of tiles
            side = lod.TILE_PX * 2.0 ** math.ceil(math.log2(max(m_per_px, FULL_DETAIL_M_PER_PX))) / lod.M_PER_DEG
            extent = self.extent(table)
            if extent is None:
                tiles = []
            else:  # only where the layer has features (a view of the whole world stays cheap)
                tiles = lod.tiles_in(box, side, (math.floor(extent[0] / side), math.floor(extent[1] / side),
                                                 math.floor(extent[2] / side), math.floor(extent[3] / side)))
        # a tile the box only partly covers is read for that part unless it is cached: at a
        # park-sized view a third to a half of the whole tiles' features lie outside the view,
        # and each costs its share of the read (the margin read, when the map rests, reads and
        # caches the whole tiles). At full detail the part is the tile's share of the box; in a
        # band, that share grown by a band pixel (see features_near).
        near = None
        if cut and band is None:
            near = box
        elif cut and band != lod.DENSITY_BAND:
            near = lod.features_near(box, band)
        parts, inner = [], []  # inner: a tile inside the box (its band shapes' boxes all meet it)
        # a band's tiles not in the cache: their rows in one query, and the view's edge tiles
        # (read in part, not cached) in one pass over theirs (``edge_rows``). Not for a read that
        # may be stopped (the window's margin read): that one stops between two tiles
        rows = self._rows_of_tiles(table, band, [t for t in tiles if (table, band, side, *t) not in self._cache]) \
            if band is not None and band != lod.DENSITY_BAND and stop is None else None
        edge_rows: list = []
        for tx, ty in tiles:
            if stop is not None and stop():
                raise ReadCancelled(table)
            within = band is not None and band != lod.DENSITY_BAND and \
                box[0] <= tx * side and (tx + 1) * side <= box[2] and box[1] <= ty * side and (ty + 1) * side <= box[3]
            edge = near is not None and not (box[0] <= tx * side and (tx + 1) * side <= box[2]
                                             and box[1] <= ty * side and (ty + 1) * side <= box[3])
            if edge and (table, band, side, tx, ty) not in self._cache:
                if rows is not None:
                    # the shapes whose box meets ``near``: those of the tile's part below (a box
                    # meeting the tile and ``near`` meets their overlap, which holds the part)
                    edge_rows += rows.get((tx, ty), [])
                    continue
                square = (tx * side, ty * side, (tx + 1) * side, (ty + 1) * side)
                around = square if band is None else lod.features_near(square, band)
                part = (max(near[0], around[0]), max(near[1], around[1]),
                        min(near[2], around[2]), min(near[3], around[3]))
                tile = self._part_of_tile(table, band, tx, ty, part)
            else:
                tile = self._tile(table, band, tx, ty, side, None if rows is None else rows.get((tx, ty), []))
            if len(tile):
                parts.append(tile)
                inner.append(within)
        if edge_rows:
            tile = self._tile_of_rows(table, edge_rows, near)
            if len(tile):
                parts.append(tile)
                inner.append(False)
        columns = self.attributes(table)
        if not parts and as_columns:
            from parksgis.model.feature_columns import FeatureColumns

            return FeatureColumns({c: np.empty(0, dtype=object) for c in columns}, np.empty(0, dtype=object),
                                  np.empty(0, dtype=np.int64), "fid"), None
        if not parts:
            import geopandas as gpd

            return gpd.GeoDataFrame({c: [] for c in columns},
                                    geometry=gpd.GeoSeries([], crs=4326), crs=4326), None
        # one frame for all tiles (a frame per tile cost more than the reads); a feature that
        # crosses tiles was read with each and is kept once; the tiles' features beyond the box
        # are left out (a quarter of a view's tiles, which would be projected and styled for nothing)
        ids = np.concatenate([p.ids for p in parts])
        ids, first = np.unique(ids, return_index=True)
        if cut and not _holds(box, self.extent(table)):  # a box holding the whole layer cuts nothing
            if band is None:  # full detail: shapes that meet the box (tiles hold shapely geometries)
                keep = _meeting(np.concatenate([p.geoms for p in parts])[first], box)
            else:  # a band: shapes whose box meets it (a band tile holds the shapes whose box
                # meets the tile: those of a tile inside the box need no look)
                meets = np.concatenate([np.ones(len(p), dtype=bool) if whole else _boxes_meet(_bounds(p.geoms), box)
                                        for p, whole in zip(parts, inner)])
                keep = np.flatnonzero(meets[first])
            ids, first = ids[keep], first[keep]
        vertices = None
        if all(p.vertices is not None for p in parts):
            vertices = Vertices.joined([p.vertices for p in parts]).take(first)
        if vertices is not None and not shapes:
            vertices.shapes = ShapesOf([p.geoms for p in parts], first)
            geoms = np.full(len(first), None, dtype=object)
        else:
            geoms = _shapes_at([p.geoms for p in parts], first)
        if as_columns:
            from parksgis.model.feature_columns import FeatureColumns

            return FeatureColumns({c: np.concatenate([p.values[j] for p in parts])[first] for j, c in enumerate(columns)},
                                  geoms, ids, "fid"), vertices
        import geopandas as gpd
        import pandas as pd
        from geopandas.array import from_shapely

        values = {c: np.concatenate([p.values[j] for p in parts])[first].tolist()
                  for j, c in enumerate(columns)}
        frame = pd.DataFrame(values, index=pd.Index(ids, name="fid"), columns=columns)
        # the shapes as a GeometryArray of a CRS made once: a GeoSeries given an index and the CRS
        # by its EPSG code cost ~7 ms more for a view of 38,000 plots (CRS look-ups, alignment)
        return gpd.GeoDataFrame(frame, geometry=from_shapely(geoms, crs=_wgs84())), vertices

    def drawn_from_cells(self, table: str, box, m_per_px: float) -> bool:
        """Whether :meth:`frame` of ``box`` at ``m_per_px`` gives ``table``'s status cells (each
        standing for many features; ``pack.lod``), not its features."""
        return self._band(table, m_per_px) is not None and self._density(table, box, m_per_px)

    # -- internals ------------------------------------------------------------------------------
    def _density(self, table: str, box, m_per_px: float) -> bool:
        ranges = self.facts.ranges
        if (table, lod.DENSITY_BAND) not in ranges:
            ranges[(table, lod.DENSITY_BAND)] = (0, 0, 0, 0) if self._has_band(table, lod.DENSITY_BAND) else None
        return ranges[(table, lod.DENSITY_BAND)] is not None and \
            lod.wants_density(self.count(table), self.extent(table), box, m_per_px)

    def _band(self, table: str, m_per_px: float) -> int | None:
        band = lod.band_for(m_per_px)
        if band is None:
            return None
        ranges = self.facts.ranges
        if (table, band) not in ranges:
            extent = self.extent(table)
            ranges[(table, band)] = lod.extent_tiles(extent, band) \
                if extent is not None and self._has_band(table, band) else None
        return band if ranges[(table, band)] is not None else None

    def _has_band(self, table: str, band: int) -> bool:
        """Whether ``table`` has shapes stored in ``band`` (another source's reader replaces this)."""
        return lod.has_band(self._conn, table, band)

    def attributes(self, table: str) -> list[str]:
        """The layer's attribute columns (key and geometry left out), in table order."""
        if table not in self.facts.columns:
            spatial = self.spatial(table)
            self.facts.columns[table] = [c for c in table_columns(self._conn, table)
                                         if c not in (spatial.key, spatial.geometry)]
        return self.facts.columns[table]

    def _read_box(self, table: str, box, columns: list[str]):
        """``(ids, geometries, {column: values})`` of the full-detail features meeting ``box``
        (their box at least), ids sorted: where a tile comes from (another source's reader
        replaces this, and keeps the tiling and the cache)."""
        return read_view(self._conn, table, box, columns, self.spatial(table))

    def _read_band_tile(self, table: str, band: int, tx: int, ty: int, columns: list[str], near):
        """``(ids, band shapes, {column: values}, vertices)`` of one tile of a band, those whose
        box meets ``near`` when given (:func:`~parksgis.pack.lod.read_tile`; another source's
        reader replaces this, as ``_read_box``)."""
        return lod.read_tile(self._conn, table, band, tx, ty, columns, self.spatial(table), near,
                             with_vertices=True)

    def _rows_of_tiles(self, table: str, band: int, tiles: list) -> dict | None:
        """The band rows of ``tiles`` read at once (``lod.rows_of_tiles``), or None: read them
        tile by tile (one tile, tiles scattered, or a reader whose tiles come from elsewhere)."""
        if len(tiles) < 2 or type(self)._read_band_tile is not PackViewReader._read_band_tile:
            return None  # another source's reader (the server's) replaces how a tile is read
        return lod.rows_of_tiles(self._conn, table, band, tiles)

    def _tile_of_rows(self, table: str, rows: list, near) -> _Tile:
        """The features of band ``rows`` (of one tile or several) whose box meets ``near`` (None: all)."""
        columns = self.attributes(table)
        ids, geoms, values, vertices = lod.tile_of_stored_rows(self._conn, table, rows, columns, self.spatial(table),
                                                               near, with_vertices=True)
        return _Tile(ids, geoms, [_objects(values[c]) for c in columns], vertices)

    def _part_of_tile(self, table: str, band: int | None, tx: int, ty: int, near) -> _Tile:
        """The features of a tile whose box meets ``near`` (not cached: a part of a tile); at full
        detail (``band`` None) ``near`` lies within the tile."""
        columns = self.attributes(table)
        vertices = None
        if band is None:
            ids, geoms, values = self._read_box(table, near, columns)
        else:
            ids, geoms, values, vertices = self._read_band_tile(table, band, tx, ty, columns, near)
        return _Tile(ids, geoms, [_objects(values[c]) for c in columns], vertices)

    def _tile(self, table: str, band: int | None, tx: int, ty: int, side: float, rows=None) -> _Tile:
        """A whole tile, from the cache, else read (from its band ``rows`` when already read)."""
        key = (table, band, side, tx, ty)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        columns = self.attributes(table)
        vertices = None
        if rows is not None:
            tile = self._tile_of_rows(table, rows, None)
        else:
            if band is None:
                box = (tx * side, ty * side, (tx + 1) * side, (ty + 1) * side)
                ids, geoms, values = self._read_box(table, box, columns)
            else:
                ids, geoms, values, vertices = self._read_band_tile(table, band, tx, ty, columns, None)
            tile = _Tile(ids, geoms, [_objects(values[c]) for c in columns], vertices)
        self.tiles_read += 1
        self._cache[key] = tile
        self._cached_features += len(tile)
        while self._cached_features > self.cache_features and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cached_features -= len(dropped)
        return tile


class ThreadReaders:
    """One reader per thread (a connection serves the thread that opened it, or one at a time):
    a view source's ``_reader()`` makes the calling thread's on first use (``_new_reader``), and
    ``close()`` closes them all."""

    def __init__(self):
        self._local = threading.local()
        self._readers: list = []
        self._lock = threading.Lock()

    def _new_reader(self):
        raise NotImplementedError

    def _reader(self):
        reader = getattr(self._local, "reader", None)
        if reader is None:
            reader = self._new_reader()
            self._local.reader = reader
            with self._lock:
                self._readers.append(reader)
        return reader

    def release_thread(self) -> None:
        """Close the calling thread's connection (a thread that is about to end)."""
        reader = getattr(self._local, "reader", None)
        if reader is None:
            return
        self._local.reader = None
        with self._lock:
            self._readers = [r for r in self._readers if r is not reader]
        reader.close()

    @property
    def closed(self) -> bool:
        """No thread's reader is open (none made yet, or all closed)."""
        return not self._readers

    def close(self) -> None:
        """Close every thread's connection (call when no thread reads any more)."""
        with self._lock:
            readers, self._readers = self._readers, []
        for reader in readers:
            try:
                reader.close()
            except Exception:  # noqa: BLE001 - another thread's connection: freed when dropped
                pass
        self._local = threading.local()
