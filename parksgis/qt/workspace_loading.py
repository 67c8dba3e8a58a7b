"""Opening a folder / file / pack and adding dropped files, off the UI thread.

Each operation returns a :class:`~parksgis.qt.loader.Pending` done with its outcome (opened or
not, layers added) once the window shows it.

A file that cannot be read becomes an error row in the problems panel; the files that can be read
are added and the map keeps working.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6 import QtCore

from parksgis.errors import ParksgisError
from parksgis.model.imagery import ImageryLayer
from parksgis.model.layer import Layer, LayerKind
from parksgis.qt.i18n import TranslationContext
from parksgis.qt.loader import Cancelled, Pending, run_in_background


class WorkspaceLoading(TranslationContext):
    """The translation context of this module's texts: ``WorkspaceLoading.tr("text")``."""


def open_path(window, path: Path) -> Pending:
    """Replace the window's workspace with the one at ``path``: a Pending done with True, or with
    False (and a problem row, or "cancelled" in the status bar) when it could not be opened."""
    from parksgis.app.workspace import open_workspace

    def show(outcome) -> bool:
        if not _succeeded(window, outcome, path, path):
            return False
        opened, geometry, statuses = outcome.result
        window.set_workspace(opened.workspace, opened.reports, geometry, opened.source, statuses)
        window.remember(path)
        _raise_problems_if_any(window, opened.reports)
        return True

    return load_for_window(window, WorkspaceLoading.tr("Opening %1…").replace("%1", path.name),
                           lambda layers_read: open_workspace(path, view_layers=True, layers_read=layers_read)
                           ).then(show)


def open_database(window, src: str) -> Pending:
    """Replace the window's workspace with the database ``src`` (its layers and register)."""
    from parksgis.app.workspace import OpenedWorkspace
    from parksgis.server.connection import display
    from parksgis.server.view_source import OpenDatabase
    from parksgis.server.workspace import load_database_workspace

    shown = display(src)  # remembered and shown without any password

    def load(_layers_read):
        # the register link opens the database's register itself (workspace.meta["database"])
        # (its big layers read per view, as a pack's)
        workspace, reports = load_database_workspace(src, view_layers=True)
        return OpenedWorkspace(workspace, reports, source=OpenDatabase(workspace))

    def show(outcome) -> bool:
        if not _succeeded(window, outcome, shown, shown, code="database"):
            return False
        opened, geometry, statuses = outcome.result
        window.set_workspace(opened.workspace, opened.reports, geometry, opened.source, statuses=statuses)
        window.remember(shown)
        return True

    return load_for_window(window, WorkspaceLoading.tr("Opening %1…").replace("%1", shown), load).then(show)


def _succeeded(window, outcome, file, name, code: str | None = None) -> bool:
    """True when ``outcome`` holds a result; otherwise says why in the window (a cancel in the
    status bar, a ParksgisError as a problem row) and re-raises anything else."""
    if isinstance(outcome.error, Cancelled):
        window.statusBar().showMessage(WorkspaceLoading.tr("Opening cancelled"), 5000)
        return False
    if isinstance(outcome.error, ParksgisError):
        exc = outcome.error
        window.problems.add_problem("error", file, None, code or getattr(exc, "code", "unreadable"), str(exc))
        window.docks["problems"].raise_()
        return False
    if outcome.error is not None:
        raise outcome.error
    return True


def load_for_window(window, title: str, load) -> Pending:
    """``load(layers_read) -> OpenedWorkspace`` on the thread pool behind a cancellable progress
    dialog; a Pending done with an Outcome whose result is ``(opened, geometry, statuses)``: the
    layers projected to the window's display CRS there too, so the first frame only builds paths
    and paints, and the status legend's counts (``status_legend.FeatureStatuses``). A pack's
    register is opened again in the UI thread by the register link (PackHandle.reopen_register):
    SQLite connections stay in their thread.

    A source's big layers are read for the first view only (``qt.viewport_feeder``), in a thread
    of its own: ``load`` may call ``layers_read(workspace)`` once the workspace's layers are set
    up, and the first view is read while it goes on to read the register (a pack's 100,000
    projects: as long as the view). Counting such layers for the legend is SQL over every
    feature (seconds at a million plots): the map does not wait for it, ``statuses`` is then an
    :class:`AfterFirstFrame`, a Future of the counts that the window starts once its first frame
    is painted (``MainWindow.set_workspace``, ``StatusLegend.set_workspace``).
    """
    from parksgis.io.read_cache import writes_held
    from parksgis.qt.view_memory import saved_view
    from parksgis.qt.viewport_feeder import first_view_frames
    from parksgis.render.map_renderer import project_other_layers

    display_crs = window.display_crs
    size = window.canvas.viewport().size()
    size_px = (max(size.width(), 1), max(size.height(), 1))
    settings_file = (window.settings.fileName(), window.settings.format())

    def first_view(workspace):
        try:
            # the view the window will show: the one remembered for this source (read through a
            # QSettings of this thread; Qt shares one cache per file in a process), else the parks
            view = saved_view(QtCore.QSettings(*settings_file), workspace, display_crs)
            remembered = None if view is None else (view.left(), view.top(), view.right(), view.bottom())
            return first_view_frames(workspace, display_crs, size_px, remembered)
        finally:
            _release_thread(workspace)

    def job():
        pool = ThreadPoolExecutor(2, thread_name_prefix="parksgis-open")
        reading: list = []

        def layers_read(workspace) -> None:
            if not reading:
                reading.append(pool.submit(first_view, workspace))

        finished = False
        try:
            with writes_held():  # the big layers are kept as read once the first frame is shown
                opened = load(layers_read)
            layers_read(opened.workspace)  # a source that did not say earlier
            known = reading[0].result()
            geometry = project_other_layers(opened.workspace, display_crs, known)
            finished = True
        finally:  # on an error, nothing reads the source any more once this returns
            pool.shutdown(wait=not finished)
        if any(layer.view is not None for layer in opened.workspace.layers):
            return opened, geometry, AfterFirstFrame(opened.workspace)
        return opened, geometry, _count_statuses(opened.workspace)

    return run_in_background(window, title, job, discard=_close_abandoned)


class AfterFirstFrame(Future):
    """The legend's counts of a workspace with viewport-driven layers (SQL over every feature:
    seconds at a million plots), counted in a thread of their own from :meth:`start`. The window
    calls it once the first frame is painted: before, the count would take the GIL from the
    reads and paths of that frame."""

    def __init__(self, workspace):
        super().__init__()
        self._workspace = workspace
        self._started = False

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        threading.Thread(target=self._count, name="parksgis-count", daemon=True).start()

    def _count(self) -> None:
        if not self.set_running_or_notify_cancel():
            return
        try:
            self.set_result(_count_statuses(self._workspace))
        except BaseException as exc:  # noqa: BLE001 - handed to the legend, as a pool's Future would
            self.set_exception(exc)


def _count_statuses(workspace):
    from parksgis.qt.status_legend import FeatureStatuses

    try:
        return FeatureStatuses(workspace)
    finally:
        _release_thread(workspace)


def _release_thread(workspace) -> None:
    """This thread ends now: its connections to viewport-driven sources go with it."""
    for layer in workspace.layers:
        if layer.view is not None and hasattr(layer.view.source, "release_thread"):
            layer.view.source.release_thread()


def _close_abandoned(result) -> None:
    opened, _geometry, _statuses = result
    if opened.source is not None:
        opened.source.close()  # a cancelled open leaves no edit lock on the pack


def read_file_layer(path: Path, crs=None, offset=None):
    """A Layer for one dropped file (kind from its name: plots.geojson → plots) and its report;
    an ImageryLayer for a raster (GeoTIFF, MBTiles, XYZ tile folder); ``crs`` / ``offset`` as for
    io.read_layer (a CRS or web-map offset chosen in the window)."""
    from parksgis.io import read_layer
    from parksgis.io.raster import is_raster_path

    if is_raster_path(path):
        from parksgis.errors import LayerReadError
        from parksgis.io.imagery import load_imagery

        imagery, report = load_imagery(path)
        if imagery is None:
            problem = report.errors[0]
            raise LayerReadError(path, problem.message, problem.code)
        return imagery, report

    frame, report = read_layer(path, crs=crs, offset=offset)
    kind = LayerKind.from_name(path.stem)
    layer = Layer(path.stem, frame, kind, park_id=None, source=path, report=report)
    return layer, report


def add_files(window, paths: list[Path], crs=None, offset=None) -> Pending:
    """Add each readable file as a layer and list every problem: a Pending done with how many
    layers were added."""
    def job():
        out = []
        for path in paths:
            try:
                out.append((path, *read_file_layer(path, crs, offset), None))
            except ParksgisError as exc:
                out.append((path, None, None, exc))
        return out

    def add(outcome) -> int:
        if isinstance(outcome.error, Cancelled):
            return 0
        if outcome.error is not None:
            raise outcome.error
        return _add_layers(window, paths, outcome.result)

    return run_in_background(window, WorkspaceLoading.tr("Reading %n file(s)…", "", len(paths)), job).then(add)


def _add_layers(window, paths: list[Path], results) -> int:
    added, reports = 0, []
    taken = {layer.key for layer in window.workspace.layers} if window.workspace else set()
    for path, layer, report, error in results:
        if error is not None:
            window.problems.add_problem("error", path, None, getattr(error, "code", "unreadable"), str(error))
            continue
        reports.append(report)
        window.problems.add_report(report)
        if isinstance(layer, ImageryLayer):  # under every vector layer, in capture-date order
            window.workspace.add_imagery(layer)
            window.remember(path)
            added += 1
            continue
        while layer.key in taken:  # two roads.geojson from different folders both stay
            layer.name += "_"
        taken.add(layer.key)
        window.workspace.add_layer(layer)
        window.remember(path)
        added += 1
    if added < len(paths) or any(r.problems for r in reports):
        window.docks["problems"].show()
        window.docks["problems"].raise_()
    return added


def _raise_problems_if_any(window, reports) -> None:
    if any(report.problems for report in reports):
        window.docks["problems"].raise_()
