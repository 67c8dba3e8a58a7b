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


def _read_both_ways(path, monkeypatch):
    from parksgis.io import geojson_chunks

    whole = read_layer(path)
    monkeypatch.setattr(geojson_chunks, "MIN_BYTES", 0)
    monkeypatch.setattr(geojson_chunks, "RUN_BYTES", 150)
    in_runs = read_layer(path)
    return whole, in_runs


def _same(a, b):
    (frame_a, report_a), (frame_b, report_b) = a, b
    pd.testing.assert_frame_equal(pd.DataFrame(frame_a.drop(columns="geometry")),
                                  pd.DataFrame(frame_b.drop(columns="geometry")))
    assert frame_a.geometry.to_wkt().tolist() == frame_b.geometry.to_wkt().tolist()
    assert report_a.problems == report_b.problems and report_a.encoding == report_b.encoding


def test_big_file_read_in_runs_gives_the_same_layer_and_report(tmp_path, monkeypatch):
    features = [{"type": "Feature", "id": i % 7, "properties": {"plot_id": f"P{i}", "n": i},
                 "geometry": _square(111.9 + i / 1000, 21.7)} for i in range(60)]
    features[17] = {"type": "Feat"}
    features[33]["geometry"] = _square(211.9, 21.7)
    features[41]["geometry"]["coordinates"][0] = features[41]["geometry"]["coordinates"][0][:2]
    features[50]["geometry"]["coordinates"][0].pop()  # unclosed ring
    path = tmp_path / "big.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "name": "x", "features": features}),
                    encoding="utf-8")
    whole, in_runs = _read_both_ways(path, monkeypatch)
    _same(whole, in_runs)
    assert {p.code for p in in_runs[1].problems} >= {"invalid-feature", "coordinates-out-of-range",
                                                      "invalid-coordinates", "unclosed-ring-repaired",
                                                      "duplicate-feature-id"}


def test_files_not_cut_cleanly_are_read_whole(tmp_path, monkeypatch):
    nested = [{"type": "Feature", "properties": {"list": [{"a": 1}, {"b": 2}] * 5},
               "geometry": _square(111.9 + i / 1000, 21.7)} for i in range(20)]
    path = tmp_path / "nested.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": nested}), encoding="utf-8")
    _same(*_read_both_ways(path, monkeypatch))
    text = path.read_text(encoding="utf-8").replace("21.7", "NaN", 1)  # not JSON: Python's parser
    path.write_text(text, encoding="utf-8")
    monkeypatch.undo()
    _same(*_read_both_ways(path, monkeypatch))


def test_checks_given_the_readers_coordinates_report_what_checks_reading_them_back_report(tmp_path):
    """A layer the reader found all finite lon/lat is checked on its own coordinate arrays, not
    on every coordinate taken back out of the shapes: the same layer and the same messages."""
    import shapely

    from parksgis.io import geojson
    from parksgis.io.geometry_checks import GeometryChecker
    from parksgis.io.report import ValidationReport

    open_ring = _square(30.0, 80.0)
    open_ring["coordinates"][0].pop()  # closed by the reader, one coordinate more in the shape
    geometries = [open_ring, _square(30.1, 80.1), {"type": "LineString", "coordinates": [[30, 80], [31, 81]]},
                  {"type": "Polygon", "coordinates": [[[30, 80], [30.01, 80.01], [30.01, 80], [30, 80.01],
                                                       [30, 80]]]}]  # a bow tie: repaired
    features = [{"type": "Feature", "properties": {"n": i}, "geometry": g} for i, g in enumerate(geometries)]
    features.insert(2, {"type": "Feature", "properties": {"n": 9}, "geometry": {"type": "Circle"}})
    path = _write(tmp_path, features)
    frame, report = read_layer(path)
    codes = [p.code for p in report.problems]
    assert "swapped-lat-lon" in codes and "unclosed-ring-repaired" in codes and "unknown-geometry-type" in codes
    assert "invalid-geometry-repaired" in codes and frame["n"].tolist() == [0, 1, 2, 3]

    table = geojson._FeatureTable(len(features))
    scratch = ValidationReport(file=str(path))
    table.sort(features, scratch)
    pending = table.coordinates(scratch)
    built = pending.build()
    lonlat = pending.coordinates()
    assert len(lonlat) == len(shapely.get_coordinates(built)) - 1  # the open ring's closing one
    results = []
    for given in (lonlat, None):
        checked = ValidationReport(file=str(path))
        geoms, dropped = GeometryChecker(checked, path).run(built, np.arange(table.n), table.dropped,
                                                            lonlat=given)
        results.append((shapely.to_wkb(geoms).tolist(), dropped.tolist(), checked.lines()))
    assert results[0] == results[1]
    assert any("may be lat,lon" in line for line in results[0][2])
