"""Imagery sources: GeoTIFF, MBTiles, XYZ folders read for a view; bad rasters give one line each."""

from __future__ import annotations

import re
import sqlite3
import warnings

import numpy as np
import pytest
from pyproj import Transformer

from parksgis.errors import LayerReadError
from parksgis.io.raster import open_raster, validate_raster
from parksgis.model.tile_grid import WEB_MERCATOR_HALF, tile_bounds
from parksgis.pack.imagery import encode_tile

LON, LAT = 111.95, 21.75
Z = 16


def tile_of(lon, lat, z):
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True).transform(lon, lat)
    size = 2 * WEB_MERCATOR_HALF / (1 << z)
    return int((x + WEB_MERCATOR_HALF) // size), int((WEB_MERCATOR_HALF - y) // size)


def solid(colour, alpha=255):
    tile = np.empty((4, 256, 256), dtype=np.uint8)
    tile[:3] = np.array(colour, dtype=np.uint8)[:, None, None]
    tile[3] = alpha
    return tile


def write_mbtiles(path, tiles: dict):
    """``tiles``: {(z, x, y_xyz): rgba}; stored with TMS rows as MBTiles requires."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    con.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    zs = sorted({z for z, _, _ in tiles})
    west, south, east, north = 180, 90, -180, -90
    to_ll = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)
    for (z, x, y), rgba in tiles.items():
        con.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, (1 << z) - 1 - y, encode_tile(rgba)))
        x0, y0, x1, y1 = tile_bounds(z, x, y)
        (lo0, lo1), (la0, la1) = to_ll.transform([x0, x1], [y0, y1])
        west, east, south, north = min(west, lo0), max(east, lo1), min(south, la0), max(north, la1)
    meta = {"name": "test", "format": "png", "minzoom": zs[0], "maxzoom": zs[-1],
            "bounds": f"{west},{south},{east},{north}"}
    con.executemany("INSERT INTO metadata VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
    con.commit()
    con.close()
    return path


def view_around(lon, lat, metres=120.0, crs="EPSG:4546"):
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    return (x - metres / 2, y - metres / 2, x + metres / 2, y + metres / 2)


def test_geotiff_reads_only_the_view_in_the_display_crs(tmp_path, geotiff):
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:32649", always_xy=True).transform(LON, LAT)
    rgb = np.zeros((3, 400, 400), dtype=np.uint8)
    rgb[0, :, :200] = 255          # west half red, east half blue (in UTM)
    rgb[2, :, 200:] = 255
    source = open_raster(geotiff(tmp_path / "utm.tif", "EPSG:32649", x - 200, y + 200, 1.0, rgb))
    assert source.crs_label == "EPSG:32649"
    out = source.read(view_around(LON, LAT, 100), 100, 50, "EPSG:4546")
    assert out.shape == (50, 100, 4)
    assert (out[:, :45, 0] == 255).all() and (out[:, 55:, 2] == 255).all()
    assert (out[..., 3] == 255).all()
    far = view_around(LON + 0.1, LAT, 100)
    assert source.read(far, 100, 50, "EPSG:4546") is None   # beyond the photo: nothing read
    w, s, e, n = source.bounds_in("EPSG:4326")
    assert w < LON < e and s < LAT < n


def test_a_view_partly_off_the_photo_is_transparent_there(tmp_path, geotiff):
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True).transform(LON, LAT)
    rgb = np.full((3, 100, 100), 90, dtype=np.uint8)
    source = open_raster(geotiff(tmp_path / "gk.tif", "EPSG:4546", x, y + 50, 1.0, rgb))
    out = source.read((x - 100, y - 50, x + 100, y + 50), 200, 100, "EPSG:4546")
    assert (out[:, :95, 3] == 0).all() and (out[:, 105:, 3] == 255).all()


def test_a_zoomed_out_read_uses_the_overviews(tmp_path, geotiff):
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True).transform(LON, LAT)
    rgb = np.full((3, 2048, 2048), 120, dtype=np.uint8)
    path = geotiff(tmp_path / "big.tif", "EPSG:4546", x, y, 0.5, rgb)
    source = open_raster(path)
    with open_raster(path)._ds as ds:
        assert ds.overviews(1) == [2, 4, 8]
    out = source.read(source.native_bounds, 128, 128, "EPSG:4546")
    assert out.shape == (128, 128, 4) and int(out[64, 64, 0]) == 120


def test_mbtiles_and_xyz_folder_read_their_tiles(tmp_path):
    tx, ty = tile_of(LON, LAT, Z)
    tiles = {(Z, tx + dx, ty + dy): solid((30, 160, 60)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    tiles[(Z, tx, ty)] = solid((200, 40, 40))
    mb = open_raster(write_mbtiles(tmp_path / "t.mbtiles", tiles))
    folder = tmp_path / "xyz"
    for (z, x, y), rgba in tiles.items():
        (folder / str(z) / str(x)).mkdir(parents=True, exist_ok=True)
        (folder / str(z) / str(x) / f"{y}.png").write_bytes(encode_tile(rgba))
    xyz = open_raster(folder)
    centre = tile_bounds(Z, tx, ty)
    cx, cy = Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True).transform(
        (centre[0] + centre[2]) / 2, (centre[1] + centre[3]) / 2)
    for source in (mb, xyz):
        out = source.read(view_around(cx, cy, 1500), 120, 120, "EPSG:4546")
        assert tuple(out[60, 60]) == (200, 40, 40, 255), source.kind
        assert tuple(out[5, 5]) == (30, 160, 60, 255), source.kind


def bad_rasters(tmp_path, geotiff):
    import rasterio

    no_georef = tmp_path / "scan.tif"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with rasterio.open(no_georef, "w", driver="GTiff", width=8, height=8, count=1, dtype="uint8") as ds:
            ds.write(np.zeros((1, 8, 8), dtype=np.uint8))
    no_crs = geotiff(tmp_path / "no_crs.tif", None, 600000, 2400000, 1.0, np.zeros((3, 8, 8), np.uint8))
    local = tmp_path / "local.tif"
    with rasterio.open(local, "w", driver="GTiff", width=8, height=8, count=1, dtype="uint8",
                       crs='LOCAL_CS["site grid",UNIT["metre",1]]',
                       transform=rasterio.transform.from_origin(0, 100, 1, 1)) as ds:
        ds.write(np.zeros((1, 8, 8), dtype=np.uint8))
    garbage = tmp_path / "broken.tif"
    garbage.write_bytes(b"II*\x00" + b"\x17" * 300)
    tx, ty = tile_of(LON, LAT, Z)
    cut = write_mbtiles(tmp_path / "cut.mbtiles", {(Z, tx + i, ty): solid((i, i, i)) for i in range(40)})
    data = cut.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    return {"no-georeference": no_georef, "unknown-crs": no_crs, "unknown-crs ": local,
            "unreadable": garbage, "truncated-tile-db": cut}


def test_each_bad_raster_gives_its_one_line(tmp_path, geotiff):
    expected = {
        "no-georeference": "has no georeference (no geotransform, no CRS)",
        "unknown-crs": "has a geotransform but names no CRS",
        "unknown-crs ": "unknown CRS",
        "unreadable": "cannot be read as a raster",
        "truncated-tile-db": "tile database is truncated",
    }
    for code, path in bad_rasters(tmp_path, geotiff).items():
        source, report = validate_raster(path)
        assert source is None and not report.ok
        assert len(report.lines()) == 1
        line = report.lines()[0]
        assert line.startswith(f"{path}: error {code.strip()}: ") and expected[code] in line, line
        assert "\n" not in line and "Traceback" not in line
        with pytest.raises(LayerReadError, match=re.escape(expected[code])):
            open_raster(path)


def test_validate_command_gives_each_bad_raster_one_line(tmp_path, geotiff, cli):
    bad = bad_rasters(tmp_path, geotiff)
    good = geotiff(tmp_path / "port_2014-03-01.tif", "EPSG:4546", 640000, 2410000, 1.0,
                   np.zeros((3, 40, 30), np.uint8))
    result = cli("validate", str(good), *(str(p) for p in bad.values()))
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert f"{good}: OK: geotiff 30x40, captured 2014-03-01 (EPSG:4546); 0 errors, 0 warnings" in lines
    for code, path in bad.items():
        mine = [line for line in lines if line.startswith(f"{path}: ")]
        assert mine == [mine[0], f"{path}: NOT LOADED (1 error, 0 warnings)"]
        assert mine[0].startswith(f"{path}: error {code.strip()}: ")
