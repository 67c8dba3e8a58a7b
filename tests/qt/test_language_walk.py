"""Issue 13 point 7: every menu, panel and dialog of the window in Chinese and in English, walked
as a user opens them; a string in the other script fails the test.

What is checked is the window's own text (menus, actions, tooltips, dock and window titles,
labels, buttons, group boxes, placeholders, headers, tabs) — Qt's own dialogs included — not the
data shown in it: names from the register and the layers are taken out first (a Chinese name is
data in the English UI, as 进港大道 is), as are paths and the allowed technical words below.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

Qt = QtCore.Qt
CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3001-\u303f]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
#: technical words a Chinese UI keeps as they are (formats, standards, codes, keys, units)
TECHNICAL = {"parksgis", "EPSG", "CGCS", "WGS", "GCJ", "UTF", "GBK", "PNG", "PDF", "SVG", "CSV",
             "XLSX", "JSON", "GeoJSON", "GeoPackage", "GDAL", "WKT", "PROJ", "Ctrl", "Shift", "Esc",
             "Home", "English", "NaN", "Infinity", "AMap", "gpkg", "geojson", "json", "png", "pdf",
             "svg", "csv", "xlsx", "shp", "kml", "fgb", "Del", "Alt", "Tab", "Enter", "Return",
             "Noto", "Sans", "OFL", "Baidu", "Google", "DPI", "YYYY"}
#: strings that are names of languages, in their own script (the language menu)
LANGUAGE_NAMES = {"中文", "English"}


def data_words(win) -> list[str]:
    """Every name the data holds (register, layers, parks), longest first."""
    words = set()
    for p in win.workspace.projects.values():
        words.update(x for x in (p.name_zh, p.name_en, p.project_id, p.owner, p.contractor, p.note) if x)
    for layer in win.workspace.layers:
        words.update(x for x in (layer.title("zh"), layer.title("en"), layer.key, layer.name) if x)
        frame = layer.frame
        for column in frame.columns:
            if column != frame.geometry.name and frame[column].dtype == object:
                words.update(str(v) for v in frame[column].dropna().unique() if str(v).strip())
            words.add(str(column))
    for park in win.workspace.parks:
        words.update((park.name("zh"), park.name("en"), park.park_id))
    for status in win.workspace.scheme:
        words.update((status.label("zh"), status.label("en"), status.code))
    words.add(Path(str(win.workspace.meta.get("source", ""))).name)  # what is open, by its name
    return sorted((w for w in words if len(w) > 1), key=len, reverse=True)


def widget_texts(root) -> list[tuple[str, str]]:
    """(where, text) of the UI text under ``root`` (visible widgets only)."""
    out = []

    def add(where, text):
        if text:
            out.append((where, str(text)))

    widgets = [root] + root.findChildren(QtWidgets.QWidget)
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        add(name + ".toolTip", w.toolTip())
        if w.isWindow():
            add(name + ".title", w.windowTitle())
        if isinstance(w, QtWidgets.QLabel):
            add(name, w.text())
        elif isinstance(w, QtWidgets.QAbstractButton):
            add(name, w.text())
        elif isinstance(w, QtWidgets.QGroupBox):
            add(name, w.title())
        elif isinstance(w, QtWidgets.QLineEdit):
            add(name + ".placeholder", w.placeholderText())
        elif isinstance(w, QtWidgets.QDockWidget):
            add(name, w.windowTitle())
        elif isinstance(w, QtWidgets.QTabBar):
            for i in range(w.count()):
                add(name, w.tabText(i))
        elif isinstance(w, QtWidgets.QHeaderView) and w.model() is not None:
            orientation = w.orientation()
            if orientation == Qt.Orientation.Horizontal and w.objectName() != "data_header":
                for i in range(w.model().columnCount()):
                    add(name, w.model().headerData(i, orientation, Qt.ItemDataRole.DisplayRole))
    for action in root.findChildren(QtGui.QAction):
        add(f"QAction#{action.objectName()}", action.text())
        add(f"QAction#{action.objectName()}.toolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
    return out


def offending(text: str, language: str, data: list[str]) -> str | None:
    """The part of ``text`` in the other script, or None."""
    if text in LANGUAGE_NAMES:
        return None
    for word in data:
        if word in text:
            text = text.replace(word, " ")
    text = re.sub(r"(/|[A-Za-z]:\\)[^\s:：,，)）]+", " ", text)  # paths
    text = re.sub(r"\(&\w\)|&(\w)", r"\1", text)  # access keys
    if language == "en":
        found = CJK.findall(text)
        return "".join(found) or None
    words = [w for w in LATIN_WORD.findall(text) if w not in TECHNICAL]
    return " ".join(words) or None


def check(win, root, language, where, problems):
    data = data_words(win)
    for name, text in widget_texts(root):
        bad = offending(text, language, data)
        if bad:
            problems.append(f"{where} {name}: {text!r} ({bad!r})")


def walk_menus(win, language, problems):
    for action in win.menuBar().actions():
        menu = action.menu()
        todo = [menu]
        while todo:
            current = todo.pop()
            current.aboutToShow.emit()
            data = data_words(win)
            for item in current.actions():
                if item.menu() is not None:
                    todo.append(item.menu())
                if item.objectName().startswith("recent") or current.objectName() in ("recent_menu", "parks_menu"):
                    continue  # file paths and park names: data
                bad = offending(item.text(), language, data)
                if bad:
                    problems.append(f"menu {current.title()}: {item.text()!r} ({bad!r})")
            bad = offending(current.title(), language, data)
            if bad:
                problems.append(f"menu title {current.title()!r} ({bad!r})")



def walk_dialog(qtbot, win, open_it, language, where, problems):
    """``open_it()`` opens a dialog: a modal one is checked and closed from inside its own event
    loop; a modeless one (returned by ``open_it``) is checked and closed here."""
    seen, polling = [], [True]

    def inspect():
        if not polling[0]:
            return
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None:
            QtCore.QTimer.singleShot(5, inspect)
            return
        seen.append(dialog)
        check(win, dialog, language, where, problems)
        dialog.reject() if isinstance(dialog, QtWidgets.QDialog) else dialog.close()

    QtCore.QTimer.singleShot(0, inspect)
    result = open_it()
    if isinstance(result, QtWidgets.QWidget) and not seen:  # modeless: check it here
        polling[0] = False
        qtbot.waitUntil(result.isVisible)
        check(win, result, language, where, problems)
        result.close()
    else:
        qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    polling[0] = False


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_7_every_menu_panel_and_dialog_in_one_language(qtbot, app_window, language, data_dir, tmp_path, finished):
    from parksgis.qt import settings_dialog, stale_edit_dialog
    from parksgis.store.errors import StaleEditError, StaleField

    win = app_window
    win.set_language(language)
    qtbot.wait(20)
    # panels with content: a feature identified, a problem listed, the dashboard drawn, compare on
    panels = win.register_panels
    gbk = tmp_path / "gbk_names.geojson"
    shutil.copy(data_dir / "gbk_names.geojson", gbk)
    finished(win.add_files([gbk]))
    layer = win.workspace.layer("port/plots")
    win.selection.set([(layer.key, layer.project_ids.tolist().index("PORT-FILL-3"))])
    problems: list[str] = []
    for dock in win.findChildren(QtWidgets.QDockWidget):
        dock.show()
        dock.raise_()
        qtbot.wait(5)
        check(win, dock, language, f"panel {dock.objectName()}", problems)
    qtbot.mouseClick(panels.as_of.compare_check, Qt.MouseButton.LeftButton)
    check(win, win, language, "window", problems)
    walk_menus(win, language, problems)
    # the status bar while measuring an area (units)
    win.canvas.set_tool("measure_area")
    for dx, dy in ((0, 0), (500, 0), (500, 500)):
        c = win.canvas.view_rect().center()
        win.canvas.measure.click(c.x() + dx, c.y() + dy)
    bad = offending(win.measure_label.text(), language, [])
    if bad:
        problems.append(f"measure result {win.measure_label.text()!r} ({bad!r})")
    win.canvas.set_tool("pan")
    # dialogs, opened the way the user opens them
    actions = win.actions_
    for where, open_it in [
        ("display CRS dialog", lambda: settings_dialog.DisplayCrsDialog(win.display_crs, win).exec()),
        ("about box", actions.about.trigger),
        ("open folder (Qt's file dialog)", actions.open_folder.trigger),
        ("add layer files (Qt's file dialog)", actions.open_file.trigger),
        ("author name", panels.author_action.trigger),
        ("export briefing", lambda: (win.findChild(QtGui.QAction, "export_briefing").trigger(),
                                     win.export_actions.dialog)[1]),
        ("import spreadsheet (Qt's file dialog)", lambda: (panels.spreadsheets.import_action.trigger(),
                                                           panels.spreadsheets.file_dialog)[1]),
        ("CRS picker", lambda: win.problem_fixes.choose_crs(gbk)),
        ("web-map offset", lambda: win.problem_fixes.choose_offset(gbk)),
        ("stale edit", lambda: stale_edit_dialog.StaleEditDialog(StaleEditError("register.sqlite", [StaleField(
            "PORT-FILL-3", "status", "approved", "completed", "suspended", "Li", "2026-12-03T08:00:00Z")]),
            win.workspace.scheme, win.lang, win).exec()),
        ("shortcuts", lambda: (actions.shortcuts.trigger(), actions.help_dialog)[1]),
        ("user guide", lambda: (actions.guide.trigger(), actions.help_dialog)[1]),
    ]:
        walk_dialog(qtbot, win, open_it, language, where, problems)
    problems = list(dict.fromkeys(problems))
    assert not problems, f"{len(problems)} strings in the other script:\n" + "\n".join(problems)
