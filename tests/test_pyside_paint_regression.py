"""PySide6 6.12.0 on CPython 3.11 aborts after some thousands of Python paint() calls.

pyproject.toml keeps that combination from being installed; this test paints 50,000 times
through a Python QGraphicsItem.paint override in a subprocess and requires a clean exit.
"""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import QtCore, QtGui, QtWidgets
    app = QtWidgets.QApplication([])
    scene = QtWidgets.QGraphicsScene()
    calls = [0]

    class Item(QtWidgets.QGraphicsItem):
        def boundingRect(self):
            return QtCore.QRectF(0, 0, 1, 1)
        def paint(self, painter, option, widget=None):
            calls[0] += 1

    for _ in range(1000):
        scene.addItem(Item())
    image = QtGui.QImage(64, 64, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    for _ in range(50):
        painter = QtGui.QPainter(image)
        scene.render(painter)
        painter.end()
    print("paints", calls[0])
""")


def test_fifty_thousand_python_paints_exit_cleanly():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, encoding="utf-8")
    assert out.returncode == 0, f"exit {out.returncode}: {out.stderr[-500:]}"
    assert int(out.stdout.split()[-1]) >= 50_000
