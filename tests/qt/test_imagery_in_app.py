"""Imagery in the window: dropped and opened, under the vector layers, in the layer tree with its
look controls, and chosen by the as-of date."""

from __future__ import annotations

from datetime import date

import numpy as np
from pyproj import Transformer
from PySide6 import QtWidgets



def drop(window, paths):
    """Drag-enter then drop file URLs on the window, as a file manager does."""
    from PySide6 import QtCore, QtGui

    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    Qt = QtCore.Qt
    enter = QtGui.QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(window, enter)
    drop_event = QtGui.QDropEvent(QtCore.QPointF(centre), Qt.DropAction.CopyAction, mime,
                                  Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(window, drop_event)


def solid_photo(geotiff, path, window, colour, crs="EPSG:32649", tags=None):
    """A flat-colour orthophoto in ``crs`` covering the workspace with 2 km to spare."""
    bounds = np.array([layer.frame.total_bounds for layer in window.workspace.layers])
    lon0, lat0, lon1, lat1 = bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max()
    to = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    x0, y0 = to.transform(lon0, lat0)
    x1, y1 = to.transform(lon1, lat1)
    res = 10.0
    w, h = int((x1 - x0 + 4000) / res), int((y1 - y0 + 4000) / res)
    rgb = np.empty((3, h, w), dtype=np.uint8)
    rgb[:] = np.array(colour, dtype=np.uint8)[:, None, None]
    return geotiff(path, crs, x0 - 2000, y1 + 2000, res, rgb, tags=tags)


def imagery_rows(window):
    model = window.layer_model
    group = model.index(model.rowCount() - 1, 0)
    return group.data(), [model.index(i, 0, group).data() for i in range(model.rowCount(group))]


def test_dropped_photo_lies_under_the_plots_and_a_bad_one_is_listed(qtbot, window, maps, tmp_path, geotiff):
    before = maps.count_colour(maps.grab_canvas(window), "#ff00ff")
    photo = solid_photo(geotiff, tmp_path / "port_2014-07-01.tif", window, (255, 0, 255))
    bad = tmp_path / "scan.tif"
    bad.write_bytes(b"II*\x00 not really a tiff")
    with qtbot.waitSignal(window.files_added, timeout=30_000):
        drop(window, [photo, bad])
    assert [l.name for l in window.workspace.imagery] == ["port_2014-07-01"]
    rows = window.problems.rows()
    assert any(row[0] == "error" and row[1] == "scan.tif" for row in rows), rows
    assert imagery_rows(window) == ("影像", ["port_2014-07-01 · 2014-07-01"])  # last group: drawn lowest
    image = maps.grab_canvas(window)
    magenta = maps.count_colour(image, "#ff00ff")
    assert before == 0 and magenta > 0.5 * image.width() * image.height()
    # the plots are drawn over it: the sewage plant is still identified by a click
    pos = maps.screen_pos(window, *maps.SEWAGE_PLANT)
    assert maps.count_colour(image.copy(pos.x() - 3, pos.y() - 3, 7, 7), "#ff00ff") < 49


def test_tree_controls_opacity_brightness_contrast_and_visibility(qtbot, window, maps, tmp_path, geotiff):
    with qtbot.waitSignal(window.files_added, timeout=30_000):
        drop(window, [solid_photo(geotiff, tmp_path / "grey.tif", window, (100, 100, 100))])
    layer = window.workspace.imagery[0]
    model = window.layer_model
    group = model.index(model.rowCount() - 1, 0)
    row = model.index(0, 0, group)
    menu = window.layer_tree.context_menu(row)
    menu.findChild(QtWidgets.QSlider, "brightness_slider").setValue(20)
    assert layer.brightness == 0.2
    assert maps.count_colour(maps.grab_canvas(window), "#979797", tolerance=2) > 10_000  # 100 + 51
    menu.findChild(QtWidgets.QSlider, "contrast_slider").setValue(200)
    menu.findChild(QtWidgets.QSlider, "opacity_slider").setValue(40)
    assert (layer.contrast, layer.opacity) == (2.0, 0.4)
    assert model.data(row).endswith("(40%)")
    from PySide6.QtCore import Qt

    with_photo = maps.grab_canvas(window)
    model.setData(row, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert layer.visible is False
    without_photo = maps.grab_canvas(window)
    assert without_photo != with_photo
    model.setData(row, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    menu.findChild(QtWidgets.QSpinBox, "min_scale").setValue(1_000_000)  # only when far zoomed out
    assert layer.zoom_range == (1_000_000, None)
    assert maps.grab_canvas(window) == without_photo  # hidden at this scale
    menu.findChild(QtWidgets.QSpinBox, "min_scale").setValue(0)
    assert layer.zoom_range == (None, None) and maps.grab_canvas(window) == with_photo


def test_status_as_of_shows_the_latest_imagery_flown_by_then(qtbot, window, maps, tmp_path, geotiff):
    march = solid_photo(geotiff, tmp_path / "a.tif", window, (255, 0, 255),
                        tags={"TIFFTAG_DATETIME": "2014:03:01 09:00:00"})
    july = solid_photo(geotiff, tmp_path / "b.tif", window, (0, 255, 255), crs="EPSG:4546",
                       tags={"TIFFTAG_DATETIME": "2014:07:01 09:00:00"})
    with qtbot.waitSignal(window.files_added, timeout=30_000):
        drop(window, [july, march])
    assert [l.capture_date for l in window.workspace.imagery] == [date(2014, 7, 1), date(2014, 3, 1)]

    def dominant():
        image = maps.grab_canvas(window)
        return max(("#ff00ff", "#00ffff"), key=lambda c: maps.count_colour(image, c))

    assert dominant() == "#00ffff"
    window.workspace.show_as_of(date(2014, 5, 1), window.workspace.projects)
    assert dominant() == "#ff00ff"
    window.workspace.show_as_of(date(2014, 2, 1), window.workspace.projects)
    assert maps.count_colour(maps.grab_canvas(window), "#ff00ff") == 0


def test_swipe_compares_two_days_imagery_left_and_right(qtbot, window, maps, tmp_path, geotiff):
    march = solid_photo(geotiff, tmp_path / "m.tif", window, (255, 0, 255),
                        tags={"TIFFTAG_DATETIME": "2014:03:01 09:00:00"})
    july = solid_photo(geotiff, tmp_path / "j.tif", window, (0, 255, 255),
                       tags={"TIFFTAG_DATETIME": "2014:07:01 09:00:00"})
    with qtbot.waitSignal(window.files_added, timeout=30_000):
        drop(window, [march, july])
    action = window.findChild(QtWidgets.QWidget, "imagery_swipe_bar").toggleViewAction()
    assert action in window.actions_.view_menu.actions() and action.text() == "对比影像(卷帘)"
    action.trigger()
    bar = window.imagery_swipe
    bar.date_edit.setDate(date(2014, 4, 1))
    bar.slider.setValue(30)
    image = maps.grab_canvas(window)
    w, h = image.width(), image.height()
    left = image.copy(0, 0, int(w * 0.28), h)
    right = image.copy(int(w * 0.32), 0, w - int(w * 0.32), h)
    assert maps.count_colour(left, "#ff00ff") > 0.5 * left.width() * h     # March, left of the line
    assert maps.count_colour(left, "#00ffff") == 0
    assert maps.count_colour(right, "#00ffff") > 0.5 * right.width() * h   # today: July, right of it
    action.trigger()  # off again: July everywhere
    assert maps.count_colour(maps.grab_canvas(window), "#ff00ff") == 0
