"""Imagery in a layers folder: the imagery/ subfolder, capture dates from config, sidecar, metadata
or name, and bad rasters reported while the rest loads."""

from __future__ import annotations

import json
import shutil
from datetime import date

import numpy as np
import pytest

from parksgis.app.workspace import WorkspaceError, load_workspace


def tiny(geotiff, path, tags=None, crs="EPSG:4546"):
    return geotiff(path, crs, 640000, 2410000, 10.0, np.full((3, 16, 16), 100, np.uint8), tags=tags)


@pytest.fixture
def folder(tmp_path, sample_layers):
    dst = tmp_path / "layers"
    shutil.copytree(sample_layers, dst, ignore=shutil.ignore_patterns("imagery"))
    (dst / "imagery").mkdir()
    return dst


def test_capture_dates_come_from_config_sidecar_metadata_or_name(folder, geotiff):
    imagery = folder / "imagery"
    tiny(geotiff, imagery / "from_config.tif")
    tiny(geotiff, imagery / "from_sidecar.tif")
    (imagery / "from_sidecar.tif.json").write_text(json.dumps(
        {"capture_date": "2014-05-02", "title_zh": "五月航拍", "source": "无人机 (示意)"}), encoding="utf-8")
    tiny(geotiff, imagery / "from_tags.tif", tags={"TIFFTAG_DATETIME": "2014:06:03 10:00:00"})
    tiny(geotiff, imagery / "port_2014-07-04.tif")
    tiny(geotiff, imagery / "undated.tif")
    manifest = json.loads((folder / "parks.json").read_text(encoding="utf-8"))
    manifest["imagery"] = [{"file": "imagery/from_config.tif", "capture_date": "2014-03-01"}]
    (folder / "parks.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    workspace, reports = load_workspace(folder)
    dates = {layer.name: layer.capture_date for layer in workspace.imagery}
    assert dates == {"from_config": date(2014, 3, 1), "from_sidecar": date(2014, 5, 2),
                     "from_tags": date(2014, 6, 3), "port_2014-07-04": date(2014, 7, 4), "undated": None}
    assert [l.name for l in workspace.imagery][0] == "undated"  # undated at the bottom, then by date
    sidecar = next(l for l in workspace.imagery if l.name == "from_sidecar")
    assert (sidecar.title_zh, sidecar.attribution) == ("五月航拍", "无人机 (示意)")
    assert "imagery" not in [p.park_id for p in workspace.parks]  # never mistaken for a park


def test_bad_rasters_are_reported_and_the_rest_loads(folder, geotiff):
    imagery = folder / "imagery"
    tiny(geotiff, imagery / "good.tif")
    tiny(geotiff, imagery / "no_crs.tif", crs=None)
    (imagery / "broken.tif").write_bytes(b"not a tiff at all")
    tiny(geotiff, imagery / "bad_date.tif")
    (imagery / "bad_date.tif.json").write_text('{"capture_date": "March"}', encoding="utf-8")

    workspace, reports = load_workspace(folder)
    assert sorted(l.name for l in workspace.imagery) == ["bad_date", "good"]
    lines = [line for r in reports for line in r.lines() if "imagery" in line]
    assert any(line.endswith("no_crs.tif: error unknown-crs: has a geotransform but names no CRS; add the "
                             "CRS (gdal_edit.py -a_srs EPSG:4546 or the one it was flown in)") for line in lines)
    assert any("broken.tif: error unreadable: cannot be read as a raster" in line for line in lines)
    assert any("bad_date.tif: warning bad-capture-date: capture_date 'March' is not a date" in line
               for line in lines)
    assert len(workspace.parks) == 3  # the parks still load


def test_one_raster_opens_on_its_own_and_a_bad_one_says_why(tmp_path, geotiff):
    workspace, reports = load_workspace(tiny(geotiff, tmp_path / "ortho.tif"))
    assert [l.name for l in workspace.imagery] == ["ortho"] and reports[0].crs == "EPSG:4546"
    with pytest.raises(WorkspaceError, match="no_crs.tif: has a geotransform but names no CRS"):
        load_workspace(tiny(geotiff, tmp_path / "no_crs.tif", crs=None))
