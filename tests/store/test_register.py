"""RegisterStore on real SQLite files: create, open, update, history, undo, read-only, schema versions."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from datetime import date

import pytest

from parksgis.model.project import Project
from parksgis.model.status import DEFAULT_SCHEME, Status, StatusScheme
from parksgis.store import schema
from parksgis.store.errors import ChangeError, RegisterError, RegisterLockedError, SchemaVersionError
from parksgis.store.register import RegisterStore, default_author


def test_create_and_reopen_keeps_projects_and_scheme(tmp_path, sample_projects):
    scheme = StatusScheme([Status("planned", "规划", "Planned", "#111111"),
                           Status("approved", "立项", "Approved", "#222222"),
                           Status("under_construction", "在建", "Building", "#333333")])
    projects = [p for p in sample_projects() if p.status in scheme]
    path = tmp_path / "r.sqlite"
    RegisterStore.create(path, projects, scheme).close()
    with RegisterStore.open(path) as store:
        assert store.scheme() == scheme
        assert list(store.projects()) == sorted(p.project_id for p in projects)
        assert store.projects()["PT-R01"] == projects[0]


def test_create_records_seed_history_at_the_baseline(register):
    rows = register.history("PT-R01")
    assert {r.source for r in rows} == {"seed"}
    assert {r.changed_at for r in rows} == {"2014-01-01T04:00:00.000000Z"}  # noon China time
    assert {r.field: r.new for r in rows}["status"] == "under_construction"
    assert all(r.old is None and r.author == "seeder" for r in rows)


def test_update_writes_history_and_stamps_updated_at(register):
    rows = register.update("PT-R02", {"status": "under_construction", "progress_pct": "10",
                                      "actual_start": "2014-07-02", "note": "开工"},
                           author="李工", changed_at=date(2014, 7, 2))
    assert [(r.field, r.old, r.new) for r in rows] == [
        ("status", "planned", "under_construction"), ("progress_pct", None, "10.0"),
        ("actual_start", None, "2014-07-02"), ("note", "", "开工")]
    assert {(r.author, r.source, r.edit_id) for r in rows} == {("李工", "app", rows[0].edit_id)}
    project = register.project("PT-R02")
    assert (project.status, project.progress_pct, project.actual_start) == (
        "under_construction", 10.0, date(2014, 7, 2))
    assert project.updated_at == "2014-07-02"
    assert register.history("PT-R02")[-4:] == rows


def test_update_with_equal_values_writes_nothing(register):
    before = register.dump()
    assert register.update("PT-R01", {"status": "under_construction", "progress_pct": 40}) == []
    assert register.dump() == before


def test_author_defaults_to_the_os_user(register):
    rows = register.update("PT-R02", {"status": "approved"})
    assert rows[0].author == default_author() != ""


def test_changed_signal_names_the_changed_projects(register):
    seen = []
    register.changed.connect(seen.append)
    register.update_many({"PT-R02": {"status": "approved"}, "WX-B01": {"progress_pct": 3}})
    assert seen == [["PT-R02", "WX-B01"]]


@pytest.mark.parametrize("project, changes, message", [
    ("NOPE", {"status": "planned"}, r"project NOPE: not in the register"),
    ("PT-R01", {"colour": "red"}, r"project PT-R01, field colour: not a field that can be changed"),
    ("PT-R01", {"status": "done"}, r"field status: unknown status 'done' \(known: planned, approved"),
    ("PT-R01", {"progress_pct": 120}, r"field progress_pct: 120 is outside 0-100"),
    ("PT-R01", {"investment_wan_yuan": "lots"}, r"field investment_wan_yuan: 'lots' is not a number"),
    ("PT-R01", {"actual_finish": "2014/7/1"}, r"field actual_finish: '2014/7/1' is not a date"),
    ("PT-R01", {"name_zh": " "}, r"field name_zh: may not be empty"),
])
def test_bad_changes_are_refused_and_nothing_is_written(register, project, changes, message):
    before = register.dump()
    with pytest.raises(ChangeError, match=message):
        register.update_many({"PT-R02": {"status": "approved"}, project: changes})
    assert register.dump() == before


def test_undo_reverts_the_last_edit_group_and_appends_history(register):
    register.update("PT-R02", {"status": "approved"}, changed_at="2014-03-01")
    register.update_many({"PT-R02": {"status": "under_construction", "progress_pct": 5},
                          "WX-B01": {"status": "under_construction"}}, changed_at="2014-04-01")
    count = len(register.history())
    rows = register.undo_last(author="王工")
    assert {(r.project_id, r.field, r.old, r.new) for r in rows} == {
        ("PT-R02", "status", "under_construction", "approved"), ("PT-R02", "progress_pct", "5.0", None),
        ("WX-B01", "status", "under_construction", "approved")}
    assert {r.source for r in rows} == {"undo"} and {r.author for r in rows} == {"王工"}
    assert len(register.history()) == count + 3  # appended, nothing deleted
    assert register.project("PT-R02").status == "approved"
    register.undo_last()
    assert register.project("PT-R02").status == "planned"
    assert register.undo_last() == []  # the seed is not undoable
    assert register.project("PT-R02").status == "planned"


def test_history_is_ordered_by_time_then_id(register):
    register.update("WX-R01", {"progress_pct": 30}, changed_at="2014-05-01T09:00:00+08:00")
    register.update("WX-R01", {"progress_pct": 25}, changed_at="2014-05-01T08:00:00+08:00")
    progress = [r.new for r in register.history("WX-R01") if r.field == "progress_pct"]
    assert progress == ["20.0", "25.0", "30.0"]


def test_read_only_opening_reads_and_refuses_writes(register):
    path = register.path
    register.close()
    with RegisterStore.open(path, readonly=True) as store:
        assert store.project("PT-R01").status == "under_construction"
        with pytest.raises(RegisterError, match=r"register is open read-only; nothing was changed"):
            store.update("PT-R01", {"status": "completed"})


def test_read_only_media_open_immutable(tmp_path, sample_projects, unprivileged):
    folder = tmp_path / "dvd"
    folder.mkdir()
    path = folder / "register.sqlite"
    RegisterStore.create(path, sample_projects()).close()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    os.chmod(folder, 0o555)  # a DVD: readable by all, writable by none

    def check():
        assert not os.access(folder, os.W_OK)
        with RegisterStore.open(path, readonly=True) as store:
            assert len(store.projects()) == 6
        assert not Path(f"{path}-journal").exists()

    try:
        unprivileged.call(check)
    finally:
        os.chmod(folder, stat.S_IRWXU)
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_immutable_opening_works_without_journal_or_locks(register):
    path = register.path
    register.close()
    with RegisterStore.open(path, readonly=True, immutable=True) as store:
        assert store.readonly and len(store.projects()) == 6
    assert sorted(os.listdir(os.path.dirname(path))) == ["register.sqlite"]


def test_newer_schema_is_refused_naming_both_versions(register):
    path = register.path
    register._db.execute("UPDATE parksgis_meta SET value = '7' WHERE key = 'schema_version'")
    register.close()
    with pytest.raises(SchemaVersionError,
                       match=r"register schema version 7 is newer than this parksgis supports \(version 2\)"):
        RegisterStore.open(path)


def _version_1_register(path) -> None:
    """A register as version 1 wrote it: history rows without edit groups."""
    db = sqlite3.connect(path, isolation_level=None)
    for ddl in schema.V1_DDL:
        db.execute(ddl)
    db.execute("INSERT INTO parksgis_meta VALUES ('schema_version', '1')")
    db.executemany("INSERT INTO parksgis_status_scheme VALUES (:code, :label_zh, :label_en, :color, :position)",
                   DEFAULT_SCHEME.to_records())
    db.execute("INSERT INTO parksgis_projects (project_id, park, name_zh, status) VALUES "
               "('P1', 'port', '泊位', 'under_construction')")
    rows = [("P1", "2014-01-01T04:00:00.000000Z", "status", None, "planned", "a", "seed"),
            ("P1", "2014-03-01T04:00:00.000000Z", "status", "planned", "approved", "b", "app"),
            ("P1", "2014-03-01T04:00:00.000000Z", "progress_pct", None, "0.0", "b", "app"),
            ("P1", "2014-05-01T04:00:00.000000Z", "status", "approved", "under_construction", "b", "app")]
    db.executemany("INSERT INTO parksgis_history (project_id, changed_at, field, old, new, author, source) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.close()


def test_version_1_register_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.sqlite"
    _version_1_register(path)
    with RegisterStore.open(path) as store:
        groups = [r.edit_id for r in store.history("P1")]
        assert groups == [1, 2, 2, 4]  # rows written together became one edit group
        assert store.as_of("2014-04-01")["P1"].status == "approved"
        store.undo_last()
        assert store.project("P1").status == "approved"
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM parksgis_meta").fetchone()[0] == "2"


def test_version_1_register_read_only_asks_for_a_writable_open(tmp_path):
    path = tmp_path / "old.sqlite"
    _version_1_register(path)
    with pytest.raises(SchemaVersionError, match=r"version 1 is older than this parksgis \(version 2\) "
                                                 r"and needs a migration; open it writable once"):
        RegisterStore.open(path, readonly=True)


def test_opening_other_files_fails_clearly(tmp_path, register):
    text = tmp_path / "notes.sqlite"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(RegisterError, match=r"notes.sqlite: not a register \(SQLite says: file is not a database"):
        RegisterStore.open(text)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE t (x)")
    with pytest.raises(RegisterError, match=r"empty.sqlite: holds no parksgis register"):
        RegisterStore.open(empty)
    with pytest.raises(RegisterError, match=r"missing.sqlite: no such register file"):
        RegisterStore.open(tmp_path / "missing.sqlite")
    with pytest.raises(RegisterError, match=r"already holds a parksgis register; open it instead"):
        RegisterStore.create(register.path, [])


def test_register_inside_a_geopackage(tmp_path, sample_projects):
    import geopandas as gpd
    from shapely.geometry import Point

    pack = tmp_path / "pack.gpkg"
    gpd.GeoDataFrame({"project_id": ["PT-R01"]}, geometry=[Point(111.9, 21.7)], crs=4326).to_file(pack)
    RegisterStore.create(pack, sample_projects()).close()
    with RegisterStore.open(pack) as store:
        store.update("PT-R01", {"status": "completed"})
    frame = gpd.read_file(pack, layer="pack")  # the layer is untouched, GDAL still reads the pack
    assert list(frame["project_id"]) == ["PT-R01"]
    with sqlite3.connect(pack) as db:
        listed = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes'")}
        assert set(schema.TABLES) <= listed
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # still 'GPKG'


def test_for_folder_seeds_from_projects_csv_once(tmp_path, register):
    from parksgis.store.spreadsheet import export_register

    folder = tmp_path / "layers"
    folder.mkdir()
    export_register(register, folder / "projects.csv", lang="en")
    with RegisterStore.for_folder(folder) as store:
        assert store.projects() == register.projects()
        store.update("PT-R02", {"status": "approved"})
    assert (folder / "register.sqlite").exists()
    with RegisterStore.for_folder(folder) as store:  # opened, not re-seeded
        assert store.project("PT-R02").status == "approved"


def test_for_folder_read_only_without_register_stays_in_memory(tmp_path, register):
    from parksgis.store.spreadsheet import export_register

    folder = tmp_path / "layers"
    folder.mkdir()
    export_register(register, folder / "projects.csv", lang="en")
    with RegisterStore.for_folder(folder, readonly=True) as store:
        assert not store.persistent and len(store.projects()) == 6
    assert not (folder / "register.sqlite").exists()


def test_add_projects_become_baseline(register):
    register.add_projects([Project("WX-R02", "wanxiang", "金田十路", status="planned")],
                          changed_at="2014-06-01")
    assert register.as_of("2014-02-01")["WX-R02"].status == "planned"
    assert register.undo_last() == []
    with pytest.raises(ChangeError, match=r"project WX-R02: already in the register"):
        register.add_projects([Project("WX-R02", "wanxiang", "again")])


def test_bind_workspace_keeps_the_workspace_in_step(register):
    from parksgis.model.workspace import Workspace

    workspace = Workspace()
    register.bind_workspace(workspace)
    assert workspace.projects == register.projects()
    seen = []
    workspace.projects_changed.connect(seen.append)
    register.update("PT-R02", {"status": "under_construction"})
    assert workspace.status_of("PT-R02") == "under_construction" and seen == [["PT-R02"]]
    register.undo_last()
    assert workspace.status_of("PT-R02") == "planned" and seen == [["PT-R02"], ["PT-R02"]]


def test_a_failing_write_rolls_back_and_says_so(register):
    # a real SQLite failure part-way through a write (as a full disk would cause)
    register._db.execute("CREATE TRIGGER fail BEFORE INSERT ON parksgis_history WHEN NEW.project_id = 'WX-B01' "
                         "BEGIN SELECT RAISE(ABORT, 'simulated I/O failure'); END")
    before = register.dump()
    with pytest.raises(RegisterError, match=r"register.sqlite: write failed \(simulated I/O failure\); "
                                            r"nothing was changed"):
        register.update_many({"PT-R02": {"status": "approved"}, "WX-B01": {"status": "planned"}})
    assert register.dump() == before
    register._db.execute("DROP TRIGGER fail")
    assert register.update("PT-R02", {"status": "approved"})  # the connection is still usable


def test_a_register_locked_by_another_writer_is_reported(register):
    other = sqlite3.connect(register.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(RegisterLockedError, match=r"register.sqlite: another program holds the write "
                                                      r"lock \(database is locked\); nothing was changed"):
            register.update("PT-R02", {"status": "approved"})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert register.update("PT-R02", {"status": "approved"})


@pytest.mark.parametrize("immutable", [False, True])
def test_read_only_opening_of_paths_with_spaces_chinese_and_url_characters(tmp_path, sample_projects, immutable):
    folder = tmp_path / "现场 数据 #1?%20"
    folder.mkdir()
    RegisterStore.create(folder / "登记 簿.sqlite", sample_projects()).close()
    with RegisterStore.open(folder / "登记 簿.sqlite", readonly=True, immutable=immutable) as store:
        assert len(store.projects()) == 6


def test_create_refuses_bad_input_and_leaves_no_file(tmp_path, sample_projects):
    projects = sample_projects()
    projects[1].status = "finished"
    with pytest.raises(ChangeError, match=r"new.sqlite: project PT-R02, field status: unknown status 'finished'"):
        RegisterStore.create(tmp_path / "new.sqlite", projects)
    assert os.listdir(tmp_path) == []
    text = tmp_path / "notes.gpkg"
    text.write_text("not sqlite", encoding="utf-8")
    with pytest.raises(RegisterError, match=r"notes.gpkg: not an SQLite file or GeoPackage \(SQLite says: file is "
                                            r"not a database\)"):
        RegisterStore.create(text, sample_projects())


def test_create_does_not_change_the_callers_projects(tmp_path, sample_projects):
    projects = sample_projects()
    projects[0].progress_pct = "40"  # as a CSV might give it
    RegisterStore.create(tmp_path / "r.sqlite", projects).close()
    assert projects[0].progress_pct == "40"
