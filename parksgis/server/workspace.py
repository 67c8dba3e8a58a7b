"""A database as a :class:`~parksgis.model.Workspace`: its parks, layer tables and register, read
the way a layers folder is read, so the window, render, atlas and pack build treat it alike."""

from __future__ import annotations

import json

from parksgis.io.report import ValidationReport
from parksgis.model.layer import Layer, LayerKind
from parksgis.model.workspace import Park, Workspace
from parksgis.server import connection, layers
from parksgis.server.register import ServerRegister


def load_database_workspace(src: str, *, view=None) -> tuple[Workspace, list[ValidationReport]]:
    """The workspace stored in database ``src`` and one report per layer table read.

    ``view(extents)``, given the tables' :class:`~parksgis.server.layers.TableExtents`, returns
    the WGS84 box a page or window will show: each layer then holds only the features meeting it
    (found through the GiST indexes); None reads everything.

    ``meta["source"]`` is ``src`` without any password (the app opens the register from it and
    may remember it; libpq finds the password in ~/.pgpass, the service file or PGPASSWORD)."""
    import psycopg

    with ServerRegister.open(src, readonly=True) as register:
        try:
            row = register._conn.execute("SELECT value FROM parksgis.meta WHERE key = 'workspace'").fetchone()
            box = None if view is None else view(layers.TableExtents(register._conn))
            stored = layers.read_layers(register._conn, bbox=box)
        except psycopg.Error as exc:
            raise connection.statement_error(register.label, exc, "reading the layers") from None
        projects, scheme = register.projects(), register.scheme()
        label = register.label
    meta = json.loads(row[0]) if row else {}
    parks = [Park(p["park_id"], p["name_zh"], p["name_en"]) for p in meta.pop("parks_order", [])]
    by_id = {p.park_id: p for p in parks}
    shared, reports = [], []
    for item in stored:
        report = ValidationReport(f"{label} {item['table']}", features=len(item["frame"]))
        reports.append(report)
        layer = Layer(item["name"], item["frame"], LayerKind(item["kind"]), item["park_id"], source=None,
                      report=report, title_zh=item["title_zh"], title_en=item["title_en"])
        park = by_id.get(item["park_id"])
        if park is None and item["park_id"]:  # a layer of a park the description lacks
            park = by_id[item["park_id"]] = Park(item["park_id"], item["park_id"], item["park_id"])
            parks.append(park)
        (park.layers if park is not None else shared).append(layer)
    kpis = meta.pop("kpis", {}) or {}
    meta.update({"source": label, "register": label, "database": True})
    return Workspace(parks, shared, projects, scheme, kpis=kpis, meta=meta), reports
