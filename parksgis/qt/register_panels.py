"""The register's place in the main window: status editor, "as of" bar, changes list, dashboard.

The window makes them with its :class:`~parksgis.qt.session.Session` (``MainWindow(register=True)``)
and calls ``register_panels.set_workspace(workspace, renderer)`` whenever it shows a new
workspace. Everything here talks to the model (Workspace, Selection) and to the session's register link;
the only window widgets used are the identify panel (the editor sits under its project card),
the canvas (zoom requests), the status bar and the Panels menu.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from parksgis.qt import spreadsheet_dialog
from parksgis.qt.as_of_bar import AsOfBar
from parksgis.qt.dashboard import Dashboard
from parksgis.qt.status_editor import StatusEditor
from parksgis.qt.i18n import follow_language

Qt = QtCore.Qt
MESSAGE_MS = 6000


class TitledDock(QtWidgets.QDockWidget):
    """A dock whose title is re-translated on a language change."""

    def __init__(self, name: str, title, widget, parent):
        super().__init__(parent, objectName=f"{name}_dock")
        follow_language(self, lambda: self.setWindowTitle(self._title()))
        self._title = title
        self.setWidget(widget)
        self.setWindowTitle(title())


class RegisterPanels(QtCore.QObject):
    def __init__(self, window, session):
        super().__init__(window)
        self.window = window
        self.session = session
        self.link = session.link
        self.editor = StatusEditor(window.selection, self.link, window.identify)
        window.identify.add_editor(self.editor, [self.editor.apply_button])
        window.addAction(self.editor.undo_action)  # Ctrl+Z works wherever the focus is
        self.as_of = AsOfBar(window.selection, self.link, window)
        self.toolbar = window.addToolBar(self.tr("Status as of"))
        self.toolbar.setObjectName("as_of_toolbar")
        self.toolbar.addWidget(self.as_of)
        self.dashboard = Dashboard(window.selection, self.link, window)
        self.docks = {
            "changes": TitledDock("changes", lambda: self.tr("Status changes"), self.as_of.changes_list, window),
            "dashboard": TitledDock("dashboard", lambda: self.tr("Dashboard"), self.dashboard, window),
        }
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["changes"])
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.docks["dashboard"])
        window.tabifyDockWidget(window.docks["table"], self.docks["dashboard"])
        window.docks["table"].raise_()
        self.docks["changes"].hide()
        actions = window.actions_
        actions.tools_menu.addSeparator()
        actions.tools_menu.addAction(self.editor.undo_action)
        for dock in self.docks.values():
            actions.panels_menu.addAction(dock.toggleViewAction())
        self.author_action = actions.settings_menu.addAction(self.tr("Your name in the history…"))
        self.author_action.setObjectName("author_action")
        self.author_action.triggered.connect(self.ask_author)
        # File ▸ Import status spreadsheet… / Export register…
        self.spreadsheets = spreadsheet_dialog.SpreadsheetActions(window, self.link)
        # a read-only pack or folder says so for as long as it is open, the sample parks where
        # their edits are saved
        self.notice = QtWidgets.QLabel(window, objectName="register_notice")
        self.notice.setStyleSheet("background: #fff3cd; color: #664d03; padding: 1px 6px;")
        self.notice.hide()
        window.statusBar().addPermanentWidget(self.notice)
        self.link.state_changed.connect(self._update_notice)
        self.editor.message.connect(self._show_message)
        self.dashboard.message.connect(self._show_message)
        self.as_of.zoom_to_features.connect(window.canvas.zoom_to_features)
        self.as_of.compare_check.toggled.connect(self._compare_toggled)
        follow_language(window, self.retranslate)  # what is ours in the window's menus and bars

    def retranslate(self) -> None:
        self.toolbar.setWindowTitle(self.tr("Status as of"))
        self.author_action.setText(self.tr("Your name in the history…"))

    def set_workspace(self, workspace, renderer) -> None:
        """Open the workspace's register and point every register view at it."""
        if self.link.workspace is workspace and self.as_of.renderer is renderer:
            return
        self.session.open_register()
        self.editor.set_workspace(workspace)
        self.as_of.set_workspace(workspace, renderer)
        self.dashboard.set_workspace(workspace)

    def set_lang(self, lang: str) -> None:
        for widget in (self.editor, self.as_of, self.dashboard):
            widget.set_lang(lang)

    def close(self) -> None:
        self.link.close()

    def _update_notice(self) -> None:
        workspace = self.link.workspace
        text = None
        # a pack or a folder whose register opened read-only says why, whatever is selected
        if workspace is not None and (self.session.pack is not None or self.link.backend is not None):
            text = self.link.read_only_reason
        text = text or self.link.save_note or ""
        self.notice.setText(text)
        self.notice.setToolTip(text)
        self.notice.setVisible(bool(text))
        self.window.show_read_only(self.link.read_only_reason if workspace is not None else None)

    def ask_author(self) -> None:
        """Ask for the name written into history rows (the "author" setting; empty: the OS user)."""
        name, ok = QtWidgets.QInputDialog.getText(
            self.window, self.tr("Your name in the history"),
            self.tr("Name recorded with your status edits (empty: your system user name):"),
            text=str(self.window.settings.value("author", "") or ""))
        if ok:
            self.window.settings.setValue("author", name.strip())

    def _compare_toggled(self, on: bool) -> None:
        if on:
            self.docks["changes"].show()
            self.docks["changes"].raise_()
        else:  # an empty list of changes has nothing to say
            self.docks["changes"].hide()

    def _show_message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

