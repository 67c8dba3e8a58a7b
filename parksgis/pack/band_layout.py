"""The row layout of level-of-detail bands (``pack.lod``): many shapes per row, as arrays.

A row holds the shapes of one geometry type that one build chunk has in one tile of a band:
their feature ids, their WGS84 coordinates and the offsets that cut the coordinates into rings,
parts and shapes (GeoArrow's layout, ``shapely.to_ragged_array``), and the features' attribute
values as JSON (a layer table never changes after the build). A tile is read back with a few
``numpy.frombuffer`` and ``shapely.from_ragged_array`` calls, without a row, a WKB parse and an
attribute look-up per shape. ``docs/packs.md`` ("Big packs") describes each column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import chain

import numpy as np
import orjson
import shapely

#: shapely type ids stored as ragged coordinate arrays (LineString, Polygon and their multi
#: types); any other shape (a geometry collection) is stored as WKB, kind WKB_KIND
_RAGGED_KINDS = (1, 3, 5, 6)
WKB_KIND = -1


def shape_kinds(shapes: np.ndarray) -> np.ndarray:
    kinds = shapely.get_type_id(shapes)
    return np.where(np.isin(kinds, _RAGGED_KINDS), kinds, WKB_KIND)


def packed_rows(band: int, tx: np.ndarray, ty: np.ndarray, fids: np.ndarray, shapes: np.ndarray,
                kinds: np.ndarray, values=None) -> list[tuple]:
    """``(band, tx, ty, part, kind, fids, offsets, coords, attributes)`` rows of ``shapes`` sorted
    by tile and kind (:func:`shape_kinds`): one row per run of the same tile and kind. ``part`` is the
    run's first feature id, ``fids`` int64, ``coords`` float64 x, y pairs and ``offsets`` the
    int64 arrays that cut them (``shapely.to_ragged_array``'s, innermost first, after a header
    of their count and lengths); a WKB row holds the shapes' WKB one after another, cut by byte
    offsets. ``attributes``: the features' ``values`` (``(columns, [object array per column])``,
    as ``shapes``) as JSON (:func:`_attributes_blob`), None without them."""
    n = len(fids)
    if n == 0:
        return []
    cut = np.flatnonzero((tx[1:] != tx[:-1]) | (ty[1:] != ty[:-1]) | (kinds[1:] != kinds[:-1])) + 1
    starts, ends = np.r_[0, cut], np.r_[cut, n]
    local = np.empty(n, dtype=np.int64)  # a shape's position among the shapes of its kind
    encoded = {}
    for kind in np.unique(kinds).tolist():
        mine = np.flatnonzero(kinds == kind)
        local[mine] = np.arange(len(mine))
        encoded[kind] = _ragged(shapes[mine], kind)
    fid_bytes = np.ascontiguousarray(fids, dtype="<i8")
    rows = []
    for a, b in zip(starts.tolist(), ends.tolist()):
        kind = int(kinds[a])
        offsets, coords = encoded[kind]
        levels, lo, hi = _sliced(offsets, int(local[a]), int(local[a]) + b - a)
        attributes = None if values is None else \
            _attributes_blob(values[0], [column[a:b].tolist() for column in values[1]])
        rows.append((band, int(tx[a]), int(ty[a]), int(fids[a]), kind, fid_bytes[a:b].tobytes(),
                     _offsets_blob(levels), coords[lo:hi].tobytes(), attributes))
    return rows


def _attributes_blob(columns: list[str], values: list[list]) -> bytes | None:
    """``[columns, values of the first column, ...]`` as UTF-8 JSON; None when a value has no
    JSON form (bytes: the reader then asks the layer table)."""
    try:
        text = json.dumps([columns, *values], ensure_ascii=False)
    except TypeError:
        return None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # text read with damaged bytes kept as surrogates
        return json.dumps([columns, *values]).encode("ascii")


def _ragged(shapes: np.ndarray, kind: int) -> tuple[list[np.ndarray], np.ndarray]:
    """``(offsets innermost first, coordinates)`` of shapes of one kind (WKB: byte offsets, bytes)."""
    if kind == WKB_KIND:
        blobs = shapely.to_wkb(shapes).tolist()
        ends = np.cumsum([len(x) for x in blobs], dtype=np.int64)
        return [np.r_[np.int64(0), ends]], np.frombuffer(b"".join(blobs), dtype=np.uint8)
    if kind == 3 and not shapely.get_num_interior_rings(shapes).any() and not shapely.has_z(shapes).any():
        # polygons without holes (nearly every plot): each is its ring, so the offsets are the
        # shapes' vertex counts, without a Python object per ring (to_ragged_array makes one:
        # most of the time of this step) — the same arrays as to_ragged_array's
        counts = shapely.get_num_coordinates(shapes)
        rings = np.zeros(len(shapes) + 1, dtype="<i8")
        np.cumsum(counts, out=rings[1:])
        coords = shapely.get_coordinates(shapes)
        return [rings, np.arange(len(shapes) + 1, dtype="<i8")], np.ascontiguousarray(coords, dtype="<f8")
    _type, coords, offsets = shapely.to_ragged_array(shapes)
    return [np.asarray(o, dtype="<i8") for o in offsets], np.ascontiguousarray(coords, dtype="<f8")


def _sliced(offsets: list[np.ndarray], a: int, b: int) -> tuple[list[np.ndarray], int, int]:
    """Shapes ``a..b`` of ragged arrays: their offsets (rebased to start at 0) and the range of
    coordinates they span."""
    levels = []
    lo, hi = a, b
    for level in reversed(offsets):  # shapes -> parts -> rings -> coordinates
        levels.append(level[lo:hi + 1] - level[lo])
        lo, hi = int(level[lo]), int(level[hi])
    return levels[::-1], lo, hi


def _offsets_blob(levels: list[np.ndarray]) -> bytes:
    head = np.array([len(levels), *[len(level) for level in levels]], dtype="<i8")
    return np.concatenate([head, *levels]).astype("<i8").tobytes()


def _levels(offsets: bytes) -> list[np.ndarray]:
    flat = np.frombuffer(offsets, dtype="<i8")
    count = int(flat[0])
    ends = np.cumsum(flat[1:1 + count]) + 1 + count
    return [flat[e - n:e] for e, n in zip(ends.tolist(), flat[1:1 + count].tolist())]


def unpacked(kind: int, offsets: bytes, coords: bytes) -> np.ndarray:
    """The shapes of one row (see :func:`packed_rows`)."""
    levels = _levels(offsets)
    if kind == WKB_KIND:
        cut = levels[0].tolist()
        return shapely.from_wkb(np.array([coords[i:j] for i, j in zip(cut[:-1], cut[1:])], dtype=object))
    xy = np.frombuffer(coords, dtype="<f8").reshape(-1, 2)
    return shapely.from_ragged_array(shapely.GeometryType(kind), xy, tuple(levels))


@dataclass
class Vertices:
    """The vertices of shapes, as the map draws them, without shapely: ``xy`` (WGS84), a ring
    (or line) id per vertex, where each shape's vertices start and end in them, and each
    shape's dimension (2 areas, 1 lines). Rings and shapes keep their order in the shapes."""

    xy: np.ndarray
    ring: np.ndarray
    start: np.ndarray
    end: np.ndarray
    dim: np.ndarray
    #: the same shapes as shapely geometries, made when asked for (``shapes(rows)``), when the
    #: frame they belong to holds none (``view_reader.PackViewReader.frame_and_vertices``)
    shapes: object = None

    def take(self, positions: np.ndarray) -> "Vertices":
        """The same vertices for the shapes at ``positions`` (the arrays are shared)."""
        return Vertices(self.xy, self.ring, self.start[positions], self.end[positions], self.dim[positions])

    @staticmethod
    def joined(parts: list["Vertices"]) -> "Vertices":
        """The shapes of ``parts`` one after another (their ring ids kept apart)."""
        xy_base = np.cumsum([0] + [len(p.xy) for p in parts[:-1]])
        ring_base = np.cumsum([0] + [int(p.ring.max()) + 1 if len(p.ring) else 0 for p in parts[:-1]]).tolist()
        return Vertices(np.concatenate([p.xy for p in parts]).reshape(-1, 2),
                        np.concatenate([p.ring + b for p, b in zip(parts, ring_base)]),
                        np.concatenate([p.start + b for p, b in zip(parts, xy_base)]),
                        np.concatenate([p.end + b for p, b in zip(parts, xy_base)]),
                        np.concatenate([p.dim for p in parts]))

    def of_dimension(self, dim: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(xy, shape position, ring)`` of every vertex of the shapes of ``dim``, in shape
        order (the layout ``render.geometry.flatten`` gives)."""
        shapes = np.flatnonzero(self.dim == dim)
        lengths = self.end[shapes] - self.start[shapes]
        before = np.cumsum(lengths) - lengths
        index = np.repeat(self.start[shapes] - before, lengths) + np.arange(int(lengths.sum()))
        # np.take, not xy[index]: a gather of rows of an n x 2 array by fancy indexing is ~10x slower
        return np.take(self.xy, index, axis=0), np.repeat(shapes, lengths), self.ring[index]


def vertices_of_rows(rows) -> Vertices | None:
    """:class:`Vertices` of the shapes of ``(kind, offsets, coords)`` rows, one row after another;
    None when a row holds WKB."""
    parts = []
    for kind, offsets, coords in rows:
        if kind == WKB_KIND:
            return None
        levels = _levels(offsets)
        start = levels[0]  # where each ring (or line) starts; composed up to the shapes
        for level in levels[1:]:
            start = start[level]
        ring = np.repeat(np.arange(len(levels[0]) - 1, dtype=np.int32), np.diff(levels[0]))
        parts.append(Vertices(np.frombuffer(coords, dtype="<f8").reshape(-1, 2), ring, start[:-1], start[1:],
                              np.full(len(start) - 1, 2 if kind in (3, 6) else 1, dtype=np.int8)))
    return Vertices.joined(parts) if parts else None


class BandShapes:
    """The shapes of band rows as shapely geometries made only when asked for, for the positions
    asked for, with their boxes worked out from the coordinates meanwhile.

    Making a polygon is about a microsecond: most of the time of reading a tile, while a view
    keeps only about three quarters of what its tiles hold (the rest lies beyond the view, or is
    a feature crossing tiles, read with each). A polygon of one ring (nearly every plot) is made
    from its run of the rows' vertices, all of a call's in one ``from_ragged_array``; any other
    shape from its row, unpacked whole (:func:`unpacked`). ``take`` gives a subset without
    copying the rows."""

    def __init__(self, rows, vertices: Vertices, index: np.ndarray | None = None, _parts=None):
        """``rows``: ``(kind, offsets, coords)`` of ragged rows (no WKB), ``vertices`` their
        shapes' (:func:`vertices_of_rows`), ``index``: the shapes in this order (all by default)."""
        if _parts is None:
            sizes = [len(_levels(offsets)[-1]) - 1 for _kind, offsets, _coords in rows]
            one_ring = [np.diff(_levels(offsets)[1]) == 1 if kind == 3 else np.zeros(size, dtype=bool)
                        for (kind, offsets, _coords), size in zip(rows, sizes)]
            simple = np.concatenate(one_ring) if one_ring else np.zeros(0, dtype=bool)
            _parts = (list(rows), np.cumsum([0, *sizes]), vertices, simple, [], {})
        self._parts = _parts
        self.index = np.arange(len(_parts[3])) if index is None else index

    def __len__(self) -> int:
        return len(self.index)

    @property
    def bounds(self) -> np.ndarray:
        """``(minx, miny, maxx, maxy)`` of each shape (NaN: an empty one), as ``shapely.bounds``;
        worked out on first use (a view's tiles that lie inside it need none)."""
        known = self._parts[4]
        if not known:
            known.append(_vertex_bounds(self._parts[2]))
        return known[0][self.index]

    def take(self, positions: np.ndarray) -> "BandShapes":
        return BandShapes(None, None, self.index[positions], self._parts)

    def shapes(self, positions: np.ndarray | None = None) -> np.ndarray:
        """The shapes at ``positions`` (all by default) as shapely geometries."""
        rows, row_start, vertices, simple, _bounds, unpacked_rows = self._parts
        raw = self.index if positions is None else self.index[positions]
        out = np.empty(len(raw), dtype=object)
        plain = simple[raw]
        if plain.any():
            chosen = raw[plain]
            start, end = vertices.start[chosen], vertices.end[chosen]
            counts = end - start
            rings = np.zeros(len(chosen) + 1, dtype=np.int64)
            np.cumsum(counts, out=rings[1:])
            at = np.repeat(start - rings[:-1], counts) + np.arange(int(rings[-1]))
            out[plain] = shapely.from_ragged_array(shapely.GeometryType.POLYGON, np.take(vertices.xy, at, axis=0),
                                                   (rings, np.arange(len(chosen) + 1, dtype=np.int64)))
        others = np.flatnonzero(~plain)
        if len(others):
            row_of = np.searchsorted(row_start, raw[others], side="right") - 1
            for row in np.unique(row_of).tolist():
                if row not in unpacked_rows:
                    unpacked_rows[row] = unpacked(*rows[row])
                mine = others[row_of == row]
                out[mine] = unpacked_rows[row][raw[mine] - row_start[row]]
        return out


def _vertex_bounds(vertices: Vertices) -> np.ndarray:
    """Each shape's box from its run of vertices (NaN for a shape without any)."""
    n = len(vertices.start)
    bounds = np.full((n, 4), np.nan)
    full = np.flatnonzero(vertices.end > vertices.start)
    if len(full):
        # runs follow one another (shape after shape, row after row): reduceat over their starts
        starts = vertices.start[full]
        x, y = np.ascontiguousarray(vertices.xy[:, 0]), np.ascontiguousarray(vertices.xy[:, 1])
        if (vertices.end[full][:-1] == starts[1:]).all() and int(vertices.end[full][-1]) == len(x):
            bounds[full, 0] = np.minimum.reduceat(x, starts)
            bounds[full, 1] = np.minimum.reduceat(y, starts)
            bounds[full, 2] = np.maximum.reduceat(x, starts)
            bounds[full, 3] = np.maximum.reduceat(y, starts)
        else:  # not laid out run after run (not what vertices_of_rows gives): shape by shape
            for i in full.tolist():
                a, b = int(vertices.start[i]), int(vertices.end[i])
                bounds[i] = x[a:b].min(), y[a:b].min(), x[a:b].max(), y[a:b].max()
    return bounds


def _json(blob: bytes):
    """A row's attributes: orjson (a third faster: a zoom decodes ~40,000 features' values),
    Python's json for what only it reads (NaN, text kept with damaged bytes as surrogates)."""
    try:
        return orjson.loads(blob)
    except orjson.JSONDecodeError:
        return json.loads(blob)


def stored_attributes(rows, columns: list[str]) -> list[np.ndarray] | None:
    """The values of ``columns`` the band rows keep (object arrays, in the rows' shape order);
    None when a row keeps none or other columns."""
    if not columns:
        return []
    parts = []
    for row in rows:
        if row[4] is None:
            return None
        names, *values = _json(row[4])
        if names != columns:
            return None
        parts.append(values)
    out = []
    for j in range(len(columns)):
        column = np.empty(sum(len(p[j]) for p in parts), dtype=object)
        column[:] = parts[0][j] if len(parts) == 1 else list(chain.from_iterable(p[j] for p in parts))
        out.append(column)
    return out
