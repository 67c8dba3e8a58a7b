"""Long loads run off the UI thread behind a progress dialog whose Cancel really cancels; the
result comes back by signal, with no nested event loop."""

import threading

from PySide6 import QtCore, QtWidgets

from parksgis.qt.loader import Cancelled, Pending, run_in_background

Qt = QtCore.Qt


def test_result_and_errors_come_back_by_signal(qtbot, qapp, finished):
    quick = run_in_background(None, "quick", lambda: (1, [2]))
    assert not quick.finished  # never inside the call: the caller connects first
    outcome = finished(quick)
    assert outcome.result == (1, [2]) and outcome.error is None
    failing = finished(run_in_background(None, "failing",
                                         lambda: (_ for _ in ()).throw(ValueError("bad file"))))
    assert isinstance(failing.error, ValueError) and str(failing.error) == "bad file"


def test_the_ui_thread_keeps_running_while_the_job_works(qtbot, qapp, finished):
    release, ticks = threading.Event(), []
    timer = QtCore.QTimer(interval=10, timeout=lambda: (ticks.append(1), len(ticks) >= 3 and release.set()))
    timer.start()
    pending = run_in_background(None, "slow", lambda: release.wait(10))
    assert finished(pending).result is True  # released by the UI thread's own timer
    timer.stop()


def test_cancel_returns_at_once_and_discards_the_late_result(qtbot, qapp, finished):
    release, discarded = threading.Event(), []

    def slow():
        release.wait(10)
        return "late"

    pending = run_in_background(None, "slow", slow, show_after_ms=50, discard=discarded.append)
    dialog = None

    def dialog_shown():
        nonlocal dialog
        dialog = next((w for w in QtWidgets.QApplication.topLevelWidgets()
                       if isinstance(w, QtWidgets.QProgressDialog) and w.isVisible()), None)
        return dialog is not None

    qtbot.waitUntil(dialog_shown, timeout=5000)  # shown after 50 ms
    qtbot.mouseClick(dialog.findChild(QtWidgets.QPushButton), Qt.MouseButton.LeftButton)
    assert isinstance(finished(pending).error, Cancelled)  # while the job still runs
    assert discarded == []
    release.set()
    qtbot.waitUntil(lambda: discarded == ["late"], timeout=5000)


def test_then_chains_and_follows_a_pending(qtbot, qapp, finished):
    first = Pending()
    second = Pending()
    chained = first.then(lambda value: second if value == 1 else "no")
    first.resolve(1)
    second.resolve("from the second")
    assert finished(chained) == "from the second"
    late = first.then(lambda value: value + 1)  # chained after ``first`` was delivered
    assert finished(late) == 2


def test_the_dialog_says_what_the_job_does_now(qtbot, qapp, finished):
    from parksgis import progress

    release = threading.Event()

    def converting():
        progress.stage("plots.geojson: writing a cache pack")
        release.wait(10)
        return "done"

    pending = run_in_background(None, "Opening parks…", converting, show_after_ms=50)

    def dialog_text():
        dialog = next((w for w in QtWidgets.QApplication.topLevelWidgets()
                       if isinstance(w, QtWidgets.QProgressDialog) and w.isVisible()), None)
        return dialog.labelText() if dialog is not None else ""

    qtbot.waitUntil(lambda: dialog_text() == "Opening parks…\nplots.geojson: writing a cache pack",
                    timeout=5000)
    release.set()
    assert finished(pending).result == "done"
