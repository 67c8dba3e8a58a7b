"""Measurements through the real main window (branch qt), when it is built.

The map canvas is sized to 1920x1080 inside a shown MainWindow (offscreen platform). A pan frame is
one drag step: the view moves and the canvas repaints synchronously while the gesture is active
(the cached frame is blitted, nothing is re-rendered). Settling ends the gesture and repaints:
a full re-render at the new view. Identify is a real left click on a plot (QTest) through
pyqtgraph's scene, the selection and the identify panel, with pending events processed.
"""

from __future__ import annotations

import time

from benchmarks import parts
from benchmarks.parts import NotBuilt
from benchmarks.stages import VIEW_H, VIEW_W


def main_window_class():
    return parts._attr("parksgis.qt.main_window", "MainWindow")


def new_window():
    """A shown, empty MainWindow whose canvas viewport is 1920x1080: the app after start-up."""
    from PySide6 import QtWidgets

    window = main_window_class()()
    window.canvas.setFixedSize(VIEW_W, VIEW_H)
    window.show()
    QtWidgets.QApplication.processEvents()
    return window


def show_workspace(window, workspace, reports=()):
    """Put ``workspace`` in ``window`` and paint the first canvas frame (synchronously)."""
    from PySide6 import QtWidgets

    window.set_workspace(workspace, reports)
    window.canvas.zoom_all()
    QtWidgets.QApplication.processEvents()
    window.canvas.viewport().repaint()
    return window


def open_window(workspace, reports=()):
    return show_workspace(new_window(), workspace, reports)


def canvas_frame_is_blank(window) -> bool:
    """True when the canvas's cached map frame is one flat colour (the map was not drawn)."""
    image = window.canvas.map_item.cached_image()
    if image is None:
        return True
    small = image.scaled(96, 54)
    first = small.pixel(0, 0)
    return all(small.pixel(x, y) == first for x in range(0, 96, 3) for y in range(0, 54, 3))


def first_frame_through_window(window, root, pack=None):
    """In an open, empty main window: load the folder (or pack) and paint its first frame.

    Returns the seconds spent loading; the caller times the whole. Both open as File ▸ Open does
    (read in the loader thread, projected there; a pack's big layers read for the first view only)
    when the window can.
    """
    if hasattr(window, "viewport_feeder"):
        from benchmarks.pack_session import open_pack

        return open_pack(window, pack if pack is not None else root)
    load_workspace = parts.load_workspace()
    t0 = time.perf_counter()
    workspace, reports = load_workspace(pack if pack is not None else root)
    loaded = time.perf_counter() - t0
    show_workspace(window, workspace, reports)
    return loaded


def measure_pan(rec, window, repeat: int) -> None:
    canvas = window.canvas
    viewport = canvas.viewport()
    rendered = canvas.map_item.frames_rendered
    canvas.begin_gesture()
    step = canvas.metres_per_pixel() * 7
    for i in range(max(repeat, 5) * 4):
        t0 = time.perf_counter()
        canvas.view_box.translateBy(x=step, y=step / 2)
        viewport.repaint()
        rec.add("pan_frame", time.perf_counter() - t0)
    blitted_only = canvas.map_item.frames_rendered == rendered
    canvas.settle_timer.stop()
    t0 = time.perf_counter()
    canvas.end_gesture()
    viewport.repaint()
    rec.add("pan_settle", time.perf_counter() - t0)
    warning = rec.notes.get("pan_frame", "")
    rec.notes["pan_frame"] = (warning + ("; " if warning else "") + "main window canvas, 1920x1080: view moved + synchronous repaint during the "
                              "gesture" + ("" if blitted_only else " (WARNING: frames were re-rendered)"))


def measure_identify(rec, window, clicks) -> None:
    from PySide6 import QtCore, QtWidgets
    from PySide6.QtTest import QTest

    canvas, panel = window.canvas, window.identify
    viewport = canvas.viewport()
    updated = 0
    for i, (x, y) in enumerate(clicks):
        pos = canvas.view_to_widget(x, y)
        before = window.selection.current
        t0 = time.perf_counter()
        QTest.mouseClick(viewport, QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier, pos)
        QtWidgets.QApplication.processEvents()
        dt = time.perf_counter() - t0
        if i == 0:
            continue  # warm-up
        rec.add("identify", dt)
        updated += window.selection.current not in (None, before) and bool(panel.heading.text())
    rec.notes["identify"] = (f"real click in the main window → selection → identify panel; "
                             f"{updated}/{len(clicks) - 1} clicks updated the panel")


def available() -> bool:
    try:
        main_window_class()
        return True
    except NotBuilt:
        return False
