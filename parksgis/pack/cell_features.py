"""What each status cell of a big pack layer stands for (``pack.lod``): its features counted by
their status columns (the project link and any own status column).

A page drawn from status cells holds a few thousand cells, not the million features they stand
for; counted by the cells alone its legend and its "projects not on the map" would be those of
the cells' representative features. So ``pack build`` stores, beside the cells, how many
features of each combination of status values each cell holds (table :data:`TABLE`, a few
rows per cell: one project's plots mostly lie in one cell), and a page counts the projects of
every cell it shows (``render.briefing_content.legend_entries``) as it would count features.
Packs built before the table existed have it worked out on reading (seconds at a million
plots, the same grouping as the build's).
"""

from __future__ import annotations

import json
import math
import sqlite3
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from parksgis.pack.format import columns as table_columns
from parksgis.pack.format import quote
from parksgis.store.feature_status import status_columns

if TYPE_CHECKING:  # a page of a database draws without pandas (model.feature_columns)
    import pandas as pd

TABLE = "parksgis_cell_features"
#: Cells across a layer's extent, about (``pack.lod``'s status cells).
CELLS = 4096


def create_table(conn: sqlite3.Connection) -> None:
    # one row per layer, as arrays (a million plots' cells stand for ~170,000 combinations: read
    # as rows and JSON they took 0.4 s, as arrays a few ms): ``cells`` and ``features``
    # little-endian int64, ``codes`` little-endian int32 (column after column) indexing each
    # status column's distinct values, ``columns`` JSON: [[column name, [its values]], ...]
    conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY, table_name TEXT NOT NULL UNIQUE, "
                 "columns TEXT NOT NULL, cells BLOB NOT NULL, features BLOB NOT NULL, codes BLOB NOT NULL)")


def assign_cells(conn: sqlite3.Connection, table: str, spatial) -> tuple[pd.DataFrame, list[str]]:
    """``(features, status column names)``: every feature of ``table`` with its box (``minx`` ...
    from the R-tree), its status columns' values and its cell (``cx``, ``cy``): the layer's
    extent cut into about :data:`CELLS` squares, a feature in the one holding its box's centre."""
    import pandas as pd

    boxes = pd.DataFrame(conn.execute(f"SELECT id, minx, miny, maxx, maxy FROM {quote(spatial.rtree)}").fetchall(),
                         columns=["fid", "minx", "miny", "maxx", "maxy"]).set_index("fid")
    attributes = table_columns(conn, table)
    present = [c for c in status_columns(attributes) if c in attributes]
    wanted = ", ".join(quote(c) for c in [spatial.key, *present])
    values = pd.DataFrame(conn.execute(f"SELECT {wanted} FROM {quote(table)}").fetchall(),
                          columns=["fid", *present]).set_index("fid")
    return in_cells(boxes.join(values, how="inner").reset_index()), present


def in_cells(cells: pd.DataFrame) -> pd.DataFrame:
    """``cells`` (features with their box: ``minx`` ...) with their cell (``cx``, ``cy``): the
    extent of the boxes cut into about :data:`CELLS` squares, a feature in the one holding its
    box's centre."""
    x0, y0 = cells["minx"].min(), cells["miny"].min()
    side = math.sqrt(max((cells["maxx"].max() - x0) * (cells["maxy"].max() - y0), 1e-12) / CELLS)
    return cells.assign(cx=((cells["minx"] + cells["maxx"]) / 2 - x0) // side,
                        cy=((cells["miny"] + cells["maxy"]) / 2 - y0) // side)


def stood_for(cells: pd.DataFrame, present: list[str], representatives: pd.DataFrame) -> pd.DataFrame:
    """``cells`` (:func:`assign_cells`) counted by cell and status values: a frame of columns
    ``cell`` (the cell's id), the ``present`` status columns and ``count``; ``representatives``:
    each cell's (``cx``, ``cy``) id (column ``cell``)."""
    counted = cells.groupby(["cx", "cy", *present], dropna=False).size().rename("count").reset_index()
    counted = counted.merge(representatives[["cx", "cy", "cell"]], on=["cx", "cy"])
    out = counted[["cell", *present, "count"]].astype({"cell": np.int64, "count": np.int64})
    for column in present:
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out.reset_index(drop=True)


def write(conn: sqlite3.Connection, table: str, stood: pd.DataFrame) -> None:
    """Store :func:`stood_for`'s frame of ``table``."""
    create_table(conn)
    conn.execute(f"INSERT INTO {TABLE} (table_name, columns, cells, features, codes) VALUES (?, ?, ?, ?, ?)",
                 (table, *encoded(stood)))


def encoded(stood: pd.DataFrame) -> tuple[str, bytes, bytes, bytes]:
    """:func:`stood_for`'s frame as stored (see :func:`create_table`): ``(columns, cells,
    features, codes)``; the server stores the same (``server.bands``)."""
    import pandas as pd

    present = [c for c in stood.columns if c not in ("cell", "count")]
    columns, codes = [], []
    for column in present:
        code, distinct = pd.factorize(stood[column], use_na_sentinel=False)
        columns.append([column, [None if pd.isna(v) else v for v in distinct.tolist()]])
        codes.append(code.astype("<i4"))
    return (json.dumps(columns, ensure_ascii=False, default=str), stood["cell"].to_numpy("<i8").tobytes(),
            stood["count"].to_numpy("<i8").tobytes(), np.concatenate(codes or [np.empty(0, "<i4")]).tobytes())


def read(conn: sqlite3.Connection, table: str, spatial, cell_ids: np.ndarray) -> CellFeatures:
    """The features ``table``'s cells stand for. ``cell_ids``: the cells' ids as drawn; packs
    without :data:`TABLE` have the cells worked out again from them."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone()
    row = conn.execute(f"SELECT columns, cells, features, codes FROM {TABLE} WHERE table_name = ?",
                       (table,)).fetchone() if found else None
    if row is None:
        return CellFeatures.of(_worked_out(conn, table, spatial, np.asarray(cell_ids, dtype=np.int64)))
    return decoded(*row)


def decoded(columns: str, cells: bytes, features: bytes, codes: bytes) -> CellFeatures:
    """The :class:`CellFeatures` of what :func:`encoded` gave."""
    columns = json.loads(columns)
    cell_ids = np.frombuffer(cells, "<i8").astype(np.int64)
    codes = np.frombuffer(codes, "<i4").reshape(len(columns), len(cell_ids))
    return CellFeatures(cell_ids, np.frombuffer(features, "<i8").astype(np.int64),
                        {name: (_objects(values), code) for (name, values), code in zip(columns, codes)})


class CellFeatures:
    """What a layer's status cells stand for, as stored: rows of a cell, a number of features
    and, per status column, a code into that column's distinct values. A page counts every cell
    it shows (a million plots' cells hold ~170,000 rows) on the codes, never on object columns."""

    def __init__(self, cells: np.ndarray, counts: np.ndarray, columns: dict[str, tuple[np.ndarray, np.ndarray]]):
        self.cells, self.counts = cells, counts
        #: ``{status column: (its distinct values, each row's index into them)}``
        self.columns = columns

    @classmethod
    def of(cls, stood: pd.DataFrame) -> CellFeatures:
        """The rows of :func:`stood_for`'s frame."""
        import pandas as pd

        columns = {}
        for name in stood.columns.drop(["cell", "count"]):
            code, distinct = pd.factorize(stood[name], use_na_sentinel=False)
            columns[name] = (_objects([None if pd.isna(v) else v for v in distinct.tolist()]), code)
        return cls(stood["cell"].to_numpy(np.int64), stood["count"].to_numpy(np.int64), columns)

    @property
    def features(self) -> int:
        """How many features the cells stand for."""
        return int(self.counts.sum())

    def frame(self, rows=slice(None)) -> pd.DataFrame:
        """:func:`stood_for`'s frame (of ``rows``, positions): columns ``cell``, the status
        columns and ``count``."""
        import pandas as pd

        out = pd.DataFrame({"cell": self.cells[rows]})
        for name, (values, codes) in self.columns.items():
            out[name] = values[codes[rows]]
        out["count"] = self.counts[rows]
        return out

    def combinations(self, cell_ids) -> tuple[pd.DataFrame, pd.Series]:
        """The status values the cells ``cell_ids`` stand for: ``(combinations, project ids)``,
        each combination of the columns' values once, with its features counted over those
        cells (column ``count``), and its project id as ``Layer.project_ids`` reads it."""
        import pandas as pd

        rows = np.flatnonzero(np.isin(self.cells, cell_ids))
        key = np.zeros(len(rows), dtype=np.int64)
        for values, codes in self.columns.values():  # one integer per combination of codes
            if len(values) and int(key.max(initial=0)) >= 2 ** 62 // len(values):  # renumbered first
                key = np.unique(key, return_inverse=True)[1].astype(np.int64)
            key = key * len(values) + codes[rows]
        distinct, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        kept = rows[first]
        combinations = self.frame(kept).drop(columns="cell")
        combinations["count"] = np.bincount(inverse, weights=self.counts[rows], minlength=len(distinct)).astype(np.int64)
        if "project_id" not in self.columns:
            return combinations, pd.Series([None] * len(kept), dtype=object)
        return combinations, pd.Series(self._project_ids[self.columns["project_id"][1][kept]], dtype=object)

    def linked_project_ids(self) -> set[str]:
        """The ids of the projects the features link to."""
        return {pid for pid in self._project_ids if pid is not None}

    @cached_property
    def _project_ids(self) -> np.ndarray:
        """The project id column's distinct values as ``Layer.project_ids`` reads them."""
        from parksgis.model.layer import normalised_ids

        if "project_id" not in self.columns:
            return np.empty(0, dtype=object)
        values = self.columns["project_id"][0]
        return normalised_ids(values, values.dtype.kind == "f")


def _objects(values) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _worked_out(conn, table: str, spatial, cell_ids: np.ndarray) -> pd.DataFrame:
    """:func:`stood_for` of a pack built before :data:`TABLE`: each cell's id is that of its
    lowest-id feature drawn as a cell (the build chose one feature per cell)."""
    cells, present = assign_cells(conn, table, spatial)
    drawn = cells[cells["fid"].isin(cell_ids)]
    representatives = drawn.groupby(["cx", "cy"]).fid.min().rename("cell").reset_index()
    return stood_for(cells, present, representatives)
