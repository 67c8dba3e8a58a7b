"""The map scale in the status bar: shows 1:N for the view, takes a typed scale (as in QGIS).

Scale = ground metres per screen metre: metres per pixel × the screen's pixels per metre. The
screen's logical DPI is what Qt lays text out with, so at 150 % scaling 1:10,000 still means a
10 m feature is 1 mm on the screen as the user sees it.
"""

from __future__ import annotations

import re

from PySide6 import QtCore, QtGui, QtWidgets
from parksgis.qt.i18n import follow_language

METRES_PER_INCH = 0.0254
PRESETS = (500, 1000, 2000, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000)


def parse_scale(text: str) -> int | None:
    """``"1:5000"``, ``"1：5,000"``, ``"5000"`` or ``"1/5000"`` -> 5000; None when not a scale."""
    text = text.strip().replace(",", "").replace(" ", "").replace("，", "").replace("：", ":")
    match = re.fullmatch(r"(?:1[:/])?(\d+(?:\.\d+)?)", text)
    if not match:
        return None
    value = float(match.group(1))
    return int(round(value)) if value >= 1 else None


def format_scale(denominator: float) -> str:
    return f"1:{denominator:,.0f}"


class ScaleBox(QtWidgets.QComboBox):
    """Editable; Enter (or a preset) zooms the canvas about its centre to that scale."""

    def __init__(self, canvas, parent=None):
        super().__init__(parent, objectName="scale_box", editable=True)
        follow_language(self, self.retranslate)
        self.canvas = canvas
        self.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(11)
        for n in PRESETS:
            self.addItem(format_scale(n), n)
        self.lineEdit().setValidator(QtGui.QRegularExpressionValidator(
            QtCore.QRegularExpression(r"\s*(1\s*[:：/]\s*)?[\d,， ]*(\.\d*)?\s*"), self))
        self.lineEdit().returnPressed.connect(self._typed)
        self.activated.connect(lambda index: self.canvas.set_scale(self.itemData(index)))
        canvas.view_box.sigRangeChanged.connect(self.show_scale)
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Map scale: type 1:N and press Enter"))

    def show_scale(self, *_args) -> None:
        if not self.lineEdit().hasFocus():  # never overwrite what the user is typing
            self.setEditText(format_scale(self.canvas.scale_denominator()))

    def _typed(self) -> None:
        value = parse_scale(self.currentText())
        if value is None:
            self.show_scale()
            return
        self.canvas.set_scale(value)
        self.canvas.setFocus()  # the text shows the scale reached
        self.show_scale()
