"""Packs opened in QGIS show the status colours (issue 14, point 20).

QGIS itself (the system's python3-qgis, run offscreen in a subprocess by ``qgis_probe.py``) opens
the pack's status view, finds its default style in ``layer_styles``, reads the project stored in
``qgis_projects`` and renders it; the PNG's pixels must show the scheme's colours. A ``status
set`` on a renamed copy, a merge into headquarters' pack, an undo and an import show in QGIS at once. CI
does not install QGIS: there the QGIS half skips and the GDAL validator half still runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from parksgis.model.status import DEFAULT_SCHEME
from parksgis.pack import build_pack, verify_pack
from parksgis.pack.qgis_project import project_file_name
from parksgis.store import sqlite

PROBE = Path(__file__).with_name("qgis_probe.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")
QGIS = Path("/usr/lib/python3/dist-packages/qgis/core")
needs_qgis = pytest.mark.skipif(not (QGIS.is_dir() and SYSTEM_PYTHON.is_file()),
                                reason="python3-qgis is not installed (CI does not install QGIS)")
PLOTS = "port__plots__status"


def qgis_sees(pack: Path, png: Path) -> dict:
    done = subprocess.run([str(SYSTEM_PYTHON), str(PROBE), str(pack), str(png), PLOTS],
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          cwd=png.parent)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def colour_share(png: Path, hex_color: str) -> float:
    """Share of the image's pixels within a small distance of ``hex_color``."""
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGBA8888)
    assert not image.isNull(), f"{png} is not a readable PNG"
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.width(), 4)[..., :3].astype(np.int16)
    target = np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)
    return float((np.abs(pixels - target).sum(axis=2) <= 12).mean())


def status_colour(code: str) -> str:
    return DEFAULT_SCHEME[code].color


@needs_qgis
def test_qgis_shows_status_colours_and_the_stored_project_and_follows_edits(workspace, tmp_path,
                                                                           run_cli):
    def cli(*args):
        return run_cli(*map(str, args))

    hq = tmp_path / "hq.gpkg"
    build_pack(workspace, hq, title="港口片区 现场包")
    seen = qgis_sees(hq, tmp_path / "hq.png")
    assert seen["valid"] and seen["renderer"] == "categorizedSymbol"
    assert seen["attribute"] == "parksgis_status"
    expected = [[s.code, s.label_zh, s.color.lower()] for s in DEFAULT_SCHEME]
    assert seen["categories"] == expected + [["", "无项目", "#d9d9d9"]]
    assert seen["categories_en"] == [[s.code, s.label_en, s.color.lower()] for s in DEFAULT_SCHEME] + [
        ["", "No project", "#d9d9d9"]]
    assert seen["styles"] == ["parksgis 项目状态", "parksgis project status (English)"]
    assert seen["status"] == {"一号地块": "under_construction", "二号地块": "planned", "绿地": None}
    # the stored project: the window's layer tree (parks in order, top layer first, then basemap)
    assert seen["project_read"] is True and seen["project_crs"] == "EPSG:4546"
    assert seen["groups"] == [["港口片区", ["道路", "地块"]], ["万象工业园", ["地块"]],
                              ["底图及其他图层", ["海岸线"]]]
    assert all(seen["project_layers_valid"]) and len(seen["project_layers_valid"]) == 4
    assert seen["project_renderers"]["地块"] == "categorizedSymbol"
    png = tmp_path / "hq.png"
    assert colour_share(png, status_colour("under_construction")) > 0.005  # P-1
    assert colour_share(png, status_colour("planned")) > 0.005             # P-2
    assert colour_share(png, "#d9d9d9") > 0.005                            # the green space: no project
    assert colour_share(png, status_colour("completed")) == 0

    # an office edits its copy (renamed, as README step 2 invites) from the command line
    office = tmp_path / "office 1.gpkg"
    shutil.copy(hq, office)
    done = cli("status", "set", office, "P-1", "status=completed", "--author", "现场 李工")
    assert done.returncode == 0, done.stderr
    assert project_file_name(sqlite.connect(office, readonly=True, create=False)) == "office 1.gpkg"
    seen = qgis_sees(office, tmp_path / "office.png")
    assert all(seen["project_layers_valid"])  # the copy's project names the copy
    assert seen["status"]["一号地块"] == "completed"
    assert colour_share(tmp_path / "office.png", status_colour("completed")) > 0.005
    assert colour_share(tmp_path / "office.png", status_colour("under_construction")) == 0

    # headquarters merges the office's changes: QGIS on HQ's pack follows
    assert cli("pack", "export-changes", office, "-o", tmp_path / "c.json").returncode == 0
    done = cli("pack", "merge", hq, tmp_path / "c.json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert qgis_sees(hq, tmp_path / "merged.png")["status"]["一号地块"] == "completed"
    assert colour_share(tmp_path / "merged.png", status_colour("completed")) > 0.005
    # an undo takes it back in QGIS too, and a spreadsheet import shows
    assert cli("status", "undo", hq).returncode == 0
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("project_id,status\nP-2,暂缓\n", encoding="utf-8")
    assert cli("status", "import", sheet, "--into", hq).returncode == 0
    seen = qgis_sees(hq, tmp_path / "imported.png")
    assert seen["status"] == {"一号地块": "under_construction", "二号地块": "suspended", "绿地": None}
    assert colour_share(tmp_path / "imported.png", status_colour("suspended")) > 0.005
    assert colour_share(tmp_path / "imported.png", status_colour("planned")) == 0
    for pack in (hq, office):
        assert verify_pack(pack).ok, verify_pack(pack).problems


def test_status_views_and_styles_validate_and_tampering_with_them_shows(workspace, tmp_path, run_cli,
                                                                       validator_errors):
    pack = tmp_path / "field.gpkg"
    build_pack(workspace, pack)
    assert validator_errors(pack) == []
    copy = tmp_path / "copy.gpkg"
    shutil.copy(pack, copy)
    assert run_cli("status", "set", str(copy), "P-2", "status=approved").returncode == 0
    assert validator_errors(copy) == []  # the re-sealed project too
    conn = sqlite.connect(pack, create=False)
    with conn:
        conn.execute("UPDATE layer_styles SET styleQML = replace(styleQML, '230,159,0', '1,2,3')")
    conn.close()
    assert "table layer_styles: content changed since the build (hash mismatch)" in \
        verify_pack(pack).problems


def test_the_status_view_follows_the_register_and_reads_a_features_own_status_column(workspace,
                                                                                    tmp_path):
    """Without QGIS: the view holds what the app colours by, read live from the register."""
    import geopandas as gpd
    import shapely

    from parksgis.model.layer import Layer, LayerKind
    from parksgis.pack import open_pack

    survey = gpd.GeoDataFrame(  # outside data: no project link, a status column of its own
        {"状态": ["在建", "已竣工", "不明", None], "project_id": [None, " ", None, "P-2"]},
        geometry=[shapely.box(111.93 + i / 100, 21.75, 111.935 + i / 100, 21.755) for i in range(4)],
        crs=4326)
    workspace.park("port").layers.append(Layer("survey", survey, LayerKind.OTHER, "port"))
    pack = tmp_path / "field.gpkg"
    build_pack(workspace, pack)

    def statuses(view):
        conn = sqlite.connect(pack, readonly=True, create=False)
        try:
            return [tuple(row) for row in conn.execute(
                f"SELECT parksgis_status, parksgis_status_zh, parksgis_status_en FROM {view} "
                "ORDER BY fid")]
        finally:
            conn.close()

    assert statuses("port__survey__status") == [
        ("under_construction", "在建", "Under construction"), ("completed", "建成", "Completed"),
        (None, None, None), ("planned", "规划", "Planned")]  # the last one follows its project
    _ws, handle = open_pack(pack)
    handle.update("P-2", {"status": "suspended"}, author="李工")
    handle.close()
    assert statuses("port__survey__status")[3][0] == "suspended"
    assert statuses("port__plots__status")[1] == ("suspended", "暂缓", "Suspended")
    assert verify_pack(pack).ok
