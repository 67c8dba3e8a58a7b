"""Layer packs in the window, as a field office and headquarters use them (issue 5, in the app).

The round trip: build a pack from a copy of the sample layers → open it in the window → edit
statuses by clicking the map and the status editor → File ▸ Export changes… → meanwhile
headquarters edits some of the same fields → File ▸ Merge changes… at headquarters → the merged
fields, the conflicts listed with both values, resolved by clicks → the expected register.
Also: read-only packs, a pack open in another window, a busy pack, bad packs dropped on the map.
"""

import json
import shutil
import sqlite3

import pytest
import shapely
from PySide6 import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt


# -- helpers ---------------------------------------------------------------------------------------
def answer_modal(name, respond):
    """Run ``respond(dialog)`` once the modal dialog ``name`` is up (it blocks in exec())."""
    def attempt():
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != name:
            QtCore.QTimer.singleShot(20, attempt)
            return
        respond(dialog)

    QtCore.QTimer.singleShot(0, attempt)


def type_file_name(qtbot, path):
    """A file dialog answer: the path in the file name box, then Enter (the path is set rather
    than typed: typing opens the completer popup, which takes the Enter)."""
    def respond(dialog):
        edit = dialog.findChild(QtWidgets.QLineEdit, "fileNameEdit")
        edit.setText(str(path))
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    return respond




def drop_on(win, path):
    """What a drag from the file manager delivers: drag enter, then the drop (Qt delivers a drop
    only to the widget that accepted the drag)."""
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(path))])
    enter = QtGui.QDragEnterEvent(QtCore.QPoint(400, 300), Qt.DropAction.CopyAction, mime,
                                  Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    event = QtGui.QDropEvent(QtCore.QPointF(400, 300), Qt.DropAction.CopyAction, mime,
                             Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(win, event)


def problem_rows(win, code):
    return [row for row in win.problems.rows() if row[3] == code]


# -- fixtures --------------------------------------------------------------------------------------
@pytest.fixture
def hq(tmp_path):
    """Headquarters: a copy of the sample layers folder (its register is created on first use)."""
    from parksgis.assets import sample_layers

    folder = tmp_path / "hq"
    shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    return folder


@pytest.fixture
def port_pack(tmp_path, hq):
    from parksgis.app.packs import build_pack_from

    (tmp_path / "field").mkdir()
    pack = tmp_path / "field" / "port.gpkg"
    build_pack_from(hq, pack, parks=["port"], title="港口片区现场包")
    return pack


def _make_window(qtbot, qapp):
    from parksgis.qt.app import configure_app
    from parksgis.qt.main_window import MainWindow

    configure_app(qapp)
    win = MainWindow(language="en", register=True, packs=True)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def make_window(qtbot, qapp):
    made = []

    def make():
        made.append(_make_window(qtbot, qapp))
        return made[-1]

    yield make
    for win in made:
        win.session.close()


# -- the round trip --------------------------------------------------------------------------------
def test_field_office_round_trip_in_the_app(maps, qtbot, make_window, port_pack, hq, tmp_path, finished):
    from parksgis.store.register import RegisterStore

    win = make_window()
    win.settings.setValue("author", "现场办公室")
    actions = win.pack_actions
    answer_modal("open_pack_dialog", type_file_name(qtbot, port_pack))
    with qtbot.waitSignal(win.opened, timeout=30_000):
        actions.open_pack_action.trigger()  # File ▸ Open pack…
    assert win.session.pack.path == port_pack
    assert not win.session.pack.read_only
    assert actions.export_action.isEnabled()

    # on site: three plots change status, through the identify panel's editor
    editor = win.register_panels.editor
    for project_id, status in [("PORT-FILL-3", "under_construction"), ("PORT-FILL-4", "suspended"),
                               ("PORT-FILL-5", "under_construction")]:
        maps.click_project(qtbot, win, "port/plots", project_id)
        assert editor.apply_button.isEnabled()
        maps.choose_status(qtbot, editor, status)
        assert win.workspace.projects[project_id].status == status

    # File ▸ Export changes… → a JSON file to send by e-mail
    changes = tmp_path / "mail" / "port-changes.json"
    changes.parent.mkdir()
    answer_modal("export_changes_dialog", type_file_name(qtbot, changes))
    with qtbot.waitSignal(actions.changes_exported, timeout=30_000):
        actions.export_action.trigger()
    document = json.loads(changes.read_text(encoding="utf-8"))
    assert {(c["project_id"], c["base"], c["new"]) for c in document["changes"]} == {
        ("PORT-FILL-3", "approved", "under_construction"), ("PORT-FILL-4", "approved", "suspended"),
        ("PORT-FILL-5", "approved", "under_construction")}
    assert "port-changes.json" in win.statusBar().currentMessage()

    # meanwhile at headquarters: two of the same fields and one other change
    with RegisterStore.for_folder(hq) as store:
        store.update("PORT-FILL-4", {"status": "completed"}, author="总部", source="hq")
        store.update("PORT-FILL-5", {"status": "suspended"}, author="总部", source="hq")
        store.update("PORT-FILL-6", {"status": "completed"}, author="总部", source="hq")

    # headquarters opens its folder and merges the change file
    assert finished(actions.open_path(hq))
    assert win.session.pack is None and actions.merge_action.isEnabled()
    answer_modal("merge_changes_dialog", type_file_name(qtbot, changes))
    with qtbot.waitSignal(actions.changes_merged, timeout=30_000):
        actions.merge_action.trigger()
    assert win.workspace.projects["PORT-FILL-3"].status == "under_construction"  # merged, map follows
    assert "1 change" in win.statusBar().currentMessage()
    dialog = actions.conflicts_dialog
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.table
    rows = {table.item(r, 0).text().split(" · ")[0]: [table.item(r, c).text() for c in range(1, 5)]
            for r in range(table.rowCount())}
    assert rows == {  # field, base, field office's value, headquarters' value
        "PORT-FILL-4": ["Status", "Approved (approved)", "Suspended (suspended)", "Completed (completed)"],
        "PORT-FILL-5": ["Status", "Approved (approved)", "Under construction (under_construction)",
                        "Suspended (suspended)"]}
    assert win.workspace.projects["PORT-FILL-4"].status == "completed"  # nothing applied silently

    # the user keeps headquarters' value for plot 4 and the field office's for plot 5
    order = [dialog.conflicts[r].project_id for r in range(table.rowCount())]
    qtbot.mouseClick(dialog.choice_button(order.index("PORT-FILL-4"), "target"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.choice_button(order.index("PORT-FILL-5"), "field"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0 and "No open conflicts" in dialog.summary.text()

    expected = {"PORT-FILL-3": "under_construction", "PORT-FILL-4": "completed",
                "PORT-FILL-5": "under_construction", "PORT-FILL-6": "completed", "PORT-FILL-7": "approved"}
    with RegisterStore.for_folder(hq) as store:
        assert {pid: store.projects()[pid].status for pid in expected} == expected
    assert {pid: win.workspace.projects[pid].status for pid in expected} == expected

    # merging the same file again changes nothing
    answer_modal("merge_changes_dialog", type_file_name(qtbot, changes))
    with qtbot.waitSignal(actions.changes_merged, timeout=30_000):
        actions.merge_action.trigger()
    assert "3 repeated" in win.statusBar().currentMessage()
    assert {pid: win.workspace.projects[pid].status for pid in expected} == expected


def test_merge_into_the_open_pack(maps, qtbot, make_window, port_pack, tmp_path, finished):
    """Headquarters keeps its own copy of the pack, edits it in the app and merges into it."""
    from parksgis.pack import export_changes, open_pack

    hq_pack = tmp_path / "hq.gpkg"
    shutil.copy(port_pack, hq_pack)
    _ws, handle = open_pack(port_pack)
    handle.update("PORT-FILL-3", {"status": "under_construction"}, author="现场办公室")
    handle.update("PORT-FILL-4", {"status": "suspended"}, author="现场办公室")
    handle.close()
    export_changes(port_pack, tmp_path / "changes.json")

    win = make_window()
    assert finished(win.pack_actions.open_path(hq_pack))
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-4")
    maps.choose_status(qtbot, win.register_panels.editor, "completed")
    assert win.pack_actions.merge_target() == hq_pack
    answer_modal("merge_changes_dialog", type_file_name(qtbot, tmp_path / "changes.json"))
    with qtbot.waitSignal(win.pack_actions.changes_merged, timeout=30_000):
        win.pack_actions.merge_action.trigger()
    assert win.workspace.projects["PORT-FILL-3"].status == "under_construction"
    dialog = win.pack_actions.conflicts_dialog
    assert [(c.project_id, c.field_value, c.target_value) for c in dialog.conflicts] == [
        ("PORT-FILL-4", "suspended", "completed")]
    qtbot.mouseClick(dialog.all_field_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert win.workspace.projects["PORT-FILL-4"].status == "suspended"
    editor = win.register_panels.editor  # still showing plot 4: its form and history follow
    assert editor.status_combo.currentData() == "suspended"
    assert "resolve:" in editor.history_list.item(0).text()


def test_gui_command_opens_a_pack_for_editing(maps, qtbot, qapp, port_pack, finished):
    """``parksgis gui PACK.gpkg`` → open_window(PACK): the pack, editable, saves go into it."""
    from parksgis.qt.app import open_window

    win, opening = open_window(port_pack, language="en")
    qtbot.addWidget(win)
    try:
        assert finished(opening)
        qtbot.waitExposed(win)
        assert win.session.pack.path == port_pack and not win.session.pack.read_only
        maps.click_project(qtbot, win, "port/plots", "PORT-FILL-7")
        maps.choose_status(qtbot, win.register_panels.editor, "under_construction")
        from parksgis.pack import export_changes

        win.session.close()
        document = export_changes(port_pack, port_pack.with_name("changes.json"))
        assert [(c["project_id"], c["new"]) for c in document["changes"]] == [
            ("PORT-FILL-7", "under_construction")]
    finally:
        win.session.close()


# -- read-only and busy packs ----------------------------------------------------------------------
def test_read_only_pack_shows_why_and_disables_the_editor(maps, qtbot, make_window, port_pack, finished):
    win = make_window()
    assert finished(win.pack_actions.open_path(port_pack, read_only=True))
    handle = win.session.pack
    assert handle.read_only and "read-only" in handle.read_only_reason
    notice = win.register_panels.notice  # the status bar says why, whatever is selected
    assert notice.isVisibleTo(win) and notice.text() == handle.read_only_reason
    assert problem_rows(win, "pack-read-only")[0][4] == handle.read_only_reason
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-3")
    editor = win.register_panels.editor
    assert not editor.form_box.isEnabled() and not editor.apply_button.isEnabled()
    assert not win.pack_actions.merge_action.isEnabled()  # nothing can be merged into it
    assert win.pack_actions.export_action.isEnabled()     # but its changes can be sent

    assert finished(win.pack_actions.open_path(port_pack))  # opened again (File ▸ Recent): editable now
    assert not win.session.pack.read_only
    assert finished(win.pack_actions.open_path(port_pack))  # and again: its own edit lock is no obstacle
    assert not win.session.pack.read_only
    assert not win.register_panels.notice.isVisibleTo(win)


def test_second_window_on_the_same_pack_gets_a_read_only_view(maps, qtbot, make_window, port_pack, finished):
    first, second = make_window(), make_window()
    assert finished(first.pack_actions.open_path(port_pack))
    assert finished(second.pack_actions.open_path(port_pack))
    assert not first.session.pack.read_only
    reason = second.session.pack.read_only_reason
    assert "another parksgis window" in reason
    assert second.register_panels.notice.text() == reason
    maps.click_project(qtbot, second, "port/plots", "PORT-FILL-3")
    assert not second.register_panels.editor.apply_button.isEnabled()

    # the first window edits; the second reads the saved register (with SQLite's locks, not as an
    # immutable file), and may edit once the first has closed the pack
    maps.click_project(qtbot, first, "port/plots", "PORT-FILL-3")
    maps.choose_status(qtbot, first.register_panels.editor, "under_construction")
    assert second.register_panels.link.backend.project("PORT-FILL-3").status == "under_construction"
    first.session.close()
    assert finished(second.pack_actions.open_path(port_pack))
    assert not second.session.pack.read_only
    assert second.workspace.projects["PORT-FILL-3"].status == "under_construction"


def test_pack_open_in_another_parksgis_process_opens_read_only(qtbot, make_window, port_pack, finished):
    """A second app instance (here: another process holding the pack open for editing)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    other = subprocess.Popen(
        [sys.executable, "-c", "import sys; from parksgis.pack import open_pack; "
         "_ws, handle = open_pack(sys.argv[1]); print('open', flush=True); sys.stdin.read()",
         str(port_pack)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(repo)), encoding="utf-8")
    try:
        assert other.stdout.readline().strip() == "open"
        win = make_window()
        assert finished(win.pack_actions.open_path(port_pack))
        handle = win.session.pack
        assert handle.read_only and "another parksgis window or program" in handle.read_only_reason
        assert win.register_panels.notice.text() == handle.read_only_reason
    finally:
        other.communicate("", timeout=30)  # the other instance quits
    assert finished(win.pack_actions.open_path(port_pack))
    assert not win.session.pack.read_only


def test_busy_pack_can_be_retried(qtbot, make_window, port_pack, finished):
    win = make_window()
    holder = sqlite3.connect(port_pack, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of a save

    def retry_after_the_save(box):
        assert "another program" in box.text()
        holder.execute("COMMIT")
        qtbot.mouseClick(box.button(QtWidgets.QMessageBox.StandardButton.Retry), Qt.MouseButton.LeftButton)

    answer_modal("pack_busy_question", retry_after_the_save)
    try:
        assert finished(win.pack_actions.open_path(port_pack))
    finally:
        holder.close()
    assert win.session.pack.path == port_pack and not win.session.pack.read_only


# -- bad packs -------------------------------------------------------------------------------------
def _tamper(pack):
    conn = sqlite3.connect(pack)
    for name in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):  # GDAL's R-tree triggers
        conn.create_function(name, 1, lambda geom: 0)
    conn.execute("UPDATE port__plots SET name_zh = name_zh || '改'")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage", ["random bytes", "truncated", "tampered"])
def test_bad_pack_dropped_on_the_map_is_one_problem_and_the_map_keeps_working(
        maps, qtbot, make_window, port_pack, hq, tmp_path, damage, finished):
    win = make_window()
    assert finished(win.pack_actions.open_path(hq))
    shown = win.workspace
    bad = tmp_path / "bad.gpkg"
    if damage == "random bytes":
        bad.write_bytes(bytes(range(256)) * 40)
    elif damage == "truncated":
        data = port_pack.read_bytes()
        bad.write_bytes(data[: len(data) // 2 + 100])
    else:
        shutil.copy(port_pack, bad)
        _tamper(bad)
    before = len(win.problems.rows())
    drop_on(win, bad)
    qtbot.waitUntil(lambda: len(win.problems.rows()) > before)
    rows = win.problems.rows()[before:]
    assert len(rows) == 1 and rows[0][0] == "error" and rows[0][1] == "bad.gpkg"
    assert rows[0][3] == "pack-corrupt"
    assert {"random bytes": "not a GeoPackage", "truncated": "truncated",
            "tampered": "refused"}[damage] in rows[0][4]
    assert win.workspace is shown  # the map keeps what it showed
    win.canvas.zoom_all()
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-3")
    assert win.register_panels.editor.apply_button.isEnabled()


def test_dropped_pack_opens_and_plain_geopackage_opens_as_layers_with_a_note(
        qtbot, make_window, port_pack, tmp_path):
    import geopandas as gpd

    win = make_window()
    drop_on(win, port_pack)
    qtbot.waitUntil(lambda: win.workspace is not None and win.session.pack is not None)
    assert not win.session.pack.read_only

    plain = tmp_path / "survey.gpkg"
    gpd.GeoDataFrame({"name": ["测点"]}, geometry=[shapely.Point(111.95, 21.71)], crs=4326).to_file(
        plain, layer="survey_points", driver="GPKG")
    drop_on(win, plain)
    qtbot.waitUntil(lambda: win.session.pack is not None and win.session.pack.path == plain)
    assert [layer.name for layer in win.workspace.layers] == ["survey_points"]
    assert any("no parksgis manifest" in row[4] for row in problem_rows(win, "pack-note"))
    assert "plain GeoPackage" in win.register_panels.notice.text()
    assert not win.pack_actions.export_action.isEnabled()
