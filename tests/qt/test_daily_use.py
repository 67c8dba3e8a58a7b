"""Issue 13, a day of use: each numbered pain point driven as the user meets it, at 1280×800.

1 divider · 2 identify panel (pinned header, scroll, wheel) · 3 search at 1280 px · 6 measure Esc
and the result on the map · 8 a table click replaces the selection · 10 the dashboard's charts.
"""

from __future__ import annotations

from datetime import date

from PySide6 import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


def widget_rect(widget, ancestor) -> QtCore.QRect:
    """``widget``'s rectangle in ``ancestor``'s coordinates (QWidget.geometry is shadowed on the canvas)."""
    return QtCore.QRect(widget.mapTo(ancestor, QtCore.QPoint(0, 0)), widget.size())


def send_mouse(widget, kind, pos, button, buttons) -> None:
    event = QtGui.QMouseEvent(kind, QtCore.QPointF(pos), QtCore.QPointF(widget.mapToGlobal(pos)), button,
                              buttons, Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, event)


def wheel(widget, steps: int = -1) -> None:
    """One notch of the mouse wheel over the middle of ``widget`` (negative: towards the user)."""
    pos = QtCore.QPointF(widget.rect().center())
    event = QtGui.QWheelEvent(pos, QtCore.QPointF(widget.mapToGlobal(pos.toPoint())), QtCore.QPoint(0, 0),
                              QtCore.QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                              Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QtWidgets.QApplication.sendEvent(widget, event)


def at_800(qtbot, win):
    win.resize(1280, 800)
    qtbot.waitUntil(lambda: win.menuBar().width() == 1280)
    win.default_layout()
    for _ in range(3):
        qtbot.wait(10)


# -- 1 ---------------------------------------------------------------------------------------------
def test_1_divider_drags_down_and_the_map_grows(qtbot, register_window):
    win = register_window
    at_800(qtbot, win)
    panels = win.register_panels
    panels.docks["dashboard"].show()
    panels.docks["dashboard"].raise_()  # the tab whose minimum height used to pin the divider
    qtbot.wait(10)
    before = win.canvas.height()
    canvas, dock = widget_rect(win.canvas, win), widget_rect(panels.docks["dashboard"], win)
    x, y = canvas.center().x(), (canvas.bottom() + dock.top()) // 2
    press, move, release = (QtCore.QEvent.Type.MouseButtonPress, QtCore.QEvent.Type.MouseMove,
                            QtCore.QEvent.Type.MouseButtonRelease)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send_mouse(win, press, QtCore.QPoint(x, y), left, left)
    for i in range(1, 9):
        send_mouse(win, move, QtCore.QPoint(x, y + 20 * i), none, left)
        qtbot.wait(5)
    send_mouse(win, release, QtCore.QPoint(x, y + 160), left, none)
    qtbot.wait(10)
    assert win.canvas.height() >= before + 40, (before, win.canvas.height())
    assert win.canvas.height() >= 500  # well over the ~345 px the issue measured at 800 px
    assert panels.dashboard.scroll.verticalScrollBar().maximum() > 0  # the charts scroll instead


# -- 2 ---------------------------------------------------------------------------------------------
def test_2_identify_header_pinned_new_feature_from_the_top_wheel_needs_focus(qtbot, register_window, maps):
    win = register_window
    at_800(qtbot, win)
    identify, editor = win.identify, win.register_panels.editor
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-1")
    bar = identify.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # at 800 px the form, card and attributes do not fit: it scrolls
    bar.setValue(bar.maximum())
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-2")
    assert bar.value() == 0  # the next feature's form starts at its top
    dock = widget_rect(win.docks["identify"], win)
    for pinned in (identify.heading, identify.status_badge, editor.apply_button):
        assert pinned.isVisible() and dock.contains(widget_rect(pinned, win)), pinned.objectName()
    assert "2号填土地块" in identify.heading.text() and identify.status_badge.text().strip() == "在建"
    # the wheel over the progress box, not focused: the panel scrolls, the value stays
    spin = editor.progress_spin
    identify.scroll.ensureWidgetVisible(spin)
    qtbot.wait(5)
    value, scrolled = spin.value(), bar.value()
    wheel(spin, -1)
    assert spin.value() == value and bar.value() > scrolled
    # clicked into, the field takes the wheel
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, spin.height() // 2))
    assert spin.hasFocus()
    wheel(spin, -1)
    assert spin.value() == value - 1
    wheel(editor.status_combo, -1)  # a combo without the focus ignores the wheel too
    assert editor.status_combo.currentData() == "under_construction"


# -- 3 ---------------------------------------------------------------------------------------------
def test_3_search_in_view_at_1280_stays_open_while_typing_no_duplicates(qtbot, register_window):
    win = register_window
    at_800(qtbot, win)
    box = win.search
    assert box.isVisible() and QtCore.QRect(QtCore.QPoint(0, 0), win.size()).contains(widget_rect(box, win))
    assert box.width() >= 220
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    popup = box.completer().popup()
    for key in "port-rd":
        qtbot.keyClick(box, key)
        if len(box.text()) >= 2:
            assert popup.isVisible(), f"the suggestions closed after typing {box.text()!r}"
    assert box.text() == "port-rd" and box.hasFocus()
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert shown and len(shown) == len(set(shown))  # 进港大道's segments are one suggestion
    assert sum("进港大道升级改造" in s for s in shown) == 1
    metrics = popup.fontMetrics()
    assert popup.width() >= max(metrics.horizontalAdvance(s) for s in shown)  # no name cut off
    qtbot.keyClick(popup, Qt.Key.Key_Escape)


# -- 6 ---------------------------------------------------------------------------------------------
def test_6_measure_result_on_the_map_and_esc_back_to_pan(qtbot, window, maps):
    canvas = window.canvas
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert canvas.tool == "measure_distance"
    for lonlat in (maps.ROAD_START, maps.ROAD_END):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=maps.screen_pos(window, *lonlat))
    label = canvas.measure.label
    assert label.isVisible() and label.toPlainText() == window.measure_label.text()
    assert label.toPlainText().endswith(" km") and label.toPlainText().startswith("3.")
    inside = canvas.view_box.sceneBoundingRect().intersects(label.sceneBoundingRect())
    assert inside  # drawn where the user looks, beside the last point
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.tool == "pan" and window.actions_.tool_actions["pan"].isChecked()
    assert canvas.measure is None and label.scene() is None


# -- 8 ---------------------------------------------------------------------------------------------
def test_8_clicking_two_table_rows_leaves_only_the_second_selected(qtbot, window, maps):
    maps.click_project(qtbot, window, "port/plots", "PORT-PLOT-01")  # a plot chosen on the map first
    table = window.table
    window.open_attribute_table(window.workspace.layer("port/roads"))
    view = table.table
    for row in (0, 1):
        rect = view.visualRect(table.proxy.index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.selection.items == [("port/roads", table.proxy.mapToSource(table.proxy.index(row, 0)).row())]
    rect = view.visualRect(table.proxy.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center())
    assert len(window.selection) == 2  # ctrl-click still adds


# -- 10 --------------------------------------------------------------------------------------------
def dashboard_of(qtbot, win):
    panels = win.register_panels
    panels.docks["dashboard"].show()
    panels.docks["dashboard"].raise_()
    qtbot.wait(10)
    return panels.dashboard


def test_10_dashboard_legend_off_the_bars_dates_apart_empty_axis_and_changes_dock(qtbot, register_window):
    win = register_window
    at_800(qtbot, win)
    dashboard = dashboard_of(qtbot, win)
    legend = dashboard.legend.sceneBoundingRect()
    assert dashboard.legend.items
    for bars in dashboard.bars["by_park"]:
        assert not legend.intersects(bars.sceneBoundingRect())
    # a narrow window: every date label shown has its own room under the time chart
    win.resize(1024, 700)
    qtbot.wait(20)
    axis = dashboard.plots["over_time"].getAxis("bottom")
    shown = [text for _, text in axis._tickLevels[0]]
    metrics = QtGui.QFontMetrics(dashboard.font())
    assert len(shown) * max(metrics.horizontalAdvance(t) for t in shown) < dashboard.plots["over_time"].vb.width()
    # an as-of day before any recorded change: an empty chart, and no later dates on its axis
    panels = win.register_panels
    panels.as_of.set_day(date(2013, 1, 1))
    qtbot.wait(10)
    assert dashboard.time_days == [] and not axis._tickLevels[0]
    panels.as_of.show_today()
    # compare on shows the changes dock; off again closes it
    qtbot.mouseClick(panels.as_of.compare_check, Qt.MouseButton.LeftButton)
    assert panels.docks["changes"].isVisible()
    qtbot.mouseClick(panels.as_of.compare_check, Qt.MouseButton.LeftButton)
    assert not panels.docks["changes"].isVisible()


def test_10_one_park_pack_is_not_compared_with_all_parks_road_targets(qtbot, register_window):
    win = register_window
    dashboard = dashboard_of(qtbot, win)
    assert set(dashboard.target_km) == {"new", "upgrade"}  # all three parks: the 2014 targets
    workspace = win.workspace
    workspace.parks = [p for p in workspace.parks if p.park_id == "port"]  # what a port pack holds
    dashboard.refresh()
    assert dashboard.target_km == {}
    assert "2014" in dashboard.plots["roads"].titleLabel.text


def test_3_every_map_tool_in_view_at_1024_in_both_languages(qtbot, app_window):
    win = app_window
    for language in ("en", "zh_CN"):
        win.set_language(language)
        win.resize(1024, 700)
        qtbot.wait(20)
        toolbar = win.actions_.toolbar
        for action in toolbar.actions():
            if action.isSeparator():
                continue
            button = toolbar.widgetForAction(action)
            assert button is not None and button.isVisible(), (language, action.text())
            assert toolbar.rect().contains(QtCore.QRect(button.pos(), button.size())), (language, action.text())
        compare = win.register_panels.as_of.compare_check
        assert compare.isVisible() and compare.width() >= compare.sizeHint().width()  # not cut to "Compare wi…"
