"""File ▸ Import status spreadsheet… and File ▸ Export register… in the window (issue 4, in the app).

Runs on a copy of the sample parks in tmp_path (its register.sqlite is made there). Menus, file
dialogs and the preview are driven by clicks and keys; the dialogs open with open(), so no test
waits in a nested event loop.
"""

import shutil
from datetime import date

import pytest
from PySide6 import QtCore, QtWidgets

from parksgis.model.status import DEFAULT_SCHEME

Qt = QtCore.Qt
CHANGED = {"PORT-FILL-3": ("approved", "completed"), "PORT-FILL-4": ("approved", "under_construction")}



# -- helpers ---------------------------------------------------------------------------------------
def click_menu_action(qtbot, win, action):
    """File menu open, then a click on ``action`` in it, as a user picks a menu item."""
    menu = win.actions_.file_menu
    menu.popup(win.mapToGlobal(QtCore.QPoint(10, 10)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def answer_file_dialog(qtbot, win, path):
    """The open file dialog: the path in its file name box, then Enter."""
    actions = win.register_panels.spreadsheets
    qtbot.waitUntil(lambda: actions.file_dialog is not None and actions.file_dialog.isVisible())
    edit = actions.file_dialog.findChild(QtWidgets.QLineEdit, "fileNameEdit")
    edit.setText(str(path))  # set, not typed: typing opens the completer popup, which takes Enter
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def import_via_menu(qtbot, win, path):
    """File ▸ Import status spreadsheet… → choose ``path`` → the preview dialog."""
    actions = win.register_panels.spreadsheets
    click_menu_action(qtbot, win, actions.import_action)
    answer_file_dialog(qtbot, win, path)
    qtbot.waitUntil(lambda: actions.preview is not None and actions.preview.isVisible())
    return actions.preview


def export_via_menu(qtbot, win, path):
    click_menu_action(qtbot, win, win.register_panels.spreadsheets.export_action)
    answer_file_dialog(qtbot, win, path)
    qtbot.waitUntil(lambda: path.exists())


def rows_of(view):
    return [[view.topLevelItem(i).text(c) for c in range(view.columnCount())]
            for i in range(view.topLevelItemCount())]





def write_gbk_sheet(path, lines):
    path.write_bytes("\r\n".join(lines).encode("gbk") + b"\r\n")
    return path


# -- tests -----------------------------------------------------------------------------------------
def test_import_gbk_sheet_preview_apply_undo(qtbot, register_window, maps, tmp_path):
    win = register_window
    win.settings.setValue("author", "张工")
    store = win.register_panels.link.backend
    sheet = write_gbk_sheet(tmp_path / "周报-状态.csv", [
        "项目编号,项目名称,状态", "PORT-FILL-3,港口片区3号地块填土工程,已完工",
        "PORT-FILL-4,港口片区4号地块填土工程,施工中", "PORT-FILL-5,港口片区5号地块填土工程,已批复"])
    approved, completed = DEFAULT_SCHEME["approved"].color, DEFAULT_SCHEME["completed"].color
    before = {code: maps.legend_count(win, code) for code in ("approved", "completed", "under_construction")}
    assert win.register_panels.spreadsheets.import_action.isEnabled()

    preview = import_via_menu(qtbot, win, sheet)

    label = {code: f"{DEFAULT_SCHEME[code].label_zh} ({code})" for code in DEFAULT_SCHEME.codes}
    assert rows_of(preview.changes_view) == [
        ["PORT-FILL-3", "状态", f"{label['approved']} → {label['completed']}"],
        ["PORT-FILL-4", "状态", f"{label['approved']} → {label['under_construction']}"]]
    assert preview.changes_view.isVisibleTo(preview) and not preview.problems_view.isVisibleTo(preview)
    summary = preview.summary.text()
    assert "3 rows (read as GBK/GB18030, not UTF-8)" in summary and "0 problems" in summary
    assert "2 projects with 2 changed fields" in summary
    assert preview.apply_button.isEnabled()
    pos = maps.project_pixel(win, "port/plots", "PORT-FILL-3")
    assert maps.colour_near(win, pos, approved) > 100

    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: win.register_panels.spreadsheets.preview is None)
    for pid, (old, new) in CHANGED.items():
        assert win.workspace.projects[pid].status == new
        assert [(r.field, r.old, r.new, r.source, r.author) for r in store.history(pid)
                if r.source != "seed"] == [("status", old, new, "周报-状态.csv", "张工")]
    assert maps.legend_count(win, "approved") == before["approved"] - 2
    assert maps.legend_count(win, "completed") == before["completed"] + 1
    assert maps.legend_count(win, "under_construction") == before["under_construction"] + 1
    assert maps.colour_near(win, pos, completed) > 100 and maps.colour_near(win, pos, approved) == 0
    assert "周报-状态.csv" in win.statusBar().currentMessage()

    # the same file again: nothing to change, nothing to apply
    preview = import_via_menu(qtbot, win, sheet)
    assert preview.changes_view.topLevelItemCount() == 0 and not preview.apply_button.isEnabled()
    assert preview.headline.text() == "无需更改：登记册已是这些值。"
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.register_panels.spreadsheets.preview is None)

    # Ctrl+Z reverts the whole import: both projects, the legend and the map
    qtbot.waitUntil(win.isActiveWindow)  # the window has the keyboard again once the preview is gone
    win.canvas.setFocus()
    qtbot.keyClick(win.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {pid: win.workspace.projects[pid].status for pid in CHANGED} == {pid: "approved" for pid in CHANGED}
    assert {code: maps.legend_count(win, code) for code in before} == before
    assert maps.colour_near(win, pos, approved) > 100 and maps.colour_near(win, pos, completed) == 0
    assert [r.source for r in store.history("PORT-FILL-4") if r.source != "seed"] == ["周报-状态.csv", "undo"]


def test_sheet_with_problems_lists_them_and_cannot_be_applied(qtbot, register_window, tmp_path):
    win = register_window
    store = win.register_panels.link.backend
    history_before = len(store.history())
    sheet = tmp_path / "bad.csv"
    sheet.write_text("project_id,status,progress_pct,actual_start\n"
                     "PORT-FILL-3,completed,100,2014-09-01\n"
                     "NO-SUCH-1,completed,,\n"
                     "PORT-FILL-4,finished-ish,150,2014-13-45\n", encoding="utf-8")

    preview = import_via_menu(qtbot, win, sheet)

    problems = rows_of(preview.problems_view)
    assert [row[:2] for row in problems] == [["3", "project_id"], ["4", "status"],
                                             ["4", "progress_pct"], ["4", "actual_start"]]
    assert "NO-SUCH-1 is not in the register" in problems[0][2]
    assert "unknown status 'finished-ish'" in problems[1][2]
    assert "outside 0-100" in problems[2][2]
    assert preview.problems_view.topLevelItem(0).toolTip(2).startswith(f"{sheet}: row 3, column project_id:")
    assert not preview.apply_button.isEnabled()
    assert "4 problems" in preview.summary.text()
    assert preview.headline.text().startswith("文件中有 4 个问题")
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)  # disabled: does nothing
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.register_panels.spreadsheets.preview is None)
    assert len(store.history()) == history_before
    assert win.workspace.projects["PORT-FILL-3"].status == "approved"


def test_export_xlsx_then_reimport_changes_nothing(qtbot, register_window, tmp_path):
    import openpyxl

    win = register_window
    out = tmp_path / "out" / "登记册.xlsx"
    out.parent.mkdir()

    export_via_menu(qtbot, win, out)

    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("项目编号", "园区", "项目名称")  # Chinese headers in a Chinese UI
    by_id = {r[0]: r for r in rows[1:]}
    assert len(by_id) == len(win.workspace.projects)
    status_col = rows[0].index("状态")
    assert by_id["PORT-FILL-3"][status_col] == DEFAULT_SCHEME["approved"].label_zh
    assert not list(out.parent.glob(".*"))  # no temp file left behind (atomic write)
    assert str(out) in win.statusBar().currentMessage()

    preview = import_via_menu(qtbot, win, out)
    assert preview.headline.text() == "无需更改：登记册已是这些值。"
    assert not preview.apply_button.isEnabled() and preview.changes_view.topLevelItemCount() == 0
    qtbot.mouseClick(preview.close_button, Qt.MouseButton.LeftButton)


def test_export_csv_in_english_has_field_names_and_a_bom(qtbot, register_window, tmp_path):
    win = register_window
    win.set_language("en")
    qtbot.waitUntil(lambda: win.register_panels.spreadsheets.export_action.text() == "E&xport register…")
    out = tmp_path / "register.csv"
    count = win.register_panels.spreadsheets.export_to(out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfproject_id,park,name_zh,")
    assert count == len(win.workspace.projects)


def test_export_to_a_missing_folder_is_one_clear_message(qtbot, register_window, tmp_path):
    win = register_window
    target = tmp_path / "nowhere" / "register.xlsx"
    assert win.register_panels.spreadsheets.export_to(target) is None
    box = win.findChild(QtWidgets.QMessageBox, "spreadsheet_error")
    assert box is not None and box.isVisible()
    assert box.text() == f"{target}: folder does not exist"
    assert not target.exists()
    box.close()


def test_past_day_disables_import_with_the_reason(qtbot, register_window):
    win = register_window
    action = win.register_panels.spreadsheets.import_action
    win.register_panels.link.show_as_of(date(2014, 1, 1))
    assert not action.isEnabled()
    assert "2014-01-01" in action.toolTip()
    assert win.register_panels.spreadsheets.export_action.isEnabled()  # the register itself can be exported
    win.register_panels.link.show_as_of(None)
    assert action.isEnabled()


def test_pack_read_only_disables_import_and_editable_pack_imports(qtbot, qapp, tmp_path, finished):
    """A pack opened read-only: the import action is off and says why; opened for editing, the
    import writes into the pack's register."""
    from parksgis.assets import sample_layers
    from parksgis.app.packs import build_pack_from
    from parksgis.qt.app import configure_app
    from parksgis.qt.main_window import MainWindow

    hq = tmp_path / "hq"
    shutil.copytree(sample_layers(), hq, ignore=shutil.ignore_patterns("register.sqlite*"))
    pack = tmp_path / "port.gpkg"
    build_pack_from(hq, pack, parks=["port"], title="港口片区现场包")
    configure_app(qapp)
    win = MainWindow(language="en", register=True, packs=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        assert finished(win.pack_actions.open_path(pack, read_only=True))
        action = win.register_panels.spreadsheets.import_action
        reason = win.session.pack.read_only_reason
        assert not action.isEnabled() and action.toolTip() == reason
        assert win.register_panels.spreadsheets.export_action.isEnabled()

        assert finished(win.pack_actions.open_path(pack))
        assert action.isEnabled()
        sheet = tmp_path / "field.csv"
        sheet.write_text("project_id,status\nPORT-FILL-3,under_construction\n", encoding="utf-8")
        preview = import_via_menu(qtbot, win, sheet)
        assert preview.headline.text().startswith("1 project(s) will change")
        qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
        assert win.workspace.projects["PORT-FILL-3"].status == "under_construction"
        rows = win.session.pack.register.history("PORT-FILL-3")
        assert [(r.new, r.source) for r in rows if r.source != "seed"] == [("under_construction", "field.csv")]
    finally:
        win.session.close()
