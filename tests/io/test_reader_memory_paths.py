"""Reader paths added for speed and memory (issue 7): the results must not change."""

import json

import numpy as np
import pandas as pd

from parksgis.io import read_layer, validate_file


def _write(tmp_path, features, name="layer.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def _square(x, y, first=None):
    ring = [[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]
    if first is not None:
        ring[0] = first
    return {"type": "Polygon", "coordinates": [ring]}


def test_polygon_ring_starting_with_null_is_dropped_not_a_crash(tmp_path):
    features = [{"type": "Feature", "properties": {"n": i}, "geometry": _square(111.9 + i / 100, 21.7)}
                for i in range(3)]
    features[1]["geometry"] = _square(111.95, 21.7, first=[None, 21.7])
    frame, report = validate_file(_write(tmp_path, features))
    assert report.ok
    assert frame["n"].tolist() == [0, 2]
    [problem] = [p for p in report.problems if p.level == "error"]
    assert problem.code == "non-finite-coordinates" and problem.feature == 1
    assert "coordinate (NaN, 21.7) is not a finite number; feature dropped" in problem.message


def test_text_columns_keep_values_and_missing_markers(tmp_path):
    names = ["甲", None, "乙", "甲", ""]
    features = [{"type": "Feature", "properties": {"name": n, "mixed": [None, "a", 1, "a", "b"][i]},
                 "geometry": {"type": "Point", "coordinates": [111.9 + i / 100, 21.7]}}
                for i, n in enumerate(names)]
    frame, _ = read_layer(_write(tmp_path, features))
    assert frame["name"].isna().tolist() == [False, True, False, False, False]
    assert frame["name"].dropna().tolist() == ["甲", "乙", "甲", ""]
    assert frame["mixed"].tolist()[1:] == ["a", 1, "a", "b"] and frame["mixed"].iloc[0] is None
    # equal values share one string object: the column does not hold a copy per feature
    assert frame["name"].iloc[0] is frame["name"].iloc[3]


def test_dropped_out_of_range_feature_keeps_attributes_aligned(tmp_path):
    features = [{"type": "Feature", "properties": {"plot_id": f"P{i}", "status": "built"},
                 "geometry": _square(111.9 + i / 100, 21.7)} for i in range(4)]
    features[2]["geometry"] = _square(211.9, 21.7)
    frame, report = read_layer(_write(tmp_path, features))
    assert frame["plot_id"].tolist() == ["P0", "P1", "P3"]
    assert isinstance(frame.index, pd.RangeIndex)
    assert [p.code for p in report.problems if p.level == "error"] == ["coordinates-out-of-range"]
    assert np.allclose(frame.geometry.iloc[2].bounds[0], 111.93)
