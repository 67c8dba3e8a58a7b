"""The dashboard's bars equal sums computed here straight from the register, follow edits, and a
click on a bar selects those projects' features on the map."""

from collections import defaultdict

import pytest
from PySide6 import QtCore

from parksgis.qt.register_link import register_today

Qt = QtCore.Qt


@pytest.fixture
def register_window(register_window, qapp):
    """The shared register window (tests/qt/conftest.py) with the dashboard dock raised."""
    panels = register_window.register_panels
    panels.docks["dashboard"].show()
    panels.docks["dashboard"].raise_()
    qapp.processEvents()
    return register_window


def bar_heights(dashboard, chart):
    """{(status, x): height} read from the chart's BarGraphItems (zero bars left out)."""
    out = {}
    for bars in dashboard.bars[chart]:
        for x, h in zip(bars.opts["x"], bars.opts["height"]):
            if h:
                out[(bars.status, int(x))] = float(h)
    return out


def direct_sums(store, workspace):
    """The same figures, summed here from the register's rows and the road layers' own lengths."""
    projects = store.projects()
    parks = [p.park_id for p in workspace.parks]
    by_park, money = defaultdict(float), defaultdict(float)
    for p in projects.values():
        by_park[(p.status, parks.index(p.park))] += 1
        money[p.status] += (p.investment_wan_yuan or 0) / 10_000
    roads = defaultdict(float)
    for layer in workspace.layers:
        if layer.kind.value != "roads":
            continue
        for pid, work, metres in zip(layer.frame["project_id"], layer.frame["work"], layer.frame["length_m"]):
            status = projects[pid].status if pid in projects else None
            roads[(status, ["new", "upgrade"].index(work))] += metres / 1000
    return by_park, money, roads


def check_over_time(dashboard, store):
    """Every day's stack holds every project; the latest day's bars are today's register."""
    heights = bar_heights(dashboard, "over_time")
    days = dashboard.time_days
    assert days == sorted(days) and len(days) >= 2  # the sample parks carry dated 2014 history
    for x in range(len(days)):
        assert sum(h for (_, i), h in heights.items() if i == x) == len(store.projects())
    latest = defaultdict(int)
    for p in store.projects().values():
        latest[p.status] += 1
    assert {code: h for (code, i), h in heights.items() if i == len(days) - 1} == dict(latest)


def check_against_register(dashboard, store, workspace):
    by_park, money, roads = direct_sums(store, workspace)
    assert bar_heights(dashboard, "by_park") == dict(by_park)
    codes = workspace.scheme.codes
    got = bar_heights(dashboard, "investment")
    assert {k: pytest.approx(v) for k, v in got.items()} == {
        (code, codes.index(code)): pytest.approx(v) for code, v in money.items() if v}
    got = bar_heights(dashboard, "roads")
    assert got.keys() == {k for k, v in roads.items() if v}
    for key, km in roads.items():
        assert got[key] == pytest.approx(km)


def test_figures_equal_register_sums_and_follow_an_edit(register_window):
    win = register_window
    dashboard, store = win.register_panels.dashboard, win.register_panels.link.backend
    check_against_register(dashboard, store, win.workspace)
    assert dashboard.target_km == {"new": 22.2, "upgrade": 11.4}
    targets = [item for item in dashboard.plots["roads"].items if item.objectName().startswith("target_")]
    assert sorted(t.yData[0] for t in targets) == [11.4, 22.2]
    check_over_time(dashboard, store)

    win.register_panels.link.update("PORT-RD-JINGANG", {"status": "completed", "progress_pct": 100})
    check_against_register(dashboard, store, win.workspace)
    check_over_time(dashboard, store)
    assert dashboard.time_days[-1] == register_today()  # today's edit is the latest day
    progress = [p.progress_pct for p in store.projects().values() if p.progress_pct is not None]
    assert dashboard.progress_line.yData[-1] == pytest.approx(sum(progress) / len(progress))


def test_clicking_a_bar_selects_its_projects_on_the_map(qtbot, register_window):
    win = register_window
    dashboard = win.register_panels.dashboard
    bars = next(b for b in dashboard.bars["by_park"] if b.status == "under_construction")
    port = 0  # first park: 港口片区
    pos = dashboard.bar_centre("by_park", bars, port)
    qtbot.mouseClick(dashboard.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    expected = {pid for pid, p in win.workspace.projects.items()
                if p.park == "port" and p.status == "under_construction"}
    features = {(layer.key, row) for layer in win.workspace.layers
                for row, pid in enumerate(layer.project_ids) if pid in expected}
    assert len(expected) == 6 and len(features) >= 6
    assert set(win.selection) == features
    assert "6" in win.statusBar().currentMessage()


def test_hidden_dashboard_catches_up_when_shown(qtbot, register_window):
    win = register_window
    panels = win.register_panels
    toggle = panels.docks["dashboard"].toggleViewAction()  # Panels menu → Dashboard
    toggle.trigger()
    assert not panels.dashboard.isVisible()
    panels.link.update("ENV-PCB", {"status": "under_construction"})
    assert panels.dashboard._stale  # nothing recomputed while hidden
    toggle.trigger()
    assert panels.dashboard.isVisible()
    check_against_register(panels.dashboard, panels.link.backend, win.workspace)
    assert bar_heights(panels.dashboard, "by_park")[("under_construction", 2)] == 2  # environmental
