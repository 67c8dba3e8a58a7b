"""The rows a register stores for new projects and their seed history, worked out a column at a time.

``check_change`` then ``to_db`` is the one rule for what the register stores; applied value by
value it is a few Python calls per field, 1.4 million of them for a district's 100,000 projects
(seconds of ``pack build``). Nearly every value is already of its field's plain type (text, a
date, a float, or empty), and for those the rule comes down to a strip, an ``isoformat`` or a
``round`` and a few checks that hold for a whole column at once. So each column is taken whole
when all its values are plain and pass; when any is not (another type, an empty required field,
an unknown status, a number out of range) every project goes through the rule value by value,
which gives the same rows — and raises the same error, about the first bad value, as it always
did.
"""

from __future__ import annotations

import math
from datetime import date

from parksgis.model.project import DATE_FIELDS, NUMBER_FIELDS, PROJECT_FIELDS
from parksgis.model.status import StatusScheme
from parksgis.store.changes import check_change
from parksgis.store.errors import ChangeError
from parksgis.store.values import NUMBER_DECIMALS, REQUIRED_FIELDS, stored_text, to_db

#: what a seed history row holds besides the field and its text: ``old`` NULL, source 'seed'
_SEED = "seed"


def seed_rows(path: str, projects: list, scheme: StatusScheme, history: bool, edit_id: int,
              stamp: str, author: str) -> tuple[list[list], list[tuple]]:
    """``(project rows, seed history rows)`` of ``projects``: each row of the values of
    ``PROJECT_FIELDS`` as stored, and (with ``history``) a history row per field whose stored
    text is not empty, project by project and field by field; raises ChangeError for a bad one."""
    columns = _plain_columns(projects, scheme)
    if columns is None:
        return _one_by_one(path, projects, scheme, history, edit_id, stamp, author)
    rows = [list(row) for row in zip(*columns)]
    seeds: list[tuple] = []
    if history:
        recorded = [(field, column) for field, column in zip(PROJECT_FIELDS[1:], columns[1:])
                    if field != "updated_at"]
        fields = [field for field, _ in recorded]
        texts = [[repr(v) if type(v) is float else v for v in column] if field in NUMBER_FIELDS
                 else column for field, column in recorded]
        append = seeds.append
        for pid, *values in zip(columns[0], *texts):
            for field, text in zip(fields, values):
                if text is not None and text != "":
                    append((edit_id, pid, stamp, field, None, text, author, _SEED, None))
    return rows, seeds


def _one_by_one(path: str, projects: list, scheme: StatusScheme, history: bool, edit_id: int,
                stamp: str, author: str) -> tuple[list[list], list[tuple]]:
    """:func:`seed_rows` value by value: the rule itself, and the error of the first bad value."""
    values, seeds = [], []
    for project in projects:
        pid = project.project_id
        if not pid or not str(pid).strip():
            raise ChangeError(path, "a project has an empty project_id")
        row = [to_db("project_id", pid)]
        for field in PROJECT_FIELDS[1:]:
            value = getattr(project, field)
            if field == "updated_at":  # stamped by the store, no history of its own
                row.append(to_db(field, value))
                continue
            stored = to_db(field, check_change(path, pid, field, value, scheme))
            row.append(stored)
            text = stored_text(stored)
            if history and text not in (None, ""):
                seeds.append((edit_id, pid, stamp, field, None, text, author, _SEED, None))
        values.append(row)
    return values, seeds


def _plain_columns(projects: list, scheme: StatusScheme) -> list[list] | None:
    """Each field's stored values, or None when any value is not plain or does not pass."""
    columns = []
    for field in PROJECT_FIELDS:
        values = [getattr(project, field) for project in projects]
        stored = _plain_column(field, values, scheme)
        if stored is None:
            return None
        columns.append(stored)
    return columns


def _plain_column(field: str, values: list, scheme: StatusScheme) -> list | None:
    kinds = set(map(type, values))
    if field in DATE_FIELDS:  # check_change keeps a date (a datetime, a subclass, is not plain)
        if not kinds <= {date, type(None)}:
            return None
        return [None if v is None else v.isoformat() for v in values]
    if field in NUMBER_FIELDS:
        if not kinds <= {float, type(None)}:
            return None
        numbers = [v for v in values if v is not None]
        if numbers and not (all(map(math.isfinite, numbers)) and min(numbers) >= 0
                            and (field != "progress_pct" or max(numbers) <= 100)):
            return None
        digits = NUMBER_DECIMALS.get(field, 6)
        return [None if v is None else round(v, digits) for v in values]
    if not kinds <= {str, type(None)}:
        return None
    stored = ["" if v is None else v.strip() for v in values]
    if field == "project_id":
        return None if "" in stored or None in values else stored
    if field == "updated_at":
        return stored
    if field in REQUIRED_FIELDS and "" in stored:
        return None
    if field == "status" and not all(code in scheme for code in set(stored)):
        return None
    return stored
