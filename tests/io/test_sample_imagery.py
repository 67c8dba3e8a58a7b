"""The bundled synthetic orthophotos: small, labelled illustrative, dated, and reproducible."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import rasterio

from parksgis.app.workspace import load_workspace

REPO = Path(__file__).resolve().parents[2]
IMAGERY = REPO / "layers" / "imagery"


def test_sample_imagery_is_small_dated_and_labelled_illustrative():
    files = sorted(IMAGERY.glob("*.tif"))
    assert [f.name for f in files] == ["port_2014-03-15.tif", "port_2014-07-10.tif", "wanxiang_2014-07-10.tif"]
    assert sum(f.stat().st_size for f in IMAGERY.iterdir()) < 700 * 1024
    for f in files:
        sidecar = json.loads((IMAGERY / (f.name + ".json")).read_text(encoding="utf-8"))
        assert sidecar["illustrative"] is True and "示意" in sidecar["title_zh"] and "非真实航拍" in sidecar["source"]
        with rasterio.open(f) as ds:
            assert ds.crs.to_epsg() == 4546 and ds.overviews(1) == [2, 4, 8] and ds.is_tiled
            assert "not a photo" in ds.tags()["TIFFTAG_IMAGEDESCRIPTION"]
    workspace, reports = load_workspace(REPO / "layers")
    assert [(l.name, l.capture_date) for l in workspace.imagery] == [
        ("port_2014-03-15", date(2014, 3, 15)), ("port_2014-07-10", date(2014, 7, 10)),
        ("wanxiang_2014-07-10", date(2014, 7, 10))]


@pytest.mark.slow
def test_the_imagery_generator_reproduces_the_committed_files(tmp_path):
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "make_sample_imagery.py"), "--out", str(tmp_path)],
                         capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    for f in IMAGERY.iterdir():
        assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name
