"""Editing a project's status, progress, dates and note from the identify panel, with undo.

The editor shows the project of the selected feature (``Selection.current``). Apply writes the
fields that differ through :class:`~parksgis.qt.register_link.RegisterLink` (one transaction, one
history row per field, author from the "author" setting or the OS user, source "app"); Undo
(Ctrl+Z) reverts the register's latest edit. The editor never repaints the map itself: the
register link updates the workspace's projects and emits ``projects_changed``, which the map,
legend and table follow. A read-only register (a pack on read-only media, a single layer file)
or a past "as of" day disables editing and says why.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.errors import ParksgisError
from parksgis.model.project import DATE_FIELDS
from parksgis.qt.register_texts import field_label, local_time, value_text
from parksgis.store.errors import StaleEditError
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
NO_DATE = QtCore.QDate(1900, 1, 1)  # a date edit at its minimum shows "—": no date
NO_PROGRESS = -1
HISTORY_ROWS = 30
EDITED_FIELDS = ("status", "progress_pct", *DATE_FIELDS, "note")


def _number(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


class StatusEditor(QtWidgets.QGroupBox):
    """Form for one project; ``message`` carries a line for the window's status bar."""

    message = QtCore.Signal(str)

    def __init__(self, selection, link, parent=None):
        super().__init__(parent)
        follow_language(self, self._language_changed)
        self.setObjectName("status_editor")
        self.selection, self.link = selection, link
        self.workspace = None
        self.lang = "zh"
        self.project_id: str | None = None
        #: the values the form was filled from: the base of each edit (compare-and-set)
        self.shown: dict = {}
        self._applying = False
        layout = QtWidgets.QVBoxLayout(self)
        self.notice = QtWidgets.QLabel(self, objectName="edit_notice", wordWrap=True)
        self.notice.setStyleSheet("background: #fff3cd; color: #664d03; border: 1px solid #e6c767;"
                                  "border-radius: 3px; padding: 4px;")
        layout.addWidget(self.notice)
        self.form_box = QtWidgets.QWidget(self)
        form = QtWidgets.QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.status_combo = QtWidgets.QComboBox(self, objectName="status_combo")
        self.progress_spin = QtWidgets.QSpinBox(self, objectName="progress_spin")
        self.progress_spin.setRange(NO_PROGRESS, 100)
        self.progress_spin.setSpecialValueText("—")
        self.progress_spin.setSuffix(" %")
        self.date_edits: dict[str, QtWidgets.QDateEdit] = {}
        for field in DATE_FIELDS:
            edit = QtWidgets.QDateEdit(self, objectName=f"{field}_edit")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")  # shown at the minimum date: the field is empty
            edit.calendarWidget().installEventFilter(self)  # an empty date's calendar opens on today
            self.date_edits[field] = edit
        self.note_edit = QtWidgets.QLineEdit(self, objectName="note_edit")
        self._labels = {}
        for key, widget in [("status", self.status_combo), ("progress", self.progress_spin),
                            *self.date_edits.items(), ("note", self.note_edit)]:
            self._labels[key] = QtWidgets.QLabel(self)
            form.addRow(self._labels[key], widget)
        layout.addWidget(self.form_box)
        buttons = QtWidgets.QHBoxLayout()
        self.apply_button = QtWidgets.QPushButton(self, objectName="apply_button")
        self.undo_button = QtWidgets.QPushButton(self, objectName="undo_button")
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.undo_button)
        layout.addLayout(buttons)
        self.history_label = QtWidgets.QLabel(self)
        layout.addWidget(self.history_label)
        self.history_list = QtWidgets.QListWidget(self, objectName="history_list")
        self.history_list.setMaximumHeight(120)
        layout.addWidget(self.history_list)
        # Ctrl+Z anywhere in the window (text fields keep their own undo while they have focus)
        self.undo_action = QtGui.QAction(self, objectName="undo_status_action")
        self.undo_action.setShortcut(QtGui.QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        selection.changed.connect(self.refresh)
        link.state_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QtCore.QEvent.Type.Show:
            for edit in self.date_edits.values():
                if watched is edit.calendarWidget() and edit.date() == NO_DATE:
                    today = QtCore.QDate.currentDate()
                    watched.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    # -- model following ------------------------------------------------------------------------------
    def set_workspace(self, workspace) -> None:
        if self.workspace is not None:
            self.workspace.projects_changed.disconnect(self._on_projects_changed)
        self.workspace = workspace
        self._fill_statuses()
        workspace.projects_changed.connect(self._on_projects_changed)
        self.refresh()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self._fill_statuses()
        self.refresh()

    def _language_changed(self) -> None:
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Edit status"))
        names = {"status": self.tr("Status"), "progress": self.tr("Progress"),
                 "planned_start": self.tr("Planned start"), "planned_finish": self.tr("Planned finish"),
                 "actual_start": self.tr("Actual start"), "actual_finish": self.tr("Actual finish"),
                 "note": self.tr("Note")}
        for key, label in self._labels.items():
            label.setText(names[key])
        self.apply_button.setText(self.tr("Apply"))
        self.undo_button.setText(self.tr("Undo last edit"))
        self.undo_action.setText(self.tr("Undo last status edit"))
        self.history_label.setText(self.tr("History"))

    def _fill_statuses(self) -> None:
        self.status_combo.clear()
        if self.workspace is not None:
            for status in self.workspace.scheme:
                pixmap = QtGui.QPixmap(12, 12)
                pixmap.fill(QtGui.QColor(status.color))
                self.status_combo.addItem(QtGui.QIcon(pixmap), status.label(self.lang), status.code)

    def _on_projects_changed(self, *_):
        self.refresh()

    def current_project(self):
        current = self.selection.current
        if self.workspace is None or current is None:
            return None
        try:
            layer = self.workspace.layer(current[0])
        except KeyError:
            return None
        pid = layer.project_ids.iloc[current[1]]
        return self.workspace.projects.get(pid) if pid else None

    def refresh(self) -> None:
        project = self.current_project()
        self.setVisible(project is not None)
        self.apply_button.setVisible(project is not None)  # it may live in the identify header
        self.project_id = project.project_id if project else None
        if project is None:
            return
        reason = self.link.read_only_reason
        if reason is None and self.workspace.as_of is not None:
            reason = self.tr("Showing statuses as of %1: return to today to edit.").replace(
                "%1", self.workspace.as_of.isoformat())
        notice = reason or self.link.save_note
        self.notice.setText(notice or "")
        self.notice.setVisible(bool(notice))
        self.form_box.setEnabled(reason is None)
        self.apply_button.setEnabled(reason is None)
        self.undo_button.setEnabled(reason is None)
        self.undo_action.setEnabled(reason is None)
        self._fill_form(project)  # keeps unsaved edits the register moved under (then says so)
        self._fill_history(project.project_id)

    def _fill_form(self, project) -> None:
        values = {field: getattr(project, field) for field in EDITED_FIELDS}
        if (not self._applying and project.project_id == self.shown.get("project_id")
                and values != self.shown["values"] and self.changes()):
            # the register moved on while the user has unsaved edits here: keep their edits and
            # the values they started from, so Apply is refused with both values, never silently
            self.notice.setText(self.tr("Changed elsewhere while you were editing; Apply will show "
                                        "both values."))
            self.notice.setVisible(True)
            return
        self.shown = {"project_id": project.project_id, "values": values}
        index = self.status_combo.findData(project.status)
        self.status_combo.setCurrentIndex(index)
        pct = _number(project.progress_pct)
        self.progress_spin.setValue(NO_PROGRESS if pct is None else int(round(pct)))
        for field, edit in self.date_edits.items():
            value = getattr(project, field)
            edit.setDate(QtCore.QDate(value.year, value.month, value.day) if value else NO_DATE)
        self.note_edit.setText(project.note or "")

    def _fill_history(self, project_id: str) -> None:
        self.history_list.clear()
        rows = [r for r in self.link.history(project_id) if r.source != "seed"]
        scheme = self.workspace.scheme if self.workspace is not None else None
        for row in reversed(rows[-HISTORY_ROWS:]):
            old, new = (value_text(row.field, v, scheme, self.lang) for v in (row.old, row.new))
            self.history_list.addItem(f"{local_time(row.changed_at)}  {field_label(row.field)}: {old} → {new}"
                                      f"  ({row.author}, {self._source_label(row.source)})")

    def _source_label(self, source: str) -> str:
        return {"app": self.tr("window"), "undo": self.tr("undo"), "import": self.tr("spreadsheet"),
                "merge": self.tr("merge"), "seed": self.tr("initial")}.get(source, source)

    # -- edits ----------------------------------------------------------------------------------------
    def changes(self) -> dict:
        """The form's fields that differ from the values it was filled from."""
        if self.current_project() is None or not self.shown:
            return {}
        shown = self.shown["values"]
        out: dict = {}
        code = self.status_combo.currentData()
        if code and code != shown["status"]:
            out["status"] = code
        pct = self.progress_spin.value()
        current = _number(shown["progress_pct"])
        if (pct == NO_PROGRESS) != (current is None) or (current is not None and pct != int(round(current))):
            out["progress_pct"] = None if pct == NO_PROGRESS else float(pct)
        for field, edit in self.date_edits.items():
            value: date | None = None if edit.date() == NO_DATE else edit.date().toPython()
            if value != shown[field]:
                out[field] = value
        if self.note_edit.text() != (shown["note"] or ""):
            out["note"] = self.note_edit.text()
        return out

    def apply(self) -> bool:
        """Write the changed fields; False (with the reason shown) when nothing was written."""
        if self.project_id is None or not self.link.editable:
            return False
        changes = self.changes()
        if not changes:
            self.message.emit(self.tr("No changes to apply."))
            return False
        return self._write(changes, {f: self.shown["values"][f] for f in changes})

    def _write(self, changes: dict, base: dict) -> bool:
        """One compare-and-set write; a field changed meanwhile opens the stale-edit dialog."""
        self._applying = True
        try:
            self.link.update(self.project_id, changes, base)
        except StaleEditError as exc:
            self._applying = False
            return self._resolve_stale(exc, changes)
        except ParksgisError as exc:
            self._show_error(str(exc))
            return False
        finally:
            self._applying = False
        self.message.emit(self.tr("Saved %1: %2").replace("%1", self.project_id)
                          .replace("%2", ", ".join(field_label(f) for f in changes)))
        return True

    def _resolve_stale(self, error: StaleEditError, changes: dict) -> bool:
        from parksgis.qt import stale_edit_dialog as stale

        self.link.reread({f.project_id for f in error.fields})  # the map shows what is there now
        scheme = self.workspace.scheme if self.workspace is not None else None
        dialog = stale.StaleEditDialog(error, scheme, self.lang, self.window())
        self.stale_dialog = dialog  # what a test drives
        dialog.exec()
        current = {f.field: f.current for f in error.fields}
        if dialog.choice == stale.APPLY_MINE:  # deliberately over what is there now
            return self._write(changes, {**{f: self.shown["values"][f] for f in changes}, **current})
        self.shown["values"].update(current)  # the form's base is now what the register holds
        if dialog.choice == stale.KEEP_THEIRS:
            self.shown = {}
            self.refresh()
            self.message.emit(self.tr("Kept the register's values; yours were dropped."))
        else:
            self._show_error(self.tr("Your values are still in the form: change them or Apply to "
                                     "overwrite what is in the register now."))
        return False

    def undo(self) -> bool:
        if not self.link.editable or (self.workspace is not None and self.workspace.as_of is not None):
            return False
        try:
            rows = self.link.undo()
        except ParksgisError as exc:
            self._show_error(str(exc))
            return False
        if not rows:
            self.message.emit(self.tr("Nothing to undo."))
            return False
        ids = sorted({r.project_id for r in rows})
        self.message.emit(self.tr("Undone: %1").replace("%1", ", ".join(ids)))
        return True

    def _show_error(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)
        self.message.emit(text)
