"""Opening the sample parks, dropping files on the window, the gui command, remembered settings."""

import json

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis import cli
from parksgis.qt.main_window import MainWindow

Qt = QtCore.Qt


def drop_files(window, paths):
    """Drag-enter then drop file URLs on the window, as a file manager does."""
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    enter = QtGui.QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(QtCore.QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(window, drop)


def test_opens_the_sample_parks(qtbot, window, sample_layers, tmp_path, finished):
    import shutil

    folder = tmp_path / "layers"  # a copy: opening creates the folder's register.sqlite
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    assert finished(window.open_path(folder))
    parks = [window.layer_model.index(i, 0).data() for i in range(window.layer_model.rowCount())]
    assert len(window.workspace.parks) == 3
    assert any("港口" in name for name in parks)
    assert window.recent_files()[0] == str(folder)
    assert window.problems.topLevelItemCount() == 0


def test_drop_a_broken_file_lists_it_and_the_map_keeps_working(qtbot, window, maps, tmp_path):
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [ {"type": "Feat', encoding="utf-8")
    good = tmp_path / "wells.geojson"
    good.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name_zh": "观测井1"},
         "geometry": {"type": "Point", "coordinates": [111.945, 21.722]}}]}), encoding="utf-8")
    with qtbot.waitSignal(window.files_added, timeout=30_000):
        drop_files(window, [broken, good])
    rows = window.problems.rows()
    assert any(row[0] == "error" and row[1] == "broken.geojson" for row in rows), rows
    assert window.docks["problems"].windowTitle().endswith(f"({len(rows)})")
    assert "wells" in [layer.key for layer in window.workspace.layers]   # the good file was added
    # the map still works: click the sewage plant and identify it
    pos = maps.screen_pos(window, *maps.SEWAGE_PLANT)
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.identify.project_id.text() == "PORT-UTIL-01"
    assert QtWidgets.QApplication.activeModalWidget() is None  # no dialog storm


def test_gui_command_refuses_a_missing_path(capsys, tmp_path):
    assert cli.main(["gui", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert "nope: no such file or folder" in err and "Traceback" not in err


def test_window_geometry_and_recent_files_persist(qtbot, qapp, workspace, temp_settings, tmp_path):
    first = MainWindow(language="en")
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 560)
    first.remember(tmp_path / "a")
    first.docks["legend"].hide()
    first.close()
    assert any(temp_settings.rglob("*.ini"))  # written under the test's folder, not the user's
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    assert second.language == "en"
    assert (second.width(), second.height()) == (700, 560)
    assert not second.docks["legend"].isVisible()
    assert second.recent_files() == [str(tmp_path / "a")]
    second.close()


def test_display_crs_setting(qtbot, window, maps):
    from parksgis.qt.settings_dialog import DisplayCrsDialog, check_display_crs

    assert check_display_crs("EPSG:4326") == "不是投影坐标系（距离将以度为单位）"  # the window is in Chinese
    assert check_display_crs("EPSG:4547") is None
    dialog = DisplayCrsDialog("EPSG:4546", window)
    qtbot.addWidget(dialog)
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, "EPSG:4326")
    assert not dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, "EPSG:32649")  # WGS 84 / UTM 49N also covers Yangjiang
    assert dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).isEnabled()
    window.set_display_crs(dialog.crs())
    assert window.renderer.display_crs == "EPSG:32649"
    pos = maps.screen_pos(window, *maps.SEWAGE_PLANT)  # the map still identifies in the new CRS
    window.canvas.zoom_to_features([("port/utilities", 0)])
    pos = maps.screen_pos(window, *maps.SEWAGE_PLANT)
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.identify.project_id.text() == "PORT-UTIL-01"


def test_app_window_opens_a_folder_with_its_register(qtbot, qapp, tmp_path, sample_layers, finished):
    """What ``parksgis gui FOLDER`` shows: the map plus the register's editor on a writable copy."""
    import shutil

    from parksgis.qt.app import configure_app, open_window

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    configure_app(qapp)
    window, opening = open_window(folder, language="zh_CN")
    qtbot.addWidget(window)
    assert finished(opening)
    assert len(window.workspace.parks) == 3
    panels = window.register_panels
    assert panels.link.backend is not None
    assert (folder / "register.sqlite").exists()
    panels.close()
    window.close()


def test_dropping_a_pack_opens_it_in_place(qtbot, window, sample_layers, tmp_path):
    from parksgis.app.packs import build_pack_from

    pack = tmp_path / "port.gpkg"
    build_pack_from(sample_layers, pack, parks=["port"])
    with qtbot.waitSignal(window.opened, timeout=30_000):
        drop_files(window, [pack])
    assert [park.park_id for park in window.workspace.parks] == ["port"]
    assert window.session.pack is not None
    assert window.recent_files()[0] == str(pack)
    window.close()
    assert window.session.pack.register is None  # closing the window releases the pack


def test_parksgis_with_no_arguments_opens_the_sample_parks(qtbot, qapp, tmp_path, sample_layers, monkeypatch):
    """``parksgis`` alone runs the gui command on the bundled sample (here a copy of it)."""
    import shutil

    import parksgis.assets

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    monkeypatch.setattr(parksgis.assets, "sample_layers", lambda: folder)
    seen = []

    def look_and_close():
        # stands in for the user's session: waits for the open, looks, closes
        window = next(w for w in QtWidgets.QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())  # not an earlier test's, closed
        with qtbot.waitSignal(window.opened, timeout=30_000):
            pass
        seen.append([park.park_id for park in window.workspace.parks])
        window.close()
        return 0

    monkeypatch.setattr(QtWidgets.QApplication, "exec", staticmethod(look_and_close))
    # closing the last window would post a Quit that no exec() consumes: every later event loop
    # in this test process (qtbot's waits) would then return at once
    qapp.setQuitOnLastWindowClosed(False)
    try:
        assert cli.main([]) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert seen == [["port", "wanxiang", "environmental"]]


def test_opens_a_single_layer_file(qtbot, window, sample_layers, finished):
    roads = sample_layers / "port" / "roads.geojson"
    assert finished(window.open_path(roads))
    assert [layer.name for layer in window.workspace.layers] == ["roads"]
    assert window.table.layer.name == "roads" and window.table.proxy.rowCount() == len(window.workspace.layers[0].frame)
    window.canvas.zoom_all()
    assert not window.canvas.view_rect().isEmpty()


def test_big_layers_are_kept_as_read_only_once_the_first_frame_is_shown(qtbot, window, sample_layers, tmp_path,
                                                                        finished, monkeypatch):
    """Keeping a big layer as read (io.read_cache) waits for the window's first frame: writing
    it meanwhile took the GIL from the read and the paint of that frame."""
    import shutil

    from parksgis.io import read_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(read_cache, "MIN_BYTES", 1000)  # the sample layers count as big
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    frames = window.canvas.map_item
    shown, written = [], []
    set_workspace, store = window.set_workspace, read_cache._store

    def showing(*args, **kwargs):
        shown.append(frames.frames_rendered)
        return set_workspace(*args, **kwargs)

    def storing(*args):
        written.append(frames.frames_rendered)
        return store(*args)

    monkeypatch.setattr(window, "set_workspace", showing)
    monkeypatch.setattr(read_cache, "_store", storing)
    assert finished(window.open_path(folder))
    read_cache.wait_written()
    assert read_cache._entry_path(folder / "port" / "plots.geojson").is_file()
    assert shown and written and min(written) > shown[0]  # every entry after the new map's first frame
