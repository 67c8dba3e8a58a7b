"""A layers folder's recorded history (``history.csv``): the dated changes that led to projects.csv.

``projects.csv`` holds the register as of its date; ``history.csv`` says how each project got
there (``changed_at, project_id, field, old, new, author, note``). A new ``register.sqlite`` is
seeded with the values *before* the first recorded change of each field, dated at the programme's
baseline, and the changes are then replayed on their own days — so "status as of 1 March" works on
the sample parks from the first start.
"""

from __future__ import annotations

import csv
import dataclasses
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

from parksgis.model.project import Project
from parksgis.store.errors import RegisterError
from parksgis.store.values import from_db, same_value

HISTORY_FILE = "history.csv"
_COLUMNS = ("changed_at", "project_id", "field", "old", "new")


class HistoryFileError(RegisterError):
    """history.csv cannot be read, or does not lead to the values in projects.csv."""


@dataclass(frozen=True)
class RecordedChange:
    row: int  # 1-based line number in the file, for messages
    changed_at: date
    project_id: str
    field: str
    old: str
    new: str
    author: str
    note: str


def read_history_csv(path: Path) -> list[RecordedChange]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise HistoryFileError(path, f"missing column(s) {', '.join(missing)}")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise HistoryFileError(path, f"cannot be read: {exc}") from None
    changes = []
    for line, record in enumerate(rows, start=2):
        try:
            day = date.fromisoformat((record["changed_at"] or "").strip())
        except ValueError:
            raise HistoryFileError(path, f"row {line}, column changed_at: "
                                         f"{record['changed_at']!r} is not a date (YYYY-MM-DD)") from None
        changes.append(RecordedChange(line, day, record["project_id"].strip(), record["field"].strip(),
                                      (record["old"] or "").strip(), (record["new"] or "").strip(),
                                      (record.get("author") or "").strip(), (record.get("note") or "").strip()))
    return sorted(changes, key=lambda c: (c.changed_at, c.row))


def values_before(path: Path, projects: dict[str, Project],
                  changes: list[RecordedChange]) -> dict[str, Project]:
    """The projects as they were before ``changes``, checked to lead to ``projects`` exactly."""
    start = {pid: dataclasses.replace(p) for pid, p in projects.items()}
    firsts: dict[tuple[str, str], RecordedChange] = {}
    lasts: dict[tuple[str, str], RecordedChange] = {}
    for change in changes:
        if change.project_id not in projects:
            raise HistoryFileError(path, f"row {change.row}, column project_id: "
                                         f"{change.project_id!r} is not in projects.csv")
        if not hasattr(start[change.project_id], change.field):
            raise HistoryFileError(path, f"row {change.row}, column field: unknown field {change.field!r}")
        key = (change.project_id, change.field)
        if key in lasts and lasts[key].new != change.old:
            raise HistoryFileError(path, f"row {change.row}: {change.project_id} {change.field} was "
                                         f"{lasts[key].new!r} after row {lasts[key].row}, not {change.old!r}")
        firsts.setdefault(key, change)
        lasts[key] = change
    for (pid, field), change in lasts.items():
        final = getattr(projects[pid], field)
        if not same_value(field, final, from_db(field, change.new)):
            raise HistoryFileError(path, f"row {change.row}: {pid} {field} ends at {change.new!r} "
                                         f"but projects.csv has {final!r}")
    for (pid, field), change in firsts.items():
        setattr(start[pid], field, from_db(field, change.old))
    return start


def replay(store, changes: list[RecordedChange]) -> None:
    """Write ``changes`` into ``store``, one edit group per day and author, on their own dates."""
    source = HISTORY_FILE
    for (day, author), group in groupby(changes, key=lambda c: (c.changed_at, c.author)):
        batch: dict[str, dict] = {}
        for change in group:
            batch.setdefault(change.project_id, {})[change.field] = change.new
        store.update_many(batch, author=author or "history.csv", source=source, changed_at=day)
