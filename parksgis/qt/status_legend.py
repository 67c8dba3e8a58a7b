"""The status legend: one row per status with its colour and feature count; click to hide/show.

Which statuses are hidden is the renderer's filter (``MapRenderer.hidden_statuses``): the legend sets
it and asks the canvas for a fresh frame.
"""

from __future__ import annotations

from collections import Counter

from PySide6 import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
NO_PROJECT = ""  # features linked to no project are counted under this key


def status_counts(workspace) -> Counter:
    """Features per status code over the feature layers (basemap and boundaries are context)."""
    from parksgis.qt.attribute_table import status_codes

    counts: Counter = Counter()
    for layer in workspace.layers:
        if layer.kind.value in ("basemap", "boundary"):
            continue
        counts.update(code or NO_PROJECT for code in status_codes(workspace, layer))
    return counts


class StatusLegend(QtWidgets.QListWidget):
    hidden_changed = QtCore.Signal(set)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.workspace = None
        self.lang = "zh"
        self.hidden: set[str] = set()
        self.setIconSize(QtCore.QSize(16, 16))
        self.itemClicked.connect(self._toggle)
        self.setToolTip(self.tr("Click a status to hide or show its features"))

    def set_workspace(self, workspace) -> None:
        self.workspace = workspace
        self.hidden = set()
        workspace.projects_changed.connect(lambda *_: self.refresh())
        workspace.layers_changed.connect(self.refresh)
        self.refresh()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.setToolTip(self.tr("Click a status to hide or show its features"))
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.clear()
        if self.workspace is None:
            return
        counts = status_counts(self.workspace)
        rows = [(s.code, s.label(self.lang), s.color) for s in self.workspace.scheme]
        rows.append((NO_PROJECT, self.tr("No project"), self.workspace.scheme.NO_PROJECT_COLOR))
        for code, label, color in rows:
            item = QtWidgets.QListWidgetItem(f"{label}  ({counts.get(code, 0)})", self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setIcon(self._swatch(color, hidden=code in self.hidden))
            if code in self.hidden:
                item.setForeground(QtGui.QColor("#999999"))
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)

    def item_for(self, code: str) -> QtWidgets.QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == code:
                return self.item(i)
        return None

    def _swatch(self, color: str, hidden: bool) -> QtGui.QIcon:
        pixmap = QtGui.QPixmap(16, 16)
        pixmap.fill(QtGui.QColor("#ffffff") if hidden else QtGui.QColor(color))
        painter = QtGui.QPainter(pixmap)
        painter.setPen(QtGui.QColor(color if hidden else "#444444"))
        painter.drawRect(0, 0, 15, 15)
        painter.end()
        return QtGui.QIcon(pixmap)

    def _toggle(self, item: QtWidgets.QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        self.hidden ^= {code}
        self.refresh()
        self.hidden_changed.emit(set(self.hidden))
