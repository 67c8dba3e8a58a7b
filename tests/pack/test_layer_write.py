"""A layer streamed to GDAL as Arrow batches is the very table GDAL writes a feature at a time,
for every frame ``pack build`` streams (pack/layer_write.py)."""

from __future__ import annotations

import sqlite3
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from parksgis.io import read_layer
from parksgis.pack import layer_write
from parksgis.pack.format import schema_digest, table_digest, user_tables
from parksgis.pack.layer_write import streams, write_layer

N = 9


def _frame(geoms=None, **columns) -> gpd.GeoDataFrame:
    if geoms is None:
        geoms = [shapely.box(111 + i / 10, 21, 111.05 + i / 10, 21.05 + i / 100) for i in range(N)]
        geoms[3] = None
        geoms[5] = shapely.Polygon()
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=4326)


COLUMNS = {
    "text": ["a", None, "园区", "", " x ", "b\x00c", "c", "道路" * 50, "d"],
    "int": np.arange(N, dtype=np.int64) - 4,
    "int32": np.arange(N, dtype=np.int32),
    "float": [1.5, np.nan, 2.0, 3.0, -0.0, 1e300, 7.0, 0.1, -2.5],
    "bool": [True, False] * 4 + [True],
    "nullable_int": pd.array([1, None, 3, 4, 5, None, 7, 8, 9], dtype="Int64"),
    "string": pd.array(["x", None, "y", "z", "w", "v", "u", "t", "s"], dtype="string"),
    "when": pd.to_datetime(["2024-01-01", None, "2024-03-01", "2024-01-02", "2024-01-05", "2024-01-01",
                            "2024-01-01", "2025-12-31", "1999-01-01"]),
    "all_missing": pd.Series([None] * N, dtype=object),
}


def _tables(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE gpkg_contents SET last_change = 'x'")  # the clock; the build sets it
        return {"schema": schema_digest(conn, set()),
                **{table: table_digest(conn, table) for table in user_tables(conn)}}
    finally:
        conn.close()


def _both_ways(frame, tmp_path) -> tuple[dict, dict]:
    write_layer(frame, tmp_path / "streamed.gpkg", "bench__plots", "地块")
    pyogrio.write_dataframe(frame, tmp_path / "features.gpkg", layer="bench__plots", driver="GPKG",
                            layer_options={"DESCRIPTION": "地块"})
    return _tables(tmp_path / "streamed.gpkg"), _tables(tmp_path / "features.gpkg")


@pytest.mark.parametrize("batch_rows", [1, 4, 10_000])
def test_a_streamed_layer_is_the_table_written_feature_by_feature(tmp_path, monkeypatch, batch_rows):
    monkeypatch.setattr(layer_write, "BATCH_ROWS", batch_rows)
    frame = _frame(**COLUMNS)
    assert streams(frame) == "Polygon"
    streamed, features = _both_ways(frame, tmp_path)
    assert streamed == features
    assert streamed["bench__plots"][1] == N


@pytest.mark.parametrize("geoms, kind", [
    ([shapely.Point(111 + i / 10, 21) for i in range(N)], "Point"),
    ([shapely.LineString([(111, 21), (111.1, 21 + i)]) for i in range(N)], "LineString"),
    ([shapely.MultiPolygon([shapely.box(111, 21, 111.1, 21.1 + i)]) for i in range(N)], "MultiPolygon"),
])
def test_each_geometry_type_streams_as_written(tmp_path, monkeypatch, geoms, kind):
    monkeypatch.setattr(layer_write, "BATCH_ROWS", 4)
    frame = _frame(geoms, name=[f"设施{i}" for i in range(N)])
    assert streams(frame) == kind
    streamed, features = _both_ways(frame, tmp_path)
    assert streamed == features


@pytest.mark.parametrize("frame", [
    _frame(odd=pd.Series([True, None, False] * 3, dtype=object)),   # BOOLEAN through Arrow, TEXT otherwise
    _frame(odd=pd.Series([date(2024, 1, i + 1) for i in range(N)], dtype=object)),  # DATE through Arrow
    _frame(odd=pd.Series([1, "a", 2.5] * 3, dtype=object)),
    _frame(odd=pd.to_datetime(["2024-01-01"] * N).tz_localize("Asia/Shanghai")),
    _frame(odd=pd.Categorical(["a", "b", "c"] * 3)),
    _frame([shapely.box(111, 21, 112, 22), shapely.MultiPolygon([shapely.box(111, 21, 112, 22)])] * 4
           + [None], n=range(N)),                                    # promoted to MultiPolygon by pyogrio
    _frame([shapely.Point(111, 21, 5)] * N, n=range(N)),              # 3D
    _frame([None] * N, n=range(N)),
])
def test_other_frames_are_written_feature_by_feature_as_before(tmp_path, frame):
    assert streams(frame) is None
    streamed, features = _both_ways(frame, tmp_path)
    assert streamed == features


def test_layers_as_read_from_geojson_stream(tmp_path, monkeypatch):
    monkeypatch.setattr(layer_write, "BATCH_ROWS", 1)
    path = tmp_path / "plots.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ['
                    '{"type": "Feature", "properties": {"plot_id": "地块1", "area": 1.5, "n": 3, "ok": true}, '
                    '"geometry": {"type": "Point", "coordinates": [111.9, 21.7]}},'
                    '{"type": "Feature", "properties": {"plot_id": null, "area": null, "n": 4, "ok": false}, '
                    '"geometry": null}]}', encoding="utf-8")
    frame, _ = read_layer(path)
    assert streams(frame) == "Point"
    streamed, features = _both_ways(frame, tmp_path)
    assert streamed == features
