"""``parksgis atlas``: one PDF with an overview page and one page per park.

    parksgis atlas SRC -o briefing.pdf [--as-of DATE] [--paper A4|A3 [--landscape]] [--lang zh|en]

Each page of a pack or a database is read as ``parksgis render`` reads it (only what the page
shows, at the detail its scale needs), painted and let go before the next is read, so an atlas
of a million plots holds one page's features at a time. A layers folder is read once, whole.
"""

from __future__ import annotations

import argparse

from parksgis.commands.render import (add_page_options, check_output, import_libraries_before_qt,
                                      open_page, open_register, open_workspace, page_geometry, page_options,
                                      page_pixels, page_renderer, parse_date, read_ahead, source_exists, start_qt,
                                      warn_missing_glyphs, warn_read_errors, without_collections)
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
    return without_collections(_run, args)


def _run(args) -> int:
    out = check_output(args.output, args.src, allowed=(".pdf",))
    as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
    if not source_exists(args.src):
        raise UsageError(f"{args.src}: no such layers folder, layer file or pack")
    size_pt, dpi = page_geometry(args, ".pdf")
    page_px = page_pixels(size_pt, dpi)
    ahead = read_ahead(args.src, page_px)  # the overview's rows of a database
    import_libraries_before_qt(args.src)
    start_qt()
    from parksgis.render import export

    statuses = None
    if as_of:
        store = open_register(args.src)
        try:
            statuses = store.as_of(as_of)
        finally:
            store.close()
    missing: list[str] = []
    export.write_drawn_pages(drawn_pages(args, page_px, ahead, as_of, statuses, missing), out, size_pt, dpi)
    warn_missing_glyphs(missing)  # of what the paint drew
    print(out)
    return 0


def drawn_pages(args, page_px, ahead, as_of, statuses, missing: list[str]):
    """The atlas's pages, each with the renderer drawing it, one at a time: the overview, then
    each park with features. A pack's or a database's page holds only what it shows and is let
    go once painted (the writer asks for the next one then); the characters each drew as boxes
    are added to ``missing``."""
    from parksgis.commands.pack_view import is_parksgis_pack
    from parksgis.render import export
    from parksgis.server import is_database_source

    src = args.src
    shared = None  # a layers folder's renderer: read whole anyway, so once for every page
    if not (is_parksgis_pack(src) or is_database_source(src)):
        shared = page_renderer(open_workspace(src), as_of, statuses)

    def renderer_of(park: str | None):
        if shared is not None:
            return shared
        workspace, reports = open_page(src, park=park, bbox=None, page_px=page_px,
                                       ahead=ahead if park is None else None)
        if park is None:  # the same tables on every page: named once
            warn_read_errors(reports)
        return page_renderer(workspace, as_of, statuses)

    def let_go(renderer) -> None:
        """Free a painted page before the next one is read. A renderer and its workspace refer
        to each other (the workspace's signals call the renderer), and the collector is off
        while the atlas draws (``without_collections``): closing the renderer cuts the cycle, so
        reference counting frees both as the last name goes."""
        if shared is None:
            renderer.close()

    renderer = renderer_of(None)
    label = as_of.isoformat() if as_of else renderer.workspace.meta.get("as_of")
    options = page_options(args, str(label) if label else None)
    # the parks with features, as the old whole read found them: the overview holds each park's
    # features (a band keeps every feature, status cells stand for theirs: pack.lod)
    parks = [p.park_id for p in renderer.workspace.parks
             if not export.park_layers_extent(renderer, [p.park_id]).isEmpty()]
    page = export.overview_page(renderer, options)
    yield page, renderer
    missing += page.missing_glyphs(renderer)
    let_go(renderer)
    page = renderer = None
    for park in parks:
        renderer = renderer_of(park)
        if not export.park_layers_extent(renderer, [park]).isEmpty():  # as the overview found
            page = export.park_page(renderer, park, options)
            yield page, renderer
            missing += page.missing_glyphs(renderer)
        let_go(renderer)
        page = renderer = None
