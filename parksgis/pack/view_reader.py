"""A pack's layers read for a view only: R-tree lookups, level-of-detail bands, a bounded tile cache.

The map asks for "layer T inside this box at m metres per pixel". The box is cut into square
tiles of :data:`TILE_PX` pixels at the band's scale, and each tile is read once (through the
layer's R-tree at full detail, through the band index when zoomed out — see ``pack.lod``) and
kept in a least-recently-used cache bounded by a number of features, so panning across a million
plots re-reads tiles that fell out of the cache instead of growing without end. A feature that
crosses tiles is read with each and kept once.

One SQLite connection per reader, opened read-only: make one reader per thread.
"""

from __future__ import annotations

import math
import sqlite3
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pandas as pd

from parksgis.pack import lod
from parksgis.pack.access import connect
from parksgis.pack.format import columns as table_columns
from parksgis.pack.viewport import layer_extent, read_view, spatial_table

#: Tile side in pixels at the band's (or full detail's) scale.
TILE_PX = 512
#: The finest scale the tile grid follows (metres per pixel).
FULL_DETAIL_M_PER_PX = 1.0
#: Features kept in the tile cache (all layers together) before the oldest tiles are dropped.
CACHE_FEATURES = 300_000


class PackViewReader:
    """Frames of a pack's layers inside a WGS84 box, at the detail a map scale needs."""

    def __init__(self, path, *, immutable: bool = False, cache_features: int = CACHE_FEATURES):
        self.path = Path(path)
        self._conn = connect(self.path, read_only=True, immutable=immutable)
        self._cache: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
        self._cached_features = 0
        self.cache_features = cache_features
        self._position = {table: position for table, _, _, position in self._layer_rows()}
        self._columns: dict[str, list[str]] = {}
        self._banded: dict[str, bool] = {}
        self.tiles_read = 0

    def close(self) -> None:
        self._conn.close()
        self._cache.clear()

    @property
    def cached_features(self) -> int:
        return self._cached_features

    def layer_rows(self) -> list[tuple[str, str | None, str]]:
        """``(table, park id, kind)`` of every layer, in layer order."""
        return [row[:3] for row in self._layer_rows()]

    def _layer_rows(self) -> list[tuple]:
        """The pack's layer list; a plain GeoPackage's feature tables (no bands) otherwise."""
        try:
            return self._conn.execute("SELECT table_name, park_id, kind, position FROM "
                                      "parksgis_layers ORDER BY position").fetchall()
        except sqlite3.OperationalError:  # no parksgis_layers: not built by parksgis
            rows = self._conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = "
                                      "'features' ORDER BY table_name").fetchall()
            return [(table, None, "other", i) for i, (table,) in enumerate(rows)]

    def extent(self, table: str) -> tuple[float, float, float, float] | None:
        """The layer's WGS84 bounds from its R-tree (nothing read)."""
        return layer_extent(self._conn, table)

    def frame(self, table: str, box: tuple[float, float, float, float], m_per_px: float):
        """A GeoDataFrame (index: feature id) of the features of ``table`` meeting ``box``."""
        import geopandas as gpd

        band = self._band(table, m_per_px)
        # full detail (zoomed in, or a layer without bands): tiles follow the scale in powers of
        # two, so nearby zooms share tiles and a whole small layer is a handful of tiles
        scale = lod.BANDS[band] if band is not None else \
            2.0 ** math.ceil(math.log2(max(m_per_px, FULL_DETAIL_M_PER_PX)))
        tile_deg = TILE_PX * scale / lod.M_PER_DEG
        parts = [self._tile(table, band, tx, ty, tile_deg) for tx, ty in _tiles(box, tile_deg)]
        parts = [p for p in parts if len(p)]
        if not parts:
            return gpd.GeoDataFrame({c: [] for c in self._attributes(table)},
                                    geometry=gpd.GeoSeries([], crs=4326), crs=4326)
        frame = pd.concat(parts) if len(parts) > 1 else parts[0]
        frame = frame[~frame.index.duplicated()].sort_index()
        return gpd.GeoDataFrame(frame, geometry="geometry", crs=4326)

    # -- internals ------------------------------------------------------------------------------
    def _band(self, table: str, m_per_px: float) -> int | None:
        band = lod.band_for(m_per_px)
        if band is None:
            return None
        if table not in self._banded:
            self._banded[table] = lod.has_lod(self._conn, table)
        return band if self._banded[table] else None

    def _attributes(self, table: str) -> list[str]:
        if table not in self._columns:
            spatial = spatial_table(self._conn, table)
            self._columns[table] = [c for c in table_columns(self._conn, table)
                                    if c not in (spatial.key, spatial.geometry)]
        return self._columns[table]

    def _tile(self, table: str, band: int | None, tx: int, ty: int, tile_deg: float) -> pd.DataFrame:
        key = (table, band, tile_deg, tx, ty)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        box = (tx * tile_deg, ty * tile_deg, (tx + 1) * tile_deg, (ty + 1) * tile_deg)
        columns = self._attributes(table)
        if band is None:
            ids, geoms, values = read_view(self._conn, table, box, columns)
        else:
            ids, geoms, values = lod.read_band(self._conn, table, self._position[table], band, box, columns)
        tile = pd.DataFrame(values, index=pd.Index(ids, name="fid"), columns=columns)
        tile["geometry"] = geoms
        self.tiles_read += 1
        self._cache[key] = tile
        self._cached_features += len(tile)
        while self._cached_features > self.cache_features and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cached_features -= len(dropped)
        return tile


def _tiles(box, tile_deg: float):
    minx, miny, maxx, maxy = box
    xs = range(math.floor(minx / tile_deg), math.floor(maxx / tile_deg) + 1)
    ys = range(math.floor(miny / tile_deg), math.floor(maxy / tile_deg) + 1)
    return [(x, y) for x in xs for y in ys]


def expand_box(box, factor: float) -> tuple[float, float, float, float]:
    """``box`` grown by ``factor`` of its size on every side (a margin so panning shows features)."""
    minx, miny, maxx, maxy = box
    dx, dy = (maxx - minx) * factor, (maxy - miny) * factor
    return (minx - dx, miny - dy, maxx + dx, maxy + dy)


def union_box(boxes) -> tuple[float, float, float, float] | None:
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    b = np.array(boxes, dtype=float)
    return (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))
