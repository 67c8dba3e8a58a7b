"""Write the broken and unusual layer files in tests/data/ (they are committed; rerun to refresh).

    python tests/data/make_test_data.py

Every file here has an asserted outcome in tests/io/. Coordinates are illustrative points around
Yangjiang (111.2–112.4E, 21.4–22.3N); names are the park features of the 2014 report.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Illustrative WGS84 positions near Yangjiang (not surveyed).
SEWAGE_PLANT = (111.9412, 21.7268)     # 临港污水处理厂
DISPLAY_CENTRE = (112.0153, 21.8771)   # 五金刀剪产品展示中心
BERTH_5 = (111.9655, 21.7049)          # 阳江港5号泊位
PLOT = [[111.930, 21.730], [111.936, 21.730], [111.936, 21.735], [111.930, 21.735],
        [111.930, 21.730]]


def feature(geometry, properties=None, fid=None) -> dict:
    out = {"type": "Feature", "properties": properties or {}, "geometry": geometry}
    if fid is not None:
        out["id"] = fid
    return out


def point(lon, lat) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def collection(features, **extra) -> dict:
    return {"type": "FeatureCollection", **extra, "features": features}


def write_json(name: str, document, *, encoding="utf-8", bom=False) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=1)
    data = text.encode(encoding)
    (HERE / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def write_bytes(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def named_points() -> list:
    return [
        feature(point(*SEWAGE_PLANT), {"name_zh": "临港污水处理厂", "name_en": "Port sewage plant",
                                       "project_id": "PORT-U01"}, "u1"),
        feature(point(*DISPLAY_CENTRE), {"name_zh": "五金刀剪产品展示中心",
                                         "name_en": "Hardware & cutlery display centre",
                                         "project_id": "WX-B01"}, "b1"),
        feature(point(*BERTH_5), {"name_zh": "阳江港5号散货泊位", "name_en": "Berth 5 (bulk)",
                                  "project_id": "PORT-B05"}, "berth5"),
    ]


def projected(lonlat_pairs, epsg=4546):
    from pyproj import Transformer

    t = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    return [[round(v, 3) for v in t.transform(lon, lat)] for lon, lat in lonlat_pairs]


def geojson_files() -> None:
    from parksgis.io import offsets

    # --- encodings --------------------------------------------------------------------------
    write_json("gbk_names.geojson", collection(named_points()), encoding="gbk")
    write_json("utf8_bom.geojson", collection(named_points()), bom=True)
    text = json.dumps(collection(named_points()[:1]), ensure_ascii=False)
    write_bytes("utf16_bom.geojson", b"\xff\xfe" + text.encode("utf-16-le"))
    write_bytes("undecodable.geojson", '{"type": "FeatureCollection", "features": [{"type": '
                '"Feature", "properties": {"name": "caf\xe9 \xff"}, "geometry": null}]}'
                .encode("latin-1"))

    # --- CRS ---------------------------------------------------------------------------------
    ring = projected(PLOT)
    plot_4546 = {"type": "Polygon", "coordinates": [ring]}
    write_json("legacy_crs_4546.geojson", collection(
        [feature(plot_4546, {"name_zh": "港口片区填土地块1", "plot_id": "P1"})],
        crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4546"}}))
    write_json("cgcs2000_4490.geojson", collection(
        named_points(), crs={"type": "name", "properties": {"name": "EPSG:4490"}}))
    write_json("projected_no_crs.geojson", collection(
        [feature(plot_4546, {"name_zh": "港口片区填土地块1", "plot_id": "P1"})]))
    write_json("unknown_crs.geojson", collection(
        named_points(), crs={"type": "name", "properties": {"name": "EPSG:999999"}}))
    lon, lat = offsets.wgs84_to_gcj02([p[0] for p in (SEWAGE_PLANT, DISPLAY_CENTRE, BERTH_5)],
                                      [p[1] for p in (SEWAGE_PLANT, DISPLAY_CENTRE, BERTH_5)])
    gcj = named_points()
    for f, x, y in zip(gcj, lon, lat):
        f["geometry"]["coordinates"] = [round(float(x), 9), round(float(y), 9)]
    write_json("gcj02_points.geojson", collection(gcj))
    lon, lat = offsets.wgs84_to_bd09([p[0] for p in (SEWAGE_PLANT, DISPLAY_CENTRE, BERTH_5)],
                                     [p[1] for p in (SEWAGE_PLANT, DISPLAY_CENTRE, BERTH_5)])
    bd = named_points()
    for f, x, y in zip(bd, lon, lat):
        f["geometry"]["coordinates"] = [round(float(x), 9), round(float(y), 9)]
    write_json("bd09_points.geojson", collection(bd))

    # --- geometry ----------------------------------------------------------------------------
    bowtie = [[111.930, 21.730], [111.936, 21.735], [111.936, 21.730], [111.930, 21.735],
              [111.930, 21.730]]
    write_json("bowtie_polygon.geojson", collection([
        feature({"type": "Polygon", "coordinates": [bowtie]}, {"plot_id": "BOW"}),
        feature({"type": "Polygon", "coordinates": [PLOT]}, {"plot_id": "OK"})]))
    write_json("unclosed_ring.geojson", collection([
        feature({"type": "Polygon", "coordinates": [PLOT[:-1]]}, {"plot_id": "OPEN"})]))
    write_json("null_geometry.geojson", collection([
        feature(None, {"name_zh": "五金刀剪生产研发基地", "project_id": "WX-B02"}),
        feature(point(*SEWAGE_PLANT), {"name_zh": "临港污水处理厂"})]))
    write_json("empty_geometry.geojson", collection([
        feature({"type": "Polygon", "coordinates": []}, {"plot_id": "EMPTY"}),
        feature({"type": "Polygon", "coordinates": [PLOT]}, {"plot_id": "OK"})]))
    write_json("unknown_type.geojson", collection([
        feature({"type": "Circle", "coordinates": list(SEWAGE_PLANT), "radius": 50},
                {"name": "circle"}),
        feature(point(*SEWAGE_PLANT), {"name": "ok"})]))
    nan_text = json.dumps(collection([
        feature(point(*SEWAGE_PLANT), {"name": "ok"}),
        feature({"type": "LineString", "coordinates": [[111.93, 21.73], [111.94, float("nan")]]},
                {"name": "nan"}),
        feature(point(float("inf"), 21.7), {"name": "infinity"})]), indent=1)
    assert "NaN" in nan_text and "Infinity" in nan_text
    write_bytes("nan_coords.geojson", nan_text.encode())
    write_json("out_of_range.geojson", collection([
        feature(point(*SEWAGE_PLANT), {"name": "ok"}),
        feature(point(211.94, 21.72), {"name": "lon 211"}),
        feature(point(111.94, 95.0), {"name": "lat 95"})]))
    write_json("swapped_latlon.geojson", collection([
        feature(point(lat, lon), props["properties"]) for (lon, lat), props in
        zip((SEWAGE_PLANT, DISPLAY_CENTRE, BERTH_5), named_points())]))
    write_json("mixed_types.geojson", collection([
        feature(point(*SEWAGE_PLANT), {"name": "plant"}),
        feature({"type": "LineString", "coordinates": [list(SEWAGE_PLANT), list(BERTH_5)]},
                {"name": "main"}),
        feature({"type": "Polygon", "coordinates": [PLOT]}, {"name": "plot"})]))
    write_json("polygon_and_multipolygon.geojson", collection([
        feature({"type": "Polygon", "coordinates": [PLOT]}, {"plot_id": "A"}),
        feature({"type": "MultiPolygon", "coordinates": [[[[x + 0.01, y] for x, y in PLOT]]]},
                {"plot_id": "B"})]))
    write_json("duplicate_ids.geojson", collection([
        feature(point(*SEWAGE_PLANT), {"name": "a"}, 7),
        feature(point(*BERTH_5), {"name": "b"}, 7),
        feature(point(*DISPLAY_CENTRE), {"name": "c"}, 8)]))
    write_json("invalid_coordinates.geojson", collection([
        feature({"type": "LineString", "coordinates": [[111.93, 21.73], ["111.94", "x"]]},
                {"name": "text"}),
        feature({"type": "Polygon", "coordinates": [[[111.93, 21.73], [111.94, 21.73]]]},
                {"name": "two positions"}),
        feature({"type": "Point", "coordinates": 111.93}, {"name": "number"}),
        feature({"type": "Point", "coordinates": list(SEWAGE_PLANT)}, {"name": "ok"})]))
    write_json("z_coordinates.geojson", collection([
        feature({"type": "LineString", "coordinates": [[111.93, 21.73, 5.0], [111.94, 21.74, 6.5]]},
                {"name": "with z"})]))
    write_json("geometry_collection.geojson", collection([
        feature({"type": "GeometryCollection", "geometries": [
            point(*SEWAGE_PLANT), {"type": "LineString", "coordinates": [list(SEWAGE_PLANT),
                                                                          list(BERTH_5)]}]},
            {"name": "plant and outfall"})]))
    write_json("nested_properties.geojson", collection([
        feature(point(*SEWAGE_PLANT), {"name_zh": "临港污水处理厂",
                                       "capacity": {"t_per_day": 20000, "phase": [1, 2]}})]))

    # --- GeoJSON shapes -----------------------------------------------------------------------
    write_json("single_feature.geojson", named_points()[0])
    write_json("bare_geometry.geojson", {"type": "Polygon", "coordinates": [PLOT]})
    write_json("empty_collection.geojson", collection([]))

    # --- broken files -------------------------------------------------------------------------
    write_bytes("empty.geojson", b"")
    full = json.dumps(collection(named_points()), ensure_ascii=False).encode()
    write_bytes("truncated.geojson", full[: len(full) * 2 // 3])
    write_bytes("not_json.geojson", "name,lon,lat\n临港污水处理厂,111.9412,21.7268\n".encode())
    write_bytes("garbage.bin.geojson", bytes((i * 73 + 41) % 256 for i in range(2048)))
    write_json("not_geojson.json", {"parks": ["port", "wanxiang"], "version": 1})
    write_json("topojson.json", {"type": "Topology", "objects": {}, "arcs": []})
    depth = 5000
    write_bytes("deep_nesting.geojson", b'{"type": "FeatureCollection", "features": '
                + b"[" * depth + b"]" * depth + b"}")
    folder = HERE / "folder.geojson"
    folder.mkdir(exist_ok=True)
    (folder / "README").write_text("A directory named like a layer: 'cannot read' test.\n", encoding="utf-8")


def ogr_files() -> None:
    import geopandas
    import pyogrio
    import shapely

    plot = shapely.Polygon(PLOT)
    names = ["临港污水处理厂", "五金刀剪产品展示中心", "进港大道"]
    frame = geopandas.GeoDataFrame(
        {"name_zh": names, "project_id": ["PORT-U01", "WX-B01", "PORT-R01"]},
        geometry=[shapely.Point(SEWAGE_PLANT), shapely.Point(DISPLAY_CENTRE),
                  shapely.LineString([SEWAGE_PLANT, BERTH_5])], crs="EPSG:4326")
    # GeoPackage stored in EPSG:4546 metres: the reader must reproject.
    gpkg = HERE / "plots_4546.gpkg"
    gpkg.unlink(missing_ok=True)
    plots = geopandas.GeoDataFrame({"plot_id": ["P1", "P2"], "name_zh": ["港口片区填土地块1", "地块2"]},
                                   geometry=[plot, shapely.affinity.translate(plot, 0.01)],
                                   crs="EPSG:4326").to_crs("EPSG:4546")
    pyogrio.write_dataframe(plots, gpkg, layer="plots", driver="GPKG")
    # Shapefile with GBK .dbf and a .cpg that says so.
    shp_dir = HERE / "shapefile_gbk"
    shutil.rmtree(shp_dir, ignore_errors=True)
    shp_dir.mkdir()
    points = frame.iloc[:2]
    pyogrio.write_dataframe(points, shp_dir / "utilities.shp", encoding="GBK")
    assert (shp_dir / "utilities.cpg").read_text(encoding="utf-8").strip().upper() == "GBK"
    # The same without .cpg (and no code-page byte): what many Chinese tools write.
    bare_dir = HERE / "shapefile_gbk_no_cpg"
    shutil.rmtree(bare_dir, ignore_errors=True)
    shutil.copytree(shp_dir, bare_dir)
    (bare_dir / "utilities.cpg").unlink()
    dbf = bytearray((bare_dir / "utilities.dbf").read_bytes())
    dbf[29] = 0
    (bare_dir / "utilities.dbf").write_bytes(bytes(dbf))
    # FlatGeobuf in WGS84.
    fgb = HERE / "roads.fgb"
    fgb.unlink(missing_ok=True)
    pyogrio.write_dataframe(frame.iloc[2:], fgb, driver="FlatGeobuf")
    (HERE / "readme.txt").write_text("Not a layer: plain text with no geometry format.\n", encoding="utf-8")


if __name__ == "__main__":
    os.chdir(HERE)
    geojson_files()
    ogr_files()
    print("\n".join(sorted(p.name for p in HERE.iterdir() if p.name != "make_test_data.py")))
