"""Features that carry their own status column and no project link are styled by it."""

from __future__ import annotations

import geopandas as gpd
import shapely

from parksgis.model import DEFAULT_SCHEME, Layer, LayerKind
from parksgis.store.feature_status import feature_statuses, own_status_column


def _layer(columns: dict) -> Layer:
    n = len(next(iter(columns.values())))
    frame = gpd.GeoDataFrame(columns, geometry=[shapely.Point(111.9, 21.8)] * n, crs=4326)
    return Layer("plots", frame, LayerKind.PLOTS, "port")


def test_status_words_in_chinese_and_english_are_read_with_the_import_synonyms():
    layer = _layer({"状态": ["在建", "已竣工", "施工中", "规划", "不知道", None]})
    assert feature_statuses(layer, {}, DEFAULT_SCHEME).tolist() == [
        "under_construction", "completed", "under_construction", "planned", None, None]
    english = _layer({"Status": ["completed", "On hold", "in_operation"]})
    assert feature_statuses(english, {}, DEFAULT_SCHEME).tolist() == [
        "completed", "suspended", "in_operation"]


def test_a_progress_column_counts_only_when_it_holds_status_words():
    assert own_status_column(_layer({"进度": ["在建", "建成", "投用"]}).frame, DEFAULT_SCHEME).tolist() == [
        "under_construction", "completed", "in_operation"]
    assert own_status_column(_layer({"进度": [35.0, 80.0, 100.0]}).frame, DEFAULT_SCHEME) is None


def test_a_project_link_wins_over_the_features_own_column():
    layer = _layer({"project_id": ["P-1", None, "P-unknown"], "status": ["planned", "completed", "planned"]})
    codes = feature_statuses(layer, {"P-1": "suspended"}, DEFAULT_SCHEME)
    # linked: the register's status; unlinked: its own; linked to an unknown project: none
    assert codes.tolist() == ["suspended", "completed", None]


def test_a_layer_without_a_status_column_is_unchanged():
    layer = _layer({"project_id": ["P-1", None], "name": ["a", "b"]})
    assert feature_statuses(layer, {"P-1": "planned"}, DEFAULT_SCHEME).tolist() == ["planned", None]
