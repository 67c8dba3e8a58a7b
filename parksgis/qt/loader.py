"""Loading off the UI thread with a cancellable progress dialog.

Reading a big GeoJSON takes seconds (MEASURED.md: 1.5 s for 100k plots), so loads run in a
QThread while a progress dialog keeps the window alive. pyogrio cannot be interrupted mid-read, so
Cancel returns at once and the result, when it arrives, is dropped.
"""

from __future__ import annotations

from typing import Callable

from PySide6 import QtCore, QtWidgets

_running: set = set()  # a thread must outlive its run: abandoned (cancelled) ones stay here


class _Worker(QtCore.QObject):
    # The outcome travels as an attribute, not a signal argument: PySide6 6.11 silently dropped
    # a queued signal whose ``object`` argument was a tuple (the loaded (workspace, reports)).
    done = QtCore.Signal()

    def __init__(self, job: Callable, discard: Callable | None):
        super().__init__()
        self.job = job
        self.discard = discard
        self.cancelled = False
        self.outcome: dict = {}

    def run(self) -> None:
        try:
            result = self.job()
            if self.cancelled and self.discard is not None:
                self.discard(result)  # nobody will take it: release what it holds (files, locks)
            self.outcome.update(result=result, error=None)
        except Exception as exc:  # noqa: BLE001 - handed back to the UI thread, re-raised there
            self.outcome.update(result=None, error=exc)
        self.done.emit()


class _Receiver(QtCore.QObject):
    """Lives in the UI thread, so the worker's signal is delivered there (a queued connection)."""

    def __init__(self, loop: QtCore.QEventLoop):
        super().__init__()
        self.loop = loop

    @QtCore.Slot()
    def on_done(self) -> None:
        self.loop.quit()


class Cancelled(Exception):
    """The user pressed Cancel on the progress dialog."""


def run_with_progress(parent: QtWidgets.QWidget | None, label: str, job: Callable,
                      show_after_ms: int = 300, discard: Callable | None = None):
    """Run ``job()`` in a thread, showing a busy dialog after ``show_after_ms``; return its result.

    Raises the job's exception, or :class:`Cancelled` when the user cancels; a result that
    arrives after a cancel is passed to ``discard`` (in the worker thread).
    """
    thread = QtCore.QThread()
    worker = _Worker(job, discard)
    worker.moveToThread(thread)
    loop = QtCore.QEventLoop()
    receiver = _Receiver(loop)
    outcome = worker.outcome
    worker.done.connect(receiver.on_done)
    thread.started.connect(worker.run)
    dialog = QtWidgets.QProgressDialog(label, QtCore.QCoreApplication.translate("Loader", "Cancel"),
                                       0, 0, parent)
    dialog.setWindowTitle(QtCore.QCoreApplication.translate("Loader", "Loading"))
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.canceled.connect(loop.quit)
    entry = (thread, worker)
    _running.add(entry)
    # direct: QThread.quit is thread-safe, and the UI thread may be blocked in wait() below
    worker.done.connect(thread.quit, QtCore.Qt.ConnectionType.DirectConnection)
    thread.start()
    dialog.setValue(0)  # a modal dialog processes events here: a quick job may already be done
    if not outcome and not dialog.wasCanceled():
        loop.exec()
    dialog.reset()
    dialog.deleteLater()
    if "error" not in outcome:
        worker.cancelled = True
        raise Cancelled(label)  # the thread stays referenced in _running until the process ends
    thread.quit()
    thread.wait()
    _running.discard(entry)
    if outcome["error"] is not None:
        raise outcome["error"]
    return outcome["result"]
