"""Imagery in the main window: pan and settle over a 20,000 x 20,000-pixel COG, and the RSS it adds.

    python -m benchmarks.imagery [--size 20000] [--data DIR] [--repeat 10] [--qgis]

The COG (JPEG in GeoTIFF, 512 px tiles, overviews 2..64, EPSG:4546, 0.1 m pixels over the port
area) is generated once into DIR (default: the temp folder; never the checkout) and reused.
The window's canvas is 1920x1080. Measured, medians over ``--repeat``:

- pan_frame: one drag step while a gesture is active (the cached frame is blitted), ms;
- settle: the gesture ends and the canvas renders the new view (the raster window read through
  the right overview and warped to EPSG:4546), ms, at 1:2,000 and zoomed out to the whole COG;
- rss_added: peak RSS of the session minus the peak before the COG was added (Linux VmHWM, reset
  through /proc/self/clear_refs), MB;
- without_imagery: the same pans and settles before the COG is added (the sample's vector layers
  only), so the imagery's own share shows even on a busy machine.
``--qgis`` also times QGIS (python3-qgis from apt) rendering the same COG at the same two views.
Targets (issue 16): pan <= 16 ms/frame, settle <= 150 ms, RSS added <= 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WEST, NORTH = 584000.0, 2406000.0  # EPSG:4546, over the sample port area
RES_M = 0.1


def make_cog(path: Path, size: int) -> Path:
    """A synthetic orthophoto written band-interleaved in 1024-row strips: never held whole."""
    import numpy as np
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.transform import from_origin
    from rasterio.windows import Window

    if path.exists():
        return path
    tmp = path.with_suffix(".part.tif")
    profile = dict(driver="GTiff", width=size, height=size, count=3, dtype="uint8", crs="EPSG:4546",
                   transform=from_origin(WEST, NORTH, RES_M, RES_M), tiled=True, blockxsize=512,
                   blockysize=512, compress="JPEG", photometric="YCBCR", jpeg_quality=75, BIGTIFF="YES")
    rng = np.random.default_rng(0)
    cols = np.arange(size)
    with rasterio.open(tmp, "w", **profile) as ds:
        for row in range(0, size, 1024):
            rows = np.arange(row, min(row + 1024, size))
            fields = ((rows[:, None] // 700) * 7 + (cols[None, :] // 900) * 13) % 5
            base = np.array([[96, 128, 70], [118, 142, 82], [140, 138, 96], [84, 112, 66],
                             [190, 170, 130]], dtype=np.uint8)[fields]
            grain = rng.integers(0, 12, size=base.shape[:2], dtype=np.uint8)[..., None]
            ds.write((base + grain).transpose(2, 0, 1), window=Window(0, row, size, len(rows)))
        ds.build_overviews([2, 4, 8, 16, 32, 64], Resampling.average)
    tmp.rename(path)
    return path


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # resets VmHWM to the current RSS (Linux >= 4.0)
    except OSError:
        pass


def measure(cog: Path, repeat: int) -> dict:
    from PySide6 import QtCore, QtWidgets

    from benchmarks.window import new_window
    from parksgis.assets import sample_layers
    from parksgis.io.imagery import load_imagery
    from parksgis.app.workspace import load_workspace

    QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    window = new_window()
    workspace, reports = load_workspace(sample_layers())
    workspace.imagery.clear()  # only the big COG under the plots
    window.set_workspace(workspace, reports)
    canvas, viewport = window.canvas, window.canvas.viewport()
    viewport.repaint()
    side = 20000 * RES_M
    baseline = _session(canvas, viewport, side, repeat)  # the same views, vector layers only
    reset_peak_rss()
    before = peak_rss_mb()
    layer, report = load_imagery(cog)
    workspace.add_imagery(layer)
    side = layer.reader.width * RES_M
    out = _session(canvas, viewport, side, repeat)
    out["rss_added_mb"] = peak_rss_mb() - before
    out["frames_rendered"] = canvas.map_item.frames_rendered
    out["baseline"] = baseline
    window.close()
    return out


def _session(canvas, viewport, side: float, repeat: int) -> dict:
    """Pan steps and settles at 1:2,000 over ``repeat`` places, then ``repeat`` whole-COG views."""
    from PySide6 import QtCore

    out: dict = {"pan_frame_ms": [], "settle_2000_ms": [], "settle_whole_ms": []}
    width_m = canvas.viewport().width() * 2000 * 0.0254 / 96  # 1:2,000 on a 96 dpi screen
    cog_side = side
    for i in range(repeat):
        cx = WEST + (0.2 + 0.6 * i / max(repeat - 1, 1)) * cog_side
        cy = NORTH - (0.3 + 0.4 * ((i * 7) % repeat) / repeat) * cog_side
        canvas.zoom_to_rect(QtCore.QRectF(cx - width_m / 2, cy - width_m / 4, width_m, width_m / 2), margin=0)
        viewport.repaint()  # the frame the pan starts from (not timed)
        canvas.begin_gesture()
        step = canvas.metres_per_pixel() * 7
        rendered = canvas.map_item.frames_rendered
        for _ in range(5):
            t0 = time.perf_counter()
            canvas.view_box.translateBy(x=step, y=step / 2)
            viewport.repaint()
            out["pan_frame_ms"].append((time.perf_counter() - t0) * 1000)
        out.setdefault("frames_rendered_while_panning", [0])[0] += canvas.map_item.frames_rendered - rendered
        canvas.settle_timer.stop()
        t0 = time.perf_counter()
        canvas.end_gesture()
        viewport.repaint()
        out["settle_2000_ms"].append((time.perf_counter() - t0) * 1000)
    whole = QtCore.QRectF(WEST, NORTH - side, side, side)
    for i in range(repeat):
        canvas.zoom_to_rect(whole.adjusted(i, i, i, i), margin=0.02)
        t0 = time.perf_counter()
        viewport.repaint()
        out["settle_whole_ms"].append((time.perf_counter() - t0) * 1000)
    return out


QGIS_SCRIPT = r"""
import sys, time, json
from qgis.core import QgsApplication, QgsRasterLayer, QgsMapSettings, QgsMapRendererParallelJob, QgsRectangle
from qgis.PyQt.QtCore import QSize
app = QgsApplication([], False); app.initQgis()
layer = QgsRasterLayer(sys.argv[1], "cog")
assert layer.isValid()
out = {}
for name, rect in json.loads(sys.argv[2]).items():
    times = []
    for i in range(int(sys.argv[3])):
        s = QgsMapSettings(); s.setLayers([layer]); s.setDestinationCrs(layer.crs())
        s.setOutputSize(QSize(1920, 1080)); s.setExtent(QgsRectangle(rect[0] + i, rect[1], rect[2] + i, rect[3]))
        t0 = time.perf_counter(); job = QgsMapRendererParallelJob(s); job.start(); job.waitForFinished()
        times.append((time.perf_counter() - t0) * 1000)
    out[name] = times
print(json.dumps(out))
"""


def measure_qgis(cog: Path, repeat: int) -> dict:
    side = 20000 * RES_M
    width_m = 1920 * 2000 * 0.0254 / 96
    cx, cy = WEST + side / 2, NORTH - side / 2
    views = {"settle_2000_ms": [cx - width_m / 2, cy - width_m / 4, cx + width_m / 2, cy + width_m / 4],
             "settle_whole_ms": [WEST, NORTH - side, WEST + side, NORTH]}
    done = subprocess.run(["/usr/bin/python3", "-c", QGIS_SCRIPT, str(cog), json.dumps(views), str(repeat)],
                          capture_output=True, text=True, encoding="utf-8", env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "parksgis-bench-imagery")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--qgis", action="store_true")
    args = parser.parse_args(argv)
    args.data.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    cog = make_cog(args.data / f"cog_{args.size}.tif", args.size)
    print(f"COG {cog} ({cog.stat().st_size / 2**20:.0f} MB), ready in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)
    result = measure(cog, args.repeat)
    summary = {k: round(statistics.median(v), 1) for k, v in result.items() if isinstance(v, list)}
    summary["rss_added_mb"] = round(result["rss_added_mb"], 1)
    summary["without_imagery"] = {k: round(statistics.median(v), 1) for k, v in result["baseline"].items()}
    if args.qgis:
        qgis = measure_qgis(cog, args.repeat)
        summary["qgis"] = {k: round(statistics.median(v), 1) for k, v in qgis.items() if isinstance(v, list)} \
            if "error" not in qgis else qgis
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
