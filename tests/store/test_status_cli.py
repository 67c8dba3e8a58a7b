"""``parksgis status ...`` through the real CLI entry point: output lines and exit codes."""

from __future__ import annotations

import re
import shutil

import pytest

from parksgis.cli import main
from parksgis.store.register import RegisterStore


@pytest.fixture
def folder(tmp_path, sample_layers):
    target = tmp_path / "layers"
    shutil.copytree(sample_layers, target, ignore=shutil.ignore_patterns("register.sqlite*"))
    return target


def test_import_dry_run_lists_problems_and_writes_nothing(folder, tmp_path, write_csv, capsys):
    sheet = write_csv(tmp_path / "周报.csv", [
        ["项目编号", "状态", "进度", "实际开工"],
        ["PORT-RD-JING1", "施工中", "5", "2014年8月1日"],
        ["NO-SUCH", "在建", "", ""],
        ["PORT-RD-WEI1", "差不多", "150", "2014/2/30"],
        ["PORT-RD-JING1", "在建", "", ""],
    ], encoding="gbk")
    assert main(["status", "import", sheet, "--into", str(folder), "--dry-run"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{sheet}: row 3, column 项目编号: project NO-SUCH is not in the register",
        f"{sheet}: row 4, column 状态: project PORT-RD-WEI1: unknown status '差不多' (known: 规划/planned, "
        "立项/approved, 在建/under_construction, 建成/completed, 投用/in_operation, 暂缓/suspended, and "
        "synonyms such as 施工中, 已完工, 暂缓)",
        f"{sheet}: row 4, column 进度: project PORT-RD-WEI1: progress 150 is outside 0-100",
        f"{sheet}: row 4, column 实际开工: project PORT-RD-WEI1: '2014/2/30' is not a date (no such day)",
        f"{sheet}: row 5, column 项目编号: project PORT-RD-JING1 is also on row 2",
        f"{sheet}: 4 rows (read as GBK/GB18030, not UTF-8), 5 problems, 1 project with 3 changed fields; nothing was imported",
    ]
    assert not (folder / "register.sqlite").exists()  # a dry run creates nothing


def test_import_apply_show_undo(folder, tmp_path, write_csv, capsys):
    sheet = write_csv(tmp_path / "week30.csv", [["project_id", "status", "progress_pct"],
                                                ["PORT-RD-JING1", "under construction", "5"]])
    assert main(["status", "import", sheet, "--into", str(folder), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "PORT-RD-JING1: status=under_construction, progress_pct=5.0",
        f"{sheet}: 1 row, 0 problems, 1 project with 2 changed fields (dry run: nothing written)"]
    assert main(["status", "import", sheet, "--into", str(folder), "--author", "李工"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"{sheet}: 1 row, 0 problems, 1 project with 2 changed fields; 2 history rows written "
        "(source week30.csv)")
    assert main(["status", "import", sheet, "--into", str(folder)]) == 0  # again: nothing changes
    assert "0 history rows written" in capsys.readouterr().out
    assert main(["status", "show", str(folder), "PORT-RD-JING1"]) == 0
    out = capsys.readouterr().out
    assert "status               under_construction (在建)" in out
    assert "status           planned -> under_construction  [李工, week30.csv]" in out
    assert main(["status", "undo", str(folder)]) == 0
    assert re.search(r"undone: edit \d+ \(import of week30.csv\): 2 fields of 1 project \(PORT-RD-JING1\)", capsys.readouterr().out)
    with RegisterStore.for_folder(folder) as store:
        assert store.project("PORT-RD-JING1").status == "planned"
    assert main(["status", "undo", str(folder)]) == 1
    assert capsys.readouterr().out.strip() == "nothing to undo"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_round_trip(folder, tmp_path, capsys, suffix):
    out = tmp_path / f"register{suffix}"
    assert main(["status", "export", str(folder), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 34 projects"
    assert main(["status", "import", str(out), "--into", str(folder)]) == 0
    assert "0 projects with 0 changed fields" in capsys.readouterr().out


def test_register_file_and_a_gpkg_that_is_no_pack(tmp_path, capsys):
    """A register .sqlite is read as it is; a .gpkg is read only once it verifies as a pack."""
    import sqlite3

    from parksgis.model.project import Project

    register = tmp_path / "register.sqlite"
    RegisterStore.create(register, [Project("B5", "port", "5号散货泊位", status="approved")]).close()
    assert main(["status", "show", str(register), "B5"]) == 0
    assert "name_zh              5号散货泊位" in capsys.readouterr().out
    pack = tmp_path / "field.gpkg"
    sqlite3.connect(pack).execute("PRAGMA application_id = 1196444487").close()  # an empty GPKG-ish file
    RegisterStore.create(pack, [Project("B5", "port", "5号散货泊位", status="approved")]).close()
    assert main(["status", "show", str(pack), "B5"]) == 1
    assert capsys.readouterr().err.startswith(f"parksgis status: {pack}: not a readable GeoPackage")


def test_as_of_and_compare(folder, capsys):
    with RegisterStore.for_folder(folder) as store:
        store.update("PORT-RD-JING1", {"status": "under_construction"}, changed_at="2014-10-01")
        store.update("PORT-RD-WEI1", {"status": "suspended"}, changed_at="2014-10-02")
    assert main(["status", "as-of", str(folder), "2014-09-30", "--park", "port"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("PORT-RD-JING1") and " planned " in line for line in out)
    assert out[-1].startswith("as of 2014-09-30 (end of day, China time): ")
    assert main(["status", "compare", str(folder), "2014-09-30", "2014-10-02"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "started    PORT-RD-JING1 port           planned -> under_construction",
        "suspended  PORT-RD-WEI1 port           planned -> suspended",
        "2014-09-30 -> 2014-10-02: 2 status changes (started 1, suspended 1)"]


@pytest.mark.parametrize("argv, code, message", [
    (["status", "show", "nowhere", "X"], 2, "parksgis status: nowhere: no such layers folder, pack or register file"),
    (["status", "as-of", "{folder}", "1 March"], 2, "parksgis status: '1 March' is not a date (YYYY-MM-DD)"),
    (["status", "export", "{folder}", "-o", "out.ods"], 2, "parksgis status: out.ods: the output must end in "
                                                          ".csv or .xlsx"),
    (["status", "show", "{folder}", "NOPE"], 1, "layers/projects.csv: project NOPE: not in the register"),
    (["status", "import", "{folder}/parks.json", "--into", "{folder}"], 1,
     "parks.json: not a spreadsheet (expected .csv, .txt, .xlsx, .xlsm)"),
])
def test_errors_are_one_line_with_exit_codes(folder, capsys, argv, code, message):
    argv = [a.replace("{folder}", str(folder)) for a in argv]
    assert main(argv) == code
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["status", "import", "x.csv"])  # --into missing
    assert exc.value.code == 2
    assert "--into" in capsys.readouterr().err
