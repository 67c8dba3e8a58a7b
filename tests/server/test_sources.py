"""A database works wherever a SRC does: render, atlas and pack build read the server's layers
and register (with its edits) exactly as they read a layers folder."""

from __future__ import annotations

from parksgis.store.register import RegisterStore


def test_render_from_the_server_equals_render_from_the_folder(qapp, loaded_url, sample_layers, tmp_path, cli):
    common = ["--park", "port", "--size", "1280x800", "--generated", "2026-12-03"]
    assert cli("render", sample_layers, "-o", tmp_path / "folder.png", *common)[0] == 0
    code, _, err = cli("render", loaded_url, "-o", tmp_path / "server.png", *common)
    assert code == 0, err
    assert (tmp_path / "server.png").read_bytes() == (tmp_path / "folder.png").read_bytes()
    # as of a past day: the server's history answers
    for src, name in ((sample_layers, "f"), (loaded_url, "s")):
        assert cli("render", src, "-o", tmp_path / f"{name}-asof.png", "--as-of", "2014-03-01", *common)[0] == 0
    assert (tmp_path / "s-asof.png").read_bytes() == (tmp_path / "f-asof.png").read_bytes()


def test_atlas_from_the_server(qapp, loaded_url, tmp_path, cli):
    code, _, err = cli("atlas", loaded_url, "-o", tmp_path / "atlas.pdf")
    assert code == 0, err
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "atlas.pdf").pages) == 4  # overview + three parks


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
