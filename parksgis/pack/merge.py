"""``parksgis pack merge``: apply change files to headquarters' register, never losing an edit.

A change is applied when the target still holds the value the change builds on, whoever made the
target's current value: that is the change's base (its value at the build), or — when this
target already merged an earlier export of the very same edits — the value that earlier export
left (its last edit is found in this change's trail of edits; a copy of the pack edited
elsewhere has a different trail, so it does not count). If the target already holds the new
value nothing happens; otherwise the target changed the field too and it is a **conflict** —
nothing is applied, both values are kept in ``parksgis_conflicts`` until someone takes the
field's or the target's value. A change for a project the target lacks is reported and skipped
(not recorded, so it is merged once the project exists). Applied change ids are recorded, so
merging a change file again changes nothing. The whole merge, including resolutions asked for
on the command line, is one SQLite transaction and one edit group (one undo takes it back).
Values are checked with the register's own rule before anything is written.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from parksgis.pack import format as fmt
from parksgis.pack.access import read_only_reason
from parksgis.pack.changes import read_changes
from parksgis.pack.errors import ChangeFileError, PackCorruptError, PackError, PackLockedError, PackReadOnlyError
from parksgis.store.errors import RegisterLockedError
from parksgis.store.merge_ledger import Conflict, MergeLedger
from parksgis.store.register import RegisterStore, default_author, register_file

CHOICES = ("field", "target")


@dataclass
class MergeResult:
    target: Path
    merged: list[dict] = field(default_factory=list)
    already: list[dict] = field(default_factory=list)   # target had the new value already
    repeated: list[dict] = field(default_factory=list)  # change ids merged before: no-op
    conflicts: list[Conflict] = field(default_factory=list)  # found by this merge
    missing: list[dict] = field(default_factory=list)   # projects the target does not have
    resolved: list[Conflict] = field(default_factory=list)
    ambiguous: list[list[Conflict]] = field(default_factory=list)  # --take field: offices differ
    still_open: list[Conflict] = field(default_factory=list)  # all open conflicts afterwards


@contextmanager
def _merge_transaction(store: RegisterStore):
    """The whole merge as one register transaction, yielding its merge ledger: the writes inside
    it join it."""
    try:
        with store.merging() as ledger:
            yield ledger
    except RegisterLockedError as exc:
        raise PackLockedError(store.path, f"cannot merge: another program holds the write lock "
                                          f"({exc}); nothing was changed") from None


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
    from parksgis.pack.handle import open_pack_register

    return open_pack_register(target)  # verifies (and migrates) it first


def edit_key(edit: dict) -> str:
    """Identity of one edit in a change's trail: when, by whom, from what to what."""
    key = json.dumps([edit.get("changed_at"), edit.get("author"), edit.get("old"), edit.get("new")],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _last_edit(change: dict) -> str | None:
    edits = change.get("edits") or []
    return edit_key(edits[-1]) if edits else None


class _Target:
    """What the merge compares against, read once: current values and the trails merged before.

    Kept up to date in memory as changes are applied, so a merge is one pass over the changes
    (no re-reading of the register per change).
    """

    def __init__(self, store: RegisterStore, ledger: MergeLedger):
        from parksgis.pack.values import value_text
        from parksgis.store.values import EDITABLE_FIELDS

        self.store, self.ledger = store, ledger
        self.values = {(pid, f): value_text(f, getattr(p, f))
                       for pid, p in store.projects().items() for f in EDITABLE_FIELDS}
        self.projects = {pid for pid, _f in self.values}
        #: (pack, project, field) -> {key of the last edit of a change merged here: its new value}
        self.merged_tips: dict[tuple, dict[str, str | None]] = {}
        for pack_id, pid, fld, new, tip in ledger.merged_tips():
            self.merged_tips.setdefault((pack_id, pid, fld), {})[tip] = new
        self.done = ledger.merged_ids()

    def builds_on(self, pack_id: str, change: dict) -> str | None:
        """The value the change builds on: its latest edit already merged here, else its base."""
        tips = self.merged_tips.get((pack_id, change["project_id"], change["field"]), {})
        for edit in reversed(change.get("edits") or []):
            key = edit_key(edit)
            if key in tips:
                return edit.get("new")
        return change["base"]

    def record(self, pack_id: str, change: dict, outcome: str) -> None:
        tip = _last_edit(change)
        self.ledger.record(pack_id, change, outcome, tip)
        self.done.add(change["change_id"])
        if tip and outcome in ("applied", "already"):
            self.merged_tips.setdefault((pack_id, change["project_id"], change["field"]), {})[tip] = \
                change["new"]

    def apply(self, project_id, field_name, text, author, source) -> None:
        from parksgis.store.values import from_db

        self.store.update(project_id, {field_name: from_db(field_name, text)}, author=author,
                          source=source)
        self.values[(project_id, field_name)] = text


def check_values(store: RegisterStore, documents) -> None:
    """Every new value of every change, checked with the register's rule before anything is written."""
    from parksgis.store.changes import check_change
    from parksgis.store.errors import ChangeError

    scheme, parks = store.scheme(), store.parks()
    for file, document in documents:
        for i, change in enumerate(document["changes"], start=1):
            try:  # the text as sent: check_change reads ISO dates and number text itself
                check_change(str(file), change["project_id"], change["field"], change["new"], scheme,
                             parks)
            except ChangeError as exc:
                raise ChangeFileError(file, f"change {i}: {exc.detail}; nothing was merged") from None


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
        check_values(store, documents)
        with _merge_transaction(store) as ledger:
            state = _Target(store, ledger)
            for _file, document in documents:
                pack_id = document["pack"]["pack_id"]
                for change in document["changes"]:
                    if change["change_id"] in state.done:
                        result.repeated.append(change)
                        continue
                    outcome = _merge_one(state, pack_id, change, result)
                    if outcome != "missing":
                        state.record(pack_id, change, outcome)
            if take or choices:
                result.resolved, result.ambiguous = _resolve(store, ledger, take, choices or {}, author)
            result.still_open = ledger.conflicts("open")
    finally:
        store.close()
    return result


def _merge_one(state: _Target, pack_id: str, change: dict, result: MergeResult) -> str:
    pid, field_name = change["project_id"], change["field"]
    if pid not in state.projects:
        result.missing.append(change)
        return "missing"
    current = state.values[(pid, field_name)]
    if current == change["new"]:
        result.already.append(change)
        return "already"
    base = state.builds_on(pack_id, change)
    if base == change["new"]:  # edited and put back since what was merged here: nothing to send
        result.already.append(change)
        return "already"
    if current == base:
        state.apply(pid, field_name, change["new"], change.get("author") or "field office",
                    f"pack:{pack_id}")
        result.merged.append({**change, "base": base})  # what it was applied over
        return "applied"
    conflict = Conflict(change["change_id"], pid, field_name, base, change["new"], current,
                        change.get("author", ""), change.get("changed_at", ""), pack_id)
    state.ledger.add_conflict(conflict, change["change_id"])
    result.conflicts.append(conflict)
    return "conflict"


def _resolve(store, ledger: MergeLedger, take, choices: dict[str, str],
             author) -> tuple[list[Conflict], list[list[Conflict]]]:
    """Resolve open conflicts; returns (resolved, ambiguous groups left open).

    Two field offices offering different values for one field cannot both be taken: such a
    group is left open for a choice by conflict id, and the rest is resolved.
    """
    for choice in [take, *choices.values()]:
        if choice is not None and choice not in CHOICES:
            raise PackError(store.path, f"a conflict is resolved with 'field' or 'target', not {choice!r}")
    open_now = {c.conflict_id: c for c in ledger.conflicts("open")}
    unknown = sorted(cid for cid in choices if cid not in open_now)
    if unknown:
        raise PackError(store.path, f"no open conflict {unknown[0]!r}; open: "
                                    f"{', '.join(open_now) or 'none'}")
    taking: dict[tuple[str, str], list[Conflict]] = {}
    for conflict_id, conflict in open_now.items():
        if choices.get(conflict_id, take) == "field":
            taking.setdefault((conflict.project_id, conflict.field), []).append(conflict)
    ambiguous = [group for group in taking.values()
                 if len({c.field_value for c in group}) > 1]
    left_open = {c.conflict_id for group in ambiguous for c in group}
    resolved = []
    author = author or default_author()
    for conflict_id, conflict in open_now.items():
        choice = choices.get(conflict_id, take)
        if choice is None or conflict_id in left_open:
            continue
        if choice == "field":
            from parksgis.store.values import from_db

            store.update(conflict.project_id, {conflict.field: from_db(conflict.field,
                                                                        conflict.field_value)},
                         author=author, source=f"resolve:{conflict_id}")
        ledger.resolve(conflict, choice, author)
        resolved.append(conflict)
    return resolved, ambiguous


def resolve_conflicts(target, *, take: str | None = None, choices: dict[str, str] | None = None,
                      author: str | None = None) -> list[Conflict]:
    """Resolve open conflicts of ``target`` (the app's conflict dialog calls this); one transaction."""
    store = _open_target(target)
    try:
        with _merge_transaction(store) as ledger:
            return _resolve(store, ledger, take, choices or {}, author)[0]
    finally:
        store.close()


def open_conflicts(target) -> list[Conflict]:
    """The conflicts of ``target`` still waiting for a decision."""
    target = Path(target)
    path = register_file(target) if target.is_dir() else target
    if target.is_dir() and not path.is_file():
        if (target / "projects.csv").is_file():
            return []  # a layers folder nothing was merged into yet
        raise PackError(target, "not a layers folder: it has no register.sqlite and no projects.csv")
    if not path.is_file():
        raise PackError(target, "no such layers folder or pack")
    from parksgis.pack.access import check_header, connect

    check_header(path)  # an empty or foreign file is named as such, not "0 conflicts open"
    if not target.is_dir():  # a damaged pack is refused, as by every command that reads one
        from parksgis.pack.handle import open_pack_register

        open_pack_register(path, readonly=True).close()

    conn = connect(path, read_only=read_only_reason(path) is not None)
    try:
        if fmt.CONFLICTS not in fmt.user_tables(conn):
            return []
        return MergeLedger(conn).conflicts("open")
    except Exception as exc:  # sqlite3.Error
        raise PackCorruptError(path, f"cannot read conflicts ({exc})") from None
    finally:
        conn.close()
