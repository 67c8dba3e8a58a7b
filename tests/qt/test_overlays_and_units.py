"""Scale bar lengths, unit formatting, and the overlays drawn over the map."""

import pytest
from PySide6 import QtCore

from parksgis.qt.map_overlays import nice_length
from parksgis.qt.measure import format_area, format_length, path_length, polygon_area

Qt = QtCore.Qt


@pytest.mark.parametrize("limit, expected", [(1234, 1000), (2500, 2000), (740, 500), (9.9, 5), (0.3, 0.2)])
def test_scale_bar_takes_the_largest_1_2_5_length(limit, expected):
    assert nice_length(limit) == pytest.approx(expected)


def test_units(qapp):
    from parksgis.qt.i18n import install_language

    assert format_length(950.04) == "950.0 m"
    assert format_length(3120) == "3.120 km"
    assert format_area(666.67 * 15) == "10,000 m² · 15.00 mu · 1.000 ha"  # English UI
    install_language("zh_CN")
    try:
        assert format_area(666.67 * 15) == "10,000 m² · 15.00 亩 · 1.000 公顷"
    finally:
        install_language("en")
    assert path_length([(0, 0), (3, 4), (3, 10)]) == 11
    assert polygon_area([(0, 0), (10, 0), (10, 10), (0, 10)]) == 100


def test_scale_bar_and_north_arrow_are_drawn(qtbot, window, maps):
    image = maps.grab_canvas(window)
    w, h = image.width(), image.height()
    # dark ink in the bottom-left corner (bar and its label) and the top-right corner (arrow)
    assert maps.count_colour(image.copy(0, h - 45, 200, 45), "#222222", tolerance=40) > 100
    assert maps.count_colour(image.copy(w - 50, 0, 50, 60), "#222222", tolerance=40) > 100


def test_double_click_in_the_table_zooms_to_the_feature(qtbot, window, maps):
    window.canvas.zoom_all()
    table = window.table.table
    cell = table.visualRect(window.table.proxy.index(1, 1)).center()  # 疏港大道(南)
    # a real double click: the first click, then the second that Qt reports as a double click
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    view = window.canvas.view_rect()
    x, y = window.geometry_.display_xy(111.930, 21.71)
    assert view.contains(QtCore.QPointF(x, y)) and view.height() < 6000


def test_zoom_to_selection_shortcut(qtbot, window, maps):
    window.selection.set([("wanxiang/roads", 0)])
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    x, y = window.geometry_.display_xy(112.035, 21.86)
    assert window.canvas.view_rect().contains(QtCore.QPointF(x, y))
