"""Geometry to QPainterPath, vectorised: project once, split into spatial tiles x style groups.

Measured (shared/notes/MEASURED.md): one item per feature is unusable at 100k plots, one big path
is slow to cull and to antialias, and ~80 polygons per path in spatial tiles x colour groups is
the fastest way to draw. Everything here works on flat numpy arrays; there is no per-feature or
per-vertex Python loop: paths are streamed from numpy into QPainterPath through QDataStream.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass, field

import numpy as np
import shapely
from pyproj import Transformer
from PySide6.QtCore import QByteArray, QDataStream
from PySide6.QtGui import QPainterPath, QPolygonF

from parksgis.render import fitted_projection, proj_choices

#: aim for this many features in one (tile, style) path
FEATURES_PER_PATH = 80
#: paths are made from about this many vertices at a time (bounds the arrays made for them)
PATH_BATCH_VERTICES = 65_536

@functools.lru_cache(maxsize=16)
def transformer(source_crs: str, target_crs: str) -> Transformer:
    """``source_crs`` -> ``target_crs`` with x = lon/easting first; cached, because building one
    costs ~50 ms (PROJ looks the operation up in its database) and a window needs several; and
    PROJ's choice is remembered across processes (``proj_choices``) when it is one pipeline."""
    key = proj_choices.operation_key(source_crs, target_crs)
    known = proj_choices.remembered(key)
    if known is not None:
        try:
            return Transformer.from_pipeline(known)
        except Exception:  # noqa: BLE001 - pyproj raises several kinds; choose again below
            pass
    found = Transformer.from_crs(source_crs, target_crs, always_xy=True)
    made = _remade_quickly(found)
    if made is not found:
        proj_choices.remember(key, made.definition)
    return made


def _remade_quickly(found: Transformer) -> Transformer:
    """``found``, or the same operation as a PROJ pipeline string when that gives the very same
    coordinates.

    pyproj remakes a transformer in every thread that uses it, and one made by ``from_crs`` looks
    its operation up in PROJ's database again there: ~60 ms in each of the loader's, the viewport
    reader's and the UI thread, all before the first frame. A pipeline is remade without a
    look-up (< 1 ms). An operation that PROJ chooses point by point (several candidates, grids)
    has no single pipeline; it is recognised by differing coordinates and kept as it is.
    """
    definition = found.definition
    if not definition or not definition.startswith("proj=pipeline"):
        return found
    try:
        quick = Transformer.from_pipeline(definition)
    except Exception:  # noqa: BLE001 - pyproj raises several kinds; the original always works
        return found
    area = found.area_of_use
    x0, y0, x1, y1 = area.bounds if area is not None else (-180.0, -85.0, 180.0, 85.0)
    lon, lat = np.meshgrid(np.linspace(x0, x1, 7), np.linspace(y0, y1, 7))
    if found.source_crs is None or not found.source_crs.is_geographic:
        return found  # the test points are lon/lat: the display transformers start from WGS84
    there = found.transform(lon.ravel(), lat.ravel())
    back = found.transform(*there, direction="INVERSE")
    same = all(np.array_equal(a, b, equal_nan=True) for a, b in
               zip((*there, *back), (*quick.transform(lon.ravel(), lat.ravel()),
                                     *quick.transform(*there, direction="INVERSE"))))
    return quick if same else found


def transformer_to(display_crs: str) -> Transformer:
    """WGS84 lon/lat -> ``display_crs``."""
    return transformer("EPSG:4326", display_crs)


def project_geometries(geoms: np.ndarray, display_crs: str) -> np.ndarray:
    """Project a shapely geometry array from EPSG:4326 in one call on the flat coordinate array."""
    transformer = transformer_to(display_crs)
    return shapely.transform(geoms, lambda xy: fitted_projection.project_xy(transformer, xy))


@dataclass
class FlatCoordinates:
    """Vertices of one dimension (areas or lines) of a layer, in feature order.

    ``feature`` is the feature row of each vertex and ``ring`` a global id of its ring or line,
    so a path can break between rings without looking at geometry objects again.
    """

    xy: np.ndarray = field(default_factory=lambda: np.empty((0, 2)))
    feature: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    ring: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.feature)

    def of_features(self, keep: np.ndarray) -> "FlatCoordinates":
        """The vertices of the features where ``keep`` (a mask over feature rows) is True."""
        mask = keep[self.feature]
        return FlatCoordinates(self.xy[mask], self.feature[mask], self.ring[mask])


def flatten(geoms: np.ndarray, rows: np.ndarray) -> FlatCoordinates:
    """Vertices of polygons (their rings) or lines ``geoms`` belonging to feature ``rows``."""
    if len(geoms) == 0:
        return FlatCoordinates()
    types = shapely.get_type_id(geoms)
    if np.all(types == types[0]) and types[0] in (1, 3):  # no multi-part geometries: skip exploding
        parts, part_of = geoms, np.arange(len(geoms))
    else:
        parts, part_of = shapely.get_parts(geoms, return_index=True)
    polygonal = shapely.get_type_id(parts) == 3
    if polygonal.all() and not shapely.get_num_interior_rings(parts).any():
        # polygons without holes (plots, mostly): a polygon's coordinates are its one ring, so
        # no ring geometries need be made (get_rings copies every ring: 0.25 s at 100k plots)
        xy, line_of = shapely.get_coordinates(parts, return_index=True)
        return _flat(xy, rows[part_of[line_of]], line_of)
    if polygonal.any():
        rings, ring_of = shapely.get_rings(parts[polygonal], return_index=True)
        owner_of_ring = part_of[polygonal][ring_of]
        lines = parts[~polygonal]
        owner_of_line = part_of[~polygonal]
        linework = np.concatenate([rings, lines])
        owner = np.concatenate([owner_of_ring, owner_of_line])
        order = np.argsort(owner, kind="stable")  # keep each feature's vertices together
        linework, owner = linework[order], owner[order]
    else:
        linework, owner = parts, part_of
    xy, line_of = shapely.get_coordinates(linework, return_index=True)
    return _flat(xy, rows[owner[line_of]], line_of)


def _flat(xy: np.ndarray, feature: np.ndarray, ring: np.ndarray) -> FlatCoordinates:
    """Feature rows and ring ids as 32-bit integers: a layer has fewer than 2**31 of either,
    and they are two of the three arrays kept per vertex (7 MB less at 100k plots)."""
    return FlatCoordinates(xy=xy, feature=feature.astype(np.int32), ring=ring.astype(np.int32))


# QPainterPath's QDataStream format: element count, then (type, x, y) per element with type
# 0 = moveTo and 1 = lineTo, then the fill rule. The same trick as pyqtgraph.functions.arrayToQPath,
# without importing pyqtgraph (0.5-1 s) into a headless `parksgis render`.
# Little-endian, the stream told so: the machine's own order, so Qt swaps no bytes (a fifth less
# time than big-endian for the 300,000 vertices of a zoomed view of plots).
_ELEMENT = np.dtype([("type", "<i4"), ("x", "<f8"), ("y", "<f8")])
_HEADER = np.dtype("<i4")


def path_from_flat(xy: np.ndarray, ring: np.ndarray) -> QPainterPath:
    """One QPainterPath of many rings; a new subpath starts where the ring id changes."""
    if len(xy) == 0:
        return QPainterPath()
    return _paths_from_elements(_elements(xy, ring, np.zeros(1, dtype=np.int64)), np.array([0, len(xy)]))[0]


def _elements(xy: np.ndarray, ring: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """QDataStream path elements of all vertices: moveTo where the ring changes and at each of
    ``starts`` (the first vertex of every path cut from them), lineTo elsewhere."""
    elements = np.empty(len(xy), dtype=_ELEMENT)
    if len(xy) == 0:
        return elements
    line_to = np.empty(len(xy), dtype=bool)
    line_to[0] = False
    np.equal(ring[1:], ring[:-1], out=line_to[1:])
    line_to[starts] = False
    elements["type"] = line_to
    elements["x"] = xy[:, 0]
    elements["y"] = xy[:, 1]
    return elements


_TRAILER = np.array([0, 0], _HEADER).tobytes()


def _paths_from_elements(elements: np.ndarray, bounds: np.ndarray) -> list[QPainterPath]:
    """One QPainterPath per run ``elements[bounds[i]:bounds[i + 1]]``, all read from one stream
    (a stream, a byte array and a copy of its elements per path cost a third of the time of
    ~2,000 paths of 100,000 plots)."""
    counts = np.diff(bounds).astype(_HEADER)
    raw = memoryview(np.ascontiguousarray(elements).view(np.uint8))
    heads = memoryview(counts.view(np.uint8))
    size = _ELEMENT.itemsize
    pieces = []
    for i, (a, b) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist())):
        # trailer: index of the last moveTo (only used while building) and fill rule 0 = OddEvenFill
        pieces += (heads[4 * i:4 * i + 4], raw[a * size:b * size], _TRAILER)
    stream = QDataStream(QByteArray(b"".join(pieces)))
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    paths = []
    for _ in range(len(counts)):
        path = QPainterPath()
        stream >> path
        paths.append(path)
    return paths


def polygon_from_xy(xy: np.ndarray) -> QPolygonF:
    """A QPolygonF of the points ``xy`` (n, 2), read from one QDataStream (its format: the
    count, then x and y per point), not made point by point."""
    head = np.array([len(xy)], dtype="<u4").tobytes()
    stream = QDataStream(QByteArray(head + np.ascontiguousarray(xy, dtype="<f8").tobytes()))
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    polygon = QPolygonF()
    stream >> polygon
    return polygon


def tile_ids(bounds: np.ndarray, n_features: int) -> np.ndarray:
    """A spatial tile per feature (grid over the layer's extent, by bbox centre).

    The grid is sized so that a tile x style path holds about FEATURES_PER_PATH features.
    """
    if n_features == 0:
        return np.empty(0, dtype=np.int64)
    cx = (bounds[:, 0] + bounds[:, 2]) / 2
    cy = (bounds[:, 1] + bounds[:, 3]) / 2
    side = max(1, int(np.ceil(np.sqrt(n_features / (FEATURES_PER_PATH * 4)))))
    x0, x1 = np.nanmin(cx), np.nanmax(cx)
    y0, y1 = np.nanmin(cy), np.nanmax(cy)
    ix = np.clip(((cx - x0) / max(x1 - x0, 1e-9) * side).astype(np.int64), 0, side - 1)
    iy = np.clip(((cy - y0) / max(y1 - y0, 1e-9) * side).astype(np.int64), 0, side - 1)
    return iy * side + ix


@dataclass
class TiledPaths:
    """Paths of one style group: one per spatial tile, with each path's bounds for culling."""

    paths: list[QPainterPath]
    bounds: np.ndarray  # (n, 4) minx, miny, maxx, maxy
    tiles: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # tile of each path

    def replace_tiles(self, tiles: np.ndarray, fresh: "TiledPaths") -> "TiledPaths":
        """These paths with those of ``tiles`` swapped for ``fresh`` ones, in tile order (the
        order a full build gives, so a frame drawn from either is the same)."""
        keep = np.flatnonzero(~np.isin(self.tiles, tiles))
        order_tiles = np.r_[self.tiles[keep], fresh.tiles].astype(np.int64)
        paths = [self.paths[i] for i in keep] + list(fresh.paths)
        bounds = np.vstack([self.bounds[keep].reshape(-1, 4), fresh.bounds.reshape(-1, 4)])
        order = np.argsort(order_tiles, kind="stable")
        return TiledPaths([paths[i] for i in order], bounds[order], order_tiles[order])

    def visible(self, minx: float, miny: float, maxx: float, maxy: float) -> list[QPainterPath]:
        b = self.bounds
        keep = (b[:, 0] <= maxx) & (b[:, 2] >= minx) & (b[:, 1] <= maxy) & (b[:, 3] >= miny)
        return [self.paths[i] for i in np.flatnonzero(keep)]


def build_tiled_paths(flat: FlatCoordinates, group_of_feature: np.ndarray,
                      tile_of_feature: np.ndarray, n_groups: int) -> list[TiledPaths]:
    """Split ``flat`` into one TiledPaths per style group (index = group id).

    Features whose group is negative (hidden) are left out.
    """
    result = [TiledPaths([], np.empty((0, 4))) for _ in range(n_groups)]
    if len(flat) == 0:
        return result
    n_tiles = int(tile_of_feature.max()) + 1 if len(tile_of_feature) else 1
    vertices, combo = _path_order(flat, group_of_feature, tile_of_feature, n_tiles)
    if len(combo) == 0:
        return result
    starts = np.flatnonzero(np.r_[True, combo[1:] != combo[:-1]])
    ends = np.r_[starts[1:], len(combo)]
    paths, bounds = [], []
    # a batch of paths at a time: the sorted vertices and stream elements of a whole layer at
    # once were ~40 bytes a vertex on top of the paths being made (850k vertices at 100k plots)
    first = 0
    while first < len(starts):
        last = max(int(np.searchsorted(starts, starts[first] + PATH_BATCH_VERTICES)), first + 1)
        a, b = starts[first], ends[last - 1]
        # np.take, not xy[...]: a gather of rows of an n x 2 array by fancy indexing is ~10x slower
        xy, ring = np.take(flat.xy, vertices[a:b], axis=0), flat.ring[vertices[a:b]]
        cuts = starts[first:last] - a
        bounds.append(np.column_stack([np.minimum.reduceat(xy[:, 0], cuts), np.minimum.reduceat(xy[:, 1], cuts),
                                       np.maximum.reduceat(xy[:, 0], cuts), np.maximum.reduceat(xy[:, 1], cuts)]))
        elements = _elements(xy, ring, cuts)
        paths += _paths_from_elements(elements, np.r_[cuts, ends[last - 1] - a])
        first = last
    bounds = np.concatenate(bounds)
    per_group: dict[int, list[int]] = {}
    for i, start in enumerate(starts):
        per_group.setdefault(int(combo[start] // n_tiles), []).append(i)
    for g, idx in per_group.items():
        result[g] = TiledPaths([paths[i] for i in idx], bounds[idx], combo[starts[idx]] % n_tiles)
    return result


def _path_order(flat: FlatCoordinates, group_of_feature, tile_of_feature, n_tiles: int):
    """``(vertices, path key)``: the positions in ``flat`` of the shown features' vertices,
    stably sorted by path key (group x tile), and the key of each. Vertices come grouped by
    feature, so whole features are sorted (100k keys, not 750k) and their vertex runs gathered."""
    feature = flat.feature
    first = np.flatnonzero(np.r_[True, feature[1:] != feature[:-1]])
    if len(feature) > 1 and not (feature[1:] >= feature[:-1]).all():  # not grouped: sort vertices
        group = group_of_feature[feature]
        combo = group * n_tiles + tile_of_feature[feature]
        keep = np.flatnonzero(group >= 0)
        keep = keep[np.argsort(combo[keep], kind="stable")]
        return keep, combo[keep]
    counts = np.diff(np.r_[first, len(feature)])
    owner = feature[first]
    group = group_of_feature[owner]
    combo = group * n_tiles + tile_of_feature[owner]
    shown = np.flatnonzero(group >= 0)
    shown = shown[np.argsort(combo[shown], kind="stable")]
    counts, starts, combo = counts[shown], first[shown], combo[shown]
    before = np.cumsum(counts) - counts  # where each feature's run starts in the output
    vertices = np.repeat(starts - before, counts) + np.arange(int(counts.sum()))
    return vertices, np.repeat(combo, counts)
