"""Fixing a problem from the Problems panel: choose the CRS, a web-map offset, re-save as UTF-8.

Each fix ends by reading the file again with what was chosen: its old layer (if any) and its old
problem rows go, the new layer and its new problems come, exactly as for a dropped file.
"""

from __future__ import annotations

import re
from pathlib import Path

from pyproj import CRS
from pyproj.exceptions import CRSError
from PySide6 import QtCore, QtWidgets

from parksgis.errors import ParksgisError
from parksgis.qt import workspace_loading
from parksgis.qt.loader import Pending
from parksgis.qt.settings_dialog import crs_display_name

#: suggested for projected coordinates with no CRS, the first one for Yangjiang (111.28–112.37E)
SUGGESTED_CRS = ("EPSG:4546", "EPSG:4547", "EPSG:4545", "EPSG:4526", "EPSG:2383", "EPSG:32649")


def crs_choices(message: str = "") -> list[str]:
    """EPSG codes to offer, the one the reader's ``message`` names (``--crs EPSG:N``) first."""
    named = re.findall(r"--crs (EPSG:\d+)", message)
    return list(dict.fromkeys(named + list(SUGGESTED_CRS)))


class CrsPickerDialog(QtWidgets.QDialog):
    """An editable list of projected CRSs (EPSG:4546 first), checked with pyproj on OK."""

    def __init__(self, file_name: str, choices: list[str], parent=None):
        super().__init__(parent, objectName="crs_picker")
        self.setWindowTitle(self.tr("Coordinate system of %1").replace("%1", file_name))
        self.combo = QtWidgets.QComboBox(self, objectName="crs_combo", editable=True)
        for code in choices:
            self.combo.addItem(f"{code} — {crs_display_name(CRS.from_user_input(code))}", code)
        self.combo.setMinimumContentsLength(48)
        self.note = QtWidgets.QLabel(self, objectName="crs_picker_note", wordWrap=True)
        self.note.setStyleSheet("color: #c62828;")
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr(
            "The coordinate system the data was drawn in (an EPSG code, WKT or PROJ text). For "
            "Yangjiang this is usually CGCS2000 / 3-degree Gauss-Kruger CM 111E, EPSG:4546."),
            self, wordWrap=True))
        layout.addWidget(self.combo)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def crs(self) -> str:
        index = self.combo.currentIndex()
        text = self.combo.currentText()
        if index >= 0 and text == self.combo.itemText(index):
            return self.combo.itemData(index)
        return text.split(" — ")[0].strip()

    def accept(self) -> None:
        try:
            CRS.from_user_input(self.crs())
        except CRSError as exc:
            self.note.setText(str(exc).splitlines()[0])
            return
        super().accept()


class ProblemFixes(QtCore.QObject):
    """Carries out the panel's ``fix_requested`` for the window (created by the window itself)."""

    fixed = QtCore.Signal(bool)  # a fix ended: True when the file was read again

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.problems.fix_requested.connect(self.fix)
        window.layer_tree.read_with_offset.connect(lambda file: self.fix("offset", file))

    def fix(self, kind: str, file: str) -> Pending:
        """A Pending done with whether the file was read again, as ``fixed`` says."""
        chosen = {"crs": self.choose_crs, "offset": self.choose_offset, "utf8": self.resave_utf8}[kind](Path(file))
        pending = chosen if isinstance(chosen, Pending) else Pending.of(False, self)
        pending.done.connect(self.fixed.emit)
        return pending

    def choose_crs(self, path: Path) -> Pending | bool:
        message = next((p.message for p in self.window.problems.problems if p.file == str(path)), "")
        dialog = CrsPickerDialog(path.name, crs_choices(message), self.window)
        self.dialog = dialog  # what a test drives
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return False
        return self.read_again(path, crs=dialog.crs())

    def choose_offset(self, path: Path) -> Pending | bool:
        items = [self.tr("GCJ-02 (AMap, Tencent, Google China)"), self.tr("BD-09 (Baidu)")]
        choice, ok = QtWidgets.QInputDialog.getItem(
            self.window, self.tr("Web-map coordinates"),
            self.tr("%1 came from a Chinese web map; convert its coordinates from:").replace("%1", path.name),
            items, 0, False)
        if not ok:
            return False
        return self.read_again(path, offset=("gcj02", "bd09")[items.index(choice)])

    def resave_utf8(self, path: Path) -> Pending | bool:
        from parksgis.io.encoding import resave_as_utf8

        answer = QtWidgets.QMessageBox.question(
            self.window, self.tr("Re-save as UTF-8"),
            self.tr("Rewrite %1 as UTF-8? The text stays the same; other programs will then read "
                    "the Chinese names correctly.").replace("%1", path.name))
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return False
        try:
            resave_as_utf8(path)
        except (OSError, ParksgisError) as exc:
            self.window.statusBar().showMessage(
                self.tr("%1 could not be re-saved: %2").replace("%1", path.name)
                .replace("%2", getattr(exc, "strerror", None) or str(exc)), 8000)
            return False
        return self.read_again(path)

    def read_again(self, path: Path, crs=None, offset=None) -> Pending:
        if self.window.workspace is not None:
            self.window.workspace.remove_layers_from(path)
        self.window.problems.remove_file(path)
        return workspace_loading.add_files(self.window, [path], crs=crs, offset=offset).then(lambda added: added == 1)
