"""Features in the display CRS for the widgets: bounds to zoom to, box queries, highlight outlines.

The renderer draws the map; this keeps what the widgets need on top of it (zoom to a feature,
box select, outline the selection) in one cached place per layer frame.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import shapely
from pyproj import Transformer
from PySide6 import QtCore, QtGui


class DisplayGeometry:
    """Projected copies of layer geometries, cached by frame identity, with an STRtree each."""

    def __init__(self, display_crs: str = "EPSG:4546"):
        self.display_crs = display_crs
        self.to_display = Transformer.from_crs("EPSG:4326", display_crs, always_xy=True)
        self.to_lonlat = Transformer.from_crs(display_crs, "EPSG:4326", always_xy=True)
        self._cache: dict[int, tuple[object, np.ndarray, shapely.STRtree]] = {}

    def geometries(self, layer) -> np.ndarray:
        return self._entry(layer)[1]

    def _entry(self, layer):
        key = id(layer)
        entry = self._cache.get(key)
        if entry is None or entry[0] is not layer.frame:
            raw = np.asarray(layer.frame.geometry.values, dtype=object)
            projected = shapely.transform(raw, self._project) if len(raw) else raw
            entry = (layer.frame, projected, shapely.STRtree(projected))
            self._cache[key] = entry
        return entry

    def _project(self, xy: np.ndarray) -> np.ndarray:
        x, y = self.to_display.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    def bounds(self, layer, rows=None) -> QtCore.QRectF | None:
        geoms = self.geometries(layer)
        if rows is not None:
            geoms = geoms[list(rows)]
        geoms = geoms[~shapely.is_empty(geoms) & ~shapely.is_missing(geoms)] if len(geoms) else geoms
        if not len(geoms):
            return None
        x0, y0, x1, y1 = shapely.total_bounds(geoms)
        return QtCore.QRectF(x0, y0, x1 - x0, y1 - y0)

    def query_box(self, layer, rect: QtCore.QRectF) -> list[int]:
        box = shapely.box(rect.left(), rect.top(), rect.right(), rect.bottom())
        return sorted(int(i) for i in self._entry(layer)[2].query(box, predicate="intersects"))

    def outline_path(self, layer, rows) -> QtGui.QPainterPath:
        """One path holding the outlines (rings, lines) of the given rows; points become small crosses."""
        path = QtGui.QPainterPath()
        geoms = self.geometries(layer)
        for row in rows:
            if not 0 <= row < len(geoms):
                continue
            geom = geoms[row]
            if geom is None or geom.is_empty:
                continue
            lines = shapely.get_parts(shapely.boundary(geom)) if geom.area > 0 else shapely.get_parts(geom)
            for part in lines:
                coords = shapely.get_coordinates(part)
                if len(coords) == 1:
                    path.addEllipse(QtCore.QPointF(*coords[0]), 0.0, 0.0)  # marker drawn by caller
                elif len(coords):
                    path.addPath(pg.arrayToQPath(coords[:, 0], coords[:, 1], connect="all"))
        return path

    def points(self, layer, rows) -> list[QtCore.QPointF]:
        geoms = self.geometries(layer)
        out = []
        for row in rows:
            if 0 <= row < len(geoms) and geoms[row] is not None and geoms[row].geom_type == "Point":
                out.append(QtCore.QPointF(geoms[row].x, geoms[row].y))
        return out

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.to_lonlat.transform(x, y)
        return float(lon), float(lat)

    def display_xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.to_display.transform(lon, lat)
        return float(x), float(y)
