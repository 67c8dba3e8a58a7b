"""The map window driven as a user would: clicks on the map, the layer tree and the table; keys."""

import math

from pyproj import Geod
from PySide6 import QtCore, QtWidgets

from parksgis.render.highlight import HIGHLIGHT_COLOR


Qt = QtCore.Qt
SEWAGE_PLANT = (111.960, 21.720)  # as in conftest.make_workspace
ROAD_START, ROAD_END = (111.930, 21.700), (111.960, 21.700)
COMPLETED = "#009E73"  # 1号地块's status colour


def click_map(qtbot, win, lon, lat, modifier=Qt.KeyboardModifier.NoModifier):
    pos = win.canvas.view_to_widget(*win.geometry_.display_xy(lon, lat))
    qtbot.mouseMove(win.canvas.viewport(), pos)
    qtbot.mouseClick(win.canvas.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def test_click_on_sewage_plant_identifies_its_project(qtbot, window, maps):
    click_map(qtbot, window, *SEWAGE_PLANT)
    assert window.selection.items == [("port/utilities", 0)]
    assert "临港污水处理厂" in window.identify.project_name.text()
    assert window.identify.project_id.text() == "PORT-UTIL-01"
    assert window.identify.status_badge.text().strip() == "立项"
    assert window.identify.progress.value() == 10
    assert window.identify.owner.text() == "高新区管委会"


def test_feature_without_project_says_so(qtbot, window, maps):
    click_map(qtbot, window, 111.951, 21.708)  # 2号地块 has no project_id
    assert window.selection.items == [("port/plots", 1)]
    assert window.identify.no_project.isVisibleTo(window.identify)
    assert not window.identify.card.isVisibleTo(window.identify)
    assert window.identify.no_project.text() == "该要素未关联项目。"


def test_shift_click_adds_to_selection(qtbot, window, maps):
    click_map(qtbot, window, *SEWAGE_PLANT)
    click_map(qtbot, window, 111.940, 21.708, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.items == [("port/utilities", 0), ("port/plots", 0)]
    click_map(qtbot, window, 111.940, 21.708)
    assert window.selection.items == [("port/plots", 0)]


def test_unticking_a_layer_removes_its_colour(qtbot, window, maps):
    assert maps.count_colour(maps.grab_canvas(window), COMPLETED) > 500
    tree = window.layer_tree
    plots = window.layer_model.index_of(window.workspace.layer("port/plots"))
    option = QtWidgets.QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = tree.visualRect(plots)
    option.features |= QtWidgets.QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = tree.style().subElementRect(QtWidgets.QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert window.workspace.layer("port/plots").visible is False
    assert maps.count_colour(maps.grab_canvas(window), COMPLETED) == 0


def test_table_filter_and_selection_highlight_the_road(qtbot, window, maps):
    table = window.table
    assert table.layer.key == "port/roads"
    maps.ime_commit(table.filter_edit, "进港")
    assert table.proxy.rowCount() == 1
    cell = table.table.visualRect(table.proxy.index(0, 1)).center()
    qtbot.mouseClick(table.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.selection.items == [("port/roads", 0)]
    mid = ((ROAD_START[0] + ROAD_END[0]) / 2, ROAD_START[1])
    pos = maps.screen_pos(window, *mid)
    image = maps.grab_canvas(window)
    patch = image.copy(pos.x() - 6, pos.y() - 6, 13, 13)
    assert maps.count_colour(patch, HIGHLIGHT_COLOR, tolerance=30) > 5


def test_english_filter_and_status_filter(qtbot, window, maps):
    table = window.table
    qtbot.keyClicks(table.filter_edit, "link road")
    assert table.filter_edit.text() == "link road"
    assert table.proxy.rowCount() == 1
    table.filter_edit.clear()
    table.status_combo.setCurrentIndex(table.status_combo.findData("under_construction"))
    assert table.proxy.rowCount() == 1
    assert table.proxy.index(0, 1).data() == "进港大道"


def test_map_selection_selects_table_row(qtbot, window, maps):
    click_map(qtbot, window, ROAD_START[0] + 0.01, ROAD_START[1])
    rows = window.table.table.selectionModel().selectedRows()
    assert [window.table.proxy.mapToSource(r).row() for r in rows] == [0]


def test_measure_a_segment_of_known_length(qtbot, window, maps):
    geod = Geod(ellps="GRS80")  # CGCS2000's ellipsoid is GRS80 to 0.1 mm
    truth = geod.inv(*ROAD_START, *ROAD_END)[2]
    window.canvas.zoom_to_rect(QtCore.QRectF(*window.geometry_.display_xy(ROAD_START[0] - 0.002, ROAD_START[1] - 0.01),
                                             truth * 1.05, 2000), margin=0)
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert window.canvas.tool == "measure_distance"
    click_map(qtbot, window, *ROAD_START)
    click_map(qtbot, window, *ROAD_END)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    text = window.measure_label.text()
    assert text.endswith("km")
    measured = float(text.split()[0].replace(",", "")) * 1000
    assert math.isclose(measured, truth, rel_tol=0.005), (measured, truth)


def test_keys_and_wheel_zoom(qtbot, window, maps):
    before = window.canvas.view_rect().width()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Plus)
    assert math.isclose(window.canvas.view_rect().width(), before / 2, rel_tol=0.02)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Minus)
    assert math.isclose(window.canvas.view_rect().width(), before, rel_tol=0.02)


def test_search_zooms_to_a_project(qtbot, window, maps):
    window.canvas.zoom_all()
    maps.ime_commit(window.search, "污水")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.selection.items == [("port/utilities", 0)]
    x, y = window.geometry_.display_xy(*SEWAGE_PLANT)
    assert window.canvas.view_rect().contains(QtCore.QPointF(x, y))
    assert window.canvas.view_rect().width() < 2000


def test_legend_click_hides_a_status(qtbot, window, maps):
    assert maps.count_colour(maps.grab_canvas(window), COMPLETED) > 500
    item = window.legend.item_for("completed")
    assert item.text().endswith("(1)")
    qtbot.mouseClick(window.legend.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.legend.visualItemRect(item).center())
    assert maps.count_colour(maps.grab_canvas(window), COMPLETED) == 0
    item = window.legend.item_for("completed")
    qtbot.mouseClick(window.legend.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.legend.visualItemRect(item).center())
    assert maps.count_colour(maps.grab_canvas(window), COMPLETED) > 500


def test_panels_squeezed_by_a_saved_layout_come_back_usable_and_others_as_left(qtbot, qapp):
    from parksgis.qt.main_window import MIN_SIDE_DOCK_PX, MainWindow

    def shown():
        win = MainWindow(language="en")
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        qtbot.wait(10)  # the first-show layout (default or mended) is applied from the event loop
        return win

    first = shown()
    assert first.docks["layers"].width() >= 250  # the default layout
    first.resizeDocks([first.docks["layers"], first.docks["identify"]], [40, 230], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: first.docks["layers"].width() < MIN_SIDE_DOCK_PX)
    kept = first.docks["identify"].width()
    first.close()  # the layout is saved

    again = shown()
    docks = again.docks
    qtbot.waitUntil(lambda: docks["layers"].width() >= 250)
    assert docks["legend"].width() >= 250  # it shares the left column
    assert abs(docks["identify"].width() - kept) <= 2  # a usable panel stays as the user left it
