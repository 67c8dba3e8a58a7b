"""Issue 13 point 4: opening a source shows its parks (a pack: its park) filling the map, and
opening it again shows the view the user left it at. Point 9: the title bar says what is open and
whether it is read-only."""

from __future__ import annotations

import shutil

import pytest
from PySide6 import QtCore


@pytest.fixture
def opened(qtbot, qapp, tmp_path):
    from parksgis.assets import sample_layers
    from parksgis.qt.app import configure_app
    from parksgis.qt.main_window import MainWindow

    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name / "layers"
        shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
        folders.append(folder)
    configure_app(qapp)
    win = MainWindow(language="zh_CN", register=True, packs=True)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)  # the first-show dock layout
    yield win, folders
    win.close()
    from parksgis.qt.i18n import install_language
    install_language("en")


def parks_fill(win, rect: QtCore.QRectF) -> float:
    """How much of the map's width or height the rectangle takes (the larger share)."""
    view = win.canvas.view_rect()
    assert view.adjusted(-1, -1, 1, 1).contains(rect), (view, rect)
    return max(rect.width() / view.width(), rect.height() / view.height())


def test_4_open_zooms_to_the_parks_and_remembers_the_last_view(qtbot, opened, finished):
    from parksgis.qt.view_memory import parks_rect

    win, (first, second) = opened
    assert finished(win.open_path(first))
    parks = parks_rect(win.canvas, win.workspace)
    basemap = win.renderer.extent()
    assert basemap.width() > parks.width() * 1.5  # the basemap is much larger: not what is shown
    assert parks_fill(win, parks) > 0.85
    win.canvas.zoom_to_layers(win.workspace.park("wanxiang").layers)  # the user works on Wanxiang
    left_at = win.canvas.view_rect()
    assert finished(win.open_path(second))  # another copy: its own first view, the parks
    assert parks_fill(win, parks_rect(win.canvas, win.workspace)) > 0.85
    assert finished(win.open_path(first))  # back: where the user left it
    again = win.canvas.view_rect()
    assert abs(again.center().x() - left_at.center().x()) < left_at.width() * 0.01
    assert abs(again.width() - left_at.width()) < left_at.width() * 0.01


def test_4_a_pack_opens_on_its_park(qtbot, opened, tmp_path, finished):
    from parksgis.app.packs import build_pack_from as build_pack
    from parksgis.qt.view_memory import parks_rect

    win, (folder, _) = opened
    pack = tmp_path / "port.gpkg"
    build_pack(folder, pack, parks=["port"], title="港口片区现场包")
    assert finished(win.open_path(pack))
    assert [p.park_id for p in win.workspace.parks] == ["port"]
    port = parks_rect(win.canvas, win.workspace)
    assert parks_fill(win, port) > 0.85


def test_9_title_says_what_is_open_and_read_only(qtbot, opened, tmp_path, finished):
    from parksgis.app.packs import build_pack_from as build_pack

    win, (folder, _) = opened
    assert finished(win.open_path(folder))
    assert win.windowTitle() == "layers (文件夹) — parksgis"
    pack = tmp_path / "port.gpkg"
    build_pack(folder, pack, parks=["port"], title="港口片区现场包")
    assert finished(win.pack_actions.open_path(pack, read_only=True))
    assert win.windowTitle() == "port.gpkg · 港口片区现场包 (图层包) — 只读 — parksgis"
    assert finished(win.pack_actions.open_path(pack))  # editable now
    assert win.windowTitle() == "port.gpkg · 港口片区现场包 (图层包) — parksgis"
    win.set_language("en")
    qtbot.waitUntil(lambda: win.windowTitle() == "port.gpkg · 港口片区现场包 (layer pack) — parksgis")
