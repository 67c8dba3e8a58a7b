"""Issue 11: painting draws from an immutable RenderState. A page drawn from its own state (another
day's statuses, a highlight, English labels) leaves the window's state and cached paths as they
were; caches are keyed on what they depend on."""

import dataclasses

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from parksgis.render.highlight import HIGHLIGHT_COLOR
from parksgis.render.map_renderer import MapRenderer
from parksgis.render.render_state import RenderState

W, H = 480, 360


def draw(renderer, state=None, labels=False):
    image = QImage(W, H, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.paint(painter, renderer.extent(), QRectF(0, 0, W, H), labels=labels, state=state)
    painter.end()
    return image


def count(image, colour: str) -> int:
    target = QColor(colour).rgb()
    return sum(image.pixel(x, y) == target for x in range(0, W, 2) for y in range(0, H, 2))


def plots(renderer):
    return next(layer for layer in renderer.workspace.layers if layer.key.endswith("plots"))


def test_state_is_a_value(qapp):
    state = RenderState()
    other = state.replace(hidden={"planned"}, highlight=[("port/plots", 3), ("port/plots", 1)], lang="en")
    assert state == RenderState() and state.hidden == frozenset() and state.lang == "zh"
    assert other.highlight == (("port/plots", 1), ("port/plots", 3)) and other.hidden == {"planned"}
    snapshot = {"P0": None}
    day = state.replace(projects=snapshot)
    snapshot["P1"] = None  # the caller's dict changes afterwards: the state does not
    assert list(day.projects) == ["P0"]
    assert day.style_key != state.style_key and day.replace(lang="en").style_key == day.style_key


def test_a_page_of_another_day_leaves_the_window_as_it_was(qapp, small_workspace):
    renderer = MapRenderer(small_workspace)
    window = draw(renderer)
    layer = plots(renderer)
    window_style = renderer.style(layer)
    state_before = renderer.state
    all_planned = {pid: dataclasses.replace(p, status="planned") for pid, p in small_workspace.projects.items()}
    page_state = renderer.state.replace(projects=all_planned, lang="en",
                                        highlight=[(layer.key, r) for r in range(len(layer.frame))])
    page = draw(renderer, page_state, labels=True)
    planned = small_workspace.scheme.color("planned")
    assert count(page, planned) > count(window, planned)  # the page's day, not the window's
    assert count(page, HIGHLIGHT_COLOR) > 0 and count(window, HIGHLIGHT_COLOR) == 0
    assert renderer.state is state_before  # nothing to put back
    assert renderer.style(layer) is window_style  # the window's paths were neither rebuilt nor lost
    assert renderer.style(layer, page_state) is not window_style
    assert draw(renderer) == window


def test_an_edit_moves_the_live_statuses_not_a_snapshot(qapp, small_workspace):
    renderer = MapRenderer(small_workspace)
    layer = plots(renderer)
    snapshot = renderer.state.replace(projects=dict(small_workspace.projects))
    day_before = draw(renderer, snapshot)
    pid = next(pid for pid, p in small_workspace.projects.items() if p.status != "suspended")
    small_workspace.projects[pid] = dataclasses.replace(small_workspace.projects[pid], status="suspended")
    small_workspace.projects_changed.emit([pid])
    suspended = small_workspace.scheme.color("suspended")
    assert count(draw(renderer), suspended) > 0  # the window follows the edit
    assert draw(renderer, snapshot) == day_before  # the day's page does not
    assert renderer.style(layer, snapshot).statuses.tolist().count("suspended") == 0
