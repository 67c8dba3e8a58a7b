"""A scripted session on a pack through the real main window, as a user has it at a million plots.

Open the pack (File ▸ Open: the loader thread reads the big layers for the first view only), the
first frame, zoom to a park-sized view (1/8 of the extent) and wait until its features are read
and drawn ("settle after zoom"), pan (drag frames blit the cached frame, with the read margin
around it), click plots (identify), zoom out to everything. Its peak RSS (VmHWM) is the
"scripted session" figure. Run by ``benchmarks.stages pack_session``.
"""

from __future__ import annotations

import time
from pathlib import Path


def wait_for_frames(window) -> None:
    """Until the viewport-driven layers hold the view (the feeder's reads are done)."""
    from PySide6 import QtCore

    feeder = window.viewport_feeder
    feeder.check()
    while feeder.busy:
        loop = QtCore.QEventLoop()
        feeder.swapped.connect(loop.quit)
        QtCore.QTimer.singleShot(0, feeder.check)  # a view that needs a read starts it
        if feeder.busy:
            loop.exec()
        feeder.swapped.disconnect(loop.quit)


def wait_for_legend(window) -> None:
    """Until the legend's counts are in (a big pack's are counted after the first frame)."""
    from PySide6 import QtCore

    legend = window.legend
    if getattr(legend, "counting", None) is not None:
        loop = QtCore.QEventLoop()
        legend.counted.connect(loop.quit)
        if legend.counting is not None:
            loop.exec()
        legend.counted.disconnect(loop.quit)


def open_pack(window, pack: Path) -> float:
    """Open ``pack`` (or a layers folder) as File ▸ Open does and paint the first frame; returns
    the seconds spent until the workspace was read (the caller times the whole)."""
    from PySide6 import QtWidgets

    from parksgis.qt.workspace_loading import open_path

    from PySide6 import QtCore

    t0 = time.perf_counter()
    pending = open_path(window, Path(pack))
    if not pending.emitted:
        loop = QtCore.QEventLoop()
        pending.done.connect(loop.quit)
        if not pending.emitted:
            loop.exec()
    if not pending.value:
        raise RuntimeError(f"{pack}: the window could not open it")
    loaded = time.perf_counter() - t0
    wait_for_frames(window)
    QtWidgets.QApplication.processEvents()
    window.canvas.viewport().repaint()
    return loaded


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="utf-8") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM"))


def stage_pack_session(rec, root: Path, repeat: int, out: Path, pack: Path | None = None, **_) -> None:
    import numpy as np
    from PySide6 import QtCore

    from benchmarks import window

    if pack is None or not window.available():
        rec.na.update({k: "n/a — needs a pack and the main window" for k in
                       ("settle_zoom_pack", "pan_frame_pack", "identify_pack", "rss_session_pack")})
        return
    win = window.new_window()
    canvas = win.canvas
    t0 = time.perf_counter()
    open_pack(win, pack)
    rec.add("session_pack_first_frame", time.perf_counter() - t0)
    wait_for_legend(win)  # untimed: the zooms below are measured without the count beside them
    full = canvas.view_rect()
    rng = np.random.default_rng(7)
    for _ in range(repeat):  # zoom to a park-sized view somewhere, until it is read and drawn
        fx, fy = rng.uniform(0.3, 0.7, size=2)
        w, h = full.width() / 8, full.height() / 8
        view = QtCore.QRectF(full.left() + fx * full.width() - w / 2, full.top() + fy * full.height() - h / 2, w, h)
        t0 = time.perf_counter()
        canvas.zoom_to_rect(view, margin=0.0)
        wait_for_frames(win)
        canvas.viewport().repaint()
        rec.add("settle_zoom_pack", time.perf_counter() - t0)
    canvas.grab().save(str(out / "pack_session_zoomed.png"))
    pan = {}
    window.measure_pan(_Renamed(rec, pan), win, repeat)
    wait_for_frames(win)
    for value in pan.get("pan_frame", []):
        rec.add("pan_frame_pack", value)
    clicks = _plot_centres(win, rng, max(repeat, 5) * 4 + 1)
    identify = {}
    window.measure_identify(_Renamed(rec, identify), win, clicks)
    for value in identify.get("identify", []):
        rec.add("identify_pack", value)
    rec.notes["identify_pack"] = rec.notes.pop("identify", "")
    rec.notes["pan_frame_pack"] = rec.notes.pop("pan_frame", "")
    canvas.zoom_all()
    wait_for_frames(win)
    canvas.viewport().repaint()
    canvas.grab().save(str(out / "pack_session_all.png"))
    rec.add("rss_session_pack", peak_rss_mb())
    rec.notes["rss_session_pack"] = "open pack, zoom to 1/8 ×R, pan, identify, zoom out (VmHWM)"
    win.session.close()
    win.close()


class _Renamed:
    """A recorder whose timings go to ``into`` (so the pack's rows stay apart from the folder's)."""

    def __init__(self, rec, into: dict):
        self.notes, self._into = rec.notes, into

    def add(self, name: str, seconds: float) -> None:
        self._into.setdefault(name, []).append(seconds)


def _plot_centres(win, rng, n: int):
    """Display-CRS points inside plots now in the view (what a user clicks)."""
    import numpy as np
    import shapely

    view = win.canvas.view_rect()
    for layer in win.workspace.layers:
        if layer.kind.value != "plots" or not len(layer.frame):
            continue
        geometry = win.renderer.geometry(layer)
        rows = win.renderer.visible_rows(layer, view)
        if len(rows) == 0:
            continue
        rows = rng.choice(rows, size=min(n, len(rows)), replace=False)
        return shapely.get_coordinates(shapely.point_on_surface(geometry.projected(np.sort(rows))))
    return np.empty((0, 2))
