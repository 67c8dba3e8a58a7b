"""The window hands memory its clicks and frames freed back to the system (glibc keeps it else):
a long session of zooms, pans and clicks stays near the memory of its first frame."""

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


@pytest.mark.parametrize("how", ["click", "frame"])
def test_what_a_click_or_a_frame_freed_goes_back_to_the_system(qtbot, window, how):
    kept = _freed_holes()
    if how == "click":
        pos = window.canvas.view_to_widget(*window.geometry_.display_xy(111.951, 21.708))
        qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        assert window.selection.items  # the click picked a plot
    else:
        rendered = window.canvas.map_item.frames_rendered
        window.canvas.zoom_by(0.5)
        window.canvas.viewport().repaint()
        assert window.canvas.map_item.frames_rendered > rendered
    QtWidgets.QApplication.processEvents()
    assert _resident_mb() < kept - 60
