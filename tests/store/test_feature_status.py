"""Features that carry their own status column and no project link are styled by it."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
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


@pytest.mark.parametrize("seed", range(6))
def test_each_feature_gets_its_projects_status_else_its_own_whatever_the_mix(seed):
    """Random layers: linked, unlinked and blank links; a status column, or a progress column that
    holds status words for more or less than half its values: every feature's status is its
    project's, else (no link) its own column's read over the whole column."""
    rng = np.random.default_rng(seed)
    n = 300
    words = ["在建", "已竣工", "规划", "completed", "不知道", None, 35.0, 80.0]
    column = "状态" if seed % 2 else "进度"
    values = [words[i] for i in rng.integers(0, len(words) - (seed % 3) * 2, n)]
    links = [rng.choice(["P-1", "P-2", " P-2 ", "P-x", None, "  "]) for _ in range(n)]
    layer = _layer({"project_id": links, column: pd.Series(values, dtype=object)})
    register = {"P-1": "suspended", "P-2": "planned"}
    own = own_status_column(layer.frame, DEFAULT_SCHEME)  # decided and read on the whole column
    expected = []
    for i, link in enumerate(links):
        linked = link is not None and link.strip() != ""
        expected.append(register.get(link.strip()) if linked else (None if own is None else own[i]))
    assert feature_statuses(layer, register, DEFAULT_SCHEME).tolist() == expected
