"""A database as a :class:`~parksgis.model.Workspace`: its parks, layer tables and register, read
the way a layers folder is read, so the window, render, atlas and pack build treat it alike."""

from __future__ import annotations

import json

from parksgis.io.report import ValidationReport
from parksgis.model.layer import Layer, LayerKind
from parksgis.model.view_source import LayerView
from parksgis.model.workspace import Park, Workspace
from parksgis.server import connection, layers
from parksgis.server.register import ServerRegister


def load_database_workspace(src: str, *, view=None, view_layers: bool = False, page=None,
                            ahead: layers.RowsAhead | None = None,
                            as_columns: bool = False) -> tuple[Workspace, list[ValidationReport]]:
    """The workspace stored in database ``src`` and one report per layer table read.

    ``view(extents)``, given the tables' :class:`~parksgis.server.layers.TableExtents`, returns
    the WGS84 box a page will show: each layer then holds only the features meeting it (found
    through the GiST indexes); None reads everything. ``page(extents)``: the page's box and
    scale ``(box, metres per pixel)`` (or None): a table with level-of-detail bands at that scale
    (``server.bands``) lying within the box is read from them (:func:`banded_frames`). ``view_layers`` (the window): big tables
    (:func:`~parksgis.pack.view_source.viewport_driven`) are not read; they
    get an empty frame and a ``layer.view`` on a :class:`~parksgis.server.view_source.DatabaseViewSource`
    (the window fills them per view, as a pack's). ``ahead``: whole tables already being read.
    ``as_columns`` (a page): layers read whole hold their features as
    :class:`~parksgis.model.feature_columns.FeatureColumns`, drawn without importing pandas.

    ``meta["source"]`` is ``src`` without any password (the app opens the register from it and
    may remember it; libpq finds the password in ~/.pgpass, the service file or PGPASSWORD)."""
    import psycopg

    with ServerRegister.open(src, readonly=True) as register:
        try:
            row = register._conn.execute("SELECT value FROM parksgis.meta WHERE key = 'workspace'").fetchone()
            extents = layers.TableExtents(register._conn)
            if ahead is not None:
                extents.known.update(ahead.extents())
            box = None if view is None else view(extents)
            big = _big_tables(register._conn) if view_layers else {}
            banded = {} if page is None else banded_frames(src, register._conn, extents, page(extents), ahead,
                                                           as_columns)
            stored = layers.read_layers(register._conn, bbox=box, skip=set(big) | set(banded), ahead=ahead,
                                        as_columns=as_columns)
            broken = layers.broken_tables(register._conn)
        except psycopg.Error as exc:
            raise connection.statement_error(register.label, exc, "reading the layers") from None
        projects, scheme = register.projects(ahead.projects() if ahead is not None else None), register.scheme()
        label = register.label
    meta = json.loads(row[0]) if row else {}
    parks = [Park(p["park_id"], p["name_zh"], p["name_en"]) for p in meta.pop("parks_order", [])]
    by_id = {p.park_id: p for p in parks}
    source = None
    if big:
        from parksgis.server.view_source import DatabaseViewSource

        source = DatabaseViewSource(src, {item["table"]: item["columns"] for item in stored})
    shared, reports = [], []
    for item in stored:
        table, layer_view = item["table"], None
        vertices = cells = None
        if table in banded:
            item["frame"], vertices, cells = banded[table]
        if table in big:
            layer_view = LayerView(source, table, big[table], source.extent(table))
            item["frame"] = source.by_ids(table, [])  # filled per view by the window
        report = ValidationReport(f"{label} {table}", features=big.get(table, len(item["frame"])))
        reports.append(report)
        layer = Layer(item["name"], item["frame"], LayerKind(item["kind"]), item["park_id"], source=None,
                      report=report, title_zh=item["title_zh"], title_en=item["title_en"])
        layer.view, layer.frame_vertices, layer.cell_features = layer_view, vertices, cells
        park = by_id.get(item["park_id"])
        if park is None and item["park_id"]:  # a layer of a park the description lacks
            park = by_id[item["park_id"]] = Park(item["park_id"], item["park_id"], item["park_id"])
            parks.append(park)
        (park.layers if park is not None else shared).append(layer)
    for table, problem in broken:  # the other layers are drawn; this one is named, as a file that cannot be read
        report = ValidationReport(f"{label} {table}", ok=False)
        report.error("missing_table" if problem == layers.MISSING_TABLE else "altered_table", problem)
        reports.append(report)
    kpis = meta.pop("kpis", {}) or {}
    meta.update({"source": label, "register": label, "database": True})
    return Workspace(parks, shared, projects, scheme, kpis=kpis, meta=meta), reports


def _big_tables(conn) -> dict[str, int]:
    """The layer tables the window reads per view (as big as a pack's viewport-driven layers), with
    their sizes."""
    from parksgis.pack import view_source as pack_views

    counts = {item["table"]: layers.feature_count(conn, item["table"]) for item in layers.catalogue(conn)}
    types = dict(conn.execute("SELECT f_table_name, type FROM geometry_columns WHERE f_table_schema = 'parksgis'"))
    return {table: n for table, n in counts.items() if pack_views.viewport_driven(n, types.get(table))}


def banded_frames(src: str, conn, extents: layers.TableExtents, page, ahead: layers.RowsAhead | None = None,
                  as_columns: bool = False) -> dict:
    """``{table: (frame, vertices, cells)}`` of the layer tables a page at ``page`` (``(box, metres
    per pixel)``) draws from their bands (``bands.page_band``), as ``render PACK`` draws a pack's:
    each read as the window reads it (whole tiles, one query each, or all at once by ``ahead``),
    holding every feature with its properties, with the dtypes a whole read gives, and the
    vertices of its shapes (``Layer.frame_vertices``). A table the page draws from its status
    cells holds the cells (indexed by their features' ids, as a pack's page) and ``cells`` what
    they stand for (``Layer.cell_features``: the page counts their features; None for the
    others). Read whole instead: a table with rows the bands lack (no geometry), and one drawn
    from status cells whose counts are not stored (built before schema version 5)."""
    from parksgis.model.feature_columns import FeatureColumns
    from parksgis.pack.view_reader import PackFacts
    from parksgis.server import bands
    from parksgis.server.view_source import DatabaseViewReader

    banded = layers.banded_tables(conn) if page is not None else set()
    items = layers.catalogue(conn) if banded else []
    chosen = {item["table"]: band for item in items
              if (band := bands.page_band(page, item, extents, banded)) is not None}
    if not chosen:
        return {}
    catalogue = {item["table"]: item["columns"] for item in items}
    facts = PackFacts()
    facts.extents = extents.known
    if ahead is not None:
        facts.counts.update(ahead.counts())
    reader = DatabaseViewReader(src, catalogue, facts)
    out = {}
    try:
        for table, band in chosen.items():
            for key in (band, bands.DENSITY_BAND) if ahead is not None else ():
                tiles = ahead.tiles(table, key)
                if tiles is not None:
                    reader.tiles_ahead[table, key] = tiles
            cells = None
            if reader.drawn_from_cells(table, page[0], page[1]):
                cells = reader.run(lambda: bands.cell_features_of(reader.conn, table))
                if cells is None:
                    continue
            frame, vertices = reader.frame_and_vertices(table, page[0], page[1], cut=False, shapes=False,
                                                        as_columns=as_columns and cells is None)
            if cells is not None and cells.features == reader.count(table):
                out[table] = layers.with_types(frame, catalogue[table]), vertices, cells
            elif cells is None and len(frame) == reader.count(table) and isinstance(frame, FeatureColumns):
                # typed as the catalogue says, numbered 0..n-1 as a whole read (fids left behind)
                out[table] = layers.typed_columns([frame[c[0]].values for c in catalogue[table]], catalogue[table],
                                                  frame.geometry.values), vertices, None
            elif cells is None and len(frame) == reader.count(table):
                out[table] = layers.with_types(frame.reset_index(drop=True), catalogue[table]), vertices, None
    finally:
        reader.close()
    return out
