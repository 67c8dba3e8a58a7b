"""The public readers: ``read_layer`` (raises for unreadable files) and ``validate_file`` (never).

Format dispatch: ``.geojson``/``.json`` and anything that starts like JSON go to our GeoJSON
reader (fast and strict); known OGR suffixes go to pyogrio; anything else is sniffed.
"""

from __future__ import annotations

import os
from pathlib import Path

from parksgis.errors import LayerReadError, ParksgisError, UsageError
from parksgis.io import crs as crs_mod
from parksgis.io.geometry_checks import total_bounds
from parksgis.io.offsets import LABELS as OFFSET_LABELS
from parksgis.io.offsets import OFFSETS
from parksgis.io.report import ValidationReport

GEOJSON_SUFFIXES = {".geojson", ".json", ".geo.json"}


def _options(crs, offset):
    if offset is not None and offset not in OFFSETS:
        raise UsageError(f"unknown offset {offset!r}; expected one of {', '.join(OFFSETS)}")
    if crs is None or not isinstance(crs, (str, int)):
        return crs, offset
    return crs_mod.parse_user_crs(str(crs)), offset


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LayerReadError(path, "no such file", "file-not-found") from None
    except IsADirectoryError:
        raise LayerReadError(path, "cannot read: it is a directory, not a layer file",
                             "unreadable") from None
    except PermissionError:
        raise LayerReadError(path, "cannot read: permission denied", "unreadable") from None
    except OSError as exc:
        raise LayerReadError(path, f"cannot read: {exc.strerror or exc}", "unreadable") from None


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise LayerReadError(path, "no such file", "file-not-found")
    if not os.access(path, os.R_OK):
        raise LayerReadError(path, "cannot read: permission denied", "unreadable")


def _is_geojson(path: Path) -> bool:
    name = path.name.lower()
    if any(name.endswith(s) for s in GEOJSON_SUFFIXES):
        return True
    if path.suffix.lower() in _ogr_suffixes() or path.is_dir():
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return True  # let the GeoJSON path produce the read error
    return head[:1] in (b"{", b"[") or not head


def _ogr_suffixes():
    from parksgis.io.ogr import OGR_SUFFIXES

    return OGR_SUFFIXES


def read_layer(path, *, crs=None, offset=None):
    """Read one layer file into ``(GeoDataFrame in EPSG:4326 with a RangeIndex, report)``.

    ``crs`` (pyproj CRS or text such as ``"EPSG:4546"``) says what the coordinates are in when the
    file does not say, or overrides what it says; ``offset`` ("gcj02" or "bd09") removes a
    Chinese web-map offset. Per-feature problems go into the report (bad features are dropped);
    a file that cannot be read at all raises LayerReadError with a stable ``code``.
    """
    path = Path(path)
    crs, offset = _options(crs, offset)
    try:
        return _read(path, crs, offset)
    except RecursionError:
        raise LayerReadError(path, "structure nested too deeply to process",
                             "too-deeply-nested") from None
    except MemoryError:
        raise LayerReadError(path, "not enough memory to read it", "too-large") from None


def _read(path: Path, crs, offset):
    report = ValidationReport(file=str(path))
    if _is_geojson(path):
        from parksgis.io.geojson import read_geojson

        frame = read_geojson(path, lambda: _read_bytes(path), report, crs=crs, offset=offset)
    else:
        from parksgis.io.ogr import read_ogr

        _check_exists(path)
        if path.is_dir() and path.suffix.lower() != ".gdb":
            raise LayerReadError(path, "cannot read: it is a directory, not a layer file",
                                 "unreadable")
        frame = read_ogr(path, report, crs=crs, offset=offset)
    if offset:
        report.crs = f"{report.crs}+{OFFSET_LABELS[offset]}" if report.crs != "EPSG:4326" \
            else OFFSET_LABELS[offset]
    report.problems.sort(key=lambda p: (p.feature is not None, p.feature or 0))
    report.features = len(frame)
    report.bounds = total_bounds(frame.geometry.values.to_numpy())
    return frame, report


def validate_file(path, *, crs=None, offset=None):
    """Like read_layer, but a file that cannot be read gives ``(None, report)`` with ok False."""
    try:
        return read_layer(path, crs=crs, offset=offset)
    except LayerReadError as exc:
        report = ValidationReport(file=str(path), ok=False)
        message = str(exc)
        prefix = f"{exc.path}: "
        report.error(exc.code, message[len(prefix):] if message.startswith(prefix) else message)
        return None, report
    except ParksgisError as exc:
        report = ValidationReport(file=str(path), ok=False)
        report.error("invalid-option", str(exc))
        return None, report
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop a batch; a bug to fix
        report = ValidationReport(file=str(path), ok=False)
        report.error("internal-error", f"parksgis failed reading it ({type(exc).__name__}: "
                                       f"{str(exc).splitlines()[0][:200] if str(exc) else ''}); "
                                       "please report this file")
        return None, report
