"""Features link to projects by ``project_id``; unknown ids and unmapped projects are reported, not dropped."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from parksgis.model import Layer, LayerKind, Park, Project, Workspace


def frame(ids, dtype=None):
    geoms = [Point(111.85 + i * 0.001, 21.74) for i in range(len(ids))]
    data = {"project_id": pd.Series(ids, dtype=dtype)} if dtype else {"project_id": ids}
    return gpd.GeoDataFrame(data, geometry=geoms, crs="EPSG:4326")


def register(*ids):
    return {pid: Project(pid, "port", f"项目{pid}") for pid in ids}


def workspace(layers, projects, shared=()):
    park = Park("port", "港口片区", "Port area", layers=list(layers))
    return Workspace([park], list(shared), projects)


def test_unknown_ids_and_unmapped_projects_are_both_listed():
    plots = Layer("plots", frame(["P1", "P1", "GHOST", None]), LayerKind.PLOTS, "port")
    roads = Layer("roads", frame(["R1", "R9"]), LayerKind.ROADS, "port")
    ws = workspace([plots, roads], register("P1", "R1", "UNDRAWN"))

    report = ws.link_report()

    assert report.unknown == [("port/plots", 2, "GHOST"), ("port/roads", 1, "R9")]
    assert report.unmapped == ["UNDRAWN"]
    # nothing is dropped: every feature is still in its layer and every project in the register
    assert len(plots.frame) == 4 and len(roads.frame) == 2
    assert set(ws.projects) == {"P1", "R1", "UNDRAWN"}


def test_many_features_may_share_one_project():
    roads = Layer("roads", frame(["R1", "R1", "R1"]), LayerKind.ROADS, "port")
    ws = workspace([roads], register("R1"))
    assert ws.link_report().unknown == [] and ws.link_report().unmapped == []
    assert [ws.status_of(pid) for pid in roads.project_ids] == ["planned"] * 3


def test_missing_ids_in_a_pandas_string_column_stay_none():
    # pandas >= 3 reads text columns as "str" dtype, where a missing value is NaN, not None
    layer = Layer("plots", frame(["P1", None, "", "  "], dtype="str"), LayerKind.PLOTS, "port")
    assert list(layer.project_ids) == ["P1", None, None, None]
    ws = workspace([layer], register("P1"))
    assert ws.link_report().unknown == []


def test_ids_are_compared_as_trimmed_text_numbers_included():
    numeric = Layer("plots", frame([101.0, None, 102.0]), LayerKind.PLOTS, "port")
    padded = Layer("roads", frame([" R1 "]), LayerKind.ROADS, "port")
    assert list(numeric.project_ids) == ["101", None, "102"]
    assert list(padded.project_ids) == ["R1"]
    ws = workspace([numeric, padded], register("101", "R1"))
    assert ws.link_report().unknown == [("port/plots", 2, "102")]


def test_layer_without_project_id_column_is_all_context():
    gdf = gpd.GeoDataFrame({"name": ["海岸线"]}, geometry=[Point(111.8, 21.7)], crs="EPSG:4326")
    coast = Layer("coastline", gdf, LayerKind.BASEMAP)
    ws = workspace([], register("P1"), shared=[coast])
    assert list(coast.project_ids) == [None]
    assert ws.link_report().unknown == [] and ws.link_report().unmapped == ["P1"]


def test_shared_layers_take_part_in_linking():
    loose = Layer("extra", frame(["P1", "NOPE"]), LayerKind.OTHER)
    ws = workspace([], register("P1"), shared=[loose])
    report = ws.link_report()
    assert report.unknown == [("extra", 1, "NOPE")] and report.unmapped == []


def test_status_of_unknown_or_missing_project_is_none():
    ws = workspace([], {"P1": Project("P1", "port", "一", status="under_construction")})
    assert ws.status_of("P1") == "under_construction"
    assert ws.status_of("NOPE") is None and ws.status_of(None) is None


def test_unknown_park_and_layer_lookups_name_what_is_known():
    ws = workspace([Layer("plots", frame(["P1"]), LayerKind.PLOTS, "port")], {})
    with pytest.raises(KeyError, match="unknown park 'wanxiang'; known: port"):
        ws.park("wanxiang")
    with pytest.raises(KeyError, match="unknown layer 'port/roads'"):
        ws.layer("port/roads")
    assert ws.layer("port/plots").key == "port/plots"
