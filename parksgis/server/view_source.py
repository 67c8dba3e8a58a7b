"""A database as a :class:`~parksgis.model.view_source.ViewSource`: its big layer tables read for
the view, through their GiST indexes.

The window opens a database's big layers (:func:`~parksgis.pack.view_source.viewport_driven`)
viewport-driven, as it does a pack's: the map asks for the features of its view
(plus a margin) and reads them off the UI thread (``qt.viewport_feeder``), a tile at a time with
the pack reader's tiling and bounded tile cache (:class:`~parksgis.pack.view_reader.PackViewReader`);
each tile is one query ``geom && ST_MakeEnvelope(...)``, answered by the index alone, and the
frame keeps the features whose shape meets the view. Identify adds the exact ``ST_Intersects``.
Zoomed out, a table with level-of-detail bands (``server.bands``: those a pack would have, built
by ``db load``) is read from them instead, a tile one query on the bands' key, exactly as a pack's
(``pack.lod``); zoomed in, and for a table whose bands a change of its rows dropped, full detail
(pixel-identical to a whole read). Counts, identify,
search, sorting and attribute pages are SQL on the table. Values are always parameters; table and
column names are quoted by psycopg.

A psycopg connection serves one thread at a time, so each thread gets its own reader (and cache)
on first use; each is read-only (the server refuses any write through it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from parksgis.pack.view_reader import CACHE_FEATURES, PackFacts, PackViewReader, ThreadReaders
from parksgis.pack import lod
from parksgis.server import bands, connection, layers

if TYPE_CHECKING:  # a page of a database draws without pandas (model.feature_columns)
    import pandas as pd


class DatabaseViewReader(PackViewReader):
    """The pack reader's tiling and bounded tile cache over a database's layer tables: each tile
    one query, through the bands' key at a banded scale (``_read_band_tile``), else through the
    GiST index (``_read_box``)."""

    def __init__(self, src: str, catalogue: dict[str, list], facts: PackFacts):
        # no pack file to open: the tiles and the cache only (PackViewReader.__init__ not called)
        self._start_cache(CACHE_FEATURES, facts)
        self.src, self.label = src, connection.display(src)
        self.catalogue = catalogue  # table -> its catalogue columns ([name, pg type, dtype], ...)
        self.tiles_ahead: dict[tuple[str, int], dict] = {}  # (table, band) -> every tile, read already
        self._conn = connection.connect(src, autocommit=True)
        self.run(lambda: self._conn.execute("SET default_transaction_read_only = on"))

    def attributes(self, table: str) -> list[str]:
        return [c[0] for c in self.catalogue[table]]

    def extent(self, table: str):
        extents = self.facts.extents
        if table not in extents:
            extents[table] = self.run(lambda: layers.TableExtents(self._conn).extent(table))
        return extents[table]

    def count(self, table: str) -> int:
        counts = self.facts.counts
        if table not in counts:
            counts[table] = self.run(lambda: layers.feature_count(self._conn, table))
        return counts[table]

    def _has_band(self, table: str, band: int) -> bool:
        if (table, band) in self.tiles_ahead:
            return bool(self.tiles_ahead[table, band])
        return self.run(lambda: bands.has_band(self._conn, table, band))

    def _read_band_tile(self, table: str, band: int, tx: int, ty: int, columns: list[str], near):
        """One tile of a band from ``parksgis.bands`` (one query through its key)."""
        ahead = self.tiles_ahead.get((table, band))
        rows = ahead.pop((tx, ty), []) if ahead is not None else \
            self.run(lambda: bands.tile_rows(self._conn, table, band, tx, ty))
        if not rows and ahead is None and not self._has_band(table, band):
            # the band was dropped since this reader chose it (its table changed): this tile, and
            # the views after it, at full detail
            self.facts.ranges.pop((table, band), None)
            side = lod.tile_deg(band)
            square = (tx * side, ty * side, (tx + 1) * side, (ty + 1) * side)
            if near is not None:
                square = (max(square[0], near[0]), max(square[1], near[1]),
                          min(square[2], near[2]), min(square[3], near[3]))
            return (*self._read_box(table, square, columns), None)
        return lod.tile_of_rows(rows, columns, near, True, lambda fids, wanted: self._values(table, fids, wanted))

    def _values(self, table: str, fids, columns: list[str]) -> dict[str, list]:
        """``{column: values}`` of features ``fids`` (sorted) from the layer table, in that order
        (band rows that keep no attributes: status cells)."""
        from psycopg import sql

        if not columns or not len(fids):
            return {c: [None] * len(fids) for c in columns}
        frame = self.read_where(table, sql.SQL("fid = ANY(%s)"), (fids.tolist(),))
        frame = frame.reindex(fids)
        return {c: frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in columns}

    def _read_box(self, table: str, box, columns: list[str]):
        """The features whose box meets ``box``, asked of the index alone (the frame keeps those
        whose shape meets the view)."""
        import shapely
        from psycopg import sql

        query = sql.SQL("SELECT {}, ST_AsBinary(geom) FROM {} WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
                        ).format(sql.SQL(", ").join([sql.Identifier("fid"), *(sql.Identifier(c) for c in columns)]),
                                 sql.Identifier("parksgis", table))
        cells = self.run(lambda: layers.column_cells(self._conn, query, tuple(float(v) for v in box),
                                                     len(columns) + 2))
        ids = np.array(cells[0], dtype=np.int64)
        order = np.argsort(ids, kind="stable")  # no ORDER BY: sorting here is cheaper than the server's
        geoms = shapely.from_wkb(np.array(cells[-1], dtype=object))[order]
        return ids[order], geoms, {c: [values[i] for i in order] for c, values in zip(columns, cells[1:-1])}

    def read_where(self, table: str, where, params: tuple) -> pd.DataFrame:
        """The features of ``table`` meeting ``where`` (an SQL composable with ``params``), in id
        order: a frame indexed by ``fid`` with the typed attribute columns and ``geometry``."""
        import pandas as pd

        import shapely
        from psycopg import sql

        columns = self.catalogue[table]
        query = sql.SQL("SELECT {}, ST_AsBinary(geom) FROM {} WHERE {} ORDER BY fid").format(
            sql.SQL(", ").join([sql.Identifier("fid"), *(sql.Identifier(c[0]) for c in columns)]),
            sql.Identifier("parksgis", table), where)
        cells = self.run(lambda: layers.column_cells(self._conn, query, params, len(columns) + 2))
        frame = layers.typed_frame(cells[1:-1], columns, len(cells[0]))
        frame.index = pd.Index(np.array(cells[0], dtype=np.int64), name="fid")
        frame["geometry"] = shapely.from_wkb(np.array(cells[-1], dtype=object))
        return frame

    def run(self, read):
        """``read()``, a server failure turned into one readable line (ParksgisError)."""
        import psycopg

        try:
            return read()
        except psycopg.Error as exc:
            raise connection.statement_error(self.label, exc, "reading the map's features") from None


class DatabaseViewSource(ThreadReaders):
    """Viewport reads and SQL queries of one database's layer tables, from any thread."""

    def __init__(self, src: str, catalogue: dict[str, list]):
        super().__init__()
        self.src = src
        self.catalogue = catalogue
        self._facts = PackFacts()  # extents and counts, asked once for every thread

    def _new_reader(self) -> DatabaseViewReader:
        return DatabaseViewReader(self.src, self.catalogue, self._facts)

    # -- the map --------------------------------------------------------------------------------
    def features(self, table: str, box, m_per_px: float, stop=None):
        return self._reader().frame(table, box, m_per_px, stop)

    def extent(self, table: str):
        return self._reader().extent(table)

    def identify(self, table: str, box):
        from psycopg import sql

        envelope = sql.SQL("ST_MakeEnvelope(%s, %s, %s, %s, 4326)")
        where = sql.SQL("geom && {e} AND ST_Intersects(geom, {e})").format(e=envelope)
        return self._geo(self._reader().read_where(table, where, tuple(float(v) for v in box) * 2))

    def by_ids(self, table: str, fids):
        from psycopg import sql

        ids = sorted({int(f) for f in fids})
        return self._geo(self._reader().read_where(table, sql.SQL("fid = ANY(%s)"), (ids,)))

    # -- the panels -----------------------------------------------------------------------------
    def count(self, table: str) -> int:
        from psycopg import sql

        return int(self._query(sql.SQL("SELECT count(*) FROM {}").format(self._table(table)))[0][0])

    def value_counts(self, table: str, columns: list[str]) -> pd.DataFrame:
        import pandas as pd

        from psycopg import sql

        present = [c for c in columns if c in self._reader().attributes(table)]
        if not present:
            return pd.DataFrame({"count": [self.count(table)]})
        names = sql.SQL(", ").join(sql.Identifier(c) for c in present)
        rows = self._query(sql.SQL("SELECT {}, count(*) FROM {} GROUP BY {}").format(
            names, self._table(table), names))
        return pd.DataFrame(rows, columns=[*present, "count"])

    def ids(self, table: str) -> np.ndarray:
        from psycopg import sql

        rows = self._query(sql.SQL("SELECT fid FROM {} ORDER BY fid").format(self._table(table)))
        return np.array([r[0] for r in rows], dtype=np.int64)

    def sorted_ids(self, table: str, column: str, descending: bool = False) -> np.ndarray:
        from psycopg import sql

        if column not in self._reader().attributes(table):
            raise KeyError(f"{table} has no column {column!r}")
        order = sql.SQL("DESC NULLS LAST" if descending else "ASC NULLS FIRST")
        rows = self._query(sql.SQL("SELECT fid FROM {} ORDER BY {} {}, fid").format(
            self._table(table), sql.Identifier(column), order))
        return np.array([r[0] for r in rows], dtype=np.int64)

    def attribute_rows(self, table: str, fids) -> pd.DataFrame:
        import pandas as pd

        from psycopg import sql

        reader = self._reader()
        fids = np.asarray(fids, dtype=np.int64)
        if len(fids) == 0:
            return pd.DataFrame(columns=reader.attributes(table), index=pd.Index([], name="fid", dtype=np.int64))
        columns = reader.catalogue[table]
        # one range read (ids are sorted), the ids not asked for dropped after
        query = sql.SQL("SELECT {} FROM {} WHERE fid BETWEEN %s AND %s ORDER BY fid").format(
            sql.SQL(", ").join([sql.Identifier("fid"), *(sql.Identifier(c[0]) for c in columns)]),
            self._table(table))
        cells = reader.run(lambda: layers.column_cells(reader.conn, query, (int(fids[0]), int(fids[-1])),
                                                       len(columns) + 1))
        frame = layers.typed_frame(cells[1:], columns, len(cells[0]))
        frame.index = pd.Index(np.array(cells[0], dtype=np.int64), name="fid")
        return frame.reindex(fids) if len(frame) != len(fids) else frame

    def matching_ids(self, table: str, columns: list[str], text: str, projects: list[str],
                     unlinked: bool = False, own=None) -> np.ndarray:
        from psycopg import sql

        catalogue = {c[0]: c[1] for c in self._reader().catalogue[table]}
        where, params = [], []
        if text:  # text columns only, as the whole-frame filter does
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            for column in (c for c in columns if catalogue.get(c) == "text"):
                where.append(sql.SQL("{} ILIKE %s").format(sql.Identifier(column)))
                params.append(pattern)
        linked = sql.SQL("trim(CAST(project_id AS text))")
        linked_to_none = sql.SQL("project_id IS NULL OR {} = ''").format(linked) \
            if "project_id" in catalogue else sql.SQL("true")
        if "project_id" in catalogue and projects:
            where.append(sql.SQL("{} = ANY(%s)").format(linked))
            params.append(list(projects))
        if unlinked:
            where.append(linked_to_none)
        if own is not None and own[0] in catalogue and len(own[1]):
            # no project, and a status the feature carries itself in ``own[0]``
            where.append(sql.SQL("({}) AND CAST({} AS text) = ANY(%s)").format(linked_to_none, sql.Identifier(own[0])))
            params.append([str(v) for v in own[1]])
        if not where:
            return np.empty(0, dtype=np.int64)
        rows = self._query(sql.SQL("SELECT fid FROM {} WHERE {} ORDER BY fid").format(
            self._table(table), sql.SQL(" OR ").join(sql.SQL("({})").format(w) for w in where)), tuple(params))
        return np.array([r[0] for r in rows], dtype=np.int64)

    # -- internals ------------------------------------------------------------------------------
    @staticmethod
    def _table(table: str):
        from psycopg import sql

        return sql.Identifier("parksgis", table)

    def _query(self, query, params: tuple = ()) -> list[tuple]:
        reader = self._reader()
        return reader.run(lambda: reader.conn.execute(query, params).fetchall())

    @staticmethod
    def _geo(frame: pd.DataFrame):
        import geopandas as gpd

        return gpd.GeoDataFrame(frame, geometry="geometry", crs=4326)


class OpenDatabase:
    """What stays open with a database's workspace in a window (as ``app.workspace.Source`` is
    for a folder or pack): the connections its big layers read through, closed with it."""

    pack = None  # no pack handle: the register link opens the database's register itself

    def __init__(self, workspace):
        self.views = next((layer.view.source for layer in workspace.layers if layer.view is not None), None)

    def close(self) -> None:
        if self.views is not None:
            self.views.close()
