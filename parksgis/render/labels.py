"""Feature labels (Chinese names) placed greedily without overlap.

Candidates are the named features in view that are big enough on screen; bigger ones win, and a
label is dropped when its box would touch one already placed. The order is fully determined by
(size, layer, row), so the same view always gets the same labels (byte-identical exports).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTransform

from parksgis.model.layer import LayerKind
from parksgis.render.fonts import map_font, text_halo

if TYPE_CHECKING:
    from parksgis.render.map_renderer import MapRenderer
    from parksgis.render.render_state import RenderState

LABELLED_KINDS = {LayerKind.UTILITIES: 3, LayerKind.BERTHS: 2, LayerKind.PLOTS: 1, LayerKind.ROADS: 1,
                  LayerKind.OTHER: 0}
MIN_AREA_PX = (36.0, 14.0)   # an area is labelled when its box is at least this big on screen
MIN_LINE_PX = 60.0           # a line when its box's longer side is at least this long
MAX_CANDIDATES = 2000
MAX_LABELS = 400
PADDING_PX = 3.0
POINT_LABEL_GAP_PX = 9.0     # from a point symbol's centre to its label
PARK_NAME_MAX_SHARE = 0.5    # park names are shown when a park is at most this share of the view


HALO_PX = 5.0  # halo stroke width at 96 dpi


class LabelPlacer:
    """Places and draws labels; ``point_size`` is the label font size."""

    def __init__(self, point_size: float = 8.0):
        self.point_size = point_size
        self.placed: list[tuple[str, QRectF]] = []  # last frame's labels (text, device box)

    def candidates(self, renderer: "MapRenderer", box, scale: float, state: "RenderState"):
        lang = state.lang
        out = []  # (priority, size, order, row, text, x, y, placement)
        for order, layer in enumerate(renderer.draw_order()):
            if layer.kind == LayerKind.BOUNDARY and layer.visible:
                out += self._park_names(renderer, layer, order, box, scale, state)
                continue
            rank = LABELLED_KINDS.get(layer.kind)
            if rank is None or not layer.visible or len(layer.frame) == 0:
                continue
            geometry = renderer.geometry(layer)
            if len(geometry.point_rows) == 0 and geometry.largest * scale < min(MIN_AREA_PX[1], MIN_LINE_PX):
                continue  # every feature is too small on screen to carry a label
            style = renderer.style(layer, state)
            # plain numpy over all features: cheaper than a tree query when most are tiny
            b = geometry.bounds
            w, h = geometry.width * scale, geometry.height * scale
            dims = geometry.dims
            big = np.where(dims == 2, (w >= MIN_AREA_PX[0]) & (h >= MIN_AREA_PX[1]),
                           np.where(dims == 1, np.maximum(w, h) >= MIN_LINE_PX, dims == 0))
            minx, miny, maxx, maxy = box
            ok = big & style.shown & (b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny)
            # the texts only when something is big enough: working them out for 50k plots a few
            # pixels wide is a tenth of a frame
            rows = np.flatnonzero(ok)
            texts = style.names_of(lang, rows)
            rows, texts = rows[texts != ""], texts[texts != ""]
            if len(rows) == 0:
                continue
            size = np.maximum(w, h)[rows]
            if len(rows) > MAX_CANDIDATES:  # keep the biggest; ties by row, so deterministic
                keep = np.lexsort((rows, -size))[:MAX_CANDIDATES]
                rows, size, texts = rows[keep], size[keep], texts[keep]
            anchors = geometry.anchors_of(rows)
            # a point's label sits beside its symbol, not on it
            placements = np.where(dims[rows] == 0, "right", "centre")
            for row, s, text, (x, y), where in zip(rows.tolist(), size.tolist(), texts.tolist(), anchors.tolist(),
                                                   placements):
                out.append((-rank, -s, order, row, text, x, y, str(where)))
        out.sort(key=lambda c: c[:4])
        return out[:MAX_CANDIDATES]

    @staticmethod
    def _park_names(renderer: "MapRenderer", layer, order: int, box, scale: float, state: "RenderState"):
        """A park's name above its boundary, when the park is small in the view (an overview)."""
        lang = state.lang
        geometry = renderer.geometry(layer)
        minx, miny, maxx, maxy = box
        out = []
        for row in np.flatnonzero(geometry.present):
            b = geometry.bounds[row]
            if b[0] > maxx or b[2] < minx or b[1] > maxy or b[3] < miny:
                continue
            if (b[2] - b[0]) > (maxx - minx) * PARK_NAME_MAX_SHARE:
                continue  # the park fills the view: the page title already names it
            try:
                text = renderer.workspace.park(layer.park_id).name(lang) if layer.park_id else ""
            except KeyError:
                text = ""
            text = text or renderer.style(layer, state).names_of(lang, [row])[0]
            if text:
                out.append((-9, -(b[2] - b[0]) * scale, order, int(row), text, (b[0] + b[2]) / 2, b[3], "above"))
        return out

    def paint(self, renderer: "MapRenderer", painter: QPainter, view_rect: QRectF, transform: QTransform,
              bounds, state: "RenderState", keep_clear=()) -> None:
        """Place and draw labels; none overlaps another or a ``keep_clear`` rectangle (device
        coordinates: what the view paints over the map, such as its north arrow)."""
        scale = transform.m11()
        font = map_font(self.point_size)
        metrics = QFontMetricsF(font, painter.device())
        device_area = transform.mapRect(QRectF(bounds[0], bounds[1], bounds[2] - bounds[0],
                                               bounds[3] - bounds[1]))
        placed_boxes = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in keep_clear],
                                dtype=float).reshape(-1, 4)
        self.placed = []
        seen_text: set[str] = set()
        px = max(painter.device().logicalDpiX(), 1) / 96.0
        for *_, text, x, y, placement in self.candidates(renderer, bounds, scale, state):
            if text in seen_text:  # a road in segments is labelled once
                continue
            centre = transform.map(QPointF(x, y))
            width, height = metrics.horizontalAdvance(text), metrics.height()
            if placement == "right":
                rect = QRectF(centre.x() + POINT_LABEL_GAP_PX * px, centre.y() - height / 2, width, height)
            elif placement == "above":
                rect = QRectF(centre.x() - width / 2, centre.y() - height - 3 * px, width, height)
            else:
                rect = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
            if not device_area.contains(rect):
                continue
            pad = PADDING_PX
            r = (rect.left() - pad, rect.top() - pad, rect.right() + pad, rect.bottom() + pad)
            if len(placed_boxes):
                hit = ((placed_boxes[:, 0] < r[2]) & (placed_boxes[:, 2] > r[0])
                       & (placed_boxes[:, 1] < r[3]) & (placed_boxes[:, 3] > r[1]))
                if hit.any():
                    continue
            placed_boxes = np.vstack([placed_boxes, r])
            seen_text.add(text)
            self.placed.append((text, rect))
            if len(self.placed) >= MAX_LABELS:
                break
        if not self.placed:
            return
        painter.setFont(font)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # a white halo (buffer) keeps labels legible on any fill, the dark blue of 立项 plots too:
        # 2.5 px each side of the glyph strokes closes the gaps inside and between CJK characters
        width = HALO_PX * max(painter.device().logicalDpiX(), 1) / 96.0
        ascent = metrics.ascent()
        pixel_size = self.point_size * max(painter.device().logicalDpiY(), 1) / 72.0
        halo_paths = [text_halo(text, QPointF(rect.left(), rect.top() + ascent), pixel_size, width)
                      for text, rect in self.placed]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        for halo in halo_paths:
            painter.drawPath(halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("#1a1a1a"))
        for text, rect in self.placed:
            painter.drawText(QPointF(rect.left(), rect.top() + ascent), text)
