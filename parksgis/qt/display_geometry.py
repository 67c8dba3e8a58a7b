"""What the widgets ask of features in the display CRS, answered from the renderer's caches.

The renderer projects every layer once (render/layer_cache.py); zooming to a feature and box
selection reuse that projection and its spatial index (the hover/selection outlines too:
render.highlight).
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore

from parksgis.render.geometry import transformer


class DisplayGeometry:
    def __init__(self, renderer):
        self.renderer = renderer
        self.display_crs = renderer.display_crs
        self.to_display = transformer("EPSG:4326", self.display_crs)  # the renderer's own

    def bounds(self, layer, rows=None) -> QtCore.QRectF | None:
        """Bounding rectangle of ``rows`` of ``layer`` (all rows by default), or None if empty."""
        if rows is None and layer.view is not None:  # all of a viewport-driven layer: its source's
            box = self.renderer.layer_extent(layer)
            return None if box is None else QtCore.QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1])
        cache = self.renderer.geometry(layer)
        boxes = cache.bounds if rows is None else cache.bounds[np.asarray(list(rows), dtype=np.int64)]
        boxes = boxes[~np.isnan(boxes).any(axis=1)] if len(boxes) else boxes
        if not len(boxes):
            return None
        x0, y0 = boxes[:, 0].min(), boxes[:, 1].min()
        return QtCore.QRectF(x0, y0, boxes[:, 2].max() - x0, boxes[:, 3].max() - y0)

    def query_box(self, layer, rect: QtCore.QRectF) -> list[int]:
        """Rows drawn inside ``rect`` (hidden statuses excluded, as on the map)."""
        return [int(r) for r in self.renderer.visible_rows(layer, rect)]

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.to_display.transform(x, y, direction="INVERSE")
        return float(lon), float(lat)

    def display_xy(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.to_display.transform(lon, lat)
        return float(x), float(y)
