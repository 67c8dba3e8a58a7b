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
        description="Read each layer file (GeoJSON, GeoPackage, Shapefile, FlatGeobuf) as the "
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


def summary_line(report) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if not report.ok:
        return f"{report.file}: NOT LOADED ({counts})"
    state = "OK" if errors == 0 else "LOADED WITH ERRORS"
    detail = ", ".join(x for x in (report.encoding, report.crs) if x)
    features = f"{report.features} feature{'s' * (report.features != 1)}"
    return f"{report.file}: {state}: {features} ({detail}); {counts}"


def run(args) -> int:
    try:
        return _run(args)
    except BrokenPipeError:  # `parksgis validate ... | head`: the reader left; not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _run(args) -> int:
    import json

    from parksgis.io import crs as crs_mod
    from parksgis.io import validate_file

    _utf8_stdout()
    user_crs = crs_mod.parse_user_crs(args.crs) if args.crs else None  # UsageError -> exit 2
    reports = []
    for name in args.files:
        _, report = validate_file(name, crs=user_crs, offset=args.offset)
        reports.append(report)
        if not args.json:
            for line in report.lines():
                print(line)
            print(summary_line(report), flush=True)
    if args.json:
        print(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=1))
    return 0 if all(r.ok and not r.errors for r in reports) else 1
