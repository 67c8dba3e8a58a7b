"""``parksgis pack merge URL CHANGES.json``: a field pack's changes into the server's register,
with the conflict handling of a folder merge (:mod:`parksgis.pack.merge`).

A change whose base the server still holds is applied (history source ``pack:<pack_id>``, the
field office's author, the database user who merged); one the server already holds is skipped;
otherwise headquarters changed the field too and it is a **conflict**: nothing is applied, both
values wait in ``parksgis.conflicts`` until someone takes the field's or the server's value. The
merge is one transaction holding the ledger's lock, so two merges at once never apply a change
twice; merged change ids are recorded, so a change file merged again changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from parksgis.pack.changes import read_changes
from parksgis.pack.errors import PackError
from parksgis.pack.merge import CHOICES, Conflict, MergeResult
from parksgis.server import connection
from parksgis.server.register import ServerRegister
from parksgis.store.register import default_author
from parksgis.store.values import from_db, to_text

_CONFLICT_COLUMNS = ("conflict_id, project_id, field, base_value, field_value, target_value, author, "
                     "changed_at, change_source, status, resolution")


def merge_into_database(src: str, change_files, *, take: str | None = None,
                        choices: dict[str, str] | None = None, author: str | None = None) -> MergeResult:
    """Merge change files (or packs) into the database ``src`` in one transaction."""
    documents = [(Path(f), read_changes(f)) for f in change_files]  # all read before any write
    for choice in [take, *(choices or {}).values()]:
        if choice is not None and choice not in CHOICES:
            raise PackError(connection.display(src), f"a conflict is resolved with 'field' or 'target', "
                                                     f"not {choice!r}")
    with ServerRegister.open(src) as register:
        result = MergeResult(Path(register.label))
        with register.transaction(author=author) as cur:
            cur.execute("LOCK TABLE parksgis.applied_changes IN EXCLUSIVE MODE")
            cur.execute("SELECT change_id FROM parksgis.applied_changes")
            done = {row[0] for row in cur.fetchall()}
            for _file, document in documents:
                pack_id = document["pack"]["pack_id"]
                for change in document["changes"]:
                    if change["change_id"] in done:
                        result.repeated.append(change)
                        continue
                    outcome = _merge_one(register, cur, pack_id, change, result)
                    cur.execute("INSERT INTO parksgis.applied_changes (change_id, pack_id, project_id, "
                                "field, new_value, outcome) VALUES (%s, %s, %s, %s, %s, %s)",
                                (change["change_id"], pack_id, change["project_id"], change["field"],
                                 change["new"], outcome))
                    done.add(change["change_id"])
            if take or choices:
                result.resolved = _resolve(register, cur, take, choices or {}, author or default_author())
            result.still_open = _conflicts(cur, "open")
    return result


def open_database_conflicts(src: str) -> list[Conflict]:
    with ServerRegister.open(src, readonly=True) as register:
        with register._conn.cursor() as cur:
            return _conflicts(cur, "open")


def _current_text(register, cur, pid: str, field: str) -> tuple[bool, str | None]:
    projects = register._lock(cur, [pid]) if _exists(cur, pid) else {}
    if pid not in projects:
        return False, None
    return True, to_text(field, getattr(projects[pid], field))


def _exists(cur, pid: str) -> bool:
    cur.execute("SELECT 1 FROM parksgis.projects WHERE project_id = %s", (pid,))
    return cur.fetchone() is not None


def _set(register, cur, pid: str, field: str, text, author: str, source: str) -> None:
    cur.execute("SELECT set_config('parksgis.author', %s, true), set_config('parksgis.source', %s, true)",
                (author, source))
    register._write(cur, pid, {field: from_db(field, text)})


def _merge_one(register, cur, pack_id: str, change: dict, result: MergeResult) -> str:
    pid, field = change["project_id"], change["field"]
    exists, current = _current_text(register, cur, pid, field)
    if exists and current == change["new"]:
        result.already.append(change)
        return "already"
    # this pack's earlier change of the field, merged or chosen: a later export builds on it
    cur.execute("SELECT new_value FROM parksgis.applied_changes WHERE pack_id = %s AND project_id = %s "
                "AND field = %s AND outcome IN ('applied', 'already', 'resolved-field') "
                "ORDER BY seq DESC LIMIT 1", (pack_id, pid, field))
    earlier = cur.fetchone()
    if exists and (current == change["base"] or (earlier and current == earlier[0])):
        _set(register, cur, pid, field, change["new"], change.get("author") or "field office",
             f"pack:{pack_id}")
        result.merged.append(change)
        return "applied"
    conflict = Conflict(change["change_id"], pid, field, change["base"], change["new"], current,
                        change.get("author", ""), change.get("changed_at", ""), pack_id)
    cur.execute("INSERT INTO parksgis.conflicts (conflict_id, change_id, project_id, field, base_value, "
                "field_value, target_value, author, changed_at, change_source) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (conflict_id) DO NOTHING",
                (conflict.conflict_id, change["change_id"], pid, field, conflict.base, conflict.field_value,
                 current, conflict.author, conflict.changed_at, pack_id))
    result.conflicts.append(conflict)
    return "conflict"


def _conflicts(cur, status: str) -> list[Conflict]:
    cur.execute(f"SELECT {_CONFLICT_COLUMNS} FROM parksgis.conflicts WHERE status = %s "
                "ORDER BY detected_at, conflict_id", (status,))
    return [Conflict(*row) for row in cur.fetchall()]


def _resolve(register, cur, take, choices: dict[str, str], author: str) -> list[Conflict]:
    open_now = {c.conflict_id: c for c in _conflicts(cur, "open")}
    unknown = sorted(cid for cid in choices if cid not in open_now)
    if unknown:
        raise PackError(register.label, f"no open conflict {unknown[0]!r}; open: {', '.join(open_now) or 'none'}")
    resolved = []
    for conflict_id, conflict in open_now.items():
        choice = choices.get(conflict_id, take)
        if choice is None:
            continue
        if choice == "field" and _exists(cur, conflict.project_id):
            register._lock(cur, [conflict.project_id])
            _set(register, cur, conflict.project_id, conflict.field, conflict.field_value, author,
                 f"resolve:{conflict_id}")
        cur.execute("UPDATE parksgis.conflicts SET status = 'resolved', resolution = %s, "
                    "resolved_at = clock_timestamp(), resolved_by = %s WHERE conflict_id = %s",
                    (choice, author, conflict_id))
        cur.execute("UPDATE parksgis.applied_changes SET outcome = %s WHERE change_id = %s",
                    (f"resolved-{choice}", conflict_id))
        conflict.status, conflict.resolution = "resolved", choice
        resolved.append(conflict)
    return resolved
