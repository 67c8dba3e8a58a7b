"""A layer pack in the window: status edits go into the pack and come out in export-changes;
a pack opened read-only says so and cannot be edited."""

import json
import shutil

import pytest
from PySide6 import QtCore

Qt = QtCore.Qt


@pytest.fixture
def port_pack(tmp_path):
    from parksgis.assets import sample_layers
    from parksgis.app.packs import build_pack_from

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    pack = tmp_path / "port.gpkg"
    build_pack_from(folder, pack, parks=["port"], title="港口片区现场包")
    return pack


@pytest.fixture
def pack_window(qtbot, qapp):
    from parksgis.qt.app import configure_app
    from parksgis.qt.main_window import MainWindow

    configure_app(qapp)
    win = MainWindow(language="zh_CN", register=True)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.close()
    from parksgis.qt.i18n import install_language
    install_language("en")


def show(win, workspace, reports=(), source=None):
    win.set_workspace(workspace, reports, source=source)
    win.register_panels.set_workspace(workspace, win.renderer)


def open_in_window(win, path):
    """What `parksgis gui PACK` shows: open_workspace dispatches the .gpkg to parksgis.pack.

    (Loaded here in the test's thread; File → Open's worker thread is tested in test_open_and_drop.)
    """
    from parksgis.app.workspace import open_workspace

    show(win, *open_workspace(path))




def test_edits_in_a_pack_are_exported_as_changes(maps, qtbot, pack_window, port_pack, tmp_path):
    from parksgis.pack import export_changes, verify_pack

    win = pack_window
    open_in_window(win, port_pack)
    assert win.session.pack is not None
    editor = win.register_panels.editor
    win.settings.setValue("author", "现场办公室")

    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-3")
    assert not editor.notice.isVisibleTo(editor)
    assert not win.register_panels.notice.isVisibleTo(win)
    maps.choose_status(qtbot, editor, "under_construction")
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-4")
    maps.choose_status(qtbot, editor, "completed")
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)  # changed my mind about 4
    maps.choose_status(qtbot, editor, "suspended")

    document = export_changes(port_pack, tmp_path / "changes.json")
    got = {(c["project_id"], c["field"]): (c["base"], c["new"], c["author"]) for c in document["changes"]}
    assert got == {("PORT-FILL-3", "status"): ("approved", "under_construction", "现场办公室"),
                   ("PORT-FILL-4", "status"): ("approved", "suspended", "现场办公室")}
    assert json.loads((tmp_path / "changes.json").read_text(encoding="utf-8"))["changes"] == document["changes"]
    assert verify_pack(port_pack).ok


def test_read_only_pack_shows_a_notice_and_disables_editing(maps, qtbot, pack_window, port_pack):
    from parksgis.app.workspace import Source
    from parksgis.pack import open_pack

    win = pack_window
    workspace, handle = open_pack(port_pack, read_only=True)
    history_before = handle.register.history()  # the pack carries the sample's dated history
    show(win, workspace, source=Source(port_pack, handle))
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-3")
    editor = win.register_panels.editor
    assert editor.notice.isVisibleTo(editor)
    assert editor.notice.text() == handle.read_only_reason  # why, in the pack's own words
    bar_notice = win.register_panels.notice  # also in the status bar, whatever is selected
    assert bar_notice.isVisibleTo(win) and bar_notice.text() == handle.read_only_reason
    assert not editor.form_box.isEnabled() and not editor.apply_button.isEnabled()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing happens
    assert handle.register.history() == history_before


def test_field_office_round_trip_merges_and_lists_conflicts(maps, qtbot, pack_window, port_pack, tmp_path):
    """Build → edit in the app → export → HQ edits one of the same fields → merge → resolve."""
    from parksgis.pack import export_changes, merge_changes, resolve_conflicts
    from parksgis.store.register import RegisterStore

    win = pack_window
    open_in_window(win, port_pack)
    editor = win.register_panels.editor
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-3")
    maps.choose_status(qtbot, editor, "under_construction")
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-4")
    maps.choose_status(qtbot, editor, "suspended")
    export_changes(port_pack, tmp_path / "week1.json")

    hq = tmp_path / "layers"  # the folder the pack was built from
    with RegisterStore.for_folder(hq) as store:
        store.update("PORT-FILL-4", {"status": "completed"}, author="总部")
    result = merge_changes(hq, [tmp_path / "week1.json"])
    assert [(c["project_id"], c["new"]) for c in result.merged] == [("PORT-FILL-3", "under_construction")]
    [conflict] = result.conflicts
    assert (conflict.project_id, conflict.base, conflict.field_value, conflict.target_value) == (
        "PORT-FILL-4", "approved", "suspended", "completed")
    resolve_conflicts(hq, take="field")
    with RegisterStore.for_folder(hq) as store:
        assert store.project("PORT-FILL-3").status == "under_construction"
        assert store.project("PORT-FILL-4").status == "suspended"
    assert merge_changes(hq, [tmp_path / "week1.json"]).merged == []  # re-applying: no-op


def test_pack_locked_by_another_program_gives_a_clear_message(maps, qtbot, pack_window, port_pack):
    import sqlite3
    import time

    win = pack_window
    open_in_window(win, port_pack)
    editor = win.register_panels.editor
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-3")
    other = sqlite3.connect(port_pack, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another app instance in the middle of saving
    try:
        start = time.perf_counter()
        maps.choose_status(qtbot, editor, "completed")
        assert time.perf_counter() - start < 1.0  # the UI thread waits out 0.5 s at most, not 10 s
        assert editor.notice.isVisibleTo(editor)
        assert "another program is saving to this pack" in editor.notice.text()
        assert win.workspace.projects["PORT-FILL-3"].status == "approved"
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)  # try again: saved
    assert win.workspace.projects["PORT-FILL-3"].status == "completed"
    assert not editor.notice.isVisibleTo(editor)
