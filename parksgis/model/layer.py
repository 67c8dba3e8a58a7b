"""A map layer: features in WGS84 plus how they are shown (visibility, opacity, style)."""

from __future__ import annotations

import weakref
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from parksgis.model.events import Signal

if TYPE_CHECKING:  # geopandas is heavy; the model only holds the frame
    import geopandas

    from parksgis.model.feature_columns import FeatureColumns


class LayerKind(str, Enum):
    """What a layer holds; decides its default style and its row in the layer tree."""

    BOUNDARY = "boundary"
    PLOTS = "plots"
    ROADS = "roads"
    UTILITIES = "utilities"          # point facilities: plants, substations
    UTILITY_LINES = "utility_lines"  # power lines, water mains
    BERTHS = "berths"
    BASEMAP = "basemap"
    OTHER = "other"

    @classmethod
    def from_name(cls, name: str) -> "LayerKind":
        """Kind from a file stem such as ``plots`` or ``roads``; unknown stems are OTHER."""
        try:
            return cls(name.lower())
        except ValueError:
            return cls.OTHER


STYLES = ("status", "category", "single")


class Layer:
    """One layer. ``frame`` is a GeoDataFrame in EPSG:4326 (a page's from a database: its
    :class:`~parksgis.model.feature_columns.FeatureColumns`); ``project_id`` links rows to projects.

    Setting ``visible``, ``opacity`` or ``style`` validates, stores and emits the matching signal,
    so every view of the layer follows the model.
    """

    def __init__(self, name: str, frame: "geopandas.GeoDataFrame", kind: LayerKind = LayerKind.OTHER,
                 park_id: str | None = None, source: Path | str | None = None, report=None,
                 title_zh: str = "", title_en: str = "", project_ids=None):
        self.name = name
        self._frame = frame
        # derived from frame (see project_ids), unless the caller has them worked out already
        self._project_ids = project_ids
        self._project_codes = None  # see project_id_codes
        self._source_links = None  # linked_project_ids of a viewport-driven layer
        self.kind = LayerKind(kind)
        self.park_id = park_id
        self.source = Path(source) if source is not None else None
        self.report = report
        #: a viewport-driven layer's source (model.view_source.LayerView): ``frame`` then holds
        #: only the features of the view last read; None: ``frame`` holds every feature
        self.view = None
        #: a layer drawn from status cells (a page of a big pack): the features each cell stands
        #: for, counted by their status columns' values (``pack.cell_features.CellFeatures``),
        #: so its projects are counted as its features'
        self.cell_features = None
        #: the vertices of the frame's shapes, row by row, as a level-of-detail band gave them
        #: (``pack.band_layout.Vertices``): the renderer draws them without taking the shapes
        #: apart again; None: it takes the frame's shapes apart. Forgotten when the data changes.
        self.frame_vertices = None
        self.title_zh = title_zh or name
        self.title_en = title_en or name
        self._visible = True
        self._opacity = 1.0
        self._style = "single" if self.kind in (LayerKind.BASEMAP, LayerKind.BOUNDARY) else "status"
        self.visible_changed = Signal()
        self.opacity_changed = Signal()
        self.style_changed = Signal()
        self.data_changed = Signal()
        # through a weak reference: a layer connected to its own signal would be a reference
        # cycle, and a layer and its frame (a view's shapes, made for each read) would live on
        # until a cyclic collection found them instead of going when nothing refers to them
        self.data_changed.connect(_forgetting(weakref.ref(self)))

    def __repr__(self) -> str:
        return f"Layer({self.key!r}, {self.feature_count} features)"

    @property
    def feature_count(self) -> int:
        """Features in the layer: in its source for a viewport-driven layer, else in the frame."""
        return self.view.feature_count if self.view is not None else len(self._frame)

    @property
    def key(self) -> str:
        """Unique within a workspace: ``park/name`` or the bare name for shared layers."""
        return f"{self.park_id}/{self.name}" if self.park_id else self.name

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        value = bool(value)
        if value != self._visible:
            self._visible = value
            self.visible_changed.emit(value)

    @property
    def opacity(self) -> float:
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"opacity must be between 0.0 and 1.0; got {value}")
        if value != self._opacity:
            self._opacity = float(value)
            self.opacity_changed.emit(self._opacity)

    @property
    def style(self) -> str:
        return self._style

    @style.setter
    def style(self, value: str) -> None:
        if value not in STYLES:
            raise ValueError(f"style must be one of {', '.join(STYLES)}; got {value!r}")
        if value != self._style:
            self._style = value
            self.style_changed.emit(value)

    @property
    def frame(self) -> "geopandas.GeoDataFrame":
        return self._frame

    @frame.setter
    def frame(self, frame: "geopandas.GeoDataFrame") -> None:
        self._frame = frame
        self.data_changed.emit()

    def _forget_derived(self, *_) -> None:
        self._project_ids = None
        self._project_codes = None
        self.frame_vertices = None

    @property
    def project_ids(self):
        """The ``project_id`` column as an object Series of str/None (all None when absent); read-only.
        (A :class:`~parksgis.model.feature_columns.Column` for a frame held as columns: a page's.)

        Ids are compared as text, trimmed; empty text and nulls are context features (None).
        Computed once per frame: a click's identify reads one id, and rebuilding the column for it
        cost ~100 ms at 100k features. Emit ``data_changed`` after editing the frame in place.
        """
        if self._project_ids is None:
            self._project_ids = self._read_project_ids()
        return self._project_ids

    @property
    def project_id_codes(self):
        """``(codes, ids)``: :attr:`project_ids` as positions into ``ids`` (an object array of
        ids, -1 where a feature links no project), so a lookup by project is made once per id
        (a view of 40,000 plots links ~4,000 projects). Computed once per frame."""
        ids = self.project_ids  # a text column leaves its codes on the way
        if self._project_codes is None:
            from parksgis.model.feature_columns import factorize

            self._project_codes = factorize(ids.to_numpy(dtype=object))
        return self._project_codes

    def _read_project_ids(self):
        import numpy as np

        from parksgis.model.feature_columns import FeatureColumns, factorize

        frame = self.frame
        columnar = isinstance(frame, FeatureColumns)
        if "project_id" not in frame.columns:
            return self._id_column(np.full(len(frame), None, dtype=object))
        column = frame["project_id"]
        if frame._dtypes.get("project_id") == "str" if columnar else _is_text(column):
            # text (a pack's view): each distinct value trimmed once, its positions kept for
            # project_id_codes (the same id spelled with spaces around may appear twice there)
            # factorized as the object array it holds: a third of the time of the column's own
            # factorize (pandas 3's python-backed "str": 8 against 25 ms at 100,000 rows)
            codes, uniques = factorize(column.to_numpy(dtype=object))
            ids = np.empty(len(uniques) + 1, dtype=object)  # the sentinel -1 picks the trailing None
            ids[:-1] = [v.strip() or None for v in uniques.tolist()]
            linked = ids[codes]
            self._project_codes = (np.where(linked == None, -1, codes), ids[:-1])  # noqa: E711
            return self._id_column(linked)
        return self._id_column(normalised_ids(column.to_numpy(dtype=object), column.dtype.kind == "f"))

    def _id_column(self, ids):
        """Ids (an object array, one per feature) as :attr:`project_ids` gives them."""
        from parksgis.model.feature_columns import Column, FeatureColumns

        if isinstance(self.frame, FeatureColumns):
            return Column(ids, "project_id", index=self.frame.index)
        import pandas as pd

        return pd.Series(ids, index=self.frame.index, dtype=object)

    def linked_project_ids(self) -> set[str]:
        """The ids of the projects the layer's features link to: of every feature in the source
        for a viewport-driven layer (asked of it once: a layer's table never changes), of every
        feature its cells stand for for one drawn from status cells."""
        if self.cell_features is not None:
            return self.cell_features.linked_project_ids()
        if self.view is None:
            # from the distinct ids (project_id_codes, kept for the styles): a set of the column's
            # 100,000 ids took ~40 ms of a page of 100k plots, of ~10,000 distinct ones ~1 ms
            return {pid for pid in self.project_id_codes[1].tolist() if pid is not None}
        if self._source_links is None:
            counts = self.view.source.value_counts(self.view.table, ["project_id"])
            self._source_links = set(normalised_project_ids(counts["project_id"].astype(object)).dropna()) \
                if "project_id" in counts.columns else set()
        return self._source_links

    def feature_name(self, row: int, lang: str = "zh") -> str:
        """A display name for feature ``row`` (positional): name_zh/name_en/name, else its index."""
        cols = ("name_zh", "name", "name_en") if lang == "zh" else ("name_en", "name", "name_zh")
        for col in cols:
            if col in self.frame.columns:
                value = self.frame[col].iloc[row]
                if isinstance(value, str) and value:
                    return value
        return f"#{row}"


def _forgetting(layer_ref):
    """A slot that forgets the derived data of the layer ``layer_ref`` refers to, if it lives."""

    def forget(*_) -> None:
        layer = layer_ref()
        if layer is not None:
            layer._forget_derived()

    return forget


def normalised_project_ids(col):
    """A ``project_id`` column as an object Series of trimmed text, None where empty or null."""
    import pandas as pd

    return pd.Series(normalised_ids(col.to_numpy(dtype=object), col.dtype.kind == "f"), index=col.index, dtype=object)


def normalised_ids(values, floats: bool):
    """Project ids ``values`` (an object array; ``floats``: of a float column) as trimmed text,
    None where empty or missing; a float column of whole numbers names projects by the numbers
    (101.0, an int column with gaps, names project "101")."""
    import numpy as np

    from parksgis.model.feature_columns import missing

    present = ~missing(values)
    kept = values[present].tolist()
    if floats and all(v % 1 == 0 for v in kept):
        kept = [int(v) for v in kept]
    # a plain loop over Python strings: three times faster than the .str accessor of a
    # pandas string column (a frame of a view is swapped in at every zoom)
    text = np.array([str(v).strip() for v in kept], dtype=object)
    keep = text != ""
    # object dtype so missing ids stay None (a pandas string column would turn them into NaN)
    out = np.full(len(values), None, dtype=object)
    out[present.nonzero()[0][keep]] = text[keep]
    return out


def _is_text(column) -> bool:
    import pandas as pd

    return isinstance(column.dtype, pd.StringDtype)
