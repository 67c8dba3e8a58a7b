"""Store test helpers: a small register of the three parks, and spreadsheet writers."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from parksgis.model.project import Project
from parksgis.store.register import RegisterStore


def _sample_projects() -> list[Project]:
    return [
        Project("PT-R01", "port", "进港大道改造", "Port Avenue upgrade", "road", "under_construction", 40.0,
                45000.0, date(2014, 1, 1), date(2014, 12, 31), date(2014, 3, 1), None, "阳江港务", "中交"),
        Project("PT-R02", "port", "疏港大道(南)", "South port road", "road", "planned", None, 30000.0),
        Project("PT-S01", "port", "临港污水处理厂", "Port sewage plant", "utility", "approved", 5.0, 8000.0),
        Project("WX-B01", "wanxiang", "五金刀剪产品展示中心", "Hardware exhibition centre", "building",
                "approved", None, 12000.0, note="招标中"),
        Project("WX-R01", "wanxiang", "新工业大道", "New Industry Avenue", "road", "under_construction", 20.0,
                9000.0),
        Project("EP-P01", "environmental", "线路板企业搬迁", "PCB relocation", "plot", "planned"),
    ]


@pytest.fixture
def register(tmp_path) -> RegisterStore:
    store = RegisterStore.create(tmp_path / "register.sqlite", _sample_projects(), author="seeder",
                                 baseline=date(2014, 1, 1))
    yield store
    store.close()


def _write_csv(path, rows: list[list], encoding: str = "utf-8-sig") -> str:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


def _write_xlsx(path, rows: list[list], number_formats: dict | None = None) -> str:
    """rows[0] is the header; number_formats maps (row, col) 1-based -> Excel number format."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for (r, c), fmt in (number_formats or {}).items():
        sheet.cell(r, c).number_format = fmt
    book.save(path)
    return str(path)


@pytest.fixture
def sample_projects():
    """A function returning fresh sample projects (each call a new list)."""
    return _sample_projects


@pytest.fixture
def write_csv():
    return _write_csv


@pytest.fixture
def write_xlsx():
    return _write_xlsx
