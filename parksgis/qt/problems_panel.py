"""The problems panel: validation problems of every file opened or dropped, one row each.

Problems are listed here rather than in dialogs, so a folder with ten bad files is one glance,
not ten clicks, and the map keeps working. Levels and messages are in the UI's language
(problem_texts), the code stays as is, the full path and the reader's own message show on hover.
Where the window can fix a problem, the row carries a button for it (``fix_requested``): choose
the coordinate system, re-save GBK text as UTF-8; any layer file's row also offers reading it again
with a Chinese web-map offset (GCJ-02 / BD-09) from its context menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.qt.problem_texts import level_text, summary
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
LEVEL, FILE, FEATURE, CODE, MESSAGE, FIX = range(6)
#: the fix a problem code offers, and the files it applies to
FIXES = {"projected-no-crs": "crs", "unknown-crs": "crs", "crs-mismatch": "crs", "gbk-encoding": "utf8"}
LAYER_SUFFIXES = {".geojson", ".json", ".gpkg", ".shp", ".fgb", ".kml", ".gml", ".csv"}


@dataclass(frozen=True)
class ProblemRow:
    level: str
    file: str
    feature: int | None
    code: str
    message: str  # the reader's own words (tooltip, and what scripts see)

    @property
    def fix(self) -> str | None:
        return FIXES.get(self.code)


class ProblemsPanel(QtWidgets.QTreeWidget):
    count_changed = QtCore.Signal(int)
    fix_requested = QtCore.Signal(str, str)  # fix ("crs", "utf8", "offset"), file path

    def __init__(self, parent=None):
        super().__init__(parent)
        follow_language(self, self.retranslate)
        self.setObjectName("problems_panel")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setColumnCount(6)
        self.setWordWrap(False)
        header = self.header()
        header.setStretchLastSection(False)
        for column in (LEVEL, FEATURE, CODE, FIX):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its start and end
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.problems: list[ProblemRow] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Level"), self.tr("File"), self.tr("Feature"), self.tr("Code"),
                              self.tr("Message"), self.tr("Fix")])
        for i, problem in enumerate(self.problems):
            self._fill(self.topLevelItem(i), problem)

    def add_report(self, report) -> None:
        for problem in report.problems:
            self.add_problem(problem.level, report.file, problem.feature, problem.code, problem.message)

    def add_problem(self, level: str, file, feature, code: str, message: str) -> None:
        problem = ProblemRow(level, str(file), feature, code, message)
        self.problems.append(problem)
        row = QtWidgets.QTreeWidgetItem(self)
        self._fill(row, problem)
        if problem.fix is not None:
            button = QtWidgets.QPushButton(self, objectName=f"fix_{problem.fix}")
            button.setProperty("fix", problem.fix)
            button.clicked.connect(lambda _=False, p=problem: self.fix_requested.emit(p.fix, p.file))
            self.setItemWidget(row, FIX, button)
            self._label_button(button)
        width = self.fontMetrics().horizontalAdvance(Path(problem.file).name) + 24
        self.header().resizeSection(FILE, max(self.header().sectionSize(FILE), min(width, 320)))
        self.count_changed.emit(self.topLevelItemCount())

    def _fill(self, row: QtWidgets.QTreeWidgetItem, problem: ProblemRow) -> None:
        text = summary(problem.code, problem.message)
        values = [level_text(problem.level), Path(problem.file).name,
                  "" if problem.feature is None else str(problem.feature), problem.code, text]
        for column, value in enumerate(values):
            row.setText(column, value)
        row.setToolTip(FILE, problem.file)
        row.setToolTip(MESSAGE, f"{text}\n\n{problem.message}" if text != problem.message else text)
        row.setForeground(LEVEL, QtGui.QColor("#c62828" if problem.level == "error" else "#ef6c00"))
        button = self.itemWidget(row, FIX)
        if button is not None:
            self._label_button(button)

    def _label_button(self, button) -> None:
        button.setText({"crs": self.tr("Choose coordinate system…"),
                        "utf8": self.tr("Re-save as UTF-8")}[button.property("fix")])

    def remove_file(self, file) -> None:
        """Forget the rows of ``file`` (it is being read again)."""
        for i in reversed(range(len(self.problems))):
            if self.problems[i].file == str(file):
                del self.problems[i]
                self.takeTopLevelItem(i)
        self.count_changed.emit(self.topLevelItemCount())

    def rows(self) -> list[tuple[str, ...]]:
        """(level, file name, feature, code, the reader's message), one tuple per row: the stable
        words scripts and tests read, whatever the UI's language."""
        return [(p.level, Path(p.file).name, "" if p.feature is None else str(p.feature), p.code, p.message)
                for p in self.problems]

    def shown_rows(self) -> list[tuple[str, ...]]:
        """The same rows as the panel shows them (translated level and message)."""
        return [tuple(self.topLevelItem(i).text(c) for c in range(MESSAGE + 1))
                for i in range(self.topLevelItemCount())]

    def _context_menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        problem = self.problems[self.indexOfTopLevelItem(item)]
        menu = QtWidgets.QMenu(self)
        if problem.fix is not None:
            menu.addAction(self.itemWidget(item, FIX).text(),
                           lambda: self.fix_requested.emit(problem.fix, problem.file))
        if Path(problem.file).suffix.lower() in LAYER_SUFFIXES:
            menu.addAction(self.tr("Read again with a web-map offset (GCJ-02 / BD-09)…"),
                           lambda: self.fix_requested.emit("offset", problem.file))
        menu.addAction(self.tr("Copy the message"),
                       lambda: QtWidgets.QApplication.clipboard().setText(
                           f"{problem.file}: {problem.code}: {problem.message}"))
        self.context_menu = menu  # what a test reads
        menu.popup(self.viewport().mapToGlobal(pos))
