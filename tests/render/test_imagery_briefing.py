"""Briefings draw the imagery under the plots at the page's resolution and name it in the data note."""

from __future__ import annotations

import shutil
from datetime import date

import numpy as np
import pypdf
import pytest
from pyproj import Transformer
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from parksgis.cli import main
from parksgis.store.projects_csv import read_projects_csv
from parksgis.app.workspace import load_workspace
from parksgis.render import export
from parksgis.render.map_renderer import MapRenderer, view_transform
from parksgis.store.register import RegisterStore


@pytest.fixture
def layers_copy(tmp_path, sample_layers):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite", "*.gpkg", "history.csv"))
    store = RegisterStore.create(folder / "register.sqlite", read_projects_csv(folder / "projects.csv"),
                                 baseline="2014-07-24")
    store.close()
    return folder


def page_pixel(page, image: QImage, x: float, y: float) -> tuple[int, int, int]:
    """The colour at display-CRS point (x, y) on the page's (only) map."""
    point = view_transform(page.map_views[0], page.map_rects[0]).map(QPointF(x, y))
    c = image.pixelColor(int(point.x()), int(point.y()))
    return c.red(), c.green(), c.blue()


def test_briefing_png_shows_image_pixels_under_the_plots(qapp, layers_copy, tmp_path):
    workspace, _ = load_workspace(layers_copy)
    renderer = MapRenderer(workspace)
    page = export.park_page(renderer, "port", export.PageOptions(lang="zh", generated=date(2014, 8, 1)))
    png = export.write_pages([page], renderer, tmp_path / "port.png", (842, 595), dpi=96)
    image = QImage(str(png))
    to_gk = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True)
    plots = workspace.layer("port/plots").frame
    inside = to_gk.transform(*plots.geometry.iloc[0].representative_point().coords[0])
    boundary = workspace.layer("port/boundary").frame.to_crs("EPSG:4546").total_bounds
    outside = (boundary[0] - 150, (boundary[1] + boundary[3]) / 2)  # beside the park, on the photo

    r, g, b = page_pixel(page, image, *outside)
    assert g > b + 15 and g > r, f"no photo (fields) beside the park: {(r, g, b)}"
    without = shutil.move(layers_copy / "imagery", tmp_path / "away")
    plain_ws, _ = load_workspace(layers_copy)
    plain_renderer = MapRenderer(plain_ws)
    plain_page = export.park_page(plain_renderer, "port", export.PageOptions(lang="zh", generated=date(2014, 8, 1)))
    plain = QImage(str(export.write_pages([plain_page], plain_renderer, tmp_path / "plain.png", (842, 595), dpi=96)))
    assert page_pixel(plain_page, plain, *outside) != (r, g, b)
    # the plot is drawn over the photo: its colour there is the same with or without imagery
    with_photo, no_photo = page_pixel(page, image, *inside), page_pixel(plain_page, plain, *inside)
    assert max(abs(a - b) for a, b in zip(with_photo, no_photo)) <= 40, (with_photo, no_photo)
    assert without.exists()


def test_data_note_names_the_imagery_of_the_as_of_day(qapp, layers_copy, tmp_path):
    pdf = tmp_path / "may.pdf"
    assert main(["render", str(layers_copy), "--park", "port", "--as-of", "2014-05-01", "-o", str(pdf)]) == 0
    text = "".join(pypdf.PdfReader(pdf).pages[0].extract_text().split())
    assert "影像:港口片区示意影像·摄于2014-03-15·来源:parksgis合成示意影像" in text
    assert "2014-07-10" not in text  # July's flight had not happened by 1 May
