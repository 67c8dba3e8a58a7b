"""Checking one field change before it is written: known field, known status, sane numbers, real dates."""

from __future__ import annotations

from datetime import date, datetime

from parksgis.model.project import DATE_FIELDS, NUMBER_FIELDS
from parksgis.model.status import StatusScheme
from parksgis.store.errors import ChangeError
from parksgis.store.values import EDITABLE_FIELDS, REQUIRED_FIELDS


def check_change(path: str, project_id: str, field: str, value, scheme: StatusScheme,
                 parks: frozenset[str] | None = None):
    """``value`` normalised for ``field`` (ISO text -> date, '35' -> 35.0), or ChangeError.

    This is the one rule for what the register accepts, whichever way a value comes in (the app,
    a spreadsheet import, a merged change file): ``parks``, when given, are the parks a project
    may belong to.
    """
    where = f"project {project_id}, field {field}"
    if field not in EDITABLE_FIELDS:
        raise ChangeError(path, f"{where}: not a field that can be changed "
                                f"(known: {', '.join(EDITABLE_FIELDS)})")
    if isinstance(value, str):
        value = value.strip()
    if value in (None, "") and field in REQUIRED_FIELDS:
        raise ChangeError(path, f"{where}: may not be empty")
    if field == "status" and value not in scheme:
        raise ChangeError(path, f"{where}: unknown status {value!r} (known: {', '.join(scheme.codes)})")
    if field == "park" and parks is not None and value not in parks:
        raise ChangeError(path, f"{where}: unknown park {value!r} (known: {', '.join(sorted(parks))})")
    if field in DATE_FIELDS:
        return _date(path, where, value)
    if field in NUMBER_FIELDS:
        return _number(path, where, field, value)
    return "" if value is None else str(value)


def _date(path: str, where: str, value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ChangeError(path, f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _number(path: str, where: str, field: str, value) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ChangeError(path, f"{where}: {value!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ChangeError(path, f"{where}: {value!r} is not a number")
    if field == "progress_pct" and not 0 <= number <= 100:
        raise ChangeError(path, f"{where}: {number:g} is outside 0-100")
    if number < 0:
        raise ChangeError(path, f"{where}: {number:g} is negative")
    return number
