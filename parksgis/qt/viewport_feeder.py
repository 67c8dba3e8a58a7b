"""Feeds the window's viewport-driven layers the features of the view, read off the UI thread.

When the view moves beyond what a viewport-driven layer's frame holds (its box with the read
margin, at the band of the scale; ``render.view_frames``), one read for every such layer runs in
a worker thread: the source's spatial index and tile cache, then projection to the display CRS.
The UI thread only swaps the frames in: selected features stay selected (their ids are read
along wherever the map goes), the renderer gets the projected geometry, and the map draws a
fresh frame. One read at a time; a view that moves during a read is looked at when it ends.

A read runs in two lanes, threads of their own: the biggest layer (a million plots) in one,
every other (roads, utilities) in the other, so on two cores a zoom waits for the plots alone.
A layer always reads in the same lane, so its tiles stay in one thread's cache.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6 import QtCore

from parksgis.model.view_source import ReadCancelled
from parksgis.render.geometry import transformer_to
from parksgis.render.view_frames import MARGIN, bring, needs_read, read_frame

#: The map has rested this long after a read or a move: read the margin around the view.
PREFETCH_DELAY_MS = 300
_USER_INPUT = (QtCore.QEvent.Type.MouseButtonPress, QtCore.QEvent.Type.MouseButtonDblClick,
               QtCore.QEvent.Type.Wheel, QtCore.QEvent.Type.KeyPress)


def first_view_frames(workspace, display_crs: str, size_px, remembered=None) -> dict:
    """Fill each viewport-driven layer with the features of the window's first view (the view
    ``remembered`` for this source, (x0, y0, x1, y1) in ``display_crs``, else the parks; fitted to
    ``size_px``); returns their projected geometry keyed as the renderer keeps it.
    Runs in the loader thread, before anything shows the workspace."""
    from parksgis.qt.view_memory import PARKS_MARGIN
    from parksgis.render.view_frames import first_rect, fitted

    layers = [layer for layer in workspace.layers if layer.view is not None]
    if not layers:
        return {}
    if remembered is not None:  # the window shows it again (view_memory.first_view)
        rect, m_per_px = fitted(remembered, size_px)
    else:
        rect = first_rect(workspace, display_crs)
        if rect is None:
            return {}
        rect, m_per_px = fitted(rect, size_px, PARKS_MARGIN)
    out = {}
    for layer in layers:
        frame, coverage, geometry = read_frame(layer, rect, m_per_px, display_crs)
        frame.attrs["coverage"] = coverage
        layer.frame = frame
        layer.frame_vertices = geometry.vertices  # a band's areas: their shapes made from these
        out[id(layer)] = geometry
    return out


def _nothing() -> None:
    pass


def _warm_up(layers, display_crs: str) -> None:
    """Open the worker thread's connection to each source and its projection (PROJ sets one up
    per thread: a tenth of a second or more that the first zoom would otherwise wait for)."""
    try:
        transformer_to(display_crs).transform(0.0, 0.0)
        for layer in layers:
            layer.view.source.extent(layer.view.table)
    except Exception:  # noqa: BLE001 - the first read meets (and reports) the same problem
        pass


class ViewportFeeder(QtCore.QObject):
    """Keeps the viewport-driven layers of the canvas's workspace filled for its view.

    A view the frames do not hold is read without a margin first, so what is seen comes as soon
    as possible; once the map has rested for :data:`PREFETCH_DELAY_MS`, the view with its margin
    is read too and kept aside: when the view moves beyond the frames, those frames are swapped
    in with no read. A margin read never stands in the user's way: a view that needs reading, a
    click, a wheel turn or a key on the map stops it between two tiles (the tiles read so far
    stay in the source's cache), and the timer starts again.
    """

    #: frames for a new view are in place (tests and benchmarks wait on it)
    swapped = QtCore.Signal()
    #: the map rested and its margin is read, or there was nothing to read
    rested = QtCore.Signal()
    _finished = QtCore.Signal()

    def __init__(self, canvas, selection, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.selection = selection
        self.workspace = None
        self.renderer = None
        self.reads = 0  # reads of a view the frames did not hold (margin reads not counted)
        self.margin_reads = 0
        #: the lanes of :meth:`_start`: one thread each (a reader and its tile cache per thread)
        self._lanes = [ThreadPoolExecutor(1, thread_name_prefix=f"parksgis-viewport-{i}") for i in range(2)]
        self._lane_of: dict[int, int] = {}
        self._busy = False  # a read of the view runs
        self._margin = False  # a read of the margin runs
        self._stop = False
        self._result = None
        self._standby = None  # (workspace, [(layer, frame, coverage, geometry)]): the margin read
        self._lock = threading.Lock()
        self._finished.connect(self._take, QtCore.Qt.ConnectionType.QueuedConnection)
        self._rest = QtCore.QTimer(self, singleShot=True, interval=PREFETCH_DELAY_MS)
        self._rest.timeout.connect(self._read_margin)
        canvas.view_box.sigRangeChanged.connect(self.check)
        canvas.view_box.sigResized.connect(self.check)
        # while a read runs the map shows its last frame where that view lies, not a frame of the
        # old features drawn anew (it would cost the UI thread as much as the real one)
        canvas.map_item.reading = lambda: self._busy
        canvas.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _USER_INPUT and (self._margin or self._rest.isActive()):
            self._stop = self._stop or self._margin  # the click is answered first
            self._rest.start()
        return False

    @property
    def layers(self) -> list:
        if self.workspace is None:
            return []
        return [layer for layer in self.workspace.layers if layer.view is not None]

    def set_workspace(self, workspace, renderer) -> None:
        self.workspace, self.renderer = workspace, renderer
        self._stop = self._margin  # a read for the last workspace still running is dropped
        self._standby = None
        layers = self.layers
        biggest = max(layers, key=lambda layer: layer.view.feature_count or 0, default=None)
        self._lane_of = {id(layer): 0 if layer is biggest else 1 for layer in layers}
        for lane, executor in enumerate(self._lanes):  # each lane's connection and projection
            mine = [layer for layer in layers if self._lane_of[id(layer)] == lane]  # are made now,
            if mine:  # not when a zoom needs them
                executor.submit(_warm_up, mine, renderer.display_crs)
        self.check()

    @property
    def busy(self) -> bool:
        """A read of the view runs, or the view needs one: the frames do not hold the view yet."""
        return self._busy or bool(self._needed())

    @property
    def resting(self) -> bool:
        """The margin around the view is waiting to be read, or being read."""
        return self._margin or self._rest.isActive()

    def _view(self):
        rect = self.canvas.view_rect()
        m_per_px = self.canvas.metres_per_pixel()
        if rect.isEmpty() or m_per_px <= 0 or self.renderer is None:
            return None
        return (rect.left(), rect.top(), rect.right(), rect.bottom()), m_per_px

    def _needed(self, margin: float = 0.0, standby: bool = False) -> list:
        """The layers whose frames do not hold the view grown by ``margin``; ``standby``: nor
        does the margin read kept aside."""
        view = self._view()
        if view is None:
            return []
        kept = {id(layer): coverage for layer, _f, coverage, _g in self._standby[1]} \
            if standby and self._standby is not None else {}
        crs = self.renderer.display_crs
        return [layer for layer in self.layers if needs_read(layer, crs, view[0], view[1], margin)
                and (id(layer) not in kept or needs_read(layer, crs, view[0], view[1], margin, kept[id(layer)]))]

    def check(self, *_args) -> None:
        """Read what the view needs, unless the frames hold it already."""
        if self._busy:
            return  # looked at again when the read ends
        self._rest.stop()
        layers = self._needed()
        if layers and self._standby is not None and not self._needed(standby=True):
            _workspace, result = self._standby  # the margin read holds the view: no read
            self._standby = None
            self._swap(result)
            layers = self._needed()
        if self._margin:  # the view goes first: the margin read stops at its next tile
            self._stop = self._stop or bool(layers)
            return
        if layers:
            self._start(layers, 0.0)
        elif self.layers:
            self._rest.start()

    def _read_margin(self) -> None:
        if self._busy or self._margin:
            return
        layers = self._needed(MARGIN, standby=True)
        if layers:
            self._start(layers, MARGIN)
        else:
            self.rested.emit()

    def _start(self, layers: list, margin: float) -> None:
        rect, m_per_px = self._view()
        crs = self.renderer.display_crs
        keep = {id(layer): [layer.frame.index[row] for row in self.selection.rows_of(layer.key)
                            if 0 <= row < len(layer.frame)] for layer in layers}
        workspace = self.workspace
        if margin:
            self._margin, self._stop = True, False
            self.margin_reads += 1
        else:
            self._busy = True
            self.reads += 1
        stop = (lambda: self._stop) if margin else None
        lanes = {}
        for layer in layers:
            lanes.setdefault(self._lane_of.get(id(layer), 1), []).append(layer)
        parts: list = []  # (layers' results or None, error) of each lane, as they end

        def job(mine):
            try:
                part = [(layer, *read_frame(layer, rect, m_per_px, crs, keep[id(layer)], margin, stop))
                        for layer in mine]
                error = None
            except ReadCancelled:
                part, error = None, None
            except Exception as exc:  # noqa: BLE001 - handed to the UI thread
                part, error = None, exc
            with self._lock:
                parts.append((part, error))
                if len(parts) < len(lanes):
                    return  # the last lane to end hands the whole read over
                errors = [e for _p, e in parts if e is not None]
                done = None if errors or any(p is None for p, _e in parts) else \
                    sorted((r for p, _e in parts for r in p), key=lambda r: layers.index(r[0]))
                self._result = (workspace, done, errors[0] if errors else None)
            self._finished.emit()

        for lane, mine in lanes.items():
            self._lanes[lane].submit(job, mine)

    @QtCore.Slot()
    def _take(self) -> None:
        with self._lock:
            workspace, result, error = self._result
            self._result = None
        margin = self._margin
        stopped = margin and self._stop
        self._busy = self._margin = self._stop = False
        self.canvas.map_item.update()  # no longer held (see MapItem.reading)
        if error is not None:
            self._report(error)  # the next move of the view tries again, not a loop of failures
            return
        if result is not None and not stopped and workspace is self.workspace:
            if margin:  # kept aside until the view needs it (a swap now would restyle for nothing)
                self._standby = (workspace, result)
                self.rested.emit()
            else:  # else the view moved on, or the window shows another workspace
                self._standby = None
                self._swap(result)
        self.check()

    def _swap(self, result) -> None:
        selected = self.selection.items
        by_layer = {}
        # freed once the map has drawn the new frame (and what an earlier swap left, if no frame
        # was drawn since, now)
        self.canvas.map_item.replaced = replaced = []
        for layer, frame, coverage, geometry in result:
            old = layer.frame.index
            by_layer[layer.key] = (old, frame.index)
            frame.attrs["coverage"] = coverage
            replaced += [layer.frame, *self.renderer.cached(layer)]
            layer.frame = frame  # the renderer forgets the layer's old caches
            layer.frame_vertices = geometry.vertices  # a band's areas: their shapes made from these
            self.renderer.adopt_geometry(layer, geometry)
        moved = []
        for key, row in selected:
            if key not in by_layer:
                moved.append((key, row))
                continue
            old, new = by_layer[key]
            if 0 <= row < len(old):
                position = new.get_indexer([old[row]])[0]
                if position < 0:  # brought into the old frame after this read began
                    layer = self.workspace.layer(key)
                    position = (bring(layer, [int(old[row])]) or [-1])[0]
                if position >= 0:
                    moved.append((key, int(position)))
        self.canvas.hover = None
        if moved != selected:
            self.selection.set(moved)
        else:
            self.canvas.update_highlights()
        self.swapped.emit()

    def _report(self, error: Exception) -> None:
        window = self.canvas.window()
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(self.tr("Could not read the map's features: %1").replace("%1", str(error)), 10000)

    def close(self) -> None:
        """The window closes and its source is closed next: reads under way end first (a read
        reporting to a window that is gone crashed the process), and what they read is dropped."""
        self.workspace, self._standby = None, None
        self._stop = True
        for executor in self._lanes:
            executor.submit(_nothing).result()  # one thread per lane: runs after what is queued
