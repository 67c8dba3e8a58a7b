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
from typing import NamedTuple

from parksgis.model.project import Project
from parksgis.store.values import end_of_day_stamp, from_db


class HistoryRow(NamedTuple):
    """One append-only history row. ``old``/``new`` are stored text (see ``values.to_text``).

    A named tuple, not a dataclass: a register's history is read whole (tens of thousands of
    rows) for every as-of date, and tuples are built several times faster.
    """

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
    return replay_days(current, rows, [day])[0]


def replay_days(current: dict[str, Project], rows: list[HistoryRow], days) -> list[dict[str, Project]]:
    """:func:`replay` for several days at once, sorting and sweeping the history only once."""
    ordered = sorted(rows, key=lambda r: (r.changed_at, r.id))
    texts: dict[tuple[str, str], str | None] = {}
    for row in ordered:  # the baseline: the seed value, else the old value of the first change
        texts.setdefault((row.project_id, row.field), row.new if row.source == "seed" else row.old)
    snapshots: list = [None] * len(days)
    position = 0
    for cutoff, index in sorted((end_of_day_stamp(day), i) for i, day in enumerate(days)):
        while position < len(ordered) and ordered[position].changed_at < cutoff:
            row = ordered[position]
            texts[(row.project_id, row.field)] = row.new  # rows in order: the last one wins
            position += 1
        snapshots[index] = _materialise(current, texts)
    return snapshots


def _materialise(current: dict[str, Project], texts: dict) -> dict[str, Project]:
    changed: dict[str, dict] = {}
    for (pid, field), text in texts.items():
        project = current.get(pid)
        if project is None or field not in _FIELD_NAMES:
            continue
        value = from_db(field, text)
        if value != getattr(project, field):
            changed.setdefault(pid, {})[field] = value
    return {pid: dataclasses.replace(p, **changed[pid]) if pid in changed else p
            for pid, p in current.items()}


_FIELD_NAMES = frozenset(f.name for f in dataclasses.fields(Project))


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
