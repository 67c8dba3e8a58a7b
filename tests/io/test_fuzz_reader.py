"""Random bytes and mutated GeoJSON: the reader fails only with our own error class.

``read_layer`` may raise ParksgisError subclasses and nothing else; ``validate_file`` raises
nothing at all; whatever loads is a WGS84 GeoDataFrame with a RangeIndex and finite bounds.
"""

import json
import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parksgis.errors import ParksgisError
from parksgis.io import read_layer, validate_file

# PARKSGIS_FUZZ_EXAMPLES=5000 for a long hunt; 200 keeps CI quick.
SETTINGS = settings(max_examples=int(os.environ.get("PARKSGIS_FUZZ_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

KEYS = st.sampled_from(["type", "coordinates", "geometry", "features", "properties", "id",
                        "crs", "geometries", "name", ""]) | st.text(max_size=6)
NAMES = st.sampled_from(["Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
                         "MultiPolygon", "GeometryCollection", "Feature", "FeatureCollection",
                         "urn:ogc:def:crs:EPSG::4546", "EPSG:4490", "临港污水处理厂"])
SCALARS = (st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8) | NAMES
           | st.floats(min_value=-200, max_value=200))
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=5)
                           | st.dictionaries(KEYS, inner, max_size=5), max_leaves=20)

BASE_DOCUMENTS = [
    {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": 1, "properties": {"name": "临港污水处理厂", "n": 1},
         "geometry": {"type": "Point", "coordinates": [111.94, 21.72]}},
        {"type": "Feature", "properties": {"name": "plot"},
         "geometry": {"type": "Polygon", "coordinates": [[[111.93, 21.73], [111.936, 21.73],
                                                          [111.936, 21.735], [111.93, 21.73]]]}},
        {"type": "Feature", "properties": None,
         "geometry": {"type": "MultiLineString", "coordinates": [[[111.9, 21.7], [112, 21.8]]]}},
        {"type": "Feature", "properties": {},
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}},
    ]},
    {"type": "FeatureCollection", "crs": {"type": "name", "properties": {
        "name": "urn:ogc:def:crs:EPSG::4546"}}, "features": [
        {"type": "Feature", "properties": {"a": [1, {"b": 2}]},
         "geometry": {"type": "LineString", "coordinates": [[596214, 2404193], [596838, 2404750]]}},
        {"type": "Feature", "properties": {},
         "geometry": {"type": "GeometryCollection", "geometries": [
             {"type": "Point", "coordinates": [596214, 2404193]}]}}]},
    {"type": "MultiPoint", "coordinates": [[111.94, 21.72], [21.72, 111.94]]},
]


def node_paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from node_paths(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from node_paths(child, path + (index,))


def replaced(document, path, new):
    if not path:
        return new
    copy = json.loads(json.dumps(document))
    parent = copy
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = new
    return copy


def check_loaded(path):
    try:
        frame, report = read_layer(path)
    except ParksgisError as exc:
        assert "\n" not in str(exc)
        assert getattr(exc, "code", "usage")
        return
    assert frame.crs.to_epsg() == 4326
    assert list(frame.index) == list(range(len(frame)))
    assert report.features == len(frame)
    if report.bounds is not None:
        assert all(math.isfinite(v) for v in report.bounds)
        assert -180 <= report.bounds[0] <= report.bounds[2] <= 180
        assert -90 <= report.bounds[1] <= report.bounds[3] <= 90
    for line in report.lines():
        assert "\n" not in line
    json.dumps(report.to_json())  # the --json output must serialise


@SETTINGS
@given(raw=st.binary(max_size=600), suffix=st.sampled_from([".geojson", ".json", ".gpkg",
                                                             ".shp", ".fgb", ".dat", ".csv", ".kml"]))
def test_random_bytes(tmp_path, raw, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(raw)
    check_loaded(path)
    _, report = validate_file(path)
    assert report.ok or report.errors
    assert not any(p.code == "internal-error" for p in report.problems), report.lines()


@pytest.mark.slow
@SETTINGS
@given(data=st.data())
def test_mutated_geojson(tmp_path, data):
    document = data.draw(st.sampled_from(BASE_DOCUMENTS))
    paths = list(node_paths(document))
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from(paths))
        document = replaced(document, target, data.draw(JSON_VALUES))
        paths = list(node_paths(document))
    text = json.dumps(document, ensure_ascii=False)
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "cut", "flip"]))
    if encoding == "cut":
        raw = text.encode()[: data.draw(st.integers(0, len(text.encode())))]
    elif encoding == "flip":
        raw = bytearray(text.encode())
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
        raw = bytes(raw)
    else:
        raw = text.encode(encoding, errors="replace")
    path = tmp_path / "mutated.geojson"
    path.write_bytes(raw)
    check_loaded(path)
    frame, report = validate_file(path, offset=data.draw(st.sampled_from([None, "gcj02", "bd09"])))
    assert (frame is None) == (not report.ok)
    assert not any(p.code == "internal-error" for p in report.problems), report.lines()


@pytest.mark.parametrize("depth", [300, 900, 1000, 1021, 1025, 200_000])
def test_deep_nesting_never_recursion_errors(tmp_path, depth):
    path = tmp_path / "deep.geojson"
    inner = b"[" * depth + b"]" * depth
    path.write_bytes(b'{"type": "Feature", "properties": {"p": ' + inner + b'}, "geometry": '
                     b'{"type": "GeometryCollection", "geometries": []}}')
    check_loaded(path)
    path.write_bytes(b'{"type": "GeometryCollection", "geometries": [' +
                     b'{"type": "GeometryCollection", "geometries": [' * depth + b"]}" * depth
                     + b"]}")
    check_loaded(path)
