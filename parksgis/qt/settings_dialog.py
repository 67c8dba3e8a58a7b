"""The display CRS setting: any EPSG code, WKT or PROJ string that pyproj accepts and is metric."""

from __future__ import annotations

import re

from pyproj import CRS
from pyproj.exceptions import CRSError
from PySide6 import QtWidgets


def check_display_crs(text: str) -> str | None:
    """None when ``text`` is a projected CRS in metres, else a one-line reason."""
    try:
        crs = CRS.from_user_input(text.strip())
    except CRSError as exc:
        return str(exc).splitlines()[0]
    if not crs.is_projected:
        return QtWidgets.QApplication.translate("DisplayCrsDialog", "not a projected CRS (distances would be in degrees)")
    units = {axis.unit_name for axis in crs.axis_info}
    if not units <= {"metre", "meter"}:
        return QtWidgets.QApplication.translate("DisplayCrsDialog", "axis units are not metres")
    return None


def crs_display_name(crs: CRS) -> str:
    """A CRS's name for the window: the Gauss-Krüger zones engineers here use, in the UI's
    language; any other by its EPSG name (a proper name, as pyproj gives it)."""
    match = re.fullmatch(r"(CGCS2000|Xian 1980|Beijing 1954) / (3|6)-degree Gauss-Kruger (CM (\d+)E|zone (\d+))",
                         crs.name)
    if not match:
        return crs.name
    datum, width = match[1], match[2]
    where = (QtWidgets.QApplication.translate("DisplayCrsDialog", "central meridian %1°E").replace("%1", match[4])
             if match[4] else QtWidgets.QApplication.translate("DisplayCrsDialog", "zone %1").replace("%1", match[5]))
    return QtWidgets.QApplication.translate("DisplayCrsDialog", "%1 / %2-degree Gauss-Krüger, %3") \
        .replace("%1", datum).replace("%2", width).replace("%3", where)


class DisplayCrsDialog(QtWidgets.QDialog):
    def __init__(self, current: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Display CRS"))
        self.edit = QtWidgets.QLineEdit(current, self, objectName="crs_edit")
        self.note = QtWidgets.QLabel(self, objectName="crs_note", wordWrap=True)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr(
            "Map display and measuring CRS (EPSG code, WKT or PROJ). Default EPSG:4546, "
            "CGCS2000 / 3-degree Gauss-Kruger CM 111E."), self, wordWrap=True))
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._check)
        self._check()

    def crs(self) -> str:
        return self.edit.text().strip()

    def _check(self) -> None:
        problem = check_display_crs(self.crs())
        self.note.setText(problem or crs_display_name(CRS.from_user_input(self.crs())))
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
