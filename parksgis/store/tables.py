"""Reading and writing plain tables: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030) and XLSX (openpyxl).

A table is a header row plus data rows, each with the row number a user sees in Excel (header
row 1 -> first data row 2), so every problem can name the row to fix. A workbook gives one table
per worksheet (engineers often keep one sheet per park). Writes are atomic.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from parksgis.files import AtomicFile
from parksgis.store.columns import header_field
from parksgis.store.errors import SpreadsheetError
from parksgis.text import UndecodableText, decode_utf8_or_gbk

SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")
#: The header row is the first of this many rows with a header we know (titles may sit above it).
_HEADER_SEARCH_ROWS = 10


@dataclass
class Table:
    file: str                      # the path as the user gave it, for messages
    headers: list[str]
    rows: list[tuple[int, list]]   # (row number as seen in Excel, cells padded to the headers)
    header_row: int = 1
    encoding: str | None = None    # CSV only: 'utf-8', 'utf-8-sig' or 'gb18030'
    sheet: str | None = None       # XLSX worksheet name, when the workbook has several tables


def read_tables(path) -> tuple[list[Table], list[str]]:
    """The tables of a CSV file (one) or an XLSX workbook (one per worksheet with a header row),
    and the names of the worksheets skipped for having none (a notes sheet, an empty sheet).
    Raises SpreadsheetError when the file cannot be read or holds no table at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SpreadsheetError(path, f"not a spreadsheet (expected {', '.join(SUFFIXES)})")
    if not path.is_file():
        raise SpreadsheetError(path, "no such file")
    if suffix in (".xlsx", ".xlsm"):
        sheets = _read_xlsx(path)
        encoding = None
    else:
        raw_rows, encoding = _read_csv(path)
        sheets = [(None, raw_rows)]
    tables, skipped = [], []
    for name, raw_rows in sheets:
        table = _table(path, raw_rows, encoding)
        if table is None:
            skipped.append(name)
        else:
            table.sheet = name if len(sheets) > 1 else None
            tables.append(table)
    if not tables:
        raise SpreadsheetError(path, "no header row found (expected headers such as 项目编号 or project_id "
                                     f"in the first {_HEADER_SEARCH_ROWS} rows)")
    return tables, [s for s in skipped if s is not None]


def read_table(path) -> Table:
    """The first table of a CSV or XLSX file (see :func:`read_tables`)."""
    return read_tables(path)[0][0]


def _table(path: Path, raw_rows: list[list], encoding) -> Table | None:
    header_index = next((i for i, row in enumerate(raw_rows[:_HEADER_SEARCH_ROWS])
                         if any(header_field(c) for c in row if isinstance(c, str))), None)
    if header_index is None:
        return None
    headers = ["" if c is None else str(c).strip() for c in raw_rows[header_index]]
    rows = []
    for number, cells in enumerate(raw_rows[header_index + 1:], start=header_index + 2):
        rows.append((number, list(cells) + [None] * (len(headers) - len(cells))))
    return Table(str(path), headers, rows, header_index + 1, encoding)


def _read_csv(path: Path) -> tuple[list[list], str]:
    try:
        text, encoding = decode_utf8_or_gbk(path.read_bytes())
    except UndecodableText:
        raise SpreadsheetError(path, "text is neither UTF-8 nor GBK/GB18030; save it as UTF-8 CSV") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count)
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise SpreadsheetError(path, f"not a readable CSV ({exc})") from None
    return [[c if c.strip() else None for c in row] for row in rows], encoding


def _read_xlsx(path: Path) -> list[tuple[str, list[list]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise SpreadsheetError(path, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})") from None
    try:
        return [(sheet.title, [[_xlsx_value(cell) for cell in row] for row in sheet.iter_rows()])
                for sheet in book.worksheets]
    finally:
        book.close()


def _xlsx_value(cell):
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", "") or ""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in fmt:
        return round(value * 100.0, 10)  # a cell shown as 35% holds 0.35
    if isinstance(value, str) and not value.strip():
        return None
    return value


def write_csv(path, headers: list[str], rows: list[list]) -> None:
    """CSV in UTF-8 with a BOM, so Excel on a Chinese Windows opens the text right."""
    def write(tmp):
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(["" if c is None else c for c in row] for row in rows)
    _atomic(path, write)


def write_xlsx(path, headers: list[str], rows: list[list], sheet_title: str = "register") -> None:
    """XLSX with real date cells (yyyy-mm-dd) and numbers as numbers."""
    import openpyxl
    from openpyxl.styles import Font

    def write(tmp):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = sheet_title
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, (date, datetime)):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a note like "=2+3" is text, never a formula Excel runs
        sheet.freeze_panes = "B2"
        book.save(tmp)
    _atomic(path, write)


def _atomic(path, write) -> None:
    """Write to a temporary file beside ``path`` and rename it into place: never a half file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SpreadsheetError(path, "folder does not exist")
    with AtomicFile(path, suffix=path.suffix) as tmp:  # openpyxl wants the .xlsx ending
        write(str(tmp))
