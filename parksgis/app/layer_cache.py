"""Big GeoJSON layers opened from a cache pack: converted once, then read per view.

Parsing a GeoJSON file of a million plots takes minutes and gigabytes, on every open. When the
window opens a layers folder holding such a file (at least :data:`CACHE_MIN_BYTES`), the file is
read and validated once, as always, and written to a one-layer pack in the user's cache folder
(spatial index and level-of-detail bands included, by ``pack.build``); the window then reads that
layer per view, like a pack's big layers (``pack.view_source``). The cache is reused while the
file and the reader are unchanged (``io.read_cache.file_state``; same reading options) and converted
again when it changes; a cache that cannot be read is converted again too. Cache packs live in the
user's layer cache beside the layers kept as read (``io.read_cache``), under one clean-up
(``user_data.prune_layer_cache``: unused for a month, or least recently used over a size).

The folder's register stays the one that is read and edited: the cache holds the layer's
geometry and attributes only. The file's validation report is stored beside the cache so that a
reused cache reports exactly what the first read did. Nothing is written beside the user's data.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from parksgis import progress, user_data
from parksgis.errors import ParksgisError
from parksgis.files import write_bytes_atomic
from parksgis.io.report import ValidationReport
from parksgis.model.layer import Layer
from parksgis.model.status import DEFAULT_SCHEME
from parksgis.model.view_source import LayerView
from parksgis.model.workspace import Workspace

#: GeoJSON files at least this big (~300,000 plots) open through a cache pack in the window
CACHE_MIN_BYTES = 128 * 2**20
CACHE_SUFFIXES = (".geojson", ".json")
#: what a cache holds; a cache written under another number is converted again
#: (2: level-of-detail bands of the packed layout, ``pack.lod``)
CACHE_FORMAT = 2


def wants_cache(path: Path) -> bool:
    """Whether the window opens ``path`` through a cache pack rather than reading it whole."""
    try:
        return path.suffix.lower() in CACHE_SUFFIXES and path.stat().st_size >= CACHE_MIN_BYTES
    except OSError:
        return False


def cache_files(path: Path, crs, offset) -> tuple[Path, Path]:
    """The cache pack of ``path`` as it is now, read with ``crs``/``offset``, and its report file.

    The name starts with a digest of the file's path (so older caches of the same file can be
    removed) and ends with a digest of its state (``io.read_cache.file_state``: the file and the
    reader's code), the options and the formats.
    """
    from parksgis.io.read_cache import file_state
    from parksgis.pack.format import FORMAT_VERSION

    file_id = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    state = json.dumps([CACHE_FORMAT, FORMAT_VERSION, file_state(path), crs, offset], sort_keys=True)
    state_id = hashlib.sha256(state.encode("utf-8")).hexdigest()[:16]
    folder = user_data.layer_cache_dir()
    return folder / f"{file_id}-{state_id}.gpkg", folder / f"{file_id}-{state_id}.report.json"


def open_cached_layer(path: Path, make_layer, *, crs=None, offset=None, opened: list):
    """``(layer, report)`` for the big layer file ``path``, its features left in a cache pack.

    ``make_layer(frame, report)`` builds the :class:`Layer` as the folder reader would; the
    returned layer gets an empty frame and a ``view`` on the cache (appended to ``opened``, for
    the caller to close with the workspace). A file that cannot be read gives ``(None, report)``;
    a file too small to need a view, or a cache that cannot be written, gives the layer read
    whole (the latter with a warning).
    """
    from parksgis.io import validate_file

    pack, report_file = cache_files(path, crs, offset)
    if pack.is_file() and report_file.is_file():
        try:
            report = ValidationReport.from_json(json.loads(report_file.read_text(encoding="utf-8")))
            layer = _viewed(path, pack, make_layer, report, opened)
            os.utime(report_file)  # last used now: the last the clean-up removes
            return layer, report
        except (OSError, ValueError, KeyError, TypeError, ParksgisError, sqlite3.Error):
            pass  # unreadable or removed meanwhile: converted again below
    frame, report = validate_file(path, crs=crs, offset=offset)
    if frame is None or not _viewport_driven(frame):
        return (None if frame is None else make_layer(frame, report)), report
    try:
        _convert(path, make_layer(frame, report), pack, report_file, report)
    except (ParksgisError, OSError, sqlite3.Error) as exc:
        report.warning("cache-not-written", f"read whole: the cache pack for faster opening could "
                                            f"not be written ({exc})")
        return make_layer(frame, report), report
    del frame  # the window reads the cache from now on
    return _viewed(path, pack, make_layer, report, opened), report


def _convert(path: Path, layer: Layer, pack: Path, report_file: Path, report: ValidationReport) -> None:
    from parksgis.pack.build import build_pack

    progress.stage(f"{path.name}: writing a cache pack for fast opening (once; reused while the "
                   "file is unchanged)")
    pack.parent.mkdir(parents=True, exist_ok=True)
    for old in pack.parent.glob(f"{pack.name.split('-')[0]}-*"):  # this file's older states
        if old not in (pack, report_file):  # (the same state may be written by another window)
            old.unlink(missing_ok=True)
    # the park is the folder's business: the cache holds the layer alone, under a shared name
    cached = Layer(layer.name, layer.frame, layer.kind, None)
    build_pack(Workspace([], [cached], {}, DEFAULT_SCHEME, meta={"source": str(path)}), pack,
               source_label=str(path))
    write_bytes_atomic(report_file, json.dumps(report.to_json(), ensure_ascii=False).encode("utf-8"))
    user_data.prune_layer_cache(keep=pack)


def _viewed(path: Path, pack: Path, make_layer, report: ValidationReport, opened: list) -> Layer:
    from parksgis.pack.view_source import PackViewSource

    source = PackViewSource(pack)
    try:
        (table,) = source.tables()
        view = LayerView(source, table, source.count(table), source.extent(table))
        layer = make_layer(source.by_ids(table, []), report)  # filled per view by the window
    except BaseException:
        source.close()
        raise
    layer.view = view
    opened.append(source)
    return layer


def _viewport_driven(frame) -> bool:
    """Whether the window reads the layer of ``frame`` per view (so from a cache pack)."""
    import numpy as np
    import shapely

    from parksgis.pack.view_source import viewport_driven

    types = np.unique(shapely.get_type_id(frame.geometry.values))
    types = types[types >= 0]  # -1: no shape
    points = len(types) and np.isin(types, (shapely.GeometryType.POINT, shapely.GeometryType.MULTIPOINT)).all()
    return viewport_driven(len(frame), "POINT" if points else None)
