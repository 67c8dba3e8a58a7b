"""Building packs: ordinary GeoPackages for GDAL, deterministic hashes, atomic writes."""

from __future__ import annotations

import sqlite3

import pyogrio
import pytest

from parksgis.errors import UnknownParkError

from parksgis.pack import PackError, build_pack, open_pack, pack_info, verify_pack
from parksgis.pack.build import table_name


def test_gdal_lists_layers_and_reads_the_register(pack):
    listed = dict(pyogrio.list_layers(pack))
    for table in ("port__plots", "port__roads", "wanxiang__plots", "basemap__coastline"):
        assert table in listed and listed[table] is not None
    for table in ("parksgis_manifest", "parksgis_projects", "parksgis_history", "parksgis_layers",
                  "parksgis_status_scheme", "parksgis_changes", "parksgis_conflicts"):
        assert table in listed and listed[table] is None  # attribute tables
    register = pyogrio.read_dataframe(pack, layer="parksgis_projects")
    assert sorted(register["project_id"]) == ["P-1", "P-2", "R-1", "W-1"]
    assert register.set_index("project_id").loc["W-1", "name_zh"] == "五金刀剪产品展示中心"
    plots = pyogrio.read_dataframe(pack, layer="port__plots")
    assert plots.crs.to_epsg() == 4326 and list(plots["name_zh"]) == ["一号地块", "二号地块", "绿地"]
    with sqlite3.connect(pack) as conn:
        kinds = dict(conn.execute("SELECT table_name, data_type FROM gpkg_contents"))
        assert kinds["parksgis_manifest"] == "attributes" and kinds["port__plots"] == "features"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_every_layer_keeps_every_feature(pack, workspace):
    counts = {layer["table"]: layer["features"] for layer in pack_info(pack)["layers"]}
    for layer in workspace.layers:
        assert counts[table_name(layer)] == len(layer.frame)
        assert len(pyogrio.read_dataframe(pack, layer=table_name(layer))) == len(layer.frame)


def test_two_builds_give_the_same_content_hashes(tmp_path, workspace):
    # same file name in two folders: the stored QGIS project names the pack's file
    first = build_pack(workspace, tmp_path / "a" / "port.gpkg", as_of="2014-07-24")
    second = build_pack(workspace, tmp_path / "b" / "port.gpkg", as_of="2014-07-24")
    hashes = {k for k in first if k.startswith(("sha256:", "built_sha256:", "rows:"))}
    assert len(hashes) > 20 and "sha256:port__plots" in hashes and "sha256:parksgis_changes" in hashes
    differ = sorted(k for k in hashes if first[k] != second[k] and k != "sha256:manifest")
    assert differ == []
    assert first["pack_id"] != second["pack_id"]


def test_open_gives_back_the_workspace(pack, workspace):
    opened, handle = open_pack(pack)
    try:
        assert [layer.key for layer in opened.layers] == [layer.key for layer in workspace.layers]
        assert opened.projects["P-1"].progress_pct == 40.0
        assert opened.projects["P-1"].planned_start.isoformat() == "2014-03-01"
        assert opened.park("port").name_zh == "港口片区"
        assert opened.kpis == {"roads_km": 22.2}
        assert handle.is_pack and not handle.read_only and handle.read_only_reason is None
        assert handle.manifest["display_crs"] == "EPSG:4546"
        assert opened.layer("port/roads").frame["lanes"].tolist() == [4, 6]
    finally:
        handle.close()


def test_park_filter_keeps_basemap_and_that_park_only(tmp_path, workspace):
    out = tmp_path / "port.gpkg"
    build_pack(workspace, out, parks=["port"])
    info = pack_info(out)
    assert [p["park_id"] for p in info["parks"]] == ["port"]
    assert sorted(layer["table"] for layer in info["layers"]) == [
        "basemap__coastline", "port__plots", "port__roads"]
    assert info["projects"] == 3


def test_no_build_over_a_pack_open_for_editing(pack, workspace):
    _ws, handle = open_pack(pack)
    try:
        with pytest.raises(PackError, match="the pack is open for editing in another program; "
                                            "close it there before building over it"):
            build_pack(workspace, pack)
    finally:
        handle.close()
    build_pack(workspace, pack)


def test_failed_build_leaves_the_old_pack_and_no_temp_file(pack, workspace):
    before = pack.read_bytes()
    with pytest.raises(UnknownParkError, match="unknown park 'nowhere' in tests/pack; known: port, "
                                               "wanxiang"):
        build_pack(workspace, pack, parks=["nowhere"])
    workspace.parks[0].layers.append(workspace.parks[0].layers[0])  # same table twice
    with pytest.raises(PackError, match="layer 'port/plots' would share table 'port__plots'"):
        build_pack(workspace, pack)
    assert pack.read_bytes() == before
    assert sorted(p.name for p in pack.parent.iterdir()) == [pack.name]
    assert verify_pack(pack).ok
