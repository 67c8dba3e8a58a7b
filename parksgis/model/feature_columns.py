"""A layer's features as numpy columns, for a page drawn without pandas.

``parksgis render URL`` spends ~0.3 s of CPU importing pandas and geopandas (of a ~1.5 s
process, 100k plots): more than all it does with them. A page from a database therefore holds
its layers' features as :class:`FeatureColumns` (numpy arrays: property columns typed as the
catalogue says, WGS84 shapes, feature ids) instead of a GeoDataFrame. It answers the read-only
part of a GeoDataFrame's interface that drawing a page uses (``len``, ``columns``, ``frame[name]``
as a :class:`Column`, ``index.to_numpy()``, ``geometry``, a Column too); anything else is asked of the
GeoDataFrame it stands for (:meth:`FeatureColumns.to_frame`, made once when first needed, which
imports pandas), so a caller that needs more still gets the same answer, only slower. The window
keeps its GeoDataFrames (it edits, sorts and searches them).

:func:`factorize` and :func:`missing` are what the page's code uses instead of pandas' own.
"""

from __future__ import annotations

import sys

import numpy as np


def factorize(values) -> tuple[np.ndarray, np.ndarray]:
    """``pandas.factorize(values, use_na_sentinel=True)``: each value's position in the distinct
    values (in order of first appearance, an object array), -1 where missing (None, NaN, NA).

    pandas' own when pandas is already loaded (the window, a folder's page: its hash table is
    ~2x faster at a million values); else a dict, not to import pandas for it (a page)."""
    if "pandas" in sys.modules:
        import pandas as pd

        codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
        return codes, np.asarray(uniques, dtype=object)
    return _factorized_by_dict(values)


def _factorized_by_dict(values) -> tuple[np.ndarray, np.ndarray]:
    listed = np.asarray(values, dtype=object).tolist()
    distinct = list(dict.fromkeys(listed))  # first appearances, in order (loops in C)
    position = {value: i for i, value in enumerate(distinct)}
    codes = np.fromiter(map(position.__getitem__, listed), dtype=np.intp, count=len(listed))
    uniques = np.empty(len(distinct), dtype=object)
    uniques[:] = distinct
    gone = missing(uniques)  # looked at once per distinct value (each NaN object is one)
    if gone.any():
        renumbered = np.full(len(distinct), -1, dtype=np.intp)
        renumbered[~gone] = np.arange(int((~gone).sum()))
        codes, uniques = renumbered[codes], uniques[~gone]
    return codes, uniques


def missing(values) -> np.ndarray:
    """Whether each of ``values`` is missing (None, NaN or pandas' NA), as ``pandas.isna``."""
    values = np.asarray(values, dtype=object)
    if "pandas" in sys.modules:  # pandas' NA may be among them, which only pandas compares
        import pandas as pd

        return np.asarray(pd.isna(values), dtype=bool)
    return _missing_without_na(values)


def _missing_without_na(values: np.ndarray) -> np.ndarray:
    return np.asarray((values == None) | (values != values), dtype=bool)  # noqa: E711 - NaN != NaN


def is_missing(value) -> bool:
    """Whether ``value`` is missing: None, NaN or pandas' NA (``pandas.isna`` of a scalar)."""
    # NA first: comparing it gives NA, whose truth pandas refuses; NaN is the value unequal to itself
    return value is None or type(value).__name__ == "NAType" or value != value


def typed(values: np.ndarray, dtype: str) -> np.ndarray:
    """An object column (None where missing) as ``Series.astype(dtype)`` gives its values: a
    number or bool dtype as a numpy array of it (floats with NaN for None); text as it is.
    What pandas cannot convert (an int column with nulls) stays as pandas leaves it: floats."""
    if dtype == "bool":
        return values.astype(bool)  # None is False, as pandas has it
    if dtype in ("int64", "float64", "int32", "float32"):
        try:
            if dtype.startswith("float"):
                return np.array([np.nan if v is None else v for v in values.tolist()], dtype=dtype)
            if not missing(values).any():
                return values.astype(dtype)
        except (TypeError, ValueError):
            pass
        try:  # pandas' infer_objects: an int column with gaps becomes floats
            return np.array([np.nan if v is None else v for v in values.tolist()], dtype="float64")
        except (TypeError, ValueError):
            return values
    return values


class FeatureColumns:
    """Features as columns: ``columns`` (name -> numpy array, in column order), ``geometry``
    (an object array of WGS84 shapely shapes, None where not read), ``ids`` (the frame's index:
    None for 0..n-1) and ``dtypes`` (name -> the pandas dtype :meth:`to_frame` gives it)."""

    _geometry_column_name = "geometry"

    def __init__(self, columns: dict[str, np.ndarray], geometry: np.ndarray, ids: np.ndarray | None = None,
                 index_name: str | None = None, dtypes: dict[str, str] | None = None):
        self._columns = columns
        self.columns = list(columns)
        self._geometry = geometry
        self.index = _Index(ids, index_name, len(geometry))
        self._dtypes = dtypes or {}
        self._frame = None

    def __len__(self) -> int:
        return len(self._geometry)

    @property
    def geometry(self) -> "Column":
        return Column(self._geometry, self._geometry_column_name, index=self.index, owner=self)

    def __getitem__(self, name: str) -> "Column":
        if name == self._geometry_column_name:
            return self.geometry
        return Column(self._columns[name], name, index=self.index, owner=self)

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "_frame":
            raise AttributeError(name)
        return getattr(self.to_frame(), name)

    def to_frame(self):
        """The GeoDataFrame these columns stand for (made once), as a whole read gives it."""
        if self._frame is None:
            import geopandas as gpd
            import pandas as pd
            from geopandas.array import from_shapely

            index = pd.RangeIndex(len(self)) if self.index.ids is None else pd.Index(self.index.ids, name=self.index.name)
            frame = pd.DataFrame({c: as_dtype(pd.Series(v.tolist() if v.dtype == object else v, index=index),
                                              self._dtypes.get(c)) for c, v in self._columns.items()},
                                 index=index, columns=self.columns)
            self._frame = gpd.GeoDataFrame(frame, geometry=from_shapely(self._geometry, crs="EPSG:4326"))
        return self._frame


def as_dtype(series, dtype: str | None):
    """``series`` as ``dtype`` (a catalogue's pandas dtype; None: as it is), or as pandas infers
    it where it cannot be (an int column with nulls written by hand: floats)."""
    if dtype is None:
        return series
    try:
        return series.astype(dtype)
    except (TypeError, ValueError):
        return series.infer_objects()


class Column:
    """One column of :class:`FeatureColumns`: the part of a pandas Series a page reads
    (positional only); anything else is asked of the Series it stands for: the frame's own
    column (a GeoSeries for the shapes) when ``owner`` (the FeatureColumns) is given, else a
    Series of ``values`` on the rows' ``index`` (a column worked out from the frame's)."""

    def __init__(self, values: np.ndarray, name: str | None = None, *, index: "_Index | None" = None,
                 owner: FeatureColumns | None = None):
        self.values = values
        self.name = name
        self.index = index if index is not None else _Index(None, None, len(values))
        self._owner = owner  # no cycle: a FeatureColumns holds no Column

    def _derived(self, values: np.ndarray) -> "Column":
        """A column of the same rows worked out from this one."""
        return Column(values, self.name, index=self.index)

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self):
        return iter(self.values.tolist())

    @property
    def dtype(self):
        return self.values.dtype

    @property
    def iloc(self) -> "_Positions":
        return _Positions(self)

    iat = iloc

    def to_numpy(self, dtype=None) -> np.ndarray:
        return self.values if dtype is None else self.values.astype(dtype)

    def tolist(self) -> list:
        return self.values.tolist()

    def notna(self) -> "Column":
        return self._derived(~missing(self.values))

    def isna(self) -> "Column":
        return self._derived(missing(self.values))

    def __invert__(self) -> "Column":
        return self._derived(~self.values)

    def __and__(self, other) -> "Column":
        return self._derived(self.values & np.asarray(other))

    def __or__(self, other) -> "Column":
        return self._derived(self.values | np.asarray(other))

    def __array__(self, dtype=None, copy=None):
        return self.values if dtype is None else self.values.astype(dtype)

    def sum(self):
        return self.values.sum()

    def all(self) -> bool:
        return bool(self.values.all())

    def any(self) -> bool:
        return bool(self.values.any())

    def fillna(self, value) -> "Column":
        values = self.values.astype(object)  # a copy
        values[missing(values)] = value
        return self._derived(values)

    def astype(self, dtype) -> "Column":
        if dtype is str:
            out = np.empty(len(self.values), dtype=object)
            out[:] = [str(v) for v in self.values.tolist()]
            return self._derived(out)
        return self._derived(self.values.astype(dtype))

    def reset_index(self, drop: bool = False) -> "Column":
        if not drop:
            return self._series().reset_index()
        return self

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._series(), name)

    def _series(self):
        if self._owner is not None:
            frame = self._owner.to_frame()
            return frame.geometry if self.name == self._owner._geometry_column_name else frame[self.name]
        import pandas as pd

        return pd.Series(self.values.tolist() if self.values.dtype == object else self.values,
                         index=self.index.to_pandas(), name=self.name)


class _Positions:
    def __init__(self, column: Column):
        self._column = column

    def __getitem__(self, rows):
        picked = self._column.values[rows]
        if np.ndim(picked) == 0:
            return picked
        return Column(picked, self._column.name, index=self._column.index.take(rows))


class _Index:
    def __init__(self, ids: np.ndarray | None, name: str | None, length: int):
        self.ids, self.name, self._length = ids, name, length

    def __len__(self) -> int:
        return self._length

    def to_numpy(self) -> np.ndarray:
        return np.arange(self._length) if self.ids is None else self.ids

    def take(self, rows) -> "_Index":
        """The index of the rows ``rows`` picks (positions, a slice or a mask)."""
        ids = self.to_numpy()[rows]
        return _Index(ids, self.name, len(ids))

    def to_pandas(self):
        import pandas as pd

        return pd.RangeIndex(self._length, name=self.name) if self.ids is None else pd.Index(self.ids, name=self.name)
