"""Features outlined over the map — the window's selection and hover, a briefing's changed
projects: which shapes (:func:`highlight_shapes`) and how they are drawn (:func:`paint_highlight`),
in one place for both."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from parksgis.render.geometry import flatten, path_from_flat

HIGHLIGHT_COLOR = "#ffd400"


@dataclass(frozen=True)
class HighlightStyle:
    """A coloured outline over a dark casing (visible on any fill); points get a ring."""

    color: QColor
    width_px: float
    casing: QColor
    casing_px: float
    ring_px: float  # radius of the ring drawn around a point feature


#: changed projects on a briefing page (pixel widths at 96 dpi: multiplied by the page's scale)
PAGE = HighlightStyle(QColor(HIGHLIGHT_COLOR), 3.0, QColor("#000000"), 5.0, 8.0)


def window_style(color: QColor, width_px: float) -> HighlightStyle:
    """The window's selection and hover: a translucent casing one pixel wider on each side."""
    return HighlightStyle(QColor(color), width_px, QColor(0, 0, 0, 200), width_px + 2, 9.0)


def highlight_shapes(geometry, rows) -> tuple[QPainterPath, list[QPointF]]:
    """The outlines (display metres) of the areas and lines among ``rows`` of a layer's projected
    ``geometry`` (a LayerGeometry) as one path, and the positions of its point features."""
    rows = np.unique(np.asarray([r for r in rows if 0 <= r < geometry.feature_count], dtype=np.int64))
    if not len(rows):
        return QPainterPath(), []
    chosen = geometry.projected(rows)
    dims = shapely.get_dimensions(chosen)
    keep = ~(shapely.is_missing(chosen) | shapely.is_empty(chosen)) & (dims > 0)
    flat = flatten(chosen[keep], rows[keep])
    points = [QPointF(x, y) for x, y in shapely.get_coordinates(chosen[dims == 0])]
    return path_from_flat(flat.xy, flat.ring), points


def paint_highlight(painter: QPainter, path: QPainterPath, points: list[QPointF], metres: QTransform,
                    style: HighlightStyle, scale: float = 1.0, base: QTransform | None = None) -> None:
    """Draw ``path`` and rings around ``points`` (display metres; ``metres`` maps them to ``base``,
    the painter's coordinates: identity by default), casing first, then colour; pen widths and
    ring radii in pixels times ``scale``."""
    base = base if base is not None else QTransform()
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for color, width in ((style.casing, style.casing_px), (style.color, style.width_px)):
        pen = QPen(color, width * scale)
        pen.setCosmetic(True)  # width in pixels whatever the zoom
        painter.setPen(pen)
        painter.setTransform(metres * base)
        painter.drawPath(path)
        painter.setTransform(base)
        for point in points:
            painter.drawEllipse(metres.map(point), style.ring_px * scale, style.ring_px * scale)
    painter.restore()
