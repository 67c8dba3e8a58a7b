"""Editing a project's status from the identify panel: map colour, legend count and history follow;
Undo (button and Ctrl+Z) restores all three. Runs on a copy of the sample parks in tmp_path."""


import pytest
import shapely
from PySide6 import QtCore, QtWidgets

from parksgis.model.status import DEFAULT_SCHEME

Qt = QtCore.Qt
PROJECT = "PORT-FILL-3"  # 3号地块场平, approved in the sample register, one plot in port/plots



def feature_of(win, project_id):
    layer = win.workspace.layer("port/plots")
    row = int(layer.project_ids.tolist().index(project_id))
    return layer, row


def click_feature(qtbot, win, layer, row):
    """Zoom to the plot and click a point inside it; returns the viewport pixel clicked."""
    win.canvas.zoom_to_features([(layer.key, row)])
    QtCore.QCoreApplication.processEvents()
    point = shapely.get_coordinates(layer.frame.geometry.iloc[row].representative_point())[0]
    pos = win.canvas.view_to_widget(*win.geometry_.display_xy(*point))
    qtbot.mouseMove(win.canvas.viewport(), pos)
    qtbot.mouseClick(win.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    return pos


def pixel_of(win, layer, row):
    """Where the plot is now (the identify dock widens when the editor appears: the map moves)."""
    QtCore.QCoreApplication.processEvents()
    point = shapely.get_coordinates(layer.frame.geometry.iloc[row].representative_point())[0]
    return win.canvas.view_to_widget(*win.geometry_.display_xy(*point))





def test_edit_status_then_undo_restores_map_legend_and_history(qtbot, register_window, maps):
    win = register_window
    editor = win.register_panels.editor
    approved, completed = DEFAULT_SCHEME["approved"].color, DEFAULT_SCHEME["completed"].color
    layer, row = feature_of(win, PROJECT)
    click_feature(qtbot, win, layer, row)
    pos = pixel_of(win, layer, row)
    assert win.selection.current == (layer.key, row)
    assert editor.isVisibleTo(win.identify) and editor.project_id == PROJECT
    assert editor.status_combo.currentData() == "approved"
    assert not editor.notice.isVisibleTo(editor)
    before = {code: maps.legend_count(win, code) for code in ("approved", "completed")}
    assert maps.colour_near(win, pos, approved) > 100
    assert maps.colour_near(win, pos, completed) == 0
    assert editor.history_list.count() == 0

    maps.choose_status(qtbot, editor, "completed")

    assert win.workspace.projects[PROJECT].status == "completed"
    assert maps.colour_near(win, pos, completed) > 100
    assert maps.colour_near(win, pos, approved) == 0
    assert maps.legend_count(win, "completed") == before["completed"] + 1
    assert maps.legend_count(win, "approved") == before["approved"] - 1
    store = win.register_panels.link.backend
    edits = [r for r in store.history(PROJECT) if r.source == "app"]
    assert [(r.field, r.old, r.new) for r in edits] == [("status", "approved", "completed")]
    assert edits[0].author  # the OS user when no author is set
    assert editor.history_list.count() == 1 and "状态" in editor.history_list.item(0).text()

    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)

    assert win.workspace.projects[PROJECT].status == "approved"
    assert maps.colour_near(win, pos, approved) > 100
    assert maps.colour_near(win, pos, completed) == 0
    assert {code: maps.legend_count(win, code) for code in before} == before
    assert [(r.field, r.old, r.new, r.source) for r in store.history(PROJECT) if r.source != "seed"] == [
        ("status", "approved", "completed", "app"), ("status", "completed", "approved", "undo")]
    assert editor.history_list.count() == 2


def test_progress_dates_note_and_ctrl_z(qtbot, register_window):
    win = register_window
    win.settings.setValue("author", "张工")
    editor = win.register_panels.editor
    layer, row = feature_of(win, PROJECT)
    click_feature(qtbot, win, layer, row)
    editor.progress_spin.setFocus()
    editor.progress_spin.selectAll()
    qtbot.keyClicks(editor.progress_spin, "35")
    start = editor.date_edits["actual_start"]
    start.setDate(QtCore.QDate(2014, 8, 15))
    editor.note_edit.setFocus()
    qtbot.keyClicks(editor.note_edit, " checked on site")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    project = win.workspace.projects[PROJECT]
    assert project.progress_pct == 35.0
    assert project.actual_start.isoformat() == "2014-08-15"
    assert project.note.endswith(" checked on site")
    rows = [r for r in win.register_panels.link.history(PROJECT) if r.source == "app"]
    assert {r.field for r in rows} == {"progress_pct", "actual_start", "note"}
    assert {r.author for r in rows} == {"张工"}

    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    project = win.workspace.projects[PROJECT]
    assert project.actual_start is None and not project.note.endswith(" checked on site")
    assert editor.progress_spin.value() == 0


def test_single_layer_file_has_no_register_and_says_so(qtbot, register_window, tmp_path):
    win = register_window
    plots = tmp_path / "layers" / "port" / "plots.geojson"
    from parksgis.app.workspace import load_workspace

    workspace, reports = load_workspace(plots)
    workspace.projects = dict(win.workspace.projects)  # linked, but no register to write to
    win.set_workspace(workspace, reports)
    win.register_panels.set_workspace(workspace, win.renderer)
    layer = workspace.layer("plots")
    row = int(layer.project_ids.tolist().index(PROJECT))
    win.selection.set([(layer.key, row)])
    editor = win.register_panels.editor
    reason = win.register_panels.link.read_only_reason
    assert win.register_panels.link.backend is None and reason  # no register to write to
    assert editor.notice.isVisibleTo(editor) and editor.notice.text() == reason
    assert not editor.apply_button.isEnabled() and not editor.form_box.isEnabled()


def test_empty_date_calendar_opens_on_this_month(qtbot, register_window):
    win = register_window
    editor = win.register_panels.editor
    layer, row = feature_of(win, PROJECT)
    click_feature(qtbot, win, layer, row)
    finish = editor.date_edits["actual_finish"]
    assert finish.date() == finish.minimumDate() and finish.text() == "—"
    calendar = finish.calendarWidget()
    scroll = win.findChild(QtWidgets.QScrollArea, "identify_scroll")
    if scroll is not None:  # the identify panel scrolls inside its dock: bring the field into view
        scroll.ensureWidgetVisible(finish)
        QtCore.QCoreApplication.processEvents()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(finish.width() - 6, finish.height() // 2))
    qtbot.waitUntil(calendar.isVisible)
    today = QtCore.QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.hide()


def test_an_edit_of_a_field_another_desk_changed_meanwhile_is_refused_with_who(qtbot, register_window, maps):
    """Two people, one field: the second save names the first person's value and writes nothing."""
    from parksgis.store.register import RegisterStore

    win = register_window
    editor = win.register_panels.editor
    layer, row = feature_of(win, PROJECT)
    click_feature(qtbot, win, layer, row)
    assert editor.status_combo.currentData() == "approved"  # what this desk read
    with RegisterStore.open(win.register_panels.link.backend.path) as other_desk:
        other_desk.update(PROJECT, {"status": "suspended"}, author="总部")

    seen = {}

    def read_and_go_back_to_editing(dialog):
        table = dialog.table
        seen["row"] = [table.item(0, c).text() for c in range(table.columnCount())]
        qtbot.mouseClick(dialog.edit_button, QtCore.Qt.MouseButton.LeftButton)

    maps.when_dialog_opens(read_and_go_back_to_editing)
    maps.choose_status(qtbot, editor, "completed")

    field, yours, theirs, who = seen["row"]
    assert (field, yours, theirs) == ("状态", "建成", "暂缓") and who.startswith("总部")
    assert win.register_panels.link.backend.project(PROJECT).status == "suspended"  # not overwritten
    assert editor.status_combo.currentData() == "completed"  # the user's choice is still in the form
    assert editor.notice.isVisibleTo(editor)
