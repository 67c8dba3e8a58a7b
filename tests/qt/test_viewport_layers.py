"""A pack's big layers in the window are read for the view only, and drawn exactly as before.

The sample parks stand in for a big pack: the size from which layers are viewport-driven (and
get level-of-detail bands) is lowered to a few features, so every sample layer is read per view.
"""

from __future__ import annotations

import sys

import pytest
import shapely
from PySide6 import QtCore

from parksgis.pack import lod, view_source


@pytest.fixture
def pack(lod_pack):
    return lod_pack


def _two_windows(viewport, pack, monkeypatch):
    """The pack in a window reading every layer whole (as before), and in one reading per view."""
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 10**9)
    whole = viewport.open(pack)
    assert all(layer.view is None for layer in whole.workspace.layers)
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    viewed = viewport.open(pack)
    return whole, viewed


def test_the_window_reads_a_big_layer_for_the_view_only(qtbot, viewport, pack, monkeypatch):
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    plots = win.workspace.layer("port/plots")
    assert plots.view is not None and plots.feature_count == 14
    assert len(plots.frame) == 14  # the first view shows every park
    win.session.close()


def test_file_open_of_a_pack_in_the_app_reads_its_big_layers_per_view(qtbot, viewport, pack, monkeypatch):
    """The app's window opens a pack through its pack actions (File ▸ Open, ``parksgis gui
    PACK``): its big layers are read for the view there too, not whole."""
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack, through_window=True)
    plots = win.workspace.layer("port/plots")
    assert plots.view is not None and plots.feature_count == 14
    assert len(plots.frame) == 14  # the first view shows every park
    assert win.pack_actions.handle is not None  # the pack's own actions have it (edits, export)
    win.session.close()


def test_point_layers_open_whole_below_their_own_size(qtbot, viewport, pack, monkeypatch):
    """A point layer is read per view only from ``VIEWPORT_MIN_POINTS`` features (held whole, a
    point is one vertex and its values; read per view, it slowed every zoom), an area or line
    layer from ``VIEWPORT_MIN_FEATURES``; below, it is read whole and drawn from memory."""
    assert view_source.viewport_driven(20_000, "MULTIPOLYGON") and not view_source.viewport_driven(20_000, "Point")
    assert view_source.viewport_driven(view_source.VIEWPORT_MIN_POINTS, "POINT")
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 3)
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_POINTS", 5)
    win = viewport.open(pack)
    utilities, plots = win.workspace.layer("port/utilities"), win.workspace.layer("port/plots")
    assert utilities.view is None and len(utilities.frame) == 4  # four points, read whole
    assert plots.view is not None and win.workspace.layer("port/roads").view is not None
    win.session.close()
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_POINTS", 4)
    win = viewport.open(pack)
    assert win.workspace.layer("port/utilities").view is not None
    win.session.close()


def _show(viewport, win, west, south, east, north):
    x0, y0 = win.geometry_.display_xy(west, south)
    x1, y1 = win.geometry_.display_xy(east, north)
    win.canvas.view_box.setRange(rect=QtCore.QRectF(x0, y0, x1 - x0, y1 - y0), padding=0)
    viewport.settle(win)


def _same_pixels(a, b) -> bool:
    return a.size() == b.size() and a.constBits().tobytes() == b.constBits().tobytes()


def test_what_a_new_view_replaces_is_freed_once_the_map_has_drawn_it(qtbot, viewport, pack, monkeypatch):
    """A view's features, projected geometry and paths are not freed while the next view's are
    swapped in (10-15 ms of a zoom at a million plots) but once its frame is drawn: nothing
    piles up however often the map moves."""
    import gc
    import weakref

    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    plots = win.workspace.layer("port/plots")
    _show(viewport, win, 111.835, 21.725, 111.855, 21.735)
    gone = []
    for step in (3, -3, 3):  # far each time: the view is read again
        old = plots.frame
        gone.append(weakref.ref(old))
        win.canvas.view_box.translateBy(x=win.canvas.view_rect().width() * step)
        viewport.settle(win)
        assert plots.frame is not old and any(kept is old for kept in win.canvas.map_item.replaced)
        del old
        win.canvas.viewport().repaint()  # the new view's frame
        QtCore.QCoreApplication.processEvents()
        assert win.canvas.map_item.replaced == []
    gc.collect()
    assert all(ref() is None for ref in gone)
    win.session.close()


@pytest.mark.parametrize("view", [(111.835, 21.725, 111.855, 21.735), (111.845, 21.725, 111.85, 21.73)])
def test_a_zoomed_in_view_is_pixel_identical_to_the_whole_layer(qtbot, viewport, pack, monkeypatch, view):
    whole, viewed = _two_windows(viewport, pack, monkeypatch)
    for win in (whole, viewed):
        _show(viewport, win, *view)
    assert viewed.canvas.metres_per_pixel() < lod.BANDS[0]  # full detail
    assert viewed.canvas.view_rect() == whole.canvas.view_rect()
    partial = [l.key for l in viewed.workspace.layers if l.view and len(l.frame) < l.feature_count]
    assert "wanxiang/plots" in partial  # the other park is not read
    image = viewport.frame(viewed)
    assert len({image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}) > 2
    assert _same_pixels(image, viewport.frame(whole))
    for win in (whole, viewed):
        win.session.close()


def _shapes(win, layer):
    """The WGS84 shapes of ``layer``'s frame rows: a band's areas come without shapes in the
    frame (the map draws their vertices) and are made from the vertices on demand."""
    return win.renderer.geometry(layer).wgs84


def test_a_small_pan_reads_nothing_and_a_far_one_keeps_the_selection(qtbot, viewport, pack, monkeypatch):
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    _show(viewport, win, 111.835, 21.725, 111.855, 21.735)
    plots = win.workspace.layer("port/plots")
    # select a plot by clicking it, as a user does
    row = 0
    x, y = win.geometry_.display_xy(*_shapes(win, plots)[row].representative_point().coords[0])
    win.canvas.zoom_at(x, y, 1.0)
    viewport.settle(win)
    qtbot.mouseClick(win.canvas.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     pos=win.canvas.view_to_widget(x, y))
    (key, selected_row), = win.selection.items
    fid = win.workspace.layer(key).frame.index[selected_row]
    name = win.identify.attributes.item(0, 1).text()
    assert win.viewport_feeder.resting  # a new view is read alone first, its margin once at rest
    viewport.rest(win)
    reads = win.viewport_feeder.reads
    rect = win.canvas.view_rect()
    win.canvas.view_box.translateBy(x=rect.width() * 0.2)  # inside the margin read around the view
    assert not win.viewport_feeder.busy  # the frames hold it: no read stands between it and the map
    viewport.rest(win)  # (the margin around the new view is topped up at rest)
    assert win.viewport_feeder.reads == reads
    win.canvas.view_box.translateBy(x=rect.width() * 3)  # far: the frames are read again
    viewport.settle(win)
    assert win.viewport_feeder.reads == reads + 1
    (key2, row2), = win.selection.items
    assert key2 == key and win.workspace.layer(key).frame.index[row2] == fid
    assert win.identify.attributes.item(0, 1).text() == name
    win.session.close()


def test_zooming_out_reads_the_bands_and_zoom_all_reaches_every_park(qtbot, viewport, pack, monkeypatch):
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    _show(viewport, win, 111.845, 21.725, 111.85, 21.73)
    assert len(win.workspace.layer("wanxiang/plots").frame) == 0
    win.canvas.zoom_all()
    viewport.settle(win)
    assert win.canvas.metres_per_pixel() >= lod.BANDS[0]
    plots = win.workspace.layer("wanxiang/plots")
    assert len(plots.frame) == plots.feature_count
    assert plots.frame.attrs["coverage"].band is not None
    win.session.close()


def test_the_legend_counts_every_feature_of_a_big_layer_not_the_view(qtbot, viewport, pack, monkeypatch):
    whole, viewed = _two_windows(viewport, pack, monkeypatch)
    _show(viewport, viewed, 111.845, 21.725, 111.85, 21.73)  # a corner of one park
    assert viewed.legend.statuses.views  # counted from the pack
    texts = [[w.legend.item(i).text() for i in range(w.legend.count())] for w in (whole, viewed)]
    assert texts[0] == texts[1]
    for win in (whole, viewed):
        win.session.close()


def test_the_table_lists_and_filters_every_feature_and_selects_one_outside_the_view(
        qtbot, viewport, pack, monkeypatch):
    whole, viewed = _two_windows(viewport, pack, monkeypatch)
    _show(viewport, viewed, 111.845, 21.725, 111.85, 21.73)  # a corner of the port park
    for win in (whole, viewed):
        win.table.show_layer(win.workspace.layer("wanxiang/plots"))
    assert len(viewed.workspace.layer("wanxiang/plots").frame) == 0  # not in the view
    rows = [[[w.table.proxy.index(r, c).data() for c in range(w.table.proxy.columnCount())]
             for r in range(w.table.proxy.rowCount())] for w in (whole, viewed)]
    # every feature, the same cells and statuses (the whole layer's table may be sorted)
    assert len(rows[1]) == 9 and sorted(rows[0]) == sorted(rows[1])
    for text in ("厂", "WX", "zzz"):
        counts = []
        for win in (whole, viewed):
            win.table.filter_edit.setText(text)  # as an input method commits it
            counts.append(win.table.proxy.rowCount())
            win.table.filter_edit.clear()
        assert counts[0] == counts[1], text
    # a row picked in the table: the feature is read into the map and selected, and identified
    table = viewed.table.table
    qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     pos=table.visualRect(viewed.table.proxy.index(3, 0)).center())
    (key, row), = viewed.selection.items
    assert key == "wanxiang/plots"
    frame = viewed.workspace.layer(key).frame
    assert frame.iloc[row]["name_zh"] == rows[1][3][viewed.table.proxy.sourceModel().columns.index("name_zh")]
    assert viewed.identify.heading.text()
    for win in (whole, viewed):
        win.session.close()


def test_search_finds_features_of_a_big_layer_outside_the_view(qtbot, viewport, pack, monkeypatch):
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    _show(viewport, win, 111.845, 21.725, 111.85, 21.73)  # a corner of the port park
    plots = win.workspace.layer("wanxiang/plots")
    assert len(plots.frame) == 0
    win.search.setText("wx-plot-machinery")  # a plot's own id, not a project
    win.search.take_first()
    (key, row), = win.selection.items
    assert key == "wanxiang/plots" and plots.frame.iloc[row]["id"] == "wx-plot-machinery"
    win.search.setText("WX-RDBASE")  # a project: its features in the big layer are selected
    win.search.take_first()
    assert [plots.frame.iloc[r]["project_id"] for k, r in win.selection.items if k == key] == ["WX-RDBASE"]
    viewport.settle(win)  # the map went there: the selection is kept by the reads
    assert [plots.frame.iloc[r]["project_id"] for k, r in win.selection.items if k == key] == ["WX-RDBASE"]
    win.session.close()


def test_category_colours_stay_with_the_features_wherever_the_map_goes(qtbot, viewport, pack, monkeypatch):
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    win.renderer.show_labels = False  # nothing drawn over the plots' insides
    plots = win.workspace.layer("port/plots")
    plots.style = "category"

    def colours(box=None):
        """The colour drawn inside each plot of the frame (within WGS84 ``box``), by feature id."""
        image = viewport.frame(win)
        rect, out = win.canvas.view_rect(), {}
        for fid, shape in zip(plots.frame.index, _shapes(win, plots)):
            inside = shape if box is None else shape.intersection(shapely.box(*box))
            if inside.is_empty:
                continue
            x, y = win.geometry_.display_xy(*inside.representative_point().coords[0])
            pos = win.canvas.view_to_widget(x, y)
            if rect.contains(x, y) and image.rect().contains(pos):
                out[int(fid)] = image.pixel(pos)
        return out

    everything = colours()  # the first view shows every park
    assert len(set(everything.values())) > 2  # several categories
    for view in [(111.835, 21.725, 111.855, 21.735), (111.845, 21.725, 111.85, 21.73)]:
        _show(viewport, win, *view)
        part = colours(view)
        assert part and len(plots.frame) < plots.feature_count
        assert {fid: everything[fid] for fid in part} == part
    win.session.close()


@pytest.fixture
def own_status_pack(tmp_path, monkeypatch):
    """The sample pack where the wanxiang plots linked to no project carry a status of their own
    (状态, in words of the register import), one a word that means no status."""
    import json
    import shutil
    from pathlib import Path

    from parksgis.app.packs import build_pack_from
    from parksgis.model.status import DEFAULT_SCHEME

    folder = tmp_path / "pack-source"
    shutil.copytree(Path(__file__).parents[2] / "layers", folder,
                    ignore=shutil.ignore_patterns("register.sqlite", "*.gpkg"))
    path = folder / "wanxiang" / "plots.geojson"
    document = json.loads(path.read_text(encoding="utf-8"))
    words = [status.label_zh for status in DEFAULT_SCHEME][:2] + ["待定"]
    unlinked = [f for f in document["features"] if not f["properties"].get("project_id")]
    for i, feature in enumerate(unlinked):
        feature["properties"]["状态"] = words[i % len(words)]
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(lod, "MIN_FEATURES", 5)
    out = tmp_path / "parks.gpkg"
    build_pack_from(folder, out)
    return out


def test_the_tables_status_filter_counts_a_features_own_status(qtbot, viewport, own_status_pack, monkeypatch):
    whole, viewed = _two_windows(viewport, own_status_pack, monkeypatch)
    counts = []
    for win in (whole, viewed):
        win.table.show_layer(win.workspace.layer("wanxiang/plots"))
        combo, found = win.table.status_combo, []
        for i in range(combo.count()):
            combo.setCurrentIndex(i)
            found.append((combo.currentData(), win.table.proxy.rowCount()))
        counts.append(found)
    assert counts[0] == counts[1]
    by_status = dict(counts[1])
    assert by_status[None] == 9 and sum(n for code, n in counts[1] if code is not None) == 9
    first = next(iter(viewed.workspace.scheme)).code
    assert by_status[first] >= 2  # a linked plot or two, and the unlinked ones saying so themselves
    for win in (whole, viewed):
        win.session.close()


def test_the_table_of_a_big_layer_sorts_by_a_column_as_the_whole_layers_does(qtbot, viewport, pack, monkeypatch):
    whole, viewed = _two_windows(viewport, pack, monkeypatch)
    _show(viewport, viewed, 111.845, 21.725, 111.85, 21.73)  # a corner of the port park
    orders = []
    for win in (whole, viewed):
        win.table.show_layer(win.workspace.layer("port/plots"))
        columns = win.table.proxy.sourceModel().columns
        header = win.table.table.horizontalHeader()
        found = []
        for name in ("name_zh", "area_m2"):
            column = columns.index(name)
            for _ in range(2):  # a click sorts up, the next one down
                x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                qtbot.mouseClick(header.viewport(), QtCore.Qt.MouseButton.LeftButton,
                                 pos=QtCore.QPoint(x, header.height() // 2))
                found.append([win.table.proxy.index(r, column).data() for r in range(win.table.proxy.rowCount())])
        orders.append(found)
    assert orders[0] == orders[1]
    assert orders[1][0] != orders[1][1] and orders[1][0] == sorted(orders[1][0])
    # sorted and filtered, a row picked is still the feature the table shows there
    viewed.table.filter_edit.setText("P")
    table, proxy = viewed.table.table, viewed.table.proxy
    model = proxy.sourceModel()
    qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     pos=table.visualRect(proxy.index(1, 0)).center())
    (key, row), = viewed.selection.items
    assert viewed.workspace.layer(key).frame.index[row] == model.fids[1]
    assert table.selectionModel().selectedRows()[0].row() == 1
    for win in (whole, viewed):
        win.session.close()


def test_the_map_of_a_big_pack_does_not_wait_for_the_legend_counts(qtbot, viewport, pack, monkeypatch):
    """Counting a big layer's statuses is SQL over every feature (seconds at a million plots):
    the map is drawn first, the legend says "…" until the counts are in, and a status edited
    meanwhile is counted as edited."""
    import dataclasses
    import threading

    from parksgis.qt import workspace_loading
    from parksgis.qt.status_legend import FeatureStatuses

    whole, _viewed = _two_windows(viewport, pack, monkeypatch)
    release = threading.Event()
    count = workspace_loading._count_statuses

    def held_count(workspace):
        assert release.wait(30)
        return count(workspace)

    monkeypatch.setattr(workspace_loading, "_count_statuses", held_count)
    win = viewport.open(pack, counted=False)
    assert win.legend.counting is not None
    assert all(win.legend.item(i).text().endswith("(…)") for i in range(win.legend.count()))
    image = viewport.frame(win)  # the map is drawn meanwhile
    assert len({image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}) > 2

    edited = next(pid for pid, p in win.workspace.projects.items() if p.status == "planned"
                  and any(pid in layer.linked_project_ids() for layer in win.workspace.layers))
    for w in (win, whole):
        w.workspace.projects[edited] = dataclasses.replace(w.workspace.projects[edited], status="completed")
        w.workspace.projects_changed.emit([edited])
    with qtbot.waitSignal(win.legend.counted, timeout=30_000):
        release.set()
    assert win.legend.counting is None
    texts = [[w.legend.item(i).text() for i in range(w.legend.count())] for w in (whole, win)]
    assert texts[0] == texts[1]  # the edit is counted, as in a window that read every feature
    assert win.legend.statuses.counts == FeatureStatuses(win.workspace).counts
    for w in (whole, _viewed, win):
        w.session.close()


def test_a_packs_first_frame_and_legend_do_not_wait_for_the_registers_rows(qtbot, viewport, pack, monkeypatch):
    """A district's 100,000 projects take half a second to make: the map is coloured and the
    legend counted from the statuses alone, the rows come after, edits meanwhile are kept."""
    import dataclasses
    import threading

    from parksgis.model.lazy_projects import LazyProjects
    from parksgis.pack import handle
    from parksgis.store.register import RegisterStore

    whole, _viewed = _two_windows(viewport, pack, monkeypatch)
    release = threading.Event()
    read = handle._read_projects

    def held_read(path, immutable):
        assert release.wait(30)
        return read(path, immutable)

    monkeypatch.setattr(handle, "_read_projects", held_read)
    win = viewport.open(pack)  # first frame and the legend's counts, the rows still held
    projects = win.workspace.projects
    assert isinstance(projects, LazyProjects) and not projects.loaded
    image = viewport.frame(win)
    assert len({image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}) > 2
    texts = [[w.legend.item(i).text() for i in range(w.legend.count())] for w in (whole, win)]
    assert texts[0] == texts[1]
    edited = next(pid for pid, p in whole.workspace.projects.items() if p.status == "planned")
    changed = dataclasses.replace(whole.workspace.projects[edited], status="completed")
    projects[edited] = changed  # as the register link copies a committed edit in
    assert not projects.loaded
    dashboard = win.register_panels.dashboard
    assert dashboard.isVisible() and not any(dashboard.bars.values())  # drawn once they are read
    with qtbot.waitSignal(dashboard._projects_read, timeout=30_000):
        release.set()
    assert any(dashboard.bars.values())
    register = RegisterStore.open(pack, readonly=True)
    try:
        assert dict(projects) == {**register.projects(), edited: changed}  # waits for the rows
    finally:
        register.close()
    for w in (whole, _viewed, win):
        w.session.close()


def test_a_status_written_while_the_pack_opens_is_shown(qtbot, viewport, pack, monkeypatch):
    """The register is read in the loader thread; a write landing before the window shows the
    pack (another program's) is caught up with, whether or not the rows are read yet."""
    from parksgis.app import workspace as app_workspace
    from parksgis.store.register import RegisterStore

    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    opened = app_workspace.open_workspace
    register = RegisterStore.open(pack, readonly=True)
    pid = next(p for p, project in register.projects().items() if project.status != "completed")
    register.close()

    def open_then_written(*args, **kwargs):
        result = opened(*args, **kwargs)
        register = RegisterStore.open(pack)  # another program's write (in the loader's thread)
        try:
            register.update_many({pid: {"status": "completed"}}, author="hq")
        finally:
            register.close()
        return result

    monkeypatch.setattr(app_workspace, "open_workspace", open_then_written)
    win = viewport.open(pack)
    assert win.workspace.projects.statuses()[pid] == "completed"
    assert win.renderer._project_index(win.renderer.state).status[pid] == "completed"  # the map's
    assert win.workspace.projects[pid].status == "completed"  # the rows, read after
    win.session.close()


def test_closing_the_window_during_a_read_lets_the_read_end_first(qtbot, viewport, pack, monkeypatch):
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    feeder = win.viewport_feeder
    x0, y0 = win.geometry_.display_xy(111.845, 21.725)
    x1, y1 = win.geometry_.display_xy(111.85, 21.73)
    win.canvas.view_box.setRange(rect=QtCore.QRectF(x0, y0, x1 - x0, y1 - y0), padding=0)
    feeder.check()
    assert feeder.busy  # a read of the new view runs in a worker thread
    win.close()  # before this, a read ending after the source closed could crash the process
    assert feeder._result is not None  # the read ended before the window let its source go
    qtbot.waitUntil(lambda: not feeder.busy)  # its result reaches a closed window: dropped
    assert feeder.workspace is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc keeps freed memory")
def test_a_click_on_a_map_read_per_view_keeps_freed_memory_for_the_next_read(qtbot, viewport, pack, monkeypatch):
    """The window gives what a click freed back to the system only when no layer is read per
    view: the next view's read reuses it, and would fault it all in again (test_freed_memory)."""
    from tests.qt.test_freed_memory import _freed_holes, _resident_mb

    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    win = viewport.open(pack)
    plots = win.workspace.layer("port/plots")
    x, y = win.geometry_.display_xy(*_shapes(win, plots)[0].representative_point().coords[0])
    kept = _freed_holes()
    qtbot.mouseClick(win.canvas.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=win.canvas.view_to_widget(x, y))
    assert win.selection.items
    QtCore.QCoreApplication.processEvents()
    assert _resident_mb() > kept - 20
    win.session.close()
