"""``parksgis pack merge``: apply change files to headquarters' register, never losing an edit.

For each change: if the target still holds the change's base value, the new value is applied
(history source ``pack:<pack_id>``); if it already holds the new value, nothing happens;
otherwise headquarters changed the field too and it is a **conflict** — nothing is applied, both
values are kept in ``parksgis_conflicts`` until someone takes the field's or the target's value.
Applied change ids are recorded, so merging a change file again changes nothing. The whole merge,
including resolutions asked for on the command line, is one SQLite transaction.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from parksgis.pack import format as fmt
from parksgis.pack.access import read_only_reason
from parksgis.pack.changes import read_changes
from parksgis.pack.errors import PackCorruptError, PackError, PackLockedError, PackReadOnlyError
from parksgis.store.errors import RegisterLockedError
from parksgis.store.register import RegisterStore, default_author, register_file

CHOICES = ("field", "target")


@dataclass
class Conflict:
    conflict_id: str
    project_id: str
    field: str
    base: str | None
    field_value: str | None   # what the field office set
    target_value: str | None  # what headquarters holds
    author: str = ""
    changed_at: str = ""
    source: str = ""          # pack id of the change
    status: str = "open"
    resolution: str | None = None


@dataclass
class MergeResult:
    target: Path
    merged: list[dict] = field(default_factory=list)
    already: list[dict] = field(default_factory=list)   # target had the new value already
    repeated: list[dict] = field(default_factory=list)  # change ids merged before: no-op
    conflicts: list[Conflict] = field(default_factory=list)  # found by this merge
    resolved: list[Conflict] = field(default_factory=list)
    still_open: list[Conflict] = field(default_factory=list)  # all open conflicts afterwards


@contextmanager
def _merge_transaction(store: RegisterStore):
    """The whole merge as one register transaction: the writes inside it join it."""
    try:
        with store.transaction() as db:
            yield db
    except RegisterLockedError as exc:
        raise PackLockedError(store.path, f"cannot merge: another program holds the write lock "
                                          f"({exc}); nothing was changed") from None


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _open_target(target) -> RegisterStore:
    target = Path(target)
    if target.is_dir():
        if not register_file(target).exists() and not (target / "projects.csv").exists():
            raise PackError(target, "not a layers folder: it has no register.sqlite and no "
                                    "projects.csv to merge into")
        store = RegisterStore.for_folder(target)
        if not store.persistent or store.readonly:
            raise PackReadOnlyError(target, "the layers folder is not writable; cannot merge into it")
        return store
    if not target.is_file():
        raise PackError(target, "merge target must be a layers folder or a .gpkg pack")
    reason = read_only_reason(target)
    if reason:
        raise PackReadOnlyError(target, f"cannot merge into it ({reason})")
    from parksgis.pack.handle import open_pack

    _workspace, handle = open_pack(target, layers=False)  # verifies (and migrates) it first
    handle.close()
    return RegisterStore.open(target)


def _value(store, project_id: str, field_name: str):
    from parksgis.pack.values import value_text

    projects = store.projects()
    if project_id not in projects:
        return False, None
    return True, value_text(field_name, getattr(projects[project_id], field_name))


def _apply(store, project_id, field_name, text, author, source) -> None:
    from parksgis.store.values import from_db

    store.update(project_id, {field_name: from_db(field_name, text)}, author=author, source=source)


def merge_changes(target, change_files, *, take: str | None = None,
                  choices: dict[str, str] | None = None, author: str | None = None) -> MergeResult:
    """Merge change files (or packs) into ``target`` (a layers folder or a pack) in one transaction.

    ``take`` resolves every conflict (new and already open) with the field's or the target's
    value; ``choices`` maps conflict ids to ``field``/``target`` one by one.
    """
    documents = [(Path(f), read_changes(f)) for f in change_files]  # all read before any write
    result = MergeResult(Path(target))
    store = _open_target(target)
    try:
        with _merge_transaction(store) as db:
            fmt.create_merge_tables(db)
            done = {row[0] for row in db.execute(f"SELECT change_id FROM {fmt.APPLIED}")}
            for file, document in documents:
                pack_id = document["pack"]["pack_id"]
                for change in document["changes"]:
                    if change["change_id"] in done:
                        result.repeated.append(change)
                        continue
                    outcome = _merge_one(store, db, pack_id, change, result)
                    db.execute(f"INSERT INTO {fmt.APPLIED} (change_id, pack_id, project_id, field, "
                               "new_value, outcome, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               (change["change_id"], pack_id, change["project_id"], change["field"],
                                change["new"], outcome, _now()))
                    done.add(change["change_id"])
            if take or choices:
                result.resolved = _resolve(store, db, take, choices or {}, author)
            result.still_open = _conflicts(db, "open")
    finally:
        store.close()
    return result


def _merge_one(store, db, pack_id: str, change: dict, result: MergeResult) -> str:
    pid, field_name = change["project_id"], change["field"]
    exists, current = _value(store, pid, field_name)
    if exists and current == change["new"]:
        result.already.append(change)
        return "already"
    # the value this pack's earlier change file left in the target (applied, agreed or chosen):
    # a later export of the same pack builds on it, so it counts as that change's base
    earlier = db.execute(f"SELECT new_value FROM {fmt.APPLIED} WHERE pack_id = ? AND project_id = ? "
                         "AND field = ? AND outcome IN ('applied', 'already', 'resolved-field') "
                         "ORDER BY rowid DESC LIMIT 1", (pack_id, pid, field_name)).fetchone()
    if exists and (current == change["base"] or (earlier and current == earlier[0])):
        _apply(store, pid, field_name, change["new"], change.get("author") or "field office",
               f"pack:{pack_id}")
        result.merged.append(change)
        return "applied"
    conflict = Conflict(change["change_id"], pid, field_name, change["base"], change["new"],
                        current, change.get("author", ""), change.get("changed_at", ""), pack_id)
    db.execute(f"INSERT INTO {fmt.CONFLICTS} (conflict_id, change_id, project_id, field, base_value, "
               "field_value, target_value, author, changed_at, change_source, status, detected_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
               (conflict.conflict_id, change["change_id"], pid, field_name, conflict.base,
                conflict.field_value, current if exists else None, conflict.author,
                conflict.changed_at, pack_id, _now()))
    result.conflicts.append(conflict)
    return "conflict"


def _conflicts(db, status: str | None = None) -> list[Conflict]:
    sql = (f"SELECT conflict_id, project_id, field, base_value, field_value, target_value, author, "
           f"changed_at, change_source, status, resolution FROM {fmt.CONFLICTS}")
    rows = db.execute(sql + (" WHERE status = ?" if status else "") + " ORDER BY detected_at, "
                      "conflict_id", (status,) if status else ()).fetchall()
    return [Conflict(*row) for row in rows]


def _resolve(store, db, take, choices: dict[str, str], author) -> list[Conflict]:
    for choice in [take, *choices.values()]:
        if choice is not None and choice not in CHOICES:
            raise PackError(store.path, f"a conflict is resolved with 'field' or 'target', not {choice!r}")
    open_now = {c.conflict_id: c for c in _conflicts(db, "open")}
    unknown = sorted(cid for cid in choices if cid not in open_now)
    if unknown:
        raise PackError(store.path, f"no open conflict {unknown[0]!r}; open: "
                                    f"{', '.join(open_now) or 'none'}")
    resolved = []
    author = author or default_author()
    for conflict_id, conflict in open_now.items():
        choice = choices.get(conflict_id, take)
        if choice is None:
            continue
        if choice == "field":
            _apply(store, conflict.project_id, conflict.field, conflict.field_value, author,
                   f"resolve:{conflict_id}")
        db.execute(f"UPDATE {fmt.CONFLICTS} SET status = 'resolved', resolution = ?, resolved_at = ?, "
                   "resolved_by = ? WHERE conflict_id = ?", (choice, _now(), author, conflict_id))
        db.execute(f"UPDATE {fmt.APPLIED} SET outcome = ? WHERE change_id = ?",
                   (f"resolved-{choice}", conflict_id))
        conflict.status, conflict.resolution = "resolved", choice
        resolved.append(conflict)
    return resolved


def resolve_conflicts(target, *, take: str | None = None, choices: dict[str, str] | None = None,
                      author: str | None = None) -> list[Conflict]:
    """Resolve open conflicts of ``target`` (the app's conflict dialog calls this); one transaction."""
    store = _open_target(target)
    try:
        with _merge_transaction(store) as db:
            fmt.create_merge_tables(db)
            return _resolve(store, db, take, choices or {}, author)
    finally:
        store.close()


def open_conflicts(target) -> list[Conflict]:
    """The conflicts of ``target`` still waiting for a decision."""
    target = Path(target)
    path = register_file(target) if target.is_dir() else target
    if not path.is_file():
        return []
    from parksgis.pack.access import connect

    conn = connect(path, read_only=read_only_reason(path) is not None)
    try:
        if fmt.CONFLICTS not in fmt.user_tables(conn):
            return []
        return _conflicts(conn, "open")
    except Exception as exc:  # sqlite3.Error
        raise PackCorruptError(path, f"cannot read conflicts ({exc})") from None
    finally:
        conn.close()
