"""The status register: projects, their append-only history and the status scheme, in one SQLite file.

The file is a folder's ``<layers>/register.sqlite`` or a layer pack (.gpkg) — the tables are all
named ``parksgis_*`` so they sit beside a GeoPackage's own. Every write is one ``BEGIN IMMEDIATE``
transaction: a crash or a kill part-way leaves the register exactly as it was before the write.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Mapping
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from parksgis.files import AtomicFile
from parksgis.gc_pause import gc_paused
from parksgis.model.events import Signal
from parksgis.model.project import PROJECT_FIELDS, Project
from parksgis.model.status import DEFAULT_SCHEME, StatusScheme
from parksgis.store import recorded_history, schema
from parksgis.store.backend import ChangeSet, FieldEdit, RegisterBackend, compare_fields
from parksgis.store.errors import (ChangeError, RegisterError, RegisterLockedError, RegisterReadOnlyError,
                                   SchemaVersionError, StaleEditError, StaleField)
from parksgis.store.seed_rows import seed_rows
from parksgis.store.sqlite import connect, fetch_all, is_locked, recover_hot_journal
from parksgis.store.timeline import HistoryRow
from parksgis.store.values import (column_from_db, local_date, project_from_row, projects_from_rows,
                                   to_db, to_text, utc_stamp)

REGISTER_FILE = "register.sqlite"
#: Sources whose edit groups undo never reverts: creation, recorded history, and undos themselves.
_NOT_UNDOABLE = ("seed", "undo", recorded_history.HISTORY_FILE)
_HISTORY_COLUMNS = "id, edit_id, project_id, changed_at, field, old, new, author, source, reverts"


def register_file(folder) -> Path:
    """Where the register of a layers folder lives: ``<folder>/register.sqlite``.

    The bundled sample parks are the exception: they sit in the install (or the checkout), which is
    never written, so their register is the user's own, in the per-user data folder.
    """
    from parksgis.assets import is_sample_layers

    if is_sample_layers(folder):
        from parksgis.user_data import sample_register_file

        return sample_register_file()
    return Path(folder) / REGISTER_FILE


def default_author() -> str:
    """The OS user name (what the app uses until a name is set in its settings)."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # noqa: BLE001 - getuser raises when no user name can be found at all
        return "unknown"


class WriteHooks:
    """Points inside a write where a test steps in: kill the process there, or hold the lock.

    The tests that SIGKILL a save, an import or a merge part-way install their own hooks in the
    child process (``RegisterStore.hooks = ...``) so the kill lands at a known point; the
    program itself never replaces these no-ops.
    """

    def project_written(self, store: "RegisterStore", count: int) -> None:
        """``count`` projects of the current change set are written (not yet committed)."""

    def before_commit(self, store: "RegisterStore") -> None:
        """Every write of the transaction is done; COMMIT is next."""

    def committed(self, store: "RegisterStore") -> None:
        """The transaction is committed (on disk)."""


class RegisterStore(RegisterBackend):
    """A register opened on one SQLite file. Use :meth:`create`, :meth:`open` or :meth:`for_folder`."""

    hooks = WriteHooks()

    def __init__(self, db: sqlite3.Connection, path: str, readonly: bool):
        self._db = db
        self.path = path
        self.label = path
        self.readonly = readonly
        #: False for an in-memory register (a read-only layers folder without register.sqlite);
        #: ``path`` then names the projects.csv it was seeded from
        self.persistent = path != ":memory:"
        #: emitted after each committed write with the list of changed project ids
        self.changed = Signal()
        self._scheme: StatusScheme | None = None
        self._parks: frozenset[str] | None = None  # parks of the projects, for checking changes
        self._depth = 0  # nesting of transaction()
        #: the edit group of the open transaction: every write inside one transaction (a merge of
        #: many change files, an import) is one group, so undo takes all of it back together
        self._group: int | None = None

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def create(cls, path, projects: dict[str, Project] | list[Project] = (),
               scheme: StatusScheme = DEFAULT_SCHEME, *, author: str | None = None,
               baseline: date | datetime | str | None = None, seed_history: bool = True) -> "RegisterStore":
        """A new register holding ``projects``, their values recorded in history as source 'seed'.

        A new file is built under a temporary name and renamed into place, so it either exists
        whole or not at all. An existing SQLite file (a GeoPackage) gets the tables added in one
        transaction. ``baseline`` dates the seed rows (default: now). ``seed_history`` False (only
        for a register in memory): no seed rows, for a caller that wants the projects as the
        register stores them and nothing else (a million plots' 100,000 projects: 700,000 rows).
        """
        path = str(path)
        items = list(projects.values()) if isinstance(projects, Mapping) else list(projects)
        if path == ":memory:":
            store = cls(connect(path), path, readonly=False)
            store._initialise(items, scheme, author, baseline, seed_history)
            return store
        if not seed_history:
            raise ValueError("a register file always holds its seed history")
        if os.path.exists(path):
            db = connect(path)
            try:
                if schema.has_register(db):
                    raise RegisterError(path, "already holds a parksgis register; open it instead")
                store = cls(db, path, readonly=False)
                store._initialise(items, scheme, author, baseline)
            except sqlite3.DatabaseError as exc:
                db.close()
                raise RegisterError(path, f"not an SQLite file or GeoPackage (SQLite says: {exc})") from None
            except BaseException:
                db.close()
                raise
            return store
        with AtomicFile(path) as tmp:
            db = connect(tmp)
            try:
                cls(db, path, readonly=False)._initialise(items, scheme, author, baseline)  # messages name path
            finally:
                db.close()
        return cls.open(path)

    @classmethod
    def open(cls, path, readonly: bool = False, immutable: bool | None = None) -> "RegisterStore":
        """Open an existing register; an older schema is migrated, a newer one refused.

        ``readonly`` opens with ``mode=ro``. ``immutable`` (default: when the file or its folder
        cannot be written, e.g. a DVD or a read-only share) tells SQLite the file cannot change,
        so it takes no locks and needs no journal: no lock trouble on network shares.
        """
        path = str(path)
        if not os.path.isfile(path):
            raise RegisterError(path, "no such register file")
        if immutable is None:
            folder = os.path.dirname(os.path.abspath(path))
            immutable = readonly and not (os.access(path, os.W_OK) and os.access(folder, os.W_OK))
        if readonly and not immutable:
            recover_hot_journal(path)  # a killed writer's rollback, before a read-only connection
        elif immutable and _journal_beside(path):
            raise RegisterError(path, _JOURNAL_LEFT)  # would read half-written pages as good
        try:
            db = connect(path, readonly=readonly or immutable, immutable=immutable, create=False)
            store = cls(db, path, readonly=readonly or immutable)
            store._check_schema()
        except sqlite3.DatabaseError as exc:
            if is_locked(exc):
                raise RegisterLockedError(path, "another program holds the register's lock (a save "
                                                "or a merge is running); try again in a moment") from None
            if _journal_beside(path):
                raise RegisterError(path, _JOURNAL_LEFT) from None
            raise RegisterError(path, f"not a register (SQLite says: {exc})") from None
        return store

    @classmethod
    def for_folder(cls, folder, readonly: bool = False, seed_history: bool = True) -> "RegisterStore":
        """The register of a layers folder (:func:`register_file`), created on first use.

        It is seeded from ``<folder>/projects.csv`` and the dated changes of ``history.csv`` that led
        there (see :mod:`parksgis.store.recorded_history`). When it cannot be created (a folder on
        read-only media or a share) the register is built in memory and opens read-only
        (``persistent`` False): an edit that could not be saved is never accepted.
        ``seed_history`` False: such a register in memory without its seed rows (see :meth:`create`).
        """
        folder = Path(folder)
        path = register_file(folder)
        if path.exists():
            return cls.open(path, readonly=readonly)
        from parksgis.store.projects_csv import read_projects_csv

        csv_path = folder / "projects.csv"
        projects = read_projects_csv(csv_path) if csv_path.exists() else {}
        history_path = folder / recorded_history.HISTORY_FILE
        changes = recorded_history.read_history_csv(history_path) if history_path.exists() else []
        if changes:
            projects = recorded_history.values_before(history_path, projects, changes)
        baseline = min(c.changed_at for c in changes) - timedelta(days=1) if changes else None
        if not readonly and path.parent != folder:  # the sample parks' register, in the user's data folder
            path.parent.mkdir(parents=True, exist_ok=True)
        if readonly or not os.access(path.parent, os.W_OK):
            store = cls.create(":memory:", projects, baseline=baseline, seed_history=seed_history)
            recorded_history.replay(store, changes)
            store.readonly = True  # a folder that cannot be written opens read-only
            store.path = store.label = str(csv_path)  # messages name the file the projects came from
            return store
        # seed and replay under a temporary name: a register.sqlite exists whole or not at all
        with AtomicFile(path) as building:
            with cls.create(building, projects, baseline=baseline) as store:
                recorded_history.replay(store, changes)
        return cls.open(path, readonly=readonly)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "RegisterStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RegisterStore({self.path!r}{', readonly' if self.readonly else ''})"

    # -- reading --------------------------------------------------------------------------------
    def scheme(self) -> StatusScheme:
        if self._scheme is None:
            rows = self._db.execute("SELECT * FROM parksgis_status_scheme ORDER BY position").fetchall()
            self._scheme = StatusScheme.from_records([dict(r) for r in rows]) if rows else DEFAULT_SCHEME
        return self._scheme

    def parks(self) -> frozenset[str]:
        """The parks the register's projects belong to: what a project's park may be changed to."""
        if self._parks is None:
            self._parks = frozenset(r[0] for r in self._db.execute(
                "SELECT DISTINCT park FROM parksgis_projects"))
        return self._parks

    def projects(self) -> dict[str, Project]:
        with gc_paused():  # 100k projects: 0.5 s instead of 1 s
            return projects_from_rows(fetch_all(
                self._db, f"SELECT {', '.join(PROJECT_FIELDS)} FROM parksgis_projects ORDER BY project_id"))

    def version(self) -> int:
        """Grows with every committed write (each one records history rows): equal versions,
        an unchanged register."""
        return self._db.execute("SELECT coalesce(max(id), 0) FROM parksgis_history").fetchone()[0]

    def text_columns(self, fields) -> dict[str, dict[str, str]]:
        """``{field: {project_id: value}}`` of text ``fields``: a few columns of every project
        (what the map shows of them), without making the projects."""
        cursor = self._db.cursor()
        cursor.row_factory = None
        rows = cursor.execute(f"SELECT project_id, {', '.join(fields)} FROM parksgis_projects").fetchall()
        columns = list(zip(*rows)) or [()] * (len(fields) + 1)
        return {field: dict(zip(columns[0], column_from_db(field, values)))
                for field, values in zip(fields, columns[1:])}

    def project(self, project_id: str) -> Project:
        row = self._db.execute("SELECT * FROM parksgis_projects WHERE project_id = ?",
                               (project_id,)).fetchone()
        if row is None:
            raise ChangeError(self.path, f"project {project_id}: not in the register")
        return project_from_row(row)

    def history(self, project_id: str | None = None) -> list[HistoryRow]:
        """History rows in (changed_at, id) order, of one project or of all."""
        sql = f"SELECT {_HISTORY_COLUMNS} FROM parksgis_history"
        args: tuple = ()
        if project_id is not None:
            sql += " WHERE project_id = ?"
            args = (project_id,)
        cursor = self._db.cursor()
        cursor.row_factory = None  # plain tuples: history is read whole for every as-of date
        return list(map(HistoryRow._make, cursor.execute(sql + " ORDER BY changed_at, id", args)))

    def changed_history(self) -> list[HistoryRow]:
        cursor = self._db.cursor()
        cursor.row_factory = None
        return list(map(HistoryRow._make, cursor.execute(
            f"SELECT {_HISTORY_COLUMNS} FROM parksgis_history WHERE (project_id, field) IN "
            "(SELECT project_id, field FROM parksgis_history WHERE source != 'seed') ORDER BY changed_at, id")))

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every register table, sorted: equal dumps mean equal registers.

        The integer row keys of the keyed tables (``id``, there for GeoPackage attribute tables)
        only count insertion order and are left out; history's ``id`` is its order and stays.
        """
        dumped = {}
        for table in schema.TABLES:
            columns = [c[1] for c in self._db.execute(f"PRAGMA table_info({table})")]
            if table != "parksgis_history":
                columns = [c for c in columns if c != "id"]
            dumped[table] = sorted(tuple(r) for r in self._db.execute(
                f"SELECT {', '.join(columns)} FROM {table}"))
        return dumped

    def bind_workspace(self, workspace):
        """Keep ``workspace.projects`` equal to this register, for the app's views.

        Loads the current projects now; after every committed write (edit, import, undo) copies
        the changed projects in and emits ``workspace.projects_changed`` with their ids, so map
        colours, legend counts and tables follow. Returns the slot (``store.changed.disconnect``).
        """
        workspace.projects = self.projects()
        workspace.scheme = self.scheme()

        def sync(project_ids: list[str]) -> None:
            for pid in project_ids:
                workspace.projects[pid] = self.project(pid)
            workspace.projects_changed.emit(project_ids)

        return self.changed.connect(sync)

    def subscribe(self, callback: Callable[[list[str]], None]) -> Callable[[], None]:
        self.changed.connect(callback)
        return lambda: self.changed.disconnect(callback)

    # -- writing --------------------------------------------------------------------------------
    def apply(self, changes: ChangeSet, author: str | None = None, source: str = "app",
              changed_at: date | datetime | str | None = None) -> list[HistoryRow]:
        """Write a change set in one transaction and one edit group (undone together).

        Compare-and-set per field (contract: :mod:`parksgis.store.backend`): values equal to the
        current ones are skipped, so applying the same changes twice writes nothing the second
        time; a checked base that differs from the current value raises :class:`StaleEditError`
        and nothing is written. An ``updated_at`` in a change sets that bookkeeping field instead
        of the default (the CST date of the change) and writes no history of its own. A bad
        change raises :class:`ChangeError` and nothing is written.
        """
        stamp = utc_stamp(changed_at)
        author = author or default_author()
        scheme, parks = self.scheme(), self.parks()
        written: list[HistoryRow] = []
        stale: list[StaleField] = []
        with self.transaction():
            edit_id = self._next_edit_id()
            for count, (pid, edits) in enumerate(changes.by_project().items(), start=1):
                current = self.project(pid)
                updated_at = edits.pop("updated_at").new if "updated_at" in edits else None
                diffs, stale_here = compare_fields(self.path, pid, edits, current, scheme, parks)
                stale += [self._stale(edit, now) for edit, now in stale_here]
                if diffs and not stale:
                    diffs["updated_at"] = updated_at or local_date(stamp).isoformat()
                    written += self._write_project(current, diffs, edit_id, stamp, author, source)
                self.hooks.project_written(self, count)
            if stale:
                raise StaleEditError(self.label, stale)
        self._emit(written)
        return written

    def add_projects(self, projects, author: str | None = None,
                     changed_at: date | datetime | str | None = None) -> list[HistoryRow]:
        """Add new projects; their values are recorded as a 'seed' (their baseline)."""
        items = list(projects.values()) if isinstance(projects, Mapping) else list(projects)
        with self.transaction():
            rows = self._insert_seed(items, author or default_author(), utc_stamp(changed_at))
        self._parks = None
        self._emit(rows)
        return rows

    def undo_last(self, author: str | None = None) -> list[HistoryRow]:
        """Revert the latest edit group not yet undone; the revert is itself history ('undo').

        Returns the rows written (empty when there is nothing to undo). Undo again to revert
        the group before that: undo works back through the edits like a stack.
        """
        stamp, author = utc_stamp(), author or default_author()
        written: list[HistoryRow] = []
        with self.transaction():
            marks = ",".join("?" * len(_NOT_UNDOABLE))
            row = self._db.execute(
                f"SELECT MAX(edit_id) FROM parksgis_history WHERE source NOT IN ({marks}) AND edit_id "
                "NOT IN (SELECT reverts FROM parksgis_history WHERE reverts IS NOT NULL)",
                _NOT_UNDOABLE).fetchone()
            if row[0] is None:
                return []
            target = row[0]
            group = self._db.execute("SELECT * FROM parksgis_history WHERE edit_id = ? ORDER BY id DESC",
                                     (target,)).fetchall()
            edit_id = self._next_edit_id()
            by_project: dict[str, dict] = {}
            for r in group:
                by_project.setdefault(r["project_id"], {})[r["field"]] = HistoryRow(**dict(r)).old_value
            for pid, fields in by_project.items():
                fields["updated_at"] = local_date(stamp).isoformat()
                written += self._write_project(self.project(pid), fields, edit_id, stamp, author,
                                               "undo", reverts=target)
        self._emit(written)
        return written

    @contextmanager
    def transaction(self):
        """One write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), yielding the connection.

        Writes made inside it (``update``, ``undo_last``, …) join it instead of starting their own,
        so a caller such as a pack merge can make many writes that commit or roll back together.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self._db
            finally:
                self._depth -= 1
            return
        if self.readonly:
            raise RegisterReadOnlyError(self.path, f"{self.read_only_reason or 'register is open read-only'}"
                                                   "; nothing was changed")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if is_locked(exc):
                raise RegisterLockedError(self.path, self._locked_message(exc)) from None
            raise RegisterError(self.path, f"cannot write the register ({exc})") from None
        self._depth, self._group = 1, None
        try:
            yield self._db
            self.hooks.before_commit(self)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:  # disk full, I/O error, lost lock: say so, keep nothing
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise RegisterError(self.path, f"write failed ({exc}); nothing was changed") from None
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._depth, self._group = 0, None
            self._parks = None  # a rolled-back write may have cached parks it added
        self.hooks.committed(self)

    @contextmanager
    def merging(self):
        """A merge's transaction, yielding the register's
        :class:`~parksgis.store.merge_ledger.MergeLedger` (its tables made on first use): what
        the ledger records and what ``apply`` writes inside it commit or roll back together."""
        from parksgis.store.merge_ledger import MergeLedger, create_tables

        with self.transaction() as db:
            create_tables(db)
            yield MergeLedger(db)

    # -- internals ------------------------------------------------------------------------------
    def _locked_message(self, exc: sqlite3.Error) -> str:
        """What a write refused for another program's lock says (a pack words it for packs)."""
        return f"another program holds the write lock ({exc}); nothing was changed"

    def _stale(self, edit: FieldEdit, current) -> StaleField:
        # the latest row that wrote the value now there (a pack's seed may be dated after it)
        row = self._db.execute("SELECT author, changed_at FROM parksgis_history WHERE project_id = ? "
                               "AND field = ? AND new IS ? ORDER BY changed_at DESC, id DESC LIMIT 1",
                               (edit.project_id, edit.field, to_text(edit.field, current))).fetchone()
        return StaleField(edit.project_id, edit.field, edit.base, edit.new, current,
                          row["author"] if row else None, row["changed_at"] if row else None)

    def _initialise(self, projects: list[Project], scheme: StatusScheme, author, baseline,
                    seed_history: bool = True) -> None:
        with self.transaction():
            schema.create_tables(self._db)
            self._db.executemany(
                "INSERT INTO parksgis_status_scheme (code, label_zh, label_en, color, position) "
                "VALUES (:code, :label_zh, :label_en, :color, :position)", scheme.to_records())
            self._insert_seed(projects, author or default_author(), utc_stamp(baseline), rows=False,
                              history=seed_history)

    def _insert_seed(self, projects: list[Project], author: str, stamp: str,
                     rows: bool = True, history: bool = True) -> list[HistoryRow]:
        """Insert ``projects`` with their seed history (``history``); the history rows written
        (none when ``rows`` is False: a new register's caller needs none, and a million would take
        seconds)."""
        edit_id = self._next_edit_id()
        values, seeds = seed_rows(self.path, projects, self.scheme(), history, edit_id, stamp, author)
        # one statement per table, not one per row: a pack of 100,000 projects seeds in seconds
        before = self._db.total_changes
        try:
            self._db.executemany(
                f"INSERT INTO parksgis_projects ({', '.join(PROJECT_FIELDS)}) VALUES "
                f"({', '.join('?' * len(PROJECT_FIELDS))})", values)
        except sqlite3.IntegrityError:
            # the rows before the refused one went in (until the transaction rolls back)
            refused = values[self._db.total_changes - before][0]
            raise ChangeError(self.path, f"project {refused}: already in the register") from None
        self._db.executemany(
            "INSERT INTO parksgis_history (edit_id, project_id, changed_at, field, old, new, author, "
            "source, reverts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", seeds)
        if not rows:
            return []
        # rowids of one statement's inserts are consecutive: the last one's and those before it
        last = self._db.execute("SELECT last_insert_rowid()").fetchone()[0]
        return [HistoryRow(last - len(seeds) + 1 + i, *row) for i, row in enumerate(seeds)]

    def _write_project(self, current: Project, fields: dict, edit_id: int, stamp: str, author: str,
                       source: str, reverts: int | None = None) -> list[HistoryRow]:
        sets = ", ".join(f"{f} = ?" for f in fields)
        self._db.execute(f"UPDATE parksgis_projects SET {sets} WHERE project_id = ?",
                         [to_db(f, v) for f, v in fields.items()] + [current.project_id])
        return [self._append(edit_id, current.project_id, stamp, f, to_text(f, getattr(current, f)),
                             to_text(f, v), author, source, reverts)
                for f, v in fields.items() if f != "updated_at"]

    def _append(self, edit_id, project_id, stamp, field, old, new, author, source,
                reverts=None) -> HistoryRow:
        cursor = self._db.execute(
            "INSERT INTO parksgis_history (edit_id, project_id, changed_at, field, old, new, author, "
            "source, reverts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (edit_id, project_id, stamp, field, old, new, author, source, reverts))
        return HistoryRow(cursor.lastrowid, edit_id, project_id, stamp, field, old, new, author, source,
                          reverts)

    def _next_edit_id(self) -> int:
        """The edit group of the open transaction (one group per transaction, see ``_group``)."""
        if self._group is None or not self._depth:
            self._group = self._db.execute(
                "SELECT COALESCE(MAX(edit_id), 0) + 1 FROM parksgis_history").fetchone()[0]
        return self._group

    def _check_schema(self) -> None:
        if not schema.has_register(self._db):
            self._db.close()
            raise RegisterError(self.path, "holds no parksgis register (no parksgis_meta table)")
        found = schema.read_version(self._db)
        if found > schema.SCHEMA_VERSION:
            self._db.close()
            raise SchemaVersionError(self.path, found, schema.SCHEMA_VERSION)
        if found < schema.SCHEMA_VERSION:
            if self.readonly:
                self._db.close()
                raise SchemaVersionError(self.path, found, schema.SCHEMA_VERSION, (
                    f"register schema version {found} is older than this parksgis (version "
                    f"{schema.SCHEMA_VERSION}) and needs a migration; open it writable once"))
            with self.transaction():
                schema.migrate(self._db, found)

    def _emit(self, rows: list[HistoryRow]) -> None:
        if rows:
            self.changed.emit(sorted({r.project_id for r in rows}))


_JOURNAL_LEFT = ("a write to it was interrupted (or is running) and its journal still holds the "
                 "rollback, which needs write access; nothing was read, since its pages may be half "
                 "written — run any writing command on it (e.g. 'parksgis status import') or open "
                 "it in the app as a user who can write this folder, and it is rolled back")


def _journal_beside(path: str) -> bool:
    """Whether a rollback journal that still counts lies beside ``path`` (SQLite zeroes the
    header of one it has rolled back or committed, and may leave the file)."""
    from parksgis.store.sqlite import journal_is_live

    return journal_is_live(path)
