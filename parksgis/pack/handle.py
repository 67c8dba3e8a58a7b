"""Opening a pack for the app: verify, migrate, read layers and register, decide read-only.

``open_pack(path)`` returns ``(Workspace, PackHandle)``. The handle is what the UI asks about the
pack: whether it is read-only and why, the manifest, notes to show, and ``update()`` for status
edits (one transaction each, straight into the pack).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from parksgis.model.layer import Layer, LayerKind
from parksgis.model.lazy_projects import UP_FRONT, LazyProjects
from parksgis.model.status import DEFAULT_SCHEME
from parksgis.model.workspace import Park, Workspace
from parksgis.pack import format as fmt
from parksgis.pack.imagery import plain_tile_tables
from parksgis.pack.access import (SQLITE_ERRORS, EditLock, check_header, connect, read_only_reason,
                                  translate)
from parksgis.pack.errors import (PackCorruptError, PackError, PackLockedError, PackReadOnlyError,
                                  PackVersionError)
from parksgis.pack.migrations import migrate, upgrade_manifest
from parksgis.pack.register import PackRegister
from parksgis.pack.verify import verify_pack
from parksgis.store.errors import RegisterError, RegisterLockedError

#: Packs up to this size get every content hash and the integrity check on open; bigger ones get
#: the cheap checks (header, manifest hash, format version, lock) and a note to run
#: ``parksgis pack verify``. Measured on 2 shared cores: full verification costs ~0.15 s for a
#: 5.5 MB pack of 10,000 plots but 1.5 s for a 54 MB pack of 100,000, more than the whole
#: 1-second budget from "open" to the first frame (issue 7).
HASH_ON_OPEN_LIMIT = 16 * 1024 * 1024


@dataclass
class PackHandle:
    path: Path
    manifest: dict | None
    register: PackRegister | None  # None for a plain GeoPackage
    read_only: bool
    read_only_reason: str | None = None
    notes: list[str] = field(default_factory=list)
    edit_lock: EditLock | None = None
    immutable: bool = False  # opened without locks (read-only media, network share)
    #: the pack's big layers read for the view (``open_pack(view_layers=True)``), else None
    view_source: object | None = None

    @property
    def is_pack(self) -> bool:
        """False for a GeoPackage without a parksgis manifest (opened as plain layers)."""
        return self.manifest is not None

    @property
    def pack_id(self) -> str | None:
        return self.manifest.get("pack_id") if self.manifest else None

    def update(self, project_id: str, changes: dict, author: str | None = None,
               source: str = "app"):
        """Write one project's changes into the pack (one transaction); returns the history rows."""
        return self.update_many({project_id: changes}, author, source)

    def update_many(self, changes: dict[str, dict], author: str | None = None, source: str = "app"):
        if self.read_only or self.register is None:
            raise PackReadOnlyError(self.path, self.read_only_reason or "opened read-only")
        try:
            return self.register.update_many(changes, author, source)
        except RegisterLockedError as exc:
            raise PackLockedError(self.path, exc.detail) from None

    def reopen_register(self) -> None:
        """Open the register again on a connection of the calling thread.

        An SQLite connection may only be used by the thread that opened it, and the app opens packs
        in a worker thread but edits them in the UI thread.
        """
        if self.register is None:
            return
        previous = self.register
        self.register = _open_register(self.path, self.read_only_reason, self.immutable)
        try:
            previous.close()
        except sqlite3.ProgrammingError:
            pass  # a connection of another thread: SQLite frees it when the old store is dropped

    def close(self) -> None:
        if self.view_source is not None:
            self.view_source.close()
            self.view_source = None
        if self.register is not None:
            try:
                self.register.close()
            except sqlite3.ProgrammingError:
                pass  # opened by another thread and never used here: freed when dropped
            self.register = None
        if self.edit_lock is not None:
            self.edit_lock.release()
            self.edit_lock = None


def open_pack(path, *, read_only: bool = False, verify_hashes: bool | None = None,
              mounts_file: str = "/proc/mounts", layers: bool = True,
              frames=None, view_layers: bool = False, layers_read=None,
              projects_first: bool = False) -> tuple[Workspace, PackHandle]:
    """Verify and open a pack; a plain GeoPackage opens as its layers (read-only, with a note).

    Raises PackCorruptError (unreadable or tampered), PackVersionError (newer format) or
    PackLockedError. ``verify_hashes`` defaults to True up to :data:`HASH_ON_OPEN_LIMIT` bytes.
    ``layers=False`` skips reading the map layers (export and merge need only the register).
    ``frames(table)``, when given, reads each layer instead of reading it whole (e.g. only the
    features in a view, through ``pack.view_reader``). ``view_layers``: big layers
    (:func:`~parksgis.pack.view_source.viewport_driven`) are not read; they get an empty frame
    and a ``layer.view`` on ``handle.view_source`` (the window fills them per view).
    ``layers_read(workspace)``, when given, is called once the layers are set up and before the
    register's projects are read (100,000 projects take a second): the window starts reading
    its first view there, in another thread, so the two overlap. ``projects_first``: the caller
    needs every project's row next (a page's key figures), so they are read from the start, in
    a thread beside the layers' read, and are there when this returns.
    """
    path = Path(path)
    if not path.is_file():
        raise PackError(path, "no such pack file")
    check_header(path)
    # a read-only location (network share, read-only media) also means: no locks (immutable)
    location_reason = read_only_reason(path, mounts_file)
    immutable = location_reason is not None
    reason = location_reason or ("read-only: opened read-only on request" if read_only else None)
    notes: list[str] = []
    if verify_hashes is None:
        verify_hashes = path.stat().st_size <= HASH_ON_OPEN_LIMIT
        if not verify_hashes:
            notes.append(f"content hashes not checked on open ({path.stat().st_size // 2**20} MB "
                         "pack); run 'parksgis pack verify' to check them")
    result = verify_pack(path, hashes=verify_hashes, integrity=verify_hashes)
    manifest = result.manifest
    if result.plain:
        return _open_plain(path, immutable, notes + [
            "no parksgis manifest: opened as plain layers, without a register; edits cannot be saved"],
            layers)
    if manifest is not None and manifest.get("format_version", "").isdigit() and \
            int(manifest["format_version"]) > fmt.FORMAT_VERSION:
        raise PackVersionError(path, int(manifest["format_version"]), fmt.FORMAT_VERSION)
    if result.locked:
        raise PackLockedError(path, "another program is writing to this pack right now; "
                                    "try again in a moment")
    if not result.ok:
        more = f" (and {len(result.problems) - 1} more; run 'parksgis pack verify')" \
            if len(result.problems) > 1 else ""
        raise PackCorruptError(path, f"refused: {result.problems[0]}{more}")
    lock = None
    if reason is None:
        lock = EditLock(path)
        if lock.held_elsewhere:
            lock = None
            reason = ("read-only: the pack is open for editing in another parksgis window or "
                      "program; close it there to edit here")
    try:
        if int(manifest["format_version"]) < fmt.FORMAT_VERSION:
            manifest = _migrate(path, manifest, reason, notes)
        if reason is None:
            manifest = _follow_file_name(path) or manifest
        if view_layers and layers:
            from parksgis.pack.view_source import PackViewSource

            # a window's reads: through a memory map (less CPU a zoom; view_reader.MMAP_BYTES)
            view_source = PackViewSource(path, immutable=immutable, mapped=True)
        else:
            view_source = None
        read = partial(_read_projects, path, immutable)
        if projects_first:
            read = _read_in_thread(read)
        workspace = _read_workspace(path, manifest, immutable, layers, frames, view_source)
        if layers_read is not None:
            layers_read(workspace)
        register = _open_register(path, reason, immutable)
    except BaseException:
        if lock is not None:
            lock.release()
        if view_source is not None:
            view_source.close()
        raise
    # the map's first frame needs the statuses only: the rows are read in the background
    version = register.version()  # before the columns: a write in between is caught up with
    if projects_first:  # every row is needed next: the columns the map shows come from them
        workspace.projects = LazyProjects.of(read(), version)
    else:
        workspace.projects = LazyProjects(register.text_columns(UP_FRONT), read, version)
    workspace.scheme = register.scheme()
    # verify's "will be migrated" note is replaced by what _migrate did
    kept = [n for n in result.notes if not n.startswith("pack format version")]
    handle = PackHandle(path, manifest, register, reason is not None, reason, notes + kept, lock,
                        immutable, view_source)
    return workspace, handle


def _migrate(path: Path, manifest: dict, reason, notes: list[str]) -> dict:
    old = manifest["format_version"]
    if reason is not None:
        notes.append(f"pack format version {old} read as version {fmt.FORMAT_VERSION} "
                     "(not migrated on disk: the pack is read-only)")
        return upgrade_manifest(manifest)
    conn = connect(path, read_only=False)
    try:
        upgraded = migrate(conn, manifest)
    finally:
        conn.close()
    notes.append(f"pack migrated from format version {old} to {fmt.FORMAT_VERSION}")
    return upgraded


def _follow_file_name(path: Path) -> dict | None:
    """A renamed copy of a pack: point its QGIS project's layers at this file (pack.qgis_project);
    returns the re-sealed manifest, None when the project was current."""
    from parksgis.pack.build import utc_now
    from parksgis.pack.qgis_project import follow_file_name, project_file_name

    conn = connect(path, read_only=False)
    try:
        if project_file_name(conn) in (None, path.name):
            return None  # read first: opening a pack for editing writes nothing when all is current
        conn.execute("BEGIN IMMEDIATE")
        try:
            manifest = follow_file_name(conn, path.name, utc_now())
            conn.execute("COMMIT")
            return manifest
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except SQLITE_ERRORS as exc:
        raise translate(path, exc, "update") from None
    finally:
        conn.close()


def _read_projects(path: Path, immutable: bool) -> dict:
    """The register's projects, on a connection of the calling thread (``LazyProjects``' own)."""
    register = PackRegister.open(path, readonly=True, immutable=immutable)
    try:
        return register.projects()
    finally:
        register.close()


def _read_in_thread(read):
    """``read()`` started now in a thread of its own; returns what waits for its result."""
    done: Future = Future()

    def run():
        try:
            done.set_result(read())
        except BaseException as exc:  # noqa: BLE001 - raised again to whoever waits
            done.set_exception(exc)

    threading.Thread(target=run, name="parksgis-projects-first", daemon=True).start()
    return done.result


def _open_register(path: Path, reason: str | None, immutable: bool) -> PackRegister:
    try:
        return PackRegister.open_in_pack(path, reason, immutable)
    except RegisterLockedError:
        raise PackLockedError(path, "another program holds the pack's lock; try again") from None
    except RegisterError as exc:
        raise PackCorruptError(path, f"register: {exc}") from None


def read_layer_table(path: Path, table: str, immutable: bool = False):
    """Every feature of the pack's layer ``table`` as GDAL reads it, raising PackCorruptError if it
    cannot; with SQLite alone when that gives the same frame (``viewport.read_whole``: no GDAL
    to load before a pack's first frame)."""
    from parksgis.pack.viewport import read_whole

    try:
        conn = connect(path, read_only=True, immutable=immutable)
        try:
            frame = read_whole(conn, table)
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - GDAL reads it, or says in its words why it cannot
        frame = None
    if frame is not None:
        return frame
    import pyogrio

    options = {"IMMUTABLE": "YES"} if immutable else {}
    try:
        return pyogrio.read_dataframe(path, layer=table, **options)
    except Exception as exc:  # noqa: BLE001 - GDAL raises many types; all mean "cannot read"
        raise PackCorruptError(path, f"layer {table}: cannot be read ({exc})") from None


def _read_workspace(path: Path, manifest: dict, immutable: bool, with_layers: bool,
                    frames=None, view_source=None) -> Workspace:
    conn = connect(path, read_only=True, immutable=immutable)
    try:
        parks = [Park(pid, zh, en or "") for pid, zh, en in conn.execute(
            f"SELECT park_id, name_zh, name_en FROM {fmt.PARKS} ORDER BY position")]
        rows = conn.execute(f"SELECT table_name, name, park_id, kind, title_zh, title_en, style, "
                            f"visible, opacity, feature_count FROM {fmt.LAYERS} "
                            "ORDER BY position").fetchall()
        geometry_types = dict(conn.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns"))
    finally:
        conn.close()
    by_id = {p.park_id: p for p in parks}
    shared = []
    for table, name, park_id, kind, title_zh, title_en, style, visible, opacity, count in rows:
        if not with_layers:
            break
        view = None
        if view_source is not None and _viewport_driven(count, geometry_types.get(table)):
            from parksgis.model.view_source import LayerView

            view = LayerView(view_source, table, int(count), view_source.extent(table))
            frame = view_source.by_ids(table, [])  # filled per view by the window
        elif frames is not None:
            frame = frames(table)
        elif len(frame := read_layer_table(path, table, immutable)) != count:
            raise PackCorruptError(path, f"layer {table}: {len(frame)} features, built with {count}")
        layer = Layer(name, frame, LayerKind.from_name(kind), park_id, source=path,
                      title_zh=title_zh or "", title_en=title_en or "")
        layer.style, layer.visible, layer.opacity = style, bool(visible), float(opacity)
        layer.view = view
        (by_id[park_id].layers if park_id in by_id else shared).append(layer)
    meta = json.loads(manifest.get("meta", "{}"))
    meta.update(source=str(path), pack_id=manifest.get("pack_id"), as_of=manifest.get("as_of"),
                title=manifest.get("title", ""))
    return Workspace(parks, shared, {}, DEFAULT_SCHEME, json.loads(manifest.get("kpis", "{}")), meta)


def _viewport_driven(count: int, geometry_type: str | None) -> bool:
    from parksgis.pack import view_source

    return view_source.viewport_driven(count, geometry_type)


def _open_plain(path: Path, immutable: bool, notes: list[str],
                with_layers: bool = True) -> tuple[Workspace, PackHandle]:
    import warnings

    import pyogrio

    tiles = plain_tile_tables(path)
    layers = []
    # GDAL warns once per layer read about every damaged table (a dropped table still listed in
    # gpkg_contents): one note per distinct warning, not a screenful of RuntimeWarnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RuntimeWarning)
        try:
            listed = pyogrio.list_layers(path)
        except Exception as exc:  # noqa: BLE001
            if not tiles:  # a GeoPackage of imagery only has no vector layer for OGR to list
                raise PackCorruptError(path, f"not a readable GeoPackage ({exc})") from None
            listed = []
        for name, geometry_type in listed if with_layers else ():
            if geometry_type is None:
                continue  # attribute table
            frame = read_layer_table(path, name, immutable)
            if frame.crs is not None and frame.crs.to_epsg() != 4326:
                frame = frame.to_crs(4326)
            layers.append(Layer(name, frame, LayerKind.OTHER, None, source=path))
    notes = notes + [f"GDAL: {text}" for text in dict.fromkeys(str(w.message) for w in caught)]
    reason = "read-only: a plain GeoPackage, not a parksgis pack"
    workspace = Workspace([], layers, {}, DEFAULT_SCHEME, meta={"source": str(path)})
    return workspace, PackHandle(path, None, None, True, reason, notes, immutable=immutable)


def open_pack_register(path, readonly: bool = False):
    """The register inside a pack, for a command: the pack is verified first (as on open).

    A damaged pack, one of an unknown (newer) format, or a GeoPackage whose parksgis manifest is
    gone is refused — a command never reads stale or tampered statuses as if they were good,
    and never writes history into such a file.
    """
    from parksgis.store.register import RegisterStore

    path = Path(path)
    _workspace, handle = open_pack(path, read_only=readonly, layers=False)
    try:
        if not handle.is_pack:
            raise PackCorruptError(path, "not a parksgis pack: it has no parksgis_manifest (dropped, "
                                         "or not built by parksgis); run 'parksgis pack verify'")
    finally:
        handle.close()
    return RegisterStore.open(path, readonly=readonly)
