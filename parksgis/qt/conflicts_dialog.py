"""The conflicts left by a merge, with both values, and the user's decision for each.

A conflict is a field that the field office and headquarters both changed since the pack was
built (``parksgis.pack.merge``). Each row shows the project, the field, the value both started
from, the field office's value and headquarters' value; the user keeps one of the two per row,
or sets every row at once, then Apply resolves the chosen rows through the pack API in one
transaction (``resolve_conflicts``). Rows left undecided stay open for later. After a resolution
``resolved`` is emitted so the window re-reads the register (map, legend and table follow).
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from parksgis.errors import ParksgisError
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
COLUMNS = 6
FIELD_OFFICE, HEADQUARTERS = "field", "target"  # the choices resolve_conflicts takes


class ConflictsDialog(QtWidgets.QDialog):
    """Lists ``target``'s open conflicts; ``resolved`` carries the conflicts just resolved."""

    resolved = QtCore.Signal(list)

    def __init__(self, target, workspace=None, lang: str = "zh", author: str | None = None,
                 parent=None):
        super().__init__(parent)
        follow_language(self, self._language_changed)
        self.setObjectName("conflicts_dialog")
        self.target, self.workspace, self.lang, self.author = target, workspace, lang, author
        self.conflicts: list = []
        self.choices: dict[str, QtWidgets.QButtonGroup] = {}
        layout = QtWidgets.QVBoxLayout(self)
        self.summary = QtWidgets.QLabel(self, objectName="conflicts_summary", wordWrap=True)
        layout.addWidget(self.summary)
        self.table = QtWidgets.QTableWidget(0, COLUMNS, self, objectName="conflicts_table")
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.error = QtWidgets.QLabel(self, objectName="conflicts_error", wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QtWidgets.QHBoxLayout()
        self.all_field_button = QtWidgets.QPushButton(self, objectName="all_field_button")
        self.all_target_button = QtWidgets.QPushButton(self, objectName="all_target_button")
        self.apply_button = QtWidgets.QPushButton(self, objectName="apply_resolutions_button")
        self.close_button = QtWidgets.QPushButton(self, objectName="close_conflicts_button")
        for button in (self.all_field_button, self.all_target_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.all_field_button.clicked.connect(lambda: self.choose_all(FIELD_OFFICE))
        self.all_target_button.clicked.connect(lambda: self.choose_all(HEADQUARTERS))
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        self.resize(900, 360)
        self.retranslate()
        self.reload()

    # -- texts ------------------------------------------------------------------------------------
    def _language_changed(self) -> None:
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge conflicts"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Project"), self.tr("Field"), self.tr("Base value"), self.tr("Field office"),
            self.tr("Headquarters"), self.tr("Keep")])
        self.all_field_button.setText(self.tr("Take all field-office values"))
        self.all_target_button.setText(self.tr("Keep all headquarters values"))
        self.apply_button.setText(self.tr("Apply"))
        self.close_button.setText(self.tr("Close"))

    def value_text(self, field: str, value) -> str:
        """A stored value as the user reads it: status labels in the UI language, — for empty."""
        if value is None or value == "":
            return "—"
        scheme = getattr(self.workspace, "scheme", None)
        if field == "status" and scheme is not None and value in scheme:
            return f"{scheme[value].label(self.lang)} ({value})"
        return str(value)

    def field_text(self, field: str) -> str:
        names = {"status": self.tr("Status"), "progress_pct": self.tr("Progress"),
                 "planned_start": self.tr("Planned start"), "planned_finish": self.tr("Planned finish"),
                 "actual_start": self.tr("Actual start"), "actual_finish": self.tr("Actual finish"),
                 "note": self.tr("Note")}
        return names.get(field, field)

    def project_text(self, project_id: str) -> str:
        projects = getattr(self.workspace, "projects", {}) or {}
        project = projects.get(project_id)
        if project is None:
            return project_id
        name = project.name_en if self.lang == "en" and project.name_en else project.name_zh
        return f"{project_id} · {name}" if name else project_id

    # -- rows -------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the open conflicts from the target (the truth) and rebuild the rows."""
        from parksgis.pack import open_conflicts

        try:
            self.conflicts = open_conflicts(self.target)
        except ParksgisError as exc:
            self.conflicts = []
            self.show_error(str(exc))
        self.choices.clear()
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            texts = [self.project_text(conflict.project_id), self.field_text(conflict.field),
                     self.value_text(conflict.field, conflict.base),
                     self.value_text(conflict.field, conflict.field_value),
                     self.value_text(conflict.field, conflict.target_value)]
            for column, text in enumerate(texts):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            when = (conflict.changed_at or "")[:16].replace("T", " ")
            self.table.item(row, 3).setToolTip(self.tr("%1, by %2 at %3 (UTC)").replace(
                "%1", texts[3]).replace("%2", conflict.author or "?").replace("%3", when or "?"))
            self.table.item(row, 1).setToolTip(conflict.field)
            self.table.setCellWidget(row, 5, self._choice_cell(conflict))
        self.table.resizeColumnsToContents()
        count = len(self.conflicts)
        self.summary.setText(
            self.tr("%n open conflict(s): the field office and headquarters both changed these "
                    "fields. Choose the value to keep for each, then Apply.", "", count)
            if count else self.tr("No open conflicts."))
        for button in (self.all_field_button, self.all_target_button, self.apply_button):
            button.setEnabled(bool(count))

    def _choice_cell(self, conflict) -> QtWidgets.QWidget:
        cell = QtWidgets.QWidget(self.table)
        box = QtWidgets.QHBoxLayout(cell)
        box.setContentsMargins(4, 0, 4, 0)
        group = QtWidgets.QButtonGroup(cell)
        for choice, text in [(FIELD_OFFICE, self.tr("Field office")), (HEADQUARTERS, self.tr("Headquarters"))]:
            radio = QtWidgets.QRadioButton(text, cell, objectName=f"{choice}_{conflict.conflict_id}")
            radio.setProperty("choice", choice)
            group.addButton(radio)
            box.addWidget(radio)
        self.choices[conflict.conflict_id] = group
        return cell

    def choice_button(self, row: int, choice: str) -> QtWidgets.QRadioButton:
        """The radio button of ``row`` that keeps ``choice`` (``field`` or ``target``)."""
        group = self.choices[self.conflicts[row].conflict_id]
        return next(b for b in group.buttons() if b.property("choice") == choice)

    def choose_all(self, choice: str) -> None:
        for row in range(len(self.conflicts)):
            self.choice_button(row, choice).setChecked(True)

    def chosen(self) -> dict[str, str]:
        """conflict id → ``field``/``target`` for every row the user decided."""
        out = {}
        for conflict_id, group in self.choices.items():
            button = group.checkedButton()
            if button is not None:
                out[conflict_id] = button.property("choice")
        return out

    # -- resolving ----------------------------------------------------------------------------------
    def apply(self) -> list:
        """Resolve the decided rows in one transaction; the undecided ones stay open."""
        from parksgis.pack import resolve_conflicts

        choices = self.chosen()
        if not choices:
            self.show_error(self.tr("Choose a value to keep for at least one conflict."))
            return []
        try:
            done = resolve_conflicts(self.target, choices=choices, author=self.author)
        except ParksgisError as exc:
            # nothing was changed (the resolution is one transaction): the rows stay as they are
            self.show_error(str(exc))
            return []
        self.error.hide()
        self.reload()
        self.resolved.emit(done)
        return done

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
