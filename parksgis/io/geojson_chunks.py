"""Cut a big FeatureCollection into runs of whole features, so it is parsed a few MB at a time.

orjson parses a whole document into its own tree, then into Python objects: for a 36 MB file of
100k plots that is +325 MB at the peak, and the coordinate lists of every feature stay alive
until the layer is built. Parsed in ~2 MB runs, each run's coordinates become numpy arrays and
are freed before the next run is parsed (peak of the read ~150 MB lower).

Only the usual layout is cut: ``{ ... "features": [ {...}, ..., {...} ] }`` with the features
array last, UTF-8 without BOM. A cut is made only between ``}`` and ``{`` separated by a comma;
a cut anywhere else (inside a string or a nested value) leaves a run that is not valid JSON, so
the caller notices and parses the whole file the ordinary way — as it does for anything
unusual. Either way the features, and every message, are the same.
"""

from __future__ import annotations

import re

#: Files smaller than this are parsed whole (the peak is small anyway).
MIN_BYTES = 4 * 1024 * 1024
RUN_BYTES = 2 * 1024 * 1024

_BETWEEN_FEATURES = re.compile(rb"\}\s*,\s*\{")
_SPACE = b" \t\r\n"


def _skip_space(raw: bytes, i: int, step: int = 1) -> int:
    while 0 <= i < len(raw) and raw[i] in _SPACE:
        i += step
    return i


def plan(raw) -> tuple[bytes, list[tuple[int, int]]] | None:
    """``(skeleton, runs)``: the document with an empty features array, and ``(start, end)``
    byte ranges of runs of whole features (comma-separated) in order; None to parse whole."""
    if type(raw) is not bytes or len(raw) < MIN_BYTES:
        return None
    i = _skip_space(raw, 0)
    if raw[i:i + 1] != b"{":
        return None  # BOMs, arrays, not JSON: the whole-file parser says what is wrong
    key = raw.find(b'"features"')
    if key < 0:
        return None
    i = _skip_space(raw, key + len(b'"features"'))
    if raw[i:i + 1] != b":":
        return None
    array_open = _skip_space(raw, i + 1)
    if raw[array_open:array_open + 1] != b"[":
        return None
    first = _skip_space(raw, array_open + 1)
    if raw[first:first + 1] != b"{":
        return None
    end = _skip_space(raw, len(raw) - 1, -1)
    if raw[end:end + 1] != b"}":
        return None
    array_close = _skip_space(raw, end - 1, -1)
    if raw[array_close:array_close + 1] != b"]":
        return None
    last = _skip_space(raw, array_close - 1, -1)
    if raw[last:last + 1] != b"}" or last <= first:
        return None
    runs = []
    start = first
    while True:
        found = _BETWEEN_FEATURES.search(raw, min(start + RUN_BYTES, last), last + 1) \
            if start + RUN_BYTES < last else None
        if found is None:
            runs.append((start, last + 1))
            break
        runs.append((start, found.start() + 1))
        start = found.end() - 1
    skeleton = raw[:array_open + 1] + raw[array_close:]
    return skeleton, runs


def run_text(raw: bytes, run: tuple[int, int]) -> bytes:
    """A run of features as a JSON array."""
    start, end = run
    return b"[" + raw[start:end] + b"]"
