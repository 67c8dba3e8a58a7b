"""``parksgis validate FILE... [--json] [--crs CRS] [--from gcj02|bd09]``.

Prints one line per problem, ``FILE: feature N: LEVEL CODE: message`` (file-level problems
without ``feature N: ``), then a summary line per file. Exit 0 when every file loads with no
errors (warnings allowed), 1 when any file cannot be loaded or has errors, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "validate", help="check layer files and report every problem",
        description="Read each layer file (GeoJSON, GeoPackage, Shapefile, FlatGeobuf) or raster "
                    "(GeoTIFF, MBTiles, XYZ tile folder) as the "
                    "viewer would and report every problem: one line per problem, "
                    "'FILE: feature N: LEVEL CODE: message', then a summary per file. "
                    "Exit 0 when every file loads without errors (warnings allowed), 1 when "
                    "any file cannot be loaded or has errors, 2 for usage errors.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="layer files to check")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON list, one object per file, instead of lines")
    parser.add_argument("--crs", metavar="CRS",
                        help="CRS of the coordinates when a file does not say (or to override "
                             "it), e.g. EPSG:4546 for CGCS2000 3-degree GK CM 111E")
    parser.add_argument("--from", dest="offset", choices=["gcj02", "bd09"],
                        help="the coordinates carry a Chinese web-map offset (GCJ-02 or BD-09); "
                             "convert them to WGS84")
    parser.set_defaults(run=run)
    return parser


def _utf8_stdout() -> None:
    """Chinese names must print right whatever the locale (Windows consoles, LANG=C)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def summary_line(report, frame=None) -> str:
    """``FILE: OK: 3 features (utf-8, EPSG:4326); 0 errors, 1 warning`` and variants."""
    counts = f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')}"
    if not report.ok:
        return f"{report.file}: NOT LOADED ({counts})"
    state = "OK" if not report.errors else "LOADED WITH ERRORS"
    loaded = [_plural(report.features, "feature")]
    dropped = len({p.feature for p in report.errors if p.feature is not None})
    if dropped:
        loaded.append(f"{dropped} dropped")
    if frame is not None and len(frame):
        attribute_only = int(frame.geometry.isna().sum())
        if attribute_only:
            loaded.append(f"{attribute_only} without geometry")
    detail = ", ".join(x for x in (report.encoding, report.crs) if x)
    return f"{report.file}: {state}: {', '.join(loaded)} ({detail}); {counts}"


def raster_summary_line(report, imagery) -> str:
    """``FILE: OK: raster 400x300, captured 2014-03-01 (EPSG:4546); 0 errors, 0 warnings``."""
    counts = f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')}"
    if imagery is None:
        return f"{report.file}: NOT LOADED ({counts})"
    reader = imagery.reader
    size = f"{reader.width}x{reader.height}" if hasattr(reader, "width") else f"zooms {reader.zooms[0]}-{reader.zooms[-1]}"
    day = f", captured {imagery.capture_date.isoformat()}" if imagery.capture_date else ", undated"
    return f"{report.file}: OK: {reader.kind} {size}{day} ({report.crs}); {counts}"


def run(args) -> int:  # `parksgis validate ... | head`: the closed pipe is parksgis.cli's to handle
    import json

    from parksgis.io import crs as crs_mod
    from parksgis.io import validate_file
    from parksgis.io.imagery import load_imagery
    from parksgis.io.raster import is_raster_path

    _utf8_stdout()
    user_crs = crs_mod.parse_user_crs(args.crs) if args.crs else None  # UsageError -> exit 2
    reports = []
    for name in args.files:
        if is_raster_path(name):
            imagery, report = load_imagery(name)
            summary = raster_summary_line(report, imagery)
        else:
            frame, report = validate_file(name, crs=user_crs, offset=args.offset)
            summary = summary_line(report, frame)
        reports.append(report)
        if not args.json:
            for line in report.lines():
                print(line)
            print(summary, flush=True)
    if args.json:
        print(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=1))
    return 0 if all(r.ok and not r.errors for r in reports) else 1
