"""Long loads run off the UI thread behind a progress dialog whose Cancel really cancels."""

import threading

import pytest
from PySide6 import QtCore, QtWidgets

from parksgis.qt.loader import Cancelled, run_with_progress

Qt = QtCore.Qt


def test_result_and_errors_come_back(qtbot, qapp):
    assert run_with_progress(None, "quick", lambda: (1, [2])) == (1, [2])
    with pytest.raises(ValueError, match="bad file"):
        run_with_progress(None, "failing", lambda: (_ for _ in ()).throw(ValueError("bad file")))


def test_cancel_returns_at_once_and_discards_the_late_result(qtbot, qapp):
    release, discarded = threading.Event(), []

    def slow():
        release.wait(10)
        return "late"

    def press_cancel():
        dialog = next(w for w in QtWidgets.QApplication.topLevelWidgets()
                      if isinstance(w, QtWidgets.QProgressDialog) and w.isVisible())
        button = dialog.findChild(QtWidgets.QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QtCore.QTimer.singleShot(400, press_cancel)  # the dialog shows after 50 ms
    with pytest.raises(Cancelled):
        run_with_progress(None, "slow", slow, show_after_ms=50, discard=discarded.append)
    release.set()
    qtbot.waitUntil(lambda: discarded == ["late"], timeout=5000)
