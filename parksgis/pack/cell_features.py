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

import numpy as np
import pandas as pd

from parksgis.pack.format import columns as table_columns
from parksgis.pack.format import quote
from parksgis.store.feature_status import status_columns

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
    present = [c for c in stood.columns if c not in ("cell", "count")]
    columns, codes = [], []
    for column in present:
        code, distinct = pd.factorize(stood[column], use_na_sentinel=False)
        columns.append([column, [None if pd.isna(v) else v for v in distinct.tolist()]])
        codes.append(code.astype("<i4"))
    conn.execute(f"INSERT INTO {TABLE} (table_name, columns, cells, features, codes) VALUES (?, ?, ?, ?, ?)",
                 (table, json.dumps(columns, ensure_ascii=False, default=str),
                  stood["cell"].to_numpy("<i8").tobytes(), stood["count"].to_numpy("<i8").tobytes(),
                  np.concatenate(codes or [np.empty(0, "<i4")]).tobytes()))


def read(conn: sqlite3.Connection, table: str, spatial, cell_ids: np.ndarray) -> pd.DataFrame:
    """The features ``table``'s cells stand for: :func:`stood_for`'s frame. ``cell_ids``: the
    cells' ids as drawn; packs without :data:`TABLE` have the cells worked out again from them."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone()
    row = conn.execute(f"SELECT columns, cells, features, codes FROM {TABLE} WHERE table_name = ?",
                       (table,)).fetchone() if found else None
    if row is None:
        return _worked_out(conn, table, spatial, np.asarray(cell_ids, dtype=np.int64))
    columns = json.loads(row[0])
    cells, counts = np.frombuffer(row[1], "<i8"), np.frombuffer(row[2], "<i8")
    codes = np.frombuffer(row[3], "<i4").reshape(len(columns), len(cells))
    out = pd.DataFrame({"cell": cells.astype(np.int64)})
    for (name, values), code in zip(columns, codes):
        out[name] = np.array(values, dtype=object)[code] if values else np.full(len(cells), None, dtype=object)
    out["count"] = counts.astype(np.int64)
    return out


def _worked_out(conn, table: str, spatial, cell_ids: np.ndarray) -> pd.DataFrame:
    """:func:`stood_for` of a pack built before :data:`TABLE`: each cell's id is that of its
    lowest-id feature drawn as a cell (the build chose one feature per cell)."""
    cells, present = assign_cells(conn, table, spatial)
    drawn = cells[cells["fid"].isin(cell_ids)]
    representatives = drawn.groupby(["cx", "cy"]).fid.min().rename("cell").reset_index()
    return stood_for(cells, present, representatives)
