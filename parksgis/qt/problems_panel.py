"""The problems panel: validation problems of every file opened or dropped, one row each.

Problems are listed here rather than in dialogs, so a folder with ten bad files is one glance,
not ten clicks, and the map keeps working.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets


class ProblemsPanel(QtWidgets.QTreeWidget):
    count_changed = QtCore.Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("problems_panel")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setColumnCount(5)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Level"), self.tr("File"), self.tr("Feature"), self.tr("Code"),
                              self.tr("Message")])

    def changeEvent(self, event) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_report(self, report) -> None:
        for problem in report.problems:
            self.add_problem(problem.level, report.file, problem.feature, problem.code, problem.message)

    def add_problem(self, level: str, file, feature, code: str, message: str) -> None:
        row = QtWidgets.QTreeWidgetItem(self, [level, Path(str(file)).name,
                                                "" if feature is None else str(feature), code, message])
        row.setToolTip(1, str(file))
        row.setToolTip(4, message)
        row.setForeground(0, QtGui.QColor("#c62828" if level == "error" else "#ef6c00"))
        self.count_changed.emit(self.topLevelItemCount())

    def rows(self) -> list[tuple[str, ...]]:
        return [tuple(self.topLevelItem(i).text(c) for c in range(5)) for i in range(self.topLevelItemCount())]
