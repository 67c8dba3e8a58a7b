"""``parksgis pack build`` on layers folders: the bundled sample parks, --park, --as-of."""

from __future__ import annotations

import dataclasses
import shutil

import pyogrio

from parksgis import cli
from parksgis.pack import open_pack, pack_info
from parksgis.store.register import RegisterStore


def test_build_the_sample_parks(sample_layers, tmp_path, capsys):
    out = tmp_path / "sample.gpkg"
    assert cli.main(["pack", "build", str(sample_layers), "-o", str(out), "--title", "样例"]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: pack ")
    info = pack_info(out)
    assert [p["park_id"] for p in info["parks"]] == ["port", "wanxiang", "environmental"]
    tables = {layer["table"]: layer["features"] for layer in info["layers"]}
    for table, count in tables.items():
        assert len(pyogrio.read_dataframe(out, layer=table)) == count > 0
    assert "port__plots" in tables and "basemap__coastline" in tables
    assert cli.main(["pack", "verify", str(out)]) == 0


def test_build_one_park_as_of_a_date(sample_layers, tmp_path, capsys):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite"))
    from parksgis.app.workspace import load_workspace

    workspace, _ = load_workspace(folder)
    port = sorted(pid for pid, p in workspace.projects.items() if p.park == "port")
    with RegisterStore.create(folder / "register.sqlite", workspace.projects,
                              baseline="2014-01-01") as store:
        old = store.project(port[0]).status
        new = "suspended" if old != "suspended" else "completed"
        store.update(port[0], {"status": new}, author="总部", changed_at="2014-09-01")
    before, after = tmp_path / "before.gpkg", tmp_path / "after.gpkg"
    assert cli.main(["pack", "build", str(folder), "-o", str(before), "--park", "port",
                     "--as-of", "2014-07-24"]) == 0
    assert cli.main(["pack", "build", str(folder), "-o", str(after), "--park", "port"]) == 0
    for path, status in ((before, old), (after, new)):
        workspace, handle = open_pack(path)
        handle.close()
        assert [p.park_id for p in workspace.parks] == ["port"]
        assert workspace.projects[port[0]].status == status
        assert {p.park for p in workspace.projects.values()} == {"port"}
    assert pack_info(before)["as_of"] == "2014-07-24"


def test_build_usage_errors(tmp_path, capsys):
    assert cli.main(["pack", "build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.gpkg")]) == 2
    assert f"{tmp_path / 'nowhere'}: no such layers folder" in capsys.readouterr().err
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert cli.main(["pack", "build", str(tmp_path / "file.txt"), "-o", str(tmp_path / "x.gpkg")]) == 1
    assert "the source must be a layers folder" in capsys.readouterr().err
    assert cli.main(["pack", "build", str(tmp_path), "-o", str(tmp_path / "x.gpkg"),
                     "--as-of", "July"]) == 2
    assert "--as-of wants a date like 2014-07-24, not 'July'" in capsys.readouterr().err
    assert not (tmp_path / "x.gpkg").exists()


def test_broken_layer_file_stops_the_build(sample_layers, tmp_path, capsys):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite"))
    (folder / "port" / "roads.geojson").write_text("{ not json", encoding="utf-8")
    assert cli.main(["pack", "build", str(folder), "-o", str(tmp_path / "x.gpkg")]) == 1
    err = capsys.readouterr().err
    assert "not built, a layer or file failed to load" in err and "roads.geojson" in err
    assert not (tmp_path / "x.gpkg").exists()


def test_sample_round_trip_into_a_fresh_layers_folder(sample_layers, tmp_path, capsys):
    """HQ's folder has only projects.csv: the merge creates register.sqlite and the app sees it."""
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite"))
    pack = tmp_path / "port.gpkg"
    assert cli.main(["pack", "build", str(folder), "-o", str(pack), "--park", "port"]) == 0
    workspace, handle = open_pack(pack)
    project_id = sorted(workspace.projects)[0]
    new_status = "suspended" if workspace.projects[project_id].status != "suspended" else "completed"
    handle.update(project_id, {"status": new_status}, author="现场")
    handle.close()
    changes = tmp_path / "changes.json"
    assert cli.main(["pack", "export-changes", str(pack), "-o", str(changes)]) == 0
    assert cli.main(["pack", "merge", str(folder), str(changes)]) == 0
    assert "1 merged" in capsys.readouterr().out
    assert (folder / "register.sqlite").exists()
    from parksgis.app.workspace import load_workspace

    reloaded, _ = load_workspace(folder)
    assert reloaded.projects[project_id].status == new_status


def test_pack_carries_the_history_so_as_of_views_work_in_the_field(sample_layers, tmp_path):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite"))
    assert cli.main(["pack", "build", str(folder), "-o", str(tmp_path / "all.gpkg")]) == 0
    assert cli.main(["pack", "build", str(folder), "-o", str(tmp_path / "july.gpkg"),
                     "--as-of", "2014-05-31"]) == 0
    source = RegisterStore.for_folder(folder, readonly=True)

    def values(projects):  # updated_at is re-stamped with the day of each replayed edit
        return {pid: dataclasses.replace(p, updated_at="") for pid, p in projects.items()}

    days = ["2014-01-01", "2014-03-01", "2014-05-31", "2014-07-24"]
    try:
        with RegisterStore.open(tmp_path / "all.gpkg", readonly=True) as packed:
            edits = [r for r in packed.history() if r.source != "seed"]
            assert len(edits) >= 30 and {r.author for r in edits} >= {"园区管委会"}
            for day in days:
                assert values(packed.as_of(day)) == values(source.as_of(day)), day
            assert values(packed.projects()) == values(source.projects())
        with RegisterStore.open(tmp_path / "july.gpkg", readonly=True) as packed:
            assert values(packed.projects()) == values(source.as_of("2014-05-31"))
            assert max(r.changed_at for r in packed.history()) < "2014-06-01"
    finally:
        source.close()


def test_two_builds_of_a_folder_hash_the_same(sample_layers, tmp_path):
    from parksgis.app.packs import build_pack_from

    for keep_history in (True, False):
        folder = tmp_path / f"layers-{keep_history}"
        ignore = ["register.sqlite"] + ([] if keep_history else ["history.csv"])
        shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns(*ignore))
        # one file name: the stored QGIS project names the pack's file
        first = build_pack_from(folder, tmp_path / f"a-{keep_history}" / "port.gpkg", as_of="2014-07-24")
        second = build_pack_from(folder, tmp_path / f"b-{keep_history}" / "port.gpkg", as_of="2014-07-24")
        hashes = [k for k in first if k.startswith(("sha256:", "built_sha256:"))
                  and k != "sha256:manifest"]
        assert [k for k in hashes if first[k] != second[k]] == []
