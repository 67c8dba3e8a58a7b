"""A database works wherever a SRC does: render, atlas and pack build read the server's layers
and register (with its edits) exactly as they read a layers folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parksgis.store.register import RegisterStore


def test_render_from_the_server_equals_render_from_the_folder(qapp, loaded_url, sample_layers, tmp_path, cli):
    import shutil

    # imagery (rasters) is not carried to the server yet: compare with the folder without it
    shutil.copytree(sample_layers, tmp_path / "layers", ignore=shutil.ignore_patterns("imagery", "register.sqlite*"))
    sample_layers = tmp_path / "layers"
    common = ["--park", "port", "--size", "1280x800", "--generated", "2026-12-03"]
    assert cli("render", sample_layers, "-o", tmp_path / "folder.png", *common)[0] == 0
    code, _, err = cli("render", loaded_url, "-o", tmp_path / "server.png", *common)
    assert code == 0, err
    assert (tmp_path / "server.png").read_bytes() == (tmp_path / "folder.png").read_bytes()
    # as of a past day: the server's history answers
    for src, name in ((sample_layers, "f"), (loaded_url, "s")):
        assert cli("render", src, "-o", tmp_path / f"{name}-asof.png", "--as-of", "2014-03-01", *common)[0] == 0
    assert (tmp_path / "s-asof.png").read_bytes() == (tmp_path / "f-asof.png").read_bytes()


def test_a_box_of_the_server_reads_only_that_box_and_draws_as_the_folder_does(qapp, loaded_url, sample_layers,
                                                                              tmp_path, cli):
    import shutil

    from parksgis.commands.pack_view import open_database_view

    shutil.copytree(sample_layers, tmp_path / "layers", ignore=shutil.ignore_patterns("imagery", "register.sqlite*"))
    # the second box is smaller than a park: its page's key figures still sum whole parks' road
    # kilometres (they said "nan" when roads beyond the box had no geometry)
    for box in ("111.83,21.72,111.86,21.74", "111.835,21.725,111.84,21.73"):
        common = ["--bbox", box, "--size", "1280x800", "--generated", "2026-12-03"]
        assert cli("render", tmp_path / "layers", "-o", tmp_path / "folder.png", *common)[0] == 0
        code, _, err = cli("render", loaded_url, "-o", tmp_path / "server.png", *common)
        assert code == 0, err
        assert (tmp_path / "server.png").read_bytes() == (tmp_path / "folder.png").read_bytes(), box

    def counts(**where):  # features with a geometry: every row is read, geometries in the box only
        workspace = open_database_view(loaded_url, page_px=(1280, 800), **where)[0]
        return {layer.key: int((~layer.frame.geometry.isna()).sum()) for layer in workspace.layers}

    everything = counts(park=None, bbox=None)
    assert everything["port/plots"] > 0 and everything["wanxiang/plots"] > 0
    port = counts(park="port", bbox=None)  # that park whole, the others only near it
    assert port["port/plots"] == everything["port/plots"] and port["wanxiang/plots"] == 0
    boxed = counts(park=None, bbox=(111.835, 21.725, 111.84, 21.73))
    assert 0 < boxed["port/plots"] < everything["port/plots"]
    assert boxed["port/roads"] == everything["port/roads"]  # the page sums their lengths


def test_atlas_from_the_server_has_the_pages_of_the_folders(qapp, loaded_url, sample_layers, tmp_path, cli):
    """Each page read from the server as ``render`` reads it (its park, through the GiST indexes),
    one page at a time: the same pages and text as the atlas of the folder."""
    import shutil

    from pypdf import PdfReader

    shutil.copytree(sample_layers, tmp_path / "layers", ignore=shutil.ignore_patterns("imagery", "register.sqlite*"))
    texts = {}
    for src, name in ((tmp_path / "layers", "folder"), (loaded_url, "server")):
        code, _, err = cli("atlas", src, "-o", tmp_path / f"{name}.pdf", "--generated", "2026-12-03",
                           "--as-of", "2014-03-01")
        assert code == 0, err
        texts[name] = [page.extract_text() for page in PdfReader(tmp_path / f"{name}.pdf").pages]
    assert len(texts["server"]) == 4  # overview + three parks
    assert texts["server"] == texts["folder"]


def test_pack_built_from_the_server_carries_its_edits_and_history(loaded_url, tmp_path, cli):
    assert cli("status", "set", loaded_url, "PORT-RD-JINGANG", "status=completed", "--author", "HQ desk")[0] == 0
    code, out, err = cli("pack", "build", loaded_url, "-o", tmp_path / "port.gpkg", "--park", "port")
    assert code == 0, err
    assert cli("pack", "verify", tmp_path / "port.gpkg")[0] == 0
    with RegisterStore.open(tmp_path / "port.gpkg", readonly=True) as pack:
        assert pack.project("PORT-RD-JINGANG").status == "completed"
        assert {p.park for p in pack.projects().values()} == {"port"}
        rows = pack.history("PORT-RD-JINGANG")
        assert rows[-1].author == "HQ desk" and rows[-1].new == "completed"
        assert any(r.source == "history.csv" for r in rows)  # the server's older history came along
    code, out, _ = cli("pack", "info", tmp_path / "port.gpkg")
    assert "from postgresql://postgres@/" in out


def test_status_import_into_the_server_is_all_or_nothing_with_a_dry_run(loaded_url, tmp_path, cli):
    sheet = tmp_path / "周报.csv"
    sheet.write_text("项目编号,状态,进度\nPORT-FILL-3,在建,10\nPORT-FILL-4,不存在的状态,5\n", encoding="utf-8")
    code, out, _ = cli("status", "import", sheet, "--into", loaded_url)
    assert code == 1 and "nothing was imported" in out
    sheet.write_text("项目编号,状态,进度\nPORT-FILL-3,在建,10\nPORT-FILL-4,施工中,5\n", encoding="utf-8")
    code, out, _ = cli("status", "import", sheet, "--into", loaded_url, "--dry-run")
    assert code == 0 and "PORT-FILL-3: status=under_construction, progress_pct=10.0" in out
    assert "(dry run: nothing written)" in out
    code, out, _ = cli("status", "show", loaded_url, "PORT-FILL-3")
    assert "status               approved" in out
    code, out, err = cli("status", "import", sheet, "--into", loaded_url, "--author", "周报")
    assert code == 0, err
    code, out, _ = cli("status", "show", loaded_url, "PORT-FILL-4")
    assert "status               under_construction" in out and "[周报, 周报.csv]" in out


def test_a_page_of_every_park_from_the_server_equals_the_folder_s(qapp, loaded_url, sample_layers, tmp_path, cli):
    # every park: the tables' rows are read ahead, while the libraries are imported
    import shutil

    shutil.copytree(sample_layers, tmp_path / "layers", ignore=shutil.ignore_patterns("imagery", "register.sqlite*"))
    common = ["--size", "1280x800", "--generated", "2026-12-03"]
    assert cli("render", tmp_path / "layers", "-o", tmp_path / "folder.png", *common)[0] == 0
    code, _, err = cli("render", loaded_url, "-o", tmp_path / "server.png", *common)
    assert code == 0, err
    assert (tmp_path / "server.png").read_bytes() == (tmp_path / "folder.png").read_bytes()


def test_rows_read_ahead_serve_only_the_same_table_and_columns_once(loaded_url):
    from parksgis.server import connection, layers

    ahead = layers.RowsAhead(loaded_url)
    with connection.connect(loaded_url) as conn:
        item = next(i for i in layers.catalogue(conn) if i["table"].endswith("plots"))
        count = layers.feature_count(conn, item["table"])
    other_columns = item["columns"] + [["added_later", "text", "object"]]
    assert ahead.cells(item["table"], other_columns) is None  # the catalogue changed: read again
    cells = ahead.cells(item["table"], item["columns"])
    assert len(cells) == len(item["columns"]) + 2 and len(cells[0]) == count > 0
    assert ahead.cells(item["table"], item["columns"]) is None  # handed over once


def test_a_server_not_reached_ahead_leaves_the_ordinary_read_to_say_so(tmp_path, cli):
    url = f"postgresql://nobody@/nodb?host={tmp_path}"  # no server on that socket
    from parksgis.server.layers import RowsAhead

    assert RowsAhead(url).cells("port__plots", []) is None
    code, _, err = cli("render", url, "-o", tmp_path / "page.png")
    assert code == 1 and "cannot reach the database server" in err and "Traceback" not in err


@pytest.mark.parametrize("where", [[], ["--park", "port"]], ids=["every park", "one park"])
def test_a_page_from_the_server_is_drawn_without_pandas(loaded_url, sample_layers, tmp_path, cli, where):
    # its layers are held as numpy columns (model.feature_columns): a fresh render process never
    # imports pandas or geopandas (~0.3 s of CPU, of ~1.5 s at 100k plots) and draws the same page
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("imagery", "register.sqlite*"))
    common = [*where, "--size", "1280x800", "--generated", "2026-12-03"]
    assert cli("render", folder, "-o", tmp_path / "folder.png", *common)[0] == 0
    _run_without_pandas("render", loaded_url, "-o", tmp_path / "server.png", *common)
    assert (tmp_path / "server.png").read_bytes() == (tmp_path / "folder.png").read_bytes()


def test_an_atlas_of_the_server_is_drawn_without_pandas(loaded_url, tmp_path):
    pdf = tmp_path / "atlas.pdf"
    _run_without_pandas("atlas", loaded_url, "-o", pdf, "--as-of", "2014-03-01")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes().rstrip().endswith(b"%%EOF")


def _run_without_pandas(*args):
    """``parksgis ARGS`` in a fresh process, which must succeed without importing pandas or
    geopandas (told by ``-X importtime``)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "parksgis", *map(str, args)],
                            env=env, capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "PySide6" in imported and not imported & {"pandas", "geopandas"}, sorted(imported & {"pandas", "geopandas"})
