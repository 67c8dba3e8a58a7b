"""Issue 13: menus a keyboard user can drive (one access key per item), Help offline."""

from __future__ import annotations

import re

import pytest
from PySide6 import QtCore

Qt = QtCore.Qt


def access_key(text: str) -> str | None:
    match = re.search(r"&([^&])", text)
    return match.group(1).lower() if match else None


def menus_of(window):
    """(title, menu) of every menu reachable from the menu bar, submenus included."""
    out, todo = [], [("", a.menu()) for a in window.menuBar().actions() if a.menu()]
    while todo:
        path, menu = todo.pop()
        menu.aboutToShow.emit()  # menus filled when opened (recent files, parks)
        out.append((f"{path}/{menu.title()}", menu))
        todo += [(f"{path}/{menu.title()}", a.menu()) for a in menu.actions() if a.menu()]
    return out


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_menu_item_has_its_own_access_key(app_window, language):
    win = app_window
    win.set_language(language)
    titles = [a.text() for a in win.menuBar().actions()]
    keys = [access_key(t) for t in titles]
    assert None not in keys and len(set(keys)) == len(keys), titles
    for path, menu in menus_of(win):
        texts = [a.text() for a in menu.actions() if a.text() and not a.isSeparator()
                 and not a.objectName().startswith("recent")]
        keys = [access_key(t) for t in texts]
        keys = [k for k in keys if k is not None]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"{path}: access keys {duplicates} shared in {texts}"


def test_help_opens_the_user_guide_and_the_shortcut_list(qtbot, app_window):
    win = app_window
    help_menu = win.actions_.help_menu
    texts = [a.text() for a in help_menu.actions()]
    assert any("用户指南" in t for t in texts) and any("快捷键" in t for t in texts)
    win.actions_.guide.trigger()
    guide = win.actions_.help_dialog
    qtbot.waitUntil(guide.isVisible)
    text = guide.browser.toPlainText()
    assert "Ctrl+J" in text and "更新项目状态" in text  # the guide in Chinese, with its shortcut table
    guide.close()
    win.set_language("en")
    qtbot.waitUntil(lambda: win.actions_.guide.text() == "User &guide")
    win.actions_.guide.trigger()
    guide = win.actions_.help_dialog
    assert "Updating a project's status" in guide.browser.toPlainText()  # docs/app.md, offline
    guide.close()
    win.set_language("zh_CN")
    qtbot.waitUntil(lambda: win.actions_.guide.text() == "用户指南(&G)")
    win.actions_.shortcuts.trigger()
    dialog = win.actions_.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = {dialog.table.item(i, 0).text(): dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())}
    assert rows.get("缩放至所选") == "Ctrl+J" and rows.get("全图") == "Home", rows
    assert all("&" not in name for name in rows)
    dialog.close()
