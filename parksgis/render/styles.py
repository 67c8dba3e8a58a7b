"""How features look: a style group per (status, class/kind) for each layer kind.

Features are put into groups with vectorised numpy operations; the renderer builds one set of
tiled paths per group and draws each group with one pen and one brush.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from parksgis.model.feature_columns import factorize, missing
from parksgis.model.layer import Layer, LayerKind
from parksgis.model.lazy_projects import LazyProjects, project_names, project_statuses
from parksgis.model.status import StatusScheme
from parksgis.store.feature_status import looked_up

if TYPE_CHECKING:  # a page of a database draws without pandas (model.feature_columns)
    import pandas as pd

NO_STATUS = ""  # status code of features that link to no project

#: Okabe–Ito-friendly palette for the "category" style
CATEGORY_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                   "#999999"]
SINGLE_COLORS = {LayerKind.PLOTS: "#c9b79c", LayerKind.ROADS: "#7f7f7f", LayerKind.UTILITIES: "#3b7dd8",
                 LayerKind.UTILITY_LINES: "#3b7dd8", LayerKind.BERTHS: "#4a6fa5",
                 LayerKind.BOUNDARY: "#b2182b", LayerKind.BASEMAP: "#eeebe4", LayerKind.OTHER: "#8c8c8c"}
BASEMAP_WATER = "#cfe3f0"
BASEMAP_LINE = "#b5b0a8"

CLASS_COLUMNS = ("road_class", "class", "grade", "level", "highway")
KIND_COLUMNS = ("kind", "utility", "type", "subtype", "category", "class")
SYMBOLS = ("circle", "square", "triangle", "diamond")
DASHES = ((6.0, 3.0), (2.0, 2.0), (8.0, 3.0, 2.0, 3.0), (4.0, 2.0, 1.0, 2.0, 1.0, 2.0))

# Road width (px at 96 dpi) by class; matched on a substring of the class value.
ROAD_WIDTHS = (("trunk", 4.0), ("express", 4.0), ("主干", 3.5), ("arterial", 3.5), ("main", 3.5),
               ("primary", 3.5), ("次干", 2.5), ("secondary", 2.5), ("collector", 2.5),
               ("支", 1.6), ("branch", 1.6), ("local", 1.6), ("minor", 1.6), ("service", 1.2))
DEFAULT_ROAD_WIDTH = 2.2
# Utility symbols and line dashes by kind, matched on substrings (English or Chinese).
KIND_SYMBOLS = (("sew", "square"), ("污水", "square"), ("water", "circle"), ("水", "circle"),
                ("power", "triangle"), ("substation", "triangle"), ("电", "triangle"),
                ("gas", "diamond"), ("气", "diamond"))
KIND_DASHES = (("power", 0), ("电", 0), ("water", 1), ("给水", 1), ("sew", 2), ("污水", 2),
               ("drain", 2), ("gas", 3), ("气", 3))
WATER_WORDS = ("water", "sea", "river", "lake", "水", "海", "河", "湖")


@dataclass(frozen=True)
class GroupStyle:
    """How one group of features is drawn. Widths are in pixels at 96 dpi (cosmetic pens)."""

    status: str | None  # status code, NO_STATUS for unlinked features, None when not status-styled
    fill: str | None = None
    stroke: str | None = None
    width_px: float = 1.0
    dash: tuple[float, ...] | None = None
    symbol: str | None = None
    size_px: float = 8.0


def darker(hex_color: str, factor: float = 0.7) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


class ProjectIndex:
    """Lookups by project id, built once per set of projects and shared by every layer."""

    def __init__(self, projects: dict):
        self.projects = projects
        self._names: dict[str, dict] = {}

    @cached_property
    def status(self) -> dict:
        return project_statuses(self.projects)

    @cached_property
    def category(self) -> dict:
        return {pid: p.category for pid, p in self.projects.items()}

    def name(self, lang: str) -> dict:
        if lang not in self._names:
            self._names[lang] = project_names(self.projects, lang)
        return self._names[lang]

    def names_of(self, lang: str, ids) -> list:
        """The names in ``lang`` of the projects ``ids`` (None where unknown): from :meth:`name`
        once that is made (a pack's projects make it from a column, without their rows), else
        each made alone (a page labels a few hundred features of 10,000 projects: making every
        name took ~20 ms of it)."""
        table = self._names.get(lang)
        if table is None and isinstance(self.projects, LazyProjects):
            table = self.name(lang)
        if table is not None:
            return [table.get(pid) for pid in ids]
        projects = self.projects
        return [projects[pid].name(lang) if pid in projects else None for pid in ids]

    def updated(self, projects: dict, changed) -> "ProjectIndex":
        """The index of ``projects``, which differ from this index's only in the ``changed`` ids:
        the lookups built so far are copied and patched, not rebuilt (an edit touches a few of
        10,000 projects). A pack's projects whose rows are not read yet are indexed anew from
        the columns they have (as fast, and without waiting for the rows)."""
        index = ProjectIndex(projects)
        if isinstance(projects, LazyProjects) and not projects.loaded:
            return index
        for attribute, value in (("status", lambda p: p.status), ("category", lambda p: p.category)):
            if attribute in self.__dict__:
                index.__dict__[attribute] = _patched(self.__dict__[attribute], projects, changed, value)
        for lang, names in self._names.items():
            index._names[lang] = _patched(names, projects, changed, lambda p, lang=lang: p.name(lang))
        return index


def _patched(lookup: dict, projects: dict, changed, value) -> dict:
    lookup = dict(lookup)
    for pid in changed:
        if pid in projects:
            lookup[pid] = value(projects[pid])
        else:
            lookup.pop(pid, None)
    return lookup


def feature_statuses(layer: Layer, index: ProjectIndex, scheme: StatusScheme) -> np.ndarray:
    """Status code per feature (positional): its project's, else its own status column
    (``store.feature_status``); NO_STATUS where neither says."""
    codes, values = feature_status_codes(layer, index, scheme)
    return values[codes]


def feature_status_codes(layer: Layer, index: ProjectIndex, scheme: StatusScheme
                         ) -> tuple[np.ndarray, np.ndarray]:
    """:func:`feature_statuses` as ``(codes, values)``: feature ``i``'s status is
    ``values[codes[i]]``, each status once in ``values`` (``store.feature_status``)."""
    from parksgis.store.feature_status import feature_status_codes as codes_of

    codes, values = codes_of(layer, index.status, scheme)
    values[values == None] = NO_STATUS  # noqa: E711 - elementwise, on the few distinct statuses
    return codes, values


def first_column(frame, names) -> pd.Series | None:
    for name in names:
        if name in frame.columns:
            return frame[name].fillna("").astype(str).reset_index(drop=True)
    return None


def _match(value: str, table, default):
    low = value.lower()
    for needle, result in table:
        if needle in low:
            return result
    return default


def _status_color(scheme: StatusScheme, status: str) -> str:
    return scheme.color(status) if status else scheme.NO_PROJECT_COLOR


def classify(layer: Layer, rows: np.ndarray, dim: str, statuses: np.ndarray, project_ids: pd.Series,
             index: ProjectIndex, scheme: StatusScheme, status_codes=None) -> tuple[np.ndarray, list[GroupStyle]]:
    """Group id for each feature row in ``rows`` and the style of each group.

    ``dim`` is "area", "line" or "point". Group ids index the returned list; the order of the list
    is the drawing order (deterministic: sorted by style key). ``statuses`` and ``project_ids``
    hold every feature of the layer (positional); ``status_codes``, if given, is ``statuses``
    as :func:`feature_status_codes` gives them (features are grouped by those integers).
    """
    n = len(rows)
    statuses = statuses[rows] if status_codes is None else _Coded(status_codes[0][rows], status_codes[1])
    frame = layer.frame
    kind = layer.kind
    style_mode = layer.style
    if kind in (LayerKind.BASEMAP, LayerKind.BOUNDARY):
        style_mode = "single" if style_mode == "status" else style_mode

    if style_mode == "category":
        values = _category_texts(project_ids.iloc[rows], index)
        # a viewport-driven layer deals its colours over every category of the layer, not of
        # the features in the view: a plot keeps its colour wherever the map goes
        uniques = sorted(set(values) | _layer_categories(layer, index)
                         if layer.view is not None else set(values))
        colors = {c: (CATEGORY_COLORS[i % len(CATEGORY_COLORS)] if c else StatusScheme.NO_PROJECT_COLOR)
                  for i, c in enumerate(uniques)}
        keys = [np.asarray(values, dtype=object)]
        make = lambda key: _style_for(kind, dim, colors[key[0]], None, "")  # noqa: E731
    elif style_mode == "single":
        classes = first_column(frame, KIND_COLUMNS)
        values = classes.to_numpy(dtype=object)[rows] if classes is not None else np.full(n, "", object)
        keys = [values if kind == LayerKind.BASEMAP else np.full(n, "", dtype=object)]
        make = lambda key: _single_style(kind, dim, key[0])  # noqa: E731
    else:
        column = CLASS_COLUMNS if kind == LayerKind.ROADS else KIND_COLUMNS
        classes = first_column(frame, column)
        values = classes.to_numpy(dtype=object)[rows] if classes is not None else \
            _Coded(np.zeros(n, dtype=np.int64), np.array([""], dtype=object))
        keys = [statuses, values]
        make = lambda key: _style_for(kind, dim, _status_color(scheme, key[0]), key[0], key[1])  # noqa: E731

    if n == 0:
        return np.empty(0, dtype=np.int64), []
    codes, uniques = _grouped(keys)
    return codes, [make(key) for key in uniques]


class _Coded:
    """A key column given as integer ``codes`` into its distinct ``values`` (not factorized again)."""

    def __init__(self, codes: np.ndarray, values: np.ndarray):
        self.codes, self.values = codes, values

    def __len__(self) -> int:
        return len(self.codes)

    def sorted(self) -> tuple[np.ndarray, list]:
        """``(codes, values)`` with ``values`` sorted, as ``pd.factorize(..., sort=True)`` gives."""
        order = sorted(range(len(self.values)), key=lambda i: self.values[i])
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return rank[self.codes], [self.values[i] for i in order]


def _grouped(columns: list) -> tuple[np.ndarray, list[tuple]]:
    """Group id of each row by its values in ``columns`` (text, or :class:`_Coded`) and the
    distinct tuples of values, sorted: what factorizing the rows' tuples with ``sort=True``
    gives, without a tuple per row (a view of 38,000 plots is styled at every zoom)."""
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    distinct = []
    for column in columns:
        if isinstance(column, _Coded):
            codes, values = column.sorted()
        else:
            codes, values = _Coded(*factorize(np.asarray(column, dtype=object))).sorted()
        combined = combined * len(values) + codes
        distinct.append(values)
    present, inverse = np.unique(combined, return_inverse=True)
    keys = []
    for number in present.tolist():
        key = []
        for values in reversed(distinct):
            number, code = divmod(number, len(values))
            key.append(values[code])
        keys.append(tuple(reversed(key)))
    return inverse.reshape(-1).astype(np.int64), keys


def _category_texts(project_ids: pd.Series, index: ProjectIndex) -> np.ndarray:
    """The category of each feature's project ("" for none), as text."""
    categories = looked_up(project_ids, index.category)
    categories[missing(categories)] = ""
    categories[:] = [str(c) for c in categories.tolist()]
    return categories


def _layer_categories(layer: Layer, index: ProjectIndex) -> set[str]:
    """Every category among the features of a viewport-driven ``layer`` ("" for none)."""
    linked = sorted(layer.linked_project_ids())
    return set(_category_texts(np.array(linked + [None], dtype=object), index))


def _style_for(kind: LayerKind, dim: str, color: str, status: str | None, cls: str) -> GroupStyle:
    if dim == "point":
        return GroupStyle(status, fill=color, stroke="#333333", width_px=0.8,
                          symbol=_match(cls, KIND_SYMBOLS, "circle"),
                          size_px=10.0 if kind == LayerKind.UTILITIES else 7.0)
    if dim == "line":
        if kind == LayerKind.ROADS:
            return GroupStyle(status, stroke=color, width_px=_match(cls, ROAD_WIDTHS, DEFAULT_ROAD_WIDTH))
        if kind == LayerKind.UTILITY_LINES:
            return GroupStyle(status, stroke=color, width_px=1.8, dash=DASHES[_match(cls, KIND_DASHES, 0)])
        if kind == LayerKind.BERTHS:
            return GroupStyle(status, stroke=color, width_px=5.0)
        return GroupStyle(status, stroke=color, width_px=1.5)
    # areas: filled, outlined a shade darker (cosmetic 1 px)
    return GroupStyle(status, fill=color, stroke=darker(color), width_px=0.0)


def _single_style(kind: LayerKind, dim: str, cls: str) -> GroupStyle:
    color = SINGLE_COLORS.get(kind, SINGLE_COLORS[LayerKind.OTHER])
    if kind == LayerKind.BOUNDARY:
        return GroupStyle(None, stroke=color, width_px=2.0, dash=(6.0, 3.0)) if dim != "point" else \
            GroupStyle(None, fill=color, symbol="circle")
    if kind == LayerKind.BASEMAP:
        water = _match(cls, tuple((w, True) for w in WATER_WORDS), False)
        if dim == "area":
            return GroupStyle(None, fill=BASEMAP_WATER if water else color,
                              stroke=darker(BASEMAP_WATER if water else color, 0.92), width_px=0.0)
        if dim == "line":
            return GroupStyle(None, stroke="#9cc3dc" if water else BASEMAP_LINE, width_px=1.0)
        return GroupStyle(None, fill=BASEMAP_LINE, stroke=None, symbol="circle", size_px=4.0)
    return _style_for(kind, dim, color, None, cls)
