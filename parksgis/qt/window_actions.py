"""The main window's actions, menus and toolbar, and their (re)translated texts.

Kept apart from the window's wiring so both stay short; every visible string is set in
``retranslate`` so switching the language at run time renames everything.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.qt.i18n import LANGUAGES

Qt = QtCore.Qt
Key = QtGui.QKeySequence


# The window's texts share one context with MainWindow.tr(); pyside6-lupdate reads
# translate("MainWindow", "text") calls with the context written out.
translate = QtCore.QCoreApplication.translate


class WindowActions:
    def __init__(self, window):
        self.window = window
        w = window
        canvas = w.canvas
        make = self._action
        self.open_folder = make("open_folder", w.choose_folder, Key.StandardKey.Open)
        self.open_file = make("open_file", w.choose_files, "Ctrl+Shift+O")
        self.quit = make("quit", w.close, Key.StandardKey.Quit)
        self.zoom_all = make("zoom_all", canvas.zoom_all, "Home")
        self.zoom_in = make("zoom_in", lambda: canvas.zoom_by(0.5), Key.StandardKey.ZoomIn)
        self.zoom_out = make("zoom_out", lambda: canvas.zoom_by(2.0), Key.StandardKey.ZoomOut)
        self.zoom_selection = make("zoom_selection", w.zoom_to_selection, "Ctrl+J")
        self.clear_selection = make("clear_selection", w.selection.clear, "Ctrl+Shift+A")
        self.settings = make("settings", w.show_settings, "Ctrl+,")
        self.about = make("about", w.show_about)
        self.guide = make("guide", lambda: self._show_help("guide"), "F1")
        self.shortcuts = make("shortcuts", lambda: self._show_help("shortcuts"), "Ctrl+/")
        self.tools = QtGui.QActionGroup(w)
        self.tool_actions = {}
        for tool, shortcut in [("pan", "P"), ("zoom_box", "Z"), ("select_box", "S"),
                               ("measure_distance", "M"), ("measure_area", "A")]:
            action = make(f"tool_{tool}", lambda _=False, t=tool: canvas.set_tool(t), shortcut)
            action.setCheckable(True)
            self.tools.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions["pan"].setChecked(True)
        canvas.tool_changed.connect(lambda t: self.tool_actions[t].setChecked(True))
        self.languages = QtGui.QActionGroup(w)
        self.language_actions = {}
        for code, name in LANGUAGES.items():
            action = QtGui.QAction(name, w, checkable=True, objectName=f"language_{code}")
            action.triggered.connect(lambda _=False, c=code: w.set_language(c))
            self.languages.addAction(action)
            self.language_actions[code] = action
        self._build_menus()
        self._build_toolbar()

    def _action(self, name, slot, shortcut=None) -> QtGui.QAction:
        action = QtGui.QAction(self.window, objectName=name)
        action.triggered.connect(lambda *_: slot())
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        self.window.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.setObjectName("file_menu")
        self.file_menu.addActions([self.open_folder, self.open_file])
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.view_menu = bar.addMenu("")
        self.view_menu.setObjectName("view_menu")
        self.view_menu.addActions([self.zoom_all, self.zoom_in, self.zoom_out, self.zoom_selection])
        self.parks_menu = self.view_menu.addMenu("")
        self.parks_menu.setObjectName("parks_menu")
        self.parks_menu.aboutToShow.connect(self._fill_parks)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu("")
        self.tools_menu = bar.addMenu("")
        self.tools_menu.setObjectName("tools_menu")
        self.tools_menu.addActions(list(self.tool_actions.values()))
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.clear_selection)
        self.settings_menu = bar.addMenu("")
        self.settings_menu.setObjectName("settings_menu")
        self.language_menu = self.settings_menu.addMenu("")
        self.language_menu.setObjectName("language_menu")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.settings_menu.addAction(self.settings)
        self.help_menu = bar.addMenu("")
        self.help_menu.setObjectName("help_menu")
        self.help_menu.addActions([self.guide, self.shortcuts])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about)

    def _build_toolbar(self) -> None:
        bar = self.window.addToolBar("")
        bar.setObjectName("map_toolbar")
        bar.addActions([self.zoom_all, self.zoom_in, self.zoom_out, self.zoom_selection])
        bar.addSeparator()
        bar.addActions(list(self.tool_actions.values()))
        self.toolbar = bar
        # search in the menu bar's corner: always in view, never behind a toolbar's » overflow
        self.window.menuBar().setCornerWidget(self.window.search, Qt.Corner.TopRightCorner)

    def _show_help(self, which: str) -> None:
        from parksgis.qt.help_dialogs import GuideDialog, ShortcutsDialog

        dialog = GuideDialog(self.window.language, self.window) if which == "guide" else ShortcutsDialog(self.window)
        self.help_dialog = dialog  # what a test reads
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.window.recent_files():
            self.recent_menu.addAction(path, lambda p=path: self.window.open_path(p))
        self.recent_menu.setEnabled(True)

    def _fill_parks(self) -> None:
        self.parks_menu.clear()
        w = self.window
        for park in (w.workspace.parks if w.workspace else []):
            self.parks_menu.addAction(park.name(w.lang), lambda p=park: w.canvas.zoom_to_layers(p.layers))

    def retranslate(self) -> None:
        texts = {
            self.open_folder: translate("MainWindow", "Open &folder…"),
            self.open_file: translate("MainWindow", "&Add layer files…"),
            self.quit: translate("MainWindow", "&Quit"),
            self.zoom_all: translate("MainWindow", "Zoom to &all"),
            self.zoom_in: translate("MainWindow", "Zoom &in"),
            self.zoom_out: translate("MainWindow", "Zoom &out"),
            self.zoom_selection: translate("MainWindow", "Zoom to &selection"),
            self.clear_selection: translate("MainWindow", "Clear selection"),
            self.settings: translate("MainWindow", "&Display CRS…"),
            self.about: translate("MainWindow", "&About parksgis"),
            self.guide: translate("MainWindow", "User &guide"),
            self.shortcuts: translate("MainWindow", "&Keyboard shortcuts"),
            self.tool_actions["pan"]: translate("MainWindow", "&Pan and identify"),
            self.tool_actions["zoom_box"]: translate("MainWindow", "&Zoom to box"),
            self.tool_actions["select_box"]: translate("MainWindow", "&Select by box"),
            self.tool_actions["measure_distance"]: translate("MainWindow", "&Measure distance"),
            self.tool_actions["measure_area"]: translate("MainWindow", "Measure a&rea"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.recent_menu.setTitle(translate("MainWindow", "&Recent"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.parks_menu.setTitle(translate("MainWindow", "Zoom to par&k"))
        self.panels_menu.setTitle(translate("MainWindow", "&Panels"))
        self.tools_menu.setTitle(translate("MainWindow", "&Tools"))
        self.settings_menu.setTitle(translate("MainWindow", "&Settings"))
        self.language_menu.setTitle(translate("MainWindow", "&Language"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.toolbar.setWindowTitle(translate("MainWindow", "Map tools"))
