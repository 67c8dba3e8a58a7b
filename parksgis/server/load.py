"""``db init`` and ``db load``: create the parksgis schema, and copy a layers folder or a pack into it.

A load is one transaction: layers, projects and history commit together or not at all (a server
killed part-way leaves the database as it was). It is idempotent: a layer whose content is already
on the server is left alone, projects already on the server are kept as they are (the server is
the authoritative register; field changes come back through ``pack merge``), and a project's
history comes along only with the project itself. Loading the same source twice changes nothing.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

from parksgis.model.project import PROJECT_FIELDS, Project
from parksgis.server import bands, connection, layers, schema
from parksgis.server.errors import ServerError, ServerSchemaVersionError
from parksgis.store.changes import check_change
from parksgis.store.errors import ChangeError
from parksgis.store.values import to_db, to_text


def init_database(src: str) -> str:
    """Create (or migrate) the parksgis schema in ``src``; a line saying what was done."""
    import psycopg

    shown = connection.display(src)
    with connection.connect(src) as conn:
        try:
            with conn.transaction():
                _ensure_postgis(conn, shown)
                found = _schema_version(conn)
                if found > schema.SCHEMA_VERSION:
                    raise ServerSchemaVersionError(shown, found, schema.SCHEMA_VERSION)
                for ddl in schema.role_ddl():
                    conn.execute(ddl)
                if found == 0:
                    for ddl in schema.DDL_V1:
                        conn.execute(ddl)
                    conn.execute("INSERT INTO parksgis.meta VALUES ('schema_version', '1')")
                    from parksgis.model.status import DEFAULT_SCHEME

                    _insert_scheme(conn, DEFAULT_SCHEME)
                _migrate(conn, max(found, 1))
                if 0 < found < schema.CELL_FEATURES_SINCE:  # of before the bands or cells' counts: built now
                    with conn.cursor() as cur:
                        bands.build_missing(cur)
                if found == 0:
                    done = f"created schema parksgis (version {schema.SCHEMA_VERSION})"
                elif found < schema.SCHEMA_VERSION:
                    done = f"migrated schema parksgis from version {found} to {schema.SCHEMA_VERSION}"
                else:
                    done = f"schema parksgis is already at version {found}; nothing to do"
                for ddl in schema.privilege_ddl():
                    conn.execute(ddl)
        except psycopg.Error as exc:
            raise connection.statement_error(shown, exc, "creating the parksgis schema") from None
    return f"{shown}: {done}"


def _migrate(conn, found: int) -> None:
    """Bring the schema from version ``found`` to the current one (the caller's transaction)."""
    for version in range(found, schema.SCHEMA_VERSION):
        for ddl in schema.MIGRATIONS[version]:
            conn.execute(ddl)
    conn.execute("UPDATE parksgis.meta SET value = %s WHERE key = 'schema_version'",
                 (str(schema.SCHEMA_VERSION),))


def _ensure_postgis(conn, shown: str) -> None:
    import psycopg

    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
        return
    try:
        with conn.transaction():
            conn.execute("CREATE EXTENSION postgis")
    except psycopg.Error as exc:
        raise ServerError(shown, "the PostGIS extension is not installed in this database and could not "
                                 f"be created ({connection.first_line(exc)}); a database superuser runs: "
                                 "CREATE EXTENSION postgis") from None


def _schema_version(conn) -> int:
    if not conn.execute("SELECT to_regclass('parksgis.meta') IS NOT NULL").fetchone()[0]:
        return 0
    row = conn.execute("SELECT value FROM parksgis.meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _insert_scheme(cur, scheme) -> None:
    cur.execute("DELETE FROM parksgis.status_scheme WHERE code NOT IN "
                "(SELECT DISTINCT status FROM parksgis.projects)")
    for r in scheme.to_records():
        cur.execute("INSERT INTO parksgis.status_scheme (code, label_zh, label_en, color, position) "
                    "VALUES (%(code)s, %(label_zh)s, %(label_en)s, %(color)s, %(position)s) "
                    "ON CONFLICT (code) DO UPDATE SET label_zh = EXCLUDED.label_zh, "
                    "label_en = EXCLUDED.label_en, color = EXCLUDED.color, position = EXCLUDED.position", r)


@dataclass
class LoadCounts:
    layers_written: list[str] = field(default_factory=list)
    layers_unchanged: list[str] = field(default_factory=list)
    features: int = 0
    projects_new: int = 0
    projects_kept: int = 0
    history_rows: int = 0

    def summary(self) -> str:
        return (f"layers: {len(self.layers_written)} written ({self.features} features), "
                f"{len(self.layers_unchanged)} unchanged; projects: {self.projects_new} new, "
                f"{self.projects_kept} already on the server (kept); history: {self.history_rows} rows")


def load_source(src_path, into: str, progress=None) -> LoadCounts:
    """Copy the layers folder or pack at ``src_path`` into the database ``into`` (one transaction)."""
    import psycopg

    from parksgis.server.register import check_schema

    workspace, register, folder = _read_source(Path(src_path))
    shown = connection.display(into)
    counts = LoadCounts()
    say = progress or (lambda line: None)
    with connection.connect(into) as conn:
        check_schema(conn, shown)
        try:
            with conn.transaction(), conn.cursor() as cur:
                cur.execute("SELECT set_config('parksgis.source', 'load', true)")
                _store_meta(cur, workspace)
                _insert_scheme(cur, register["scheme"])
                known = layers.stored_fingerprints(cur)
                all_layers = list(workspace.shared_layers) + [l for p in workspace.parks for l in p.layers]
                from parksgis.pack.build import table_name

                for position, layer in enumerate(all_layers):
                    table = table_name(layer)
                    if known.get(table) == layers.fingerprint(layer.frame):
                        counts.layers_unchanged.append(table)
                        say(f"layer {layer.key}: unchanged")
                        continue
                    try:
                        n = layers.write_layer(cur, table, layer, layers.layer_file(layer, folder), position)
                    except ValueError as exc:
                        raise ServerError(shown, f"{src_path}: {exc}; nothing was loaded") from None
                    counts.layers_written.append(table)
                    counts.features += n
                    say(f"layer {layer.key}: {n} features")
                _load_register(cur, shown, register, counts)
                # after the register: status cells take each feature's status from it
                for table in counts.layers_written:
                    if bands.after_write(cur, table):
                        say(f"layer table {table}: level-of-detail bands built")
                for table in bands.build_missing(cur):  # unchanged, but without bands (see bands)
                    say(f"layer table {table}: level-of-detail bands built")
                for ddl in schema.privilege_ddl():  # new layer tables and views get the roles' rights
                    cur.execute(ddl)
        except psycopg.Error as exc:
            raise connection.statement_error(shown, exc, f"loading {src_path}") from None
    return counts


def _read_source(path: Path):
    """(workspace, register rows, layers folder or None) of a layers folder or a pack; any file
    that fails to load stops the load (a server missing a layer is a loss found out too late)."""
    from parksgis.errors import UsageError
    from parksgis.app.workspace import load_workspace
    from parksgis.store.register import RegisterStore

    if not path.exists():
        raise UsageError(f"{path}: no such layers folder or pack")
    if not path.is_dir() and path.suffix.lower() != ".gpkg":
        raise UsageError(f"{path}: not a layers folder or a pack (.gpkg)")
    workspace, reports = load_workspace(path)
    for report in reports:
        if not report.ok:
            first = report.lines()[0] if report.problems else f"{report.file}: cannot be read"
            raise ServerError(str(path), f"nothing was loaded, a file failed to load: {first}")
    store = RegisterStore.for_folder(path, readonly=True) if path.is_dir() else RegisterStore.open(path, readonly=True)
    try:
        register = {"scheme": store.scheme(), "projects": store.projects(), "history": store.history()}
    finally:
        store.close()
    return workspace, register, path if path.is_dir() else None


def _store_meta(cur, workspace) -> None:
    meta = {k: v for k, v in workspace.meta.items() if k not in ("source", "register")}
    meta["parks_order"] = [{"park_id": p.park_id, "name_zh": p.name_zh, "name_en": p.name_en}
                           for p in workspace.parks]
    meta["kpis"] = workspace.kpis
    cur.execute("INSERT INTO parksgis.meta VALUES ('workspace', %s) ON CONFLICT (key) DO UPDATE "
                "SET value = EXCLUDED.value", (json.dumps(meta, ensure_ascii=False),))


def _load_register(cur, shown: str, register: dict, counts: LoadCounts) -> None:
    cur.execute("SELECT project_id FROM parksgis.projects")
    on_server = {r[0] for r in cur.fetchall()}
    cur.execute("SELECT count(*) FROM parksgis.history")
    keep_ids = cur.fetchone()[0] == 0  # a first load keeps the source's ids: a dump equals it
    new = [p for pid, p in register["projects"].items() if pid not in on_server]
    counts.projects_kept = len(register["projects"]) - len(new)
    counts.projects_new = len(new)
    insert_projects(cur, shown, new, register["scheme"], None, None, seed_rows=False)
    new_ids = {p.project_id for p in new}
    rows = [r for r in register["history"] if r.project_id in new_ids]
    edit_ids: dict[int, int] = {}
    for r in rows:
        if keep_ids:
            edit_id = r.edit_id
        elif r.edit_id not in edit_ids:
            cur.execute("SELECT nextval('parksgis.edit_ids')")
            edit_id = edit_ids[r.edit_id] = cur.fetchone()[0]
        else:
            edit_id = edit_ids[r.edit_id]
        cur.execute("INSERT INTO parksgis.history (id, edit_id, project_id, changed_at, field, old, new, "
                    "author, source, reverts) VALUES (COALESCE(%s, nextval(pg_get_serial_sequence("
                    "'parksgis.history', 'id'))), %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    (r.id if keep_ids else None, edit_id, r.project_id, r.changed_at, r.field, r.old, r.new,
                     r.author, r.source, edit_ids.get(r.reverts, r.reverts) if r.reverts else None))
    counts.history_rows = len(rows)
    if keep_ids and rows:
        cur.execute("SELECT setval(pg_get_serial_sequence('parksgis.history', 'id'), "
                    "(SELECT max(id) FROM parksgis.history))")
        cur.execute("SELECT setval('parksgis.edit_ids', (SELECT max(edit_id) FROM parksgis.history))")


def insert_projects(cur, shown: str, projects: list[Project], scheme, author, stamp,
                    seed_rows: bool = True) -> None:
    """Insert new projects (values checked as the SQLite register checks them); with
    ``seed_rows`` their values are recorded in history as source 'seed'."""
    edit_id = None
    for project in projects:
        if not project.project_id or not str(project.project_id).strip():
            raise ChangeError(shown, "a project has an empty project_id")
        project = dataclasses.replace(project)
        for f in PROJECT_FIELDS[1:]:
            if f != "updated_at":
                setattr(project, f, check_change(shown, project.project_id, f, getattr(project, f), scheme))
        cur.execute(f"INSERT INTO parksgis.projects ({', '.join(PROJECT_FIELDS)}) VALUES "
                    f"({', '.join(['%s'] * len(PROJECT_FIELDS))}) ON CONFLICT (project_id) DO NOTHING "
                    "RETURNING project_id", [to_db(f, getattr(project, f)) for f in PROJECT_FIELDS])
        if cur.fetchone() is None:
            raise ChangeError(shown, f"project {project.project_id}: already in the register")
        if not seed_rows:
            continue
        if edit_id is None:
            cur.execute("SELECT nextval('parksgis.edit_ids')")
            edit_id = cur.fetchone()[0]
            cur.execute("SELECT set_config('parksgis.edit_id', %s, true)", (str(edit_id),))
        for f in PROJECT_FIELDS[1:]:
            text = to_text(f, getattr(project, f))
            if f != "updated_at" and text not in (None, ""):
                cur.execute("INSERT INTO parksgis.history (edit_id, project_id, changed_at, field, old, new, "
                            "author, source) VALUES (%s, %s, COALESCE(%s::timestamptz, clock_timestamp()), "
                            "%s, NULL, %s, %s, 'seed')",
                            (edit_id, project.project_id, stamp, f, text, author))
