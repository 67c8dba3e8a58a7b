"""Layer packs in the window: open one, export its changes, merge change files, resolve conflicts.

The window makes them with its session (``MainWindow(packs=True)``): File ▸ Open pack…, Export
changes…, Merge changes… and Resolve conflicts…; a .gpkg (or a folder) dropped on the window goes
to :meth:`PackActions.open_path`.

Opening a pack decides how it may be edited, and says why when it may not:
- on read-only media, a network share, on request, or while another parksgis window edits it,
  the pack API opens it read-only with a reason, shown in the status bar notice and the problems
  dock, and the status editor is disabled — never a second writer;
- while another program is saving to it (PackLockedError) the user may retry or give up;
- a bad pack (truncated, not SQLite, tampered) is one row in the problems dock; the workspace
  already open stays, so the map keeps working.
After a merge or a resolution the window's register is re-read: ``workspace.projects_changed``
moves map colours, legend and table.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.errors import ParksgisError
from parksgis.qt import workspace_loading
from parksgis.qt.loader import Cancelled, Pending, run_in_background
from parksgis.qt.i18n import follow_language

PACK_SUFFIX = ".gpkg"
MESSAGE_MS = 8000


def problem_code(exc: Exception) -> str:
    from parksgis.pack import (ChangeFileError, PackCorruptError, PackLockedError, PackReadOnlyError,
                               PackVersionError)

    for cls, code in [(PackCorruptError, "pack-corrupt"), (PackVersionError, "pack-version"),
                      (PackLockedError, "pack-locked"), (PackReadOnlyError, "pack-read-only"),
                      (ChangeFileError, "change-file")]:
        if isinstance(exc, cls):
            return code
    return getattr(exc, "code", "unreadable")


def load_pack(path: Path, read_only: bool = False, layers_read=None):
    """The pack opened (an OpenedWorkspace), read-only on request or when the pack API says so
    (read-only media, a network share, open for editing in another window). Runs in the loader's
    thread; the register link opens the register again in the UI thread. Its big layers are read
    per view, the first view while the register is read (``layers_read``: as
    ``workspace_loading.open_path`` opens any other source)."""
    from parksgis.app.workspace import open_workspace

    return open_workspace(path, read_only=read_only, view_layers=True, layers_read=layers_read)


class PackActions(QtCore.QObject):
    changes_exported = QtCore.Signal(object)  # the change file written, or None
    changes_merged = QtCore.Signal(object)    # the MergeResult, or None (cancelled, refused)

    def __init__(self, window, session):
        super().__init__(window)
        self.window = window
        self.session = session
        self.conflicts_dialog = None
        self.open_pack_action = self._action("open_pack", self.choose_pack)
        self.export_action = self._action("export_changes", self.export_changes)
        self.merge_action = self._action("merge_changes", self.merge_changes)
        self.conflicts_action = self._action("show_conflicts", self.show_conflicts)
        actions = window.actions_
        menu = actions.file_menu
        menu.insertAction(actions.open_file, self.open_pack_action)
        before = actions.recent_menu.menuAction()
        menu.insertSeparator(before)
        for action in (self.export_action, self.merge_action, self.conflicts_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        window.installEventFilter(self)  # drops of packs and folders
        follow_language(window, self.retranslate)
        self.retranslate()
        self.update_actions()

    def _action(self, name: str, slot) -> QtGui.QAction:
        action = QtGui.QAction(self.window, objectName=name)
        action.triggered.connect(lambda *_: slot())
        return action

    def retranslate(self) -> None:
        self.open_pack_action.setText(self.tr("Open &pack…"))
        self.export_action.setText(self.tr("Export c&hanges…"))
        self.merge_action.setText(self.tr("&Merge changes…"))
        self.conflicts_action.setText(self.tr("Resolve &conflicts…"))

    # -- what is open -------------------------------------------------------------------------------
    @property
    def handle(self):
        """The open pack's PackHandle, or None."""
        return self.session.pack

    def merge_target(self) -> Path | None:
        """Where merged changes go: the open pack when it is editable, or the open layers folder."""
        handle, workspace = self.handle, self.window.workspace
        if handle is not None:
            return handle.path if handle.is_pack and not handle.read_only else None
        source = (workspace.meta or {}).get("source") if workspace is not None else None
        return Path(source) if source and Path(source).is_dir() else None

    def update_actions(self) -> None:
        handle = self.handle
        self.export_action.setEnabled(handle is not None and handle.is_pack)
        target = self.merge_target()
        self.merge_action.setEnabled(target is not None)
        self.conflicts_action.setEnabled(target is not None)

    # -- opening ------------------------------------------------------------------------------------
    def choose_pack(self) -> None:
        dialog = QtWidgets.QFileDialog(self.window, self.tr("Open a layer pack"), "",
                                       self.tr("Layer packs (*.gpkg);;All files (*)"))
        dialog.setObjectName("open_pack_dialog")
        dialog.setFileMode(QtWidgets.QFileDialog.FileMode.ExistingFile)
        if dialog.exec() and dialog.selectedFiles():
            self.window.open_path(dialog.selectedFiles()[0])

    def open_path(self, path, read_only: bool = False) -> Pending:
        """Show the folder, layer file or pack at ``path``: a Pending done with True, or with False
        (and a problem row) on failure."""
        path = Path(path)
        if path.suffix.lower() != PACK_SUFFIX or not path.is_file():
            return workspace_loading.open_path(self.window, path).then(self._after_open)
        if self.handle is not None and self.handle.path.resolve() == path.resolve():
            self.session.close()  # reopening the open pack: let go of its edit lock, or it would look taken
        return self._load_pack(path, read_only)

    def _load_pack(self, path: Path, read_only: bool) -> Pending:
        def show(outcome):
            from parksgis.pack import PackLockedError

            exc = outcome.error
            if isinstance(exc, Cancelled):
                return False
            if isinstance(exc, PackLockedError) and self.ask_retry(str(exc)):
                return self._load_pack(path, read_only)  # the other program's save takes a moment
            if isinstance(exc, ParksgisError):
                self.report_problem(path, exc)
                return False
            if exc is not None:
                raise exc
            self._show_pack(path, *outcome.result)
            return True

        return workspace_loading.load_for_window(
            self.window, self.tr("Opening %1…").replace("%1", path.name),
            lambda layers_read: load_pack(path, read_only, layers_read)).then(show)

    def _after_open(self, opened: bool) -> bool:
        if opened:
            self._after_show()
        return opened

    def ask_retry(self, text: str) -> bool:
        """Another program holds the pack's write lock: try again, or give up (nothing opened)."""
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, self.tr("Pack busy"), text,
                                    QtWidgets.QMessageBox.StandardButton.Retry
                                    | QtWidgets.QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("pack_busy_question")
        return box.exec() == QtWidgets.QMessageBox.StandardButton.Retry

    def _show_pack(self, path: Path, opened, geometry=None, statuses=None) -> None:
        self.window.set_workspace(opened.workspace, opened.reports, geometry, opened.source, statuses)
        self.window.remember(path)
        reports, handle = opened.reports, opened.source.pack
        if handle is not None and handle.read_only:
            self.window.problems.add_problem("warning", path, None, "pack-read-only",
                                             handle.read_only_reason or self.tr("read-only"))
        if any(report.problems for report in reports) or (handle is not None and handle.read_only):
            self.window.docks["problems"].raise_()
        self._after_show()

    def _after_show(self) -> None:
        self.update_actions()
        self._announce_conflicts()

    def report_problem(self, path, exc: Exception) -> None:
        """One row in the problems dock and the same line in the status bar; nothing else changes."""
        self.window.problems.add_problem("error", path, None, problem_code(exc), str(exc))
        self.window.docks["problems"].show()
        self.window.docks["problems"].raise_()
        self.window.statusBar().showMessage(str(exc), MESSAGE_MS)

    # -- drops --------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.window:
            kind = event.type()
            if kind == QtCore.QEvent.Type.Drop and event.mimeData().hasUrls():
                return self._drop(event)
        return False

    def _drop(self, event) -> bool:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        opened = [p for p in paths if p.suffix.lower() == PACK_SUFFIX or p.is_dir()]
        if not opened:
            return False  # layer files: the window adds them
        event.acceptProposedAction()
        rest = [p for p in paths if p not in opened]

        def open_later():  # not inside the drop: a progress dialog must not run in the drag loop
            self.window.open_path(opened[0]).then(lambda ok: self.window.add_files(rest) if ok and rest else 0)

        QtCore.QTimer.singleShot(0, open_later)
        return True

    # -- changes out and in -------------------------------------------------------------------------
    def _ask_file(self, name: str, title: str, filters: str, save: bool, start: Path) -> list[Path]:
        dialog = QtWidgets.QFileDialog(self.window, title, str(start), filters)
        dialog.setObjectName(name)
        if save:
            dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
            dialog.selectFile(start.name)
        else:
            dialog.setFileMode(QtWidgets.QFileDialog.FileMode.ExistingFiles)
        if not dialog.exec():
            return []
        return [Path(p) for p in dialog.selectedFiles()]

    def export_changes(self) -> Pending:
        """File ▸ Export changes…: the open pack's edits since it was built, to a JSON file; a
        Pending done with the file written (None when none was), as ``changes_exported`` says."""
        return self._export().then(self._emit(self.changes_exported))

    def _export(self) -> Pending:
        from parksgis.pack import export_changes

        handle = self.handle
        if handle is None or not handle.is_pack:
            self.window.statusBar().showMessage(self.tr("Open a layer pack to export its changes."), MESSAGE_MS)
            return Pending.of(None, self)
        name = f"{handle.path.stem}-changes-{date.today():%Y%m%d}.json"
        from parksgis.pack.access import read_only_reason

        # next to the pack, unless it sits on read-only media or a share
        folder = handle.path.parent if read_only_reason(handle.path) is None else Path.home()
        chosen = self._ask_file("export_changes_dialog", self.tr("Export changes"),
                                self.tr("Change files (*.json)"), True, folder / name)
        if not chosen:
            return Pending.of(None, self)
        out = chosen[0]

        def done(document):
            count = len(document["changes"])
            self.window.statusBar().showMessage(
                self.tr("Exported %n change(s) to %1", "", count).replace("%1", str(out)), MESSAGE_MS)
            return out

        return self._in_background(self.tr("Exporting changes…"), lambda: export_changes(handle.path, out),
                                   done, out)

    def merge_changes(self, files=None) -> Pending:
        """File ▸ Merge changes…: apply change files to the open pack or layers folder; a Pending
        done with the MergeResult (None when nothing was merged), as ``changes_merged`` says."""
        return self._merge(files).then(self._emit(self.changes_merged))

    def _merge(self, files) -> Pending:
        from parksgis.pack import merge_changes

        target = self.merge_target()
        if target is None:
            self.window.statusBar().showMessage(
                self.tr("Open a layers folder or an editable pack to merge changes into it."), MESSAGE_MS)
            return Pending.of(None, self)
        if files is None:
            files = self._ask_file("merge_changes_dialog", self.tr("Merge change files"),
                                   self.tr("Change files (*.json *.gpkg);;All files (*)"), False, target.parent)
        if not files:
            return Pending.of(None, self)
        author = self._author()

        def done(result):
            self.refresh_register()
            self.window.statusBar().showMessage(
                self.tr("Merged %1 change(s), %2 already there, %3 repeated; %4 new conflict(s).")
                .replace("%1", str(len(result.merged))).replace("%2", str(len(result.already)))
                .replace("%3", str(len(result.repeated))).replace("%4", str(len(result.conflicts))),
                MESSAGE_MS)
            if result.still_open:
                self.show_conflicts()
            return result

        # a cancelled merge runs on in its thread; its single transaction commits or not
        return self._in_background(self.tr("Merging changes…"), lambda: merge_changes(target, files, author=author),
                                   done, target)

    def _in_background(self, label: str, job, done, problem_path) -> Pending:
        """``job`` on the thread pool; ``done(result)`` in the UI thread, or None after a cancel or
        a ParksgisError (one problem row, naming ``problem_path`` unless the error names a file)."""
        def finish(outcome):
            exc = outcome.error
            if isinstance(exc, Cancelled):
                return None
            if isinstance(exc, ParksgisError):
                self.report_problem(getattr(exc, "path", problem_path), exc)
                return None
            if exc is not None:
                raise exc
            return done(outcome.result)

        return run_in_background(self.window, label, job).then(finish)

    @staticmethod
    def _emit(signal):
        def emit(value):
            signal.emit(value)
            return value
        return emit

    def _author(self) -> str:
        return self.session.link.author()

    # -- conflicts ----------------------------------------------------------------------------------
    def show_conflicts(self):
        """The conflicts dialog on the merge target (window-modal, not blocking)."""
        from parksgis.qt.conflicts_dialog import ConflictsDialog

        target = self.merge_target()
        if target is None:
            return None
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.close()
            self.conflicts_dialog.deleteLater()
        dialog = ConflictsDialog(target, self.window.workspace, self.window.lang, self._author(),
                                 self.window)
        dialog.resolved.connect(lambda _done: self.refresh_register())
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def _announce_conflicts(self) -> None:
        from parksgis.pack import open_conflicts

        target = self.merge_target()
        try:
            count = len(open_conflicts(target)) if target is not None else 0
        except ParksgisError:
            count = 0
        if count:
            self.window.statusBar().showMessage(
                self.tr("%n open merge conflict(s): File ▸ Resolve conflicts…", "", count), MESSAGE_MS)

    def refresh_register(self) -> None:
        """Re-read the register after another connection (merge, resolution) wrote to it."""
        link = self.session.link
        if link.backend is None or link.workspace is None:
            return
        workspace = link.workspace
        day = workspace.as_of
        projects = link.backend.projects() if day is None else link.backend.as_of(day)
        workspace.show_as_of(day, projects)  # emits projects_changed for the projects that differ
        link.state_changed.emit()  # the editor re-reads the project's history

