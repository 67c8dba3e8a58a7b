"""Merge promises under attack (issue 14, points 1-3, 5, 6): no edit is overwritten silently,
set-backs reach headquarters, --take field never picks one of two offices at random, every value
is checked by the register's one rule, and undo takes a whole merge back."""

from __future__ import annotations

import json
import shutil

import pytest

from parksgis import cli
from parksgis.pack import build_pack, export_changes, merge_changes, open_conflicts, open_pack
from parksgis.store.errors import ChangeError
from parksgis.store.register import RegisterStore


def edit(pack, project_id, fields, author="李工"):
    _ws, handle = open_pack(pack)
    try:
        handle.update(project_id, fields, author=author)
    finally:
        handle.close()


def value(register_path, project_id, field):
    with RegisterStore.open(register_path, readonly=True) as store:
        return getattr(store.project(project_id), field)


def test_two_copies_of_one_pack_conflict_instead_of_overwriting(pack, hq, tmp_path, capsys):
    """Point 1: README step 2 invites copying; office 2's edit must not overwrite office 1's."""
    target, register = hq
    copy1, copy2 = tmp_path / "office1.gpkg", tmp_path / "office2.gpkg"
    shutil.copy(pack, copy1)
    shutil.copy(pack, copy2)
    edit(copy1, "W-1", {"status": "under_construction"}, author="一处")
    edit(copy2, "W-1", {"status": "suspended"}, author="二处")
    export_changes(copy1, tmp_path / "c1.json")
    export_changes(copy2, tmp_path / "c2.json")
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "c1.json")]) == 0
    assert "merged    W-1 status: approved -> under_construction (一处)" in capsys.readouterr().out
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "c2.json")]) == 1
    out = capsys.readouterr().out
    assert "merged" not in out.split("\n")[0]
    assert ("base approved, field suspended, target under_construction" in out
            and "1 conflicts open" in out)
    assert value(register, "W-1", "status") == "under_construction"  # office 1's edit kept


def test_later_export_of_one_copy_still_builds_on_its_own_earlier_export(pack, hq, tmp_path):
    """The fix for point 1 keeps week 2 of one office applying on top of its week 1."""
    target, register = hq
    shutil.copy(pack, tmp_path / "office2.gpkg")
    edit(pack, "W-1", {"status": "under_construction"})
    export_changes(pack, tmp_path / "week1.json")
    assert merge_changes(target, [tmp_path / "week1.json"]).merged
    edit(pack, "W-1", {"status": "completed"})
    export_changes(pack, tmp_path / "week2.json")
    edit(tmp_path / "office2.gpkg", "W-1", {"status": "suspended"}, author="二处")
    export_changes(tmp_path / "office2.gpkg", tmp_path / "other.json")
    result = merge_changes(target, [tmp_path / "week2.json", tmp_path / "other.json"])
    assert [(c["field"], c["new"]) for c in result.merged] == [("status", "completed")]
    assert [(c.field_value, c.target_value) for c in result.conflicts] == [("suspended", "completed")]


@pytest.mark.parametrize("how", ["edit", "undo"])
def test_a_field_set_back_to_its_build_value_reaches_headquarters(pack, hq, tmp_path, capsys, how):
    """Point 2: HQ merged 在建/5 %, the office set 立项/0 again: HQ must follow."""
    target, register = hq
    edit(pack, "P-2", {"status": "under_construction", "progress_pct": 5})
    export_changes(pack, tmp_path / "week1.json")
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "week1.json")]) == 0
    assert (value(register, "P-2", "status"), value(register, "P-2", "progress_pct")) == (
        "under_construction", 5.0)
    if how == "edit":
        edit(pack, "P-2", {"status": "planned", "progress_pct": None})
    else:
        assert cli.main(["status", "undo", str(pack)]) == 0
    capsys.readouterr()
    assert cli.main(["pack", "export-changes", str(pack), "-o", str(tmp_path / "week2.json")]) == 0
    assert "0 changed fields and 2 put back to the build value" in capsys.readouterr().out
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "week2.json")]) == 0
    out = capsys.readouterr().out
    assert "merged    P-2 status: under_construction -> planned (" in out
    assert (value(register, "P-2", "status"), value(register, "P-2", "progress_pct")) == (
        "planned", None)


def test_take_field_with_two_offices_on_one_field_leaves_the_choice_open(tmp_path, workspace, hq,
                                                                         capsys):
    """Point 3: "resolved … took field" twice, the second silently replacing the first."""
    target, register = hq
    for name, status in (("a.gpkg", "completed"), ("b.gpkg", "suspended")):
        build_pack(workspace, tmp_path / name)
        edit(tmp_path / name, "R-1", {"status": status}, author=name)
        export_changes(tmp_path / name, tmp_path / f"{name}.json")
    with RegisterStore.open(register) as store:
        store.update("R-1", {"status": "approved"}, author="总部")
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "a.gpkg.json"),
                     str(tmp_path / "b.gpkg.json"), "--take", "field"]) == 1
    out = capsys.readouterr().out
    assert not [x for x in out.splitlines() if x.startswith("resolved")]
    [line] = [x for x in out.splitlines() if x.startswith("left open")]
    assert line.startswith("left open R-1 status: 2 field offices offer different values (")
    assert "completed" in line and "suspended" in line and line.endswith(
        "take one with --conflict ID=field")
    assert value(register, "R-1", "status") == "approved"
    conflicts = {c.field_value: c.conflict_id for c in open_conflicts(target)}
    assert cli.main(["pack", "conflicts", str(target), "--conflict", f"{conflicts['suspended']}=field",
                     "--conflict", f"{conflicts['completed']}=target"]) == 0
    assert value(register, "R-1", "status") == "suspended"


def test_a_change_for_a_project_the_target_lacks_is_skipped_not_a_blocking_conflict(
        pack, tmp_path, workspace, capsys):
    """Point 3: such a change became an open conflict, and --take field aborted the batch."""
    folder = tmp_path / "hq"
    folder.mkdir()
    projects = {k: v for k, v in workspace.projects.items() if k != "W-1"}
    RegisterStore.create(folder / "register.sqlite", projects).close()
    edit(pack, "W-1", {"status": "completed"})
    edit(pack, "P-1", {"status": "completed"})
    export_changes(pack, tmp_path / "c.json")
    assert cli.main(["pack", "merge", str(folder), str(tmp_path / "c.json"), "--take", "field"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"skipped   W-1 status: project W-1 is not in {folder}; nothing was applied for it" in out
    assert "merged    P-1 status: under_construction -> completed (李工)" in out
    assert out[-1].endswith("1 skipped (project not in the target); no open conflicts")
    assert open_conflicts(folder) == []
    assert value(folder / "register.sqlite", "P-1", "status") == "completed"


@pytest.mark.parametrize("field, new, message", [
    ("park", "nowhere", "unknown park 'nowhere' (known: port, wanxiang)"),
    ("progress_pct", "NaN", "'NaN' is not a number"),
    ("progress_pct", "inf", "'inf' is not a number"),
    ("planned_finish", "2014-02-30", "'2014-02-30' is not a date"),
])
def test_merge_refuses_what_import_and_the_app_refuse(pack, hq, tmp_path, capsys, field, new, message):
    """Point 5: one validation for every way a value enters the register."""
    target, register = hq
    with RegisterStore.open(register) as store:
        before = store.dump()
        with pytest.raises(ChangeError, match=message.replace("(", r"\(").replace(")", r"\)")):
            store.update("P-1", {field: new})  # the app's way in
    edit(pack, "P-2", {"status": "approved"})
    document = export_changes(pack, tmp_path / "c.json")
    document["changes"].append({"change_id": "bad", "project_id": "P-1", "field": field,
                                "base": None, "new": new})
    (tmp_path / "c.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "c.json")]) == 1
    err = capsys.readouterr().err
    assert f"c.json: change 2: project P-1, field {field}: {message}" in err
    assert "nothing was merged" in err
    with RegisterStore.open(register) as store:
        assert store.dump() == before


def test_import_refuses_an_unknown_park_and_nan(tmp_path, workspace, capsys):
    folder = tmp_path / "hq"
    folder.mkdir()
    RegisterStore.create(folder / "register.sqlite", workspace.projects).close()
    sheet = tmp_path / "s.csv"
    sheet.write_text("project_id,park,progress_pct\nP-1,nowhere,10\nP-2,port,NaN\n", encoding="utf-8")
    assert cli.main(["status", "import", str(sheet), "--into", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "unknown park 'nowhere'" in out and "'NaN' is not a number" in out


def test_undo_after_a_merge_takes_the_whole_merge_back(pack, hq, tmp_path, capsys):
    """Point 6: undo after a 6-field merge undid "1 field of 1 project"."""
    target, register = hq
    edit(pack, "P-1", {"status": "completed", "progress_pct": 100, "note": "验收"})
    edit(pack, "P-2", {"status": "approved", "progress_pct": 2})
    edit(pack, "W-1", {"note": "招标中"})
    export_changes(pack, tmp_path / "c.json")
    with RegisterStore.open(register) as store:
        before = store.projects()
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "c.json")]) == 0
    assert "6 merged" in capsys.readouterr().out
    assert cli.main(["status", "undo", str(target)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("undone: edit ")
    assert out.endswith("(merge of pack " + json.loads((tmp_path / "c.json").read_text(
        encoding="utf-8"))["pack"]["pack_id"] + "): 6 fields of 3 projects (P-1, P-2, W-1)")
    with RegisterStore.open(register) as store:
        after = store.projects()
    assert {pid: (p.status, p.progress_pct, p.note) for pid, p in after.items()} == {
        pid: (p.status, p.progress_pct, p.note) for pid, p in before.items()}


def test_undo_after_an_import_and_after_an_app_edit_names_what_it_took_back(tmp_path, workspace,
                                                                            capsys):
    folder = tmp_path / "hq"
    folder.mkdir()
    RegisterStore.create(folder / "register.sqlite", workspace.projects).close()
    with RegisterStore.open(folder / "register.sqlite") as store:
        store.update("P-2", {"status": "approved", "note": "x"}, author="王工")
    assert cli.main(["status", "undo", str(folder)]) == 0
    assert "(edit in the app): 2 fields of 1 project (P-2)" in capsys.readouterr().out
