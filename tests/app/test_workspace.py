"""load_workspace: a layers folder, one file, a register CSV or a pack; broken files are reported
and the rest loads."""

import json
import re
import shutil

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from parksgis.errors import LayerReadError
from parksgis.app.workspace import WorkspaceError, load_workspace, open_workspace
from parksgis.model import LayerKind


@pytest.fixture
def layers(tmp_path, sample_layers):
    copy = tmp_path / "layers"
    shutil.copytree(sample_layers, copy)
    return copy


def report_for(reports, path):
    return next(r for r in reports if r.file == str(path))


def test_a_broken_layer_file_is_reported_and_the_rest_loads(layers):
    broken = layers / "port" / "roads.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    workspace, reports = load_workspace(layers)
    assert [layer.name for layer in workspace.park("port").layers] == [
        "boundary", "plots", "berths", "utility_lines", "utilities"]
    bad = report_for(reports, broken)
    assert not bad.ok and bad.errors
    assert all(r.ok for r in reports if r is not bad)
    # the road project is not dropped: it is now unmapped
    assert "PORT-RD-JINGANG" in workspace.link_report().unmapped


def test_unknown_project_ids_become_warnings_on_their_layer(layers):
    path = layers / "port" / "utilities.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][1]["properties"]["project_id"] = "PORT-GHOST"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    workspace, reports = load_workspace(layers)
    warning = report_for(reports, path).warnings
    assert [(w.code, w.feature) for w in warning] == [("unknown-project", 1)]
    assert "'PORT-GHOST' is not in the register" in warning[0].message
    assert workspace.link_report().unknown == [("port/utilities", 1, "PORT-GHOST")]
    assert len(workspace.layer("port/utilities").frame) == 4  # the feature stays


def test_a_broken_register_is_reported_and_the_layers_still_load(layers):
    csv = layers / "projects.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",under_construction,40,", ",building,40,", 1),
                   encoding="utf-8")
    workspace, reports = load_workspace(layers)
    bad = report_for(reports, csv)
    assert not bad.ok and bad.errors[0].code == "bad-register"
    assert "row 2, column status: unknown status 'building'" in bad.errors[0].message
    assert workspace.projects == {} and len(workspace.parks) == 3
    assert len(workspace.link_report().unknown) > 30  # every linked feature is listed, none dropped


def test_a_broken_parks_json_falls_back_to_the_park_folders(layers):
    (layers / "parks.json").write_text("{not json", encoding="utf-8")
    workspace, reports = load_workspace(layers)
    bad = report_for(reports, layers / "parks.json")
    assert not bad.ok and bad.errors[0].code == "bad-parks-json"
    assert "park folders are read without it" in bad.errors[0].message
    assert [p.park_id for p in workspace.parks] == ["environmental", "port", "wanxiang"]
    assert workspace.kpis == {}


@pytest.mark.parametrize("content, problem", [
    ([1, 2], "top level must be a JSON object"),
    ({"parks": {"port": {}}}, "'parks' must be a list"),
    ({"parks": [{"name_zh": "无编号"}]}, r"parks\[0\] has no 'park_id'"),
    ({"parks": [{"park_id": "port"}, {"park_id": "port"}]}, "park_id 'port' appears twice"),
    ({"parks": [{"park_id": "port", "folder": "../../etc"}]}, r"folder '../../etc' must be a folder name"),
    ({"parks": [], "basemap": {"folder": "/usr"}}, "'basemap' must be an object whose 'folder'"),
])
def test_parks_json_structure_problems_are_named(layers, content, problem):
    (layers / "parks.json").write_text(json.dumps(content), encoding="utf-8")
    _, reports = load_workspace(layers)
    message = report_for(reports, layers / "parks.json").errors[0].message
    assert re.search(problem, message), message


def test_without_a_register_unknown_ids_are_not_warned_about_but_still_listed(layers):
    (layers / "projects.csv").unlink()
    workspace, reports = load_workspace(layers)
    assert all(r.problems == [] for r in reports)
    assert workspace.meta["register"] is None and len(workspace.link_report().unknown) > 30


def test_a_park_listed_without_its_folder_is_reported(layers):
    shutil.rmtree(layers / "environmental")
    workspace, reports = load_workspace(layers)
    bad = report_for(reports, layers / "environmental")
    assert bad.errors[0].code == "missing-park-folder"
    assert workspace.park("environmental").layers == []
    assert "ENV-WWTP" in workspace.link_report().unmapped


def test_a_plain_folder_makes_parks_of_subfolders_and_shared_layers_of_loose_files(tmp_path):
    park = tmp_path / "north"
    park.mkdir()
    gdf = gpd.GeoDataFrame({"id": ["a"], "project_id": [None]}, geometry=[box(111.8, 21.7, 111.81, 21.71)],
                           crs="EPSG:4326")
    gdf.to_file(park / "plots.geojson", driver="GeoJSON")
    gdf.to_file(tmp_path / "extra.geojson", driver="GeoJSON")
    workspace, reports = load_workspace(tmp_path)
    assert [p.park_id for p in workspace.parks] == ["north"]
    assert workspace.layer("north/plots").kind is LayerKind.PLOTS
    assert [layer.key for layer in workspace.shared_layers] == ["extra"]
    assert workspace.projects == {} and all(r.ok for r in reports)


def test_a_single_layer_file_opens_as_one_shared_layer(sample_layers):
    workspace, reports = load_workspace(sample_layers / "wanxiang" / "roads.geojson")
    assert workspace.parks == [] and workspace.projects == {}
    [layer] = workspace.shared_layers
    assert layer.kind is LayerKind.ROADS and layer.title("zh") == "道路" and len(layer.frame) == 5
    assert len(reports) == 1 and reports[0].problems == []


def test_a_single_unreadable_file_raises_a_one_line_error(tmp_path):
    path = tmp_path / "plots.geojson"
    path.write_bytes(b"\x00\x01garbage")
    with pytest.raises(LayerReadError, match=r"plots.geojson: ") as info:
        load_workspace(path)
    assert "\n" not in str(info.value)


def test_a_register_csv_alone_opens_without_layers(sample_layers):
    workspace, reports = load_workspace(sample_layers / "projects.csv")
    assert workspace.layers == [] and len(workspace.projects) == 34
    assert reports[0].features == 34


def test_nothing_to_open_raises(tmp_path):
    with pytest.raises(WorkspaceError, match="missing: no such file or folder"):
        load_workspace(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(WorkspaceError, match="nothing to open"):
        load_workspace(tmp_path / "empty")


def test_crs_is_passed_to_every_layer_file(tmp_path):
    park = tmp_path / "port"
    park.mkdir()
    # EPSG:4546 metres near the port, written without any CRS: only --crs tells what they are
    features = [{"type": "Feature", "properties": {"id": "u1", "project_id": None},
                 "geometry": {"type": "Point", "coordinates": [587937.3, 2404699.0]}}]
    (park / "utilities.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    workspace, reports = load_workspace(tmp_path)
    assert workspace.park("port").layers == [] and not reports[0].ok
    workspace, reports = load_workspace(tmp_path, crs="EPSG:4546")
    point = workspace.layer("port/utilities").frame.geometry.iloc[0]
    assert point.x == pytest.approx(111.85, abs=1e-5) and point.y == pytest.approx(21.735, abs=1e-5)


def test_the_edited_register_wins_over_projects_csv(layers):
    from parksgis.store.register import RegisterStore

    store = RegisterStore.for_folder(layers)
    store.update("PORT-WWTP", {"status": "under_construction"}, author="test", source="test")
    store.close()
    workspace, reports = load_workspace(layers)
    assert workspace.projects["PORT-WWTP"].status == "under_construction"
    assert workspace.meta["register"].endswith("register.sqlite")


def test_a_gpkg_is_opened_as_a_pack(tmp_path):
    path = tmp_path / "plain.gpkg"
    gpd.GeoDataFrame({"id": ["p"]}, geometry=[Point(111.85, 21.74)], crs="EPSG:4326").to_file(
        path, layer="plots", driver="GPKG")
    workspace, reports, source = open_workspace(path)
    assert [len(layer.frame) for layer in workspace.layers] == [1]
    assert source.pack.read_only and source.pack.read_only_reason == (
        "read-only: a plain GeoPackage, not a parksgis pack")
    source.close()
    assert any(p.code == "pack-note" for p in reports[0].problems)


def test_a_pack_hands_over_its_layers_before_it_reads_its_register(lod_pack, monkeypatch):
    """The window reads a big pack's first view while the register's projects are read: the
    pack says when its layers are set up, with their sources open and no project read yet."""
    from parksgis.pack import view_source

    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    seen = []

    def layers_read(workspace):
        plots = workspace.layer("port/plots")
        seen.append((len(workspace.projects), plots.view is not None,
                     len(plots.view.source.features(plots.view.table, plots.view.extent, 1.0))))
        plots.view.source.release_thread()

    opened = open_workspace(lod_pack, view_layers=True, layers_read=layers_read)
    try:
        assert seen == [(0, True, 14)]
        assert len(opened.workspace.projects) > 0
    finally:
        opened.source.close()
