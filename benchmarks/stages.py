"""In-process parksgis stages; each run as its own process by benchmarks.run.

    python -m benchmarks.stages STAGE DATA_ROOT [--repeat R] [--out DIR]

Prints one JSON line: {"timings": {name: [seconds, ...]}, "na": {name: reason}, "notes": {...},
"rss_mb": peak RSS of this process}. Stages:

- ``read``: parksgis.io.read_layer(plots.geojson), R times.
- ``folder``: load_workspace(folder), R times.
- ``first_frame``: open (folder or ``--pack``) -> MapRenderer -> first 1920x1080 frame, once
  (the harness starts one process per repeat, so every open is cold in Python, warm in the OS
  file cache). A folder's big GeoJSON layers are kept as read in ``OUT/user-cache`` after the
  first open: a run that finds none there records ``first_frame_geojson_first_open``, later runs
  ``first_frame_geojson``. Every window stage has settings of its own: no remembered view.
- ``session``: one interactive session: open, first frame, then R re-renders at full extent and
  zoomed to 1/8 (with/without antialiasing), pan frames, identify clicks, A3 300-dpi export; its
  peak RSS is the "interactive" RSS.
- ``pack_session``: the same through the window on ``--pack``, its big layers read per view
  (benchmarks.pack_session); its peak RSS is the "scripted session" figure.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import parts  # noqa: E402
from benchmarks.generate import PARK_ID, layer_files  # noqa: E402
from benchmarks.parts import NotBuilt  # noqa: E402

VIEW_W, VIEW_H = 1920, 1080
A3_300DPI = (3508, 4961)          # 297 x 420 mm at 300 dpi, portrait


class Recorder:
    def __init__(self):
        self.timings: dict[str, list[float]] = {}
        self.na: dict[str, str] = {}
        self.notes: dict[str, str] = {}

    def add(self, name: str, seconds: float) -> None:
        self.timings.setdefault(name, []).append(seconds)

    def not_built(self, names, exc: Exception) -> None:
        for name in ([names] if isinstance(names, str) else names):
            self.na[name] = f"n/a — not built ({exc})"

    def dump(self) -> str:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
        return json.dumps(dict(timings=self.timings, na=self.na, notes=self.notes, rss_mb=rss))


def timed(fn, *args, **kwargs):
    gc.collect()
    t0 = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t0


# -- reading -------------------------------------------------------------------------------------
def stage_read(rec: Recorder, root: Path, repeat: int, **_) -> None:
    try:
        read_layer = parts.read_layer()
    except NotBuilt as exc:
        rec.not_built("read_plots", exc)
        return
    plots = layer_files(root)[0]
    read_layer(layer_files(root)[2])  # untimed: the reader's lazy imports and pyproj set-up
    for _ in range(repeat):
        (frame, _report), dt = timed(read_layer, plots)
        rec.add("read_plots", dt)
        del frame


def stage_folder(rec: Recorder, root: Path, repeat: int, **_) -> None:
    try:
        load_workspace = parts.load_workspace()
    except NotBuilt as exc:
        rec.not_built("open_folder", exc)
        return
    for i in range(repeat + 1):
        (workspace, _reports), dt = timed(load_workspace, root)
        if i == 0:  # the very first open seeds <folder>/register.sqlite from projects.csv
            rec.notes["open_folder"] = f"first open (seeds register.sqlite) {dt:.2f} s, not counted"
        else:
            rec.add("open_folder", dt)
        del workspace


def stage_pack_open(rec: Recorder, root: Path, repeat: int, pack: Path | None = None, **_) -> None:
    try:
        load_workspace = parts.load_workspace()
    except NotBuilt as exc:
        rec.not_built("open_pack", exc)
        return
    for _ in range(repeat):
        (workspace, _reports), dt = timed(load_workspace, pack)
        rec.add("open_pack", dt)
        del workspace


# -- drawing -------------------------------------------------------------------------------------
class Frame:
    """A 1920x1080 (or any size) raster target and the renderer's paint call around it."""

    def __init__(self, renderer, width: int = VIEW_W, height: int = VIEW_H):
        from PySide6 import QtGui

        self.renderer = renderer
        self.image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32_Premultiplied)

    def fitted(self, view):
        """``view`` grown to the image's aspect ratio around its centre (what a canvas shows)."""
        from PySide6 import QtCore

        aspect = self.image.width() / self.image.height()
        w, h = view.width(), view.height()
        if w / h < aspect:
            w = h * aspect
        else:
            h = w / aspect
        c = view.center()
        return QtCore.QRectF(c.x() - w / 2, c.y() - h / 2, w, h)

    def draw(self, view, antialias: bool) -> None:
        from PySide6 import QtCore, QtGui

        self.image.fill(QtGui.QColor("white"))
        painter = QtGui.QPainter(self.image)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, antialias)
        target = QtCore.QRectF(0, 0, self.image.width(), self.image.height())
        paint_map(self.renderer, painter, view, target, antialias)
        painter.end()


def paint_map(renderer, painter, view, target, antialias: bool) -> None:
    """MapRenderer.paint(painter, view_rect, device_rect, antialias=...) (the render branch);
    an older (painter, target, view) form is still accepted so stand-ins can be timed."""
    params = list(inspect.signature(renderer.paint).parameters)
    if len(params) > 1 and params[1].startswith("view"):
        if "antialias" in params:
            renderer.paint(painter, view, target, antialias=antialias)
        else:
            renderer.paint(painter, view, target)
    else:
        renderer.paint(painter, target, view)


def open_and_draw(root: Path, pack: Path | None):
    """Open the folder (or pack), build the renderer, draw the full extent once."""
    Renderer = parts.map_renderer_class()
    if pack is not None:
        workspace, _ = parts.load_workspace()(pack)
    else:
        workspace, how = parts.open_workspace(root)
    renderer = Renderer(workspace)
    frame = Frame(renderer)
    view = frame.fitted(renderer.extent())
    frame.draw(view, antialias=True)
    return workspace, renderer, frame, view


def stage_first_frame(rec: Recorder, root: Path, repeat: int, pack: Path | None = None, **_) -> None:
    name = "first_frame_pack" if pack is not None else "first_frame_geojson"
    if pack is None and not _cached_layers(root):  # the big layers are parsed, then kept as read
        name += "_first_open"
    try:  # the target is about our own loader: no geopandas fallback here
        parts.map_renderer_class()
        parts.load_workspace()
    except NotBuilt as exc:
        rec.not_built(name, exc)
        return
    from benchmarks import window

    if window.available():
        # the app has started: its window is up and empty; the user opens a folder or pack
        win = window.new_window()
        t0 = time.perf_counter()
        loaded = window.first_frame_through_window(win, root, pack)
        rec.add(name, time.perf_counter() - t0)
        rec.add(name + "_load", loaded)
        rec.notes[name] = "load_workspace + main window shown with its first canvas frame"
        win.close()
    else:
        t0 = time.perf_counter()
        open_and_draw(root, pack)
        rec.add(name, time.perf_counter() - t0)
        rec.notes[name] = "load_workspace + MapRenderer frame (no main window yet)"


def _cached_layers(root: Path) -> list:
    """The layer files of ``root`` kept as read in this run's cache folder (io.read_cache; see
    ``main``)."""
    try:
        from parksgis.io.read_cache import _entry_path
    except ImportError:
        return []
    return [p for p in sorted(root.rglob("*.geojson")) if _entry_path(p).exists()]


def _zoom(view, fraction: float, cx: float, cy: float):
    from PySide6 import QtCore

    w, h = view.width() * fraction, view.height() * fraction
    return QtCore.QRectF(cx - w / 2, cy - h / 2, w, h)


def stage_session(rec: Recorder, root: Path, repeat: int, out: Path, **_) -> None:
    import numpy as np

    from benchmarks import interact, window

    try:
        Renderer = parts.map_renderer_class()
    except NotBuilt as exc:
        rec.not_built(["render_full_noaa", "render_full_aa", "render_zoom8_noaa", "render_zoom8_aa",
                       "pan_frame", "identify", "export_a3_png", "rss_session"], exc)
        return
    t0 = time.perf_counter()
    workspace, how = parts.open_workspace(root)
    # With the main window built, its own renderer is the one measured: one set of caches, as a
    # user's process has it (the RSS figure depends on it).
    win = window.open_window(workspace) if window.available() else None
    renderer = win.renderer if win is not None else Renderer(workspace)
    frame = Frame(renderer)
    full = frame.fitted(renderer.extent())
    frame.draw(full, antialias=False)
    rec.add("session_first_frame", time.perf_counter() - t0)
    rec.notes["session"] = f"opened with {how}" + (", shown in the main window" if win else "")
    if win is not None and window.canvas_frame_is_blank(win):
        rec.notes["pan_frame"] = "WARNING: the canvas drew a blank map; pan timings are not meaningful"
        rec.notes["canvas"] = "blank"
    frame.image.save(str(out / "session_first_frame.png"))
    rng = np.random.default_rng(7)

    # Re-render after zoom: a new view each time (centres drawn at random inside the extent) so a
    # cache keyed on the view cannot answer; one untimed warm-up per zoom level.
    for fraction, label in ((1.0, "full"), (1 / 8, "zoom8")):
        for antialias, suffix in ((False, "noaa"), (True, "aa")):
            views = []
            for _ in range(repeat + 1):
                fx, fy = rng.uniform(0.5 - (1 - fraction) / 2, 0.5 + (1 - fraction) / 2, size=2) \
                    if fraction < 1 else rng.uniform(0.49, 0.51, size=2)
                views.append(_zoom(full, fraction, full.left() + fx * full.width(),
                                   full.top() + fy * full.height()))
            frame.draw(views[0], antialias)
            for view in views[1:]:
                _, dt = timed(frame.draw, view, antialias)
                rec.add(f"render_{label}_{suffix}", dt)
            if label == "zoom8" and suffix == "noaa":
                frame.image.save(str(out / "session_zoom8.png"))

    measure_edit_repaint(rec, workspace, frame, _zoom(full, 1 / 8, full.center().x(), full.center().y()),
                         repeat, rng)
    if win is not None:
        window.measure_pan(rec, win, repeat)
        zoomed = _zoom(full, 1 / 8, full.center().x(), full.center().y())
        win.canvas.zoom_to_rect(zoomed, margin=0.0)
        win.canvas.viewport().repaint()
        # points inside random plots in view (not the centres of 50,000 plots filtered to the
        # view: that was ~15 MB of the harness's own on top of the session's peak)
        from benchmarks.pack_session import _plot_centres

        window.measure_identify(rec, win, _plot_centres(win, rng, max(repeat, 5) * 4 + 1))
        win.grab().save(str(out / "session_window.png"))
    else:
        interact.measure_pan(rec, workspace, renderer, frame, full, repeat)
        interact.measure_identify(rec, workspace, renderer, full, repeat, rng)
    # The interactive footprint: open, draw, zoom, pan, identify. The A3 export below allocates a
    # 70 MB image on top, which is the export's cost, not the viewer's.
    rec.add("rss_session", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
    interact.measure_export(rec, workspace, renderer, full, out)
    if win is not None:
        win.close()


def measure_edit_repaint(rec: Recorder, workspace, frame: Frame, view, repeat: int, rng) -> None:
    """A status edit as the register link makes it (the project replaced in the model, then
    ``projects_changed`` with its id) and the frame drawn after it: the renderer's style caches
    follow the edit. One untimed edit first (the renderer indexes features by project once)."""
    import dataclasses

    linked = sorted(pid for pid, p in workspace.projects.items() if p.status in ("approved", "planned"))
    if not linked:
        rec.notes["edit_repaint"] = "no editable project in this data"
        return
    picks = rng.choice(len(linked), size=min(len(linked), repeat + 1), replace=False)

    def edit_and_draw(pid: str) -> None:
        project = workspace.projects[pid]
        workspace.projects[pid] = dataclasses.replace(project, status="under_construction")
        workspace.projects_changed.emit([pid])
        frame.draw(view, antialias=False)

    frame.draw(view, antialias=False)
    for i, pick in enumerate(picks):
        _, dt = timed(edit_and_draw, linked[int(pick)])
        if i:
            rec.add("edit_repaint", dt)


def stage_pack_session(rec: Recorder, root: Path, repeat: int, out: Path, pack: Path | None = None, **_) -> None:
    from benchmarks.pack_session import stage_pack_session as run

    run(rec, root, repeat, out, pack=pack)


STAGES = {"read": stage_read, "folder": stage_folder, "pack_open": stage_pack_open, "first_frame": stage_first_frame,
          "session": stage_session, "pack_session": stage_pack_session}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("root", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pack", type=Path)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/images"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rec = Recorder()
    if args.stage in ("first_frame", "session", "pack_session"):
        import tempfile

        # the app as `parksgis gui` starts it: the data libraries imported before Qt
        parts.import_libraries_before_qt(str(args.pack or args.root))
        from PySide6 import QtCore, QtWidgets  # the qt canvas and identify panel need a QApplication

        parts.plain_source_check()  # as `parksgis gui` does once PySide6 is imported

        app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])  # noqa: F841
        # settings of their own: every open is a first open (no view remembered from an earlier
        # run, whatever that run zoomed to), and the user's settings are neither read nor written
        settings = tempfile.TemporaryDirectory(prefix="parksgis-bench-settings-")
        for fmt in (QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Format.NativeFormat):
            QtCore.QSettings.setPath(fmt, QtCore.QSettings.Scope.UserScope, settings.name)
    # big GeoJSON layers read once are kept as read (io.read_cache) in a cache folder of the
    # benchmark's own, beside its images: the first run of a stage there is a first open
    os.environ["XDG_CACHE_HOME"] = str(args.out.resolve() / "user-cache")
    STAGES[args.stage](rec, args.root, args.repeat, pack=args.pack, out=args.out)
    print(rec.dump())
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
