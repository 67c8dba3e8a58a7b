"""Every file in tests/data/ read through the public API, with its asserted outcome."""

import numpy as np
import pytest
import shapely

from parksgis.errors import LayerReadError
from parksgis.io import read_layer, validate_file

SEWAGE_PLANT = (111.9412, 21.7268)
DISPLAY_CENTRE = (112.0153, 21.8771)
BERTH_5 = (111.9655, 21.7049)
NAMES = ["临港污水处理厂", "五金刀剪产品展示中心", "阳江港5号散货泊位"]


def test_validate_file_outcome(data, data_case):
    name, (exit_code, codes, features) = data_case
    frame, report = validate_file(data / name)
    assert {p.code for p in report.problems} == codes, report.lines()
    assert report.ok is (features is not None)
    if features is None:
        assert frame is None and report.errors
    else:
        assert len(frame) == features == report.features
        assert frame.crs.to_epsg() == 4326
        assert list(frame.index) == list(range(len(frame)))
    assert (exit_code == 0) == (report.ok and not report.errors)


def test_gbk_names_decoded_exactly(data):
    frame, report = read_layer(data / "gbk_names.geojson")
    assert list(frame["name_zh"]) == NAMES
    assert report.encoding == "gb18030"
    (problem,) = report.problems
    assert problem.code == "gbk-encoding" and problem.level == "warning"
    assert problem.feature is None
    assert "re-save it as UTF-8" in problem.message


@pytest.mark.parametrize("name,encoding", [("utf8_bom.geojson", "utf-8-sig"),
                                           ("utf16_bom.geojson", "utf-16")])
def test_bom_files_decode_the_same(data, name, encoding):
    frame, report = read_layer(data / name)
    assert report.encoding == encoding
    assert frame["name_zh"].iloc[0] == "临港污水处理厂"
    assert report.problems == []


def test_undecodable_text_names_the_byte(data):
    with pytest.raises(LayerReadError, match=r"undecodable.geojson: text is neither UTF-8 nor "
                                             r"GBK/GB18030 \(bad byte 0x[0-9a-f]{2} at offset"):
        read_layer(data / "undecodable.geojson")


def test_legacy_crs_4546_is_reprojected(data):
    frame, report = read_layer(data / "legacy_crs_4546.geojson")
    assert report.crs == "EPSG:4546"
    minx, miny, maxx, maxy = frame.total_bounds
    assert minx == pytest.approx(111.930, abs=1e-7) and maxy == pytest.approx(21.735, abs=1e-7)
    assert report.bounds == pytest.approx((111.930, 21.730, 111.936, 21.735), abs=1e-7)


def test_cgcs2000_geographic_counts_as_wgs84(data):
    frame, report = read_layer(data / "cgcs2000_4490.geojson")
    assert report.crs == "EPSG:4490"
    assert (frame.geometry.x.iloc[0], frame.geometry.y.iloc[0]) == SEWAGE_PLANT


def test_projected_without_crs_says_which_crs_to_pass(data):
    with pytest.raises(LayerReadError, match=r"coordinates look projected .* pass --crs "
                                             r"EPSG:4546") as info:
        read_layer(data / "projected_no_crs.geojson")
    assert info.value.code == "projected-no-crs"


def test_crs_option_reprojects(data):
    frame, report = read_layer(data / "projected_no_crs.geojson", crs="EPSG:4546")
    assert report.crs == "EPSG:4546" and report.problems == []
    assert frame.total_bounds == pytest.approx([111.930, 21.730, 111.936, 21.735], abs=1e-7)


def test_crs_option_overriding_the_file_is_reported(data):
    _, report = read_layer(data / "legacy_crs_4546.geojson", crs="EPSG:4547")
    assert [p.code for p in report.problems] == ["crs-overridden"]
    assert "the file says EPSG:4546; --crs EPSG:4547 used instead" in report.problems[0].message


def test_unknown_crs_member(data):
    with pytest.raises(LayerReadError, match=r"unknown CRS 'EPSG:999999' in the 'crs' member"):
        read_layer(data / "unknown_crs.geojson")


@pytest.mark.parametrize("name,offset", [("gcj02_points.geojson", "gcj02"),
                                         ("bd09_points.geojson", "bd09")])
def test_web_map_offsets_convert_back_to_wgs84(data, name, offset):
    raw, _ = read_layer(data / name)
    frame, report = read_layer(data / name, offset=offset)
    expected = np.array([SEWAGE_PLANT, DISPLAY_CENTRE, BERTH_5])
    got = shapely.get_coordinates(frame.geometry.values.to_numpy())
    # metres: 1e-7 degrees is about 1 cm; file positions are rounded to 1e-9 degrees
    assert np.abs(got - expected).max() < 1e-8
    shift = shapely.get_coordinates(raw.geometry.values.to_numpy()) - expected
    assert np.abs(shift).max() > 0.003  # the offset really was there (hundreds of metres)
    assert report.crs == {"gcj02": "GCJ-02", "bd09": "BD-09"}[offset]


def test_bowtie_repaired_to_valid_multipolygon(data):
    frame, report = read_layer(data / "bowtie_polygon.geojson")
    (problem,) = report.problems
    assert (problem.feature, problem.code) == (0, "invalid-geometry-repaired")
    assert "Self-intersection" in problem.message
    assert frame.geometry.iloc[0].geom_type == "MultiPolygon"
    assert frame.geometry.is_valid.all()
    assert frame.geometry.iloc[0].area == pytest.approx(0.006 * 0.005 / 2)


def test_unclosed_ring_closed(data):
    frame, report = read_layer(data / "unclosed_ring.geojson")
    assert [(p.feature, p.code) for p in report.problems] == [(0, "unclosed-ring-repaired")]
    ring = frame.geometry.iloc[0].exterior
    assert ring.is_closed and len(ring.coords) == 5


def test_null_geometry_kept_as_attribute_only_row(data):
    frame, report = read_layer(data / "null_geometry.geojson")
    assert frame.geometry.iloc[0] is None
    assert frame["name_zh"].tolist() == ["五金刀剪生产研发基地", "临港污水处理厂"]
    assert frame["project_id"].iloc[0] == "WX-B02"
    assert [(p.feature, p.level, p.code) for p in report.problems] == [
        (0, "warning", "null-geometry")]


def test_empty_geometry_kept_as_attribute_only_row(data):
    frame, report = read_layer(data / "empty_geometry.geojson")
    assert frame.geometry.iloc[0] is None and frame["plot_id"].tolist() == ["EMPTY", "OK"]
    assert report.problems[0].message == "Polygon is empty; kept as an attribute-only row"


def test_unknown_type_drops_only_that_feature(data):
    frame, report = read_layer(data / "unknown_type.geojson")
    assert frame["name"].tolist() == ["ok"]
    (problem,) = report.problems
    assert (problem.level, problem.feature) == ("error", 0)
    assert problem.message.startswith("unknown geometry type 'Circle'")
    assert problem.message.endswith("feature dropped")


def test_nan_and_infinity_are_per_feature_errors(data):
    frame, report = read_layer(data / "nan_coords.geojson")
    assert frame["name"].tolist() == ["ok"]
    assert [(p.feature, p.code) for p in report.problems] == [
        (1, "non-finite-coordinates"), (2, "non-finite-coordinates")]
    assert "(111.94, NaN)" in report.problems[0].message
    assert "(Infinity, 21.7)" in report.problems[1].message


def test_out_of_range_is_an_error(data):
    frame, report = read_layer(data / "out_of_range.geojson")
    assert frame["name"].tolist() == ["ok"]
    assert [p.feature for p in report.errors] == [1, 2]
    assert "lon/lat (211.94, 21.72) is outside ±180/±90" in report.errors[0].message


def test_swapped_latlon_warned_and_swapped_back(data):
    frame, report = read_layer(data / "swapped_latlon.geojson")
    assert [p.code for p in report.problems] == ["swapped-lat-lon"]
    assert (frame.geometry.x.iloc[0], frame.geometry.y.iloc[0]) == SEWAGE_PLANT


def test_suspected_swap_in_valid_range_only_warns(tmp_path):
    path = tmp_path / "arctic_or_swapped.geojson"
    path.write_text('{"type": "Point", "coordinates": [21.7, 80.1]}', encoding="utf-8")
    frame, report = read_layer(path)
    assert [p.code for p in report.problems] == ["swapped-lat-lon"]
    assert "left as they are" in report.problems[0].message
    assert frame.geometry.iloc[0].x == 21.7


def test_mixed_types_warn_but_polygon_and_multipolygon_do_not(data):
    _, report = read_layer(data / "mixed_types.geojson")
    assert report.problems[0].message.startswith(
        "the layer mixes geometry types (1 Point, 1 LineString, 1 Polygon)")
    _, report = read_layer(data / "polygon_and_multipolygon.geojson")
    assert report.problems == []


def test_duplicate_ids(data):
    frame, report = read_layer(data / "duplicate_ids.geojson")
    assert [(p.feature, p.message) for p in report.problems] == [
        (1, "id 7 repeats feature 0's id")]
    assert frame["id"].tolist() == [7, 7, 8]


def test_invalid_coordinates_each_reported(data):
    frame, report = read_layer(data / "invalid_coordinates.geojson")
    assert frame["name"].tolist() == ["ok"]
    messages = {p.feature: p.message for p in report.errors}
    assert messages[0].startswith("coordinates must be positions of 2 or 3 numbers")
    assert messages[1].startswith("a polygon ring needs at least 4 positions (3 distinct); one has 2")
    assert set(messages) == {0, 1, 2}


def test_z_coordinates_dropped_to_2d(data):
    frame, _ = read_layer(data / "z_coordinates.geojson")
    assert not frame.geometry.has_z.any()
    assert list(frame.geometry.iloc[0].coords) == [(111.93, 21.73), (111.94, 21.74)]


def test_geometry_collection_and_nested_properties(data):
    frame, _ = read_layer(data / "geometry_collection.geojson")
    assert frame.geometry.iloc[0].geom_type == "GeometryCollection"
    frame, _ = read_layer(data / "nested_properties.geojson")
    assert frame["capacity"].iloc[0] == '{"t_per_day":20000,"phase":[1,2]}'


def test_single_feature_and_bare_geometry(data):
    frame, _ = read_layer(data / "single_feature.geojson")
    assert frame["name_zh"].tolist() == ["临港污水处理厂"] and frame["id"].tolist() == ["u1"]
    frame, _ = read_layer(data / "bare_geometry.geojson")
    assert len(frame) == 1 and frame.geometry.iloc[0].geom_type == "Polygon"


@pytest.mark.parametrize("name,code,pattern", [
    ("empty.geojson", "file-empty", r"empty.geojson: file is empty \(0 bytes\)"),
    ("truncated.geojson", "truncated-json", r"JSON ends too early \(truncated file\?\) at line 1"),
    ("not_json.geojson", "not-json", r"not valid JSON .* the text starts 'name,lon,lat"),
    ("garbage.bin.geojson", "binary-file", r"binary data, not a GeoJSON text file"),
    ("not_geojson.json", "not-geojson", r"JSON but not GeoJSON: the top-level object has no 'type'"),
    ("topojson.json", "not-geojson", r"this is TopoJSON, not GeoJSON"),
    ("deep_nesting.geojson", "too-deeply-nested", r"nested too deeply \(more than 1024 levels"),
    ("folder.geojson", "unreadable", r"folder.geojson: cannot read: it is a directory"),
    ("readme.txt", "unsupported-format", r"not a layer format GDAL knows"),
    ("no_such_file.geojson", "file-not-found", r"no_such_file.geojson: no such file"),
])
def test_broken_files_raise_one_clear_error(data, name, code, pattern):
    with pytest.raises(LayerReadError, match=pattern) as info:
        read_layer(data / name)
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_whitespace_only_and_bad_json_in_tmp(tmp_path):
    path = tmp_path / "blank.geojson"
    path.write_text("  \n\t ", encoding="utf-8")
    with pytest.raises(LayerReadError, match="file holds only whitespace"):
        read_layer(path)
    path.write_text('{"type": "FeatureCollection", "features": {}}', encoding="utf-8")
    with pytest.raises(LayerReadError, match="FeatureCollection has no 'features' array"):
        read_layer(path)
    path.write_text('[1, 2]', encoding="utf-8")
    with pytest.raises(LayerReadError, match="top level is a JSON array"):
        read_layer(path)


def test_feature_level_structure_errors(tmp_path):
    path = tmp_path / "odd.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [1, {"type": "Feature"}, '
                    '{"type": "Feature", "geometry": "POINT (1 2)", "properties": []},'
                    '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}]}', encoding="utf-8")
    frame, report = read_layer(path)
    assert len(frame) == 2  # the Feature without geometry is kept, attribute-only
    assert [(p.feature, p.code) for p in report.problems] == [
        (0, "invalid-feature"), (1, "null-geometry"), (2, "invalid-properties"),
        (2, "invalid-geometry")]


def test_unknown_offset_and_crs_options_are_usage_errors(data):
    from parksgis.errors import UsageError

    with pytest.raises(UsageError, match="unknown offset 'wgs'"):
        read_layer(data / "gcj02_points.geojson", offset="wgs")
    with pytest.raises(UsageError, match="unknown CRS 'EPSG:0'"):
        read_layer(data / "gcj02_points.geojson", crs="EPSG:0")
    _, report = validate_file(data / "gcj02_points.geojson", offset="wgs")
    assert not report.ok and report.problems[0].code == "invalid-option"


def test_every_data_file_has_an_asserted_outcome(data, expected):
    support = {"make_test_data.py", "validate_table.py"}
    layer_files = {p.name for p in data.iterdir() if p.name not in support and p.is_file()}
    layer_files |= {p.name for p in data.iterdir() if p.is_dir() and p.suffix}  # folder.geojson
    shapefile_dirs = {p.name for p in data.iterdir() if p.is_dir() and not p.suffix}
    covered = {name.split("/")[0] if "/" in name else name for name in expected}
    assert layer_files - covered == set()
    assert shapefile_dirs <= covered
    assert len(expected) >= 20


def test_multipolygon_part_without_rings_is_an_error_not_a_crash(tmp_path):
    # shapely.from_ragged_array segfaults on a polygon with zero rings: found by the fuzz test.
    path = tmp_path / "hollow.geojson"
    path.write_text('{"type": "FeatureCollection", "features": ['
                    '{"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", '
                    '"coordinates": [[]]}},'
                    '{"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", '
                    '"coordinates": [[], [[[0, 0], [1, 0], [1, 1], [0, 0]]]]}}]}', encoding="utf-8")
    frame, report = read_layer(path)
    assert len(frame) == 0
    assert [(p.feature, p.message) for p in report.problems] == [
        (0, "a MultiPolygon part has no rings; feature dropped"),
        (1, "a MultiPolygon part has no rings; feature dropped")]


def test_projected_coordinates_labelled_as_degrees(data, tmp_path):
    text = (data / "projected_no_crs.geojson").read_text(encoding="utf-8")
    path = tmp_path / "mislabelled.geojson"
    path.write_text(text.replace('"type": "FeatureCollection",', '"type": "FeatureCollection", '
                                 '"crs": {"type": "name", "properties": {"name": "EPSG:4490"}},'), encoding="utf-8")
    with pytest.raises(LayerReadError, match=r"the CRS given, EPSG:4490, is in degrees; pass "
                                             r"--crs EPSG:4546"):
        read_layer(path)


def test_degrees_with_a_projected_crs_warn(data):
    _, report = read_layer(data / "cgcs2000_4490.geojson", crs="EPSG:4546")
    codes = [p.code for p in report.problems]
    assert "crs-mismatch" in codes
    assert any("look like lon/lat degrees but the CRS is EPSG:4546" in p.message
               for p in report.problems)


def test_offset_outside_china_warns(tmp_path):
    path = tmp_path / "paris.geojson"
    path.write_text('{"type": "Point", "coordinates": [2.35, 48.85]}', encoding="utf-8")
    frame, report = read_layer(path, offset="gcj02")
    assert [p.code for p in report.problems] == ["offset-outside-china"]
    assert (frame.geometry.x.iloc[0], frame.geometry.y.iloc[0]) == (2.35, 48.85)
