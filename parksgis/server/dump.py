"""``db dump``: the database's layers and register written back as a layers folder.

The folder is what ``db load`` reads: ``parks.json``, one GeoJSON file per layer at the path it
was loaded from, and ``register.sqlite`` holding the projects, the status scheme and the whole
history with its ids, so ``db load`` then ``db dump`` gives back the source, register included.
It is written under a temporary name beside the target and renamed into place: a dump that fails
part-way leaves no half folder.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from parksgis.errors import UsageError
from parksgis.model.project import PROJECT_FIELDS
from parksgis.server import connection, layers
from parksgis.server.errors import ServerError
from parksgis.server.register import ServerRegister
from parksgis.store.values import to_db


def dump_database(src: str, out) -> dict:
    """Write the database ``src`` to the folder ``out``; counts of what was written."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"{out}: already exists and is not an empty folder; dump into a new folder")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{out}: the folder {parent} does not exist")
    with ServerRegister.open(src, readonly=True) as register:
        import psycopg

        try:
            meta_row = register._conn.execute(
                "SELECT value FROM parksgis.meta WHERE key = 'workspace'").fetchone()
            found = layers.read_layers(register._conn)
            broken = layers.broken_tables(register._conn)
        except psycopg.Error as exc:
            raise connection.statement_error(register.path, exc, "reading the layers") from None
        if broken:  # a dump is the database as a folder: without a layer it would not be
            table, problem = broken[0]
            raise ServerError(register.path, f"parksgis.{table}: {problem}; nothing was written")
        meta = json.loads(meta_row[0]) if meta_row else {}
        scheme, projects, history = register.scheme(), register.projects(), register.history()
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=parent))
    try:
        (tmp / "parks.json").write_text(json.dumps(parks_manifest(meta), ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
        for item in found:
            _write_layer(tmp / _geojson_path(item["file"]), item["frame"])
        _write_register(tmp / "register.sqlite", scheme, projects, history)
        if out.exists():
            out.rmdir()
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return {"layers": len(found), "features": sum(len(i["frame"]) for i in found),
            "projects": len(projects), "history": len(history)}


def parks_manifest(meta: dict) -> dict:
    """The ``parks.json`` of a stored workspace description (see :func:`load._store_meta`)."""
    parks_info = meta.get("parks") or {}
    parks = []
    for park in meta.get("parks_order", []):
        info = {"park_id": park["park_id"], **parks_info.get(park["park_id"], {})}
        info.setdefault("name_zh", park["name_zh"])
        info.setdefault("name_en", park["name_en"])
        info.setdefault("folder", park["park_id"])
        parks.append(info)
    manifest = {"format": meta.get("format", "parksgis-layers"), "version": meta.get("version", 1)}
    for key, name in (("as_of", "as_of"), ("source_info", "source"), ("data_note", "data_note"),
                      ("display_crs", "display_crs")):
        if key in meta:
            manifest[name] = meta[key]
    manifest["parks"] = parks
    if meta.get("kpis"):
        manifest["kpis"] = meta["kpis"]
    return manifest


def _geojson_path(file: str) -> str:
    stem, _, _ = file.rpartition(".")
    return f"{stem or file}.geojson"


def _write_layer(path: Path, frame) -> None:
    import pyogrio

    path.parent.mkdir(parents=True, exist_ok=True)
    pyogrio.write_dataframe(frame, path, driver="GeoJSON", layer_options={"RFC7946": "NO",
                                                                            "WRITE_NAME": "NO"})


def _write_register(path: Path, scheme, projects, history) -> None:
    from parksgis.store.register import RegisterStore

    RegisterStore.create(path, [], scheme).close()  # schema, meta and scheme, no seed rows
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN")
        db.executemany(f"INSERT INTO parksgis_projects ({', '.join(PROJECT_FIELDS)}) VALUES "
                       f"({', '.join('?' * len(PROJECT_FIELDS))})",
                       [[to_db(f, getattr(p, f)) for f in PROJECT_FIELDS] for p in projects.values()])
        db.executemany("INSERT INTO parksgis_history (id, edit_id, project_id, changed_at, field, old, new, "
                       "author, source, reverts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", history)
        db.execute("COMMIT")
    finally:
        db.close()
