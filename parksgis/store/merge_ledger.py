"""What a merge keeps beside an SQLite register: the change ids merged into it and the conflicts
waiting for a decision (tables ``parksgis_applied_changes`` and ``parksgis_conflicts``, the same in
a layers folder's register.sqlite and in a pack).

A merge reaches it through the register, never through the register's connection:
``with store.merging() as ledger`` is one register transaction, and the ledger's writes and the
register's own (``store.apply``) commit or roll back together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

CONFLICTS = "parksgis_conflicts"  # merge conflicts: both values kept, open or resolved
APPLIED = "parksgis_applied_changes"  # change ids merged into this register (re-merge is a no-op)
_CONFLICT_COLUMNS = ("conflict_id, project_id, field, base_value, field_value, target_value, author, "
                     "changed_at, change_source, status, resolution")


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


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def create_tables(conn) -> None:
    """Conflict and applied-change tables; made in a pack at build, in a layers folder's register
    on its first merge."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {CONFLICTS} (id INTEGER PRIMARY KEY, "
                 "conflict_id TEXT NOT NULL UNIQUE, "
                 "change_id TEXT NOT NULL, project_id TEXT NOT NULL, field TEXT NOT NULL, "
                 "base_value TEXT, field_value TEXT, target_value TEXT, author TEXT, "
                 "changed_at TEXT, change_source TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open', "
                 "resolution TEXT, resolved_at TEXT, resolved_by TEXT, detected_at TEXT NOT NULL)")
    conn.execute(f"CREATE TABLE IF NOT EXISTS {APPLIED} (id INTEGER PRIMARY KEY, "
                 "change_id TEXT NOT NULL UNIQUE, "
                 "pack_id TEXT NOT NULL, project_id TEXT NOT NULL, field TEXT NOT NULL, "
                 "new_value TEXT, outcome TEXT NOT NULL, merged_at TEXT NOT NULL, last_edit TEXT)")
    # last_edit (the key of a merged change's last edit, see pack.merge.edit_key) came later: older
    # packs and registers get the column on their next merge (the table is not hashed)
    names = {row[1] for row in conn.execute(f'PRAGMA table_info("{APPLIED}")')}
    if "last_edit" not in names:
        conn.execute(f"ALTER TABLE {APPLIED} ADD COLUMN last_edit TEXT")


class MergeLedger:
    """The merge tables of one register, read and written inside its transaction."""

    def __init__(self, conn):
        self._db = conn

    def merged_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute(f"SELECT change_id FROM {APPLIED}")}

    def merged_tips(self) -> list[tuple]:
        """(pack, project, field, new value, key of the last edit) of every change whose value was
        taken here (applied, already there, or resolved with the field's value)."""
        return self._db.execute(
            f"SELECT pack_id, project_id, field, new_value, last_edit FROM {APPLIED} "
            "WHERE last_edit IS NOT NULL AND outcome IN ('applied', 'already', 'resolved-field')").fetchall()

    def record(self, pack_id: str, change: dict, outcome: str, last_edit: str | None) -> None:
        self._db.execute(f"INSERT INTO {APPLIED} (change_id, pack_id, project_id, field, new_value, "
                         "outcome, merged_at, last_edit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (change["change_id"], pack_id, change["project_id"], change["field"],
                          change["new"], outcome, now(), last_edit))

    def add_conflict(self, conflict: Conflict, change_id: str) -> None:
        self._db.execute(
            f"INSERT INTO {CONFLICTS} (conflict_id, change_id, project_id, field, base_value, "
            "field_value, target_value, author, changed_at, change_source, status, detected_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
            (conflict.conflict_id, change_id, conflict.project_id, conflict.field, conflict.base,
             conflict.field_value, conflict.target_value, conflict.author, conflict.changed_at,
             conflict.source, now()))

    def conflicts(self, status: str | None = None) -> list[Conflict]:
        """Conflicts (``status`` 'open' or 'resolved', None: all) in the order they were found;
        none when nothing was ever merged here."""
        if not self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                (CONFLICTS,)).fetchone():
            return []
        rows = self._db.execute(f"SELECT {_CONFLICT_COLUMNS} FROM {CONFLICTS}"
                                + (" WHERE status = ?" if status else "")
                                + " ORDER BY detected_at, conflict_id", (status,) if status else ()).fetchall()
        return [Conflict(*row) for row in rows]

    def resolve(self, conflict: Conflict, choice: str, author: str) -> None:
        """Mark ``conflict`` resolved with ``choice`` ('field' or 'target'); the value itself is
        written through the register by the caller."""
        self._db.execute(f"UPDATE {CONFLICTS} SET status = 'resolved', resolution = ?, resolved_at = ?, "
                         "resolved_by = ? WHERE conflict_id = ?", (choice, now(), author, conflict.conflict_id))
        self._db.execute(f"UPDATE {APPLIED} SET outcome = ? WHERE change_id = ?",
                         (f"resolved-{choice}", conflict.conflict_id))
        conflict.status, conflict.resolution = "resolved", choice
