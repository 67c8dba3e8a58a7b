"""Imagery layers from files: the raster, its capture date, title and source. No Qt here.

Where a capture date comes from, first found wins:

1. the layers folder's ``parks.json`` ``"imagery"`` entry for the file (``{"file": "imagery/x.tif",
   "capture_date": "2014-03-01", ...}``);
2. a sidecar ``NAME.json`` next to it (``ortho.tif.json``; ``tiles.json`` for a folder ``tiles/``)
   with the same keys;
3. the file's own metadata (TIFF ``DateTime``, ``ACQUISITIONDATETIME``);
4. an ISO date in the file name (``port_2014-03-01.tif``).

Keys: ``capture_date``, ``title_zh``, ``title_en``, ``source`` and ``source_en`` (who made it;
shown in briefings).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from parksgis.io.raster import is_raster_path, validate_raster
from parksgis.io.report import ValidationReport
from parksgis.model.imagery import ImageryLayer

IMAGERY_FOLDER = "imagery"
_DATE_IN_NAME = re.compile(r"(\d{4})[-_]?(\d{2})[-_]?(\d{2})")


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def imagery_paths(folder: Path) -> list[Path]:
    """The rasters directly inside ``folder`` (files and XYZ tile folders), by name."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and is_raster_path(p))


def load_imagery(path, config: dict | None = None, table: str | None = None
                 ) -> tuple[ImageryLayer | None, ValidationReport]:
    """The imagery layer at ``path`` and its report; None (and one error line) when it is bad."""
    path = Path(path)
    reader, report = validate_raster(path, table)
    if reader is None:
        return None, report
    info = dict(_read_sidecar(path, report))
    info.update(config or {})
    day = _capture_date(info.get("capture_date"), report, "capture_date")
    if day is None and "capture_date" not in info:
        day = _capture_date(reader.metadata_date(), None, "") or _date_in_name(path.name)
    name = table or path.stem
    layer = ImageryLayer(name, reader, source=path, capture_date=day,
                         title_zh=str(info.get("title_zh") or name),
                         title_en=str(info.get("title_en") or info.get("title_zh") or name),
                         attribution=str(info.get("source") or ""),
                         attribution_en=str(info.get("source_en") or ""), report=report)
    return layer, report


def _read_sidecar(path: Path, report: ValidationReport) -> dict:
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        report.warning("bad-imagery-sidecar", f"{sidecar.name} cannot be read ({exc}); ignored")
        return {}
    if not isinstance(data, dict):
        report.warning("bad-imagery-sidecar", f"{sidecar.name} must hold a JSON object; ignored")
        return {}
    return data


def _capture_date(text, report: ValidationReport | None, key: str) -> date | None:
    if text is None or text == "":
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        if report is not None:
            report.warning("bad-capture-date", f"{key} {text!r} is not a date (YYYY-MM-DD); "
                                               "shown as undated")
        return None


def _date_in_name(name: str) -> date | None:
    match = _DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def load_imagery_folder(folder: Path, entries: list | None, reports: list[ValidationReport]
                        ) -> list[ImageryLayer]:
    """Every raster of a layers folder's ``imagery/`` subfolder (and any listed in ``entries``,
    the ``parks.json`` ``"imagery"`` list), oldest capture first; bad ones reported and left out."""
    by_path: dict[Path, dict] = {}
    for entry in entries or []:
        file = entry.get("file") if isinstance(entry, dict) else None
        if isinstance(file, str) and not Path(file).is_absolute() and ".." not in Path(file).parts:
            by_path[folder / file] = {k: v for k, v in entry.items() if k != "file"}
    paths = imagery_paths(folder / IMAGERY_FOLDER)
    paths += [p for p in by_path if p not in paths]
    layers = []
    for path in paths:
        layer, report = load_imagery(path, by_path.get(path.resolve()))
        reports.append(report)
        if layer is not None:
            layers.append(layer)
    return sorted(layers, key=lambda l: (l.capture_date is not None, l.capture_date or date.min))
