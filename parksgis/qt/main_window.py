"""The main window: canvas in the middle, layer tree and legend left, identify right, table below.

It wires the widgets to one Workspace and one Selection; widgets talk to the model, never to
each other, except for "zoom to" requests which all go to the canvas. What is open (workspace,
renderer, register link, source) lives in its :class:`~parksgis.qt.session.Session`; the
controllers that serve it (export, register panels, pack actions) are made here, with the session.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.gc_pause import forget_module_sources, keep_out_of_collections
from parksgis.io.read_cache import write_held, writes_waiting
from parksgis.model.lazy_projects import LazyProjects
from parksgis.model.selection import Selection
from parksgis.qt import export_dialog, i18n, pack_actions, register_panels
from parksgis.qt.attribute_table import AttributeTable
from parksgis.qt.canvas import MapCanvas
from parksgis.qt.display_geometry import DisplayGeometry
from parksgis.qt.identify_panel import IdentifyPanel
from parksgis.qt.imagery_controls import ImagerySwipeBar
from parksgis.qt.layer_tree import LayerTreeModel, LayerTreeView
from parksgis.qt.loader import Pending
from parksgis.qt.problem_fixes import ProblemFixes
from parksgis.qt.problems_panel import ProblemsPanel
from parksgis.qt.scale_box import ScaleBox
from parksgis.qt.search_box import SearchBox
from parksgis.qt.session import Session
from parksgis.qt.status_legend import StatusLegend
from parksgis.qt.viewport_feeder import ViewportFeeder
from parksgis.render.view_frames import bring
from parksgis.qt.window_actions import WindowActions
from parksgis.qt import view_memory, workspace_loading

Qt = QtCore.Qt
MAX_RECENT = 8
#: A side panel narrower than this after restoring a saved layout is given its default width
#: (Qt lets them shrink to ~70 px, where their text is cut to a letter or two; the bottom panels'
#: own minimum height keeps them usable).
MIN_SIDE_DOCK_PX = 120


class MainWindow(QtWidgets.QMainWindow):
    opened = QtCore.Signal(bool)       # an open_path ended: True when its source is shown now
    files_added = QtCore.Signal(int)   # an add_files ended: how many layers it added

    def __init__(self, language: str | None = None, display_crs: str | None = None, *,
                 register: bool = False, packs: bool = False):
        """``register``: the status register's panels (editor, as-of bar, dashboard, spreadsheets);
        ``packs``: the layer-pack actions. The app has both (``open_window``)."""
        super().__init__()
        i18n.follow_language(self, self.retranslate)
        self.setObjectName("parksgis_main_window")
        # an ini file everywhere (also on Windows): easy to inspect, copy or reset
        self.settings = QtCore.QSettings(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                                         "parksgis", "parksgis")
        self.language = language or str(self.settings.value("language", i18n.default_language()))
        self.display_crs = display_crs or str(self.settings.value("display_crs", "EPSG:4546"))
        self.session = Session(self.settings, self)
        self._read_only: str | None = None  # why edits cannot be saved (the title says read-only)
        self.geometry_ = None
        self.selection = Selection()
        self.canvas = MapCanvas(self.selection, self)
        self.viewport_feeder = ViewportFeeder(self.canvas, self.selection, self)
        self.setCentralWidget(self.canvas)
        self.search = SearchBox(self)
        self.layer_model = LayerTreeModel(parent=self)
        self.layer_tree = LayerTreeView(self.layer_model, self)
        self.legend = StatusLegend(self)
        self.identify = IdentifyPanel(self.selection, self)
        self.table = AttributeTable(self.selection, self)
        # frames read for a new view: the search list (built from frames) follows them; the table
        # lists a viewport-driven layer from its source, and rows it picks are brought to the map
        self.viewport_feeder.swapped.connect(lambda: self.search.set_workspace(self.workspace, self.lang))
        self.table.bring = bring
        self.problems = ProblemsPanel(self)
        self.docks = {}
        for name, widget, area in [("layers", self.layer_tree, Qt.DockWidgetArea.LeftDockWidgetArea),
                                   ("legend", self.legend, Qt.DockWidgetArea.LeftDockWidgetArea),
                                   ("identify", self.identify, Qt.DockWidgetArea.RightDockWidgetArea),
                                   ("table", self.table, Qt.DockWidgetArea.BottomDockWidgetArea),
                                   ("problems", self.problems, Qt.DockWidgetArea.BottomDockWidgetArea)]:
            dock = QtWidgets.QDockWidget(self, objectName=f"{name}_dock")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.problem_fixes = ProblemFixes(self)  # the panel's "choose CRS", "re-save as UTF-8"…
        self.tabifyDockWidget(self.docks["table"], self.docks["problems"])
        self.docks["table"].raise_()

        self.coords_label = QtWidgets.QLabel(self, objectName="coords_label")
        self.measure_label = QtWidgets.QLabel(self, objectName="measure_label")
        self.scale_box = ScaleBox(self.canvas, self)
        self.statusBar().addWidget(self.measure_label, 1)
        self.statusBar().addPermanentWidget(self.coords_label)
        self.statusBar().addPermanentWidget(self.scale_box)
        # text from the start: a status bar that grows on the first mouse move shrinks the map by
        # a pixel, and a new map size costs a new frame
        self.coords_label.setText(f"{self.display_crs}")
        self.actions_ = WindowActions(self)
        self.imagery_swipe = ImagerySwipeBar(self)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.imagery_swipe)
        self.actions_.view_menu.addAction(self.imagery_swipe.toggleViewAction())
        self.export_actions = export_dialog.ExportActions(self)  # File ▸ Export briefing…, Edit ▸ Copy map image
        for dock in self.docks.values():
            self.actions_.panels_menu.addAction(dock.toggleViewAction())
        self.register_panels = register_panels.RegisterPanels(self, self.session) if register else None
        self.pack_actions = pack_actions.PackActions(self, self.session) if packs else None
        self.actions_.language_actions[self.language].setChecked(True)
        self._connect()
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._restore_state()
        i18n.install_language(self.language)
        self.retranslate()
        self._apply_data_lang()

    # -- wiring -----------------------------------------------------------------------------------
    def _connect(self) -> None:
        self.canvas.mouse_moved.connect(self._show_coordinates)
        self.canvas.measure_changed.connect(self.measure_label.setText)
        self.layer_tree.zoom_to_layers.connect(self.canvas.zoom_to_layers)
        self.layer_tree.open_table.connect(self.open_attribute_table)
        self.table.zoom_to_features.connect(self.canvas.zoom_to_features)
        self.legend.hidden_changed.connect(self._hide_statuses)
        self.search.found.connect(self._show_found)
        self.search.not_found.connect(
            lambda text: self.statusBar().showMessage(self.tr("Nothing on the map for “%1”").replace("%1", text), 5000))
        self.problems.count_changed.connect(self._problems_count)

    @property
    def lang(self) -> str:
        return i18n.data_lang(self.language)

    @property
    def workspace(self):
        return self.session.workspace

    @property
    def renderer(self):
        return self.session.renderer

    def set_workspace(self, workspace, reports=(), geometry=None, source=None, statuses=None) -> None:
        """Show ``workspace`` (opened from ``source``, an ``app.workspace.Source``; None for one
        made in memory); ``geometry`` is its layers already projected to the display CRS
        (render.map_renderer.project_layers) and ``statuses`` the legend's counts
        (status_legend.FeatureStatuses), both made by the loaders off the UI thread."""
        from parksgis.render.map_renderer import MapRenderer

        if self.workspace is not None:
            if self.workspace is not workspace:  # the same one again: a new display CRS
                view_memory.save_view(self.settings, self.workspace, self.display_crs, self.canvas.view_rect())
            self.workspace.layers_changed.disconnect(self._on_layers_changed)
            self.workspace.projects_changed.disconnect(self._on_projects_changed)
        self.selection.clear()
        renderer = MapRenderer(workspace, display_crs=self.display_crs, geometry=geometry)
        self.session.replace(workspace, source, renderer)
        panels = self.register_panels  # status editing, as-of, dashboard
        self.renderer.lang = self.lang
        self.renderer.changed.connect(self.canvas.refresh)  # visibility, style, status, filters
        self.geometry_ = DisplayGeometry(self.renderer)
        self.imagery_swipe.set_renderer(self.renderer)
        self.canvas.set_workspace(workspace, self.renderer, self.geometry_)
        self.layer_model.set_workspace(workspace)
        self.identify.set_workspace(workspace)
        self.table.set_workspace(workspace)
        self.legend.set_workspace(workspace, statuses)
        self.search.set_workspace(workspace, self.lang)
        workspace.layers_changed.connect(self._on_layers_changed)
        workspace.projects_changed.connect(self._on_projects_changed)
        if panels is not None:
            panels.set_workspace(workspace, self.renderer)
        for report in reports:
            self.problems.add_report(report)
        view_memory.first_view(self.canvas, self.settings, workspace, self.display_crs)
        self.viewport_feeder.set_workspace(workspace, self.renderer)
        self._update_title()
        keep_out_of_collections()  # the workspace lives on: full collections need not walk it
        # what waits for the first frame: the legend's counts of a big pack, its register's rows,
        # the big layers of a folder kept as read (io.read_cache)
        later = [job for job in (statuses, workspace.projects)
                 if isinstance(job, (workspace_loading.AfterFirstFrame, LazyProjects))]
        if (later or writes_waiting()) and self.isVisible():
            self.canvas.viewport().repaint()  # the first frame, before they take the GIL
        for job in later:
            job.start()
        write_held()
        forget_module_sources()  # the readers' imports are done by now (after the frame: ~10 ms)

    def _on_layers_changed(self) -> None:
        self.table.set_workspace(self.workspace)
        self.search.set_workspace(self.workspace, self.lang)

    def _on_projects_changed(self, *_args) -> None:
        self.table.table.viewport().update()

    def _hide_statuses(self, hidden: set) -> None:
        self.renderer.hidden_statuses = hidden  # the renderer emits changed: the canvas redraws

    def _show_found(self, features) -> None:
        self.selection.set(features)
        self.canvas.zoom_to_features(features)

    def _show_coordinates(self, x: float, y: float) -> None:
        lon, lat = self.geometry_.lonlat(x, y)
        self.coords_label.setText(f"{lon:.5f}°E {lat:.5f}°N   X {x:,.1f}  Y {y:,.1f}  ({self.display_crs})")

    def _problems_count(self, count: int) -> None:
        self.docks["problems"].setWindowTitle(self.tr("Problems (%1)").replace("%1", str(count)))

    # -- commands ---------------------------------------------------------------------------------
    def zoom_to_selection(self) -> None:
        if len(self.selection):
            self.canvas.zoom_to_features(self.selection.items)

    def open_attribute_table(self, layer) -> None:
        self.table.show_layer(layer)
        self.docks["table"].show()
        self.docks["table"].raise_()

    def open_path(self, path):
        """Show the folder, layer file, pack or database at ``path``: a Pending done with True, or
        with False (and a problem row) on failure."""
        from parksgis.server import is_database_source

        if is_database_source(path):
            pending = workspace_loading.open_database(self, path)
        elif self.pack_actions is not None:  # packs: read-only notice, busy retry, conflicts
            pending = self.pack_actions.open_path(Path(path))
        else:
            pending = workspace_loading.open_path(self, Path(path))
        pending.done.connect(self.opened.emit)
        return pending

    def add_files(self, paths):
        """Loose layer files and rasters (GeoTIFF, MBTiles, an XYZ tile folder) are added; a dropped
        folder or .gpkg pack opens in place of the workspace, first. A Pending done with how many
        layers were added."""
        from parksgis.io.raster import is_raster_path

        paths = [Path(p) for p in paths]
        opened = [p for p in paths if (p.is_dir() and not is_raster_path(p)) or p.suffix.lower() == ".gpkg"]
        loose = [p for p in paths if p not in opened]
        add_loose = lambda *_: workspace_loading.add_files(self, loose) if loose else 0  # noqa: E731
        if opened:
            pending = self.open_path(opened[-1]).then(add_loose)
        else:
            pending = add_loose() if loose else Pending.of(0, self)
        pending.done.connect(self.files_added.emit)
        return pending

    def choose_folder(self) -> None:
        path = QtWidgets.QFileDialog.getExistingDirectory(self, self.tr("Open a folder of layers"))
        if path:
            self.open_path(path)

    def choose_files(self) -> None:
        paths, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("Add layer files"), "",
            self.tr("Layers and imagery (*.geojson *.json *.gpkg *.shp *.kml *.tif *.tiff *.mbtiles);;"
                    "All files (*)"))
        if paths:
            self.add_files(paths)

    def show_settings(self) -> None:
        from parksgis.qt.settings_dialog import DisplayCrsDialog

        dialog = DisplayCrsDialog(self.display_crs, self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.set_display_crs(dialog.crs())

    def set_display_crs(self, crs: str) -> None:
        self.display_crs = crs
        self.settings.setValue("display_crs", crs)
        if self.workspace is not None:
            self.set_workspace(self.workspace, source=self.session.source)

    def show_about(self) -> None:
        from parksgis import __version__

        QtWidgets.QMessageBox.about(self, self.tr("About parksgis"), self.tr(
            "parksgis %1 — plots, roads and utilities of the Zhuhai–Yangjiang co-built industrial "
            "parks, linked to their construction projects.").replace("%1", __version__))

    def remember(self, path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        self.settings.setValue("recent_files", recent[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        return [value] if isinstance(value, str) else list(value or [])

    # -- language ---------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = language
        self.settings.setValue("language", language)
        self.actions_.language_actions[language].setChecked(True)
        i18n.install_language(language)  # Qt sends LanguageChange: every widget retranslates
        self._apply_data_lang()

    def _apply_data_lang(self) -> None:
        """Names from the data (parks, layers, statuses, map labels) in the UI's language."""
        for widget in (self.layer_model, self.identify, self.table, self.legend, self.register_panels):
            if widget is not None:
                widget.set_lang(self.lang)
        if self.workspace is not None:
            self.search.set_workspace(self.workspace, self.lang)
            self.renderer.lang = self.lang
            self.canvas.refresh()

    def show_read_only(self, reason: str | None) -> None:
        """The register link says whether edits can be saved; the title bar says so too."""
        self._read_only = reason
        self._update_title()

    def _update_title(self) -> None:
        """What is open (folder, pack, server, file) and whether it is read-only, then the app."""
        source = str((self.workspace.meta or {}).get("source") or "") if self.workspace is not None else ""
        if not source:
            self.setWindowTitle(self.tr("parksgis — Zhuhai–Yangjiang co-built industrial parks"))
            return
        if source.startswith(("postgresql:", "postgres:")):
            kind, name = self.tr("server"), source.split("@")[-1]
        elif self.session.pack is not None or source.lower().endswith(".gpkg"):
            title = (self.workspace.meta or {}).get("title")
            kind, name = self.tr("layer pack"), f"{Path(source).name}" + (f" · {title}" if title else "")
        else:
            kind, name = (self.tr("folder") if Path(source).is_dir() else self.tr("file")), Path(source).name
        title = f"{name} ({kind})"
        if self._read_only:
            title += " — " + self.tr("read-only")
        self.setWindowTitle(f"{title} — parksgis")
        self.setWindowFilePath(source)

    def retranslate(self) -> None:
        self._update_title()
        self.actions_.retranslate()
        self.imagery_swipe.retranslate()
        titles = {"layers": self.tr("Layers"), "legend": self.tr("Status"), "identify": self.tr("Identify"),
                  "table": self.tr("Attribute table"), "problems": self.tr("Problems")}
        for name, dock in self.docks.items():
            dock.setWindowTitle(titles[name])
        if self.problems.topLevelItemCount():
            self._problems_count(self.problems.topLevelItemCount())

    # -- drops and persistence ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def default_layout(self) -> None:
        """The map gets the room: side panels ~a fifth of the width, the table ~a quarter of the height."""
        self.resizeDocks([self.docks["layers"], self.docks["legend"], self.docks["identify"]],
                         [300, 300, 340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["table"], self.docks["layers"]],
                         [max(160, self.height() // 4), max(200, self.height() // 3)], Qt.Orientation.Vertical)

    def _mend_squeezed_docks(self) -> None:
        """Side panels a restored layout left too narrow to read get their default width back; the
        others stay as the user arranged them. (A layout saved from a small window, or on a
        smaller screen, came back with the side panels ~70 px wide.)"""
        sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        narrow = [dock for dock in self.findChildren(QtWidgets.QDockWidget)
                  if dock.isVisible() and not dock.isFloating() and self.dockWidgetArea(dock) in sides
                  and dock.width() < MIN_SIDE_DOCK_PX]
        if narrow:
            self.resizeDocks(narrow, [340 if d is self.docks["identify"] else 300 for d in narrow],
                             Qt.Orientation.Horizontal)

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        self._layout_restored = state is not None and self.restoreState(state)
        self._layout_mended = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_toolbars()

    def _fit_toolbars(self) -> None:
        """The "as of" bar on a row of its own when it and the map tools do not fit side by side
        (1024 px, English): no tool is hidden behind the toolbar's » overflow."""
        if self.register_panels is None:
            return
        as_of = self.register_panels.toolbar
        needed = self.actions_.toolbar.sizeHint().width() + as_of.sizeHint().width() + 16
        broken = self.toolBarBreak(as_of)
        if needed > self.width() and not broken:
            self.insertToolBarBreak(as_of)
        elif needed <= self.width() and broken:
            self.removeToolBarBreak(as_of)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True  # once: later shows keep what the user arranged
            QtCore.QTimer.singleShot(0, self.default_layout)
        elif not self._layout_mended:
            self._layout_mended = True
            QtCore.QTimer.singleShot(0, self._mend_squeezed_docks)  # once the restored sizes apply

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.workspace is not None:
            view_memory.save_view(self.settings, self.workspace, self.display_crs, self.canvas.view_rect())
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.viewport_feeder.close()  # its reads end before their source closes
        self.session.close()  # no register left open, no edit lock left on a pack file
        super().closeEvent(event)
