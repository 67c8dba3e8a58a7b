"""Export from the window: File ▸ Export briefing… (Ctrl+E) and Edit ▸ Copy map image (Ctrl+Shift+C)."""

from __future__ import annotations

import os
import re

import pypdf
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QPointF

from parksgis.render.map_renderer import view_transform

Qt = QtCore.Qt
PLOT1_INSIDE = (111.940, 21.7065)   # inside 1号地块 (completed), below its label
COMPLETED = "completed"


def open_dialog_by_shortcut(qtbot, win):
    win.activateWindow()
    win.canvas.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = win.export_actions.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill_path(qtbot, dialog, path) -> None:
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(path))


def plot_pixel(win, page):
    x, y = win.geometry_.display_xy(*PLOT1_INSIDE)
    p = view_transform(page.map_views[0], page.map_rects[0]).map(QPointF(x, y))
    return int(p.x()), int(p.y())


def test_menu_entries_have_english_and_chinese_texts(window):
    from parksgis.qt.i18n import install_language

    actions = window.export_actions
    assert actions.export_action.text() == "导出简报(&E)…"
    assert actions.edit_menu.title() == "编辑(&E)"
    window.set_language("en")
    QtWidgets.QApplication.processEvents()
    assert actions.export_action.text() == "&Export briefing…"
    assert actions.copy_action.text() == "&Copy map image"
    assert actions.export_action.shortcut().toString() == "Ctrl+E"
    assert actions.copy_action.shortcut().toString() == "Ctrl+Shift+C"
    install_language("en")


def test_export_png_of_the_view_has_the_plot_status_colour(qtbot, window, tmp_path):
    dialog = open_dialog_by_shortcut(qtbot, window)
    assert dialog.what.currentData() == "view"
    assert dialog.lang.currentData() == "zh"  # the UI language
    out = tmp_path / "view.png"
    fill_path(qtbot, dialog, out)
    assert dialog.format_label.text() == "PNG"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.is_file() and not dialog.isVisible()
    assert "view.png" in window.statusBar().currentMessage()
    image = QtGui.QImage(str(out))
    assert (image.width(), image.height()) == (round(842 * 150 / 72), round(595 * 150 / 72))  # A4 landscape
    x, y = plot_pixel(window, dialog.last_page)
    assert image.pixelColor(x, y).name() == window.workspace.scheme.color(COMPLETED).lower()
    assert [f for f in os.listdir(tmp_path) if f.endswith(".tmp")] == []


def test_export_pdf_from_the_menu_carries_the_chinese_title(qtbot, window, tmp_path):
    window.actions_.file_menu.menuAction().trigger()  # the File menu holds the entry
    assert window.export_actions.export_action in window.actions_.file_menu.actions()
    window.export_actions.export_action.trigger()
    dialog = window.export_actions.dialog
    dialog.what.setCurrentIndex(dialog.what.findData("port"))
    assert dialog.title.placeholderText() == "港口片区 建设进展"
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("A3 portrait"))
    out = tmp_path / "port.pdf"
    fill_path(qtbot, dialog, out)
    assert dialog.dpi.value() == 300  # the CLI's default for PDF
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert out.is_file()
    reader = pypdf.PdfReader(out)
    text = reader.pages[0].extract_text().replace("\t", "").replace(" ", "")
    assert "港口片区建设进展" in text
    width_pt, height_pt = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width_pt), round(height_pt)) == (842, 1191)  # A3 portrait


def test_export_uses_the_typed_title_and_english(qtbot, window, tmp_path):
    dialog = open_dialog_by_shortcut(qtbot, window)
    dialog.lang.setCurrentIndex(dialog.lang.findData("en"))
    dialog.what.setCurrentIndex(dialog.what.findData("all"))
    qtbot.keyClicks(dialog.title, "Weekly progress")
    fill_path(qtbot, dialog, tmp_path / "all.pdf")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = pypdf.PdfReader(tmp_path / "all.pdf").pages[0].extract_text().replace("\t", " ")
    assert "Weekly progress" in text and "All 2 parks" in text


def test_pixel_size_png(qtbot, window, tmp_path):
    dialog = open_dialog_by_shortcut(qtbot, window)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("pixels"))
    assert dialog.width_px.isEnabled()
    dialog.width_px.setValue(1200)
    dialog.height_px.setValue(800)
    fill_path(qtbot, dialog, tmp_path / "small.png")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    image = QtGui.QImage(str(tmp_path / "small.png"))
    assert (image.width(), image.height()) == (1200, 800)


def test_a_pixel_size_too_small_for_a_briefing_is_refused_in_one_line(qtbot, window, tmp_path):
    dialog = open_dialog_by_shortcut(qtbot, window)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("pixels"))
    dialog.width_px.setValue(400)
    dialog.height_px.setValue(300)
    fill_path(qtbot, dialog, tmp_path / "tiny.png")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "a page of 400x300 px at 150 dpi is too small for a briefing: at least 500x375 px at this dpi " \
           "(a lower dpi sets its text smaller)" in dialog.message.text()
    assert not (tmp_path / "tiny.png").exists()
    dialog.dpi.setValue(96)  # the same pixels at a lower dpi: a bigger page in points, its text smaller
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert QtGui.QImage(str(tmp_path / "tiny.png")).size() == QtCore.QSize(400, 300)


@pytest.mark.parametrize("where", ["missing_folder", "read_only", "folder_in_the_way"])
def test_bad_path_gives_one_line_and_no_file(qtbot, window, tmp_path, where, unprivileged):
    if where == "missing_folder":
        out = tmp_path / "no" / "such" / "folder" / "x.png"
    elif where == "folder_in_the_way":
        out = tmp_path / "x.png"
        out.mkdir()
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        out = folder / "x.png"
    dialog = open_dialog_by_shortcut(qtbot, window)
    fill_path(qtbot, dialog, out)

    def export_and_check():  # as a user the permissions stop (CI runs as root)
        if where == "read_only":
            assert not os.access(out.parent, os.W_OK)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        message = dialog.message.text()
        assert dialog.isVisible()
        assert not out.is_file()
        assert message.startswith(f"导出失败:{out}") and "\n" not in message
        assert {"missing_folder": "不存在", "read_only": "没有权限",
                "folder_in_the_way": "有同名文件夹"}[where] in message
        assert not re.search(r"[A-Za-z]{3,}", message.replace(str(out), "").replace(str(out.parent), ""))  # no English
        assert message in window.statusBar().currentMessage()
        if out.parent.exists():
            assert not list(out.parent.glob(".*.tmp"))

    unprivileged.call(export_and_check) if where == "read_only" else export_and_check()


def test_wrong_ending_is_one_line(qtbot, window, tmp_path):
    dialog = open_dialog_by_shortcut(qtbot, window)
    fill_path(qtbot, dialog, tmp_path / "map.jpg")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "must end in .png, .pdf or .svg" in dialog.message.text()
    assert not (tmp_path / "map.jpg").exists()


def test_copy_map_image_puts_the_view_on_the_clipboard(qtbot, window, maps):
    from parksgis.qt.export_dialog import CLIPBOARD_SIZE_PX

    QtGui.QGuiApplication.clipboard().clear()
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    image = QtGui.QGuiApplication.clipboard().image()
    assert not image.isNull()
    assert (image.width(), image.height()) == CLIPBOARD_SIZE_PX
    scheme = window.workspace.scheme
    x, y = plot_pixel(window, window.export_actions.last_page)
    assert image.pixelColor(x, y).name() == scheme.color(COMPLETED).lower()
    # the statuses in view are on it; a status nothing has is not (beyond anti-aliasing)
    for code in ("completed", "under_construction", "approved", "planned"):
        assert maps.count_colour(image, scheme.color(code), tolerance=4) > 50, code
    assert maps.count_colour(image, scheme.color("in_operation"), tolerance=4) == 0  # Wanxiang's road is out of view
    assert "1920 × 1080" in window.statusBar().currentMessage()


def test_status_date_follows_the_as_of_bar_and_can_pick_another_day(qtbot, qapp, tmp_path):
    """On a folder with a register: the dialog's status date is the day the window shows; typing
    another day exports that day's statuses and leaves the window as it was."""
    import shutil
    from datetime import date

    from parksgis.assets import sample_layers
    from parksgis.app.workspace import load_workspace
    from parksgis.qt.app import configure_app
    from parksgis.qt.i18n import install_language
    from parksgis.qt.main_window import MainWindow

    from parksgis.store.projects_csv import read_projects_csv
    from parksgis.store.register import RegisterStore

    folder = tmp_path / "layers"  # as tests/render/test_cli_render.py: PORT-FILL-1 completed on 2014-12-01
    shutil.copytree(sample_layers(), folder,
                    ignore=shutil.ignore_patterns("register.sqlite*", "*.gpkg", "history.csv"))
    store = RegisterStore.create(folder / "register.sqlite", read_projects_csv(folder / "projects.csv"),
                                 baseline="2014-07-24")
    store.update("PORT-FILL-1", {"status": "completed", "progress_pct": 100}, author="test",
                 changed_at="2014-12-01")
    store.close()
    configure_app(qapp)
    win = MainWindow(language="zh_CN", register=True)
    qtbot.addWidget(win)
    win.show()
    panels = win.register_panels
    workspace, reports = load_workspace(folder)
    win.set_workspace(workspace, reports)
    panels.set_workspace(workspace, win.renderer)
    try:
        panels.link.show_as_of(date(2014, 8, 1))
        plots = workspace.layer("port/plots")
        row = plots.project_ids.tolist().index("PORT-FILL-1")
        minx, miny, maxx, maxy = win.renderer.geometry(plots).geoms[row].bounds
        inside = QPointF((minx + maxx) / 2, miny + (maxy - miny) * 0.2)
        scheme = workspace.scheme

        def export(day_text, name):
            dialog = win.export_actions.show_dialog()
            dialog.what.setCurrentIndex(dialog.what.findData("port"))
            if day_text is not None:
                dialog.status_date.clear()
                qtbot.keyClicks(dialog.status_date, day_text)
            fill_path(qtbot, dialog, tmp_path / name)
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
            page = dialog.last_page
            if page is None:
                return dialog, None
            p = view_transform(page.map_views[0], page.map_rects[0]).map(inside)
            return dialog, QtGui.QImage(str(tmp_path / name)).pixelColor(int(p.x()), int(p.y())).name()

        win.renderer.prepare()  # the window's map as drawn on screen
        window_styles = {key: id(style) for key, style in win.renderer._style.items()}
        assert window_styles
        dialog, colour = export(None, "shown.png")
        assert dialog.status_date.text() == "2014-08-01"
        shown_status = workspace.projects["PORT-FILL-1"].status
        assert colour == scheme.color(shown_status).lower()
        dialog, colour = export("2014-12-31", "later.png")
        assert colour == scheme.color("completed").lower() != scheme.color(shown_status).lower()
        assert win.renderer.status_snapshot is None  # the window still shows 2014-08-01
        assert workspace.as_of == date(2014, 8, 1)
        # the exports drew with renderers of their own: the window's cached paths were not touched
        assert {key: id(style) for key, style in win.renderer._style.items()} == window_styles
        dialog, _ = export("2014-13-01", "bad.png")
        assert dialog.message.text() == "导出失败:状态日期 2014-13-01 不是有效日期(YYYY-MM-DD)"
        assert not (tmp_path / "bad.png").exists()
    finally:
        panels.close()
        install_language("en")


def test_another_status_date_without_a_register_is_one_line(qtbot, window, tmp_path):
    dialog = open_dialog_by_shortcut(qtbot, window)
    qtbot.keyClicks(dialog.status_date, "2014-12-31")
    fill_path(qtbot, dialog, tmp_path / "x.png")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("导出失败:显示 2014-12-31 的状态需要状态台账")
    assert not (tmp_path / "x.png").exists()


def test_missing_glyph_is_named_and_the_file_still_written(qtbot, window, tmp_path):
    dialog = open_dialog_by_shortcut(qtbot, window)
    dialog.title.setText("周报 \u2603")  # a snowman: not in the bundled CJK font
    fill_path(qtbot, dialog, tmp_path / "snow.svg")
    assert dialog.format_label.text() == "SVG"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "snow.svg").is_file()
    assert "周报" in (tmp_path / "snow.svg").read_text(encoding="utf-8")  # SVG text is text
    assert dialog.isVisible() and "U+2603" in dialog.message.text()
    assert "U+2603" in window.statusBar().currentMessage()
