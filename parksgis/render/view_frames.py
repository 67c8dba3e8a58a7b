"""Frames of viewport-driven layers for a map view: what to read, read it, project it.

The map shows ``view`` (a display-CRS rectangle) at ``m`` metres per pixel. A viewport-driven
layer (``layer.view``, see ``model.view_source``) needs the features of that view at the level of
detail of ``m``; it is read with a margin of :data:`MARGIN` of the view's size on every side, so a
pan shows features in the strip it reveals and small moves read nothing. A frame read for one
view still serves another when it holds that view's box at the same band.

Everything here runs in any thread (no Qt object is made): the window reads and projects in a
worker thread and only swaps the frames in the UI thread (``qt.viewport_feeder``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from parksgis.gc_pause import gc_paused
from parksgis.model.layer import Layer
from parksgis.pack import lod
from parksgis.render.geometry import transformer_to
from parksgis.render.layer_cache import LayerGeometry

#: Read around the view, as a fraction of its width/height on each side: a drag of a quarter
#: of the view shows features at once; more would read (and project) more than twice the view.
#: The window reads a new view without it first (what is seen comes sooner) and the margin
#: once the map rests (``qt.viewport_feeder``).
MARGIN = 0.25


@dataclass(frozen=True)
class Coverage:
    """What a viewport-driven frame holds: the features meeting ``box`` (WGS84) at ``band``."""

    box: tuple[float, float, float, float]
    band: int | None  # lod band index, None: full detail

    def serves(self, box, band) -> bool:
        b = self.box
        return band == self.band and b[0] <= box[0] and b[1] <= box[1] and b[2] >= box[2] and b[3] >= box[3]


def _edges(x0, y0, x1, y1, n=9):
    t = np.linspace(0.0, 1.0, n)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(n, x1), x0 + (x1 - x0) * t, np.full(n, x0)])
    ys = np.concatenate([np.full(n, y0), y0 + (y1 - y0) * t, np.full(n, y1), y0 + (y1 - y0) * t])
    return xs, ys


def to_wgs84(display_crs: str, rect) -> tuple[float, float, float, float]:
    """The WGS84 box holding a display-CRS ``rect`` (x0, y0, x1, y1); its edges are densified, so
    the curved image of a straight edge stays inside."""
    return _to_wgs84(display_crs, tuple(float(v) for v in rect))


@functools.lru_cache(maxsize=64)
def _to_wgs84(display_crs: str, rect: tuple) -> tuple[float, float, float, float]:
    # kept for the last views: every layer asks for the same few rects at each move of the
    # view (whether to read, then the read itself), ~0.4 ms of projection each
    xs, ys = _edges(*rect)
    lon, lat = transformer_to(display_crs).transform(xs, ys, direction="INVERSE")
    return float(np.min(lon)), float(np.min(lat)), float(np.max(lon)), float(np.max(lat))


def to_display(display_crs: str, box) -> tuple[float, float, float, float]:
    """The display-CRS rectangle holding a WGS84 ``box``."""
    xs, ys = _edges(*box)
    x, y = transformer_to(display_crs).transform(xs, ys)
    return float(np.min(x)), float(np.min(y)), float(np.max(x)), float(np.max(y))


def band_key(layer: Layer, box, m_per_px: float) -> int | None:
    """What a read of ``box`` (WGS84, the view with its margin) at ``m_per_px`` gives for
    ``layer``: the band, the status cells (lod.DENSITY_BAND) or full detail (None)."""
    band = lod.band_for(m_per_px)
    view = layer.view
    if band is not None and lod.wants_density(view.feature_count, view.extent, box, m_per_px):
        return lod.DENSITY_BAND
    return band


def needs_read(layer: Layer, display_crs: str, rect, m_per_px: float, margin: float = 0.0,
               coverage: Coverage | None = None) -> bool:
    """Whether ``layer``'s frame (or a frame read with ``coverage``) does not hold a view of
    display-CRS ``rect`` grown by ``margin`` (of its size, each side) at ``m_per_px``."""
    coverage = coverage or layer.frame.attrs.get("coverage")
    if coverage is None:
        return True
    box, key = _read_box(layer, display_crs, rect, m_per_px, margin)
    return not coverage.serves(box, key)


def _read_box(layer: Layer, display_crs: str, rect, m_per_px: float, margin: float):
    """``(WGS84 box, band key)`` of a read of ``rect`` grown by ``margin``. The band (or status
    cells) is the one of the view with :data:`MARGIN`, whatever margin is read: a read of the
    view alone and the margin read after it give frames of the same kind. Status cells are one
    tile of the whole layer, so that read always takes the margin."""
    key = band_key(layer, to_wgs84(display_crs, grown(rect)), m_per_px)
    if key == lod.DENSITY_BAND:
        margin = MARGIN
    return to_wgs84(display_crs, grown(rect, margin)), key


def grown(rect, margin: float = MARGIN):
    x0, y0, x1, y1 = rect
    dx, dy = (x1 - x0) * margin, (y1 - y0) * margin
    return (x0 - dx, y0 - dy, x1 + dx, y1 + dy)


def read_frame(layer: Layer, rect, m_per_px: float, display_crs: str, keep=(), margin: float = MARGIN,
               stop=None):
    """``(frame, coverage, geometry)`` of ``layer`` for a view of display-CRS ``rect``: the
    features of ``rect`` grown by ``margin`` at ``m_per_px``'s detail, plus the features of
    ids ``keep`` (the selected ones stay selectable wherever the map goes), projected.
    ``stop``: () -> bool, asked between tiles; True gives up with ReadCancelled.

    A band's areas come without shapes (the frame's geometry column is empty): the map draws
    from their vertices, and the few shapes an outline, a label or a click needs are made from
    them on demand (``geometry.vertices.shapes``; :func:`with_shapes` fills the frame). A frame
    with lines has its shapes: it is small, and the dashboard measures road lengths from it.

    The cyclic collector is paused meanwhile: a view of 40,000 plots makes that many row tuples
    at once, enough to start a full collection of everything the process holds (100-150 ms
    of a zoom's 300 at a million plots); they are freed by reference counting all the same."""
    view = layer.view
    box, key = _read_box(layer, display_crs, rect, m_per_px, margin)
    with gc_paused(keep=True):  # the frame lives on, until another read replaces it
        with_vertices = getattr(view.source, "features_and_vertices", None)
        if with_vertices is not None:
            frame, vertices = with_vertices(view.table, box, m_per_px, stop=stop, shapes=False)
            if vertices is not None and (vertices.dim != 2).any():
                frame, vertices = with_shapes(frame, vertices), replace(vertices, shapes=None)
        else:
            frame, vertices = view.source.features(view.table, box, m_per_px, stop=stop), None
        missing = sorted(set(int(f) for f in keep) - set(frame.index.tolist()))
        if missing:
            extra = view.source.by_ids(view.table, missing)
            if len(extra):
                frame, vertices = pd.concat([with_shapes(frame, vertices), extra]).sort_index(), None
        coverage = Coverage(box, key)
        shadow = Layer(layer.name, frame, layer.kind, layer.park_id)
        return frame, coverage, LayerGeometry(shadow, display_crs, vertices)


def with_shapes(frame, vertices):
    """``frame`` with its shapes, made from ``vertices`` when it was read without them (see
    :func:`read_frame`): a frame that other rows join keeps no tie to those vertices."""
    if vertices is None or vertices.shapes is None:
        return frame
    import geopandas as gpd  # only here: a page rendered from a server needs no geopandas

    frame = frame.copy()
    frame[frame.geometry.name] = gpd.GeoSeries(vertices.shapes.shapes(), index=frame.index, crs=frame.crs)
    return frame


def bring(layer: Layer, fids) -> list[int]:
    """Frame rows of the features ``fids`` of a viewport-driven ``layer`` (unknown ids left out),
    read into its frame first when the frame does not hold them (a row picked in the table, a
    search hit, a project's features): they are added at the end, so every row already named
    (a selection) keeps its place. The renderer projects the new frame when it next draws."""
    fids = [int(f) for f in fids]
    position = layer.frame.index.get_indexer(fids)
    missing = [f for f, p in zip(fids, position) if p < 0]
    if missing and layer.view is not None:
        extra = layer.view.source.by_ids(layer.view.table, missing)
        if len(extra):
            coverage = layer.frame.attrs.get("coverage")
            frame = pd.concat([with_shapes(layer.frame, layer.frame_vertices), extra])
            frame.attrs["coverage"] = coverage
            layer.frame = frame
            position = frame.index.get_indexer(fids)
    return [int(p) for p in position if p >= 0]


def project_features(layer: Layer, project_ids, limit: int) -> list[int]:
    """Frame rows of the features of a viewport-driven ``layer`` linked to ``project_ids`` (at
    most ``limit`` of them, read into the frame as by :func:`bring`)."""
    fids = layer.view.source.matching_ids(layer.view.table, [], "", list(project_ids))
    return bring(layer, fids[:limit])


def first_rect(workspace, display_crs: str) -> tuple[float, float, float, float] | None:
    """The display-CRS rectangle of every layer but the basemap (the parks), from the sources'
    extents for viewport-driven layers: the window's first view when it remembers none."""
    boxes = []
    for layer in workspace.layers:
        if layer.kind.value == "basemap":
            continue
        if layer.view is not None:
            if layer.view.extent is not None:
                boxes.append(to_display(display_crs, layer.view.extent))
        elif len(layer.frame):
            boxes.append(to_display(display_crs, tuple(layer.frame.total_bounds)))
    if not boxes:
        return None
    b = np.array(boxes)
    return float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())


def fitted(rect, size_px: tuple[int, int], padding: float = 0.0):
    """``(rect, m_per_px)``: ``rect`` padded and grown to the widget's shape (as the canvas shows
    it with its aspect locked), and the scale it is shown at."""
    x0, y0, x1, y1 = grown(rect, padding)
    w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    m = max(w / max(size_px[0], 1), h / max(size_px[1], 1))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = m * size_px[0] / 2, m * size_px[1] / 2
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h), m
