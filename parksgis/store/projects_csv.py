"""The project register as a CSV file (``layers/projects.csv``): read it strictly, write it atomically.

The CSV is what people edit in Excel or a text editor and what a design institute sends back, so
the reader names the file, row and column of the first bad value instead of guessing. Columns are
exactly :data:`parksgis.model.project.PROJECT_FIELDS`; ``project_id``, ``park`` and ``name_zh``
are required, the others may be left out (defaults) or empty (None / "").
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from parksgis.errors import ParksgisError
from parksgis.files import write_bytes_atomic
from parksgis.text import UndecodableText, decode_utf8_or_gbk
from parksgis.model.project import DATE_FIELDS, NUMBER_FIELDS, PROJECT_FIELDS, Project
from parksgis.model.status import DEFAULT_SCHEME, StatusScheme

REQUIRED_COLUMNS = ("project_id", "park", "name_zh")


class ProjectsFileError(ParksgisError):
    """A project register CSV that cannot be read; the message names file, row and column."""

    def __init__(self, path, message: str, row: int | None = None, column: str | None = None):
        self.path = str(path)
        self.row = row
        self.column = column
        where = "".join([f": row {row}" if row is not None else "",
                         f", column {column}" if column is not None else ""])
        super().__init__(f"{self.path}{where}: {message}")


def _decode(path: Path, raw: bytes, report) -> str:
    """UTF-8 (BOM allowed); Excel on Chinese Windows saves CSV as GBK, which we accept and report."""
    try:
        text, encoding = decode_utf8_or_gbk(raw)
    except UndecodableText:
        raise ProjectsFileError(path, "not UTF-8 or GBK/GB18030 text; save the file as UTF-8 CSV") from None
    if encoding == "gb18030" and report is not None:
        report.warning("gbk-encoding", "register CSV is GBK/GB18030-encoded; decoded as GB18030")
    return text


def _parse_date(path, row: int, column: str, value: str) -> date | None:
    if value == "":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ProjectsFileError(path, f"{value!r} is not an ISO date (YYYY-MM-DD)", row, column) from None


def _parse_number(path, row: int, column: str, value: str) -> float | None:
    if value == "":
        return None
    try:
        number = float(value.replace(",", ""))
    except ValueError:
        raise ProjectsFileError(path, f"{value!r} is not a number", row, column) from None
    if not math.isfinite(number):
        raise ProjectsFileError(path, f"{value!r} is not a finite number", row, column)
    if column == "progress_pct" and not 0 <= number <= 100:
        raise ProjectsFileError(path, f"progress {value} is outside 0-100", row, column)
    if column == "investment_wan_yuan" and number < 0:
        raise ProjectsFileError(path, f"investment {value} is negative", row, column)
    return number


def read_projects_csv(path, scheme: StatusScheme = DEFAULT_SCHEME, report=None) -> dict[str, Project]:
    """Projects by id, in file order. Raises :class:`ProjectsFileError` on the first bad value.

    ``report`` (a ValidationReport), when given, collects warnings such as a GBK encoding.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectsFileError(path, "no such file") from None
    except IsADirectoryError:
        raise ProjectsFileError(path, "is a folder, not a CSV file") from None
    except OSError as exc:
        raise ProjectsFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in raw:
        raise ProjectsFileError(path, "is binary, not a CSV file")
    text = _decode(path, raw, report)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ProjectsFileError(path, "is empty; expected a header row with " + ", ".join(REQUIRED_COLUMNS)) from None
    except csv.Error as exc:
        raise ProjectsFileError(path, f"malformed CSV ({exc})", 1) from None
    header = [h.strip() for h in header]
    unknown = [h for h in header if h not in PROJECT_FIELDS]
    if unknown:
        raise ProjectsFileError(path, f"unknown column(s) {', '.join(map(repr, unknown))}; "
                                f"known: {', '.join(PROJECT_FIELDS)}", 1)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ProjectsFileError(path, f"missing required column(s) {', '.join(missing)}", 1)
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise ProjectsFileError(path, f"column(s) {', '.join(duplicated)} appear more than once", 1)

    projects: dict[str, Project] = {}
    try:
        for cells in reader:
            row = reader.line_num
            if not any(c.strip() for c in cells):
                continue  # blank line (Excel leaves them at the end)
            if len(cells) != len(header):
                raise ProjectsFileError(path, f"has {len(cells)} cells, header has {len(header)}", row)
            values = {col: cell.strip() for col, cell in zip(header, cells)}
            projects_row = _project_from_row(path, row, values, scheme)
            if projects_row.project_id in projects:
                raise ProjectsFileError(path, f"duplicate project_id {projects_row.project_id!r}", row,
                                        "project_id")
            projects[projects_row.project_id] = projects_row
    except csv.Error as exc:
        raise ProjectsFileError(path, f"malformed CSV ({exc})", reader.line_num) from None
    return projects


def _project_from_row(path, row: int, values: dict[str, str], scheme: StatusScheme) -> Project:
    for column in REQUIRED_COLUMNS:
        if not values[column]:
            raise ProjectsFileError(path, "is empty but required", row, column)
    kwargs: dict = {}
    for column, value in values.items():
        if column in DATE_FIELDS:
            kwargs[column] = _parse_date(path, row, column, value)
        elif column in NUMBER_FIELDS:
            kwargs[column] = _parse_number(path, row, column, value)
        else:
            kwargs[column] = value
    status = kwargs.get("status") or "planned"
    if status not in scheme:
        raise ProjectsFileError(path, f"unknown status {status!r}; known: {', '.join(scheme.codes)}",
                                row, "status")
    kwargs["status"] = status
    return Project(**kwargs)


def format_cell(value) -> str:
    """How one Project value is written: ISO dates, numbers without a needless ``.0``, None as empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def write_projects_csv(projects, path, *, excel_bom: bool = False) -> None:
    """Write all PROJECT_FIELDS columns, replacing ``path`` atomically (:mod:`parksgis.files`).

    ``projects`` is a dict by id or an iterable of Project. ``excel_bom`` adds a UTF-8 BOM so that
    Excel shows the Chinese names right; the reader accepts both.
    """
    path = Path(path)
    items = projects.values() if isinstance(projects, Mapping) else projects
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PROJECT_FIELDS)
    for project in items:
        writer.writerow([format_cell(getattr(project, f)) for f in PROJECT_FIELDS])
    write_bytes_atomic(path, buffer.getvalue().encode("utf-8-sig" if excel_bom else "utf-8"))
