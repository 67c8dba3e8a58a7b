"""``parksgis render`` of a pack reads only what the page shows, and draws it exactly as before;
``parksgis atlas`` reads each of its pages so, one page at a time."""

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


# -- atlas ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("as_of", [None, "2014-03-01"])
def test_an_atlas_of_a_pack_draws_each_page_as_a_whole_read_does(qapp, pack, monkeypatch, as_of, atlas_pages):
    """Park pages at full detail: pixel-identical; the overview from the bands: a few edge pixels."""
    from datetime import date

    day = date.fromisoformat(as_of) if as_of else None
    viewed = atlas_pages(pack, 100, day)
    monkeypatch.setattr(pack_view, "is_parksgis_pack", lambda src: False)  # read everything
    whole = atlas_pages(pack, 100, day)
    assert len(viewed) == len(whole) == 1 + 3
    assert all(_same_pixels(a, b) for a, b in zip(viewed[1:], whole[1:]))
    overview, whole_overview = viewed[0], whole[0]
    w, h = overview.width(), overview.height()
    differ = sum(overview.pixel(x, y) != whole_overview.pixel(x, y) for x in range(0, w, 2) for y in range(0, h, 2))
    assert differ < 0.02 * (w // 2) * (h // 2)


def test_an_atlas_of_a_big_pack_holds_one_page_of_status_cells_at_a_time(qapp, celled_pack, atlas_pages):
    """Plots too many to draw (a million) come as status cells on every page, never every plot
    whole; each page's features are gone before the next page's are read (``atlas_pages``)."""
    from parksgis.pack import lod, open_pack

    many = {layer.key for layer in open_pack(celled_pack)[0].layers
            if layer.key.endswith("/plots") and len(layer.frame) > lod.VIEW_FEATURES}
    assert many
    held = []
    atlas_pages(celled_pack, 100, held=held)
    assert len(held) == 1 + 3
    assert all(held[0][key][0] for key in many)  # the overview draws them all
    for plots in held:  # a park page: its own, and others' near it
        drawn = [plots[key] for key in many if plots[key][0]]
        assert all(features is not None and rows < features for rows, features in drawn), plots


@pytest.mark.parametrize("as_of", [[], ["--as-of", "2014-03-01"]])
def test_the_atlas_pdf_of_a_pack_has_the_pages_and_text_of_a_whole_read(qapp, pack, tmp_path, monkeypatch, as_of):
    def pages(name):
        out = tmp_path / name
        assert main(["atlas", str(pack), "-o", str(out), "--generated", "2014-07-24", *as_of]) == 0
        reader = pypdf.PdfReader(out)
        return reader.metadata.title, [page.extract_text() for page in reader.pages]

    viewed = pages("view.pdf")
    monkeypatch.setattr(pack_view, "is_parksgis_pack", lambda src: False)
    assert viewed == pages("whole.pdf")
    title, texts = viewed
    assert len(texts) == 1 + 3 and "万象工业园" in texts[2]
    if as_of:
        assert all("状态截至 2014-03-01" in text.replace("\t", " ") for text in texts)


def test_an_atlas_of_a_pack_names_a_glyph_a_park_page_drew_as_boxes(qapp, tmp_path, capsys):
    import shutil

    from parksgis.app.packs import build_pack_from
    from tests.conftest import LAYERS

    folder = tmp_path / "layers"
    shutil.copytree(LAYERS, folder, ignore=shutil.ignore_patterns("register.sqlite", "*.gpkg"))
    for path in folder.glob("*/utilities.geojson"):  # 给水加压泵站 is labelled on the port's page
        path.write_text(path.read_text(encoding="utf-8").replace("加压泵站", "加𠮷泵站"), encoding="utf-8")
    build_pack_from(folder, tmp_path / "parks.gpkg")
    out = tmp_path / "atlas.pdf"
    assert main(["atlas", str(tmp_path / "parks.gpkg"), "-o", str(out)]) == 0
    assert len(pypdf.PdfReader(out).pages) == 1 + 3
    assert "no glyph for 𠮷 (U+20BB7); drawn as boxes" in capsys.readouterr().err
