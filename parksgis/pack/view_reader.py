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

import math
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pandas as pd

from parksgis.model.view_source import expand_box, union_box  # noqa: F401 - where they were
from parksgis.pack import lod
from parksgis.pack.access import connect
from parksgis.pack.format import quote
from parksgis.pack.format import columns as table_columns
from parksgis.pack.viewport import layer_extent, read_view, spatial_table

#: The finest scale the tile grid follows (metres per pixel).
FULL_DETAIL_M_PER_PX = 1.0
#: Features kept in the tile cache (all layers together) before the oldest tiles are dropped.
CACHE_FEATURES = 300_000


class TiledViewReader:
    """Frames of a source's layers inside a WGS84 box, read a tile at a time and kept in a bounded
    cache. Subclasses say where a layer is (``extent``), its columns (``attributes``) and how a
    tile is read (``read_box``); a pack adds its level-of-detail bands (``_band``, ``_density``,
    ``_read_band_tile``), a database has none (``server.view_source``)."""

    def __init__(self, cache_features: int = CACHE_FEATURES):
        self._cache: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._cached_features = 0
        self.cache_features = cache_features
        self.tiles_read = 0

    @property
    def cached_features(self) -> int:
        return self._cached_features

    def extent(self, table: str) -> tuple[float, float, float, float] | None:
        raise NotImplementedError

    def attributes(self, table: str) -> list[str]:
        raise NotImplementedError

    def read_box(self, table: str, box) -> pd.DataFrame:
        """The full-detail features of ``table`` meeting ``box`` (their shape; a source may give
        those whose box meets it: a tile needs what may draw in it): a frame indexed by id
        (``fid``, sorted) with the attribute columns and ``geometry``."""
        raise NotImplementedError

    def _band(self, table: str, m_per_px: float) -> int | None:
        return None  # no level-of-detail bands: full detail at every scale

    def _density(self, table: str, box, m_per_px: float) -> bool:
        return False

    def _band_tiles(self, table: str, band: int, box, side: float) -> list[tuple[int, int]]:
        raise NotImplementedError

    def _read_band_tile(self, table: str, band: int, tx: int, ty: int) -> pd.DataFrame:
        raise NotImplementedError

    def frame(self, table: str, box: tuple[float, float, float, float], m_per_px: float):
        """A GeoDataFrame (index: feature id) of the features of ``table`` meeting ``box``."""
        import geopandas as gpd

        band = self._band(table, m_per_px)
        if band is not None and self._density(table, box, m_per_px):
            band, side, tiles = lod.DENSITY_BAND, 0.0, [(0, 0)]  # a few thousand status cells
        elif band is not None:
            side = lod.tile_deg(band)
            tiles = self._band_tiles(table, band, box, side)
        else:  # full detail: tiles follow the scale in powers of two, so nearby zooms share
            # tiles and a whole small layer is a handful of tiles
            side = lod.TILE_PX * 2.0 ** math.ceil(math.log2(max(m_per_px, FULL_DETAIL_M_PER_PX))) / lod.M_PER_DEG
            extent = self.extent(table)
            if extent is None:
                tiles = []
            else:  # only where the layer has features (a view of the whole world stays cheap)
                tiles = lod.tiles_in(box, side, (math.floor(extent[0] / side), math.floor(extent[1] / side),
                                                 math.floor(extent[2] / side), math.floor(extent[3] / side)))
        parts = [self._tile(table, band, tx, ty, side) for tx, ty in tiles]
        parts = [p for p in parts if len(p)]
        if not parts:
            return gpd.GeoDataFrame({c: [] for c in self.attributes(table)},
                                    geometry=gpd.GeoSeries([], crs=4326), crs=4326)
        frame = pd.concat(parts) if len(parts) > 1 else parts[0]
        frame = frame[~frame.index.duplicated()].sort_index()
        return gpd.GeoDataFrame(frame, geometry="geometry", crs=4326)

    def _tile(self, table: str, band: int | None, tx: int, ty: int, side: float) -> pd.DataFrame:
        key = (table, band, side, tx, ty)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        if band is None:
            tile = self.read_box(table, (tx * side, ty * side, (tx + 1) * side, (ty + 1) * side))
        else:
            tile = self._read_band_tile(table, band, tx, ty)
        self.tiles_read += 1
        self._cache[key] = tile
        self._cached_features += len(tile)
        while self._cached_features > self.cache_features and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cached_features -= len(dropped)
        return tile

    def close(self) -> None:
        self._cache.clear()


class PackViewReader(TiledViewReader):
    """Frames of a pack's layers inside a WGS84 box, at the detail a map scale needs."""

    def __init__(self, path, *, immutable: bool = False, cache_features: int = CACHE_FEATURES):
        super().__init__(cache_features)
        self.path = Path(path)
        self._conn = connect(self.path, read_only=True, immutable=immutable)
        self._columns: dict[str, list[str]] = {}
        self._ranges: dict[tuple, tuple | None] = {}  # (table, band) -> tile range, None: no band
        self._extents: dict[str, tuple | None] = {}
        self._counts: dict[str, int] = {}

    def close(self) -> None:
        self._conn.close()
        super().close()

    @property
    def conn(self):
        """The reader's read-only connection (of the thread that made the reader)."""
        return self._conn

    def layer_rows(self) -> list[tuple[str, str | None, str]]:
        """``(table, park id, kind)`` of every layer, in layer order."""
        return self._conn.execute("SELECT table_name, park_id, kind FROM parksgis_layers "
                                  "ORDER BY position").fetchall()

    def extent(self, table: str) -> tuple[float, float, float, float] | None:
        """The layer's WGS84 bounds from its R-tree (nothing read)."""
        if table not in self._extents:
            self._extents[table] = layer_extent(self._conn, table)
        return self._extents[table]

    def _density(self, table: str, box, m_per_px: float) -> bool:
        if (table, lod.DENSITY_BAND) not in self._ranges:
            self._ranges[(table, lod.DENSITY_BAND)] = lod.tile_range(self._conn, table, lod.DENSITY_BAND)
            self._counts[table] = self._conn.execute(f"SELECT count(*) FROM {quote(table)}").fetchone()[0]
        return self._ranges[(table, lod.DENSITY_BAND)] is not None and \
            lod.wants_density(self._counts[table], self.extent(table), box, m_per_px)

    def _band(self, table: str, m_per_px: float) -> int | None:
        band = lod.band_for(m_per_px)
        if band is None:
            return None
        if (table, band) not in self._ranges:
            self._ranges[(table, band)] = lod.tile_range(self._conn, table, band) \
                if lod.has_lod(self._conn, table) else None
        return band if self._ranges[(table, band)] is not None else None

    def attributes(self, table: str) -> list[str]:
        """The layer's attribute columns (key and geometry left out), in table order."""
        if table not in self._columns:
            spatial = spatial_table(self._conn, table)
            self._columns[table] = [c for c in table_columns(self._conn, table)
                                    if c not in (spatial.key, spatial.geometry)]
        return self._columns[table]

    def read_box(self, table: str, box) -> pd.DataFrame:
        columns = self.attributes(table)
        ids, geoms, values = read_view(self._conn, table, box, columns)
        return self._tile_frame(columns, ids, geoms, values)

    def _band_tiles(self, table: str, band: int, box, side: float) -> list[tuple[int, int]]:
        return lod.tiles_in(box, side, self._ranges[(table, band)])

    def _read_band_tile(self, table: str, band: int, tx: int, ty: int) -> pd.DataFrame:
        columns = self.attributes(table)
        return self._tile_frame(columns, *lod.read_tile(self._conn, table, band, tx, ty, columns))

    @staticmethod
    def _tile_frame(columns, ids, geoms, values) -> pd.DataFrame:
        tile = pd.DataFrame(values, index=pd.Index(ids, name="fid"), columns=columns)
        tile["geometry"] = geoms
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
