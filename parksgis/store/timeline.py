"""Status as of a date and what changed between two dates, replayed from the append-only history.

Definition (the register's one rule for "as of"): the value of a project's field at the end of
calendar day D (China Standard Time, see ``values.REGISTER_TZ``) is the ``new`` value of the last
history row for that field stamped before D ends, rows ordered by (changed_at, id) — so of several
changes on one day the last one wins. With no row on or before D the value is the *baseline*: the
seed value when the project was created by a seed (or an explicit baseline date), else the ``old``
value of the field's first recorded change, else (never changed) the current value. Hence dates
before any history give the baseline.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from parksgis.model.project import Project
from parksgis.store.values import end_of_day_stamp, from_db


@dataclass(frozen=True)
class HistoryRow:
    """One append-only history row. ``old``/``new`` are stored text (see ``values.to_text``)."""

    id: int
    edit_id: int
    project_id: str
    changed_at: str  # UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ
    field: str
    old: str | None
    new: str | None
    author: str
    source: str  # 'seed', 'app', 'undo', a spreadsheet file name, ...
    reverts: int | None = None  # on 'undo' rows: the edit_id reverted

    @property
    def old_value(self):
        return from_db(self.field, self.old)

    @property
    def new_value(self):
        return from_db(self.field, self.new)


#: compare() kinds, by the status reached at the later date
STARTED, COMPLETED, SUSPENDED, OTHER = "started", "completed", "suspended", "other"


@dataclass(frozen=True)
class StatusChange:
    """A project whose status differs between two dates."""

    project_id: str
    park: str
    before: str
    after: str
    kind: str  # STARTED (-> under_construction), COMPLETED (-> completed/in_operation), SUSPENDED, OTHER
    progress_before: float | None = None
    progress_after: float | None = None


def status_change_kind(before: str, after: str) -> str:
    if after == "under_construction":
        return STARTED
    if after in ("completed", "in_operation"):
        return COMPLETED
    if after == "suspended":
        return SUSPENDED
    return OTHER


def replay(current: dict[str, Project], rows: list[HistoryRow],
           day: date | datetime | str) -> dict[str, Project]:
    """Every project as it stood at the end of ``day`` (see the module docstring for the rule)."""
    cutoff = end_of_day_stamp(day)
    by_key: dict[tuple[str, str], list[HistoryRow]] = {}
    for row in sorted(rows, key=lambda r: (r.changed_at, r.id)):
        by_key.setdefault((row.project_id, row.field), []).append(row)
    result: dict[str, Project] = {}
    for pid, project in current.items():
        values = {}
        for field in dataclasses.fields(Project):
            key = (pid, field.name)
            if key in by_key:
                values[field.name] = _value_at(by_key[key], cutoff)
        result[pid] = dataclasses.replace(project, **values)
    return result


def _value_at(rows: list[HistoryRow], cutoff: str):
    last = None
    for row in rows:
        if row.changed_at >= cutoff:
            break
        last = row
    if last is not None:
        return last.new_value
    first = rows[0]
    return first.new_value if first.source == "seed" else first.old_value


def compare(before: dict[str, Project], after: dict[str, Project]) -> list[StatusChange]:
    """Projects whose status differs between two as-of snapshots, in project-id order."""
    changes = []
    for pid in sorted(after):
        b, a = before.get(pid), after[pid]
        if b is None or b.status == a.status:
            continue
        changes.append(StatusChange(pid, a.park, b.status, a.status, status_change_kind(b.status, a.status),
                                    b.progress_pct, a.progress_pct))
    return changes
