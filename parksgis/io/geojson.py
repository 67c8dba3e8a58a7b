"""Read a GeoJSON layer (FeatureCollection, single Feature or bare Geometry) fast and strictly.

orjson parses; one Python loop sorts features by geometry type and collects properties; geometry
is built per type with ``shapely.from_ragged_array`` (geojson_geometry.py); the shared checks
(geometry_checks.py) then run on whole arrays. The garbage collector is paused during the load:
the parse allocates millions of small containers, and the collector would re-scan them all
repeatedly for nothing (measured on 100k polygons: 1.3 s of CPU paused, 3.7 s running).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np
import orjson

from parksgis.errors import LayerReadError
from parksgis.gc_pause import gc_paused
from parksgis.io import crs as crs_mod
from parksgis.io import geojson_chunks, geojson_runs
from parksgis.io import geojson_geometry as gg
from parksgis.io.encoding import looks_binary
from parksgis.io.geojson_parse import GEOMETRY_TYPES, features_of, parse_geojson_bytes
from parksgis.io.geometry_checks import GeometryChecker
from parksgis.io.report import ValidationReport


def read_geojson(path, read_raw, report, *, crs=None, offset=None):
    """The GeoDataFrame (EPSG:4326, RangeIndex) of the bytes ``read_raw()`` returns; problems go
    into ``report``. The bytes are dropped as soon as they are parsed."""
    with gc_paused():  # the parse allocates millions of containers the collector need not scan
        raw = read_raw()
        read = _read_in_runs(raw, path, report, crs)
        if read is None:
            read = _read_whole(raw, path, report, crs)
        del raw
        table, pending, source_crs = read
        del read
        checker = GeometryChecker(report, path, crs=source_crs, offset=offset)
        if _checks_drop_nothing(pending, source_crs, offset):
            # Take the attributes, then free the parsed document before GEOS allocates the
            # geometries: the two never coexist (100k plots: peak 445 -> ~300 MB).
            attrs, detached, notes = table.attributes(~table.dropped)
            table_dropped = table.dropped
            del table
            geoms = pending.build()
            lonlat = pending.coordinates()
            del pending
            geoms, dropped = checker.run(geoms, np.arange(len(table_dropped)), table_dropped,
                                         lonlat=lonlat)
            del lonlat
            attrs = _keep_rows(attrs, ~table_dropped, ~dropped)
        else:
            geoms = _built(pending)
            del pending
            geoms, dropped = checker.run(geoms, np.arange(table.n), table.dropped)
            attrs, detached, notes = table.attributes(~dropped)
            # Free the parsed document while the collector is still off: re-enabling it with
            # millions of live lists triggers a full collection that walks them all (~0.5 s).
            del table
        frame = _frame(attrs, geoms[~dropped], detached, notes, report)
        del geoms, checker
    report.crs = crs_mod.crs_label(source_crs) if source_crs is not None else "EPSG:4326"
    return frame


def _built(pending: "_PendingGeometry") -> np.ndarray:
    """The shapes of ``pending``, which lets go of its coordinate arrays (the shapes hold their
    own copy; a million plots: ~0.15 GB less while the checks run)."""
    geoms = pending.build()
    pending.ragged = []
    return geoms


def _read_whole(raw: bytes, path, report, crs):
    document, encoding, warnings = parse_geojson_bytes(raw, path)
    del raw
    report.encoding = encoding
    for code, message in warnings:
        report.warning(code, message)
    features, crs_member = features_of(document, path)
    del document
    file_crs = crs_mod.parse_legacy_crs(crs_member, path)
    source_crs = _choose_crs(crs, file_crs, report)
    table = _FeatureTable(len(features))
    table.sort(features, report)
    del features
    return table, table.coordinates(report), source_crs


def _read_in_runs(raw: bytes, path, report, crs):
    """Like _read_whole, parsing a few MB of features at a time (geojson_chunks.py); None (with
    ``report`` as it was) when the file is not cut that way or a run does not parse."""
    cut = geojson_chunks.plan(raw)
    if cut is None or looks_binary(raw):
        return None
    skeleton, runs = cut
    reported = len(report.problems)
    try:
        document, encoding, warnings = parse_geojson_bytes(skeleton, path)
        features, crs_member = features_of(document, path)
        if features != [] or encoding != "utf-8" or warnings:
            return None
        source_crs = _choose_crs(crs, crs_mod.parse_legacy_crs(crs_member, path), report)
        table = _FeatureTable(0, read_in_runs=True)
        pending = _PendingGeometry(0)
        for part, part_pending, problems in geojson_runs.each_run(runs, partial(_read_run, raw, path)):
            start = table.append(part)
            pending.add(part_pending.shifted(start))
            report.problems += [p if p.feature is None else replace(p, feature=p.feature + start)
                                for p in problems]
    except (LayerReadError, orjson.JSONDecodeError):
        del report.problems[reported:]
        return None
    report.encoding = encoding
    return table, pending, source_crs


def _read_run(raw: bytes, path, run: tuple[int, int]):
    """``(table, pending geometry, problems)`` of one run of features, numbered from 0 (they
    are numbered in the file by :meth:`_FeatureTable.append` and :meth:`_PendingGeometry.shifted`)."""
    features = orjson.loads(geojson_chunks.run_text(raw, run))
    report = ValidationReport(str(path))
    table = _FeatureTable(len(features), read_in_runs=True)
    table.sort(features, report)
    del features
    pending = table.coordinates(report)
    return table, pending, report.problems


def _checks_drop_nothing(pending, source_crs, offset) -> bool:
    """True when the geometry checks cannot drop a feature: finite lon/lat within ±180/±90, no
    CRS or offset change (the rest of the checks warn or repair, never drop)."""
    if offset or pending.collections or not (source_crs is None or crs_mod.is_wgs84_equivalent(source_crs)):
        return False
    for _rows, ragged in pending.ragged:
        xy = ragged[1]
        if len(xy) and not (np.isfinite(xy).all() and np.abs(xy[:, 0]).max() <= 180.0
                            and np.abs(xy[:, 1]).max() <= 90.0):
            return False
    return True


def _keep_rows(attrs, taken, keep):
    """``attrs`` were taken for the rows the table kept (``taken``); the checks are not expected
    to drop more (see _checks_drop_nothing), but if they do, those rows go too."""
    if len(attrs) == int(keep.sum()):
        return attrs
    return attrs.iloc[np.flatnonzero(keep[taken])].reset_index(drop=True)


def _frame(attrs, geoms, detached, notes, report):
    import geopandas

    for code, message, feature in notes:
        report.warning(code, message, feature)
    frame = geopandas.GeoDataFrame(attrs, geometry=geoms, crs="EPSG:4326")
    attach_strings(frame, detached)
    return frame


def _choose_crs(user_crs, file_crs, report):
    if user_crs is not None and file_crs is not None and not user_crs.equals(file_crs):
        report.warning("crs-overridden", f"the file says {crs_mod.crs_label(file_crs)}; "
                                         f"--crs {crs_mod.crs_label(user_crs)} used instead")
    return user_crs if user_crs is not None else file_crs


class _FeatureTable:
    """Features sorted by geometry type, with their properties and ids, row = feature number."""

    def __init__(self, n: int, read_in_runs: bool = False):
        self.n = n
        self.read_in_runs = read_in_runs
        self.dropped = np.zeros(n, dtype=bool)
        self.props: list = [None] * n
        self.ids: list = [None] * n
        self.by_type: dict[str, list] = {kind: [] for kind in gg.RAGGED_TYPES}
        self.collections: list = []
        self.empties: list = []

    def append(self, part: "_FeatureTable") -> int:
        """Take in the features of ``part``, a run read on its own (its coordinates taken);
        returns the row of its first feature."""
        start = self.n
        self.n += part.n
        self.dropped = np.concatenate([self.dropped, part.dropped])
        self.props.extend(part.props)
        self.ids.extend(part.ids)
        return start

    def sort(self, features: list, report, start: int = 0) -> None:
        props, ids, by_type, ragged = self.props, self.ids, self.by_type, gg.RAGGED_TYPES
        for i, feature in enumerate(features, start):
            if type(feature) is not dict or feature.get("type") != "Feature":
                self._reject(i, report, "invalid-feature", _not_a_feature(feature))
                continue
            p = feature.get("properties")
            if type(p) is dict:
                props[i] = p
            elif p is not None:
                report.warning("invalid-properties", "'properties' is not an object; ignored", i)
            fid = feature.get("id")
            if fid is not None:
                ids[i] = fid
                if type(fid) not in (str, int, float):  # RFC 7946 3.2: a string or a number
                    report.warning("invalid-feature-id", f"id {_json_text(fid)[:60]} is neither a "
                                   "string nor a number; kept as that JSON text", i)
            geometry = feature.get("geometry")
            if geometry is None:
                continue
            if type(geometry) is not dict:
                self._reject(i, report, "invalid-geometry", "'geometry' is not an object")
                continue
            kind = geometry.get("type")
            if type(kind) is str and kind in ragged:
                coords = geometry.get("coordinates")
                if coords == []:
                    self.empties.append((i, kind))
                else:
                    by_type[kind].append((i, coords))
            elif kind == "GeometryCollection":
                self.collections.append((i, geometry))
            else:
                shown = kind if isinstance(kind, str) and len(kind) < 40 else repr(kind)[:40]
                self._reject(i, report, "unknown-geometry-type",
                             f"unknown geometry type {shown!r} (expected one of "
                             f"{', '.join(GEOMETRY_TYPES)})")

    def _reject(self, i: int, report, code: str, message: str) -> None:
        report.error(code, f"{message}; feature dropped", i)
        self.dropped[i] = True

    def coordinates(self, report) -> "_PendingGeometry":
        """Every geometry's coordinates as numpy arrays (GEOS objects are made later, by
        ``build``, when the parsed document may already be freed). Structural errors drop
        their feature here."""
        pending = _PendingGeometry(self.n)
        errors: dict[int, str] = {}
        warnings: dict[int, tuple[str, str]] = {}
        for kind, items in self.by_type.items():
            if items:
                rows, ragged = gg.ragged_type(kind, items, errors, warnings)
                if rows:
                    pending.ragged.append((np.asarray(rows), ragged))
        self.by_type = {kind: [] for kind in gg.RAGGED_TYPES}  # frees the coordinate lists
        for i, geometry in self.collections:
            try:
                pending.collections.append((i, gg.build_collection(geometry)))
            except gg.BadCoordinates as exc:
                errors[i] = str(exc)
        for i, kind in self.empties:
            pending.collections.append((i, gg.empty_geometry(kind)))
        self.collections, self.empties = [], []
        for i in sorted(errors):
            self._reject(i, report, "invalid-coordinates", errors[i])
        pending.rejected = sorted(errors)
        for i in sorted(warnings):
            report.warning(*warnings[i], i)
        return pending

    def attributes(self, keep_mask):
        """``(attrs, detached text columns, notes)`` of the kept rows; notes are warnings
        ``(code, message, feature)`` reported after the geometry checks."""
        import pandas as pd

        keep = np.flatnonzero(keep_mask)
        props = self.props
        records = [props[i] or {} for i in keep.tolist()]
        attrs = pd.DataFrame.from_records(records) if records else pd.DataFrame(index=range(0))
        if len(attrs.columns) == 0 and len(keep):
            attrs = pd.DataFrame(index=range(len(keep)))
        notes = self._check_ids()
        if "id" not in attrs.columns and any(self.ids):
            attrs["id"] = pd.Series([self.ids[i] for i in keep.tolist()], dtype=object)
        if "geometry" in attrs.columns:
            notes.append(("renamed-property", "a property named 'geometry' is kept as "
                                              "'geometry_property'", None))
            attrs = attrs.rename(columns={"geometry": "geometry_property"})
        _nested_values_to_json(attrs)
        # Read in runs, the strings pin only arenas that later runs reuse (~10 MB at 100k plots),
        # not worth the 0.1 s their remaking costs; read whole, they pin the whole document.
        detached = [] if self.read_in_runs else _detach_strings(attrs)
        if self.n == 0:
            notes.append(("no-features", "the layer has no features", None))
        return attrs, detached, notes

    def _check_ids(self) -> list:
        notes: list = []
        present = [fid for fid in self.ids if fid is not None]
        if not present:
            return notes
        try:
            if len(set(present)) == len(present):
                return notes  # the usual case, decided in C
        except TypeError:  # unhashable ids (arrays, objects): compare their JSON text
            pass
        first_seen: dict = {}
        for i, fid in enumerate(self.ids):
            if fid is None:
                continue
            key = (type(fid).__name__, fid) if isinstance(fid, (str, int, float)) else repr(fid)
            if key in first_seen:
                notes.append(("duplicate-feature-id",
                              f"id {_shown(fid)} repeats feature {first_seen[key]}'s id", i))
            else:
                first_seen[key] = i
        return notes


class _PendingGeometry:
    """Coordinates per geometry type, and the few geometries built one by one."""

    def __init__(self, n: int):
        self.n = n
        self.ragged: list = []        # (rows, (shapely type, xy, offsets))
        self.collections: list = []   # (row, geometry): collections and empty geometries
        self.rejected: list[int] = []

    def add(self, more: "_PendingGeometry") -> None:
        """Take in the geometry of the next run of features (rows and ``n`` are file-wide)."""
        self.n = max(self.n, more.n)
        self.ragged += more.ragged
        self.collections += more.collections
        self.rejected += more.rejected

    def shifted(self, start: int) -> "_PendingGeometry":
        """The same geometry for rows numbered from ``start`` instead of 0."""
        moved = _PendingGeometry(self.n + start)
        moved.ragged = [(rows + start, ragged) for rows, ragged in self.ragged]
        moved.collections = [(i + start, geom) for i, geom in self.collections]
        moved.rejected = [i + start for i in self.rejected]
        return moved

    def coordinates(self) -> np.ndarray:
        """Every coordinate of the ragged geometries, type by type (the GEOS shapes add a closing
        one to a ring left open); lets go of the arrays it is made of."""
        parts = [ragged[1] for _rows, ragged in self.ragged]
        self.ragged = []
        return np.concatenate(parts) if parts else np.empty((0, 2))

    def build(self) -> np.ndarray:
        geoms = np.full(self.n, None, dtype=object)
        for rows, ragged in self.ragged:
            geoms[rows] = gg.build_ragged(ragged)
        for i, geom in self.collections:
            geoms[i] = geom
        geoms[self.rejected] = None
        return geoms


def _shown(value) -> str:
    text = repr(value) if isinstance(value, str) else orjson.dumps(value).decode() \
        if isinstance(value, (int, float, list, dict)) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _not_a_feature(value) -> str:
    if isinstance(value, dict):
        kind = value.get("type")
        return f"not a Feature (type {str(kind)[:40]!r})" if kind else "not a Feature (no 'type')"
    return f"not a Feature but a JSON {type(value).__name__}"


_FLAT_KINDS = {"string", "integer", "floating", "mixed-integer-float", "boolean", "decimal"}


def _nested_values_to_json(attrs) -> None:
    """Object/array property values become JSON text, as GDAL does, so every writer copes."""
    import pandas as pd

    for col in attrs.columns:
        series = attrs[col]
        if series.dtype != object or pd.api.types.infer_dtype(series, skipna=True) in _FLAT_KINDS:
            continue
        nested = series.map(lambda v: isinstance(v, (dict, list)))
        if nested.any():
            attrs[col] = series.where(~nested, series[nested].map(_json_text))


def _detach_strings(attrs) -> list:
    """Replace text columns of ``attrs`` by their codes; return (column, dtype, distinct values
    as numpy text, missing value) for :func:`attach_strings`.

    The strings orjson made are scattered among the millions of lists and floats of the parsed
    document; kept in the frame, each one pins its allocator arena, so freeing the document gave
    almost nothing back (100k plots: 270 MB kept instead of ~100 MB). ``attach_strings`` remakes
    them after the document is freed, in fresh memory, one object per distinct value (a status
    column holds 5 strings, not 100k).
    """
    import pandas as pd

    detached = []
    for col in attrs.columns:
        series = attrs[col]
        is_text = isinstance(series.dtype, pd.StringDtype)
        if not (is_text or series.dtype == object):
            continue
        values = series.to_numpy(dtype=object)
        try:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        except TypeError:  # unhashable values left in an object column
            continue
        uniques = uniques.tolist()
        if not uniques or any(type(u) is not str or u.endswith("\x00") for u in uniques):
            continue  # numpy text would drop trailing NULs; other types are rare: leave them
        missing = values[codes < 0]
        if not is_text and len(missing) and any(v is not None for v in missing.tolist()):
            continue  # None and NaN mixed in an object column: keep them exactly
        detached.append((col, series.dtype, np.array(uniques, dtype=str)))
        attrs[col] = codes
    return detached


def attach_strings(frame, detached: list) -> None:
    import pandas as pd

    for col, dtype, uniques in detached:
        codes = frame[col].to_numpy()
        values = np.append(uniques.astype(object), None)[codes]  # code -1 takes the None
        frame[col] = pd.Series(values, index=frame.index, dtype=dtype, name=col)


def _json_text(value) -> str:
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:  # nested deeper than orjson writes (255 levels)
        return "(nested more than 255 levels deep; not kept)"

