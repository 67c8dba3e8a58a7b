"""Per-layer caches of the renderer: projected geometry (rebuilt when data changes) and styled,
tiled paths (rebuilt when style, statuses or hidden statuses change)."""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd
import shapely

from parksgis.model.layer import Layer
from parksgis.model.status import StatusScheme
from parksgis.render.geometry import (FlatCoordinates, TiledPaths, build_tiled_paths, flatten,
                                      project_geometries, tile_ids)
from parksgis.render.styles import GroupStyle, classify, feature_statuses

NAME_COLUMNS = {"zh": ("name_zh", "name", "name_en"), "en": ("name_en", "name", "name_zh")}


class LayerGeometry:
    """A layer's features in the display CRS, split by dimension, with a spatial index."""

    def __init__(self, layer: Layer, display_crs: str):
        geoms = np.asarray(layer.frame.geometry.values, dtype=object)
        self.geoms = project_geometries(geoms, display_crs) if len(geoms) else geoms
        present = ~(shapely.is_missing(self.geoms) | shapely.is_empty(self.geoms))
        dims = shapely.get_dimensions(self.geoms)
        rows = np.arange(len(self.geoms))
        self.area_rows = rows[present & (dims == 2)]
        self.line_rows = rows[present & (dims == 1)]
        self.point_rows = rows[present & (dims == 0)]
        self.bounds = shapely.bounds(self.geoms) if len(geoms) else np.empty((0, 4))
        self.areas: FlatCoordinates = flatten(self.geoms[self.area_rows], self.area_rows)
        self.lines: FlatCoordinates = flatten(self.geoms[self.line_rows], self.line_rows)
        # points: a multipoint becomes several symbols of the same feature
        pts, owner = shapely.get_coordinates(self.geoms[self.point_rows], return_index=True)
        self.point_xy = pts
        self.point_feature = self.point_rows[owner] if len(owner) else np.empty(0, np.int64)
        n = len(self.geoms)
        tiles = np.zeros(n, dtype=np.int64)
        for subset in (self.area_rows, self.line_rows):
            tiles[subset] = tile_ids(self.bounds[subset], len(subset))
        self.tiles = tiles
        self.present = present
        self.dims = np.where(present, dims, -1)
        self._anchors = np.full((n, 2), np.nan)

    @cached_property
    def tree(self) -> shapely.STRtree:
        return shapely.STRtree(self.geoms)

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
                    self._anchors[sel] = shapely.get_coordinates(make(self.geoms[sel]))
        return self._anchors[rows]

    @property
    def extent(self) -> tuple[float, float, float, float] | None:
        b = self.bounds[self.present]
        if len(b) == 0:
            return None
        return (float(np.nanmin(b[:, 0])), float(np.nanmin(b[:, 1])),
                float(np.nanmax(b[:, 2])), float(np.nanmax(b[:, 3])))


class LayerStyle:
    """A layer's style groups and their tiled paths for the current statuses."""

    def __init__(self, layer: Layer, geometry: LayerGeometry, projects: dict, scheme: StatusScheme,
                 hidden_statuses: frozenset):
        self.statuses = feature_statuses(layer, projects).to_numpy(dtype=object)
        self.area_styles, self.area_paths = self._build(layer, geometry, geometry.area_rows, geometry.areas,
                                                        "area", projects, scheme, hidden_statuses)
        self.line_styles, self.line_paths = self._build(layer, geometry, geometry.line_rows, geometry.lines,
                                                        "line", projects, scheme, hidden_statuses)
        ids, self.point_styles = classify(layer, geometry.point_rows, "point", projects, scheme)
        group_of_feature = np.full(len(geometry.geoms), -1, dtype=np.int64)
        group_of_feature[geometry.point_rows] = ids
        self.point_group = group_of_feature[geometry.point_feature]
        self.shown = np.ones(len(geometry.geoms), dtype=bool)
        if hidden_statuses and len(self.statuses):
            self.shown = ~pd.Series(self.statuses).isin(hidden_statuses).to_numpy()
        self.names = self._names(layer, projects)

    @staticmethod
    def _build(layer, geometry, rows, flat, dim, projects, scheme, hidden):
        ids, styles = classify(layer, rows, dim, projects, scheme)
        group_of_feature = np.full(len(geometry.geoms), -1, dtype=np.int64)
        group_of_feature[rows] = ids
        for g, style in enumerate(styles):
            if style.status is not None and style.status in hidden:
                group_of_feature[group_of_feature == g] = -1
        return styles, build_tiled_paths(flat, group_of_feature, geometry.tiles, len(styles))

    @staticmethod
    def _names(layer: Layer, projects: dict) -> dict[str, np.ndarray]:
        """Label text per feature and language: the feature's own name, else its project's."""
        out = {}
        frame = layer.frame
        pids = layer.project_ids.reset_index(drop=True)
        for lang, columns in NAME_COLUMNS.items():
            names = pd.Series([""] * len(frame), dtype=object)
            for col in reversed(columns):
                if col in frame.columns:
                    values = frame[col].reset_index(drop=True)
                    ok = values.notna() & (values.astype(str) != "")
                    names = names.where(~ok, values.astype(str))
            by_pid = {pid: p.name(lang) for pid, p in projects.items()}
            from_project = pids.map(by_pid).fillna("")
            names = names.where(names != "", from_project)
            out[lang] = names.to_numpy(dtype=object)
        return out


__all__ = ["LayerGeometry", "LayerStyle", "GroupStyle", "TiledPaths"]
