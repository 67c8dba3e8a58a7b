"""GeoJSON geometries to shapely, vectorised: one ragged coordinate array per geometry type.

The feature loop only appends Python lists of positions and counts; numpy turns each type's
positions into one float array and ``shapely.from_ragged_array`` builds all its geometries at
once. No shapely object is made per feature on this path (GeometryCollections, rare, are the
exception). A feature whose coordinates have the wrong structure is rejected on its own and the
rest load.
"""

from __future__ import annotations

from itertools import chain

import numpy as np
import orjson
import shapely
from shapely import GeometryType

# type -> (shapely type, number of offset levels)
RAGGED_TYPES = {
    "Point": (GeometryType.POINT, 0),
    "LineString": (GeometryType.LINESTRING, 1),
    "MultiPoint": (GeometryType.MULTIPOINT, 1),
    "Polygon": (GeometryType.POLYGON, 2),
    "MultiLineString": (GeometryType.MULTILINESTRING, 2),
    "MultiPolygon": (GeometryType.MULTIPOLYGON, 3),
}


class BadCoordinates(Exception):
    """A feature's coordinates do not have the structure its type needs."""


def _ring(ring, pos: list) -> None:
    if type(ring) is not list:
        raise BadCoordinates("a polygon ring is not an array of positions")
    n = len(ring)
    if n < 4 and (n < 3 or ring[0] == ring[-1]):
        raise BadCoordinates(f"a polygon ring needs at least 4 positions (3 distinct); "
                             f"one has {n}")
    pos.extend(ring)


def _line(line, pos: list) -> None:
    if type(line) is not list:
        raise BadCoordinates("a line is not an array of positions")
    if len(line) < 2:
        raise BadCoordinates(f"a LineString needs at least 2 positions; one has {len(line)}")
    pos.extend(line)


def _array(value, what: str) -> list:
    if type(value) is not list:
        raise BadCoordinates(f"{what} is not an array")
    return value


def _fill(kind: str, coords, pos: list, offs: list) -> None:
    """Append one geometry's positions and offsets (GeoArrow layout) for ``kind``."""
    if kind == "Point":
        pos.append(coords)
    elif kind == "LineString":
        _line(coords, pos)
        offs[0].append(len(pos))
    elif kind == "MultiPoint":
        pos.extend(_array(coords, "MultiPoint coordinates"))
        offs[0].append(len(pos))
    elif kind == "Polygon":
        for ring in _array(coords, "Polygon coordinates"):
            _ring(ring, pos)
            offs[0].append(len(pos))
        offs[1].append(len(offs[0]) - 1)
    elif kind == "MultiLineString":
        for line in _array(coords, "MultiLineString coordinates"):
            _line(line, pos)
            offs[0].append(len(pos))
        offs[1].append(len(offs[0]) - 1)
    else:  # MultiPolygon
        for polygon in _array(coords, "MultiPolygon coordinates"):
            if not _array(polygon, "a MultiPolygon part"):
                # shapely 2.x from_ragged_array segfaults on a polygon with no rings
                raise BadCoordinates("a MultiPolygon part has no rings")
            for ring in polygon:
                _ring(ring, pos)
                offs[0].append(len(pos))
            offs[1].append(len(offs[0]) - 1)
        offs[2].append(len(offs[1]) - 1)


def _collect_polygons(items: list, errors: dict):
    """``_collect`` for Polygon, inlined: plots are most of what parksgis reads."""
    pos: list = []
    rings = [0]
    polygons = [0]
    rows: list[int] = []
    starts: list[int] = []
    extend, ring_end = pos.extend, rings.append
    for row, coords in items:
        mark, ring_mark = len(pos), len(rings)
        if type(coords) is list:
            for ring in coords:
                if type(ring) is not list:
                    problem = "a polygon ring is not an array of positions"
                    break
                n = len(ring)
                if n < 4 and (n < 3 or ring[0] == ring[-1]):
                    problem = f"a polygon ring needs at least 4 positions (3 distinct); one has {n}"
                    break
                extend(ring)
                ring_end(len(pos))
            else:
                polygons.append(len(rings) - 1)
                rows.append(row)
                starts.append(mark)
                continue
        else:
            problem = "Polygon coordinates is not an array"
        del pos[mark:], rings[ring_mark:]
        errors[row] = problem
    starts.append(len(pos))
    return pos, [rings, polygons], rows, starts


def _collect(kind: str, items: list, errors: dict):
    """Fill positions/offsets for ``items`` [(row, coords)]; structural failures go to errors."""
    if kind == "Polygon":
        return _collect_polygons(items, errors)
    levels = RAGGED_TYPES[kind][1]
    pos: list = []
    offs = [[0] for _ in range(levels)]
    rows: list[int] = []
    starts: list[int] = []
    for row, coords in items:
        mark = len(pos)
        marks = [len(o) for o in offs]
        try:
            _fill(kind, coords, pos, offs)
        except (BadCoordinates, TypeError) as exc:
            del pos[mark:]
            for o, m in zip(offs, marks):
                del o[m:]
            errors[row] = str(exc) if isinstance(exc, BadCoordinates) else \
                f"{kind} coordinates have the wrong structure"
            continue
        rows.append(row)
        starts.append(mark)
    starts.append(len(pos))
    return pos, offs, rows, starts


def _positions_array(positions: list) -> np.ndarray | None:
    """``(n, 2)`` float array of lon/lat, or None when some position is not 2–3 numbers."""
    n = len(positions)
    try:
        lengths = np.fromiter(map(len, positions), np.intp, n)
        if n and (lengths == 2).all():  # the usual 2D case: stream the numbers, 2-3x np.array
            # fromiter would turn "39.368" (and True) into numbers without a word: numbers only
            if not set(map(type, chain.from_iterable(positions))) <= _NUMBER_TYPES:
                return None
            flat = np.fromiter(chain.from_iterable(positions), np.float64, 2 * n)
            return flat.reshape(n, 2)
        arr = np.array(positions)
    except (ValueError, TypeError, OverflowError):
        return None
    if arr.ndim != 2 or not 2 <= arr.shape[1] <= 3 or arr.dtype.kind not in "fi":
        return None
    return np.ascontiguousarray(arr[:, :2], dtype=np.float64)


#: What a coordinate may be: a number, or null (read as NaN, then refused by the geometry checks
#: as a non-finite coordinate with the feature named).
_NUMBER_TYPES = {float, int, type(None)}


def _positions_ok(chunk: list) -> bool:
    """Whether every position is 2 or 3 JSON numbers (a third element that is not a number is
    not dropped quietly: the feature is refused and says so)."""
    if not chunk:
        return True
    for p in chunk:
        if type(p) is not list or not 2 <= len(p) <= 3 or not set(map(type, p)) <= _NUMBER_TYPES:
            return False
    return True


def build_type(kind: str, items: list, errors: dict, warnings: dict):
    """``(rows, geometries)`` for all ``items`` of one GeoJSON type, vectorised."""
    rows, ragged = ragged_type(kind, items, errors, warnings)
    return rows, build_ragged(ragged)


def ragged_type(kind: str, items: list, errors: dict, warnings: dict):
    """``(rows, ragged)``: the coordinates of all ``items`` of one type as numpy arrays
    (``ragged`` goes to :func:`build_ragged`); needs the parsed document, unlike the build."""
    pos, offs, rows, starts = _collect(kind, items, errors)
    arr = _positions_array(pos)
    if arr is None:  # some feature has malformed positions: find it, drop it, build the rest
        good = []
        by_row = dict(items)
        for k, row in enumerate(rows):
            if _positions_ok(pos[starts[k]:starts[k + 1]]):
                good.append((row, by_row[row]))
            else:
                errors[row] = ("coordinates must be positions of 2 or 3 numbers (" +
                               _first_bad_position(pos[starts[k]:starts[k + 1]]) + ")")
        pos, offs, rows, starts = _collect(kind, good, errors)
        arr = np.array([p[:2] for p in pos], dtype=np.float64).reshape(-1, 2)
    if not rows:
        return [], None
    gtype, _ = RAGGED_TYPES[kind]
    offsets = tuple(np.asarray(o, dtype=np.int64) for o in offs)
    if kind in ("Polygon", "MultiPolygon"):
        _note_unclosed_rings(kind, arr, offsets, rows, warnings)
        _note_rings_closed_in_2d_only(kind, pos, offsets, rows, warnings)
    del pos
    return rows, (gtype, arr, offsets)


def build_ragged(ragged) -> np.ndarray:
    if ragged is None:
        return np.empty(0, dtype=object)
    gtype, arr, offsets = ragged
    if gtype in (GeometryType.POLYGON, GeometryType.MULTIPOLYGON) and not np.isfinite(arr).all():
        return _polygons_with_non_finite(gtype, arr, offsets)
    return shapely.from_ragged_array(gtype, arr, offsets or None)


def _polygons_with_non_finite(gtype, arr, offsets) -> np.ndarray:
    """GEOS refuses a ring whose first or last position is NaN (it cannot be closed). Such
    features are built as a LineString of their positions instead: the geometry checks then
    report the first non-finite coordinate and drop the feature, as for any other NaN."""
    ring_off = offsets[0]
    feature_off = offsets[1]
    if gtype == GeometryType.MULTIPOLYGON:
        feature_off = offsets[1][offsets[2]]
    vertex_off = ring_off[feature_off]  # first position of each feature, and the end
    finite = np.isfinite(arr).all(axis=1)
    bad_end = ~finite[ring_off[:-1]] | ~finite[ring_off[1:] - 1]
    ring_feature = np.searchsorted(feature_off, np.arange(len(ring_off) - 1), side="right") - 1
    bad = np.unique(ring_feature[bad_end])
    safe = arr.copy()
    for k in bad.tolist():
        safe[vertex_off[k]:vertex_off[k + 1]] = 0.0  # a closed, degenerate stand-in
    geoms = shapely.from_ragged_array(gtype, safe, offsets)
    with np.errstate(invalid="ignore"):
        for k in bad.tolist():
            geoms[k] = shapely.linestrings(arr[vertex_off[k]:vertex_off[k + 1]])
    return geoms


def _note_unclosed_rings(kind, arr, offsets, rows, warnings: dict) -> None:
    ring_off = offsets[0]
    if len(ring_off) < 2:
        return
    first = arr[ring_off[:-1]]
    last = arr[ring_off[1:] - 1]
    open_ring = np.any(first != last, axis=1) & np.isfinite(first).all(1) & np.isfinite(last).all(1)
    if not open_ring.any():
        return
    ring_to_part = np.repeat(np.arange(len(offsets[1]) - 1), np.diff(offsets[1]))
    if kind == "MultiPolygon":
        part_to_feature = np.repeat(np.arange(len(offsets[2]) - 1), np.diff(offsets[2]))
        ring_to_part = part_to_feature[ring_to_part]
    for k in np.unique(ring_to_part[open_ring]).tolist():
        warnings[rows[k]] = ("unclosed-ring-repaired",
                             "a polygon ring is not closed (last position differs from the "
                             "first); closed it")


def _ring_features(kind, offsets) -> np.ndarray:
    """For each ring, the index (into ``rows``) of the feature it belongs to."""
    ring_to_part = np.repeat(np.arange(len(offsets[1]) - 1), np.diff(offsets[1]))
    if kind == "MultiPolygon":
        part_to_feature = np.repeat(np.arange(len(offsets[2]) - 1), np.diff(offsets[2]))
        ring_to_part = part_to_feature[ring_to_part]
    return ring_to_part


def _note_rings_closed_in_2d_only(kind, pos: list, offsets, rows, warnings: dict) -> None:
    """A ring whose first and last positions agree in lon/lat but not in their third coordinate
    (or whose one end has a third coordinate and the other not) is not closed by RFC 7946; it is
    read as closed in 2D, and that is said."""
    ends = offsets[0]
    if len(ends) < 2:
        return
    firsts = [pos[i] for i in ends[:-1].tolist()]
    lasts = [pos[i - 1] for i in ends[1:].tolist()]
    odd = [k for k, (a, b) in enumerate(zip(firsts, lasts)) if a != b and a[:2] == b[:2]]
    if not odd:
        return
    features = _ring_features(kind, offsets)
    for k in odd:
        row = rows[int(features[k])]
        if row not in warnings:
            warnings[row] = ("ring-closed-in-2d-only",
                             f"a polygon ring's first and last positions differ beyond lon/lat "
                             f"({_position(firsts[k])} vs {_position(lasts[k])}); read as closed in "
                             "2D (the third coordinate is not used)")


def _position(p) -> str:
    return orjson.dumps(p).decode()


def _first_bad_position(chunk: list) -> str:
    for p in chunk:
        if type(p) is not list or not 2 <= len(p) <= 3 or not set(map(type, p)) <= _NUMBER_TYPES:
            try:
                return f"found {orjson.dumps(p).decode()[:60]}"
            except orjson.JSONEncodeError:
                return "found a position that is not numbers"
    return "found a malformed position"


def build_collection(geometry: dict):
    """A GeometryCollection through GEOS's GeoJSON reader (rare; per feature)."""
    try:
        geom = shapely.from_geojson(orjson.dumps(geometry))
    except (orjson.JSONEncodeError, shapely.errors.GEOSException, ValueError, TypeError) as exc:
        raise BadCoordinates(f"GeometryCollection cannot be read: {str(exc)[:120]}") from None
    return geom


def empty_geometry(kind: str):
    return shapely.from_wkt(f"{kind.upper()} EMPTY")
