"""Packs carry imagery as GeoPackage tiles: GDAL reads them, info lists them, verify covers them."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import rasterio

from parksgis.cli import main
from parksgis.app.workspace import load_workspace
from parksgis.app.workspace import open_workspace
from parksgis.pack import verify_pack
from parksgis.pack.imagery import park_boxes

REPO = Path(__file__).resolve().parents[2]
IMAGERY = REPO / "layers" / "imagery"


@pytest.fixture(scope="module")
def imagery_pack(tmp_path_factory):
    """The sample's port area with its two synthetic flights, zoom capped at 15."""
    out = tmp_path_factory.mktemp("imagery_pack") / "port.gpkg"
    assert main(["pack", "build", str(REPO / "layers"), "--park", "port", "--imagery", str(IMAGERY),
                 "--max-zoom", "15", "-o", str(out)]) == 0
    return out


def test_gdal_opens_the_imagery_as_tiles_with_the_parks_extent(imagery_pack):
    workspace, _ = load_workspace(REPO / "layers")
    port_box = park_boxes([workspace.park("port")])[0]
    with rasterio.open(imagery_pack, table="imagery__port_2014_03_15") as ds:
        assert ds.driver == "GPKG" and ds.crs.to_epsg() == 3857 and ds.count == 4
        assert ds.overviews(1)  # a pyramid, not one level
        res = ds.res[0]
        assert res == pytest.approx(2 * 20037508.342789244 / 256 / 2 ** 15)
        for got, want in zip(ds.bounds, port_box):  # the park plus its margin, to a pixel
            assert abs(got - want) <= res, (ds.bounds, port_box)
        centre = ds.read(window=rasterio.windows.Window(ds.width // 2, ds.height // 2, 1, 1))
        assert centre[3, 0, 0] == 255 and centre[:3, 0, 0].max() > 40  # photo pixels, opaque
    con = sqlite3.connect(imagery_pack)
    tiles = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents WHERE data_type = 'tiles'").fetchall())
    con.close()
    # Wanxiang's flight lies beside the packed park: it is left out, not stored empty
    assert sorted(tiles) == ["imagery__port_2014_03_15", "imagery__port_2014_07_10"]


def test_pack_info_lists_imagery_with_its_size_and_verify_covers_it(imagery_pack, tmp_path, capsys):
    assert main(["pack", "info", str(imagery_pack)]) == 0
    out = capsys.readouterr().out
    line = next(l for l in out.splitlines() if "imagery__port_2014_07_10" in l)
    assert "2014-07-10" in line and " tiles " in line and " MB " in line and "zoom " in line
    assert verify_pack(imagery_pack).ok

    damaged = tmp_path / "damaged.gpkg"
    shutil.copy(imagery_pack, damaged)
    con = sqlite3.connect(damaged)
    blob = bytearray(con.execute("SELECT tile_data FROM imagery__port_2014_03_15 ORDER BY id LIMIT 1").fetchone()[0])
    blob[len(blob) // 2] ^= 0xFF
    con.execute("UPDATE imagery__port_2014_03_15 SET tile_data = ? WHERE id = (SELECT min(id) FROM "
                "imagery__port_2014_03_15)", (bytes(blob),))
    con.commit()
    con.close()
    result = verify_pack(damaged)
    assert not result.ok and any("imagery__port_2014_03_15" in p for p in result.problems)


def test_an_opened_pack_shows_its_imagery_by_date(imagery_pack, tmp_path):
    copy = tmp_path / "copy.gpkg"
    shutil.copy(imagery_pack, copy)
    workspace, _, source = open_workspace(copy, read_only=True)
    try:
        assert [(l.name, l.capture_date) for l in workspace.imagery] == [
            ("port_2014-03-15", date(2014, 3, 15)), ("port_2014-07-10", date(2014, 7, 10))]
        assert workspace.imagery[0].attribution.startswith("parksgis 合成示意影像")
        reader = workspace.imagery[1].reader
        x0, y0, x1, y1 = reader.bounds_in("EPSG:4546")
        rgba = reader.read((x0, y0, x1, y1), 300, 200, "EPSG:4546")
        assert rgba[100, 150, 3] == 255 and (rgba[..., 3] == 255).mean() > 0.9
    finally:
        source.close()


def test_bad_imagery_stops_the_build_with_its_line(tmp_path, capsys):
    bad = tmp_path / "scan.tif"
    bad.write_bytes(b"II*\x00garbage")
    out = tmp_path / "p.gpkg"
    assert main(["pack", "build", str(REPO / "layers"), "--imagery", str(bad), "-o", str(out)]) != 0
    err = capsys.readouterr().err
    assert "--imagery failed to load" in err and "scan.tif: error unreadable" in err and "Traceback" not in err
    assert not out.exists()
    assert main(["pack", "build", str(REPO / "layers"), "--max-zoom", "3", "-o", str(out)]) == 2


def test_a_geopackage_of_tiles_written_by_gdal_opens_as_imagery(tmp_path, geotiff):
    import rasterio.shutil

    from parksgis.app.workspace import load_workspace as load

    rgb = np.zeros((3, 300, 400), dtype=np.uint8)
    rgb[1] = 200
    tif = geotiff(tmp_path / "green.tif", "EPSG:4546", 600000, 2405000, 2.0, rgb)
    gpkg = tmp_path / "tiles.gpkg"
    rasterio.shutil.copy(tif, gpkg, driver="GPKG", RASTER_TABLE="ortho")
    workspace, _ = load(gpkg)
    assert [l.name.lower() for l in workspace.imagery] == ["ortho"]
    rgba = workspace.imagery[0].reader.read((600100, 2404500, 600700, 2404900), 60, 40, "EPSG:4546")
    assert tuple(rgba[20, 30]) == (0, 200, 0, 255)
