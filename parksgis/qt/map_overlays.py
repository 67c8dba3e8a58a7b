"""Scale bar and north arrow painted over the map viewport, in device pixels."""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui

NICE = (1, 2, 5)


def nice_length(max_metres: float) -> float:
    """The largest 1/2/5 × 10^n not above ``max_metres``."""
    if max_metres <= 0:
        return 0.0
    exp = math.floor(math.log10(max_metres))
    best = 10.0 ** exp
    for step in NICE:
        if step * 10.0 ** exp <= max_metres:
            best = step * 10.0 ** exp
    return best


def overlay_rects(size: QtCore.QSize) -> list[QtCore.QRectF]:
    """Where the scale bar and the north arrow are painted: map labels keep clear of them."""
    return [QtCore.QRectF(size.width() - 46.0, 6.0, 42.0, 58.0),
            QtCore.QRectF(6.0, size.height() - 48.0, 200.0, 44.0)]


def draw_scale_bar(painter: QtGui.QPainter, size: QtCore.QSize, metres_per_pixel: float) -> None:
    if metres_per_pixel <= 0:
        return
    metres = nice_length(metres_per_pixel * min(160, size.width() / 3))
    pixels = metres / metres_per_pixel
    x0, y0 = 16.0, size.height() - 20.0
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(QtGui.QColor(255, 255, 255, 200))
    painter.drawRect(QtCore.QRectF(x0 - 6, y0 - 22, pixels + 12, 30))
    painter.setPen(QtGui.QPen(QtGui.QColor("#222222"), 2))
    painter.drawLine(QtCore.QPointF(x0, y0), QtCore.QPointF(x0 + pixels, y0))
    painter.drawLine(QtCore.QPointF(x0, y0 - 5), QtCore.QPointF(x0, y0 + 3))
    painter.drawLine(QtCore.QPointF(x0 + pixels, y0 - 5), QtCore.QPointF(x0 + pixels, y0 + 3))
    painter.drawText(QtCore.QRectF(x0, y0 - 21, pixels, 16), QtCore.Qt.AlignmentFlag.AlignCenter, label)


def draw_north_arrow(painter: QtGui.QPainter, size: QtCore.QSize) -> None:
    """Grid north is up in a Gauss-Krüger view; the arrow says so."""
    cx, top = size.width() - 28.0, 14.0
    arrow = QtGui.QPolygonF([QtCore.QPointF(cx, top), QtCore.QPointF(cx + 9, top + 28),
                             QtCore.QPointF(cx, top + 22), QtCore.QPointF(cx - 9, top + 28)])
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QtGui.QPen(QtGui.QColor("#222222"), 1.2))
    painter.setBrush(QtGui.QColor("#222222"))
    painter.drawPolygon(arrow)
    painter.drawText(QtCore.QRectF(cx - 10, top + 28, 20, 16), QtCore.Qt.AlignmentFlag.AlignCenter, "N")
