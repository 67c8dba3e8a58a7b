"""``parksgis atlas``: one PDF with an overview page and one page per park.

    parksgis atlas SRC -o briefing.pdf [--as-of DATE] [--paper A4|A3 [--landscape]] [--lang zh|en]
"""

from __future__ import annotations

import argparse

from parksgis.commands.render import (add_page_options, check_output, import_libraries_before_qt,
                                      open_register, open_workspace, page_geometry, page_options, parse_date,
                                      source_exists, start_qt, warn_missing_glyphs)
from parksgis.errors import UsageError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "atlas", help="a briefing PDF: overview page + one page per park",
        description="One PDF: an overview of all parks, then one page per park.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("src", metavar="SRC", help="layers folder or pack .gpkg")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    add_page_options(parser)
    parser.set_defaults(run=run, title=None, quick_exit=True)


def run(args) -> int:
    out = check_output(args.output, args.src, allowed=(".pdf",))
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    if not source_exists(args.src):
        raise UsageError(f"{args.src}: no such layers folder, layer file or pack")
    import_libraries_before_qt(args.src)
    size_pt, dpi = page_geometry(args, ".pdf")
    start_qt()
    from parksgis.render import export
    from parksgis.render.map_renderer import MapRenderer

    workspace = open_workspace(args.src)
    renderer = MapRenderer(workspace, workspace.meta.get("display_crs") or "EPSG:4546")
    if as_of:
        store = open_register(args.src)
        try:
            renderer.set_status_of(store.as_of(as_of))
            renderer.imagery_day = as_of  # the latest imagery flown on or before that day
        finally:
            store.close()
    label = as_of.isoformat() if as_of else workspace.meta.get("as_of")
    options = page_options(args, str(label) if label else None)
    pages = [export.overview_page(renderer, options)]
    for park in workspace.parks:
        if not export.park_layers_extent(renderer, [park.park_id]).isEmpty():
            pages.append(export.park_page(renderer, park.park_id, options))
    export.write_pages(pages, renderer, out, size_pt, dpi)
    warn_missing_glyphs(pages, renderer)  # of what the paint drew
    print(out)
    return 0
