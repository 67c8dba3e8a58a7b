"""Layer setters validate, store and emit; views follow the model through these signals."""

import geopandas as gpd
import pytest
from shapely.geometry import Point

from parksgis.model import Layer, LayerKind, Workspace, Park


@pytest.fixture
def layer():
    gdf = gpd.GeoDataFrame({"project_id": ["P1"], "name_zh": ["1号地块"]},
                           geometry=[Point(111.85, 21.74)], crs="EPSG:4326")
    return Layer("plots", gdf, LayerKind.PLOTS, "port", title_zh="地块", title_en="Plots")


def recorder(signal):
    seen = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def test_visible_emits_once_per_change(layer):
    seen = recorder(layer.visible_changed)
    layer.visible = False
    layer.visible = False  # unchanged: no second event
    layer.visible = 1      # truthy values are stored as bool
    assert seen == [(False,), (True,)]
    assert layer.visible is True


def test_opacity_validates_then_emits(layer):
    seen = recorder(layer.opacity_changed)
    layer.opacity = 0.4
    with pytest.raises(ValueError, match=r"opacity must be between 0.0 and 1.0; got 1.5"):
        layer.opacity = 1.5
    with pytest.raises(ValueError, match="opacity must be between"):
        layer.opacity = -0.1
    assert seen == [(0.4,)]
    assert layer.opacity == 0.4


def test_style_validates_then_emits(layer):
    seen = recorder(layer.style_changed)
    assert layer.style == "status"  # project layers colour by status by default
    layer.style = "category"
    with pytest.raises(ValueError, match=r"style must be one of status, category, single; got 'rainbow'"):
        layer.style = "rainbow"
    assert seen == [("category",)] and layer.style == "category"


def test_basemap_and_boundary_default_to_a_single_colour():
    gdf = gpd.GeoDataFrame(geometry=[Point(111.8, 21.7)], crs="EPSG:4326")
    assert Layer("coastline", gdf, LayerKind.BASEMAP).style == "single"
    assert Layer("boundary", gdf, LayerKind.BOUNDARY, "port").style == "single"


def test_disconnected_slot_is_not_called(layer):
    seen = []
    slot = layer.visible_changed.connect(lambda v: seen.append(v))
    layer.visible_changed.disconnect(slot)
    layer.visible_changed.disconnect(slot)  # twice is harmless
    layer.visible = False
    assert seen == [] and len(layer.visible_changed) == 0


def test_titles_keys_and_feature_names(layer):
    assert layer.key == "port/plots" and layer.title("zh") == "地块" and layer.title("en") == "Plots"
    assert layer.feature_name(0, "zh") == "1号地块"
    assert layer.feature_name(0, "en") == "1号地块"  # falls back to the Chinese name
    assert LayerKind.from_name("Utility_Lines") is LayerKind.UTILITY_LINES
    assert LayerKind.from_name("coastline") is LayerKind.OTHER


def test_adding_a_layer_emits_layers_changed(layer):
    ws = Workspace([Park("port", "港口片区")])
    seen = recorder(ws.layers_changed)
    ws.add_layer(layer)
    assert seen == [()] and ws.park("port").layers == [layer]


def test_project_ids_follow_a_new_frame(layer):
    first = layer.project_ids
    assert layer.project_ids is first  # computed once, not per click
    seen = []
    layer.data_changed.connect(lambda: seen.append(True))
    layer.frame = gpd.GeoDataFrame({"project_id": ["NEW-1", None]},
                                   geometry=[Point(111.9, 21.8), Point(111.91, 21.8)], crs=4326)
    assert seen == [True]
    assert list(layer.project_ids) == ["NEW-1", None]
