"""The map canvas: a pyqtgraph view in display-CRS metres with one MapItem, tools and overlays.

Left drag pans, the wheel and +/- zoom, shift-drag zooms to a box, ctrl-drag (or the select tool)
selects by box; a click selects and identifies, shift-click adds; a right click opens the map's
context menu (map_context_menu). Scale bar and north arrow are painted over the viewport.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.heap import give_back_freed_memory
from parksgis.qt.map_item import HOVER, SELECTION, MapItem
from parksgis.qt.map_overlays import draw_north_arrow, draw_scale_bar, overlay_rects
from parksgis.qt.measure import MeasureTool
from parksgis.render.highlight import highlight_shapes

TOOLS = ("pan", "zoom_box", "select_box", "measure_distance", "measure_area")
PICK_TOLERANCE_PX = 5
GESTURE_SETTLE_MS = 150  # a wheel burst counts as one gesture until the wheel rests this long


class MapViewBox(pg.ViewBox):
    """A ViewBox whose drags follow the canvas's tool and keyboard modifiers."""

    def __init__(self, canvas: "MapCanvas"):
        super().__init__(lockAspect=True, enableMenu=False, invertY=False)
        self.canvas = canvas
        self._band = QtWidgets.QGraphicsRectItem()
        pen = QtGui.QPen(QtGui.QColor("#1f77b4"), 1, QtCore.Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._band.setPen(pen)
        self._band.setBrush(QtGui.QColor(31, 119, 180, 40))
        self._band.setZValue(200)
        self._band.hide()
        self.addItem(self._band, ignoreBounds=True)

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        mode = self.canvas.drag_mode(ev.modifiers())
        if mode == "pan":
            if ev.isStart():
                self.canvas.begin_gesture()
            super().mouseDragEvent(ev, axis)
            if ev.isFinish():
                self.canvas.end_gesture()
            return
        if mode.startswith("measure"):
            ev.ignore()
            return
        ev.accept()
        start = self.mapSceneToView(ev.buttonDownScenePos())
        end = self.mapSceneToView(ev.scenePos())
        rect = QtCore.QRectF(start, end).normalized()
        if ev.isFinish():
            self._band.hide()
            if mode == "zoom_box":
                self.canvas.zoom_to_rect(rect, margin=0.0)
            else:
                self.canvas.select_box(rect, add=bool(ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier))
        else:
            self._band.setRect(rect)
            self._band.show()

    def wheelEvent(self, ev, axis=None):
        self.canvas.begin_gesture()
        super().wheelEvent(ev, axis)
        self.canvas.settle_timer.start()


class MapCanvas(pg.GraphicsView):
    mouse_moved = QtCore.Signal(float, float)          # display-CRS metres under the cursor
    measure_changed = QtCore.Signal(str)
    tool_changed = QtCore.Signal(str)

    def __init__(self, selection, parent=None):
        super().__init__(parent, background="#f4f1ea")
        self.selection = selection
        self.workspace = None
        self.renderer = None
        self.geometry = None  # DisplayGeometry
        self.tool = "pan"
        self.hover: tuple | None = None
        self.measure: MeasureTool | None = None
        self.view_box = MapViewBox(self)
        self.setCentralItem(self.view_box)
        self.map_item = MapItem(keep_clear=overlay_rects)
        self.view_box.addItem(self.map_item, ignoreBounds=True)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.settle_timer = QtCore.QTimer(self, singleShot=True, interval=GESTURE_SETTLE_MS)
        self.settle_timer.timeout.connect(self.end_gesture)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        selection.changed.connect(self.update_highlights)

    # -- content --------------------------------------------------------------------------------
    def set_workspace(self, workspace, renderer, geometry) -> None:
        self.workspace, self.renderer, self.geometry = workspace, renderer, geometry
        self.hover = None
        self.map_item.set_renderer(renderer)
        self.update_highlights()

    def refresh(self) -> None:
        """The map content changed: draw a fresh frame."""
        self.map_item.invalidate()

    # -- view -----------------------------------------------------------------------------------
    def view_rect(self) -> QtCore.QRectF:
        return self.view_box.viewRect()

    def metres_per_pixel(self) -> float:
        return float(self.view_box.viewPixelSize()[0])

    def view_to_widget(self, x: float, y: float) -> QtCore.QPoint:
        """Viewport pixel position of a display-CRS point (what a test clicks)."""
        scene = self.view_box.mapViewToScene(QtCore.QPointF(x, y))
        return self.mapFromScene(scene)

    def widget_to_view(self, pos: QtCore.QPoint) -> tuple[float, float]:
        point = self.view_box.mapSceneToView(self.mapToScene(pos))
        return point.x(), point.y()

    def zoom_to_rect(self, rect: QtCore.QRectF | None, margin: float = 0.05) -> None:
        if rect is None:
            return
        rect = QtCore.QRectF(rect)
        if rect.width() < 50 and rect.height() < 50:  # a point or a tiny feature: show ~400 m around
            rect = QtCore.QRectF(rect.center().x() - 200, rect.center().y() - 200, 400, 400)
        self.view_box.setRange(rect=rect, padding=margin)

    def zoom_all(self) -> None:
        if self.renderer is not None:
            self.zoom_to_rect(self.renderer.extent())

    def zoom_by(self, factor: float) -> None:
        """factor < 1 zooms in."""
        self.view_box.scaleBy((factor, factor))

    def zoom_at(self, x: float, y: float, factor: float) -> None:
        """Zoom by ``factor`` (< 1 in) about the display point (x, y), which becomes the centre."""
        rect = self.view_rect()
        w, h = rect.width() * factor, rect.height() * factor
        self.view_box.setRange(rect=QtCore.QRectF(x - w / 2, y - h / 2, w, h), padding=0)

    def pixels_per_metre(self) -> float:
        """Screen pixels in one metre of screen (the logical DPI Qt lays out with)."""
        return self.logicalDpiX() / 0.0254

    def scale_denominator(self) -> float:
        """N of the 1:N scale shown: ground metres per metre of screen."""
        return self.metres_per_pixel() * self.pixels_per_metre()

    def set_scale(self, denominator: float) -> None:
        """Zoom about the view's centre to 1:``denominator``."""
        if denominator and denominator > 0 and self.metres_per_pixel() > 0:
            factor = denominator / self.scale_denominator()
            centre = self.view_rect().center()
            self.zoom_at(centre.x(), centre.y(), factor)

    def start_measure_at(self, x: float, y: float) -> None:
        self.set_tool("measure_distance")
        self.measure.click(x, y)

    def zoom_to_features(self, features) -> None:
        rect = None
        for key, rows in _group(features).items():
            bounds = self.geometry.bounds(self.workspace.layer(key), rows)
            if bounds is not None:
                rect = bounds if rect is None else rect.united(bounds)
        self.zoom_to_rect(rect, margin=0.3)

    def zoom_to_layers(self, layers) -> None:
        rect = None
        for layer in layers:
            if hasattr(layer, "reader"):  # imagery: its extent in the display CRS
                x0, y0, x1, y1 = layer.reader.bounds_in(self.renderer.display_crs)
                bounds = QtCore.QRectF(x0, y0, x1 - x0, y1 - y0)
            else:
                bounds = self.geometry.bounds(layer) if layer.feature_count else None
            if bounds is not None:
                rect = bounds if rect is None else rect.united(bounds)
        self.zoom_to_rect(rect)

    # -- gestures: blit while moving, render when done ---------------------------------------
    def begin_gesture(self) -> None:
        self.map_item.gesture_active = True

    def end_gesture(self) -> None:
        """The drag ended or the wheel rested: draw a fresh frame for the view reached."""
        self.map_item.gesture_active = False
        self.map_item.update()

    def keyPressEvent(self, ev: QtGui.QKeyEvent) -> None:
        key = ev.key()
        if key in (QtCore.Qt.Key.Key_Plus, QtCore.Qt.Key.Key_Equal):
            self.zoom_by(0.5)
        elif key == QtCore.Qt.Key.Key_Minus:
            self.zoom_by(2.0)
        elif key == QtCore.Qt.Key.Key_Escape:  # leave any tool, a measurement too: back to pan
            self.set_tool("pan")
        elif key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and self.measure is not None:
            self.measure.finish()
        else:
            super().keyPressEvent(ev)

    # -- tools ----------------------------------------------------------------------------------
    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(f"unknown tool {tool!r}; known: {', '.join(TOOLS)}")
        if self.measure is not None:
            self.measure.remove()
            self.measure = None
        self.tool = tool
        if tool.startswith("measure"):
            self.measure = MeasureTool(self.view_box, "area" if tool == "measure_area" else "distance")
            self.measure.result_changed.connect(self.measure_changed)
        cursor = QtCore.Qt.CursorShape.OpenHandCursor if tool == "pan" else QtCore.Qt.CursorShape.CrossCursor
        self.viewport().setCursor(cursor)
        self.tool_changed.emit(tool)

    def drag_mode(self, modifiers) -> str:
        if modifiers & QtCore.Qt.KeyboardModifier.ShiftModifier and self.tool == "pan":
            return "zoom_box"
        if modifiers & QtCore.Qt.KeyboardModifier.ControlModifier and self.tool == "pan":
            return "select_box"
        return self.tool

    def pick(self, x: float, y: float) -> list[tuple]:
        if self.renderer is None:
            return []
        return self.renderer.pick(x, y, PICK_TOLERANCE_PX * self.metres_per_pixel())

    def top_feature(self, x: float, y: float) -> tuple[str, int] | None:
        """The feature a click at (x, y) means: the topmost one, a park boundary only when nothing
        else is there, never the basemap (it is context, not something to identify)."""
        hits = [(layer, row) for layer, row in self.pick(x, y) if layer.kind.value != "basemap"]
        hits.sort(key=lambda hit: hit[0].kind.value == "boundary")  # stable: keeps the top-first order
        return (hits[0][0].key, hits[0][1]) if hits else None

    def select_box(self, rect: QtCore.QRectF, add: bool = False) -> None:
        found = []
        for layer in self.workspace.layers:
            if layer.visible and layer.kind.value not in ("basemap", "boundary"):
                found.extend((layer.key, row) for row in self.geometry.query_box(layer, rect))
        (self.selection.add if add else self.selection.set)(found)

    def _on_mouse_moved(self, scene_pos) -> None:
        if self.renderer is None or not self.view_box.sceneBoundingRect().contains(scene_pos):
            return
        point = self.view_box.mapSceneToView(scene_pos)
        self.mouse_moved.emit(point.x(), point.y())
        if self.measure is not None:
            self.measure.move(point.x(), point.y())
            return
        if self.map_item.gesture_active or QtWidgets.QApplication.mouseButtons():
            return
        hover = self.top_feature(point.x(), point.y())
        if hover != self.hover:
            self.hover = hover
            self.update_highlights()

    def _on_mouse_clicked(self, ev) -> None:
        if self.renderer is None:
            return
        point = self.view_box.mapSceneToView(ev.scenePos())
        if ev.button() == QtCore.Qt.MouseButton.RightButton and self.measure is None:
            from parksgis.qt.map_context_menu import build_menu

            self.context_menu = build_menu(self, point.x(), point.y())  # what a test reads
            self.context_menu.popup(QtCore.QPoint(int(ev.screenPos().x()), int(ev.screenPos().y())))
            return
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        if self.measure is not None:
            if ev.double():
                self.measure.finish()
            else:
                self.measure.click(point.x(), point.y())
            return
        top = self.top_feature(point.x(), point.y())
        chosen = [top] if top is not None else []
        if ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier:
            self.selection.add(chosen)
        else:
            self.selection.set(chosen)
        # once the panels have repainted, the memory a click's repaints freed goes back to the
        # system: glibc kept ~10 MB a click in holes the next click did not fit, and a session
        # of clicks grew by tens of MB (docs/benchmarks.md, interactive RSS). Not while layers
        # are read per view: the next view's read reuses that memory, and would fault it all in
        # again (~0.2 s at a million plots; for the same reason not after frames of the map)
        if not any(layer.view is not None for layer in self.workspace.layers):
            QtCore.QTimer.singleShot(0, give_back_freed_memory)

    # -- highlights and overlays -----------------------------------------------------------------
    def update_highlights(self) -> None:
        if self.workspace is None:
            self.map_item.set_highlights([])
            return
        out = []
        if self.hover is not None and self.hover not in self.selection:
            out.append(self._highlight([self.hover], HOVER))
        if len(self.selection):
            out.append(self._highlight(self.selection.items, SELECTION))
        self.map_item.set_highlights(out)

    def _highlight(self, features, style):
        path, points = QtGui.QPainterPath(), []
        for key, rows in _group(features).items():
            try:
                layer = self.workspace.layer(key)
            except KeyError:
                continue
            outline, layer_points = highlight_shapes(self.renderer.geometry(layer), rows)
            path.addPath(outline)
            points.extend(layer_points)
        return path, points, style

    def drawForeground(self, painter: QtGui.QPainter, rect) -> None:
        if self.renderer is None:
            return
        painter.save()
        painter.resetTransform()
        size = self.viewport().size()
        draw_scale_bar(painter, size, self.metres_per_pixel())
        draw_north_arrow(painter, size)
        painter.restore()


def _group(features) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for key, row in features:
        grouped.setdefault(key, []).append(int(row))
    return grouped
