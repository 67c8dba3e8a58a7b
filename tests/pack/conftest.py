"""A tiny two-park workspace and packs built from it, made fresh in tmp_path for each test."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from parksgis.model.layer import Layer, LayerKind
from parksgis.model.project import Project
from parksgis.model.workspace import Park, Workspace

REPO = Path(__file__).resolve().parents[2]


def _square(x: float, y: float, size: float = 0.002):
    return shapely.box(x, y, x + size, y + size)


def make_workspace() -> Workspace:
    plots = gpd.GeoDataFrame(
        {"project_id": ["P-1", "P-2", None], "name_zh": ["一号地块", "二号地块", "绿地"]},
        geometry=[_square(111.90, 21.75), _square(111.91, 21.75), _square(111.92, 21.75)],
        crs=4326)
    roads = gpd.GeoDataFrame(
        {"project_id": ["R-1", "R-1"], "name_zh": ["进港大道", "进港大道"], "lanes": [4, 6]},
        geometry=[shapely.LineString([(111.90, 21.74), (111.93, 21.74)]),
                  shapely.LineString([(111.93, 21.74), (111.95, 21.76)])], crs=4326)
    wanxiang = gpd.GeoDataFrame(
        {"project_id": ["W-1"], "name_zh": ["五金刀剪产品展示中心"]},
        geometry=[_square(112.00, 21.90)], crs=4326)
    coast = gpd.GeoDataFrame({"name": ["海岸线"]},
                             geometry=[shapely.LineString([(111.8, 21.7), (112.1, 21.8)])], crs=4326)
    port = Park("port", "港口片区", "Port area", [
        Layer("plots", plots, LayerKind.PLOTS, "port", title_zh="地块"),
        Layer("roads", roads, LayerKind.ROADS, "port", title_zh="道路")])
    wan = Park("wanxiang", "万象工业园", "Wanxiang", [
        Layer("plots", wanxiang, LayerKind.PLOTS, "wanxiang", title_zh="地块")])
    projects = {
        "P-1": Project("P-1", "port", "一号地块平整", "Plot 1 fill", "plot", "under_construction", 40.0,
                       1200.0, date(2014, 3, 1)),
        "P-2": Project("P-2", "port", "二号地块平整", "Plot 2 fill", "plot", "planned"),
        "R-1": Project("R-1", "port", "进港大道改造", "Port road upgrade", "road", "under_construction",
                       30.0, 4500.0),
        "W-1": Project("W-1", "wanxiang", "五金刀剪产品展示中心", "Cutlery expo centre", "building",
                       "approved"),
    }
    basemap = Layer("coastline", coast, LayerKind.BASEMAP, None, title_zh="海岸线")
    return Workspace([port, wan], [basemap], projects, kpis={"roads_km": 22.2},
                     meta={"source": "tests/pack", "data_note": "示意数据 illustrative"})


@pytest.fixture
def workspace() -> Workspace:
    return make_workspace()


@pytest.fixture
def pack(tmp_path) -> Path:
    from parksgis.pack import build_pack

    out = tmp_path / "field.gpkg"
    build_pack(make_workspace(), out, title="港口片区 field pack")
    return out


@pytest.fixture(params=["folder", "pack"])
def hq(request, tmp_path, workspace):
    """Headquarters: a layers folder's register.sqlite, or a pack (both hold a RegisterStore)."""
    if request.param == "folder":
        folder = tmp_path / "hq"
        folder.mkdir()
        from parksgis.store.register import RegisterStore

        RegisterStore.create(folder / "register.sqlite", workspace.projects).close()
        return folder, folder / "register.sqlite"
    from parksgis.pack import build_pack

    path = tmp_path / "hq.gpkg"
    build_pack(workspace, path)
    return path, path


def _run_cli(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m parksgis ARGS`` in a fresh interpreter, as a user would run it."""
    import os

    full_env = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.run([sys.executable, "-m", "parksgis", *args], capture_output=True, text=True,
                          env=full_env, timeout=timeout, cwd=REPO, encoding="utf-8")


def _gpkg_connect(path) -> "sqlite3.Connection":
    """A plain sqlite3 connection that can also run the GeoPackage R-tree triggers (as a tamperer
    with any SQLite tool could): the ST_* functions GDAL would provide, good enough for updates."""
    import sqlite3

    conn = sqlite3.connect(path)
    for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        conn.create_function(name, 1, lambda geom: 0)
    return conn


def _rewrite_manifest(path, **entries) -> None:
    """Change manifest entries and re-seal it, as a newer or older parksgis would have written it."""
    from parksgis.pack import format as fmt

    conn = _gpkg_connect(path)
    manifest = fmt.read_manifest(conn)
    for key, value in entries.items():
        if value is None:
            manifest.pop(key, None)
        else:
            manifest[key] = str(value)
    fmt.write_manifest(conn, manifest)
    conn.commit()
    conn.close()


# Helpers as fixtures: with --import-mode=importlib a test cannot import conftest.
@pytest.fixture
def run_cli():
    return _run_cli


@pytest.fixture
def gpkg_connect():
    return _gpkg_connect


@pytest.fixture
def rewrite_manifest():
    return _rewrite_manifest


VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _validator_errors(path: Path) -> list[str]:
    """GDAL's GeoPackage validator's complaints, less those that are only its age (MEASURED.md).

    Debian's copy (GDAL 3.6) predates GeoPackage 1.4, whose R-tree triggers are named
    ``..._update6/7`` instead of ``update1/3``, which GDAL itself writes now.
    """
    done = subprocess.run([str(SYSTEM_PYTHON), str(VALIDATOR), "-k", str(path)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return [line for line in lines
            if not (line.startswith("Req 75: rtree_") and line.endswith(
                ("_update1 trigger missing", "_update3 trigger missing")))]


@pytest.fixture
def validator_errors():
    """``validator_errors(pack)``; skips where GDAL's validate_gpkg.py (python3-gdal) is absent."""
    if not (VALIDATOR.is_file() and SYSTEM_PYTHON.is_file()):
        pytest.skip("GDAL's validate_gpkg.py (Debian python3-gdal) is not installed")
    return _validator_errors
