"""Hostile and misleading workbooks (issue 14, points 4 and 13): cells that read as blank but are
not are dry-run problems, and a workbook's claims are bounded — no hang, no gigabytes."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile

import openpyxl
import pytest

from parksgis import cli

REPO_ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(sample_folder):
    return sample_folder


def _sheet(path, rows, edit=None):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if edit:
        edit(sheet)
    book.save(path)
    return path


def test_formula_without_a_saved_result_is_a_problem_not_a_blank(folder, tmp_path, capsys):
    """openpyxl (like many scripts) saves formulas without their result: a blank would clear it."""
    sheet = _sheet(tmp_path / "f.xlsx", [["project_id", "status", "progress_pct"],
                                         ["PORT-FILL-3", "在建", "=2+3"]])
    assert cli.main(["status", "import", str(sheet), "--into", str(folder), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert (f"{sheet}: row 2, column progress_pct: project PORT-FILL-3: cell C2 holds a formula "
            "(=2+3) whose result was never saved, so it reads as blank") in out
    assert "1 problem" in out and "nothing was imported" in out


def test_non_anchor_cells_of_a_merged_range_are_problems(folder, tmp_path, capsys):
    """Two rows sharing one merged status cell: the second row must not have its status cleared."""
    def merge(sheet):
        sheet.merge_cells("B2:B3")
    sheet = _sheet(tmp_path / "m.xlsx", [["project_id", "status", "progress_pct"],
                                         ["PORT-FILL-3", "在建", 5],
                                         ["PORT-FILL-4", None, 6]], merge)
    assert cli.main(["status", "import", str(sheet), "--into", str(folder), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert (f"{sheet}: row 3, column status: project PORT-FILL-4: cell B3 is part of the merged "
            "range B2:B3; its value is only in B2 — unmerge the cells and fill each row") in out
    assert "row 2" not in out  # the anchor row is fine


def test_a_blank_merged_block_is_just_blank(folder, tmp_path, capsys):
    def merge(sheet):
        sheet.merge_cells("D2:D3")
    sheet = _sheet(tmp_path / "b.xlsx", [["project_id", "status", "progress_pct", "备注"],
                                         ["PORT-FILL-3", "在建", 5, None],
                                         ["PORT-FILL-4", "在建", 6, None]], merge)
    assert cli.main(["status", "import", str(sheet), "--into", str(folder), "--dry-run"]) == 0


def _rewrite_part(path, part, change):
    """Rewrite one part of an XLSX (zip) file, as a hostile or broken writer would."""
    copy = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info, change(data) if info.filename == part else data)
    copy.replace(path)


def _run_limited(*args, memory=1_500 * 2**20, timeout=60):
    """The CLI in a child process with a memory ceiling: a hang or a blow-up fails the test."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    env = {"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "parksgis", *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, preexec_fn=limit, env=env)
    return done, time.monotonic() - started


def test_a_sheet_claiming_the_whole_grid_is_read_by_what_it_holds(folder, tmp_path):
    sheet = _sheet(tmp_path / "claim.xlsx", [["project_id", "status"], ["PORT-FILL-3", "在建"]])
    _rewrite_part(sheet, "xl/worksheets/sheet1.xml", lambda xml: re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml))
    assert b"XFD1048576" in zipfile.ZipFile(sheet).read("xl/worksheets/sheet1.xml")
    done, seconds = _run_limited("status", "import", str(sheet), "--into", str(folder), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "PORT-FILL-3: status=under_construction" in done.stdout
    assert seconds < 30


def test_a_zip_bomb_is_refused_before_unpacking(folder, tmp_path):
    sheet = _sheet(tmp_path / "bomb.xlsx", [["project_id", "status"], ["PORT-FILL-3", "在建"]])
    with zipfile.ZipFile(sheet, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("xl/media/padding.xml", "w", force_zip64=True) as part:
            chunk = b" " * 2**20
            for _ in range(200):
                part.write(chunk)
    assert sheet.stat().st_size < 2 * 2**20
    done, seconds = _run_limited("status", "import", str(sheet), "--into", str(folder), "--dry-run")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"parksgis status: {sheet}: unpacks to 200 MB, more than the 150 MB a status workbook may "
        "hold; not read (a damaged or hostile file?)")
    assert seconds < 30


def test_a_cell_far_right_or_far_down_is_refused_in_one_line(folder, tmp_path, capsys):
    def far(sheet):
        sheet["XFD2"] = "x"
    sheet = _sheet(tmp_path / "wide.xlsx", [["project_id", "status"], ["PORT-FILL-3", "在建"]], far)
    assert cli.main(["status", "import", str(sheet), "--into", str(folder), "--dry-run"]) == 1
    assert "cell XFD2 lies beyond column 100; a status sheet has about 16 columns — not read" in \
        capsys.readouterr().err

    def deep(sheet):
        sheet["A250000"] = "PORT-FILL-4"
    sheet = _sheet(tmp_path / "deep.xlsx", [["project_id", "status"], ["PORT-FILL-3", "在建"]], deep)
    assert cli.main(["status", "import", str(sheet), "--into", str(folder), "--dry-run"]) == 1
    assert "more than 200,000 rows (cell A250000); split the sheet — not read" in \
        capsys.readouterr().err
