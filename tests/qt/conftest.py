"""Qt test fixtures: a small hand-built workspace near Yangjiang port and a throwaway QSettings."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point, Polygon

from parksgis.model import DEFAULT_SCHEME, Layer, LayerKind, Park, Project, Workspace

# Known places of the small workspace (lon, lat)
SEWAGE_PLANT = (111.960, 21.720)
ROAD_START, ROAD_END = (111.930, 21.700), (111.960, 21.700)  # 进港大道, ~3.1 km east-west


def _frame(rows):
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def make_workspace() -> Workspace:
    projects = {
        "PORT-ROAD-01": Project("PORT-ROAD-01", "port", "进港大道升级改造", "Port Avenue upgrade",
                                "road", "under_construction", 40.0, 32000.0, owner="阳江港口管委会",
                                contractor="广东路桥"),
        "PORT-ROAD-02": Project("PORT-ROAD-02", "port", "疏港大道(南)", "Port Link Road (South)",
                                "road", "planned", 0.0, 18000.0),
        "PORT-UTIL-01": Project("PORT-UTIL-01", "port", "临港污水处理厂", "Port sewage treatment plant",
                                "utility", "approved", 10.0, 9000.0, owner="高新区管委会"),
        "PORT-PLOT-01": Project("PORT-PLOT-01", "port", "1号地块场平", "Plot 1 land levelling",
                                "plot", "completed", 100.0, 5000.0),
        "WX-ROAD-01": Project("WX-ROAD-01", "wanxiang", "新工业大道", "New Industry Avenue",
                              "road", "in_operation", 100.0, 12000.0),
    }
    plots = _frame([
        {"plot_id": "P1", "name_zh": "1号地块", "name_en": "Plot 1", "project_id": "PORT-PLOT-01",
         "geometry": Polygon([(111.935, 21.705), (111.945, 21.705), (111.945, 21.712), (111.935, 21.712)])},
        {"plot_id": "P2", "name_zh": "2号地块", "name_en": "Plot 2", "project_id": None,
         "geometry": Polygon([(111.947, 21.705), (111.955, 21.705), (111.955, 21.712), (111.947, 21.712)])},
    ])
    roads = _frame([
        {"road_id": "R1", "name_zh": "进港大道", "name_en": "Port Avenue", "project_id": "PORT-ROAD-01",
         "geometry": LineString([ROAD_START, ROAD_END])},
        {"road_id": "R2", "name_zh": "疏港大道(南)", "name_en": "Port Link Road (South)",
         "project_id": "PORT-ROAD-02", "geometry": LineString([(111.930, 21.695), (111.930, 21.725)])},
    ])
    utilities = _frame([
        {"util_id": "U1", "name_zh": "临港污水处理厂", "name_en": "Port sewage plant", "kind": "sewage",
         "project_id": "PORT-UTIL-01", "geometry": Point(SEWAGE_PLANT)},
    ])
    boundary = _frame([{"name_zh": "港口片区", "geometry": Polygon(
        [(111.925, 21.690), (111.965, 21.690), (111.965, 21.730), (111.925, 21.730)])}])
    wx_roads = _frame([
        {"road_id": "W1", "name_zh": "新工业大道", "name_en": "New Industry Avenue",
         "project_id": "WX-ROAD-01", "geometry": LineString([(112.02, 21.86), (112.05, 21.86)])},
    ])
    basemap = _frame([{"name_zh": "陆地", "geometry": Polygon(
        [(111.90, 21.68), (112.10, 21.68), (112.10, 21.90), (111.90, 21.90)])}])
    port = Park("port", "港口片区", "Port area", [
        Layer("boundary", boundary, LayerKind.BOUNDARY, "port", title_zh="边界", title_en="Boundary"),
        Layer("plots", plots, LayerKind.PLOTS, "port", title_zh="地块", title_en="Plots"),
        Layer("roads", roads, LayerKind.ROADS, "port", title_zh="道路", title_en="Roads"),
        Layer("utilities", utilities, LayerKind.UTILITIES, "port", title_zh="市政设施", title_en="Utilities"),
    ])
    wanxiang = Park("wanxiang", "万象工业园", "Wanxiang park", [
        Layer("roads", wx_roads, LayerKind.ROADS, "wanxiang", title_zh="道路", title_en="Roads"),
    ])
    base = Layer("land", basemap, LayerKind.BASEMAP, title_zh="底图", title_en="Basemap")
    return Workspace([port, wanxiang], [base], projects, DEFAULT_SCHEME)


@pytest.fixture
def workspace() -> Workspace:
    return make_workspace()


@pytest.fixture(autouse=True)
def temp_settings(tmp_path, monkeypatch):
    """Every Qt test writes its QSettings into tmp_path, never the user's."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture
def window(qtbot, qapp, workspace):
    """The main window in Chinese on the small workspace, shown at a fixed size, zoomed to the port."""
    from parksgis.qt.app import configure_app
    from parksgis.qt.main_window import MainWindow

    configure_app(qapp)
    win = MainWindow(language="zh_CN")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(10)  # the first-show dock layout is applied from the event loop
    win.set_workspace(workspace)
    win.canvas.zoom_to_layers(workspace.parks[0].layers)
    qapp.processEvents()
    yield win
    from parksgis.qt.i18n import install_language
    install_language("en")  # the next test starts from the source language


def screen_pos(win, lon: float, lat: float):
    """Viewport pixel of a lon/lat point, through the canvas's own transform."""
    return win.canvas.view_to_widget(*win.geometry_.display_xy(lon, lat))


def grab_canvas(win):
    win.canvas.repaint()
    return win.canvas.grab().toImage()


def count_colour(image, hex_colour: str, tolerance: int = 8) -> int:
    """Pixels of ``image`` within ``tolerance`` (per channel) of ``hex_colour``."""
    import numpy as np

    image = image.convertToFormat(image.Format.Format_RGB32)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, image.bytesPerLine())
    pixels = data[:, : width * 4].reshape(height, width, 4)[:, :, :3].astype(int)  # B, G, R
    r, g, b = int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)
    return int((np.abs(pixels - np.array([b, g, r])).max(axis=2) <= tolerance).sum())


def ime_commit(widget, text: str) -> None:
    """Type Chinese the way it really arrives: an input method commits the composed text.

    (QTest.keyClicks only handles ASCII; a Chinese user's keystrokes go through the IME.)
    """
    from PySide6 import QtGui, QtWidgets

    widget.setFocus()
    event = QtGui.QInputMethodEvent()
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


def project_pixel(win, layer_key: str, project_id: str):
    """Zoom to a project's first feature; the viewport pixel of a point inside it."""
    import shapely
    from PySide6 import QtCore

    layer = win.workspace.layer(layer_key)
    row = layer.project_ids.tolist().index(project_id)
    # the point first: the zoom's read may swap the frame of a layer read per view (rows move)
    # (a band's areas come without shapes in the frame: the map's geometry makes them)
    point = shapely.get_coordinates(win.renderer.geometry(layer).wgs84[row].representative_point())[0]
    win.canvas.zoom_to_features([(layer.key, row)])
    QtCore.QCoreApplication.processEvents()
    return win.canvas.view_to_widget(*win.geometry_.display_xy(*point))


def click_project(qtbot, win, layer_key: str, project_id: str) -> None:
    """Zoom to a project's first feature and click it on the map, as a user does."""
    from PySide6 import QtCore

    pos = project_pixel(win, layer_key, project_id)
    qtbot.mouseMove(win.canvas.viewport(), pos)
    qtbot.mouseClick(win.canvas.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    row = win.workspace.layer(layer_key).project_ids.tolist().index(project_id)
    assert win.selection.current == (layer_key, row)


def colour_near(win, pos, hex_colour: str) -> int:
    """Pixels of ``hex_colour`` in a 21 px square around ``pos`` (labels may cover the middle)."""
    patch = grab_canvas(win).copy(pos.x() - 10, pos.y() - 10, 21, 21)
    return count_colour(patch, hex_colour, tolerance=10)


def legend_count(win, code: str) -> int:
    """The count a status legend row shows: ``在建 (16)`` -> 16."""
    return int(win.legend.item_for(code).text().rsplit("(", 1)[1].rstrip(")"))


def pick_status(qtbot, editor, code: str) -> None:
    """Pick a status in the editor's combo with the keyboard, as a user does (not applied yet)."""
    from PySide6 import QtCore

    combo = editor.status_combo
    combo.setFocus()
    target = combo.findData(code)
    key = QtCore.Qt.Key.Key_Down if target > combo.currentIndex() else QtCore.Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)


def choose_status(qtbot, editor, code: str) -> None:
    """Pick a status in the editor's combo with the keyboard, then click Apply."""
    from PySide6 import QtCore

    pick_status(qtbot, editor, code)
    qtbot.mouseClick(editor.apply_button, QtCore.Qt.MouseButton.LeftButton)


class MapHelpers:
    """What the tests need to act on the map: places, pixel positions, grabs and colour counts."""

    SEWAGE_PLANT = SEWAGE_PLANT
    ROAD_START, ROAD_END = ROAD_START, ROAD_END
    screen_pos = staticmethod(screen_pos)
    grab_canvas = staticmethod(grab_canvas)
    count_colour = staticmethod(count_colour)
    ime_commit = staticmethod(ime_commit)
    click_project = staticmethod(click_project)
    project_pixel = staticmethod(project_pixel)
    colour_near = staticmethod(colour_near)
    legend_count = staticmethod(legend_count)
    choose_status = staticmethod(choose_status)
    pick_status = staticmethod(pick_status)


@pytest.fixture
def maps() -> MapHelpers:
    return MapHelpers()


def drag(widget, start, end, modifiers=None, steps: int = 6) -> None:
    """A left-button drag with real mouse events (QTest.mouseMove cannot hold a button down)."""
    from PySide6 import QtCore, QtGui, QtTest, QtWidgets

    Qt = QtCore.Qt
    mods = modifiers if modifiers is not None else Qt.KeyboardModifier.NoModifier

    def send(kind, pos, buttons):
        point = QtCore.QPointF(pos)
        event = QtGui.QMouseEvent(kind, point, QtCore.QPointF(widget.mapToGlobal(pos)),
                                  Qt.MouseButton.LeftButton if kind != QtCore.QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
                                  buttons, mods)
        QtWidgets.QApplication.sendEvent(widget, event)

    send(QtCore.QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for i in range(1, steps + 1):
        pos = QtCore.QPoint(start.x() + (end.x() - start.x()) * i // steps,
                            start.y() + (end.y() - start.y()) * i // steps)
        send(QtCore.QEvent.Type.MouseMove, pos, Qt.MouseButton.LeftButton)
        QtTest.QTest.qWait(15)  # pyqtgraph drops moves faster than 100 Hz
    send(QtCore.QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


MapHelpers.drag = staticmethod(drag)


def move_mouse(widget, pos) -> None:
    """A mouse move with no button held, delivered to ``widget``.

    Waits 20 ms first: pyqtgraph's scene drops moves closer together than its mouse rate limit
    (100 Hz), as a real mouse's are not.
    """
    from PySide6 import QtCore, QtGui, QtTest, QtWidgets

    QtTest.QTest.qWait(20)
    Qt = QtCore.Qt
    event = QtGui.QMouseEvent(QtCore.QEvent.Type.MouseMove, QtCore.QPointF(pos),
                              QtCore.QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.NoButton,
                              Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, event)


MapHelpers.move_mouse = staticmethod(move_mouse)


def when_dialog_opens(answer) -> None:
    """Call ``answer(dialog)`` once the next modal dialog is up (it runs inside the dialog's own
    event loop, so the code that opened it with exec() continues with the user's answer)."""
    from PySide6 import QtCore, QtWidgets

    def poll():
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None:
            QtCore.QTimer.singleShot(5, poll)
        else:
            answer(dialog)

    QtCore.QTimer.singleShot(0, poll)


MapHelpers.when_dialog_opens = staticmethod(when_dialog_opens)


@pytest.fixture
def finished(qtbot):
    """``finished(pending)``: wait for an operation's ``done`` signal (a window's open, a merge, a
    load) and return its value."""
    def wait(pending, timeout: int = 30_000):
        if pending.emitted:
            return pending.value
        with qtbot.waitSignal(pending.done, timeout=timeout) as blocker:
            pass
        return blocker.args[0]

    return wait


@pytest.fixture
def register_window(qtbot, qapp, tmp_path):
    """The main window with the register panels on a copy of layers/ (register.sqlite in tmp_path)."""
    import shutil

    from parksgis.assets import sample_layers
    from parksgis.app.workspace import load_workspace
    from parksgis.qt.app import configure_app
    from parksgis.qt.i18n import install_language
    from parksgis.qt.main_window import MainWindow

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    configure_app(qapp)
    win = MainWindow(language="zh_CN", register=True)
    qtbot.addWidget(win)
    win.resize(1280, 900)
    win.show()
    qtbot.waitExposed(win)
    panels = win.register_panels
    workspace, reports = load_workspace(folder)
    win.set_workspace(workspace, reports)
    panels.set_workspace(workspace, win.renderer)
    qapp.processEvents()
    yield win
    panels.close()
    install_language("en")


@pytest.fixture
def app_window(qtbot, qapp, tmp_path):
    """The window exactly as ``parksgis`` opens it (every panel and action), in Chinese, on a copy
    of the sample parks, at 1280×800."""
    import shutil

    from parksgis.assets import sample_layers
    from parksgis.qt.app import configure_app, open_window
    from parksgis.qt.i18n import install_language

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    configure_app(qapp)
    win, opening = open_window(folder, language="zh_CN")
    qtbot.addWidget(win)
    with qtbot.waitSignal(opening.done, timeout=30_000):
        pass
    win.resize(1280, 800)
    yield win
    win.close()
    install_language("en")


class ViewportWindows:
    """Main windows opened as *File ▸ Open* does, for layers read per view: ``open(path)`` gives a
    new window (English, 1280×800, register and packs) once its first view is read (and, unless
    ``counted=False``, the legend's counts are in)."""

    def __init__(self, qtbot, qapp):
        self.qtbot, self.qapp = qtbot, qapp

    def open(self, path, timeout: int = 60_000, counted: bool = True, through_window: bool = False):
        from parksgis.qt.app import configure_app
        from parksgis.qt.main_window import MainWindow
        from parksgis.qt.workspace_loading import open_path

        configure_app(self.qapp)
        win = MainWindow(language="en", register=True, packs=True)
        self.qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        self.qtbot.waitExposed(win)
        # through_window: as the app's File ▸ Open does (a pack through its pack actions)
        pending = win.open_path(path) if through_window else open_path(win, path)
        if not pending.emitted:
            with self.qtbot.waitSignal(pending.done, timeout=timeout):
                pass
        assert pending.value
        self.settle(win)
        if counted:
            self.counted(win)
        return win

    def counted(self, win) -> None:
        """Until the legend shows its counts (a big pack's are counted after the map is drawn)."""
        if win.legend.counting is not None:
            with self.qtbot.waitSignal(win.legend.counted, timeout=30_000):
                pass

    def settle(self, win) -> None:
        """Until the view's read is done (its frames come with ``swapped``)."""
        feeder = win.viewport_feeder
        while feeder.busy:
            with self.qtbot.waitSignal(feeder.swapped, timeout=10_000):
                pass

    def rest(self, win) -> None:
        """Until the map has rested and the margin around the view is read."""
        feeder = win.viewport_feeder
        while feeder.resting:
            with self.qtbot.waitSignal(feeder.rested, timeout=10_000):
                pass

    @staticmethod
    def frame(win):
        """The map's frame, freshly painted."""
        win.canvas.map_item.invalidate()
        win.canvas.grab()
        return win.canvas.map_item.cached_image()


@pytest.fixture
def viewport(qtbot, qapp) -> ViewportWindows:
    return ViewportWindows(qtbot, qapp)
