"""Session measurements that go through the canvas and panels when the qt part has them.

Pan: with a canvas, a drag is simulated and the synchronous repaint of each drag step is timed;
without one, the frame a canvas would show while dragging is timed directly: blitting the cached
full-extent image at an offset (noted as such in the table).
Identify: MapRenderer.pick at plot centres, plus the identify panel update when the panel exists.
Export: the render helper's export when built, else MapRenderer into an A3 300-dpi image + PNG.
"""

from __future__ import annotations

import time

import numpy as np

from benchmarks import parts
from benchmarks.parts import NotBuilt
from benchmarks.stages import A3_300DPI, Frame, timed


def measure_pan(rec, workspace, renderer, frame, full, repeat: int) -> None:
    from PySide6 import QtGui

    cached = frame.image.copy()
    target = QtGui.QImage(cached.size(), cached.format())

    def blit(dx: int, dy: int) -> None:
        target.fill(QtGui.QColor("white"))
        painter = QtGui.QPainter(target)
        painter.drawImage(dx, dy, cached)
        painter.end()

    blit(0, 0)
    for step in range(max(repeat, 5) * 4):
        _, dt = timed(blit, 3 * step, 2 * step)
        rec.add("pan_frame", dt)
    rec.notes["pan_frame"] = "blit of the cached frame (no qt canvas yet)"


def plot_centres_display(workspace, renderer, count: int, rng) -> np.ndarray:
    """Display-CRS (x, y) of ``count`` random plot centres: where a user clicks to identify."""
    import shapely
    from pyproj import Transformer

    layer = next(lyr for lyr in workspace.layers if lyr.name == "plots")
    rows = rng.choice(len(layer.frame), size=min(count, len(layer.frame)), replace=False)
    pts = shapely.centroid(np.asarray(layer.frame.geometry.values)[rows])
    crs = getattr(renderer, "display_crs", "EPSG:4546")
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(
        shapely.get_x(pts), shapely.get_y(pts))
    return np.column_stack([x, y])


def measure_identify(rec, workspace, renderer, full, repeat: int, rng) -> None:
    clicks = plot_centres_display(workspace, renderer, max(repeat, 5) * 4 + 1, rng)
    tolerance_m = 3 * full.width() / 1920  # three pixels at full extent
    renderer.pick(*clicks[0], tolerance_m)  # warm-up: a lazy spatial index is built here
    hits = 0
    for x, y in clicks[1:]:
        found, dt = timed(renderer.pick, x, y, tolerance_m)
        hits += bool(found)
        rec.add("identify", dt)
    rec.notes["identify"] = f"MapRenderer.pick only (no identify panel yet); {hits}/{len(clicks) - 1} hit"


def measure_export(rec, workspace, renderer, full, out) -> None:
    """The briefing export (render branch) of the whole workspace, A3 portrait at 300 dpi."""
    try:
        PageOptions = parts._attr("parksgis.render.export", "PageOptions")
        overview_page = parts._attr("parksgis.render.export", "overview_page")
        page_size_pt = parts._attr("parksgis.render.export", "page_size_pt")
        write_pages = parts._attr("parksgis.render.export", "write_pages")
    except NotBuilt:
        return _measure_map_only_export(rec, renderer, full, out)

    def export() -> None:
        page = overview_page(renderer, PageOptions(generated=__import__("datetime").date(2014, 7, 24)))
        write_pages([page], renderer, out / "export_a3.png", page_size_pt("A3"), dpi=300)

    _, dt = timed(export)
    rec.add("export_a3_png", dt)
    rec.notes["export_a3_png"] = "briefing page (map, legend, scale bar, KPIs) via parksgis.render.export, in the open session"


def _measure_map_only_export(rec, renderer, full, out) -> None:
    frame = Frame(renderer, *A3_300DPI)
    view = frame.fitted(full)

    def export() -> None:
        frame.draw(view, antialias=True)
        frame.image.save(str(out / "export_a3.png"), "PNG")

    _, dt = timed(export)
    rec.add("export_a3_png", dt)
    rec.notes["export_a3_png"] = "MapRenderer into a 3508x4961 image + QImage.save (no export module yet)"
