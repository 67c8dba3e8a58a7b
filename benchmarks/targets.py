"""The rows of the results table, their peers, and the issue's targets (issue 7)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    unit: str = "s"                     # "s" (shown as ms below 1 s) or "MB"
    #: peer value from the geopandas+matplotlib JSON (+ "wall_s"/"rss_mb" of its process)
    mpl: Callable[[dict], float | None] | None = None
    #: peer value from the QGIS line (+ "wall_s"/"rss_mb")
    qgis: Callable[[dict], float | None] | None = None
    peer_note: str = ""
    #: which QGIS run the peer value comes from: the GeoJSON files, or a GeoPackage of them
    qgis_source: str = "geojson"


def _get(*keys):
    def pick(d: dict):
        values = [d.get(k) for k in keys]
        return None if any(v is None for v in values) else sum(values)
    return pick


ROWS = [
    Row("read_plots", "read plots.geojson", mpl=_get("read_plots_s"),
        peer_note="geopandas.read_file"),
    Row("open_folder", "open layers folder (3 layers + register)", mpl=_get("read_s"),
        qgis=_get("load_s"), peer_note="QGIS load is lazy (ogr provider: extent only)"),
    Row("pack_build", "pack build (whole process)"),
    Row("open_pack", "open pack"),
    Row("first_frame_geojson", "open GeoJSON folder → first frame", mpl=_get("read_s", "plot_s", "draw_s"),
        qgis=_get("load_s", "render_s")),
    Row("first_frame_pack", "open pack → first frame"),
    Row("render_full_noaa", "re-render full extent, no AA"),
    Row("render_full_aa", "re-render full extent, AA (settle)", mpl=_get("draw_s"), qgis=_get("render2_s"),
        peer_note="mpl: Agg draw of built artists; QGIS: 2nd render in process, AA"),
    Row("render_zoom8_noaa", "re-render zoomed to 1/8, no AA"),
    Row("render_zoom8_aa", "re-render zoomed to 1/8, AA"),
    Row("edit_repaint", "status edit → repainted frame (zoomed 1/8)"),
    Row("pan_frame", "pan frame while dragging"),
    Row("identify", "click → identify"),
    Row("export_a3_png", "export A3 300 dpi PNG"),
    Row("process_render", "whole-process render → 1920×1080 PNG", mpl=_get("wall_s"), qgis=_get("wall_s")),
    Row("rss_session", "peak RSS, interactive session", unit="MB"),
    Row("rss_render", "peak RSS, whole-process render", unit="MB", mpl=_get("rss_mb"), qgis=_get("rss_mb")),
    Row("process_render_pack", "whole-process render of the pack → 1920×1080 PNG", qgis=_get("wall_s"),
        qgis_source="gpkg", peer_note="QGIS reads the same layers from the pack's GeoPackage tables"),
    Row("rss_render_pack", "peak RSS, whole-process render of the pack", unit="MB", qgis=_get("rss_mb"),
        qgis_source="gpkg"),
    Row("process_atlas_pack", "whole-process atlas of the pack → A4 300 dpi PDF (overview + park)"),
    Row("rss_atlas_pack", "peak RSS, whole-process atlas of the pack", unit="MB"),
    Row("settle_zoom_pack", "pack in the window: zoom to 1/8 → read and drawn (settle)"),
    Row("pan_frame_pack", "pack in the window: pan frame while dragging"),
    Row("identify_pack", "pack in the window: click → identify"),
    Row("rss_session_pack", "peak RSS, scripted session on the pack", unit="MB"),
]
ROW_KEYS = [row.key for row in ROWS]


@dataclass(frozen=True)
class Target:
    text: str
    #: met(value, qgis_value) -> bool; qgis_value may be None
    met: Callable[[float, float | None], bool | None]


def _at_most(limit: float) -> Callable[[float, float | None], bool]:
    return lambda value, _qgis: value <= limit


def _half_of_qgis(value: float, qgis: float | None) -> bool | None:
    return None if qgis is None else value <= 0.5 * qgis


def _at_most_times_qgis(factor: float) -> Callable[[float, float | None], bool | None]:
    return lambda value, qgis: None if qgis is None else value <= factor * qgis


#: targets by (row key, N): issue 7's at 100k, tightened and extended to 1M by issue 15
TARGETS: dict[tuple[str, int], Target] = {
    ("pan_frame", 100_000): Target("≤ 16 ms", _at_most(0.016)),
    ("render_full_noaa", 100_000): Target("≤ 80 ms", _at_most(0.080)),
    ("render_zoom8_noaa", 100_000): Target("≤ 15 ms", _at_most(0.015)),
    ("render_full_aa", 100_000): Target("≤ 200 ms", _at_most(0.200)),
    ("edit_repaint", 100_000): Target("≤ 50 ms", _at_most(0.050)),
    ("identify", 100_000): Target("≤ 30 ms", _at_most(0.030)),
    ("first_frame_geojson", 100_000): Target("≤ 1.5 s", _at_most(1.5)),
    ("first_frame_pack", 100_000): Target("≤ 0.6 s", _at_most(0.6)),
    ("process_render", 100_000): Target("≤ 0.45 × QGIS", _at_most_times_qgis(0.45)),
    ("rss_session", 100_000): Target("≤ 400 MB", _at_most(400)),
    ("pack_build", 1_000_000): Target("≤ 25 s", _at_most(25.0)),
    ("first_frame_pack", 1_000_000): Target("≤ 2.0 s", _at_most(2.0)),
    ("pan_frame_pack", 1_000_000): Target("≤ 16 ms", _at_most(0.016)),
    ("settle_zoom_pack", 1_000_000): Target("settle ≤ 250 ms", _at_most(0.250)),
    ("identify_pack", 1_000_000): Target("≤ 30 ms", _at_most(0.030)),
    ("rss_session_pack", 1_000_000): Target("≤ 1.0 GB", _at_most(1000)),
    ("process_render_pack", 1_000_000): Target("≤ 0.5 × QGIS (GPKG)", _half_of_qgis),
    ("rss_render_pack", 1_000_000): Target("≤ 600 MB", _at_most(600)),
}
