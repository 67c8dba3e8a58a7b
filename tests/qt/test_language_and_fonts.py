"""Switching the UI language at run time, and Chinese drawn with the bundled font (not the system's)."""

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.qt.i18n import data_lang, default_language
from parksgis.render.fonts import FAMILY, ensure_fonts, missing_glyphs

Qt = QtCore.Qt


def click_menu_path(qtbot, window, *menus_then_action):
    """Open menus from the menu bar with real clicks and click the final action."""
    bar = window.menuBar()
    first = menus_then_action[0]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(first.menuAction()).center())
    qtbot.waitUntil(first.isVisible)
    current = first
    for item in menus_then_action[1:]:
        action = item.menuAction() if isinstance(item, QtWidgets.QMenu) else item
        qtbot.mouseClick(current, Qt.MouseButton.LeftButton, pos=current.actionGeometry(action).center())
        if isinstance(item, QtWidgets.QMenu):
            qtbot.waitUntil(item.isVisible)
            current = item


def test_switch_language_from_the_menu(qtbot, window, maps):
    actions = window.actions_
    assert actions.file_menu.title() == "文件(&F)"
    assert window.docks["layers"].windowTitle() == "图层"
    click_menu_path(qtbot, window, actions.settings_menu, actions.language_menu, actions.language_actions["en"])
    assert window.language == "en"
    qtbot.waitUntil(lambda: actions.file_menu.title() == "&File")  # LanguageChange is a posted event
    assert actions.settings_menu.title() == "&Settings"
    assert window.docks["identify"].windowTitle() == "Identify"
    assert window.table.status_combo.itemText(0) == "All statuses"
    assert window.layer_model.index(0, 0).data() == "Port area"  # park names follow the language
    # and back, from the menu again
    click_menu_path(qtbot, window, actions.settings_menu, actions.language_menu, actions.language_actions["zh_CN"])
    qtbot.waitUntil(lambda: actions.file_menu.title() == "文件(&F)")
    assert window.settings.value("language") == "zh_CN"


def test_chinese_still_draws_as_glyphs_after_switching(qtbot, window, maps):
    window.set_language("en")
    qtbot.waitUntil(lambda: window.docks["layers"].windowTitle() == "Layers")
    family = ensure_fonts()
    assert family == FAMILY
    assert family in QtGui.QFontDatabase.families()
    # the UI font is the bundled family (so no system CJK font is needed) and it has the glyphs
    assert QtGui.QFontInfo(window.identify.font()).family() == FAMILY
    for text in ("临港污水处理厂", "进港大道", "港口片区", "规划 立项 在建 建成 投用 暂缓"):
        assert missing_glyphs(text) == []
    # the map still labels in Chinese-capable font: the label of the sewage plant is placed and drawn
    window.canvas.zoom_to_features([("port/utilities", 0)])
    maps.grab_canvas(window)
    placed = [text for text, _box in window.renderer.labels.placed]
    assert placed, "no labels drawn"
    assert all(missing_glyphs(text) == [] for text in placed)


def test_default_language_follows_locale():
    chinese = QtCore.QLocale.system().name().startswith("zh")
    assert default_language() == ("zh_CN" if chinese else "en")
    assert data_lang("zh_CN") == "zh" and data_lang("en") == "en"


def test_a_window_opened_in_english_names_data_in_english(qtbot, qapp, workspace):
    from parksgis.qt.app import configure_app
    from parksgis.qt.main_window import MainWindow

    configure_app(qapp)
    win = MainWindow(language="en")
    qtbot.addWidget(win)
    win.show()
    win.set_workspace(workspace)
    model = win.layer_model
    assert model.index(0, 0).data() == "Port area"
    assert model.index(0, 0, model.index(0, 0)).data() == "Utilities"
    assert win.legend.item_for("planned").text().startswith("Planned")
    assert win.table.status_combo.itemText(1) == "Planned"
    assert win.renderer.lang == "en"
    win.close()
