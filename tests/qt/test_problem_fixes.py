"""Issue 13 point 5: the Problems panel speaks the window user's language and fixes what it can.

Files are added to the window as a dropped file is; the fix buttons and menus are clicked; the
dialogs they open are answered the way a user answers them.
"""

from __future__ import annotations

import json
import re
import shutil

from PySide6 import QtCore, QtWidgets

from parksgis.qt.problems_panel import FILE, FIX, MESSAGE

Qt = QtCore.Qt
CJK = re.compile(r"[\u4e00-\u9fff]")


def row_of(panel, file_name, code):
    for i, problem in enumerate(panel.problems):
        if problem.code == code and problem.file.endswith(file_name):
            return panel.topLevelItem(i)
    return None


def test_5_projected_no_crs_translated_and_fixed_with_the_crs_picker(
        qtbot, window, maps, data_dir, tmp_path, finished):
    path = tmp_path / "fill_plots.geojson"
    shutil.copy(data_dir / "projected_no_crs.geojson", path)
    finished(window.add_files([path]))
    panel = window.problems
    item = row_of(panel, path.name, "projected-no-crs")
    assert item is not None and item.text(0) == "错误" and item.text(3) == "projected-no-crs"
    message = item.text(MESSAGE)
    assert CJK.search(message) and "EPSG:4546" in message and "--crs" not in message
    assert item.toolTip(FILE) == str(path)  # the full path on hover
    button = panel.itemWidget(item, FIX)
    assert button.text() == "选择坐标系…"
    seen = {}

    def pick(dialog):
        seen["first"] = dialog.combo.itemData(0)
        dialog.accept()

    maps.when_dialog_opens(pick)
    with qtbot.waitSignal(window.problem_fixes.fixed, timeout=30_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen["first"] == "EPSG:4546"  # CGCS2000 / 3-degree GK CM 111E suggested first
    layer = window.workspace.layer("fill_plots")
    lon, lat = layer.frame.geometry.iloc[0].centroid.coords[0]
    assert 111.9 < lon < 112.1 and 21.6 < lat < 21.8  # near the port, not at 596 214°
    assert row_of(panel, path.name, "projected-no-crs") is None


def test_5_gbk_file_resaved_as_utf8(
        qtbot, window, maps, data_dir, tmp_path, finished):
    path = tmp_path / "gbk_names.geojson"
    shutil.copy(data_dir / "gbk_names.geojson", path)
    names_before = None
    finished(window.add_files([path]))
    names_before = window.workspace.layer("gbk_names").frame["name_zh"].tolist()
    item = row_of(window.problems, path.name, "gbk-encoding")
    assert item.text(0) == "警告" and CJK.search(item.text(MESSAGE))
    button = window.problems.itemWidget(item, FIX)
    assert button.text() == "另存为 UTF-8"
    maps.when_dialog_opens(lambda box: box.button(QtWidgets.QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(window.problem_fixes.fixed, timeout=30_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    data = json.loads(path.read_bytes().decode("utf-8"))  # valid UTF-8 now
    assert [f["properties"]["name_zh"] for f in data["features"]] == names_before
    assert row_of(window.problems, path.name, "gbk-encoding") is None
    assert window.workspace.layer("gbk_names").frame["name_zh"].tolist() == names_before


def test_5_web_map_layer_read_again_as_gcj02_from_the_layer_menu(
        qtbot, window, maps, data_dir, tmp_path, finished):
    path = tmp_path / "gcj02_points.geojson"
    shutil.copy(data_dir / "gcj02_points.geojson", path)
    finished(window.add_files([path]))
    before = window.workspace.layer("gcj02_points").frame.geometry.iloc[0]
    tree = window.layer_tree
    index = tree.model().index_of(window.workspace.layer("gcj02_points"))
    menu = tree.context_menu(index)
    action = next(a for a in menu.actions() if "GCJ-02" in a.text())

    def choose(dialog):
        dialog.setTextValue(dialog.comboBoxItems()[0])
        dialog.accept()

    maps.when_dialog_opens(choose)
    with qtbot.waitSignal(window.problem_fixes.fixed, timeout=30_000):
        action.trigger()
    after = window.workspace.layer("gcj02_points").frame.geometry.iloc[0]
    shift_m = before.distance(after) * 111_000
    assert 300 < shift_m < 900  # GCJ-02 is ~600 m off around Yangjiang; now removed
    assert len([lay for lay in window.workspace.layers if lay.source == path]) == 1  # replaced, not doubled
