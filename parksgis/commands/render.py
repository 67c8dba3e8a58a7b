"""``parksgis render``: a briefing page (PNG, PDF or SVG) of a park, a bbox or all parks, headless.

    parksgis render SRC -o OUT.png|pdf|svg [--park ID | --bbox W,S,E,N] [--as-of DATE]
                    [--size WxH | --paper A4|A3 [--landscape]] [--dpi N] [--title TEXT]
                    [--lang zh|en] [--compare DATE1 DATE2] [--generated DATE]

Never builds the main window; with no display Qt runs offscreen. Exit codes: 0 ok, 1 the data
could not be drawn or written, 2 bad options.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from datetime import date
from pathlib import Path

from parksgis.errors import UsageError

OUTPUT_SUFFIXES = (".png", ".pdf", ".svg")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "render", help="write a briefing page (PNG/PDF/SVG) of a park, a bbox or all parks",
        description="A briefing page: title, map, legend of statuses, scale bar, north arrow, KPIs "
                    "and data note. Headless: no window is opened.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("src", metavar="SRC", help="layers folder, layer file or pack .gpkg")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.png, OUT.pdf or OUT.svg")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--park", metavar="ID", help="one park (default: all parks)")
    where.add_argument("--bbox", metavar="W,S,E,N", help="WGS84 lon/lat box")
    add_page_options(parser)
    parser.add_argument("--title", help="page title (default: park name + 建设进展)")
    parser.add_argument("--compare", nargs=2, metavar=("DATE1", "DATE2"),
                        help="two maps side by side, statuses at DATE1 and DATE2, changes marked")
    parser.set_defaults(run=run, quick_exit=True)


def add_page_options(parser) -> None:
    """Options shared with ``parksgis atlas``."""
    parser.add_argument("--as-of", metavar="DATE", help="statuses as of DATE (YYYY-MM-DD; needs a register)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--size", metavar="WxH", help="page size in pixels at --dpi, e.g. 1920x1080")
    size.add_argument("--paper", type=str.upper, choices=("A4", "A3"), help="paper size (default A4 landscape)")
    parser.add_argument("--landscape", action="store_true", help="landscape paper (with --paper)")
    parser.add_argument("--dpi", type=int, default=None, help="dots per inch (default 150; PDF 300)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="page language (default zh)")
    parser.add_argument("--generated", metavar="DATE",
                        help="date printed as generated (default: SOURCE_DATE_EPOCH, else today)")


# -- argument checks (no Qt needed) -------------------------------------------------------------
def parse_date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: {text!r} is not a date (YYYY-MM-DD)") from None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    parts = text.split(",")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise UsageError(f"--bbox: {text!r} is not W,S,E,N (four numbers, lon/lat degrees)") from None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise UsageError(f"--bbox: {text!r} needs -180 <= W < E <= 180 and -90 <= S < N <= 90 (lon/lat degrees)")
    return w, s, e, n


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size: {text!r} is not WIDTHxHEIGHT in pixels, e.g. 1920x1080") from None
    if not (100 <= w <= 20000 and 100 <= h <= 20000):
        raise UsageError(f"--size: {text!r}: each side must be 100 to 20000 pixels")
    return w, h


def check_output(path: str, src: str, allowed=OUTPUT_SUFFIXES) -> Path:
    from parksgis.commands.paths import safe_output

    out = Path(path)
    if out.suffix.lower() not in allowed:
        raise UsageError(f"-o {path}: the file must end in {', '.join(allowed)}")
    return safe_output(path, src)


def page_geometry(args, fmt: str) -> tuple[tuple[float, float], float]:
    """(page size in points, dpi) from --size/--paper/--landscape/--dpi."""
    from parksgis.render.paper import check_page_size, page_size_pt

    dpi = args.dpi if args.dpi is not None else (300 if fmt == ".pdf" else 150)
    if not 30 <= dpi <= 1200:
        raise UsageError(f"--dpi: {dpi} is outside 30..1200")
    if args.size:
        size_pt = page_size_pt(size_px=parse_size(args.size), dpi=dpi)
        try:
            check_page_size(size_pt, dpi)
        except UsageError as exc:
            raise UsageError(f"--size {args.size}: {exc}") from None
        return size_pt, dpi
    if args.paper:
        return page_size_pt(args.paper, landscape=args.landscape), dpi
    return page_size_pt("A4", landscape=True), dpi


def page_pixels(size_pt: tuple[float, float], dpi: float) -> tuple[int, int]:
    """A page's size in pixels: what a page of a pack or a database is read for."""
    return round(size_pt[0] / 72 * dpi), round(size_pt[1] / 72 * dpi)


def read_ahead(src: str, page_px: tuple[int, int]):
    """For a database page of every park ``page_px`` pixels wide and high: what it draws, being
    read while the libraries are imported (:class:`~parksgis.server.layers.RowsAhead`); None for
    other sources."""
    from parksgis.server import is_database_source

    if not is_database_source(src):
        return None
    # all the thread needs, imported here before it starts, so the two never import at once: psycopg
    # and small modules of ours; numpy, pandas and Qt are imported while it reads (0.5-0.7 s)
    import psycopg  # noqa: F401

    from parksgis.commands.pack_view import database_page
    from parksgis.model import view_source  # noqa: F401 - database_page's
    from parksgis.server import bands, schema  # noqa: F401
    from parksgis.server.layers import RowsAhead

    return RowsAhead(src, page=lambda extents: database_page(extents, None, None, page_px))


# -- shared with atlas --------------------------------------------------------------------------
def import_libraries_before_qt(src: str, page: bool = False) -> None:
    """Import the libraries a page (or the window: ``gui``) reads and draws with before any Qt
    module. PySide6 reads the source of every module imported after it (looking for its
    ``__feature__`` switches): for pandas, geopandas, pyproj and psycopg that was ~0.15 s of every
    ``render`` at 100k plots, ~0.08 s of the window's start. ``page``: for ``render``, whose page
    of a database needs no pandas (its layers are read as columns, ``model.feature_columns``:
    pandas and geopandas are ~0.3 s of CPU to import)."""
    import numpy  # noqa: F401
    import pyproj  # noqa: F401
    import shapely  # noqa: F401

    from parksgis.server import is_database_source

    database = is_database_source(src)
    if database:
        import psycopg  # noqa: F401
    if not (page and database):  # folders, packs and the window hold GeoDataFrames
        import geopandas  # noqa: F401 - imports pandas


def start_qt():
    """A QGuiApplication for headless drawing (offscreen when there is no display)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    plain_source_check()
    return QGuiApplication.instance() or QGuiApplication(["parksgis"])


def plain_source_check() -> None:
    """Have PySide6 look for "PySide6" in each module imported after it by reading the module's
    file, not through ``inspect.getsource`` and ``linecache`` (decoded, split into lines and kept:
    20-50 ms of a ``render``'s ~40 later imports, and their text held for nothing). The same
    answer; PySide6's own check for anything but a plain ``.py`` file, or when its hook (a private
    name, ``shibokensupport.feature._mod_uses_pyside``) is not there."""
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "plain_source_check", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return upstream(module)
        try:
            with open(path, "rb") as handle:
                return b"PySide6" in handle.read()
        except OSError:
            return upstream(module)

    uses_pyside.plain_source_check = True
    feature._mod_uses_pyside = uses_pyside


def source_exists(src: str) -> bool:
    """Whether SRC names something to open: an existing path, or a database (checked on opening)."""
    from parksgis.server import is_database_source

    return is_database_source(src) or Path(src).exists()


def open_workspace(src: str):
    """The workspace of SRC: a layers folder, a layer file, a pack or a database."""
    from parksgis.server import is_database_source

    if is_database_source(src):
        from parksgis.server.workspace import load_database_workspace

        workspace, reports = load_database_workspace(src)
        warn_read_errors(reports)  # a layer table dropped by hand
        return workspace
    from parksgis.app.workspace import load_workspace

    workspace, reports = load_workspace(src)
    register = [p.message.split("; using ")[0] for r in reports for p in r.errors
                if p.code == "bad-register"]
    if register:  # never draw last month's statuses from projects.csv as if they were today's
        from parksgis.errors import ParksgisError

        raise ParksgisError(f"{register[0]}; nothing drawn (projects.csv alone would show out-of-date "
                            "statuses)")
    warn_read_errors(reports)
    return workspace


#: read errors named one line each before the rest are counted
READ_ERRORS_SHOWN = 10


def warn_read_errors(reports) -> None:
    """One line per read error (file, feature, problem): what the page leaves out, a dropped
    feature or a whole file; warnings stay with `parksgis validate`."""
    lines = [line for r in reports for line in r.error_lines()]
    for line in lines[:READ_ERRORS_SHOWN]:
        print(f"parksgis: warning: {line}", file=sys.stderr)
    if len(lines) > READ_ERRORS_SHOWN:
        print(f"parksgis: warning: {len(lines) - READ_ERRORS_SHOWN} more errors; `parksgis validate FILE` "
              "lists every problem of a layer file", file=sys.stderr)


def open_register(src: str):
    """The register of SRC for --as-of/--compare, read-only: a folder's register.sqlite, else one
    built in memory from its projects.csv and history.csv; or the register inside a pack."""
    from parksgis.server import is_database_source
    from parksgis.store.recorded_history import HISTORY_FILE
    from parksgis.store.register import REGISTER_FILE, RegisterStore, register_file

    if is_database_source(src):
        from parksgis.server.register import ServerRegister

        return ServerRegister.open(src, readonly=True)
    path = Path(src)
    if path.is_dir() and (register_file(path).is_file() or (path / HISTORY_FILE).is_file()):
        return RegisterStore.for_folder(path, readonly=True)  # never writes into the folder
    if path.is_file() and path.suffix.lower() in (".sqlite", ".gpkg"):
        return RegisterStore.open(path, readonly=True)
    raise UsageError(f"{src}: --as-of/--compare need the status history: {REGISTER_FILE} or "
                     f"{HISTORY_FILE} in the layers folder, or a pack .gpkg (the app and "
                     "`parksgis status import` record it)")


def warn_missing_glyphs(missing) -> None:
    """Name on stderr the characters (``page.missing_glyphs``) the painted pages drew as boxes
    (the file is written)."""
    missing = list(dict.fromkeys(missing))
    if missing:
        listed = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing)
        print(f"parksgis: warning: the bundled font has no glyph for {listed}; drawn as boxes",
              file=sys.stderr)


def open_page(src: str, *, park: str | None, bbox, page_px: tuple[int, int], ahead=None):
    """The workspace a page of SRC draws (one park, a bbox or every park, ``page_px`` pixels):
    of a pack or a database only what the page shows (``commands.pack_view``), of a layers
    folder or file all of it; and the reports of the database's tables (warnings to show)."""
    from parksgis.commands.pack_view import is_parksgis_pack, open_database_view, open_pack_view
    from parksgis.server import is_database_source

    if is_parksgis_pack(src):  # read only what the page shows
        return open_pack_view(src, park=park, bbox=bbox, page_px=page_px), []
    if is_database_source(src):
        return open_database_view(src, park=park, bbox=bbox, page_px=page_px, ahead=ahead)
    return open_workspace(src), []


def page_renderer(workspace, as_of: date | None = None, statuses: dict | None = None):
    """A renderer of ``workspace``, colouring by ``statuses`` (the register as of ``as_of``) and
    drawing the imagery of that day when given."""
    from parksgis.render.map_renderer import MapRenderer

    renderer = MapRenderer(workspace, workspace.meta.get("display_crs") or "EPSG:4546")
    if as_of is not None:
        renderer.set_status_of(statuses)
        renderer.imagery_day = as_of  # the latest imagery flown on or before that day
    return renderer


def page_options(args, as_of_label: str | None):
    from parksgis.render.export import PageOptions, generated_date

    generated = generated_date(parse_date(args.generated, "--generated").isoformat() if args.generated else None)
    return PageOptions(lang=args.lang, title=getattr(args, "title", None), as_of=as_of_label, generated=generated)


def run(args) -> int:
    return without_collections(_run, args)


def without_collections(body, args) -> int:
    """``body(args)`` with the cyclic garbage collector off (``render`` and ``atlas``)."""
    # No garbage collector while drawing: the run makes few reference cycles, and collections
    # walking 100k+ live objects cost ~0.14 s of a 2.9 s render at 100k plots. Nor one when it
    # is turned back on, walking all the run allocated (age_without_scanning).
    from parksgis.gc_pause import age_without_scanning

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return body(args)
    finally:
        if was_enabled:
            age_without_scanning()
            gc.enable()


def _run(args) -> int:
    out = check_output(args.output, args.src)
    bbox = parse_bbox(args.bbox) if args.bbox else None
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    compare = [parse_date(d, "--compare") for d in args.compare] if args.compare else None
    if as_of and compare:
        raise UsageError("--as-of and --compare cannot be used together")
    if not source_exists(args.src):
        raise UsageError(f"{args.src}: no such layers folder, layer file or pack")
    if args.park is not None and not args.park.strip():
        raise UsageError("--park: an empty park id; name a park, or leave --park out for all parks")
    size_pt, dpi = page_geometry(args, out.suffix.lower())
    page_px = page_pixels(size_pt, dpi)
    ahead = read_ahead(args.src, page_px) if args.park is None and bbox is None else None
    import_libraries_before_qt(args.src, page=True)
    start_qt()
    from parksgis.render import export

    workspace, reports = open_page(args.src, park=args.park, bbox=bbox, page_px=page_px, ahead=ahead)
    warn_read_errors(reports)
    store = open_register(args.src) if (as_of or compare) else None
    try:
        renderer = page_renderer(workspace, as_of, store.as_of(as_of) if as_of else None)
        label = as_of.isoformat() if as_of else workspace.meta.get("as_of")
        options = page_options(args, str(label) if label else None)
        if args.park is not None:
            page = export.park_page(renderer, args.park, options)
        else:
            page = export.overview_page(renderer, options, bbox=bbox)
        if compare:
            d1, d2 = compare
            page = export.compare_page(renderer, page, (d1.isoformat(), store.as_of(d1)),
                                       (d2.isoformat(), store.as_of(d2)), store.compare(d1, d2), options)
    finally:
        if store is not None:
            store.close()
    export.write_pages([page], renderer, out, size_pt, dpi)
    warn_missing_glyphs(page.missing_glyphs(renderer))  # of what the paint drew
    print(out)
    return 0
