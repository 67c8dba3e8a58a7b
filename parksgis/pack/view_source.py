"""A pack as a :class:`~parksgis.model.view_source.ViewSource`: its big layers read for the view.

Views go through :class:`~parksgis.pack.view_reader.PackViewReader` (R-tree at full detail, the
level-of-detail bands when zoomed out, a bounded tile cache); counts, identify, search and
attribute pages are plain SQL on the layer table. SQLite connections belong to the thread that
opened them, so each thread gets its own reader (and tile cache) on first use.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from parksgis.pack.format import quote
from parksgis.pack.view_reader import PackFacts, PackViewReader, ThreadReaders
from parksgis.pack.viewport import geometries_from_gpkg, read_view, spatial_table

#: Layers with at least this many features open viewport-driven in the window; smaller ones
#: (every sample park, a district's roads) are read whole: they draw from memory in milliseconds
#: and the panels keep their whole-frame behaviour. The same size as level-of-detail bands start.
VIEWPORT_MIN_FEATURES = 20_000
#: ... and point layers from this many: a point held whole is one vertex and its values (the
#: 100,000 utility points beside a million plots: a few MB of a session), while reading it per
#: view cost every zoom of that pack ~30 ms of its ~260 (a few thousand rows through the R-tree,
#: read beside the plots' tiles and contending with them for the interpreter).
VIEWPORT_MIN_POINTS = 250_000
#: GeoPackage's (and PostGIS's) names of the point geometry types
POINT_TYPES = frozenset({"POINT", "MULTIPOINT"})


def viewport_driven(count: int, geometry_type: str | None = None) -> bool:
    """Whether the window reads a layer of ``count`` features per view (else whole);
    ``geometry_type``: the type of all its shapes (``POINT``, ``MULTIPOLYGON``; any case), None
    when mixed or unknown."""
    points = geometry_type is not None and geometry_type.upper() in POINT_TYPES
    return count >= (max(VIEWPORT_MIN_POINTS, VIEWPORT_MIN_FEATURES) if points else VIEWPORT_MIN_FEATURES)


_NUMBER_TYPES = ("INT", "REAL", "DOUBLE", "FLOAT", "NUM", "MEDIUMINT", "BOOLEAN", "DATE")
_IDS_PER_QUERY = 900  # under SQLite's default limit of bound parameters


class PackViewSource(ThreadReaders):
    """Viewport reads and SQL queries of one pack file, from any thread."""

    def __init__(self, path, *, immutable: bool = False, mapped: bool = False):
        """``mapped``: the readers read the file through a memory map (``view_reader.MMAP_BYTES``)."""
        super().__init__()
        self.path = Path(path)
        self.immutable = immutable
        self.mapped = mapped
        self._facts = PackFacts()  # the frozen layer tables' extents, counts, columns: shared

    def _new_reader(self) -> PackViewReader:
        return PackViewReader(self.path, immutable=self.immutable, facts=self._facts, mapped=self.mapped)

    def tables(self) -> list[str]:
        """The pack's layer tables, in layer order."""
        return [row[0] for row in self._reader().layer_rows()]

    # -- the map --------------------------------------------------------------------------------
    def features(self, table: str, box, m_per_px: float, stop=None) -> gpd.GeoDataFrame:
        return self._reader().frame(table, box, m_per_px, stop)

    def features_and_vertices(self, table: str, box, m_per_px: float, stop=None, shapes: bool = True):
        """:meth:`features`, and the vertices of its rows' shapes when they come from a band
        (``pack.band_layout.Vertices``, else None): the map projects those without taking the
        shapes apart again. ``shapes`` False: band areas' shapes are made on demand
        (``PackViewReader.frame_and_vertices``)."""
        return self._reader().frame_and_vertices(table, box, m_per_px, stop, shapes=shapes)

    def extent(self, table: str):
        return self._reader().extent(table)

    def identify(self, table: str, box) -> gpd.GeoDataFrame:
        reader = self._reader()
        ids, geoms, values = read_view(reader.conn, table, box, reader.attributes(table), reader.spatial(table))
        return self._frame(table, ids, geoms, values)

    def by_ids(self, table: str, fids) -> gpd.GeoDataFrame:
        reader = self._reader()
        spatial = spatial_table(reader.conn, table)
        columns = reader.attributes(table)
        wanted = ", ".join(quote(c) for c in [spatial.key, spatial.geometry, *columns])
        fids = sorted({int(f) for f in fids})
        rows = []
        for start in range(0, len(fids), _IDS_PER_QUERY):
            chunk = fids[start:start + _IDS_PER_QUERY]
            rows += reader.conn.execute(
                f"SELECT {wanted} FROM {quote(table)} WHERE {quote(spatial.key)} IN "
                f"({', '.join('?' * len(chunk))}) ORDER BY {quote(spatial.key)}", chunk).fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        geoms = geometries_from_gpkg([r[1] for r in rows])
        return self._frame(table, ids, geoms, {c: [r[2 + j] for r in rows] for j, c in enumerate(columns)})

    # -- the panels -----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        return self._reader().count(table)

    def value_counts(self, table: str, columns: list[str]) -> pd.DataFrame:
        reader = self._reader()
        present = [c for c in columns if c in reader.attributes(table)]
        if not present:
            return pd.DataFrame({"count": [self.count(table)]})
        wanted = ", ".join(quote(c) for c in present)
        rows = reader.conn.execute(f"SELECT {wanted}, count(*) FROM {quote(table)} "
                                   f"GROUP BY {wanted}").fetchall()
        return pd.DataFrame(rows, columns=[*present, "count"])

    def ids(self, table: str) -> np.ndarray:
        conn = self._reader().conn
        key = spatial_table(conn, table).key
        rows = conn.execute(f"SELECT {quote(key)} FROM {quote(table)} ORDER BY {quote(key)}")
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def sorted_ids(self, table: str, column: str, descending: bool = False) -> np.ndarray:
        reader = self._reader()
        key = quote(spatial_table(reader.conn, table).key)
        if column not in reader.attributes(table):
            raise KeyError(f"{table} has no column {column!r}")
        rows = reader.conn.execute(f"SELECT {key} FROM {quote(table)} ORDER BY {quote(column)} "
                                   f"{'DESC' if descending else 'ASC'}, {key}")
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def attribute_rows(self, table: str, fids) -> pd.DataFrame:
        reader = self._reader()
        key = spatial_table(reader.conn, table).key
        columns = reader.attributes(table)
        fids = np.asarray(fids, dtype=np.int64)
        if len(fids) == 0:
            return pd.DataFrame(columns=columns, index=pd.Index([], name="fid", dtype=np.int64))
        wanted = ', '.join(quote(c) for c in [key, *columns])
        if fids[-1] - fids[0] < 4 * len(fids) + 1000:
            # one range read (ids are sorted), the ids not asked for dropped after
            rows = reader.conn.execute(
                f"SELECT {wanted} FROM {quote(table)} WHERE {quote(key)} BETWEEN ? AND ? ORDER BY {quote(key)}",
                (int(fids[0]), int(fids[-1]))).fetchall()
        else:  # ids spread over the layer (a page of a table sorted by a column): by key
            rows = []
            for start in range(0, len(fids), _IDS_PER_QUERY):
                chunk = [int(f) for f in fids[start:start + _IDS_PER_QUERY]]
                rows += reader.conn.execute(
                    f"SELECT {wanted} FROM {quote(table)} WHERE {quote(key)} IN "
                    f"({', '.join('?' * len(chunk))}) ORDER BY {quote(key)}", chunk).fetchall()
        frame = pd.DataFrame([r[1:] for r in rows], columns=columns,
                             index=pd.Index([r[0] for r in rows], name="fid", dtype=np.int64))
        return frame.reindex(fids) if len(frame) != len(fids) else frame

    def matching_ids(self, table: str, columns: list[str], text: str, projects: list[str],
                     unlinked: bool = False, own=None) -> np.ndarray:
        reader = self._reader()
        key = spatial_table(reader.conn, table).key
        attributes = reader.attributes(table)
        where, params = [], []
        if text:  # text columns only, as the whole-frame filter does
            declared = {row[1]: (row[2] or "").upper() for row in
                        reader.conn.execute(f"PRAGMA table_info({quote(table)})")}
            columns = [c for c in columns if not declared.get(c, "").startswith(_NUMBER_TYPES)]
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            for column in (c for c in columns if c in attributes):
                where.append(f"CAST({quote(column)} AS TEXT) LIKE ? ESCAPE '\\'")
                params.append(pattern)
        if "project_id" in attributes:
            # a temporary table, not thousands of bound parameters
            reader.conn.execute("CREATE TEMP TABLE IF NOT EXISTS parksgis_wanted (project_id TEXT PRIMARY KEY)")
            reader.conn.execute("DELETE FROM parksgis_wanted")
            reader.conn.executemany("INSERT OR IGNORE INTO parksgis_wanted VALUES (?)", ((p,) for p in projects))
            if projects:
                where.append("trim(CAST(project_id AS TEXT)) IN (SELECT project_id FROM parksgis_wanted)")
            if unlinked:
                where.append("project_id IS NULL OR trim(CAST(project_id AS TEXT)) = ''")
        elif unlinked:
            where.append("1")
        if own is not None and own[0] in attributes and len(own[1]):
            reader.conn.execute("CREATE TEMP TABLE IF NOT EXISTS parksgis_wanted_values (value)")
            reader.conn.execute("DELETE FROM parksgis_wanted_values")
            reader.conn.executemany("INSERT INTO parksgis_wanted_values VALUES (?)", ((v,) for v in own[1]))
            linked_to_none = "project_id IS NULL OR trim(CAST(project_id AS TEXT)) = ''" \
                if "project_id" in attributes else "1"
            where.append(f"({linked_to_none}) AND {quote(own[0])} IN (SELECT value FROM parksgis_wanted_values)")
        if not where:
            return np.empty(0, dtype=np.int64)
        rows = reader.conn.execute(f"SELECT {quote(key)} FROM {quote(table)} WHERE "
                                   f"{' OR '.join(f'({w})' for w in where)} ORDER BY {quote(key)}", params)
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def _frame(self, table, ids, geoms, values) -> gpd.GeoDataFrame:
        columns = self._reader().attributes(table)
        frame = pd.DataFrame(values, index=pd.Index(ids, name="fid"), columns=columns)
        frame["geometry"] = geoms
        return gpd.GeoDataFrame(frame, geometry="geometry", crs=4326)
