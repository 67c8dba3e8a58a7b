"""Spec violations that used to pass without a word (issue 14, point 18): each now has a stable
code, and the value kept is the one the message names."""

from __future__ import annotations

import json

from parksgis.io import validate_file


def _layer(tmp_path, text: str):
    path = tmp_path / "layer.geojson"
    path.write_text(text, encoding="utf-8")
    return validate_file(path)


def _feature(geometry, fid=None, props="{}") -> str:
    member = f'"id": {json.dumps(fid)}, ' if fid is not None else ""
    return f'{{"type": "Feature", {member}"properties": {props}, "geometry": {json.dumps(geometry)}}}'


def _collection(*features: str) -> str:
    return '{"type": "FeatureCollection", "features": [' + ", ".join(features) + "]}"


GOOD = {"type": "Point", "coordinates": [111.9, 21.7]}


def _problems(report, code):
    return [p for p in report.problems if p.code == code]


def test_a_coordinate_written_as_text_is_refused_not_converted(tmp_path):
    frame, report = _layer(tmp_path, _collection(
        _feature({"type": "Point", "coordinates": ["111.368", 21.7]}), _feature(GOOD)))
    [problem] = _problems(report, "invalid-coordinates")
    assert problem.level == "error" and problem.feature == 0
    assert 'found ["111.368",21.7]' in problem.message
    assert len(frame) == 1 and frame.geometry.iloc[0].x == 111.9


def test_a_third_element_that_is_not_a_number_is_refused_not_dropped(tmp_path):
    frame, report = _layer(tmp_path, _collection(
        _feature({"type": "LineString", "coordinates": [[111.9, 21.7, "f"], [111.91, 21.7, 3]]}),
        _feature({"type": "LineString", "coordinates": [[111.9, 21.7], [111.91, 21.72]]})))
    [problem] = _problems(report, "invalid-coordinates")
    assert problem.feature == 0 and 'found [111.9,21.7,"f"]' in problem.message
    assert len(frame) == 1


def test_a_ring_closed_only_in_two_dimensions_is_said(tmp_path):
    ring = [[111.9, 21.7, 5], [111.91, 21.7, 5], [111.91, 21.71, 5], [111.9, 21.7]]
    frame, report = _layer(tmp_path, _collection(_feature({"type": "Polygon", "coordinates": [ring]})))
    [problem] = _problems(report, "ring-closed-in-2d-only")
    assert problem.level == "warning" and problem.feature == 0
    assert "([111.9,21.7,5] vs [111.9,21.7]); read as closed in 2D" in problem.message
    assert len(frame) == 1 and frame.geometry.iloc[0].is_valid


def test_a_feature_id_that_is_an_object_or_array_is_said_and_kept_as_its_text(tmp_path):
    frame, report = _layer(tmp_path, _collection(_feature(GOOD, fid={"a": 1}),
                                                 _feature(GOOD, fid=[1, 2]), _feature(GOOD, fid="ok")))
    problems = _problems(report, "invalid-feature-id")
    assert [(p.feature, p.message) for p in problems] == [
        (0, 'id {"a":1} is neither a string nor a number; kept as that JSON text'),
        (1, "id [1,2] is neither a string nor a number; kept as that JSON text")]
    assert frame["id"].tolist() == ['{"a":1}', "[1,2]", "ok"]


def test_duplicate_member_names_are_said_with_the_value_kept(tmp_path):
    frame, report = _layer(tmp_path, _collection(
        _feature(GOOD, props='{"status": "在建", "status": "暂缓"}')))
    [problem] = _problems(report, "duplicate-member")
    assert problem.level == "warning"
    assert problem.message == ('member \'status\' appears twice in one object ("在建" and "暂缓"); '
                               'the last, "暂缓", is kept')
    assert frame["status"].tolist() == ["暂缓"]


def test_a_clean_file_has_none_of_these(tmp_path):
    _frame, report = _layer(tmp_path, _collection(_feature(GOOD, fid=7, props='{"a": 1}')))
    assert report.problems == []
