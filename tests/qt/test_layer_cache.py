"""A big GeoJSON layer in a folder opens through a cache pack: converted once into the user's cache
folder, read per view, reused while the file is unchanged, converted again when it changes; the
folder's register stays the one edited.

The sample parks stand in for a million plots: the size from which a GeoJSON file is cached (and a
layer read per view) is lowered so that the sample plots go through the cache.
"""

from __future__ import annotations

import json

import pytest

from parksgis import user_data
from parksgis.app import layer_cache
from parksgis.pack import lod, view_source


@pytest.fixture
def small_is_big(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # this test's caches only
    monkeypatch.setattr(layer_cache, "CACHE_MIN_BYTES", 1)
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    monkeypatch.setattr(lod, "MIN_FEATURES", 5)


def _caches():
    folder = user_data.layer_cache_dir()
    return sorted(p.name for p in folder.glob("*.gpkg")) if folder.is_dir() else []


def test_a_big_geojson_opens_from_a_cache_drawn_as_read_whole(qtbot, viewport, sample_folder, small_is_big,
                                                              monkeypatch):
    before = sorted(p.relative_to(sample_folder) for p in sample_folder.rglob("*"))
    cached = viewport.open(sample_folder)
    plots = cached.workspace.layer("port/plots")
    assert plots.view is not None and plots.feature_count == 14
    assert str(plots.source).endswith("plots.geojson")  # the user's file, not the cache
    viewed = [layer for layer in cached.workspace.layers if layer.view is not None]
    assert len(_caches()) == len(viewed) >= 3  # one cache per file big enough (here: ≥ 5 features)
    assert sorted(p.relative_to(sample_folder) for p in sample_folder.rglob("*")) == before
    image = viewport.frame(cached)
    cached.session.close()

    monkeypatch.setattr(layer_cache, "CACHE_MIN_BYTES", 10**12)
    whole = viewport.open(sample_folder)
    assert all(layer.view is None for layer in whole.workspace.layers)
    assert viewport.frame(whole) == image  # same map, pixel for pixel
    whole.session.close()


def test_the_cache_is_reused_until_the_file_changes(sample_folder, small_is_big):
    from parksgis.app.workspace import open_workspace

    from parksgis import progress

    stages: list[str] = []
    with progress.reported_to(stages.append):
        first = open_workspace(sample_folder, view_layers=True)
    first.source.close()
    assert "plots.geojson: writing a cache pack for fast opening (once; reused while the file is " \
           "unchanged)" in stages
    built = {name: (user_data.layer_cache_dir() / name).stat().st_mtime_ns for name in _caches()}

    stages.clear()
    with progress.reported_to(stages.append):
        again = open_workspace(sample_folder, view_layers=True)  # unchanged files: nothing converted
    assert not any("cache pack" in stage for stage in stages)
    assert {name: (user_data.layer_cache_dir() / name).stat().st_mtime_ns
            for name in _caches()} == built
    assert [r.lines() for r in again.reports] == [r.lines() for r in first.reports]
    again.source.close()

    plots = sample_folder / "port" / "plots.geojson"
    data = json.loads(plots.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]  # a plot deleted in another program
    plots.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = open_workspace(sample_folder, view_layers=True)
    assert changed.workspace.layer("port/plots").feature_count == 13
    assert len(_caches()) == len(built)  # the old cache of that file was replaced, not kept beside
    assert _caches() != sorted(built)
    changed.source.close()


def test_a_broken_file_is_reported_and_never_cached(sample_folder, small_is_big):
    from parksgis.app.workspace import open_workspace

    (sample_folder / "port" / "plots.geojson").write_text('{"type": "FeatureCollection", "features": [',
                                                         encoding="utf-8")
    opened = open_workspace(sample_folder, view_layers=True)
    (report,) = [r for r in opened.reports if r.file.endswith("port/plots.geojson")]
    assert not report.ok and report.errors
    assert "port/plots" not in [layer.key for layer in opened.workspace.layers]
    assert opened.workspace.layer("wanxiang/plots").view is not None  # the rest still loads
    assert len(_caches()) == len([layer for layer in opened.workspace.layers if layer.view is not None])
    opened.source.close()


def test_status_edits_go_to_the_folder_register_not_the_cache(qtbot, viewport, sample_folder, small_is_big, maps):
    from parksgis.store.register import RegisterStore

    win = viewport.open(sample_folder)
    maps.click_project(qtbot, win, "port/plots", "PORT-FILL-7")
    maps.choose_status(qtbot, win.register_panels.editor, "completed")
    assert win.workspace.projects["PORT-FILL-7"].status == "completed"
    with RegisterStore.open(sample_folder / "register.sqlite", readonly=True) as store:
        assert store.project("PORT-FILL-7").status == "completed"
    win.register_panels.close()
    win.session.close()


def test_caches_unused_for_a_month_are_removed_when_another_is_written(sample_folder, small_is_big):
    import os
    import time

    from parksgis.app.workspace import open_workspace

    folder = user_data.layer_cache_dir()
    folder.mkdir(parents=True)
    gone = [folder / "0123456789abcdef-0123456789abcdef.gpkg", folder / "0123456789abcdef-0123456789abcdef.report.json"]
    recent = [folder / "fedcba9876543210-0123456789abcdef.gpkg", folder / "fedcba9876543210-0123456789abcdef.report.json"]
    for path in gone + recent:
        path.write_bytes(b"{}")
    long_ago = time.time() - 40 * 86400
    for path in gone:  # converted and last opened 40 days ago
        os.utime(path, (long_ago, long_ago))
    os.utime(recent[0], (long_ago, long_ago))  # converted then, opened 5 days ago
    os.utime(recent[1], (time.time() - 5 * 86400,) * 2)
    open_workspace(sample_folder, view_layers=True).source.close()
    assert not any(path.exists() for path in gone)
    assert all(path.exists() for path in recent)


def test_a_point_file_is_cached_for_views_only_from_its_own_size(sample_folder, small_is_big, monkeypatch):
    """A GeoJSON of points goes through a cache pack (and is read per view) only from
    ``VIEWPORT_MIN_POINTS`` features: below, read whole, as a pack's point layer is."""
    from parksgis.app.workspace import open_workspace

    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 3)
    for min_points, viewed in ((5, False), (4, True)):
        monkeypatch.setattr(view_source, "VIEWPORT_MIN_POINTS", min_points)
        opened = open_workspace(sample_folder, view_layers=True)
        utilities = opened.workspace.layer("port/utilities")  # 4 points
        assert (utilities.view is not None) is viewed, min_points
        assert viewed or len(utilities.frame) == 4
        assert opened.workspace.layer("port/plots").view is not None
        opened.source.close()
