"""Spreadsheet import/export on real CSV and XLSX files: problems, encodings, headers, round trips."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from parksgis.store.errors import ImportProblemsError, SpreadsheetError
from parksgis.store.register import RegisterStore
from parksgis.store.spreadsheet import apply_import, export_register, plan_import, read_projects_file

ZH_HEADER = ["项目编号", "状态", "进度(%)", "实际开工", "实际完工", "备注"]
EN_HEADER = ["Project ID", "Status", "Progress", "Actual start", "Actual finish", "Note"]


def _problem_lines(register, path) -> list[str]:
    return plan_import(register, path).lines()


@pytest.mark.parametrize("row, message", [
    (["XX-99", "在建", "", "", "", ""], r"sheet.csv: row 2, column 项目编号: project XX-99 is not in the register"),
    (["PT-R01", "差不多", "", "", "", ""],
     r"sheet.csv: row 2, column 状态: project PT-R01: unknown status '差不多' \(known: 规划/planned"),
    (["PT-R01", "在建", "", "2014/13/01", "", ""],
     r"sheet.csv: row 2, column 实际开工: project PT-R01: '2014/13/01' is not a date \(no such day\)"),
    (["PT-R01", "在建", "", "next week", "", ""],
     r"sheet.csv: row 2, column 实际开工: project PT-R01: 'next week' is not a date \(write 2014-07-01"),
    (["PT-R01", "在建", "120", "", "", ""],
     r"sheet.csv: row 2, column 进度\(%\): project PT-R01: progress 120 is outside 0-100"),
    (["PT-R01", "在建", "-5%", "", "", ""],
     r"sheet.csv: row 2, column 进度\(%\): project PT-R01: progress -5 is outside 0-100"),
    (["PT-R01", "在建", "四成", "", "", ""],
     r"sheet.csv: row 2, column 进度\(%\): project PT-R01: '四成' is not a number"),
    (["PT-R01", "", "", "", "", ""], r"sheet.csv: row 2, column 状态: project PT-R01: status may not be empty"),
    (["", "在建", "", "", "", ""], r"sheet.csv: row 2, column 项目编号: project id is empty"),
])
def test_each_row_problem_has_its_message(register, tmp_path, write_csv, row, message):
    path = write_csv(tmp_path / "sheet.csv", [ZH_HEADER, row])
    before = register.dump()
    with pytest.raises(ImportProblemsError, match=message + r".*; nothing was imported"):
        apply_import(register, path)
    assert register.dump() == before


def test_duplicate_rows_unknown_headers_and_every_problem_listed(register, tmp_path, write_csv):
    path = write_csv(tmp_path / "sheet.csv", [
        ["序号", "项目编号", "状态", "负责人", "进度"],
        ["1", "PT-R01", "已完工", "张工", "100"],
        ["2", "XX-1", "在建", "", "120"],
        ["3", "PT-R01", "完工", "", ""],
        [],
        ["5", "WX-B01", "??", "", "abc"],
    ])
    plan = plan_import(register, path)
    assert plan.lines() == [
        f"{path}: row 1, column 负责人: unknown header '负责人' (e.g. 项目编号/project_id, 状态/status, "
        "进度/progress_pct, 实际开工/actual_start)",
        f"{path}: row 3, column 项目编号: project XX-1 is not in the register",
        f"{path}: row 3, column 进度: project XX-1: progress 120 is outside 0-100",
        f"{path}: row 4, column 项目编号: project PT-R01 is also on row 2",
        f"{path}: row 6, column 状态: project WX-B01: unknown status '??' (known: 规划/planned, 立项/approved, "
        "在建/under_construction, 建成/completed, 投用/in_operation, 暂缓/suspended, and synonyms such as "
        "施工中, 已完工, 暂缓)",
        f"{path}: row 6, column 进度: project WX-B01: 'abc' is not a number",
    ]
    assert plan.rows == 4


def test_missing_id_column_and_unreadable_files(register, tmp_path, write_csv):
    path = write_csv(tmp_path / "sheet.csv", [["状态", "进度"], ["在建", "5"]])
    assert _problem_lines(register, path) == [
        f"{path}: row 1: no project id column (项目编号 or project_id)"]
    with pytest.raises(SpreadsheetError, match=r"notes.txt: no header row found"):
        apply_import(register, write_csv(tmp_path / "notes.txt", [["hello"], ["world"]]))
    with pytest.raises(SpreadsheetError, match=r"sheet.ods: not a spreadsheet \(expected .csv"):
        apply_import(register, tmp_path / "sheet.ods")
    with pytest.raises(SpreadsheetError, match=r"gone.csv: no such file"):
        apply_import(register, tmp_path / "gone.csv")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SpreadsheetError, match=r"bad.xlsx: not a readable XLSX workbook"):
        apply_import(register, bad)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"\xff\xfe\x00\x81\x30")
    with pytest.raises(SpreadsheetError, match=r"latin.csv: text is neither UTF-8 nor GBK/GB18030"):
        apply_import(register, latin)


@pytest.mark.parametrize("encoding, detected", [
    ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")])
def test_csv_encodings_are_detected(register, tmp_path, write_csv, encoding, detected):
    path = write_csv(tmp_path / "sheet.csv", [ZH_HEADER, ["PT-R02", "施工中", "10%", "2014年7月2日", "", "进场施工"]],
                     encoding=encoding)
    plan = apply_import(register, path, author="李工")
    assert plan.encoding == detected
    project = register.project("PT-R02")
    assert (project.status, project.progress_pct, project.actual_start, project.note) == (
        "under_construction", 10.0, date(2014, 7, 2), "进场施工")
    assert {(r.source, r.author) for r in plan.written} == {("sheet.csv", "李工")}


def test_english_headers_codes_and_labels(register, tmp_path, write_csv):
    path = write_csv(tmp_path / "en.csv", [
        EN_HEADER + ["Investment (10k yuan)"],
        ["PT-R02", "Under construction", "15", "2014/7/1", "", "site opened", "31,000"],
        ["WX-B01", "in_operation", "100", "2014.3.1", "2014-07-20", "", ""],
    ])
    apply_import(register, path)
    projects = register.projects()
    assert (projects["PT-R02"].status, projects["PT-R02"].investment_wan_yuan) == ("under_construction", 31000.0)
    assert (projects["WX-B01"].status, projects["WX-B01"].actual_start, projects["WX-B01"].actual_finish) == (
        "in_operation", date(2014, 3, 1), date(2014, 7, 20))
    assert projects["WX-B01"].investment_wan_yuan is None  # a blank cell clears the value


@pytest.mark.parametrize("word, code", [
    ("已完工", "completed"), ("竣工", "completed"), ("完工", "completed"), ("建成", "completed"),
    ("施工中", "under_construction"), ("在建", "under_construction"), ("已开工", "under_construction"),
    ("规划", "planned"), ("拟建", "planned"), ("立项", "approved"), ("已立项", "approved"),
    ("招标中", "approved"), ("投产", "in_operation"), ("投用", "in_operation"), ("运营", "in_operation"),
    ("暂缓", "suspended"), ("停工", "suspended"), ("缓建", "suspended"), ("Completed", "completed"),
    ("ON HOLD", "suspended"), ("under-construction", "under_construction"), (" 在 建 ", "under_construction"),
])
def test_status_synonyms(register, tmp_path, write_csv, word, code):
    path = write_csv(tmp_path / "s.csv", [["项目编号", "状态"], ["EP-P01", word]])
    apply_import(register, path)
    assert register.project("EP-P01").status == code


def test_xlsx_with_title_row_date_cells_and_percent_cells(register, tmp_path, write_xlsx):
    path = write_xlsx(tmp_path / "周报.xlsx", [
        ["2014年7月 项目进度表"],
        ["序号", "项目编号", "状态", "进度", "实际开工", "投资(亿元)"],
        [1, "PT-R02", "在建", 0.35, datetime(2014, 7, 2), 3.1],
        [2, "EP-P01", "立项", 0.5, 41831, None],  # an Excel serial day: 2014-07-11
    ], number_formats={(3, 4): "0%", (4, 4): "0%"})
    plan = apply_import(register, path)
    assert plan.source == "周报.xlsx"
    p, e = register.project("PT-R02"), register.project("EP-P01")
    assert (p.status, p.progress_pct, p.actual_start, p.investment_wan_yuan) == (
        "under_construction", 35.0, date(2014, 7, 2), 31000.0)
    assert (e.status, e.progress_pct, e.actual_start) == ("approved", 50.0, date(2014, 7, 11))


def test_importing_the_same_file_twice_changes_nothing(register, tmp_path, write_csv):
    path = write_csv(tmp_path / "sheet.csv", [ZH_HEADER, ["PT-R02", "在建", "10", "2014-07-02", "", "x"],
                                             ["PT-R01", "在建", "40", "2014-03-01", "", ""]])
    first = apply_import(register, path)
    assert set(first.changes) == {"PT-R02"}  # PT-R01's values were already these
    after_first = register.dump()
    second = apply_import(register, path)
    assert second.changes == {} and second.written == []
    assert register.dump() == after_first


def test_import_is_one_edit_group_that_undo_reverts(register, tmp_path, write_csv):
    before = register.projects()
    path = write_csv(tmp_path / "sheet.csv", [["项目编号", "状态"], ["PT-R02", "在建"], ["EP-P01", "立项"]])
    plan = apply_import(register, path)
    assert len({r.edit_id for r in plan.written}) == 1
    register.undo_last()
    after = register.projects()
    assert {pid: p.status for pid, p in after.items()} == {pid: p.status for pid, p in before.items()}


@pytest.mark.parametrize("suffix, lang", [(".csv", "zh"), (".csv", "en"), (".xlsx", "zh"), (".xlsx", "en")])
def test_export_then_import_gives_an_identical_register(register, tmp_path, sample_projects, suffix, lang):
    register.update_many({"PT-R02": {"status": "under_construction", "progress_pct": 12.5,
                                     "actual_start": "2014-07-02", "note": "含逗号, 和\"引号\""},
                          "WX-B01": {"status": "suspended", "investment_wan_yuan": 0.1 + 0.2}},
                         changed_at="2014-07-03")
    out = tmp_path / f"register{suffix}"
    assert export_register(register, out, lang=lang) == 6
    assert register.dump() == (before := register.dump())
    assert apply_import(register, out).changes == {}  # into itself: nothing to change
    assert register.dump() == before
    with RegisterStore.create(tmp_path / "fresh.sqlite", sample_projects(), author="seeder") as fresh:
        apply_import(fresh, out)  # into the register it started from: the same projects
        assert fresh.projects() == register.projects()


def test_export_csv_has_a_bom_and_chinese_labels(register, tmp_path):
    out = tmp_path / "r.csv"
    export_register(register, out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("项目编号,园区,项目名称,英文名称,类别,状态,进度(%),投资(万元)")
    assert lines[1].startswith("EP-P01,environmental,线路板企业搬迁,PCB relocation,plot,规划,,")


def test_read_projects_file_reads_a_whole_register_table(register, tmp_path):
    out = tmp_path / "projects.csv"
    export_register(register, out, lang="en")
    assert read_projects_file(out) == register.projects()


def test_read_projects_file_reports_problems(tmp_path, write_csv):
    path = write_csv(tmp_path / "projects.csv", [["project_id", "park", "name_zh", "status"],
                                                 ["A", "port", "甲", "规划"], ["A", "port", "乙", "??"]])
    with pytest.raises(ImportProblemsError, match=r"projects.csv: row 3, column project_id: project A is also "
                                                  r"on row 2; nothing was imported"):
        read_projects_file(path)


def test_values_right_of_the_last_header_are_a_problem(register, tmp_path, write_csv):
    path = write_csv(tmp_path / "sheet.csv", [["项目编号", "状态"], ["PT-R02", "在建", "stray"]])
    assert plan_import(register, path).lines() == [
        f"{path}: row 2, column #3: values right of the last header (column 3) have no header"]


def test_xlsx_export_keeps_formula_like_text_as_text(register, tmp_path):
    import openpyxl

    register.update("PT-R02", {"note": "=HYPERLINK(\"http://x\")"})
    out = tmp_path / "r.xlsx"
    export_register(register, out)
    cell = openpyxl.load_workbook(out).active["P4"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(\"http://x\")", "s")
    assert plan_import(register, out).changes == {}


def test_export_into_a_missing_folder_fails_clearly(register, tmp_path):
    with pytest.raises(SpreadsheetError, match=r"nowhere/r.csv: folder does not exist"):
        export_register(register, tmp_path / "nowhere" / "r.csv")


def test_workbook_with_one_sheet_per_park(register, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    port = book.active
    port.title = "港口片区"
    for row in (["项目编号", "状态"], ["PT-R02", "在建"], ["PT-S01", "已完工"]):
        port.append(row)
    notes = book.create_sheet("说明")
    notes.append(["本表由园区管委会每周更新"])
    wanxiang = book.create_sheet("万象")
    for row in (["序号", "项目编号", "状态", "进度"], [1, "WX-B01", "在建", 5], [2, "PT-R02", "暂缓", None]):
        wanxiang.append(row)
    path = tmp_path / "parks.xlsx"
    book.save(path)
    plan = plan_import(register, path)
    assert plan.lines() == [f"{path}: sheet 万象, row 3, column 项目编号: project PT-R02 is also on sheet 港口片区, row 2"]
    assert plan.summary() == (f"{path}: 4 rows from sheets 港口片区, 万象 (skipped, no header row: 说明), "
                              "1 problem, 3 projects with 4 changed fields")
    wanxiang.delete_rows(3)
    book.save(path)
    apply_import(register, path)
    assert [register.project(p).status for p in ("PT-R02", "PT-S01", "WX-B01")] == [
        "under_construction", "completed", "under_construction"]


def test_negative_investment_is_a_problem(register, tmp_path, write_csv):
    path = write_csv(tmp_path / "sheet.csv", [["项目编号", "投资(万元)"], ["PT-R02", "-300"]])
    assert plan_import(register, path).lines() == [
        f"{path}: row 2, column 投资(万元): project PT-R02: investment -300 is negative"]
