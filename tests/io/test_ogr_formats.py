"""GeoPackage, Shapefile (GBK .dbf with and without .cpg) and FlatGeobuf through pyogrio."""

import geopandas
import pyogrio
import pytest
import shapely

from parksgis.errors import LayerReadError
from parksgis.io import read_layer


def test_geopackage_in_4546_is_reprojected(data):
    frame, report = read_layer(data / "plots_4546.gpkg")
    assert report.crs == "EPSG:4546" and report.encoding == "utf-8"
    assert frame.crs.to_epsg() == 4326
    assert frame["plot_id"].tolist() == ["P1", "P2"]
    assert frame["name_zh"].iloc[0] == "港口片区填土地块1"
    assert frame.total_bounds == pytest.approx([111.930, 21.730, 111.946, 21.735], abs=1e-7)


def test_shapefile_with_gbk_cpg(data):
    frame, report = read_layer(data / "shapefile_gbk" / "utilities.shp")
    assert report.encoding == "gbk" and report.problems == []
    assert frame["name_zh"].tolist() == ["临港污水处理厂", "五金刀剪产品展示中心"]


def test_shapefile_gbk_without_cpg_is_detected(data):
    frame, report = read_layer(data / "shapefile_gbk_no_cpg" / "utilities.shp")
    assert frame["name_zh"].tolist() == ["临港污水处理厂", "五金刀剪产品展示中心"]
    assert report.encoding == "gb18030"
    assert [p.code for p in report.problems] == ["gbk-encoding"]
    assert "add a .cpg saying GBK" in report.problems[0].message


def test_flatgeobuf(data):
    frame, report = read_layer(data / "roads.fgb")
    assert frame["name_zh"].tolist() == ["进港大道"]
    assert frame.geometry.iloc[0].geom_type == "LineString"
    assert report.bounds == pytest.approx((111.9412, 21.7049, 111.9655, 21.7268))


def test_shapefile_without_prj_in_metres_needs_crs(tmp_path):
    plot = shapely.Polygon([(596214, 2404193), (596838, 2404193), (596838, 2404750)])
    frame = geopandas.GeoDataFrame({"plot_id": ["P1"]}, geometry=[plot])  # no CRS: no .prj
    with pytest.warns(UserWarning, match="'crs' was not provided"):
        pyogrio.write_dataframe(frame, tmp_path / "plots.shp")
    with pytest.raises(LayerReadError, match=r"look projected .* pass --crs EPSG:4546") as info:
        read_layer(tmp_path / "plots.shp")
    assert info.value.code == "projected-no-crs"
    loaded, report = read_layer(tmp_path / "plots.shp", crs="EPSG:4546")
    assert loaded.total_bounds[0] == pytest.approx(111.93, abs=1e-3)


def test_geopackage_checks_geometry_like_geojson(tmp_path):
    bowtie = shapely.Polygon([(111.93, 21.73), (111.936, 21.735), (111.936, 21.73),
                              (111.93, 21.735)])
    frame = geopandas.GeoDataFrame({"name": ["bow", "none", "far"]},
                                   geometry=[bowtie, None, shapely.Point(200, 21)],
                                   crs="EPSG:4326")
    path = tmp_path / "checks.gpkg"
    pyogrio.write_dataframe(frame, path, layer="plots")
    pyogrio.write_dataframe(frame.iloc[:1], path, layer="second")
    loaded, report = read_layer(path)
    assert [(p.feature, p.code) for p in report.problems] == [
        (None, "multiple-layers"), (0, "invalid-geometry-repaired"), (1, "null-geometry"),
        (2, "coordinates-out-of-range")]
    assert loaded["name"].tolist() == ["bow", "none"]
    assert "read the first, plots" in report.problems[0].message


def test_corrupt_geopackage_is_one_line(tmp_path):
    path = tmp_path / "broken.gpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(LayerReadError, match=r"broken.gpkg: ") as info:
        read_layer(path)
    assert info.value.code in ("ogr-read-failed", "unsupported-format")
    assert "\n" not in str(info.value)


def test_shapefile_missing_parts(tmp_path, data):
    import shutil

    shutil.copy(data / "shapefile_gbk" / "utilities.shp", tmp_path / "utilities.shp")
    with pytest.raises(LayerReadError, match="utilities.shp: GDAL cannot read it") as info:
        read_layer(tmp_path / "utilities.shp")
    assert "\n" not in str(info.value)


def test_ascii_shapefile_without_cpg_is_not_called_gbk(tmp_path):
    # 200 records: the record count in the binary .dbf header has a byte >= 0x80.
    frame = geopandas.GeoDataFrame({"name": [f"plot {i}" for i in range(200)]},
                                   geometry=[shapely.Point(111.9, 21.7)] * 200, crs="EPSG:4326")
    pyogrio.write_dataframe(frame, tmp_path / "ascii.shp")
    (tmp_path / "ascii.cpg").unlink(missing_ok=True)
    dbf = tmp_path / "ascii.dbf"
    raw = bytearray(dbf.read_bytes())
    raw[29] = 0
    dbf.write_bytes(bytes(raw))
    assert max(raw[:32]) >= 0x80
    loaded, report = read_layer(tmp_path / "ascii.shp")
    assert report.problems == [] and loaded["name"].iloc[199] == "plot 199"


def test_table_without_geometry_gives_one_warning(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("project_id,name_zh\nPORT-U01,临港污水处理厂\nWX-B01,五金刀剪产品展示中心\n",
                    encoding="utf-8")
    frame, report = read_layer(path)
    assert [p.code for p in report.problems] == ["no-geometry-column"]
    assert frame["name_zh"].tolist() == ["临港污水处理厂", "五金刀剪产品展示中心"]
    assert frame.geometry.isna().all() and report.bounds is None
