"""Pan, box zoom and box select with real mouse drags; the blit-while-panning promise."""

import math

from PySide6 import QtCore

Qt = QtCore.Qt


def test_pan_blits_and_renders_once_when_done(qtbot, window, maps):
    canvas = window.canvas
    maps.grab_canvas(window)
    before_rect = canvas.view_rect()
    frames = canvas.map_item.frames_rendered
    centre = canvas.viewport().rect().center()
    moves = []
    maps.drag(canvas.viewport(), centre, centre + QtCore.QPoint(150, 40))
    moves.append(canvas.map_item.frames_rendered - frames)
    after = canvas.view_rect()
    mpp = canvas.metres_per_pixel()
    assert math.isclose(before_rect.center().x() - after.center().x(), 150 * mpp, rel_tol=0.05)
    assert math.isclose(after.center().y() - before_rect.center().y(), 40 * mpp, rel_tol=0.1)
    assert moves == [0], "the renderer was called during the drag: frames must be blitted"
    assert not canvas.map_item.gesture_active
    maps.grab_canvas(window)
    assert canvas.map_item.frames_rendered == frames + 1  # one fresh frame when the gesture ended


def test_shift_drag_zooms_to_box(qtbot, window, maps):
    canvas = window.canvas
    width = canvas.view_rect().width()
    centre = canvas.viewport().rect().center()
    maps.drag(canvas.viewport(), centre - QtCore.QPoint(100, 60), centre + QtCore.QPoint(100, 60),
              Qt.KeyboardModifier.ShiftModifier)
    assert canvas.view_rect().width() < width / 2


def test_ctrl_drag_selects_by_box(qtbot, window, maps):
    canvas = window.canvas
    a = maps.screen_pos(window, 111.934, 21.704)   # around both plots, south of the plant
    b = maps.screen_pos(window, 111.956, 21.713)
    maps.drag(canvas.viewport(), a, b, Qt.KeyboardModifier.ControlModifier)
    assert set(window.selection.items) >= {("port/plots", 0), ("port/plots", 1)}
    assert ("port/utilities", 0) not in window.selection


def test_select_tool_from_toolbar_and_escape(qtbot, window, maps):
    toolbar = window.actions_.toolbar
    button = toolbar.widgetForAction(window.actions_.tool_actions["select_box"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.canvas.tool == "select_box"
    a = maps.screen_pos(window, 111.955, 21.715)
    b = maps.screen_pos(window, 111.965, 21.725)
    maps.drag(window.canvas.viewport(), a, b)
    assert window.selection.items == [("port/utilities", 0)]
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.tool == "pan"


def test_measure_area_in_mu_and_hectares(qtbot, window, maps):
    canvas = window.canvas
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert canvas.tool == "measure_area"
    x0, y0 = window.geometry_.display_xy(111.940, 21.710)
    corners = [(x0, y0), (x0 + 1000, y0), (x0 + 1000, y0 + 1000), (x0, y0 + 1000)]
    for x, y in corners:
        pos = canvas.view_to_widget(x, y)
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    text = window.measure_label.text()
    m2 = float(text.split(" m²")[0].replace(",", ""))
    assert math.isclose(m2, 1_000_000, rel_tol=0.02), text
    assert "亩" in text and "公顷" in text
    mu = float(text.split("·")[1].split("亩")[0].replace(",", ""))
    assert math.isclose(mu, m2 / 666.67, rel_tol=0.001)


def test_coordinates_in_status_bar(qtbot, window, maps):
    pos = maps.screen_pos(window, *maps.SEWAGE_PLANT)
    maps.move_mouse(window.canvas.viewport(), pos)
    text = window.coords_label.text()
    lon = float(text.split("°E")[0])
    lat = float(text.split("°E")[1].split("°N")[0])
    assert abs(lon - maps.SEWAGE_PLANT[0]) < 0.001 and abs(lat - maps.SEWAGE_PLANT[1]) < 0.001
    assert "EPSG:4546" in text and "X " in text and "Y " in text


def test_hover_highlights_without_rendering(qtbot, window, maps):
    qtbot.wait(50)  # let the window settle (first-show layout) so only the hover could redraw
    maps.grab_canvas(window)
    frames = window.canvas.map_item.frames_rendered
    target = maps.screen_pos(window, *maps.SEWAGE_PLANT)
    # come from elsewhere: Qt drops a move to where the (test) cursor already is
    maps.move_mouse(window.canvas.viewport(), target - QtCore.QPoint(40, 40))
    assert window.canvas.hover is None
    maps.move_mouse(window.canvas.viewport(), target)
    assert window.canvas.hover == ("port/utilities", 0)
    maps.grab_canvas(window)
    assert window.canvas.map_item.frames_rendered == frames  # hover is an overlay, not a new frame



def test_wheel_zooms_at_the_cursor_and_renders_when_the_wheel_rests(qtbot, window, maps):
    from PySide6 import QtGui, QtWidgets

    canvas = window.canvas
    maps.grab_canvas(window)
    frames, width = canvas.map_item.frames_rendered, canvas.view_rect().width()
    pos = maps.screen_pos(window, *maps.SEWAGE_PLANT)
    for _ in range(3):  # three notches, as fast as a hand turns the wheel
        event = QtGui.QWheelEvent(QtCore.QPointF(pos), QtCore.QPointF(canvas.viewport().mapToGlobal(pos)),
                                  QtCore.QPoint(), QtCore.QPoint(0, 120), Qt.MouseButton.NoButton,
                                  Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QtWidgets.QApplication.sendEvent(canvas.viewport(), event)
        maps.grab_canvas(window)
    assert canvas.view_rect().width() < width * 0.8
    assert canvas.map_item.frames_rendered == frames  # blitted while the wheel turns
    x, y = window.geometry_.display_xy(*maps.SEWAGE_PLANT)
    assert canvas.view_rect().contains(QtCore.QPointF(x, y))  # zoomed about the cursor
    qtbot.waitUntil(lambda: not canvas.map_item.gesture_active, timeout=2000)
    maps.grab_canvas(window)
    assert canvas.map_item.frames_rendered == frames + 1
