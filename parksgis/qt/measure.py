"""Measuring distance and area in the display CRS, and the units engineers read them in.

Planar measures in EPSG:4546 (Gauss-Krüger, 3° zone): within ~0.02 % of the ellipsoid over the
parks (scale factor 1 + (Δx/R)²/2 with Δx ≈ 100 km), far inside what a measuring click can hit.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.qt.i18n import TranslationContext

SQUARE_METRES_PER_MU = 10000.0 / 15.0  # 1 亩 = 666.67 m² (15 亩 = 1 公顷)


class Measure(TranslationContext):
    """The translation context of this module's texts: ``Measure.tr("text")``."""


def path_length(points: list[tuple[float, float]]) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:]))


def polygon_area(points: list[tuple[float, float]]) -> float:
    """Shoelace area of the closed ring through ``points`` (m² in a metric CRS)."""
    if len(points) < 3:
        return 0.0
    s = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        s += x0 * y1 - x1 * y0
    return abs(s) / 2.0


def format_length(metres: float) -> str:
    return f"{metres / 1000:,.3f} km" if metres >= 1000 else f"{metres:,.1f} m"


def format_area(square_metres: float) -> str:
    """m², 亩 and 公顷 side by side: plots are talked about in 亩, the plan in 公顷 (in English
    "mu" and "ha")."""
    mu, ha = Measure.tr("mu"), Measure.tr("ha")  # outside the f-string, where pyside6-lupdate sees them
    return (f"{square_metres:,.0f} m² · {square_metres / SQUARE_METRES_PER_MU:,.2f} {mu} · "
            f"{square_metres / 10000:,.3f} {ha}")


class MeasureTool(QtCore.QObject):
    """Collects clicked vertices in display metres and draws them as a cosmetic path in the view,
    with the running result written on the map beside the last point (not only in the status bar)."""

    result_changed = QtCore.Signal(str)

    def __init__(self, view_box, mode: str = "distance"):
        super().__init__()
        self.view_box = view_box
        self.mode = mode
        self.points: list[tuple[float, float]] = []
        self.cursor: tuple[float, float] | None = None
        self.finished = False
        self.item = QtWidgets.QGraphicsPathItem()
        pen = QtGui.QPen(QtGui.QColor("#d62728"), 2, QtCore.Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.item.setPen(pen)
        self.item.setZValue(100)
        view_box.addItem(self.item, ignoreBounds=True)
        self.label = pg.TextItem("", color="#b71c1c", anchor=(0, 1.2), fill=pg.mkBrush(255, 255, 255, 225),
                                 border=pg.mkPen("#d62728"))
        font = self.label.textItem.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setZValue(101)
        self.label.hide()
        view_box.addItem(self.label, ignoreBounds=True)

    def remove(self) -> None:
        self.view_box.removeItem(self.item)
        self.view_box.removeItem(self.label)

    def click(self, x: float, y: float) -> None:
        if self.finished:
            self.points, self.finished = [], False
        self.points.append((x, y))
        self._update()

    def move(self, x: float, y: float) -> None:
        if self.points and not self.finished:
            self.cursor = (x, y)
            self._update()

    def finish(self) -> None:
        self.finished, self.cursor = True, None
        self._update()

    def length(self) -> float:
        return path_length(self._vertices())

    def area(self) -> float:
        return polygon_area(self._vertices())

    def text(self) -> str:
        if self.mode == "area":
            return format_area(self.area())
        return format_length(self.length())

    def _vertices(self) -> list[tuple[float, float]]:
        return self.points + ([self.cursor] if self.cursor else [])

    def _update(self) -> None:
        vertices = self._vertices()
        path = QtGui.QPainterPath()
        if vertices:
            path.moveTo(*vertices[0])
            for x, y in vertices[1:]:
                path.lineTo(x, y)
            if self.mode == "area" and len(vertices) > 2:
                path.closeSubpath()
        self.item.setPath(path)
        text = self.text()
        self.label.setText(text)
        self.label.setVisible(len(vertices) > 1)
        if vertices:
            self.label.setPos(*vertices[-1])
        self.result_changed.emit(text)
