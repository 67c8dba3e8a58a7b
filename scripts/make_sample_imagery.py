#!/usr/bin/env python3
"""Make the bundled SYNTHETIC orthophotos in ``layers/imagery/`` — deterministic, re-runnable.

    .venv/bin/python scripts/make_sample_imagery.py            # rewrite layers/imagery/
    .venv/bin/python scripts/make_sample_imagery.py --out DIR

These are NOT photographs: a seeded noise texture for fields, bare earth where a plot's earthworks
had started by the capture date (``actual_start`` in ``layers/projects.csv``), roads as built or
being built, and "示意影像 ILLUSTRATIVE" written across every image. They exist so imagery, imagery by
date (March vs July 2014 at the port area) and packs with imagery show out of the box.
Written as tiled JPEG-in-GeoTIFF with overviews (a small COG) in EPSG:4546; each has a sidecar
``NAME.tif.json`` with its capture date, titles and source.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RES_M = 6.0          # metres per pixel: coarse on purpose, the files ship in the wheel
MARGIN_M = 400.0
#: (park, capture date) pairs; two flights of the port area show imagery by date
FLIGHTS = [("port", date(2014, 3, 15)), ("port", date(2014, 7, 10)), ("wanxiang", date(2014, 7, 10))]
SOURCE = {"zh": "parksgis 合成示意影像(非真实航拍),scripts/make_sample_imagery.py 生成",
          "en": "parksgis synthetic illustrative image (not a real photo), scripts/make_sample_imagery.py"}


def started(projects: dict, day: date) -> set[str]:
    return {pid for pid, row in projects.items()
            if row["actual_start"] and date.fromisoformat(row["actual_start"]) <= day}


def field_texture(width: int, height: int, seed: int) -> np.ndarray:
    """Farm parcels in strips of uneven size and colour, plus grain: (h, w, 3) uint8."""
    rng = np.random.default_rng(seed)
    palette = np.array([[96, 128, 70], [118, 142, 82], [140, 138, 96], [84, 112, 66], [150, 150, 110]],
                       dtype=np.float32)
    out = np.empty((height, width, 3), dtype=np.float32)
    y = 0
    while y < height:
        strip = int(rng.integers(18, 55))
        x = 0
        while x < width:
            parcel = int(rng.integers(12, 90))
            colour = palette[rng.integers(0, len(palette))] + rng.normal(0, 5, 3)
            out[y:y + strip, x:x + parcel] = colour
            out[y:y + strip, x:x + 1] -= 18  # field edges and ditches read as darker lines
            x += parcel
        out[y:y + 1] -= 18
        y += strip
    out += rng.normal(0, 5, size=(height, width, 1)).astype(np.float32)
    return np.clip(out, 0, 255).astype(np.uint8)


def draw(park: str, day: date, projects: dict, out: Path) -> Path:
    import geopandas as gpd
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QGuiApplication

    from parksgis.render.fonts import map_font

    QGuiApplication.instance() or QGuiApplication([])
    layers = {name: gpd.read_file(REPO / "layers" / park / f"{name}.geojson").to_crs("EPSG:4546")
              for name in ("boundary", "plots", "roads")}
    x0, y0, x1, y1 = layers["boundary"].total_bounds
    x0, y0, x1, y1 = x0 - MARGIN_M, y0 - MARGIN_M, x1 + MARGIN_M, y1 + MARGIN_M
    width, height = int((x1 - x0) / RES_M), int((y1 - y0) / RES_M)
    texture = field_texture(width, height, seed=sum(map(ord, park)))  # the same fields each flight
    rgba = np.dstack([texture, np.full((height, width, 1), 255, np.uint8)])
    image = QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()

    def to_px(geom):
        path = QPainterPath()
        polygons = getattr(geom, "geoms", [geom])
        for part in polygons:
            coords = part.exterior.coords if hasattr(part, "exterior") else part.coords
            pts = [QPointF((x - x0) / RES_M, (y1 - y) / RES_M) for x, y in coords]
            path.moveTo(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
        return path

    now = started(projects, day)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    for _, plot in layers["plots"].iterrows():
        if plot.get("project_id") in now:  # earthworks under way: bare, levelled earth
            painter.setBrush(QBrush(QColor(196, 168, 122)))
            painter.drawPath(to_px(plot.geometry))
    for _, road in layers["roads"].iterrows():
        pid = road.get("project_id")
        status = projects.get(pid, {}).get("status")
        if status in ("completed", "in_operation") or (pid in now and "升级" in projects[pid]["name_zh"]):
            colour, width_px = QColor(128, 128, 124), 22 / RES_M   # an existing paved road
        elif pid in now:
            colour, width_px = QColor(205, 180, 140), 30 / RES_M   # a road bed being built
        else:
            continue
        painter.setPen(QPen(colour, width_px, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(to_px(road.geometry))
    painter.setPen(QColor(255, 255, 255, 170))
    font = map_font(1)
    font.setPixelSize(34)
    font.setWeight(QFont.Weight.Bold)
    painter.setFont(font)
    label = f"示意影像 ILLUSTRATIVE · 非真实航拍 NOT A PHOTO · {day.isoformat()}"
    for row, y in enumerate(range(60, height, 180)):
        painter.drawText(QPointF(40 + (row % 2) * 200, y), label)
    painter.end()

    pixels = np.frombuffer(image.convertToFormat(QImage.Format.Format_RGBA8888).constBits(),
                           np.uint8).reshape(height, width, 4)[..., :3].transpose(2, 0, 1)
    name = f"{park}_{day.isoformat()}.tif"
    write_cog(out / name, pixels, x0, y1, day)
    (out / (name + ".json")).write_text(json.dumps({
        "capture_date": day.isoformat(),
        "title_zh": f"{'港口片区' if park == 'port' else '万象工业园'}示意影像",
        "title_en": f"{'Port area' if park == 'port' else 'Wanxiang'} illustrative image",
        "source": SOURCE["zh"], "source_en": SOURCE["en"], "illustrative": True,
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out / name


def write_cog(path: Path, rgb: np.ndarray, west: float, north: float, day: date) -> None:
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.transform import from_origin

    _, h, w = rgb.shape
    with rasterio.open(path, "w", driver="GTiff", width=w, height=h, count=3, dtype="uint8",
                       crs="EPSG:4546", transform=from_origin(west, north, RES_M, RES_M),
                       tiled=True, blockxsize=256, blockysize=256, compress="JPEG",
                       photometric="YCBCR", jpeg_quality=70) as ds:
        ds.write(rgb)
        ds.update_tags(TIFFTAG_DATETIME=f"{day:%Y:%m:%d} 10:00:00",
                       TIFFTAG_IMAGEDESCRIPTION="parksgis synthetic illustrative image, not a photo")
        ds.build_overviews([2, 4, 8], Resampling.average)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "layers" / "imagery")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with open(REPO / "layers" / "projects.csv", encoding="utf-8") as f:
        projects = {row["project_id"]: row for row in csv.DictReader(f)}
    total = 0
    for park, day in FLIGHTS:
        path = draw(park, day, projects, args.out)
        total += path.stat().st_size
        print(f"{path}: {path.stat().st_size / 1024:.0f} KiB")
    print(f"total {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
