"""A page's features as numpy columns (model.feature_columns) answer as pandas would: the same
codes, the same missing values, the same text, and the GeoDataFrame they stand for when asked."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import shapely

from parksgis.model import feature_columns as fc

ODD_VALUES = [
    ["b", None, "a", float("nan"), "b", "a", ""],
    [3, 1, 3, None, 2],
    [1.5, float("nan"), 1.5, 2.0],
    ["x", 1, 1.0, None, "x"],  # 1 and 1.0 are one value to pandas too
    [],
    [None, None],
]


@pytest.mark.parametrize("values", ODD_VALUES)
def test_factorize_without_pandas_gives_pandas_codes(values):
    array = np.array(values, dtype=object)
    codes, uniques = fc._factorized_by_dict(array)
    expected_codes, expected_uniques = pd.factorize(array, use_na_sentinel=True)
    assert codes.tolist() == expected_codes.tolist()
    assert uniques.tolist() == list(expected_uniques)
    assert fc._missing_without_na(array).tolist() == pd.isna(array).tolist()


def test_text_of_a_column_is_pandas_text():
    values = np.array(["港口", None, 7, float("nan"), 2.5, True], dtype=object)
    column = fc.Column(values, "name")
    expected = pd.Series(values, dtype=object).fillna("").astype(str)
    assert column.fillna("").astype(str).to_numpy().tolist() == expected.tolist()
    assert column.notna().to_numpy().tolist() == expected.index.map(lambda i: not pd.isna(values[i])).tolist()
    assert column.iloc[[0, 4]].tolist() == ["港口", 2.5] and column.iloc[0] == "港口"


@pytest.mark.parametrize("values, dtype", [
    ([1, 2, 3], "int64"),
    ([1, None, 3], "int64"),  # nulls a hand in psql wrote: pandas keeps floats
    ([1.5, None], "float64"),
    ([True, False], "bool"),
    (["a", None], "str"),
])
def test_typed_values_are_what_astype_gives(values, dtype):
    got = fc.typed(np.array(values, dtype=object), dtype)
    series = pd.Series(values, dtype=object)
    try:
        expected = series.astype(dtype)
    except (TypeError, ValueError):
        expected = series.infer_objects()
    assert [None if (isinstance(v, float) and math.isnan(v)) else v for v in got.tolist()] == \
        [None if pd.isna(v) else v for v in expected.tolist()]


def test_anything_else_is_asked_of_the_frame_the_columns_stand_for():
    shapes = np.array([shapely.Point(113.0, 22.0), shapely.Point(113.1, 22.1)], dtype=object)
    columns = fc.FeatureColumns({"project_id": np.array(["P1", None], dtype=object),
                                 "area": np.array([1.0, 2.0])}, shapes, dtypes={"project_id": "str"})
    assert len(columns) == 2 and list(columns.columns) == ["project_id", "area"]
    assert columns.index.to_numpy().tolist() == [0, 1]
    assert columns.total_bounds.tolist() == [113.0, 22.0, 113.1, 22.1]  # a GeoDataFrame's
    frame = columns.to_frame()
    assert str(frame["project_id"].dtype) == "str" and frame.crs.to_epsg() == 4326
    assert frame["area"].tolist() == [1.0, 2.0]


def test_a_column_asks_the_frames_own_series_with_the_features_ids():
    """A road layer without ``length_m`` is measured by ``geometry.to_crs(...).length`` (a
    GeoSeries'), and a column read by feature id keeps the frame's ids, derived columns too."""
    road = shapely.LineString([(111.0, 21.0), (111.01, 21.0)])
    columns = fc.FeatureColumns({"name": np.array(["a", None], dtype=object)},
                                np.array([road, shapely.Point(111.0, 21.0)], dtype=object),
                                ids=np.array([5, 7]), index_name="fid")
    frame = columns.to_frame()
    assert columns.geometry.to_crs("EPSG:4546").length.tolist() == \
        pytest.approx(frame.geometry.to_crs("EPSG:4546").length.tolist())
    assert columns.geometry.to_crs("EPSG:4546").length.iloc[0] == pytest.approx(1040, abs=10)
    assert columns["name"].loc[5] == "a"
    assert columns["name"].notna().loc[7] == False  # noqa: E712 - a numpy bool
    assert columns["name"].iloc[[1]].index.to_numpy().tolist() == [7]
    assert columns["name"].notna().iloc[1:].loc[7] == False  # noqa: E712
