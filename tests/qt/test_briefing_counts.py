"""Issue 13 point 11: a briefing's legend counts the projects drawn on the map, its key figures all
projects of the parks; the page says how many of those have no map feature, so 规划 6 in the
legend and 规划 8 in the key figures no longer contradict each other."""

from __future__ import annotations

from PySide6 import QtCore

from parksgis.render import briefing_content as content

Qt = QtCore.Qt


def test_11_key_figures_say_how_many_projects_are_not_on_the_map(qtbot, register_window):
    win = register_window
    win.actions_.zoom_all.trigger()  # the whole map, every park, as the user exports it
    view = win.canvas.view_rect()
    parks = [p.park_id for p in win.workspace.parks]
    legend = {e.code: e.count for e in content.legend_entries(win.renderer, view, "zh")}
    kpis = {k.label.strip(): k.value for k in content.kpi_lines(win.renderer, parks, "zh")}
    unmapped = win.workspace.link_report().unmapped
    assert len(unmapped) == 2 and kpis["其中无地图要素"] == "2"
    assert int(kpis["项目"]) == sum(n for c, n in legend.items() if c != content.NO_STATUS) + 2
    assert content.TEXT["zh"]["legend"] == "图例(地图上的项目数)"
    en = {k.label.strip(): k.value for k in content.kpi_lines(win.renderer, parks, "en")}
    assert en["of which not on the map"] == "2"
