"""File ▸ Import status spreadsheet… and File ▸ Export register… in the window.

Both are thin over :mod:`parksgis.store.spreadsheet` (the same code as ``parksgis status
import/export``): the import dialog shows the dry run of :func:`plan_import` — every row problem, or
every change with its old and new value, and the summary line — and **Apply** (enabled only with
changes and no problems) runs :func:`apply_import`: one transaction and one edit group, with the
file name as the history source. The map, legend, table and dashboard follow through the register's
``changed`` signal like any edit, and Undo (Ctrl+Z) reverts the whole import. Dialogs open with
``open()`` (window-modal, no nested event loop).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.errors import ParksgisError
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
MESSAGE_MS = 8000


def _cell(value) -> str:
    from parksgis.store.projects_csv import format_cell

    return format_cell(value) if value not in (None, "") else "—"


class ImportPreviewDialog(QtWidgets.QDialog):
    """The dry run of one spreadsheet against the open register, and the button to apply it."""

    applied = QtCore.Signal(object)  # the ImportPlan, with its history rows written

    def __init__(self, plan, link, lang: str, parent=None):
        super().__init__(parent, objectName="import_preview_dialog")
        follow_language(self, self.retranslate)
        self.plan, self.link, self.lang = plan, link, lang
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 460)
        layout = QtWidgets.QVBoxLayout(self)
        self.headline = QtWidgets.QLabel(self, objectName="import_headline", wordWrap=True)
        layout.addWidget(self.headline)
        self.problems_view = QtWidgets.QTreeWidget(self, objectName="import_problems")
        self.problems_view.setRootIsDecorated(False)
        self.problems_view.setAlternatingRowColors(True)
        self.changes_view = QtWidgets.QTreeWidget(self, objectName="import_changes")
        self.changes_view.setRootIsDecorated(False)
        self.changes_view.setAlternatingRowColors(True)
        layout.addWidget(self.problems_view)
        layout.addWidget(self.changes_view)
        self.summary = QtWidgets.QLabel(plan.summary(), self, objectName="import_summary", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.error = QtWidgets.QLabel(self, objectName="import_error", wordWrap=True)
        self.error.setStyleSheet("color: #b02a37;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QtWidgets.QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("import_apply_button")
        self.close_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setObjectName("import_close_button")
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill()
        self.retranslate()

    # -- contents -------------------------------------------------------------------------------------
    def _fill(self) -> None:
        plan = self.plan
        for p in plan.problems:
            where = f"{p.sheet}: {p.row}" if p.sheet else str(p.row)
            item = QtWidgets.QTreeWidgetItem([where, p.column or "", p.message])
            item.setToolTip(2, p.format(plan.file))  # the whole line the CLI prints (long ones elide)
            self.problems_view.addTopLevelItem(item)
        current = self.link.backend.projects() if self.link.backend is not None else {}
        for pid, fields in plan.changes.items():
            project = current.get(pid)
            for name, new in fields.items():
                if name == "updated_at":
                    continue  # bookkeeping: written with every change, not a change of its own
                old = getattr(project, name, None) if project is not None else None
                text = f"{self._value(name, old)} → {self._value(name, new)}"
                self.changes_view.addTopLevelItem(QtWidgets.QTreeWidgetItem([pid, self._field(name), text]))
        self.problems_view.setVisible(bool(plan.problems))
        self.changes_view.setVisible(not plan.problems and bool(plan.changes))
        for view in (self.problems_view, self.changes_view):
            for column in range(view.columnCount() - 1):
                view.resizeColumnToContents(column)
        self.apply_button.setEnabled(plan.ok and bool(plan.changes))

    def _field(self, name: str) -> str:
        """A field as the spreadsheet headers call it: 状态 in a Chinese UI, status in English."""
        from parksgis.store.columns import EXPORT_HEADERS

        return EXPORT_HEADERS["zh"].get(name, name) if self.lang == "zh" else name

    def _value(self, name: str, value) -> str:
        scheme = getattr(self.link.workspace, "scheme", None)
        if name == "status" and scheme is not None and value in scheme:
            return f"{scheme[value].label(self.lang)} ({value})"
        return _cell(value)

    def retranslate(self) -> None:
        plan = self.plan
        self.setWindowTitle(self.tr("Import status spreadsheet — %1").replace("%1", os.path.basename(plan.file)))
        self.problems_view.setHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.changes_view.setHeaderLabels([self.tr("Project"), self.tr("Field"), self.tr("Old → new")])
        if plan.written:
            text = self.tr("Imported: %n history row(s) written. Undo (Ctrl+Z) reverts the whole import.",
                           "", len(plan.written))
        elif plan.problems:
            text = self.tr("%n problem(s) in the file: fix them and import again. Nothing will be written.",
                           "", len(plan.problems))
        elif not plan.changes:
            text = self.tr("Nothing to change: the register already holds these values.")
        else:
            text = self.tr("%n project(s) will change. Apply writes all of them in one step, or none.",
                           "", len(plan.changes))
        self.headline.setText(text)
        self.apply_button.setText(self.tr("Apply"))
        self.close_button.setText(self.tr("Close") if plan.written or not self.apply_button.isEnabled()
                                  else self.tr("Cancel"))

    # -- applying -------------------------------------------------------------------------------------
    def apply(self) -> bool:
        """Write the plan (all or nothing); False, with the reason shown, when nothing was written."""
        from parksgis.store.spreadsheet import apply_import

        reason = import_blocked_reason(self.link)
        if reason is None and not (self.plan.ok and self.plan.changes):
            reason = self.tr("Nothing to apply.")
        if reason is None:
            try:
                apply_import(self.link.backend, self.plan.file, author=self.link.author(), plan=self.plan)
            except ParksgisError as exc:
                reason = str(exc)
        if reason is not None:
            self.error.setText(reason)
            self.error.show()
            return False
        self.apply_button.setEnabled(False)
        self.retranslate()
        self.applied.emit(self.plan)
        self.accept()
        return True


def import_blocked_reason(link) -> str | None:
    """Why a spreadsheet cannot be imported now (read-only register, a past day shown), or None."""
    reason = link.read_only_reason
    workspace = link.workspace
    if reason is None and workspace is not None and workspace.as_of is not None:
        reason = QtCore.QCoreApplication.translate(
            "SpreadsheetActions", "Showing statuses as of %1: return to today to import.").replace(
            "%1", workspace.as_of.isoformat())
    return reason


class SpreadsheetActions(QtCore.QObject):
    """The two File menu actions, made by the register panels with the session's register link."""

    def __init__(self, window, link):
        super().__init__(window)
        self.window, self.link = window, link
        self.preview: ImportPreviewDialog | None = None
        self.file_dialog: QtWidgets.QFileDialog | None = None
        self.import_action = QtGui.QAction(window, objectName="import_spreadsheet")
        self.import_action.triggered.connect(lambda *_: self.choose_import_file())
        self.export_action = QtGui.QAction(window, objectName="export_register")
        self.export_action.triggered.connect(lambda *_: self.choose_export_file())
        actions = window.actions_
        before = actions.recent_menu.menuAction()
        actions.file_menu.insertSeparator(before)
        actions.file_menu.insertAction(before, self.import_action)
        actions.file_menu.insertAction(before, self.export_action)
        actions.file_menu.insertSeparator(before)
        follow_language(window, self.retranslate)
        link.state_changed.connect(self.update_actions)
        self.retranslate()
        self.update_actions()

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import status spreadsheet…"))
        self.export_action.setText(self.tr("E&xport register…"))
        self.update_actions()

    def update_actions(self) -> None:
        reason = import_blocked_reason(self.link)
        self.import_action.setEnabled(reason is None)
        tip = reason or self.tr("Apply a CSV or XLSX status sheet to the register, after a preview")
        self.import_action.setToolTip(tip)
        self.import_action.setStatusTip(tip)
        self.export_action.setEnabled(self.link.backend is not None)
        tip = (self.tr("Write the register to a CSV (UTF-8) or XLSX file") if self.link.backend is not None
               else self.link.read_only_reason or "")
        self.export_action.setToolTip(tip)
        self.export_action.setStatusTip(tip)

    def _lang(self) -> str:
        return getattr(self.window, "lang", "zh")

    def _start_folder(self) -> str:
        source = (getattr(self.link.workspace, "meta", None) or {}).get("source")
        return str(Path(source) if source and Path(source).is_dir() else Path.home())

    # -- import ---------------------------------------------------------------------------------------
    def choose_import_file(self) -> QtWidgets.QFileDialog | None:
        reason = import_blocked_reason(self.link)
        if reason is not None:
            self._message(reason)
            return None
        dialog = self._file_dialog("import_file_dialog", self.tr("Import status spreadsheet"),
                                   self.tr("Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)"))
        dialog.setFileMode(QtWidgets.QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.preview_import)
        dialog.open()
        return dialog

    def preview_import(self, path) -> ImportPreviewDialog | None:
        """Dry-run ``path`` against the register and show the preview dialog (or the one-line error)."""
        from parksgis.store.spreadsheet import plan_import

        reason = import_blocked_reason(self.link)
        if reason is not None:
            self._error(reason)
            return None
        QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = plan_import(self.link.backend, str(path))
        except ParksgisError as exc:
            self._error(str(exc))
            return None
        finally:
            QtWidgets.QApplication.restoreOverrideCursor()
        if self.preview is not None:
            self.preview.close()
        dialog = self.preview = ImportPreviewDialog(plan, self.link, self._lang(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "preview", None) if self.preview is dialog else None)
        dialog.applied.connect(self._imported)
        dialog.finished.connect(self.window.activateWindow)  # Ctrl+Z (undo the import) goes to the window
        dialog.open()
        return dialog

    def _imported(self, plan) -> None:
        self._message(self.tr("Imported %1: %n history row(s) written (Ctrl+Z undoes the import).", "",
                              len(plan.written)).replace("%1", plan.source))

    # -- export ---------------------------------------------------------------------------------------
    def choose_export_file(self) -> QtWidgets.QFileDialog | None:
        if self.link.backend is None:
            self._message(self.link.read_only_reason or "")
            return None
        dialog = self._file_dialog("export_file_dialog", self.tr("Export register"),
                                   self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.filterSelected.connect(
            lambda name: dialog.setDefaultSuffix("csv" if "*.csv" in name else "xlsx"))
        dialog.selectFile(f"register-{QtCore.QDate.currentDate().toString('yyyyMMdd')}.xlsx")
        dialog.fileSelected.connect(self.export_to)
        dialog.open()
        return dialog

    def export_to(self, path) -> int | None:
        """Write the register to ``path`` (.csv or .xlsx, by its name); the rows written, or None."""
        from parksgis.store.spreadsheet import export_register

        path = str(path)
        if not path.lower().endswith((".csv", ".xlsx")):
            self._error(self.tr("%1: the file name must end in .csv or .xlsx").replace("%1", path))
            return None
        try:
            count = export_register(self.link.backend, path, lang=self._lang())
        except (ParksgisError, OSError) as exc:
            detail = str(exc) if isinstance(exc, ParksgisError) else f"{path}: {exc.strerror or exc}"
            self._error(detail)
            return None
        self._message(self.tr("Exported %n project(s) to %1", "", count).replace("%1", path))
        return count

    # -- helpers --------------------------------------------------------------------------------------
    def _file_dialog(self, name: str, title: str, filters: str) -> QtWidgets.QFileDialog:
        if self.file_dialog is not None:
            self.file_dialog.close()
        dialog = self.file_dialog = QtWidgets.QFileDialog(self.window, title, self._start_folder(), filters)
        dialog.setObjectName(name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "file_dialog", None)
                                 if self.file_dialog is dialog else None)
        return dialog

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _error(self, text: str) -> QtWidgets.QMessageBox:
        """One clear message, window-modal but not blocking (``open``)."""
        self._message(text)
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, self.tr("parksgis"), text,
                                    QtWidgets.QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("spreadsheet_error")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

