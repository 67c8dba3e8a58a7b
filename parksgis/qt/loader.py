"""Loading off the UI thread, with a cancellable progress dialog and no nested event loop.

Reading a big GeoJSON takes seconds (MEASURED.md: 1.5 s for 100k plots), so a load runs as a
QRunnable on Qt's global thread pool while the window stays responsive; its result comes back to
the UI thread by a queued signal. pyogrio cannot be interrupted mid-read, so Cancel ends the job
for the caller at once and the result, when it arrives, is handed to ``discard`` in the worker
thread (a pack opened there is closed there: SQLite connections stay in their thread).

Callers that continue after a load get a :class:`Pending`, which emits ``done(value)`` once, from
the event loop, never inside the call that started it — so a test may start an operation, then wait
for its ``done`` with ``qtbot.waitSignal``.
"""

from __future__ import annotations

import threading
from typing import Callable

import shiboken6
from PySide6 import QtCore, QtWidgets

from parksgis import progress


class Pending(QtCore.QObject):
    """The outcome of an operation that ends later: ``done(value)`` is emitted exactly once."""

    done = QtCore.Signal(object)

    def __init__(self, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.finished = self.emitted = False
        self.value = None

    def resolve(self, value) -> None:
        """Set the value; ``done`` follows from the event loop (after the caller has connected)."""
        if self.finished:
            return
        self.finished, self.value = True, value
        QtCore.QTimer.singleShot(0, self, self._emit)

    def _emit(self) -> None:
        self.emitted = True
        self.done.emit(self.value)

    def then(self, callback: Callable) -> "Pending":
        """Call ``callback(value)`` when done; a Pending of what it returns (a Pending is followed)."""
        chained = Pending(self.parent())

        def go(value):
            result = callback(value)
            if isinstance(result, Pending):
                result.done.connect(chained.resolve)
            else:
                chained.resolve(result)

        if self.emitted:
            QtCore.QTimer.singleShot(0, chained, lambda: go(self.value))
        else:
            self.done.connect(go)
        return chained

    @staticmethod
    def of(value, parent: QtCore.QObject | None = None) -> "Pending":
        pending = Pending(parent)
        pending.resolve(value)
        return pending


class Outcome:
    """What a job ended with. A plain object, not a tuple: PySide6 6.11 silently dropped a queued
    signal whose ``object`` argument was a tuple (the loaded (workspace, reports))."""

    def __init__(self, result=None, error: BaseException | None = None):
        self.result, self.error = result, error


class Cancelled(Exception):
    """The user pressed Cancel on the progress dialog."""


class Job(QtCore.QObject):
    """One job on the thread pool behind a busy dialog. ``pending`` is done with an
    :class:`Outcome`: the job's result, its exception, or :class:`Cancelled`."""

    _arrived = QtCore.Signal(object)  # emitted in the worker thread, delivered in the UI thread
    _staged = QtCore.Signal(str)  # the job's progress stages (parksgis.progress), likewise

    def __init__(self, parent_widget, label: str, job: Callable, discard: Callable | None,
                 show_after_ms: int):
        # owned by the application, not the window: it lives until its job returns (and then
        # deletes itself), even when the window closes meanwhile
        super().__init__(QtCore.QCoreApplication.instance())
        self.pending = Pending()
        self._job, self._discard = job, discard
        self._lock = threading.Lock()
        self._cancelled = self._delivered = False
        self._arrived.connect(self._on_arrived)
        self._staged.connect(self._on_staged)
        self.label = label
        self.dialog = QtWidgets.QProgressDialog(
            label, QtCore.QCoreApplication.translate("Loader", "Cancel"), 0, 0, parent_widget)
        self.dialog.setWindowTitle(QtCore.QCoreApplication.translate("Loader", "Loading"))
        self.dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)  # a quick load shows no dialog at all
        self.dialog.canceled.connect(self.cancel)
        _pool().start(_Runnable(self))

    def run(self) -> None:
        """In the worker thread."""
        try:
            with progress.reported_to(self._staged.emit):
                outcome = Outcome(result=self._job())
        except Exception as exc:  # noqa: BLE001 - handed back to the UI thread
            outcome = Outcome(error=exc)
        with self._lock:
            abandoned = self._cancelled
            self._delivered = not abandoned
        if abandoned and outcome.error is None and self._discard is not None:
            self._discard(outcome.result)  # nobody will take it: release what it holds (files, locks)
        self._arrived.emit(outcome)

    def cancel(self) -> None:
        """Cancel pressed: the caller hears Cancelled now, unless the result is already on its way."""
        with self._lock:
            if self._delivered or self._cancelled:
                return
            self._cancelled = True
        self._close_dialog()
        self.pending.resolve(Outcome(error=Cancelled(self.dialog.labelText()
                                                     if shiboken6.isValid(self.dialog) else "")))

    @QtCore.Slot(str)
    def _on_staged(self, text: str) -> None:
        """What the job does now, under the dialog's title line (a minute-long conversion of a
        big file says so)."""
        if shiboken6.isValid(self.dialog) and not self._cancelled:
            self.dialog.setLabelText(f"{self.label}\n{text}")

    @QtCore.Slot(object)
    def _on_arrived(self, outcome: Outcome) -> None:
        self._close_dialog()
        if not self._cancelled:
            self.pending.resolve(outcome)
        self.deleteLater()  # the runnable is done with it

    def _close_dialog(self) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.deleteLater()


def _pool() -> QtCore.QThreadPool:
    """The loaders' thread pool, owned by the application.

    Each job gets a thread of its own (idle threads expire at once): pyproj objects made in a
    worker carry that thread's PROJ context, and the UI thread frees them later (when a workspace is
    replaced); were the thread reused for the next load, both would work in one PROJ context at once
    and PROJ crashes (it did, on opening a folder twice). Cancelled reads run on until pyogrio
    returns, so more may run at once than there are cores.
    """
    app = QtCore.QCoreApplication.instance()
    pool = app.findChild(QtCore.QThreadPool, "parksgis_loader_pool")
    if pool is None:
        pool = QtCore.QThreadPool(app, objectName="parksgis_loader_pool")
        pool.setExpiryTimeout(0)
        pool.setMaxThreadCount(16)
    return pool


class _Runnable(QtCore.QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run()


def run_in_background(parent: QtWidgets.QWidget | None, label: str, job: Callable,
                      show_after_ms: int = 300, discard: Callable | None = None) -> Pending:
    """Run ``job()`` on the thread pool, showing a busy dialog after ``show_after_ms``.

    Returns a :class:`Pending` done with an :class:`Outcome` in the UI thread: ``result``, or
    ``error`` (the job's exception, or :class:`Cancelled` when the user cancels; a result that
    arrives after a cancel goes to ``discard`` in the worker thread).
    """
    return Job(parent, label, job, discard, show_after_ms).pending
