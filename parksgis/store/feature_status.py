"""Each feature's status: its linked project's, else the status the feature carries itself.

Data from outside the parks office often has no project link but a status column of its own
(``状态 = 在建``, ``status = completed``, ``进度 = 已竣工``). Such features are styled, counted and
filtered by that status, read with the same words as the register import (``store.columns``),
instead of all drawing grey as "no project". A feature linked to a project always follows the
register: the register is the authority, the column only fills in where there is no link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from parksgis.model.feature_columns import factorize, missing
from parksgis.model.status import StatusScheme
from parksgis.store.columns import header_field, status_code

if TYPE_CHECKING:  # a page of a database draws without pandas (model.feature_columns)
    import pandas as pd

#: Headers that hold a status word only sometimes (``进度`` is usually a percentage): used when
#: most of their values are status words.
_MAYBE_STATUS_FIELDS = ("progress_pct",)


def own_status_column(frame: pd.DataFrame, scheme: StatusScheme) -> np.ndarray | None:
    """Status code per row (None where not a status word) from the frame's own status column.

    The first column headed like a status (状态, 项目状态, status, ...) is used; failing that a
    progress column (进度) whose values are mostly status words. None when there is neither.
    """
    found = own_status_source(frame, scheme)
    return None if found is None else found[1]


def own_status_source(frame: pd.DataFrame, scheme: StatusScheme, rows: np.ndarray | None = None
                      ) -> tuple[str, np.ndarray] | None:
    """``(column name, status code per row)`` of the column :func:`own_status_column` reads;
    with ``rows`` (positions), the codes of those rows only (which column is read is decided on
    every row all the same)."""
    for column, needs_words in _candidates(frame.columns, getattr(frame, "_geometry_column_name", None)):
        values = frame[column]
        if not needs_words:  # a status column: read whatever it holds
            return column, _codes(values if rows is None else values.iloc[rows], scheme)
        codes = _codes(values, scheme)
        present = values.notna().to_numpy()
        if present.any() and (codes[present] != None).mean() > 0.5:  # noqa: E711
            return column, codes if rows is None else codes[rows]
    return None


def own_status_values(columns, distinct, scheme: StatusScheme) -> tuple[str, dict[str, list]] | None:
    """:func:`own_status_source` for a layer kept in its source: ``(column, {status code: the
    column's values that mean it})``. ``distinct(column)`` gives the column's distinct values
    (column ``column``, nulls included) and how many features have each (column ``count``)."""
    for column, needs_words in _candidates(columns):
        found = distinct(column)
        values, counts = found[column].astype(object), found["count"].to_numpy()
        codes = _codes(values, scheme)
        present = values.notna().to_numpy()
        worded = counts[present & (codes != None)].sum()  # noqa: E711 - elementwise
        if not needs_words or (present.any() and worded / counts[present].sum() > 0.5):
            by_code: dict[str, list] = {}
            for value, code in zip(values, codes):
                if code is not None:
                    by_code.setdefault(code, []).append(value)
            return column, by_code
    return None


def _candidates(columns, geometry=None) -> list[tuple[str, bool]]:
    """``(column, needs status words)`` of the columns that may hold a status, best first."""
    candidates = []
    for column in columns:
        if column == geometry:
            continue
        field = header_field(column)
        if field is not None and field[0] == "status":
            candidates.insert(0, (column, False))
        elif field is not None and field[0] in _MAYBE_STATUS_FIELDS:
            candidates.append((column, True))
    return candidates


def status_columns(columns) -> list[str]:
    """The columns a feature's status is read from: the project link and any status column."""
    return ["project_id", *[c for c, _ in _candidates(columns)]]


def _codes(values: pd.Series, scheme: StatusScheme) -> np.ndarray:
    """Codes of a column, looked up once per distinct value (a million rows hold a handful)."""
    ids, uniques = factorize(values.to_numpy(dtype=object))
    table = np.array([status_code(v, scheme) for v in uniques] + [None], dtype=object)
    return table[ids]  # the sentinel -1 picks the trailing None


def looked_up(ids: pd.Series, table: dict) -> np.ndarray:
    """``table[id]`` for each of ``ids`` (None where missing or unknown), as a new object array.

    ``Series.map(dict)`` turns the whole dict into an index first: 70 ms for a register of 100k
    projects on every call, whatever the number of ids. Here each distinct id is looked up once.
    """
    codes, uniques = factorize(ids)
    found = np.empty(len(uniques) + 1, dtype=object)  # the sentinel -1 picks the trailing None
    found[:-1] = [table.get(u) for u in uniques]
    return found[codes]


def linked_values(layer, table: dict) -> tuple[np.ndarray, np.ndarray]:
    """``(table[project id] per feature, None where unknown; whether a feature links no
    project)`` of ``layer`` (a :class:`~parksgis.model.layer.Layer`): each id looked up once."""
    codes, found = _per_project_id(layer, table)
    return found[codes], codes < 0


def _per_project_id(layer, table: dict) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, found)``: each feature's code into ``found``, ``table``'s value for each of the
    layer's distinct project ids, and None last (the code -1 of a feature that links none)."""
    codes, ids = layer.project_id_codes
    found = np.empty(len(ids) + 1, dtype=object)  # the sentinel -1 picks the trailing None
    found[:-1] = [table.get(i) for i in ids.tolist()]
    return codes, found


def feature_statuses(layer, project_status: dict, scheme: StatusScheme) -> np.ndarray:
    """Status code per feature (positional); None where neither a project nor the feature says.

    ``project_status`` maps project id -> status code (the register's, or an as-of snapshot).
    """
    codes, values = feature_status_codes(layer, project_status, scheme)
    return values[codes]


def feature_status_codes(layer, project_status: dict, scheme: StatusScheme) -> tuple[np.ndarray, np.ndarray]:
    """:func:`feature_statuses` as ``(codes, values)``: feature ``i``'s status is
    ``values[codes[i]]``, ``values`` holds each status (and None) once.

    Worked out per distinct project id and own status word, then one integer gather: the map
    groups its features by these codes without hashing a status text per feature (100,000
    plots link ~10,000 projects and hold a handful of statuses)."""
    ids_of, per_id = _per_project_id(layer, project_status)
    per_id[missing(per_id)] = None
    id_codes, found = factorize(per_id)  # None (no status): -1
    values = [*found.tolist(), None]
    codes = np.where(id_codes < 0, len(values) - 1, id_codes)[ids_of]
    unlinked = np.flatnonzero(ids_of < 0)
    if len(unlinked):  # the features' own statuses are read only where no project says
        own = own_status_source(layer.frame, scheme, unlinked)
        if own is not None:
            own_codes, own_found = factorize(own[1])
            codes[unlinked] = np.where(own_codes < 0, len(values) - 1, own_codes + len(values))
            values += own_found.tolist()
    distinct: dict = {}  # a status both a project and a feature's own column give: one code
    remap = np.array([distinct.setdefault(v, len(distinct)) for v in values], dtype=np.int64)
    return remap[codes], np.array(list(distinct), dtype=object)
