"""The layer tree: a model over the workspace; reorder, opacity, style and zoom from its menu."""

from PySide6 import QtCore, QtWidgets

Qt = QtCore.Qt


def layer_index(window, key):
    return window.layer_model.index_of(window.workspace.layer(key))


def test_tree_lists_parks_then_basemap_top_layer_first(window):
    model = window.layer_model
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == ["港口片区", "万象工业园", "底图及其他图层"]
    port = model.index(0, 0)
    assert [model.index(i, 0, port).data() for i in range(model.rowCount(port))] == ["市政设施", "道路", "地块", "边界"]
    assert model.index(0, 0, port).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_drag_reorders_within_a_park_and_the_map_follows(qtbot, window):
    model = window.layer_model
    port = model.index(0, 0)
    plots = layer_index(window, "port/plots")
    data = model.mimeData([plots])  # what the view hands over when a row is dragged
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, port)  # dropped on top
    assert model.index(0, 0, port).data() == "地块"
    assert [layer.name for layer in window.workspace.park("port").layers][-1] == "plots"
    # a layer cannot be dragged into another park
    assert not model.dropMimeData(model.mimeData([layer_index(window, "port/roads")]),
                                  Qt.DropAction.MoveAction, 0, 0, model.index(1, 0))


def test_unticking_a_park_hides_all_its_layers(qtbot, window):
    model = window.layer_model
    port = model.index(0, 0)
    window.layer_tree.setCurrentIndex(port)
    window.layer_tree.setFocus()
    qtbot.keyClick(window.layer_tree, Qt.Key.Key_Space)  # space toggles the current row's box
    assert not any(layer.visible for layer in window.workspace.park("port").layers)
    assert port.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_context_menu_opacity_style_zoom_and_table(qtbot, window):
    tree = window.layer_tree
    plots = window.workspace.layer("port/plots")
    menu = tree.context_menu(layer_index(window, "port/plots"))
    qtbot.addWidget(menu)
    slider = menu.findChild(QtWidgets.QSlider, "opacity_slider")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)  # one page step: 100 % → 90 %
    assert plots.opacity == 0.9
    assert layer_index(window, "port/plots").data() == "地块 (90%)"
    actions = {a.text(): a for a in menu.actions()}
    style_menu = actions["样式"].menu()
    next(a for a in style_menu.actions() if a.text() == "按类别").trigger()
    assert plots.style == "category"
    window.canvas.zoom_all()
    actions["缩放至"].trigger()
    bounds = window.geometry_.bounds(plots)
    assert window.canvas.view_rect().contains(bounds)
    assert window.canvas.view_rect().width() < bounds.width() * 3
    actions["打开属性表"].trigger()
    assert window.table.layer is plots


def test_zoom_to_park_from_the_view_menu(qtbot, window):
    actions = window.actions_
    window.canvas.zoom_all()
    actions.parks_menu.aboutToShow.emit()  # the menu lists the parks when it opens
    wanxiang = next(a for a in actions.parks_menu.actions() if a.text() == "万象工业园")
    wanxiang.trigger()
    x, y = window.geometry_.display_xy(112.035, 21.86)
    assert window.canvas.view_rect().contains(QtCore.QPointF(x, y))
    assert window.canvas.view_rect().width() < 6000


def test_search_by_english_name_and_by_id(qtbot, window):
    qtbot.keyClicks(window.search, "port link")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.selection.items == [("port/roads", 1)]
    window.search.clear()
    qtbot.keyClicks(window.search, "PORT-ROAD-01")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.selection.items == [("port/roads", 0)]
    window.search.clear()
    qtbot.keyClicks(window.search, "zzz-nothing")
    assert window.search.text() == "zzz-nothing" and window.canvas.tool == "pan"  # Z is not the tool here
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert "zzz-nothing" in window.statusBar().currentMessage()
