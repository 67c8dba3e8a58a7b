"""Spreadsheet import and export of the register.

Import is two steps: :func:`plan_import` reads the file and lists every row problem (unknown
project, unknown status, bad date, progress outside 0-100, duplicate rows, unknown header) and the
changes it would make; :func:`apply_import` writes those changes in one transaction — all or
nothing — with the file name as the history source. Unchanged values write nothing, so importing
the same file twice changes nothing. A blank cell clears that field; leave a column out to keep it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime

from parksgis.model.project import DATE_FIELDS, NUMBER_FIELDS, PROJECT_FIELDS, Project
from parksgis.model.status import DEFAULT_SCHEME, StatusScheme
from parksgis.store.projects_csv import format_cell
from parksgis.store.columns import (EXPORT_HEADERS, IGNORED_HEADERS, match_key, header_field, parse_date,
                                    parse_number, status_code)
from parksgis.store.errors import ImportProblemsError
from parksgis.store.tables import Table, read_table, read_tables, write_csv, write_xlsx
from parksgis.store.values import REQUIRED_FIELDS, same_value


@dataclass(frozen=True)
class RowProblem:
    row: int              # row number as seen in Excel (the header is row 1 unless titles sit above)
    column: str | None    # the header as written in the file
    code: str             # stable: unknown-project, unknown-status, bad-date, progress-range, ...
    message: str
    sheet: str | None = None  # the worksheet, when a workbook has several tables

    def format(self, file: str) -> str:
        where = (f"sheet {self.sheet}, " if self.sheet else "") + f"row {self.row}"
        where += f", column {self.column}" if self.column else ""
        return f"{file}: {where}: {self.message}"


@dataclass
class ImportPlan:
    """What importing a file would do: its problems, and the changes per project."""

    file: str
    source: str                                   # what history records: the file name
    rows: int = 0                                 # data rows read
    encoding: str | None = None
    sheets: list[str] = field(default_factory=list)          # worksheets read (workbooks with several)
    sheets_skipped: list[str] = field(default_factory=list)  # worksheets without a header row
    problems: list[RowProblem] = field(default_factory=list)
    changes: dict[str, dict] = field(default_factory=dict)   # project_id -> {field: new value}
    written: list = field(default_factory=list)  # history rows, once applied

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        return [p.format(self.file) for p in self.problems]

    def summary(self) -> str:
        fields = sum(len([f for f in c if f != "updated_at"]) for c in self.changes.values())
        gbk = " (read as GBK/GB18030, not UTF-8)" if self.encoding == "gb18030" else ""
        if self.sheets:
            gbk += f" from sheets {', '.join(self.sheets)}"
        if self.sheets_skipped:
            gbk += f" (skipped, no header row: {', '.join(self.sheets_skipped)})"
        return (f"{self.file}: {_count(self.rows, 'row')}{gbk}, {_count(len(self.problems), 'problem')}, "
                f"{_count(len(self.changes), 'project')} with {_count(fields, 'changed field')}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


@dataclass
class _ParsedRow:
    table: Table
    row: int
    project_id: str
    values: dict          # field -> parsed value, for the columns present


def _known_headers_hint() -> str:
    return "e.g. 项目编号/project_id, 状态/status, 进度/progress_pct, 实际开工/actual_start"


def _parse_table(table: Table, scheme: StatusScheme, first_seen: dict[str, tuple]
                 ) -> tuple[list[_ParsedRow], list[RowProblem], list]:
    """Map headers, parse every cell, find duplicate rows (``first_seen`` spans a workbook's
    sheets: project id -> (sheet, row)). Returns rows, problems, column list."""
    problems: list[RowProblem] = []

    def problem(row: int, column: str | None, code: str, message: str) -> None:
        problems.append(RowProblem(row, column, code, message, table.sheet))

    columns: list[tuple[int, str, str, float]] = []   # (index, header, field, scale)
    mapped: dict[str, str] = {}
    for index, header in enumerate(table.headers):
        if not header:
            if any(cells[index] is not None for _, cells in table.rows if index < len(cells)):
                problem(table.header_row, f"#{index + 1}", "unknown-header",
                        f"column {index + 1} has values but no header")
            continue
        if match_key(header) in IGNORED_HEADERS:
            continue
        target = header_field(header)
        if target is None:
            problem(table.header_row, header, "unknown-header",
                    f"unknown header {header!r} ({_known_headers_hint()})")
        elif target[0] in mapped:
            problem(table.header_row, header, "duplicate-header",
                    f"column {header!r} repeats {mapped[target[0]]!r} ({target[0]})")
        else:
            mapped[target[0]] = header
            columns.append((index, header, *target))
    width = len(table.headers)
    overflow = next((row for row, cells in table.rows if any(c is not None for c in cells[width:])), None)
    if overflow is not None:
        problem(overflow, f"#{width + 1}", "unknown-header",
                f"values right of the last header (column {width + 1}) have no header")
    id_column = next((c for c in columns if c[2] == "project_id"), None)
    if id_column is None:
        problem(table.header_row, None, "missing-id-column", "no project id column (项目编号 or project_id)")
        return [], problems, columns
    parsed: list[_ParsedRow] = []
    for row, cells in table.rows:
        if all(c is None for c in cells):
            continue
        project_id = _text(cells[id_column[0]])
        if not project_id:
            problem(row, id_column[1], "empty-id", "project id is empty")
            continue
        if project_id in first_seen:
            sheet, first = first_seen[project_id]
            where = f"sheet {sheet}, row {first}" if sheet != table.sheet else f"row {first}"
            problem(row, id_column[1], "duplicate-row", f"project {project_id} is also on {where}")
            continue
        first_seen[project_id] = (table.sheet, row)
        values = {}
        for index, header, name, scale in columns:
            if name == "project_id":
                continue
            try:
                values[name] = _cell_value(name, cells[index], scale, scheme)
            except _CellProblem as exc:
                problem(row, header, exc.code, f"project {project_id}: {exc.message}")
        parsed.append(_ParsedRow(table, row, project_id, values))
    return parsed, problems, columns


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id typed as a number in Excel
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


class _CellProblem(Exception):
    """Why one cell has no register value: a stable code and a message."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _cell_value(name: str, value, scale: float, scheme: StatusScheme):
    """The register value of one cell; raises _CellProblem when it has none."""
    if name in DATE_FIELDS:
        try:
            return parse_date(value)
        except ValueError as exc:
            raise _CellProblem("bad-date", str(exc)) from None
    if name in NUMBER_FIELDS:
        try:
            number = parse_number(value)
        except ValueError as exc:
            raise _CellProblem("bad-number", str(exc)) from None
        if number is None:
            return None
        number *= scale
        if name == "progress_pct" and not 0 <= number <= 100:
            raise _CellProblem("progress-range", f"progress {number:g} is outside 0-100")
        if number < 0:
            raise _CellProblem("bad-number", f"investment {number:g} is negative")
        return number
    text = _text(value)
    if not text and name in REQUIRED_FIELDS:
        raise _CellProblem("empty-value", f"{name} may not be empty")
    if name == "status":
        code = status_code(text, scheme)
        if code is None:
            known = ", ".join(f"{s.label_zh}/{s.code}" for s in scheme)
            raise _CellProblem("unknown-status", f"unknown status {text!r} (known: {known}, and synonyms "
                                                 "such as 施工中, 已完工, 暂缓)")
        return code
    return text


def plan_import(store, path) -> ImportPlan:
    """Read ``path`` against the register ``store``: every problem and every change, nothing written.

    A workbook's worksheets are read in order, each with its own header row; worksheets with
    no header row (notes, empty sheets) are skipped and listed in the summary.
    """
    tables, skipped = read_tables(path)
    plan = ImportPlan(file=str(path), source=os.path.basename(str(path)), encoding=tables[0].encoding,
                      sheets=[t.sheet for t in tables if t.sheet], sheets_skipped=skipped)
    scheme, current = store.scheme(), store.projects()
    parks = {p.park for p in current.values()}
    first_seen: dict[str, tuple] = {}
    for table in tables:
        parsed, problems, _ = _parse_table(table, scheme, first_seen)
        plan.rows += sum(1 for _, cells in table.rows if any(c is not None for c in cells))
        for item in parsed:
            problem = _plan_row(item, current, parks, plan.changes)
            if problem is not None:
                problems.append(problem)
        problems.sort(key=lambda p: (p.row, table.headers.index(p.column)
                                     if p.column in table.headers else -1))
        plan.problems += problems
    return plan


def _plan_row(item: _ParsedRow, current: dict[str, Project], parks: set, changes: dict) -> RowProblem | None:
    """Add one row's changes to ``changes``, or return why the row cannot be applied."""
    table = item.table
    project = current.get(item.project_id)
    if project is None:
        return RowProblem(item.row, _header_of(table, "project_id"), "unknown-project",
                          f"project {item.project_id} is not in the register", table.sheet)
    park = item.values.get("park")
    if park and park not in parks:
        return RowProblem(item.row, _header_of(table, "park"), "unknown-park",
                          f"project {item.project_id}: unknown park {park!r} (known: {', '.join(sorted(parks))})",
                          table.sheet)
    diffs = {f: v for f, v in item.values.items()
             if f != "updated_at" and not same_value(f, getattr(project, f), v)}
    if diffs:
        if item.values.get("updated_at"):
            diffs["updated_at"] = item.values["updated_at"]
        changes[item.project_id] = diffs
    return None


def _header_of(table: Table, name: str) -> str | None:
    return next((h for h in table.headers if h and (header_field(h) or ("",))[0] == name), None)


def apply_import(store, path, author: str | None = None, plan: ImportPlan | None = None) -> ImportPlan:
    """Plan (or take ``plan``), then apply it in one transaction and one edit group.

    Raises ImportProblemsError, writing nothing, when the file has any problem.
    """
    plan = plan or plan_import(store, path)
    if not plan.ok:
        raise ImportProblemsError(plan.file, plan.lines())
    if plan.changes:
        plan.written = store.update_many(plan.changes, author=author, source=plan.source)
    return plan


def read_projects_file(path, scheme: StatusScheme = DEFAULT_SCHEME) -> dict[str, Project]:
    """Whole projects from a register table (projects.csv or an export): seeds a new register."""
    table = read_table(path)
    parsed, problems, columns = _parse_table(table, scheme, {})
    present = {c[2] for c in columns}
    for name in ("park", "name_zh"):
        if name not in present and parsed:
            problems.append(RowProblem(table.header_row, None, "missing-column", f"no {name} column"))
    if problems:
        raise ImportProblemsError(str(path), [p.format(str(path)) for p in problems])
    return {item.project_id: Project(project_id=item.project_id,
                                     **{k: v for k, v in item.values.items() if v is not None})
            for item in parsed}


def export_register(store, path, lang: str = "zh") -> int:
    """Write the register to ``path`` (.csv: UTF-8 with BOM; .xlsx); returns the rows written.

    ``lang`` 'zh' writes Chinese headers and status labels, 'en' field names and status codes
    (the layout of ``projects.csv``). Either imports back to the identical register.
    """
    projects, scheme = store.projects(), store.scheme()
    headers = [EXPORT_HEADERS["zh"][f] if lang == "zh" else f for f in PROJECT_FIELDS]
    xlsx = str(path).lower().endswith((".xlsx", ".xlsm"))
    rows = [[_export_value(f, getattr(p, f), scheme, lang, xlsx) for f in PROJECT_FIELDS]
            for p in projects.values()]
    if xlsx:
        write_xlsx(path, headers, rows)
    else:
        write_csv(path, headers, rows)
    return len(rows)


def _export_value(name: str, value, scheme: StatusScheme, lang: str, xlsx: bool):
    if name == "status":
        return scheme[value].label_zh if lang == "zh" and value in scheme else value
    if xlsx:  # numbers and dates as real cells; empty text as an empty cell
        return value if value != "" else None
    return format_cell(value)  # the projects.csv spelling: ISO dates, 35 not 35.0
