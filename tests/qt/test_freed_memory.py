"""The window hands memory a click freed back to the system (glibc keeps it else): a long session
of clicks stays near the memory of its first frame."""

from __future__ import annotations

import sys

import pytest
from PySide6 import QtCore, QtWidgets

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc keeps freed memory")

Qt = QtCore.Qt


def _resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def _freed_holes(mb: int = 96) -> float:
    """Blocks glibc keeps after they are freed: 16 kB blocks (far under its mmap threshold), each
    followed by a small one that stays (so the heap cannot shrink from its end). Returns the
    resident MB once the big blocks are freed."""
    big, pins = [], []
    for _ in range(mb * 64):
        big.append(b"x" * 16_000)
        pins.append(b"p" * 600)  # over pymalloc's 512 bytes: from malloc too
    del big
    _freed_holes.pins = pins
    return _resident_mb()


def test_what_a_click_freed_goes_back_to_the_system(qtbot, window):
    kept = _freed_holes()
    pos = window.canvas.view_to_widget(*window.geometry_.display_xy(111.951, 21.708))
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    assert window.selection.items  # the click picked a plot
    QtWidgets.QApplication.processEvents()
    assert _resident_mb() < kept - 60
