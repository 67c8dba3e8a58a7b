"""``parksgis render`` and ``parksgis atlas`` on the sample parks: real files, real register."""

import os
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from parksgis.cli import main
from parksgis.store.projects_csv import read_projects_csv
from parksgis.store.register import RegisterStore

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def layers_copy(tmp_path, sample_layers):
    """The sample parks with a register whose history has a dated change: PORT-FILL-1 completed on 2014-12-01."""
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite", "*.gpkg",
                                                                         "history.csv"))
    projects = read_projects_csv(folder / "projects.csv")
    store = RegisterStore.create(folder / "register.sqlite", projects, baseline="2014-07-24")
    store.update("PORT-FILL-1", {"status": "completed", "progress_pct": 100}, author="test",
                 changed_at="2014-12-01")
    store.close()
    return folder


def run_cli(*argv, capsys=None):
    code = main([str(a) for a in argv])
    return code


def test_render_park_png_and_pdf(qapp, layers_copy, tmp_path, capsys):
    png, pdf = tmp_path / "port.png", tmp_path / "port.pdf"
    assert run_cli("render", layers_copy, "--park", "port", "-o", png, "--size", "800x600", "--dpi", "96") == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run_cli("render", layers_copy, "--park", "port", "-o", pdf, "--paper", "A4") == 0
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4 portrait, in points
    text = reader.pages[0].extract_text().replace("\t", "").replace(" ", "")
    assert "港口片区建设进展" in text and "EPSG:4546" in text


def test_render_as_of_uses_the_register_history(qapp, layers_copy, tmp_path):
    from parksgis.app.workspace import load_workspace
    from parksgis.render import export
    from parksgis.render.map_renderer import MapRenderer

    pdf_before, pdf_after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    assert run_cli("render", layers_copy, "--park", "port", "--as-of", "2014-08-01", "-o", pdf_before) == 0
    assert run_cli("render", layers_copy, "--park", "port", "--as-of", "2014-12-31", "-o", pdf_after) == 0
    before = pypdf.PdfReader(pdf_before).pages[0].extract_text()
    after = pypdf.PdfReader(pdf_after).pages[0].extract_text()
    assert "状态截至 2014-12-31" in after.replace("\t", " ")
    assert "建成" not in before and "建成" in after  # legend and KPIs gain the completed status
    # and the completed plot is painted in the completed colour
    ws, _ = load_workspace(layers_copy)
    renderer = MapRenderer(ws)
    with RegisterStore.open(layers_copy / "register.sqlite", readonly=True) as store:
        renderer.set_status_of(store.as_of("2014-12-31"))
    page = export.park_page(renderer, "port", export.PageOptions(as_of="2014-12-31"))
    image = export.render_image(page, renderer, export.page_size_pt("A4", True), dpi=100)
    plots = ws.layer("port/plots")
    row = list(plots.frame["project_id"]).index("PORT-FILL-1")
    minx, miny, maxx, maxy = renderer.geometry(plots).geoms[row].bounds
    from PySide6.QtCore import QPointF
    from parksgis.render.map_renderer import view_transform
    p = view_transform(page.map_views[0], page.map_rects[0]).map(QPointF((minx + maxx) / 2, miny + (maxy - miny) * 0.2))
    assert image.pixelColor(int(p.x()), int(p.y())).name() == ws.scheme.color("completed").lower()


def test_render_compare_marks_changes(qapp, layers_copy, tmp_path):
    out = tmp_path / "compare.pdf"
    assert run_cli("render", layers_copy, "--park", "port", "--compare", "2014-08-01", "2014-12-31", "-o", out) == 0
    text = pypdf.PdfReader(out).pages[0].extract_text().replace("\t", " ")
    assert "状态截至 2014-08-01" in text and "状态截至 2014-12-31" in text
    assert "1号填土地块" in text or "填土" in text
    assert "在建 → 建成" in text


def test_same_input_gives_identical_png_bytes(qapp, sample_layers, tmp_path):
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    for out in (a, b):
        assert run_cli("render", sample_layers, "-o", out, "--size", "900x600", "--dpi", "96",
                       "--generated", "2014-08-01") == 0
    assert a.read_bytes() == b.read_bytes()


def test_atlas_has_overview_plus_one_page_per_park(qapp, sample_layers, tmp_path):
    out = tmp_path / "briefing.pdf"
    assert run_cli("atlas", sample_layers, "-o", out, "--dpi", "150") == 0
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 1 + 3
    assert "万象工业园" in reader.pages[2].extract_text()


@pytest.mark.parametrize("argv, code, message", [
    (["render", "no/such/folder", "-o", "x.png"], 2, r"no/such/folder: no such layers folder"),
    (["render", "{layers}", "-o", "x.png", "--bbox", "111.8,21.7,111.7"], 2, r"--bbox: '111.8,21.7,111.7' is not W,S,E,N"),
    (["render", "{layers}", "-o", "x.png", "--bbox", "112,21.8,111,21.7"], 2, r"--bbox: .* needs -180 <= W < E"),
    (["render", "{layers}", "-o", "x.png", "--park", "harbour"], 2, r"--park: unknown park 'harbour'"),
    (["render", "{layers}", "-o", "x.jpg"], 2, r"-o x.jpg: the file must end in .png, .pdf, .svg"),
    (["render", "{layers}", "-o", "x.png", "--as-of", "2014-13-01"], 2, r"--as-of: '2014-13-01' is not a date"),
    (["render", "{layers}", "-o", "x.png", "--as-of", "2014-08-01"], 2, r"--as-of/--compare need the status history"),
    (["atlas", "{layers}", "-o", "x.png"], 2, r"the file must end in .pdf"),
    (["render", "{layers}", "-o", "x.png", "--size", "499x375"], 2,
     r"^parksgis render: --size 499x375: a page of 499x375 px at 150 dpi is too small for a briefing: at least "
     r"500x375 px at this dpi \(a lower dpi sets its text smaller\)$"),
    (["atlas", "{layers}", "-o", "x.pdf", "--size", "800x600"], 2,  # 300 dpi for a PDF
     r"--size 800x600: a page of 800x600 px at 300 dpi is too small for a briefing: at least 1000x750 px"),
])
def test_bad_input_is_one_line_and_exit_code(qapp, sample_layers, tmp_path, monkeypatch, capsys, argv, code, message):
    import re
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "layers"
    shutil.copytree(sample_layers, src, ignore=shutil.ignore_patterns("register.sqlite", "*.gpkg",
                                                                      "history.csv"))
    argv = [a.replace("{layers}", str(src)) for a in argv]
    assert main(argv) == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and re.search(message, err), err
    assert not list(tmp_path.glob("x.*"))


def test_render_headless_in_a_fresh_process(sample_layers, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    out = tmp_path / "p.svg"
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "parksgis", "render", str(sample_layers),
                             "--park", "wanxiang", "-o", str(out), "--lang", "en"],
                            env=env, capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert "Wanxiang" in out.read_text(encoding="utf-8")
    # the data libraries come before Qt: PySide6 reads the source of every module imported after
    # it (~0.15 s of a render at 100k plots when pandas, geopandas and pyproj came later)
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    first = {name: imported.index(name) for name in ("pandas", "geopandas", "pyproj", "PySide6")}
    assert max(first["pandas"], first["geopandas"], first["pyproj"]) < first["PySide6"], first


def test_missing_glyph_is_named_in_a_warning(qapp, layers_copy, tmp_path, capsys):
    out = tmp_path / "t.png"
    assert run_cli("render", layers_copy, "--park", "port", "--title", "港口𠮷园", "-o", out, "--size", "600x400") == 0
    err = capsys.readouterr().err
    assert "no glyph for 𠮷 (U+20BB7)" in err


def test_a_map_label_drawn_as_boxes_is_named_in_a_warning(qapp, layers_copy, tmp_path, capsys):
    # the check reads the labels the paint placed: a feature's name with a character the font
    # lacks, labelled on the page, is named; the page is written all the same
    for path in layers_copy.glob("*/utilities.geojson"):  # 给水加压泵站 is labelled on the port's page
        path.write_text(path.read_text(encoding="utf-8").replace("加压泵站", "加𠮷泵站"), encoding="utf-8")
    out = tmp_path / "t.png"
    assert run_cli("render", layers_copy, "--park", "port", "-o", out, "--size", "1024x768") == 0
    assert out.stat().st_size > 0
    assert "no glyph for 𠮷 (U+20BB7); drawn as boxes" in capsys.readouterr().err


def test_as_of_from_the_recorded_history_without_writing_a_register(qapp, sample_layers, tmp_path):
    if not (sample_layers / "history.csv").exists():
        pytest.skip("sample layers without history.csv")
    src = tmp_path / "layers"
    shutil.copytree(sample_layers, src, ignore=shutil.ignore_patterns("register.sqlite"))
    out = tmp_path / "changes.pdf"
    assert run_cli("render", src, "--park", "port", "--compare", "2014-01-01", "2014-07-24", "-o", out) == 0
    text = pypdf.PdfReader(out).pages[0].extract_text().replace("\t", " ")
    assert "→ 在建" in text  # projects started in the first half of 2014
    assert not (src / "register.sqlite").exists()  # read-only: the folder is left as it was


def test_a_feature_the_page_leaves_out_is_named_in_one_line(qapp, layers_copy, tmp_path, capsys):
    plots = layers_copy / "port" / "plots.geojson"
    data = json.loads(plots.read_text(encoding="utf-8"))
    data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[[111.9, 21.7], [111.91, 21.7]]]}
    plots.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "t.png"
    assert run_cli("render", layers_copy, "--park", "port", "-o", out, "--size", "800x600") == 0
    assert out.stat().st_size > 0  # the rest is drawn
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if "plots.geojson" in line] == [
        f"parksgis: warning: {plots}: feature 0: error invalid-coordinates: a polygon ring needs at least "
        "4 positions (3 distinct); one has 2; feature dropped"]
