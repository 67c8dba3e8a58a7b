"""``parksgis pack build``: one GeoPackage with every layer, the register, styles and a manifest.

The pack is written to a temporary file next to the target and moved into place with
``os.replace`` only after it verifies, so an interrupted build never leaves a half-written pack.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from parksgis.errors import UnknownParkError
from parksgis import progress
from parksgis.files import AtomicFile
from parksgis.heap import give_back_freed_memory
from parksgis.model.layer import LayerKind
from parksgis.model.project import DATE_FIELDS, NUMBER_FIELDS, PROJECT_FIELDS
from parksgis.model.status import StatusScheme
from parksgis.model.workspace import Workspace
from parksgis.pack import format as fmt
from parksgis.pack.beside import Beside
from parksgis.pack.errors import PackError
from parksgis.pack.imagery import park_boxes, write_imagery
from parksgis.pack import cell_features
from parksgis.pack.lod import LOD_TABLE, build_lod
from parksgis.pack.qgis_project import write_qgis_project
from parksgis.pack.qgis_styles import write_qgis_styles
from parksgis.pack.values import value_text
from parksgis.pack.packed_register import packed_register, write_register
from parksgis.store import sqlite
from parksgis.store.values import from_db, local_date


def table_name(layer) -> str:
    """``port__plots`` for a park layer, ``basemap__coastline`` for a shared one."""
    prefix = layer.park_id or ("basemap" if layer.kind == LayerKind.BASEMAP else "shared")
    raw = f"{prefix}__{layer.name}".lower()
    return re.sub(r"[^a-z0-9_]+", "_", raw)


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def build_pack(workspace: Workspace, out, *, register_folder: Path | None = None,
               source_label: str | None = None, parks: list[str] | None = None,
               as_of: date | str | None = None, title: str | None = None, imagery=None,
                max_zoom: int | None = None, register=None, whole_process: bool = False) -> dict:
    """Build ``out`` from a loaded workspace; returns the manifest.

    ``register_folder`` is the layers folder whose register (with its history) goes into the
    pack; without it the workspace's projects are the pack's seed. ``parks`` limits the pack to
    those park ids (shared basemap layers always go in); ``as_of`` packs the register as it stood
    at the end of that day. ``imagery`` (ImageryLayers, e.g. from
    :func:`parksgis.app.packs.load_imagery_sources`) is stored as GeoPackage tiles clipped to the
    packed parks, up to ``max_zoom``. Building from a folder path:
    :func:`parksgis.app.packs.build_pack_from`.
    ``register``: a register backend (a database) whose projects and history go into the pack.
    ``whole_process``: the build is all this process does and the workspace is its own
    (``parksgis pack build``, through ``build_pack_from``): each layer's features are dropped from
    memory once they are in the pack, leaving the workspace with empty layers (a million plots:
    ~0.9 GB less while the bands are built and hashed), and forked children work beside this
    process: one works out the register to pack while the layers are written (``pack.beside``),
    two the level-of-detail bands, one the hashes. Never in the window: forking a process whose
    other threads may hold a lock (SQLite's, Qt's) could leave the child waiting for it forever.
    """
    if not isinstance(workspace, Workspace):
        raise TypeError("build_pack takes a Workspace; parksgis.app.packs.build_pack_from loads a folder")
    out = Path(out)
    folder = Path(register_folder) if register_folder is not None else None
    source_label = source_label or str(workspace.meta.get("source", "workspace"))
    if parks:
        known = [p.park_id for p in workspace.parks]
        unknown = [p for p in parks if p not in known]
        if unknown:
            raise UnknownParkError(f"--park: unknown park {unknown[0]!r} in {source_label}; known: "
                                   f"{', '.join(known)}")
    if as_of is not None and str(as_of) > local_date(utc_now()).isoformat():
        raise PackError(source_label, f"--as-of {as_of} is in the future")
    today = local_date(utc_now()).isoformat()  # where the parks are (China Standard Time)
    # the register to pack: a build that is all its process does has a forked child work it out
    # while this process writes the layers (a million plots' 100,000 projects: seconds)
    with Beside(whole_process and register is None, packed_register, workspace, folder, parks, as_of, today,
                register) as packed:
        keep = [p for p in workspace.parks if not parks or p.park_id in parks]

        out.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(out.parent, os.W_OK):
            raise PackError(out, f"cannot write into {out.parent}: the folder is not writable "
                                 "(Permission denied); nothing was built")
        if out.is_file():
            from parksgis.pack.access import EditLock

            lock = EditLock(out)
            lock.release()
            if lock.held_elsewhere:  # replacing it would strand that program's edits in the old file
                raise PackError(out, "the pack is open for editing in another program; close it "
                                     "there before building over it")
        remove_stale_temporaries(out.parent)
        # ends in .gpkg so GDAL does not warn about the extension while writing it
        atomic = AtomicFile(out, suffix=TMP_SUFFIX)
        with atomic as building, _writing(building):
            manifest = _write(building, workspace, keep, packed, source_label, as_of, title,
                              imagery=imagery or [], max_zoom=max_zoom, file_name=out.name,
                              whole_process=whole_process)
            from parksgis.pack.verify import verify_pack

            progress.stage("verifying the pack")
            # what open checks, but not the content hashes: _write computed them from these very rows
            # in the transaction it committed, so hashing a million-plot pack again (as long as the
            # first time) would compare a value with itself; opening the pack (tests/pack) and
            # 'parksgis pack verify' recompute them. SQLite's quick check of its own fresh writes
            # (every page and B-tree; whether each index matches its table is what those hashes of
            # the same rows and 'pack verify' stand for)
            check = verify_pack(building, hashes=False, quick=True)
            if not check.ok:  # never replace a good pack with one that would be refused on open
                raise PackError(out, f"the built pack does not verify: {check.problems[0]}")
            try:
                atomic.commit()
            except OSError as exc:  # Windows: the old pack is open in another program
                raise PackError(out, f"cannot replace the pack ({exc.strerror or exc}); is it open "
                                     "in another program?") from None
    return manifest


TMP_SUFFIX = ".tmp.gpkg"
_TMP_NAME = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp\.gpkg$")  # AtomicFile's temporaries of packs


@contextmanager
def _writing(tmp: Path):
    """Create ``tmp`` and hold a lock on it while the build writes: the lock says "a build is
    writing this", and the system drops it when the build ends, however it ends (killed too)."""
    from parksgis.pack.access import EditLock

    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # GDAL fills it in
    owner = EditLock(tmp)
    try:
        yield
    finally:
        owner.release()


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the build temporaries a killed ``pack build`` left in ``folder``; returns them.

    A build holds a lock on its temporary while it writes (see :func:`_writing`), so a temporary
    nobody holds is left over from a build that was killed. Where such locks do not exist
    (Windows) nothing is deleted: a temporary might belong to a build still running.
    """
    try:
        import fcntl  # noqa: F401 - only to know that EditLock can tell
    except ImportError:
        return []
    from parksgis.pack.access import EditLock

    removed = []
    try:
        names = [p for p in folder.iterdir() if _TMP_NAME.match(p.name)]
    except OSError:
        return []
    for path in names:
        try:
            lock = EditLock(path)
        except OSError:
            continue  # vanished meanwhile, or unreadable: not ours to judge
        if lock.held_elsewhere:
            continue  # a build is writing it right now
        try:
            for leftover in (path, Path(f"{path}-journal")):
                leftover.unlink(missing_ok=True)
            removed.append(path)
        except OSError:
            pass
        finally:
            lock.release()
    return removed


def _write(tmp: Path, workspace, parks, register, source_label, as_of, title, *, imagery=(),
           max_zoom=None, file_name: str, whole_process: bool = False) -> dict:
    import pyogrio

    created = utc_now()
    layers = [layer for layer in workspace.shared_layers]
    for park in parks:
        layers.extend(park.layers)
    names: dict[str, object] = {}
    counts: dict[str, int] = {}
    boxes = park_boxes(parks) if imagery else []  # from the features, before they are released
    for layer in layers:
        name = table_name(layer)
        if name in names or name.startswith("parksgis_"):
            raise PackError(tmp, f"layer {layer.key!r} would share table {name!r} with another layer")
        names[name] = layer
        progress.stage(f"writing layer {name} into the pack")
        frame = layer.frame.to_crs(4326) if layer.frame.crs is not None else layer.frame
        with _gdal_config(_GDAL_BUILDING):
            pyogrio.write_dataframe(frame, tmp, layer=name, driver="GPKG",
                                    layer_options={"DESCRIPTION": layer.title_zh})
        counts[name] = len(frame)
        del frame

    today = local_date(created).isoformat()
    progress.stage("writing the register into the pack")
    write_register(tmp, register.result())
    conn = sqlite.connect(tmp, create=False, row_factory=None)
    try:
        # the history rows the build wrote (ids 1..n): edits made in the field come after them
        history_baseline = conn.execute("SELECT count(*) FROM parksgis_history").fetchone()[0]
        _building(conn)
        conn.execute("BEGIN")
        _write_parks_and_layers(conn, parks, names, counts)
        # every table's last_change is the as-of day (the date the content describes), not the
        # build's clock time, so two builds of the same input hash the same
        stamp = f"{as_of or today}T00:00:00.000Z"
        # what QGIS shows: status views with the scheme's colours (a layer's own status words
        # come from its features, so this is the last step that needs them in memory)
        write_qgis_styles(conn, names, _packed_scheme(conn), stamp)
        if whole_process:
            for layer in layers:
                layer.frame = layer.frame.iloc[:0].copy()  # a copy: a slice would keep every row alive
            give_back_freed_memory()
        progress.stage("building the level-of-detail bands")
        if whole_process:
            # committed first: forked workers read the layers and the register from the file
            # beside this connection, which then only inserts their rows (see build_lod)
            conn.execute("COMMIT")
            build_lod(conn, list(names), processes=True, path=tmp)
            conn.execute("BEGIN")
        else:
            build_lod(conn, list(names))
        progress.stage("writing the register's baseline")
        _write_baseline(conn)
        fmt.create_merge_tables(conn)
        for table in (fmt.MANIFEST, fmt.LAYERS, fmt.PARKS, fmt.BASELINE, fmt.CONFLICTS, fmt.APPLIED,
                      LOD_TABLE, cell_features.TABLE):
            fmt.register_attribute_table(conn, table, _DESCRIPTIONS[table], stamp)
        write_imagery(conn, list(imagery), boxes, max_zoom, stamp)
        write_qgis_project(conn, file_name, title or "", stamp)  # the parks as a QGIS project
        conn.execute("UPDATE gpkg_contents SET last_change = ?", (stamp,))
        manifest = {
            "format_version": fmt.FORMAT_VERSION,
            "created": created,
            "source": source_label,
            "as_of": str(as_of or today),
            "display_crs": fmt.DISPLAY_CRS,
            "title": title or "",
            "pack_id": str(uuid.uuid4()),
            "parks": json.dumps([p.park_id for p in parks]),
            "history_baseline": str(history_baseline),
            "kpis": json.dumps(workspace.kpis, ensure_ascii=False, sort_keys=True, default=str),
            "meta": json.dumps({k: v for k, v in workspace.meta.items() if k != "source"},
                               ensure_ascii=False, sort_keys=True, default=str),
        }
        fmt.write_manifest(conn, manifest)
        # committed before the hashes, so a second process can hash beside this one; the file is
        # still the temporary, moved into place only once it verifies
        conn.execute("COMMIT")
        progress.stage("hashing the pack's content")
        registered_tables = [(fmt.REGISTER_PROJECTS, ""), (fmt.REGISTER_HISTORY, "")]
        frozen, *built = _hashed(conn, tmp if whole_process else None, history_baseline,
                                 registered_tables)
        manifest.update(frozen)
        for (table, _), (sha, _count) in zip(registered_tables, built):
            manifest[f"built_sha256:{table}"] = sha
        conn.execute("BEGIN")
        fmt.write_manifest(conn, manifest)
        conn.execute("COMMIT")  # verify_pack (in build_pack) runs SQLite's integrity check
    finally:
        conn.close()
    return manifest


#: GDAL's SQLite settings while it writes the layers into the temporary file: no fsync per
#: transaction, a bigger page cache. The file is fsynced once, whole, before it is moved into place.
_GDAL_BUILDING = {"OGR_SQLITE_SYNCHRONOUS": "OFF", "OGR_SQLITE_CACHE": "32"}
#: SQLite page cache of the build's connection (KiB; SQLite's default is 2 MB): the band table's
#: key index (~110 MB at a million plots) takes each chunk's rows a tile at a time, all over it.
_BUILD_CACHE_KIB = 32 * 1024


def _building(conn) -> None:
    """Settings of the connection that fills the temporary file: nothing in it is worth keeping
    after a crash (a killed build's temporary is deleted, an interrupted one never moved into
    place, and AtomicFile fsyncs it whole first), so no fsync per write, and the rollback
    journal (for a failed step's ROLLBACK) in memory rather than written beside it. Never WAL:
    packs travel to network shares, and WAL would stay set in the file."""
    conn.execute("PRAGMA journal_mode = MEMORY")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute(f"PRAGMA cache_size = -{_BUILD_CACHE_KIB}")


@contextmanager
def _gdal_config(options: dict):
    """GDAL configuration ``options`` set while the block runs, then as they were."""
    import pyogrio

    before = {key: pyogrio.get_gdal_config_option(key) for key in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(before)


def _hashed(conn, path: Path | None, history_baseline: int, tables: list[tuple[str, str]]) -> list:
    """``[frozen digests, (sha, rows) of each of tables]``; with ``path`` (the file), by two
    processes (see :func:`parksgis.pack.format.table_digests`)."""
    frozen, built = fmt.frozen_digests(conn, history_baseline, path=path, also=tables)
    return [frozen, *built]


_DESCRIPTIONS = {
    fmt.MANIFEST: "parksgis pack manifest: format version, source, as-of date, content hashes",
    fmt.LAYERS: "parksgis layer list and styles",
    fmt.PARKS: "parksgis parks",
    fmt.BASELINE: "parksgis register values as built (base of export-changes)",
    fmt.CONFLICTS: "parksgis merge conflicts",
    fmt.APPLIED: "parksgis change ids merged here",
    LOD_TABLE: "parksgis level of detail: big layers' shapes generalised per zoom band",
    cell_features.TABLE: "parksgis level of detail: the features each status cell stands for, by status",
}


def _packed_scheme(conn) -> StatusScheme:
    """The status scheme as the pack's register holds it (what the app colours by)."""
    rows = conn.execute("SELECT code, label_zh, label_en, color, position FROM "
                        "parksgis_status_scheme").fetchall()
    keys = ("code", "label_zh", "label_en", "color", "position")
    return StatusScheme.from_records([dict(zip(keys, row)) for row in rows])


def _write_parks_and_layers(conn, parks, names, counts: dict[str, int]) -> None:
    # integer primary keys, text keys UNIQUE: GeoPackage attribute tables (Req 119)
    conn.execute(f"CREATE TABLE {fmt.PARKS} (id INTEGER PRIMARY KEY, park_id TEXT NOT NULL UNIQUE, "
                 "name_zh TEXT, name_en TEXT, position INTEGER NOT NULL)")
    conn.executemany(f"INSERT INTO {fmt.PARKS} (park_id, name_zh, name_en, position) "
                     "VALUES (?, ?, ?, ?)",
                     [(p.park_id, p.name_zh, p.name_en, i) for i, p in enumerate(parks)])
    conn.execute(f"CREATE TABLE {fmt.LAYERS} (id INTEGER PRIMARY KEY, table_name TEXT NOT NULL UNIQUE, "
                 "name TEXT NOT NULL, park_id TEXT, kind TEXT NOT NULL, title_zh TEXT, title_en TEXT, "
                 "style TEXT, visible INTEGER, opacity REAL, position INTEGER NOT NULL, "
                 "source TEXT, feature_count INTEGER NOT NULL)")
    rows = []
    for i, (table, layer) in enumerate(names.items()):
        source = layer.source.name if layer.source is not None else None
        rows.append((table, layer.name, layer.park_id, layer.kind.value, layer.title_zh,
                     layer.title_en, layer.style, int(layer.visible), float(layer.opacity), i,
                     source, counts[table]))
    conn.executemany(f"INSERT INTO {fmt.LAYERS} (table_name, name, park_id, kind, title_zh, "
                     "title_en, style, visible, opacity, position, source, feature_count) "
                     f"VALUES ({', '.join('?' * 12)})", rows)


def _write_baseline(conn) -> None:
    """Every field of every project of the pack's register as it stored them, as the text
    history carries (``value_text`` of the value read back), by project id and field order.

    One INSERT ... SELECT: SQLite reads the rows and writes the baseline, asking Python only for
    the text of values it cannot tell itself (:func:`_base_sql`; a million plots' 100,000
    projects: 1.5 million rows, without a Project or a bound row each)."""
    conn.execute(f"CREATE TABLE {fmt.BASELINE} (id INTEGER PRIMARY KEY, project_id TEXT NOT NULL, "
                 "field TEXT NOT NULL, base_value TEXT, UNIQUE (project_id, field))")
    conn.create_function(_BASE_TEXT, 2, _base_text, deterministic=True)
    fields = [field for field in PROJECT_FIELDS if field != "project_id"]
    each = " UNION ALL ".join(f"SELECT project_id, {i} AS position, '{field}' AS field, "
                              f"{_base_sql(field)} AS base FROM {fmt.REGISTER_PROJECTS}"
                              for i, field in enumerate(fields))
    conn.execute(f"INSERT INTO {fmt.BASELINE} (project_id, field, base_value) SELECT project_id, "
                 f"field, base FROM ({each}) ORDER BY project_id, position")


_BASE_TEXT = "parksgis_base_text"


def _base_text(field: str, stored):
    """The baseline text of a value as the register stored it (as the Project read back has it)."""
    return value_text(field, from_db(field, stored))


#: The characters ``str.strip()`` takes off (``str.isspace``), by code point.
PYTHON_SPACES = (*range(9, 14), *range(28, 33), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028,
                 0x2029, 0x202F, 0x205F, 0x3000)


def _base_sql(field: str) -> str:
    """SQL for :func:`_base_text` of ``field``'s column: the usual values (empty ones, text with
    nothing to strip) worked out by SQLite, the rest (numbers, dates, text to strip or of another
    storage class) by the Python function, so each comes out as it would from that function
    alone (1.5 million calls at a million plots were seconds of the build)."""
    call = f"{_BASE_TEXT}('{field}', {field})"
    if field in DATE_FIELDS or field in NUMBER_FIELDS:  # from_db: empty means None (NULL)
        empty = f"{field} = ''" if field in DATE_FIELDS else "0"
        return f"(CASE WHEN {field} IS NULL OR {empty} THEN NULL ELSE {call} END)"
    spaces = ", ".join(map(str, PYTHON_SPACES))
    return (f"(CASE WHEN {field} IS NULL THEN '' WHEN typeof({field}) = 'text' AND ({field} = '' OR "
            f"(unicode({field}) NOT IN ({spaces}) AND unicode(substr({field}, -1)) NOT IN ({spaces}))) "
            f"THEN {field} ELSE {call} END)")
