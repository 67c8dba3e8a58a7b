"""``parksgis render`` of a pack reads only what the page shows, and draws it exactly as before."""

from __future__ import annotations


import pypdf
import pytest
from PySide6.QtGui import QImage

from parksgis.cli import main
from parksgis.commands import pack_view
from parksgis.commands.pack_view import open_pack_view


@pytest.fixture
def pack(lod_pack):
    return lod_pack


def _render(src, out, *args):
    assert main(["render", str(src), "-o", str(out), "--generated", "2014-07-24", *args]) == 0
    return QImage(str(out))


def _same_pixels(a: QImage, b: QImage) -> bool:
    return a.size() == b.size() and a.constBits().tobytes() == b.constBits().tobytes()


@pytest.mark.parametrize("where, size", [
    (["--park", "port"], "2400x1600"), (["--bbox", "111.83,21.72,111.86,21.74"], "2400x1600"),
    # a box smaller than a park: the key figures still count whole parks (road km, projects
    # drawn nowhere), and the map's left edge shows more than a 0.15 margin read
    (["--bbox", "111.835,21.725,111.84,21.73"], "1920x1080")])
def test_a_zoomed_in_page_from_the_view_is_pixel_identical_to_a_whole_read(qapp, pack, tmp_path,
                                                                          monkeypatch, where, size):
    size = ["--size", size, "--dpi", "96"]  # < 4 m per pixel: full detail
    viewed = _render(pack, tmp_path / "view.png", *where, *size)
    monkeypatch.setattr(pack_view, "is_parksgis_pack", lambda src: False)  # read everything
    whole = _render(pack, tmp_path / "whole.png", *where, *size)
    assert _same_pixels(viewed, whole)


def test_a_park_page_reads_that_park_only(qapp, pack):
    workspace = open_pack_view(pack, park="port", bbox=None, page_px=(2400, 1600))
    counts = {layer.key: len(layer.frame) for layer in workspace.layers}
    everything = open_pack_view(pack, park=None, bbox=None, page_px=(2400, 1600))
    total = {layer.key: len(layer.frame) for layer in everything.layers}
    # the park whole, the other parks only within the margin read around the page
    assert counts["port/plots"] == total["port/plots"]
    assert counts["wanxiang/plots"] < total["wanxiang/plots"]


def test_the_overview_draws_from_the_bands(qapp, pack, tmp_path, monkeypatch):
    """All parks on a small page: coarse bands, the same statuses drawn, a legend as before."""
    viewed = _render(pack, tmp_path / "view.png", "--size", "800x600", "--dpi", "96")
    monkeypatch.setattr(pack_view, "is_parksgis_pack", lambda src: False)
    whole = _render(pack, tmp_path / "whole.png", "--size", "800x600", "--dpi", "96")
    assert viewed.size() == whole.size()
    differ = sum(viewed.pixel(x, y) != whole.pixel(x, y) for x in range(0, 800, 2) for y in range(0, 600, 2))
    assert differ < 0.02 * 400 * 300  # generalised by at most half a pixel: a few edge pixels


@pytest.fixture
def celled_pack(tmp_path, monkeypatch):
    """The sample parks as a pack whose plots get status cells of several plots each (forced)."""
    import shutil

    from parksgis.app.packs import build_pack_from
    from parksgis.pack import cell_features, lod
    from tests.conftest import LAYERS

    folder = tmp_path / "pack-source"
    shutil.copytree(LAYERS, folder, ignore=shutil.ignore_patterns("register.sqlite", "*.gpkg"))
    monkeypatch.setattr(lod, "MIN_FEATURES", 5)
    monkeypatch.setattr(lod, "DENSITY_MIN_FEATURES", 5)
    monkeypatch.setattr(cell_features, "CELLS", 4)
    build_pack_from(folder, tmp_path / "parks.gpkg")
    monkeypatch.setattr(lod, "VIEW_FEATURES", 5)  # every park's plots are "too many" to draw
    return tmp_path / "parks.gpkg"


def test_a_page_drawn_from_status_cells_counts_the_projects_of_every_plot(qapp, celled_pack, tmp_path,
                                                                         monkeypatch):
    """Each cell stands for several plots: the legend and the "not on the map" figure count
    their projects, as a page drawn from every plot does (not the cells' representatives)."""
    workspace = open_pack_view(celled_pack, park=None, bbox=None, page_px=(1600, 1000))
    plots = [layer for layer in workspace.layers if layer.cell_features is not None]
    assert plots and all(len(layer.frame) < layer.cell_features.features for layer in plots)

    def page_text(name):
        out = tmp_path / name
        assert main(["render", str(celled_pack), "-o", str(out), "--size", "1600x1000",
                     "--generated", "2014-07-24"]) == 0
        text = pypdf.PdfReader(out).pages[0].extract_text()
        return text[text.index("图例"):]

    from_cells = page_text("cells.pdf")
    monkeypatch.setattr(pack_view, "is_parksgis_pack", lambda src: False)  # read every plot
    assert from_cells == page_text("whole.pdf")
