"""Status as of a date: the date control moves map colours, legend counts and the table to that day;
"Compare with…" lists what changed, highlights it on the map, and a click zooms to a project."""

from datetime import timedelta

import pytest
from PySide6 import QtCore, QtWidgets

from parksgis.model.status import DEFAULT_SCHEME
from parksgis.qt.register_link import register_today
from parksgis.render.highlight import HIGHLIGHT_COLOR

Qt = QtCore.Qt
APPROVED, COMPLETED = DEFAULT_SCHEME["approved"].color, DEFAULT_SCHEME["completed"].color






def table_status(win, project_id):
    """The status column of the attribute table for the project's plot."""
    layer = win.workspace.layer("port/plots")
    win.table.show_layer(layer)
    model = win.table.proxy.sourceModel()
    row = layer.project_ids.tolist().index(project_id)
    return model.data(model.index(row, model.columnCount() - 1))


def step_day_back(qtbot, date_edit):
    """One day earlier with the keyboard: the day section, then the Down key."""
    date_edit.setFocus()
    date_edit.setCurrentSection(QtWidgets.QDateTimeEdit.Section.DaySection)
    qtbot.keyClick(date_edit, Qt.Key.Key_Down)


def test_date_before_a_change_shows_the_old_status(qtbot, register_window, maps):
    win = register_window
    panels = win.register_panels
    pos = maps.project_pixel(win, "port/plots", "PORT-FILL-3")
    counts = {code: maps.legend_count(win, code) for code in ("approved", "completed")}
    panels.link.update("PORT-FILL-3", {"status": "completed"})  # today
    assert maps.legend_count(win, "completed") == counts["completed"] + 1
    assert maps.colour_near(win, pos, COMPLETED) > 100
    assert table_status(win, "PORT-FILL-3") == "建成"

    step_day_back(qtbot, panels.as_of.date_edit)  # yesterday: before the change

    assert win.workspace.as_of == register_today() - timedelta(days=1)
    assert {code: maps.legend_count(win, code) for code in counts} == counts
    assert maps.colour_near(win, pos, APPROVED) > 100 and maps.colour_near(win, pos, COMPLETED) == 0
    assert table_status(win, "PORT-FILL-3") == "立项"
    # the past cannot be edited: the editor says so
    layer = win.workspace.layer("port/plots")
    win.selection.set([(layer.key, layer.project_ids.tolist().index("PORT-FILL-3"))])
    editor = panels.editor
    assert editor.notice.isVisibleTo(editor) and register_today().isoformat() not in editor.notice.text()
    assert not editor.apply_button.isEnabled()

    qtbot.mouseClick(panels.as_of.today_button, Qt.MouseButton.LeftButton)
    assert win.workspace.as_of is None
    assert maps.legend_count(win, "completed") == counts["completed"] + 1
    pos = maps.project_pixel(win, "port/plots", "PORT-FILL-3")  # the identify dock grew with the editor: the map moved
    assert maps.colour_near(win, pos, COMPLETED) > 100
    assert editor.apply_button.isEnabled()


def test_compare_lists_changes_highlights_and_zooms(qtbot, register_window, maps):
    win = register_window
    panels = win.register_panels
    link, bar = panels.link, panels.as_of
    link.update("PORT-FILL-3", {"status": "completed"})
    link.update("PORT-FILL-4", {"status": "under_construction"})
    link.update("PORT-FILL-5", {"status": "suspended"})
    link.update("PORT-FILL-6", {"progress_pct": 30})  # no status change: not listed
    win.canvas.zoom_to_layers(win.workspace.park("port").layers)
    assert maps.count_colour(maps.grab_canvas(win), HIGHLIGHT_COLOR, tolerance=20) == 0

    qtbot.mouseClick(bar.compare_check, Qt.MouseButton.LeftButton)  # with a month ago

    assert bar.listed_changes() == {"started": ["PORT-FILL-4"], "completed": ["PORT-FILL-3"],
                                    "suspended": ["PORT-FILL-5"]}
    assert panels.docks["changes"].isVisible()
    plots = win.workspace.layer("port/plots")
    ids = plots.project_ids.tolist()
    expected = {(plots.key, ids.index(pid)) for pid in ("PORT-FILL-3", "PORT-FILL-4", "PORT-FILL-5")}
    assert set(win.renderer.highlight) == expected
    assert maps.count_colour(maps.grab_canvas(win), HIGHLIGHT_COLOR, tolerance=20) > 50

    texts = [bar.changes_list.item(i).text() for i in range(bar.changes_list.count())]
    row = next(i for i, t in enumerate(texts) if "PORT-FILL-5" in t)
    assert "立项 → 暂缓" in texts[row]
    item = bar.changes_list.item(row)
    qtbot.mouseClick(bar.changes_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=bar.changes_list.visualItemRect(item).center())
    feature = (plots.key, ids.index("PORT-FILL-5"))
    assert win.selection.items == [feature]
    centre = win.geometry_.bounds(plots, [feature[1]]).center()
    assert win.canvas.view_rect().contains(centre)
    assert win.canvas.view_rect().width() < 5000  # zoomed in to the plot, not the whole park

    step_day_back(qtbot, bar.date_edit)  # shown day before every change: nothing changed since
    assert bar.listed_changes() == {}
    assert win.renderer.highlight == []

    qtbot.mouseClick(bar.compare_check, Qt.MouseButton.LeftButton)
    assert bar.changes_list.count() == 0
