"""From GeoJSON bytes to Python objects: encoding, JSON syntax, and the GeoJSON top level.

orjson parses UTF-8 bytes without a copy. When it refuses the text we find out why, so every
broken file gets one line with a stable code: ``file-empty``, ``binary-file``, ``truncated-json``,
``not-json``, ``too-deeply-nested``, ``undecodable-text``, ``not-geojson``. JSON with NaN or
Infinity literals (not JSON, but written by Python's json and some exporters) is parsed by the
standard library instead, so the features holding them can be reported one by one.
"""

from __future__ import annotations

import json

import orjson

from parksgis.errors import LayerReadError
from parksgis.io import encoding as enc

GEOMETRY_TYPES = ("Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
                  "MultiPolygon", "GeometryCollection")
MAX_DEPTH_NOTE = "more than 1024 levels of nested arrays/objects"


def parse_geojson_bytes(raw: bytes, path) -> tuple[object, str, list[tuple[str, str]]]:
    """``(document, encoding, warnings)``; raises LayerReadError for a file that is not JSON."""
    if not raw.strip():
        raise LayerReadError(path, "file is empty (0 bytes)" if not raw else
                             "file holds only whitespace", "file-empty")
    warnings: list[tuple[str, str]] = []
    content, encoding = enc.strip_bom(raw, path)
    if isinstance(content, bytes) and enc.looks_binary(content):
        raise LayerReadError(path, "binary data, not a GeoJSON text file (control bytes in "
                                   "the first 4 KB)", "binary-file")
    try:
        document = orjson.loads(content)
        return document, encoding, warnings + duplicate_members(content)
    except orjson.JSONDecodeError as exc:
        first_error = exc
    message = str(first_error)
    if "not valid UTF-8" in message and isinstance(content, bytes):
        bad_at = enc.utf8_error_offset(content)
        content = enc.decode_chinese_legacy(content, path)
        encoding = "gb18030"
        warnings.append(("gbk-encoding", f"file is not UTF-8 (invalid UTF-8 at byte {bad_at}); "
                         "decoded as GBK/GB18030 — RFC 7946 requires UTF-8, re-save it as UTF-8"))
        try:
            document = orjson.loads(content)
            return document, encoding, warnings + duplicate_members(content)
        except orjson.JSONDecodeError as exc:
            first_error = exc
            message = str(exc)
    if "depth limit" in message or "recursion" in message.lower():
        raise LayerReadError(path, f"JSON is nested too deeply ({MAX_DEPTH_NOTE}) at "
                                   f"{_where(first_error)}", "too-deeply-nested")
    # NaN / Infinity literals: not JSON, but Python's json module reads them.
    try:
        text = content if isinstance(content, str) else content.decode("utf-8")
        return json.loads(text), encoding, warnings
    except (ValueError, RecursionError, MemoryError):
        pass
    if "end of data" in message or "EOF" in message:
        raise LayerReadError(path, f"JSON ends too early (truncated file?) at {_where(first_error)}",
                             "truncated-json")
    reason = message.split(":", 1)[0]
    start = content.lstrip()[:64]
    if isinstance(start, bytes):
        start = start.decode("utf-8", "ignore")
    start = " ".join(start.split())[:24]
    raise LayerReadError(path, f"not valid JSON ({reason} at {_where(first_error)}); the text "
                               f"starts {start!r}", "not-json")


#: Files up to this size are read a second time to find objects with a member name twice (orjson
#: keeps the last silently). ~20 ms per MB on this machine; field files are far smaller, and the
#: 40 MB layers of a 100k-plot test would pay a second for it.
DUPLICATE_CHECK_BYTES = 4 * 2**20


def duplicate_members(content) -> list[tuple[str, str]]:
    """A warning per member name that appears twice in one object (which value wins is up to
    the reader; parksgis, like most, keeps the last — the warning names it)."""
    if len(content) > DUPLICATE_CHECK_BYTES:
        return []
    found: dict[str, tuple] = {}

    def pairs(items):
        seen: dict = {}
        for key, value in items:
            if key in seen and key not in found and len(found) < 10:
                found[key] = (seen[key], value)
            seen[key] = value
        return seen

    try:
        text = content if isinstance(content, str) else content.decode("utf-8")
        json.loads(text, object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return []
    return [("duplicate-member", f"member {key!r} appears twice in one object ({_short(first)} "
                                 f"and {_short(last)}); the last, {_short(last)}, is kept")
            for key, (first, last) in found.items()]


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _where(error: orjson.JSONDecodeError) -> str:
    return f"line {error.lineno}, column {error.colno}"


def features_of(document, path) -> tuple[list, object]:
    """``(features, crs_member)`` from a FeatureCollection, a Feature or a bare Geometry."""
    if not isinstance(document, dict):
        kind = type(document).__name__.replace("dict", "object").replace("list", "array")
        raise LayerReadError(path, f"JSON but not GeoJSON: the top level is a JSON {kind}, "
                                   "not an object with a 'type'", "not-geojson")
    kind = document.get("type")
    crs_member = document.get("crs")
    if kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise LayerReadError(path, "FeatureCollection has no 'features' array", "not-geojson")
        return features, crs_member
    if kind == "Feature":
        return [document], crs_member
    if kind in GEOMETRY_TYPES:
        return [{"type": "Feature", "geometry": document, "properties": {}}], crs_member
    if kind == "Topology":
        raise LayerReadError(path, "this is TopoJSON, not GeoJSON; convert it first "
                                   "(e.g. topojson-client's topo2geo)", "not-geojson")
    if kind is None:
        raise LayerReadError(path, "JSON but not GeoJSON: the top-level object has no 'type'",
                             "not-geojson")
    shown = kind if isinstance(kind, str) and len(kind) < 40 else str(kind)[:40]
    raise LayerReadError(path, f"JSON but not GeoJSON: unknown top-level type {shown!r}",
                         "not-geojson")
