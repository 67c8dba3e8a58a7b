"""The field-office round trip: build → edit in the pack → export → HQ edits → merge → resolve."""

from __future__ import annotations

import json

import pytest

from parksgis import cli
from parksgis.errors import ParksgisError
from parksgis.pack import (ChangeFileError, PackError, PackReadOnlyError, build_pack, export_changes,
                           merge_changes, open_conflicts, open_pack, resolve_conflicts, verify_pack)
from parksgis.store.register import RegisterStore


def field_edits(pack):
    _ws, handle = open_pack(pack)
    try:
        handle.update("P-1", {"status": "completed", "progress_pct": 100}, author="李工")
        handle.update("P-2", {"status": "approved"}, author="李工")
        handle.update("W-1", {"note": "招标中 tendering"}, author="王工")
        handle.update("R-1", {"progress_pct": 55}, author="李工")
        handle.update("R-1", {"progress_pct": 30}, author="李工")  # put back: nothing to send
    finally:
        handle.close()


def hq_edits(register_path):
    with RegisterStore.open(register_path) as store:
        store.update("P-2", {"status": "suspended"}, author="总部")
        store.update("P-1", {"progress_pct": 100}, author="总部")


def test_round_trip_with_conflicts(pack, hq, tmp_path, capsys):
    target, register_path = hq
    field_edits(pack)
    assert verify_pack(pack).ok  # edits since the build replay onto the baseline
    changes = tmp_path / "changes.json"
    assert cli.main(["pack", "export-changes", str(pack), "-o", str(changes)]) == 0
    document = json.loads(changes.read_text(encoding="utf-8"))
    assert capsys.readouterr().out.strip() == (
        f"{changes}: 4 changed fields and 1 put back to the build value from pack "
        f"{document['pack']['pack_id']}")
    assert changes.stat().st_size < 10_000
    got = {(c["project_id"], c["field"]): (c["base"], c["new"], c["author"])
           for c in document["changes"]}
    assert got == {("P-1", "status"): ("under_construction", "completed", "李工"),
                   ("P-1", "progress_pct"): ("40.0", "100.0", "李工"),
                   ("P-2", "status"): ("planned", "approved", "李工"),
                   ("W-1", "note"): ("", "招标中 tendering", "王工"),
                   ("R-1", "progress_pct"): ("30.0", "30.0", "李工")}  # 55 and back: sent, no-op
    assert document["pack"]["source"] == "tests/pack" and document["pack"]["created"]

    hq_edits(register_path)
    assert cli.main(["pack", "merge", str(target), str(changes)]) == 1
    out = capsys.readouterr().out.splitlines()
    conflict_id = next(c["change_id"] for c in document["changes"]
                       if (c["project_id"], c["field"]) == ("P-2", "status"))
    assert "merged    P-1 status: under_construction -> completed (李工)" in out
    assert "merged    W-1 note: (empty) -> 招标中 tendering (王工)" in out
    assert "unchanged P-1 progress_pct: already 100.0" in out
    assert (f"conflict  {conflict_id} P-2 status: base planned, field approved, target suspended"
            in out)
    assert "unchanged R-1 progress_pct: already 30.0" in out
    assert out[-1] == ("2 merged, 2 already there, 0 merged before, 1 new conflicts, 0 resolved; "
                       "1 conflicts open — nothing was applied for them: resolve with --take "
                       "field|target or --conflict ID=field|target")
    with RegisterStore.open(register_path) as store:
        after_merge = store.dump()
        projects = store.projects()
        merged_rows = [r for r in store.history() if r.source.startswith("pack:")]
    assert projects["P-2"].status == "suspended"  # conflict: HQ's value kept, nothing silent
    assert projects["P-1"].status == "completed" and projects["W-1"].note == "招标中 tendering"
    assert {(r.project_id, r.field, r.author) for r in merged_rows} == {
        ("P-1", "status", "李工"), ("W-1", "note", "王工")}
    assert {r.source for r in merged_rows} == {f"pack:{document['pack']['pack_id']}"}
    [conflict] = open_conflicts(target)
    assert (conflict.base, conflict.field_value, conflict.target_value) == (
        "planned", "approved", "suspended")

    # merging the same file again changes nothing
    assert cli.main(["pack", "merge", str(target), str(changes)]) == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith(
        "0 merged, 0 already there, 5 merged before, 0 new conflicts, 0 resolved; 1 conflicts open")
    with RegisterStore.open(register_path) as store:
        assert store.dump() == after_merge

    # resolve: take the field office's value
    assert cli.main(["pack", "conflicts", str(target), "--conflict", f"{conflict_id}=field"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"resolved  {conflict_id} P-2 status: took field", "0 conflicts open"]
    with RegisterStore.open(register_path) as store:
        final = {pid: (p.status, p.progress_pct, p.note) for pid, p in store.projects().items()}
    assert final == {"P-1": ("completed", 100.0, ""), "P-2": ("approved", None, ""),
                     "R-1": ("under_construction", 30.0, ""), "W-1": ("approved", None,
                                                                      "招标中 tendering")}
    if target.suffix == ".gpkg":
        assert verify_pack(target).ok


def test_take_target_for_all_and_resolution_in_the_same_merge(pack, hq, tmp_path):
    target, register_path = hq
    field_edits(pack)
    export_changes(pack, tmp_path / "c.json")
    hq_edits(register_path)
    result = merge_changes(target, [tmp_path / "c.json"], take="target")
    assert [(c.project_id, c.resolution) for c in result.resolved] == [("P-2", "target")]
    assert result.still_open == [] and open_conflicts(target) == []
    with RegisterStore.open(register_path) as store:
        assert store.project("P-2").status == "suspended"


def test_app_resolves_one_conflict_through_the_api(pack, hq, tmp_path):
    target, register_path = hq
    field_edits(pack)
    export_changes(pack, tmp_path / "c.json")
    hq_edits(register_path)
    [conflict] = merge_changes(target, [tmp_path / "c.json"]).conflicts
    [resolved] = resolve_conflicts(target, choices={conflict.conflict_id: "field"}, author="审核")
    assert (resolved.status, resolved.resolution) == ("resolved", "field")
    with RegisterStore.open(register_path) as store:
        assert store.project("P-2").status == "approved"
        last = store.history("P-2")[-1]
    assert (last.author, last.source) == ("审核", f"resolve:{conflict.conflict_id}")
    assert open_conflicts(target) == []
    import sqlite3

    with sqlite3.connect(register_path) as conn:
        assert conn.execute("SELECT status, resolution, resolved_by FROM parksgis_conflicts"
                            ).fetchall() == [("resolved", "field", "审核")]


def test_later_export_of_the_same_pack_builds_on_the_earlier_one(pack, hq, tmp_path):
    target, _register = hq
    _ws, handle = open_pack(pack)
    handle.update("P-1", {"status": "completed"}, author="李工")
    export_changes(pack, tmp_path / "week1.json")
    assert merge_changes(target, [tmp_path / "week1.json"]).still_open == []
    handle.update("P-1", {"status": "in_operation"}, author="李工")
    handle.close()
    export_changes(pack, tmp_path / "week2.json")
    result = merge_changes(target, [tmp_path / "week2.json"])
    assert [(c["field"], c["new"]) for c in result.merged] == [("status", "in_operation")]
    assert result.conflicts == []


def test_merge_straight_from_a_pack_file(pack, hq):
    target, register_path = hq
    field_edits(pack)
    result = merge_changes(target, [pack])  # no e-mail step: the pack itself is the change file
    assert sorted((c["project_id"], c["field"]) for c in result.merged) == [
        ("P-1", "progress_pct"), ("P-1", "status"), ("P-2", "status"), ("W-1", "note")]
    again = merge_changes(target, [pack]).repeated
    assert sorted(c["change_id"] for c in again) == sorted(
        c["change_id"] for c in result.merged + result.already)


def test_two_field_offices_editing_one_field_conflict(tmp_path, workspace, hq):
    target, _register = hq
    for name, status in (("a.gpkg", "completed"), ("b.gpkg", "suspended")):
        build_pack(workspace, tmp_path / name)
        _ws, handle = open_pack(tmp_path / name)
        handle.update("R-1", {"status": status}, author=name)
        handle.close()
        export_changes(tmp_path / name, tmp_path / f"{name}.json")
    result = merge_changes(target, [tmp_path / "a.gpkg.json", tmp_path / "b.gpkg.json"])
    assert [c["new"] for c in result.merged] == ["completed"]
    [conflict] = result.conflicts
    assert (conflict.field_value, conflict.target_value) == ("suspended", "completed")


def test_bad_change_files_and_choices_change_nothing(pack, hq, tmp_path, capsys):
    target, register_path = hq
    with RegisterStore.open(register_path) as store:
        before = store.dump()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}', encoding="utf-8")
    with pytest.raises(ChangeFileError, match="not a parksgis change file: 'format' is not"):
        merge_changes(target, [bad])
    bad.write_text(json.dumps({"format": "parksgis-changes", "version": 1, "pack": {"pack_id": "x"},
                               "changes": [{"change_id": "c", "project_id": "P-1", "field": "colour",
                                            "base": None, "new": "red"}]}), encoding="utf-8")
    with pytest.raises(ChangeFileError, match=r"change 1 \(project P-1\): unknown field 'colour'"):
        merge_changes(target, [bad])
    bad.write_text(json.dumps({"format": "parksgis-changes", "version": 1, "pack": {"pack_id": "x"},
                               "changes": [{"change_id": "c", "project_id": "P-1", "field": "status",
                                            "base": "under_construction", "new": "flying"}]}),
                   encoding="utf-8")
    with pytest.raises(ParksgisError, match="P-1.*flying"):
        merge_changes(target, [bad])  # the register refuses the value: nothing is merged
    assert open_conflicts(target) == []
    bad.write_text("not json", encoding="utf-8")
    assert cli.main(["pack", "merge", str(target), str(bad)]) == 1
    assert "not a parksgis change file: not JSON" in capsys.readouterr().err
    assert cli.main(["pack", "merge", str(target), str(bad), "--conflict", "x=both"]) == 2
    assert "--conflict wants ID=field or ID=target, not 'x=both'" in capsys.readouterr().err
    field_edits(pack)
    export_changes(pack, tmp_path / "c.json")
    assert cli.main(["pack", "merge", str(target), str(tmp_path / "c.json"),
                     "--conflict", "nope=field"]) == 1
    assert "no open conflict 'nope'" in capsys.readouterr().err
    with RegisterStore.open(register_path) as store:
        assert store.dump() == before  # the bad resolution rolled the whole merge back


def test_merge_into_a_folder_without_a_register_is_refused(pack, tmp_path):
    field_edits(pack)
    with pytest.raises(PackError, match="not a layers folder: it has no register.sqlite and no "
                                        "projects.csv"):
        merge_changes(tmp_path, [pack])
    assert not (tmp_path / "register.sqlite").exists()


def test_read_only_pack_refuses_edits(pack):
    _ws, handle = open_pack(pack, read_only=True)
    with pytest.raises(PackReadOnlyError, match="read-only: opened read-only on request"):
        handle.update("P-1", {"status": "completed"})
    handle.close()


def test_undone_edit_is_sent_as_no_change(pack, tmp_path):
    _ws, handle = open_pack(pack)
    handle.update("P-2", {"status": "approved"}, author="李工")
    handle.update("W-1", {"status": "completed"}, author="李工")
    handle.register.undo_last(author="李工")  # W-1 back to approved
    handle.close()
    assert verify_pack(pack).ok
    document = export_changes(pack, tmp_path / "c.json")
    assert [(c["project_id"], c["base"], c["new"]) for c in document["changes"]] == [
        ("P-2", "planned", "approved"), ("W-1", "approved", "approved")]


def test_export_to_an_unwritable_place_is_one_clear_error(pack, tmp_path):
    with pytest.raises(ParksgisError, match="missing-folder/c.json: the folder .*missing-folder does "
                                            "not exist; nothing was written"):
        export_changes(pack, tmp_path / "missing-folder" / "c.json")
