"""Issue 13, what a QGIS user reaches for: the map's right-click menu and a scale box taking 1:N."""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets

from parksgis.qt.scale_box import parse_scale

Qt = QtCore.Qt


def right_click_menu(qtbot, window, pos):
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.RightButton, pos=pos)
    menu = window.canvas.context_menu
    qtbot.waitUntil(menu.isVisible)
    return menu, {a.objectName() or a.text().replace("&", ""): a for a in menu.actions() if a.text()}


def action(actions, start):
    return next(a for text, a in actions.items() if text.startswith(start))


def test_right_click_identify_copy_zoom_measure_select(qtbot, window, maps):
    window.set_language("en")
    pos = maps.screen_pos(window, *maps.SEWAGE_PLANT)
    menu, actions = right_click_menu(qtbot, window, pos)
    assert window.selection.items == []  # a right click alone selects nothing
    action(actions, "Identify here").trigger()
    assert window.selection.current == ("port/utilities", 0)
    assert window.identify.project_id.text() == "PORT-UTIL-01"
    menu.close()

    window.selection.clear()
    menu, actions = right_click_menu(qtbot, window, pos)
    action(actions, "Copy coordinates").trigger()
    text = QtWidgets.QApplication.clipboard().text()
    lonlat, gk = text.splitlines()
    lon, lat = (float(v) for v in lonlat.split(" (")[0].split(", "))
    assert math.isclose(lon, maps.SEWAGE_PLANT[0], abs_tol=2e-4) and math.isclose(lat, maps.SEWAGE_PLANT[1], abs_tol=2e-4)
    x, y = (float(v) for v in gk.split(" (")[0].split(", "))
    assert 500_000 < x < 700_000 and 2_300_000 < y < 2_500_000 and "EPSG:4546" in gk
    action(actions, "Select features here").trigger()
    assert ("port/utilities", 0) in window.selection

    width = window.canvas.view_rect().width()
    menu, actions = right_click_menu(qtbot, window, pos)
    action(actions, "Zoom in here").trigger()
    assert window.canvas.view_rect().width() < width * 0.6
    centre = window.canvas.view_rect().center()
    px, py = window.geometry_.display_xy(*maps.SEWAGE_PLANT)
    assert math.hypot(centre.x() - px, centre.y() - py) < width * 0.05

    menu, actions = right_click_menu(qtbot, window, maps.screen_pos(window, *maps.SEWAGE_PLANT))
    action(actions, "Measure from here").trigger()
    assert window.canvas.tool == "measure_distance" and len(window.canvas.measure.points) == 1


def test_scale_box_shows_1_to_n_and_takes_a_typed_scale(qtbot, window):
    box = window.scale_box
    shown = parse_scale(box.currentText())
    assert box.currentText().startswith("1:") and shown == round(window.canvas.scale_denominator())
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "1:5000")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert math.isclose(window.canvas.scale_denominator(), 5000, rel_tol=0.01)
    assert box.currentText() == "1:5,000"
    window.canvas.zoom_by(2.0)  # the wheel or a key zooms out: the box follows
    assert math.isclose(parse_scale(box.currentText()), 10_000, rel_tol=0.01)
    assert parse_scale("1：25，000") == 25000 and parse_scale("abc") is None


def test_labels_on_dark_plots_have_a_halo_wide_enough_to_read(qtbot, register_window, maps):
    win = register_window
    win.resize(1280, 800)
    win.canvas.zoom_to_layers(win.workspace.park("port").layers)
    image = maps.grab_canvas(win)
    approved = win.workspace.scheme["approved"].color  # the darkest status fill (#0072B2)
    dark = [(text, rect.toRect()) for text, rect in win.renderer.labels.placed if "3号" in text]
    assert dark, [text for text, _ in win.renderer.labels.placed]
    text, rect = dark[0]
    share = maps.count_colour(image.copy(rect), approved, 12) / (rect.width() * rect.height())
    assert share < 0.3, f"{text}: {share:.0%} of its box is still the plot's dark blue"
