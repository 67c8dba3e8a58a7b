"""Big GeoJSON layers as read, kept in the per-user cache folder: a later open skips the parse.

(Files of ``app.layer_cache.CACHE_MIN_BYTES`` and more, a million plots, open in the window
through a cache *pack* read per view instead; this cache serves the layers read whole.)

Reading 100k plots from GeoJSON takes ~2 s (a Python pass over every coordinate, then the
geometry checks); the same layer as WKB and plain arrays loads in a tenth of that. So a layer file
of at least :data:`MIN_BYTES` is, after it was read and checked, written once to
the user's layer cache (``user_data.layer_cache_dir``, never beside the data): its geometry as WKB, its attribute
columns as numpy arrays and its validation report as JSON. It is used again only while the file
is unchanged (same size, modification and change times, inode) and read by the same reader
(:func:`reader_fingerprint`), and only when opened without a ``--crs`` or offset; anything else
reads the file as usual.

What comes back is what the reader gave, exactly: before an entry is written its frame is rebuilt
from the arrays and compared (values, dtypes, every geometry's WKB); a layer whose columns do not
survive that (nested values, mixed types) is simply not cached. A damaged or unreadable entry is
ignored and written again. The folder's clean-up is ``user_data.prune_layer_cache``, shared
with the cache packs.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

import numpy as np

from parksgis.io.report import ValidationReport

#: Layer files smaller than this are read from the file every time (they read in < 0.2 s).
MIN_BYTES = 4 * 1024 * 1024
FORMAT = 1

#: the modules whose code decides what a read gives: a change to any of them is a new reader
_READER_MODULES = ("geojson", "geojson_chunks", "geojson_runs", "geojson_geometry", "geojson_parse", "geometry_checks",
                   "reader", "report", "crs", "encoding", "read_cache")


@lru_cache(maxsize=1)
def reader_fingerprint() -> str:
    """A digest of the reader's code (its source files, else the package version)."""
    import parksgis

    digest = hashlib.sha256(f"{FORMAT}:{parksgis.__version__}".encode())
    folder = Path(__file__).parent
    for name in _READER_MODULES:
        try:
            digest.update((folder / f"{name}.py").read_bytes())
        except OSError:  # a bundle without sources: the version says it
            pass
    return digest.hexdigest()[:20]


def validate_file_cached(path, *, crs=None, offset=None):
    """Like :func:`parksgis.io.validate_file`, through the cache for a big layer file."""
    from parksgis.io.reader import validate_file

    path = Path(path)
    stamp = _stamp(path) if crs is None and offset is None else None
    entry = _entry_path(path) if stamp is not None else None
    if entry is not None:
        wait_written(entry)  # the same file read a moment ago: its entry is on its way
        hit = _load(entry, path, stamp)
        if hit is not None:
            return hit
    frame, report = validate_file(path, crs=crs, offset=offset)
    if entry is not None and frame is not None and _keeping.get():
        _store_later(entry, frame, report, stamp)
    return frame, report


_keeping: ContextVar[bool] = ContextVar("parksgis_read_cache_keeping", default=True)


@contextmanager
def used_not_kept():
    """Layers read inside the block (in this thread) come from the cache when they are in it,
    but are not added to it: ``parksgis pack build`` reads a folder once into a pack, and
    keeping a million plots would cost it a copy of the layer and another one rebuilt to
    check the entry (~0.6 GB at its peak) and the CPU of both, for a later read that the
    window makes from a cache pack anyway (``app.layer_cache``)."""
    token = _keeping.set(False)
    try:
        yield
    finally:
        _keeping.reset(token)


_writer: ThreadPoolExecutor | None = None
_writing: dict[Path, Future] = {}
_writing_lock = threading.Lock()
_holding: ContextVar[bool] = ContextVar("parksgis_read_cache_holding", default=False)
_held: list[tuple] = []  # entries to write at write_held(), read inside writes_held()


@contextmanager
def writes_held():
    """Entries of layers read inside the block (in this thread) are written from the next
    :func:`write_held`, not at once: the window reads a folder and paints its first frame
    first; a writer working meanwhile took the GIL from both (~0.5 s of a first open of 100k
    plots). Until then a second read of the same file reads the file again."""
    token = _holding.set(True)
    try:
        yield
    finally:
        _holding.reset(token)


def writes_waiting() -> bool:
    """True when :func:`writes_held` holds entries to write."""
    with _writing_lock:
        return bool(_held)


def write_held() -> None:
    """Start writing the entries held by :func:`writes_held` (the window: once its first frame
    is painted)."""
    with _writing_lock:
        held = list(_held)
        _held.clear()
    for args in held:
        _submit(*args)


def _store_later(entry: Path, frame, report: ValidationReport, stamp: dict) -> None:
    """Keep the entry in a thread of its own: the layer is shown meanwhile (encoding, checking
    and writing 100k plots cost a quarter of their first read). It works on a copy of the frame
    and of the report as read (the workspace adds warnings to a layer's report later); the
    thread ends its work before the process exits."""
    args = (entry, frame.copy(), report.to_json(), stamp)
    if _holding.get():
        with _writing_lock:
            _held.append(args)
    else:
        _submit(*args)


def _submit(entry: Path, frame, saved: dict, stamp: dict) -> None:
    global _writer
    with _writing_lock:
        if _writer is None:
            _writer = ThreadPoolExecutor(1, thread_name_prefix="parksgis-read-cache")
        _writing[entry] = _writer.submit(_store, entry, frame, saved, stamp)


def wait_written(entry: Path | None = None) -> None:
    """Until the entry being written for ``entry`` (default: every one, held ones too) is
    written or given up."""
    if entry is None:
        write_held()
    with _writing_lock:
        pending = [_writing.pop(entry, None)] if entry is not None else list(_writing.values())
        if entry is None:
            _writing.clear()
    for future in pending:
        if future is not None:
            future.exception()  # _store never raises for the cache; waits


def file_state(path: Path) -> dict:
    """The file as it is now, and the reader that would read it: an entry made from ``path``
    (here, or a cache pack: ``app.layer_cache``) stands while this is unchanged. Raises OSError."""
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ctime_ns": st.st_ctime_ns,
            "inode": st.st_ino, "reader": reader_fingerprint()}


def _stamp(path: Path) -> dict | None:
    from parksgis.io.reader import _is_geojson

    try:
        state = file_state(path)
    except OSError:
        return None
    if state["size"] < MIN_BYTES or not _is_geojson(path):
        return None
    return state


def _entry_path(path: Path) -> Path:
    key = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    from parksgis.user_data import layer_cache_dir

    return layer_cache_dir() / f"{key}.npz"


# -- reading an entry ------------------------------------------------------------------------------

def _load(entry: Path, path: Path, stamp: dict):
    try:
        with np.load(entry, allow_pickle=False) as arrays:
            meta = json.loads(str(arrays["meta"]))
            if meta.get("stamp") != stamp:
                return None
            frame = _frame(meta, {name: arrays[name] for name in arrays.files if name != "meta"})
    except Exception:  # noqa: BLE001 - damaged or from another version: read the file instead
        return None
    try:
        os.utime(entry)  # used now: the last to be dropped when the folder is full
    except OSError:
        pass
    return frame, _report(meta["report"], path)


def _frame(meta: dict, arrays: dict):
    import geopandas
    import pandas as pd
    import shapely

    if "ragged_coords" in arrays:  # one geometry type, none missing: 4x faster than WKB
        offsets = [arrays[f"ragged_offsets{k}"] for k in range(meta["ragged_levels"])]
        geoms = shapely.from_ragged_array(shapely.GeometryType(meta["ragged_type"]),
                                          arrays["ragged_coords"], tuple(offsets) or None)
    else:
        wkb, ends = arrays["wkb"], arrays["wkb_ends"]
        blobs = np.empty(len(ends), dtype=object)
        data = wkb.tobytes()
        starts = np.r_[0, ends[:-1]]
        blobs[:] = [data[s:e] if e > s else None for s, e in zip(starts.tolist(), ends.tolist())]
        geoms = shapely.from_wkb(blobs)
    columns = {}
    for i, column in enumerate(meta["columns"]):
        columns[column["name"]] = _column(column, arrays, i)
    attrs = pd.DataFrame(columns, index=pd.RangeIndex(len(geoms)))
    return geopandas.GeoDataFrame(attrs, geometry=geoms, crs=meta["crs"])


def _column(column: dict, arrays: dict, i: int):
    import pandas as pd

    dtype = _dtype(column["dtype"])
    if column["kind"] == "text":
        values = np.append(arrays[f"u{i}"].astype(object), None)[arrays[f"c{i}"]]
        return pd.Series(values, dtype=dtype)
    return pd.Series(arrays[f"c{i}"], dtype=dtype)


def _report(saved: dict, path: Path) -> ValidationReport:
    return ValidationReport.from_json({**saved, "file": str(path)})


# -- writing an entry ------------------------------------------------------------------------------

def _store(entry: Path, frame, report: dict, stamp: dict) -> None:
    """Write the entry when the frame survives the trip exactly; never raises for the cache.
    ``report``: the layer's validation report as read (``ValidationReport.to_json``)."""
    from parksgis.files import AtomicFile, FileWriteError
    from parksgis.user_data import prune_layer_cache

    encoded = _encode(frame)
    if encoded is None:
        return
    described, arrays = encoded
    meta = {"stamp": stamp, "crs": frame.crs.to_string() if frame.crs is not None else None,
            "report": report, **described}
    if not _same(frame, _frame(meta, arrays)):
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with AtomicFile(entry, suffix=".npz") as tmp:
            with open(tmp, "xb") as handle:
                np.savez(handle, meta=np.array(json.dumps(meta)), **arrays)
        prune_layer_cache(keep=entry)
    except (OSError, FileWriteError, ValueError):
        return  # a full disk or a read-only home: the layer was read, that is what matters


def _encode(frame):
    """``(meta, arrays)`` of ``frame`` (its columns and geometry), or None when a column cannot
    be kept."""
    import pandas as pd
    import shapely

    geoms = np.asarray(frame.geometry.values, dtype=object)
    arrays, geometry = _encode_geometry(geoms)
    columns = []
    attrs = frame.drop(columns=frame.geometry.name)
    if attrs.columns.has_duplicates or frame.attrs:
        return None
    for i, name in enumerate(attrs.columns):
        series = attrs[name]
        dtype = _dtype_text(series.dtype)
        if dtype is None or not isinstance(name, str):
            return None
        if series.dtype.kind in "biuf":
            arrays[f"c{i}"] = series.to_numpy()
            columns.append({"name": name, "kind": "plain", "dtype": dtype})
            continue
        values = series.to_numpy(dtype=object)
        try:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        except TypeError:  # unhashable values: not kept
            return None
        uniques = uniques.tolist()
        if any(type(u) is not str for u in uniques):
            return None
        if dtype == "object" and any(v is not None for v in values[codes < 0].tolist()):
            return None  # NaN and None both missing: only None is written back
        arrays[f"c{i}"] = codes.astype(np.int32)
        arrays[f"u{i}"] = np.array(uniques, dtype=str) if uniques else np.empty(0, dtype="U1")
        columns.append({"name": name, "kind": "text", "dtype": dtype})
    return {"columns": columns, **geometry}, arrays


def _encode_geometry(geoms: np.ndarray) -> tuple[dict, dict]:
    """``(arrays, meta)`` of the geometry: ragged coordinates when every feature has one and the
    same simple type (a plots layer), else WKB (None for a missing one)."""
    import shapely

    missing = shapely.is_missing(geoms)
    types = shapely.get_type_id(geoms[~missing])
    if len(geoms) and not missing.any() and (types == types[0]).all() and types[0] in range(7) \
            and types[0] != shapely.GeometryType.LINEARRING and not shapely.is_empty(geoms).any():
        kind, coords, offsets = shapely.to_ragged_array(geoms)
        arrays = {"ragged_coords": coords, **{f"ragged_offsets{k}": o for k, o in enumerate(offsets)}}
        return arrays, {"ragged_type": int(kind), "ragged_levels": len(offsets)}
    blobs = shapely.to_wkb(np.where(missing, None, geoms))
    lengths = np.array([0 if b is None else len(b) for b in blobs.tolist()], dtype=np.int64)
    return {"wkb": np.frombuffer(b"".join(b for b in blobs.tolist() if b is not None), dtype=np.uint8),
            "wkb_ends": np.cumsum(lengths)}, {}


def _dtype_text(dtype) -> str | None:
    import pandas as pd

    if isinstance(dtype, pd.StringDtype):
        return f"string:{dtype.storage}:{'nan' if dtype.na_value is not pd.NA else 'NA'}"
    if dtype == object:
        return "object"
    if isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        return dtype.str
    return None


def _dtype(text: str):
    import pandas as pd

    if text.startswith("string:"):
        _, storage, na = text.split(":")
        return pd.StringDtype(storage, na_value=np.nan if na == "nan" else pd.NA)
    return np.dtype(text) if text != "object" else np.dtype(object)


def _same(frame, rebuilt) -> bool:
    import pandas as pd
    import shapely

    try:
        pd.testing.assert_frame_equal(frame.drop(columns=frame.geometry.name),
                                      rebuilt.drop(columns=rebuilt.geometry.name), check_exact=True)
    except AssertionError:
        return False
    if list(frame.columns) != list(rebuilt.columns) or frame.crs != rebuilt.crs:
        return False
    ours = np.asarray(frame.geometry.values, dtype=object)
    theirs = np.asarray(rebuilt.geometry.values, dtype=object)
    missing = shapely.is_missing(ours)
    if not np.array_equal(missing, shapely.is_missing(theirs)):
        return False
    ours, theirs = ours[~missing], theirs[~missing]
    # a slice at a time: both layers' WKB at once is ~0.4 GB more at the peak for a million plots
    return all(np.array_equal(shapely.to_wkb(ours[i:i + _COMPARED]), shapely.to_wkb(theirs[i:i + _COMPARED]))
               for i in range(0, len(ours), _COMPARED))


#: geometries compared per slice by :func:`_same`
_COMPARED = 65_536

