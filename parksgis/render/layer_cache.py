"""Per-layer caches of the renderer: projected geometry (rebuilt when data changes) and styled,
tiled paths (rebuilt when style, statuses or hidden statuses change)."""

from __future__ import annotations

from functools import cached_property

import numpy as np
import shapely

from parksgis.model.feature_columns import factorize, is_missing
from parksgis.model.layer import Layer
from parksgis.model.status import StatusScheme
from parksgis.render import fitted_projection
from parksgis.render.geometry import (FlatCoordinates, build_tiled_paths, flatten, project_geometries,
                                      tile_ids, transformer_to)
from parksgis.store.feature_status import linked_values
from parksgis.render.styles import (NO_STATUS, GroupStyle, ProjectIndex, classify, feature_status_codes,
                                    feature_statuses)

NAME_COLUMNS = {"zh": ("name_zh", "name", "name_en"), "en": ("name_en", "name", "name_zh")}


class LayerGeometry:
    """A layer's features in the display CRS, split by dimension, with their boxes.

    Only flat vertex arrays are projected up front (one pyproj call): drawing needs nothing else.
    Projected shapely geometries (``geoms``) are built on first use, and spatial queries scan
    the boxes, so opening a big layer costs no geometry rebuilding at all.
    """

    def __init__(self, layer: Layer, display_crs: str, vertices=None):
        """``vertices``: the frame's shapes' vertices as a band gave them
        (``pack.band_layout.Vertices``, one shape per row, none empty): not taken apart again;
        when the frame holds no geometries (a page's band), their ``shapes`` make those asked for."""
        self.display_crs = display_crs
        self.vertices = vertices  # the window keeps them with the frame (``Layer.frame_vertices``)
        self._shapes = vertices.shapes if vertices is not None else None
        if self._shapes is None:
            self.wgs84 = np.asarray(layer.frame.geometry.values, dtype=object)
        self.feature_count = n = len(layer.frame)
        if vertices is not None:
            present, dims = np.ones(n, dtype=bool), vertices.dim.astype(np.int64)
        else:
            present = ~(shapely.is_missing(self.wgs84) | shapely.is_empty(self.wgs84))
            dims = shapely.get_dimensions(self.wgs84)
        rows = np.arange(n)
        self.area_rows = rows[present & (dims == 2)]
        self.line_rows = rows[present & (dims == 1)]
        self.point_rows = rows[present & (dims == 0)]
        self.present = present
        self.dims = np.where(present, dims, -1)
        if vertices is not None:
            self.areas = self._projected(FlatCoordinates(*vertices.of_dimension(2)))
            self.lines = self._projected(FlatCoordinates(*vertices.of_dimension(1)))
        else:
            self.areas: FlatCoordinates = self._projected_flat(self.area_rows)
            self.lines: FlatCoordinates = self._projected_flat(self.line_rows)
        # points: a multipoint becomes several symbols of the same feature
        pts, owner = shapely.get_coordinates(self.wgs84_of(self.point_rows), return_index=True)
        self.point_xy = self.project_xy(pts)
        self.point_feature = self.point_rows[owner] if len(owner) else np.empty(0, np.int64)
        self.bounds = np.full((n, 4), np.nan)
        for flat in (self.areas, self.lines):
            _feature_bounds(flat.xy, flat.feature, self.bounds)
        _feature_bounds(self.point_xy, self.point_feature, self.bounds)
        tiles = np.zeros(n, dtype=np.int64)
        for subset in (self.area_rows, self.line_rows):
            tiles[subset] = tile_ids(self.bounds[subset], len(subset))
        self.tiles = tiles
        #: width and height of each feature's box (m), and the largest of them: label candidates
        self.width = np.nan_to_num(self.bounds[:, 2] - self.bounds[:, 0])
        self.height = np.nan_to_num(self.bounds[:, 3] - self.bounds[:, 1])
        self.largest = float(np.max(np.maximum(self.width, self.height))) if n else 0.0
        sizes = np.maximum(self.width[self.area_rows], self.height[self.area_rows])
        #: median width of the areas (m): when that is a few pixels, outlines are skipped
        self.typical_area_size = float(np.median(sizes)) if len(sizes) else 0.0
        lengths = np.maximum(self.width[self.line_rows], self.height[self.line_rows])
        #: median extent of the lines (m): when that is a few pixels, they are drawn as hairlines
        self.typical_line_size = float(np.median(lengths)) if len(lengths) else 0.0
        self._anchors = np.full((n, 2), np.nan)

    # -- projection -----------------------------------------------------------------------------
    def project_xy(self, xy: np.ndarray) -> np.ndarray:
        return fitted_projection.project_xy(transformer_to(self.display_crs), xy)

    def _projected_flat(self, rows: np.ndarray) -> FlatCoordinates:
        return self._projected(flatten(self.wgs84_of(rows), rows))

    def _projected(self, flat: FlatCoordinates) -> FlatCoordinates:
        flat.xy = self.project_xy(flat.xy)
        return flat

    @cached_property
    def wgs84(self) -> np.ndarray:
        """Every feature's WGS84 shape (the frame's: set in ``__init__``; a band's: made now)."""
        return self._shapes.shapes()

    def wgs84_of(self, rows: np.ndarray) -> np.ndarray:
        """The WGS84 shapes of ``rows``; of a band's, only those made (see ``__init__``)."""
        if "wgs84" in self.__dict__:
            return self.wgs84[rows]
        return self._shapes.shapes(rows) if len(rows) else np.empty(0, dtype=object)

    @cached_property
    def geoms(self) -> np.ndarray:
        """All features as shapely geometries in the display CRS (built on first use)."""
        return project_geometries(self.wgs84, self.display_crs) if self.feature_count else self.wgs84_of(np.arange(0))

    def projected(self, rows: np.ndarray) -> np.ndarray:
        """Display-CRS geometries of ``rows``, without projecting the whole layer for a few rows."""
        rows = np.asarray(rows, dtype=np.int64)
        if "geoms" in self.__dict__ or len(rows) > self.feature_count // 4:
            return self.geoms[rows]
        return project_geometries(self.wgs84_of(rows), self.display_crs) if len(rows) else self.wgs84_of(rows)

    # -- spatial queries ------------------------------------------------------------------------
    def query(self, shape, distance: float = 0.0) -> np.ndarray:
        """Rows whose geometry lies within ``distance`` metres of ``shape`` (display CRS), sorted.

        Candidates come from the features' display-CRS boxes (kept anyway for drawing and
        labels), not from a spatial tree: a scan of 100,000 boxes is a millisecond, and an
        STRtree of a layer held 8 MB and cost another 25 MB of the heap to build at 100k plots."""
        if self.feature_count == 0:
            return np.empty(0, dtype=np.int64)
        minx, miny, maxx, maxy = shapely.bounds(shape)
        b = self.bounds  # NaN (never matching) where a feature has no geometry
        rows = np.flatnonzero((b[:, 0] <= maxx + distance) & (b[:, 2] >= minx - distance)
                              & (b[:, 1] <= maxy + distance) & (b[:, 3] >= miny - distance))
        if len(rows) == 0:
            return rows
        exact = shapely.distance(self.projected(rows), shape) <= distance
        return rows[exact]

    def in_rect(self, minx: float, miny: float, maxx: float, maxy: float) -> np.ndarray:
        """Rows intersecting a display-CRS rectangle, sorted. Boxes inside it need no geometry
        test; only features straddling its edge are tested exactly."""
        b = self.bounds
        overlap = self.present & (b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny)
        inside = overlap & (b[:, 0] >= minx) & (b[:, 2] <= maxx) & (b[:, 1] >= miny) & (b[:, 3] <= maxy)
        edge = np.flatnonzero(overlap & ~inside)
        if len(edge):
            hit = shapely.intersects(self.projected(edge), shapely.box(minx, miny, maxx, maxy))
            inside[edge[hit]] = True
        return np.flatnonzero(inside)

    def anchors_of(self, rows: np.ndarray) -> np.ndarray:
        """Label anchors (x, y) of ``rows``: inside areas, middle of lines, the point itself.

        Computed on first use per feature (point_on_surface costs ~1 ms per thousand)."""
        todo = rows[np.isnan(self._anchors[rows, 0])]
        if len(todo):
            dims = self.dims[todo]
            for dim, make in ((2, shapely.point_on_surface),
                              (1, lambda g: shapely.line_interpolate_point(g, 0.5, normalized=True)),
                              (0, shapely.centroid)):
                sel = todo[dims == dim]
                if len(sel):
                    self._anchors[sel] = shapely.get_coordinates(make(self.projected(sel)))
        return self._anchors[rows]

    @property
    def extent(self) -> tuple[float, float, float, float] | None:
        b = self.bounds[self.present]
        if len(b) == 0:
            return None
        return (float(np.nanmin(b[:, 0])), float(np.nanmin(b[:, 1])),
                float(np.nanmax(b[:, 2])), float(np.nanmax(b[:, 3])))


def _feature_bounds(xy: np.ndarray, feature: np.ndarray, out: np.ndarray) -> None:
    """Per-feature min/max of vertices ``xy`` into ``out`` rows (``feature`` need not be sorted)."""
    if len(feature) == 0:
        return
    if not (feature[1:] >= feature[:-1]).all():  # flattened layers come in feature order: no sort
        order = np.argsort(feature, kind="stable")
        xy, feature = xy[order], feature[order]
    starts = np.flatnonzero(np.r_[True, feature[1:] != feature[:-1]])
    rows = feature[starts]
    out[rows, 0] = np.minimum.reduceat(xy[:, 0], starts)
    out[rows, 1] = np.minimum.reduceat(xy[:, 1], starts)
    out[rows, 2] = np.maximum.reduceat(xy[:, 0], starts)
    out[rows, 3] = np.maximum.reduceat(xy[:, 1], starts)


class LayerStyle:
    """A layer's style groups and their tiled paths for the current statuses."""

    def __init__(self, layer: Layer, geometry: LayerGeometry, index: ProjectIndex, scheme: StatusScheme,
                 hidden_statuses: frozenset):
        self._layer, self._geometry, self._index = layer, geometry, index
        self._scheme, self._hidden = scheme, hidden_statuses
        self.project_ids = layer.project_ids.reset_index(drop=True)
        #: ``(codes, values)`` of :attr:`statuses` until an edit changes them: the groups are
        #: made from these integers (``styles.feature_status_codes``)
        self._status_codes = feature_status_codes(layer, index, scheme)
        self.statuses = self._status_codes[1][self._status_codes[0]]
        #: group id of every feature per dimension (-1: none or hidden), kept for :meth:`refresh`
        self._groups: dict[str, np.ndarray] = {}
        self.area_styles, self.area_paths = self._build(geometry.area_rows, geometry.areas, "area")
        self.line_styles, self.line_paths = self._build(geometry.line_rows, geometry.lines, "line")
        ids, self.point_styles = classify(layer, geometry.point_rows, "point", *self._args(index))
        group_of_feature = np.full(geometry.feature_count, -1, dtype=np.int64)
        group_of_feature[geometry.point_rows] = ids
        self.point_group = group_of_feature[geometry.point_feature]
        self.shown = np.ones(geometry.feature_count, dtype=bool)
        if hidden_statuses and len(self.statuses):
            self.shown = _not_hidden(self.statuses, hidden_statuses)
        #: label texts per language, worked out per feature on use (``_known``: which are)
        self._names: dict[str, np.ndarray] = {}
        self._known: dict[str, np.ndarray] = {}

    def statuses_of(self, layer: Layer) -> np.ndarray:
        """The status codes of ``layer``'s features as this style sees statuses (its projects,
        its scheme): for features counted elsewhere, e.g. those a status cell stands for."""
        return feature_statuses(layer, self._index, self._scheme)

    @cached_property
    def _rows_of_project(self) -> dict:
        """Feature rows per project id (built on the first edit, then each edit is a lookup)."""
        import pandas as pd  # the window's (a page edits nothing)

        return pd.Series(np.arange(len(self.project_ids))).groupby(self.project_ids.to_numpy()).indices

    def _args(self, index: ProjectIndex) -> tuple:
        return (self.statuses, self.project_ids, index, self._scheme, self._status_codes)

    def _build(self, rows, flat, dim):
        ids, styles = classify(self._layer, rows, dim, *self._args(self._index))
        group_of_feature = np.full(self._geometry.feature_count, -1, dtype=np.int64)
        group_of_feature[rows] = ids
        for g, style in enumerate(styles):
            if style.status is not None and style.status in self._hidden:
                group_of_feature[group_of_feature == g] = -1
        self._groups[dim] = group_of_feature
        return styles, build_tiled_paths(flat, group_of_feature, self._geometry.tiles, len(styles))

    # -- a status edit ----------------------------------------------------------------------------
    def refresh(self, project_ids: set[str], index: ProjectIndex) -> bool:
        """Follow edits of ``project_ids`` (now as in ``index``) by rebuilding only the paths of the
        style groups and tiles their features move between. False when that cannot be done (an
        edit brought a style the layer had no group for): the caller builds the layer anew."""
        found = [self._rows_of_project[p] for p in project_ids if p in self._rows_of_project]
        rows = np.sort(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
        self._index = index
        if len(rows) == 0:
            return True
        if self._layer.style == "category":  # colours are dealt out over the layer's categories
            return False
        ids = self.project_ids.to_numpy()[rows]
        self.statuses = self.statuses.copy()
        self._status_codes = None  # the statuses now differ from them
        self.statuses[rows] = [index.status.get(pid, NO_STATUS) for pid in ids]
        for known in self._known.values():  # a project's name may have been edited too
            known[rows] = False
        geometry = self._geometry
        plans = []
        for dim, dim_number, styles in (("area", 2, self.area_styles), ("line", 1, self.line_styles),
                                        ("point", 0, self.point_styles)):
            edited = rows[geometry.dims[rows] == dim_number]
            new = self._groups_of(edited, dim, styles, index, dim != "point") if len(edited) else edited
            if new is None:
                return False
            plans.append((dim, edited, new))
        for dim, edited, new in plans:
            if dim == "point":
                point_groups = np.full(geometry.feature_count, -1, dtype=np.int64)
                point_groups[geometry.point_feature] = self.point_group
                point_groups[edited] = new
                self.point_group = point_groups[geometry.point_feature]
            elif len(edited):
                self._rebuild_moved(dim, edited, new)
        if self._hidden:
            self.shown[rows] = _not_hidden(self.statuses[rows], self._hidden)
        return True

    def _groups_of(self, rows: np.ndarray, dim: str, styles: list, index: ProjectIndex,
                   mask_hidden: bool):
        """Group ids (in ``styles``) of ``rows`` as classified now, hidden ones -1 when
        ``mask_hidden`` (points are hidden by ``shown`` instead); None when a row needs a style
        that is not in ``styles``."""
        ids, found = classify(self._layer, rows, dim, *self._args(index))
        position = {style: g for g, style in enumerate(styles)}
        if any(style not in position for style in found):
            return None
        mapped = np.array([position[style] for style in found], dtype=np.int64)[ids]
        if not mask_hidden:
            return mapped
        hidden = np.array([style.status is not None and style.status in self._hidden for style in found])
        return np.where(hidden[ids], -1, mapped) if len(ids) else mapped

    def _rebuild_moved(self, dim: str, rows: np.ndarray, new: np.ndarray) -> None:
        groups = self._groups[dim]
        moved = groups[rows] != new
        if not moved.any():
            return
        old = groups[rows]
        groups[rows] = new
        touched = np.unique(np.r_[old[moved], new[moved]])
        touched = touched[touched >= 0]
        tiles = np.unique(self._geometry.tiles[rows[moved]])
        # every feature of the touched groups in the touched tiles, and only those, is rebuilt
        redo = np.isin(groups, touched) & np.isin(self._geometry.tiles, tiles)
        flat = self._geometry.areas if dim == "area" else self._geometry.lines
        paths = self.area_paths if dim == "area" else self.line_paths
        fresh = build_tiled_paths(flat.of_features(redo), np.where(redo, groups, -1),
                                  self._geometry.tiles, len(paths))
        for g in touched:
            paths[g] = paths[g].replace_tiles(tiles, fresh[g])

    def names_of(self, lang: str, rows: np.ndarray) -> np.ndarray:
        """The label texts of features ``rows`` in ``lang`` ("" for none): a feature's own name,
        else its project's. Worked out for the rows asked for, once each: a zoomed view holds
        40,000 plots, of which a few hundred are big enough on screen to carry a label."""
        rows = np.asarray(rows, dtype=np.int64)
        if lang not in self._names:
            self._names[lang] = np.full(len(self.statuses), "", dtype=object)
            self._known[lang] = np.zeros(len(self.statuses), dtype=bool)
        names, known = self._names[lang], self._known[lang]
        todo = np.unique(rows[~known[rows]])
        if len(todo):
            names[todo] = self._texts(lang, todo)
            known[todo] = True
        return names[rows]

    def _texts(self, lang: str, rows: np.ndarray) -> list[str]:
        frame = self._layer.frame
        texts = [""] * len(rows)
        for col in reversed(NAME_COLUMNS[lang]):  # the first column with a name wins
            if col in frame.columns:
                for i, value in enumerate(frame[col].iloc[rows].tolist()):
                    if not is_missing(value) and str(value) != "":
                        texts[i] = str(value)
        codes, ids = self._layer.project_id_codes
        unnamed = [i for i, code in enumerate(codes[rows].tolist()) if texts[i] == "" and code >= 0]
        linked = ids[codes[rows[unnamed]]].tolist() if unnamed else []
        for i, name in zip(unnamed, self._index.names_of(lang, linked)):
            texts[i] = "" if is_missing(name) else name
        return texts


def _not_hidden(statuses: np.ndarray, hidden) -> np.ndarray:
    """Whether each of ``statuses`` is shown (not among the ``hidden`` ones): asked once per
    distinct status."""
    codes, values = factorize(statuses)
    shown = np.array([value not in hidden for value in values.tolist()] + [True], dtype=bool)
    return shown[codes]  # the code -1 (no status) picks the trailing True
