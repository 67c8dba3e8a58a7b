"""Issue 13: a Windows laptop at 150 % scaling (QT_SCALE_FACTOR=1.5): the map is drawn at the
screen's device pixels (crisp, not an upscaled image), and nothing in the window overlaps.

Qt reads the scale factor once, when it starts, so the window runs in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = r'''
import json, shutil, sys, tempfile
from pathlib import Path
from PySide6 import QtCore, QtWidgets
QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, sys.argv[1])
from parksgis.assets import sample_layers
from parksgis.qt.app import create_app, open_window
app = create_app()
folder = Path(sys.argv[1]) / "layers"
shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
def wait(pending):  # the app's event loop runs until the open is done
    pending.done.connect(lambda _opened: app.exit(0))  # exit, not quit: quit closes the windows
    app.exec()
win, opening = open_window(folder, language=sys.argv[2])
wait(opening)
win.setFixedSize(1280, 720)
for _ in range(5):
    app.processEvents()
win.default_layout()
wait(win.open_path(folder))
win.selection.set([("port/plots", 0)])
for _ in range(5):
    app.processEvents()
win.canvas.repaint()
image = win.canvas.map_item.cached_image()
def rect(w):
    top_left = w.mapTo(win, QtCore.QPoint(0, 0))
    return [top_left.x(), top_left.y(), w.width(), w.height()]
docks = {d.objectName(): rect(d) for d in win.findChildren(QtWidgets.QDockWidget)
         if d.isVisible() and not d.visibleRegion().isEmpty()}
identify = win.identify
print(json.dumps({
    "dpr": win.devicePixelRatioF(),
    "image": [image.width(), image.height(), image.devicePixelRatio()],
    "canvas": rect(win.canvas), "docks": docks, "window": [win.width(), win.height()],
    "search": rect(win.search), "scale_box": rect(win.scale_box),
    "pinned": [rect(w) for w in (identify.heading, identify.status_badge, win.register_panels.editor.apply_button)],
    "identify": rect(win.docks["identify"]),
    "labels": [[r.x(), r.y(), r.width(), r.height()] for _, r in win.renderer.labels.placed],
    "grab": [win.grab().width(), win.grab().height()],
}))
win.close()
'''


def overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] and inner[1] >= outer[1] and inner[0] + inner[2] <= outer[0] + outer[2]
            and inner[1] + inner[3] <= outer[1] + outer[3])


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_150_percent_map_crisp_and_nothing_overlaps(tmp_path, language):
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), language], env=env, capture_output=True,
                         text=True, encoding="utf-8", timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["dpr"] == 1.5 and got["grab"] == [1920, 1080]
    width, height, image_dpr = got["image"]
    canvas = got["canvas"]
    assert image_dpr == 1.5 and width >= canvas[2] * 1.5 - 2  # one image pixel per screen pixel
    window = [0, 0, *got["window"]]
    for name in ("search", "scale_box", "canvas"):
        assert inside(got[name], window), name
    docks = list(got["docks"].items())
    for i, (name, dock) in enumerate(docks):
        assert not overlap(dock, canvas), name
        for other, rect in docks[i + 1:]:
            assert not overlap(dock, rect), (name, other)
    for pinned in got["pinned"]:
        assert inside(pinned, got["identify"])
    labels = got["labels"]
    assert labels
    for i, a in enumerate(labels):
        assert not any(overlap(a, b) for b in labels[i + 1:])
