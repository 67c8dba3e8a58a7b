"""What an XLSX workbook really holds, checked before openpyxl reads it: bounded, and honest cells.

openpyxl believes a sheet's ``<dimension>`` claim (a 5 kB file claiming A1:XFD1048576 is padded
to 17 billion cells) and unpacks whatever the zip says (a 2 MB zip bomb grows to gigabytes). And
it reads two kinds of cells as blank although they are not: a formula whose result was never
saved (a file written by a script, not by Excel) and the non-anchor cells of a merged range (the
value sits in the top-left cell only). A blank cell clears a field on import, so those must be
problems, not blanks.

:func:`inspect_sheets` streams each worksheet's XML once (the C parser, elements freed as they
pass) and returns, per worksheet part, the cells that read as blank but are not; limits make a
hostile file a one-line error instead of a hang.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import iterparse

from parksgis.store.errors import SpreadsheetError

#: Unpacked size of the whole workbook: a 50,000-project register is ~40 MB of sheet XML.
MAX_UNPACKED_BYTES = 150 * 2**20
#: A status sheet has ~16 columns (plus notes); a register fits well under the row limit.
MAX_COLUMNS = 100
MAX_ROWS = 200_000

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass(frozen=True)
class UnreadableCell:
    """A cell openpyxl reads as blank that is not blank: a problem with a stable code."""

    code: str      # formula-no-value | merged-cell
    message: str

    def __repr__(self) -> str:  # shown if it ever lands in a message
        return f"<{self.code}>"


def check_archive(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than :data:`MAX_UNPACKED_BYTES`."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise SpreadsheetError(path, f"not a readable XLSX workbook ({exc})") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(path, f"unpacks to {unpacked / 2**20:,.0f} MB, more than the "
                                     f"{MAX_UNPACKED_BYTES // 2**20} MB a status workbook may hold; "
                                     "not read (a damaged or hostile file?)")


def inspect_sheet(path: Path, archive: zipfile.ZipFile, part: str, title: str
                  ) -> tuple[dict[tuple[int, int], UnreadableCell], list[tuple[int, int, int, int]]]:
    """Formula cells without a saved result, and the merged ranges, of one worksheet part.

    Returns ``({(row, column): UnreadableCell}, [(min_col, min_row, max_col, max_row), ...])``
    (1-based, as in Excel); raises SpreadsheetError beyond :data:`MAX_ROWS`/:data:`MAX_COLUMNS`.
    """
    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    formulas: dict[tuple[int, int], UnreadableCell] = {}
    merged: list[tuple[int, int, int, int]] = []
    with archive.open(part) as source:
        for _event, element in iterparse(source):
            tag = element.tag
            if tag == f"{_NS}c":
                ref = element.get("r")
                if ref:
                    row, column = coordinate_to_tuple(ref)
                    _check_bounds(path, title, ref, row, column, element)
                    formula = element.find(f"{_NS}f")
                    value = element.find(f"{_NS}v")
                    if formula is not None and (value is None or not (value.text or "")):
                        text = (formula.text or "").strip()
                        formulas[(row, column)] = UnreadableCell(
                            "formula-no-value",
                            f"cell {ref} holds a formula{f' (={text[:40]})' if text else ''} whose "
                            "result was never saved, so it reads as blank; open the file in Excel "
                            "or LibreOffice and save it, or paste the values")
                element.clear()
            elif tag == f"{_NS}row":
                element.clear()
            elif tag == f"{_NS}mergeCell" and element.get("ref"):
                merged.append(range_boundaries(element.get("ref")))
    return formulas, merged


def _check_bounds(path: Path, title: str, ref: str, row: int, column: int, element) -> None:
    if column > MAX_COLUMNS and len(element):  # an empty styled cell far right is harmless
        raise SpreadsheetError(path, f"sheet {title}: cell {ref} lies beyond column {MAX_COLUMNS}; "
                                     "a status sheet has about 16 columns — not read")
    if row > MAX_ROWS + 10:
        raise SpreadsheetError(path, f"sheet {title}: more than {MAX_ROWS:,} rows (cell {ref}); "
                                     "split the sheet — not read")


def mark_unreadable(rows: list[list], formulas: dict, merged: list) -> None:
    """Put :class:`UnreadableCell` markers into ``rows`` (lists, Excel row n at index n - 1)."""
    from openpyxl.utils import get_column_letter

    for (row, column), marker in formulas.items():
        _put(rows, row, column, marker)
    width = max((len(r) for r in rows), default=0)
    for min_col, min_row, max_col, max_row in merged:
        anchor = _get(rows, min_row, min_col)
        if anchor is None:
            continue  # a blank merged block is blank
        anchor_ref = f"{get_column_letter(min_col)}{min_row}"
        span = f"{anchor_ref}:{get_column_letter(max_col)}{max_row}"
        for row in range(min_row, min(max_row, len(rows)) + 1):  # clipped to the data read
            for column in range(min_col, min(max_col, width) + 1):
                if (row, column) != (min_row, min_col):
                    _put(rows, row, column, UnreadableCell(
                        "merged-cell", f"cell {get_column_letter(column)}{row} is part of the merged "
                                       f"range {span}; its value is only in {anchor_ref} — unmerge "
                                       "the cells and fill each row"))


def _get(rows: list[list], row: int, column: int):
    if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
        return rows[row - 1][column - 1]
    return None


def _put(rows: list[list], row: int, column: int, marker: UnreadableCell) -> None:
    if row - 1 >= len(rows):
        return  # beyond the rows openpyxl read: nothing there to misread
    cells = rows[row - 1]
    if column - 1 >= len(cells):
        cells.extend([None] * (column - len(cells)))
    if cells[column - 1] is None:
        cells[column - 1] = marker
