"""How project values are stored: one place that turns field values into SQLite/history text and back.

Dates are ISO ``YYYY-MM-DD``; numbers are floats; text is stripped. History keeps every value as
text (``None`` stays NULL) so one column can hold any field's old and new value.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from parksgis.model.project import DATE_FIELDS, NUMBER_FIELDS, PROJECT_FIELDS, Project

#: Calendar days of the register are days in China Standard Time (UTC+8, no daylight saving),
#: where the parks are: "status on 1 March" means after every change made by the end of 1 March
#: in Yangjiang, wherever the register is opened.
REGISTER_TZ = timezone(timedelta(hours=8), "CST")

#: Fields a change may set. ``project_id`` is the key; ``updated_at`` is stamped by the store.
EDITABLE_FIELDS = tuple(f for f in PROJECT_FIELDS if f not in ("project_id", "updated_at"))
TEXT_FIELDS = tuple(f for f in PROJECT_FIELDS if f not in DATE_FIELDS and f not in NUMBER_FIELDS)
#: Fields that may not be blank.
REQUIRED_FIELDS = ("park", "name_zh", "status")
#: Decimal places kept: progress to 0.01 %, investment to 1 yuan (0.0001 万元). Excel keeps only
#: 15 significant digits, so unrounded floats (0.1 + 0.2) would not survive an XLSX round trip.
NUMBER_DECIMALS = {"progress_pct": 2, "investment_wan_yuan": 4}


def to_db(field: str, value):
    """The SQLite value of a field (dates as ISO text, numbers as float, text stripped)."""
    if value is None:
        return None if field in DATE_FIELDS or field in NUMBER_FIELDS else ""
    if field in DATE_FIELDS:
        return value.isoformat() if isinstance(value, date) else str(value)
    if field in NUMBER_FIELDS:
        return round(float(value), NUMBER_DECIMALS.get(field, 6))
    return str(value).strip()


def from_db(field: str, value):
    """The Python value of a field read from SQLite or history text."""
    if field in DATE_FIELDS:
        return date.fromisoformat(value) if value else None
    if field in NUMBER_FIELDS:
        return float(value) if value is not None and value != "" else None
    return "" if value is None else str(value)


def to_text(field: str, value) -> str | None:
    """The history text of a value: ``None`` for empty dates/numbers, ``repr`` of floats."""
    return stored_text(to_db(field, value))


def stored_text(stored) -> str | None:
    """The history text of a value as :func:`to_db` gives it."""
    if stored is None:
        return None
    return repr(stored) if isinstance(stored, float) else stored


def same_value(field: str, a, b) -> bool:
    """Whether two values of ``field`` are equal once stored (35 == 35.0, ' x ' == 'x')."""
    return to_db(field, a) == to_db(field, b)


def project_from_row(row) -> Project:
    """A :class:`Project` from a ``parksgis_projects`` row (a mapping of column -> value)."""
    return Project(**{f: from_db(f, row[f]) for f in PROJECT_FIELDS})


def projects_from_rows(rows) -> dict[str, Project]:
    """``{project_id: Project}`` of ``rows``, tuples of the :data:`PROJECT_FIELDS` in order: the
    same values as :func:`project_from_row`, converted a column at a time (a district's 100k
    projects are read on every open; one row at a time took 0.2–0.8 s of it)."""
    if not rows:
        return {}
    columns = [column_from_db(f, values) for f, values in zip(PROJECT_FIELDS, zip(*rows))]
    key = PROJECT_FIELDS.index("project_id")
    return {values[key]: Project(*values) for values in zip(*columns)}


def column_from_db(field: str, values) -> list:
    """The Python values of one field's column as read from SQLite (as :func:`from_db`)."""
    if field in DATE_FIELDS:
        days: dict = {}  # a register holds few distinct days
        return [days[v] if v in days else days.setdefault(v, from_db(field, v)) for v in values]
    if field in NUMBER_FIELDS:
        return [from_db(field, v) for v in values]
    return [v if type(v) is str else from_db(field, v) for v in values]


def utc_stamp(moment: datetime | date | str | None = None) -> str:
    """``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC: sorts as text, same-day order kept to the microsecond.

    A bare date means noon of that day in :data:`REGISTER_TZ` (04:00 UTC the same date), so a
    back-dated change lands on the day it names in every time zone of interest.
    """
    if moment is None:
        moment = datetime.now(timezone.utc)
    elif isinstance(moment, str):
        moment = parse_moment(moment)
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(12), REGISTER_TZ)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_moment(text: str) -> datetime | date:
    """An ISO date (``2014-03-01``) or date-time (``2014-03-01T08:30``, ``...Z``) from text."""
    text = text.strip()
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def end_of_day_stamp(day: date | datetime | str) -> str:
    """The UTC stamp just after ``day`` ends in :data:`REGISTER_TZ` (exclusive cut-off).

    A datetime is taken as the exact cut-off instant instead (inclusive of that microsecond).
    """
    if isinstance(day, str):
        day = parse_moment(day)
    # in UTC before adding: the end of 9999-12-31 in China is still a UTC instant of year 9999
    if isinstance(day, datetime):
        moment = day if day.tzinfo else day.replace(tzinfo=timezone.utc)
        try:
            return utc_stamp(moment.astimezone(timezone.utc) + timedelta(microseconds=1))
        except OverflowError:  # the last instant there is: after every stamp (they compare as text)
            return "9999-12-31T23:59:59.999999Z~"
    if day == date.max:
        start = datetime.combine(day, time(0), REGISTER_TZ).astimezone(timezone.utc)
        return utc_stamp(start + timedelta(days=1))
    return utc_stamp(datetime.combine(day + timedelta(days=1), time(0), REGISTER_TZ))


def local_date(stamp: str) -> date:
    """The :data:`REGISTER_TZ` calendar day of a stored UTC stamp."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(REGISTER_TZ).date()
