"""Panning across a million-plot pack keeps memory bounded (a generous bound, not a timing)."""

from __future__ import annotations

import json
import subprocess
import sys

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

N = 1_000_000
CELL_DEG = 60 / 111_320

PAN = r"""
import json, sys
import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from parksgis.model import Layer, LayerKind, Park, Workspace
from parksgis.pack.view_reader import PackViewReader, expand_box
from parksgis.render.map_renderer import MapRenderer

app = QGuiApplication([])
reader = PackViewReader(sys.argv[1], cache_features=int(sys.argv[2]))
x0, y0, x1, y1 = reader.extent("bench__plots")
w, h = 1920 * 2.0 / 103_000, 1080 * 2.0 / 111_320  # 2 m per pixel
rss = []
image = QImage(1920, 1080, QImage.Format.Format_ARGB32)
steps = 80
for i in range(steps):  # a pan along the diagonal, there and half way back
    t = i / (steps // 2) if i < steps // 2 else 2 - i / (steps // 2) * 0.5
    cx, cy = x0 + (x1 - x0) * t * 0.95, y0 + (y1 - y0) * t * 0.95
    box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    frame = reader.frame("bench__plots", expand_box(box, 0.25), 2.0)
    workspace = Workspace(parks=[Park("bench", "bench", "bench", layers=[
        Layer("plots", frame, LayerKind.PLOTS, park_id="bench")])])
    renderer = MapRenderer(workspace)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.paint(painter, renderer.extent(), QRectF(0, 0, 1920, 1080))
    painter.end()
    renderer.close()
    rss.append(int(open("/proc/self/statm").read().split()[1]) * 4096 // 2**20)
# VmHWM, not ru_maxrss: the latter still counts the forking test process's memory
peak = [int(l.split()[1]) // 1024 for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(json.dumps({"rss": rss, "cached": reader.cached_features, "tiles": reader.tiles_read,
                  "features": len(frame), "peak": peak}))
"""


@pytest.fixture(scope="module")
def million(tmp_path_factory):
    """1,000,000 plots (60 m cells, 60 km a side) in a GeoPackage with its R-tree."""
    path = tmp_path_factory.mktemp("million") / "million.gpkg"
    i = np.arange(N)
    side = int(np.ceil(np.sqrt(N)))
    x = 111.9 + (i % side) * CELL_DEG / 0.93
    y = 21.8 + (i // side) * CELL_DEG
    boxes = shapely.box(x, y, x + CELL_DEG * 0.8 / 0.93, y + CELL_DEG * 0.8)
    ids = pd.Series(i // 10).astype(str).radd("P").astype(object)
    frame = gpd.GeoDataFrame({"project_id": ids}, geometry=boxes, crs=4326)
    pyogrio.write_dataframe(frame, path, layer="bench__plots", driver="GPKG")
    return path


@pytest.mark.slow
def test_panning_across_a_million_plots_keeps_memory_bounded(million):
    bound = 40_000
    result = subprocess.run([sys.executable, "-c", PAN, str(million), str(bound)], capture_output=True,
                            text=True, encoding="utf-8", timeout=900, env={"QT_QPA_PLATFORM": "offscreen", **_env()})
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    rss = out["rss"]
    assert out["features"] > 2_000  # each view really drew thousands of plots
    assert out["tiles"] > 100 and out["cached"] <= bound + 2_000  # tiles were dropped and re-read
    # after the first views, panning on through 1M plots adds (almost) nothing
    assert max(rss[10:]) - rss[9] < 120, rss
    assert out["peak"] < 600, out  # MB, the whole process: Qt, numpy, pandas and the cache


def _env():
    import os

    return {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
