"""Imagery under the plots: ground points land on their vector pixels, date choice, look controls."""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Transformer
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from parksgis.io.raster import open_raster
from parksgis.model import Layer, LayerKind, Workspace
from parksgis.model.imagery import ImageryLayer
from parksgis.render.imagery import scale_denominator
from parksgis.render.map_renderer import MapRenderer

LON, LAT = 111.95, 21.75          # a ground point in Yangjiang
MARKER_M = 4.0                    # side of the red square painted on the photo at that point
PX_AT_2000 = 2000 * 0.0254 / 96   # metres per screen pixel at 1:2,000 on a 96 dpi screen
RED = (220, 20, 30)


def photo_with_marker(path, geotiff, epsg: int, res: float = 0.1, size: int = 600, tags=None):
    """A grey orthophoto in ``epsg`` with a red MARKER_M square centred on the ground point; the
    point sits off the photo's centre and off its pixel grid so nothing lines up by accident."""
    x, y = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True).transform(LON, LAT)
    west, north = x - 0.39 * size * res - 0.037, y + 0.53 * size * res + 0.011
    rgb = np.full((3, size, size), 150, dtype=np.uint8)
    cols = west + (np.arange(size) + 0.5) * res
    rows = north - (np.arange(size) + 0.5) * res
    inside = (np.abs(rows - y)[:, None] <= MARKER_M / 2) & (np.abs(cols - x)[None, :] <= MARKER_M / 2)
    for band, value in enumerate(RED):
        rgb[band][inside] = value
    return geotiff(path, f"EPSG:{epsg}", west, north, res, rgb, tags=tags)


def marker_feature() -> gpd.GeoDataFrame:
    """The same MARKER_M square as a vector feature, built in the display CRS (EPSG:4546)."""
    to_gk = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True)
    to_wgs = Transformer.from_crs("EPSG:4546", "EPSG:4326", always_xy=True)
    x, y = to_gk.transform(LON, LAT)
    square = shapely.box(x - MARKER_M / 2, y - MARKER_M / 2, x + MARKER_M / 2, y + MARKER_M / 2)
    square = shapely.transform(square, lambda xy: np.column_stack(to_wgs.transform(xy[:, 0], xy[:, 1])))
    return gpd.GeoDataFrame({"name": ["marker"]}, geometry=[square], crs="EPSG:4326")


def view_at_2000(width: int = 320, height: int = 240) -> QRectF:
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True).transform(LON, LAT)
    cx, cy = x + 7.77 * PX_AT_2000 + 0.13, y - 5.3 * PX_AT_2000 + 0.29  # not centred on the point
    return QRectF(cx - width / 2 * PX_AT_2000, cy - height / 2 * PX_AT_2000, width * PX_AT_2000,
                  height * PX_AT_2000)


def render(workspace, view, width=320, height=240, background="#ffffff") -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    renderer = MapRenderer(workspace)
    renderer.paint(painter, view, QRectF(0, 0, width, height), labels=False)
    painter.end()
    renderer.close()
    return image


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)[..., :3].copy()


def centroid(mask: np.ndarray) -> np.ndarray:
    assert mask.sum() > 20, "the marker is not in the picture"
    rows, cols = np.nonzero(mask)
    return np.array([cols.mean(), rows.mean()])


@pytest.mark.parametrize("epsg", [4546, 32649])
def test_ground_point_lands_on_the_pixel_of_its_vector_feature(qapp, tmp_path, geotiff, epsg):
    photo = ImageryLayer("photo", open_raster(photo_with_marker(tmp_path / f"ortho_{epsg}.tif", geotiff, epsg)))
    view = view_at_2000()
    assert scale_denominator(view.width() / 320) == pytest.approx(2000)

    from_photo = pixels(render(Workspace(imagery=[photo]), view))
    r, g, b = (from_photo[..., k].astype(int) for k in range(3))
    red = (r > g + 60) & (r > b + 60)  # edge pixels of the averaged overviews count too
    vector = Layer("marker", marker_feature(), LayerKind.OTHER)
    vector.style = "single"
    from_vector = pixels(render(Workspace(shared_layers=[vector]), view))
    drawn = (from_vector != 255).any(axis=2)

    offset = centroid(red) - centroid(drawn)
    assert np.abs(offset).max() <= 1.0, f"photo is {offset} px off its vector feature in EPSG:{epsg}"
    assert abs(int(red.sum()) - int(drawn.sum())) <= 0.35 * drawn.sum()  # same size on screen too


def test_imagery_is_drawn_under_the_plots(qapp, tmp_path, geotiff):
    photo = ImageryLayer("photo", open_raster(photo_with_marker(tmp_path / "o.tif", geotiff, 4546, res=0.5)))
    vector = Layer("marker", marker_feature(), LayerKind.PLOTS)
    vector.style = "single"
    image = pixels(render(Workspace(shared_layers=[vector], imagery=[photo]), view_at_2000()))
    grey = (np.abs(image.astype(int) - 150) <= 2).all(axis=2)
    red = (image[..., 0] > 180) & (image[..., 1] < 80) & (image[..., 2] < 80)
    assert grey.mean() > 0.8       # the photo fills the view
    assert red.sum() < 10          # the plot covers the red marker: the photo is underneath


def test_latest_imagery_on_or_before_the_day_is_on_top(qapp, tmp_path, geotiff):
    def flat(name, value, day):
        rgb = np.full((3, 200, 200), value, dtype=np.uint8)
        x, y = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True).transform(LON, LAT)
        return ImageryLayer(name, open_raster(geotiff(tmp_path / f"{name}.tif", "EPSG:4546", x - 100, y + 100, 1.0, rgb)),
                            capture_date=day)

    march, july = flat("march", 60, date(2014, 3, 1)), flat("july", 200, date(2014, 7, 1))
    workspace = Workspace(imagery=[july, march])
    view = view_at_2000()

    def centre_value(day):
        workspace._as_of = day
        return int(pixels(render(workspace, view))[120, 160, 0])

    assert centre_value(None) == 200              # today: the latest flight
    assert centre_value(date(2014, 5, 1)) == 60   # May: March's flight, July's not yet flown
    assert centre_value(date(2014, 7, 1)) == 200  # on the day itself
    assert centre_value(date(2014, 1, 1)) == 255  # before any flight: no imagery


def test_opacity_brightness_contrast_and_zoom_range(qapp, tmp_path, geotiff):
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:4546", always_xy=True).transform(LON, LAT)
    rgb = np.full((3, 200, 200), 100, dtype=np.uint8)
    layer = ImageryLayer("p", open_raster(geotiff(tmp_path / "p.tif", "EPSG:4546", x - 100, y + 100, 1.0, rgb)))
    workspace = Workspace(imagery=[layer])
    view = view_at_2000()

    def centre():
        return int(pixels(render(workspace, view))[120, 160, 0])

    assert centre() == 100
    layer.opacity = 0.5
    assert abs(centre() - (100 + 255) / 2) <= 2
    layer.opacity = 1.0
    layer.brightness = 0.2
    assert abs(centre() - 151) <= 1
    layer.brightness, layer.contrast = 0.0, 2.0
    assert abs(centre() - 72) <= 1  # (100 - 127.5) * 2 + 127.5
    layer.contrast = 1.0
    layer.zoom_range = (5000, None)  # only from 1:5,000 outwards: hidden at 1:2,000
    assert centre() == 255
    layer.zoom_range = (None, 5000)
    assert centre() == 100
    with pytest.raises(ValueError, match="zoom range 1:5000..1:1000 is empty"):
        layer.zoom_range = (5000, 1000)
    with pytest.raises(ValueError, match="brightness must be between"):
        layer.brightness = 2
