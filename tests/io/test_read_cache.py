"""Big GeoJSON layers are kept as read in the user's cache folder: a later open gives exactly what
reading the file gives (frame, dtypes, geometry, every validation message), and a changed file,
a damaged entry or a layer that cannot be kept is read from the file."""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest
import shapely

from parksgis.io import read_cache
from parksgis.io.reader import validate_file
from parksgis.user_data import cache_dir


def _features(n: int, mixed: bool = False, missing: bool = True) -> list:
    features = []
    for i in range(n):
        x, y = 111.8 + (i % 50) * 0.001, 21.8 + (i // 50) * 0.001
        ring = [[x, y], [x + 0.0008, y], [x + 0.0008, y + 0.0008], [x, y + 0.0008]]
        ring.append(ring[0] if i % 7 else ring[1])  # every 7th ring is not closed: a warning
        props = {"plot_id": f"P{i}", "project_id": f"BP{i // 3:04d}" if i % 5 else None,
                 "area": float(i) * 1.5, "floors": i % 9, "ok": bool(i % 2), "名称": f"地块{i}",
                 "tags": {"a": i} if i % 11 == 0 else None}
        if mixed:
            props["code"] = i if i % 2 else f"c{i}"  # ints and text in one column
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    features[3]["geometry"] = {"type": "Polygon", "coordinates": [[[1, 2], [3, 4]]]}  # an error
    if missing:  # kept as WKB; without it as ragged coordinates
        features[4]["geometry"] = None
    return features


@pytest.fixture()
def small_is_big(monkeypatch):
    monkeypatch.setattr(read_cache, "MIN_BYTES", 1000)


def _write(path, features) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")


def _entry(path):
    return read_cache._entry_path(path)


def _assert_same(got, expected) -> None:
    (frame, report), (want, want_report) = got, expected
    pd.testing.assert_frame_equal(frame.drop(columns="geometry"), want.drop(columns="geometry"),
                                  check_exact=True)
    assert list(frame.columns) == list(want.columns) and frame.crs == want.crs
    assert (shapely.to_wkb(np.asarray(frame.geometry.values[frame.geometry.notna()])) ==
            shapely.to_wkb(np.asarray(want.geometry.values[want.geometry.notna()]))).all()
    assert frame.geometry.isna().tolist() == want.geometry.isna().tolist()
    assert report == want_report and report.lines() == want_report.lines()


@pytest.mark.parametrize("missing", [True, False], ids=["a missing geometry", "all polygons"])
def test_a_later_open_comes_from_the_cache_and_gives_what_the_file_gives(tmp_path, small_is_big, missing):
    path = tmp_path / "data" / "plots.geojson"
    path.parent.mkdir()
    _write(path, _features(400, missing=missing))
    expected = validate_file(path)
    assert expected[1].errors and expected[1].warnings  # messages to carry through the cache

    _assert_same(read_cache.validate_file_cached(path), expected)  # read, then kept
    read_cache.wait_written()
    entry = _entry(path)
    assert entry.is_file() and cache_dir() in entry.parents
    assert sorted(p.name for p in path.parent.iterdir()) == ["plots.geojson"]  # nothing beside the data
    os.utime(entry, (0, 0))
    _assert_same(read_cache.validate_file_cached(path), expected)
    assert entry.stat().st_mtime > 0  # the entry answered (and was marked as used)
    with np.load(entry, allow_pickle=False) as arrays:
        assert ("wkb" in arrays.files) == missing and ("ragged_coords" in arrays.files) != missing


def test_a_changed_file_is_read_again(tmp_path, small_is_big):
    path = tmp_path / "plots.geojson"
    _write(path, _features(300))
    read_cache.validate_file_cached(path)
    _write(path, _features(320))
    frame, report = read_cache.validate_file_cached(path)
    assert len(frame) == 319 and report.features == 319  # one feature refused, as in the file
    _assert_same((frame, report), validate_file(path))


def test_a_damaged_entry_is_ignored_and_written_again(tmp_path, small_is_big):
    path = tmp_path / "plots.geojson"
    _write(path, _features(300))
    read_cache.validate_file_cached(path)
    read_cache.wait_written()
    _entry(path).write_bytes(b"PK\x03\x04 not a zip any more")
    _assert_same(read_cache.validate_file_cached(path), validate_file(path))
    _assert_same(read_cache.validate_file_cached(path), validate_file(path))
    read_cache.wait_written()
    with np.load(_entry(path), allow_pickle=False) as arrays:
        assert "meta" in arrays.files


def test_columns_that_cannot_be_kept_exactly_leave_the_layer_uncached(tmp_path, small_is_big):
    path = tmp_path / "plots.geojson"
    _write(path, _features(300, mixed=True))
    _assert_same(read_cache.validate_file_cached(path), validate_file(path))
    read_cache.wait_written()
    assert not _entry(path).exists()


def test_small_files_and_a_chosen_crs_are_always_read_from_the_file(tmp_path, small_is_big):
    path = tmp_path / "plots.geojson"
    _write(path, _features(300))
    frame, _report = read_cache.validate_file_cached(path, crs="EPSG:4326")
    read_cache.wait_written()
    assert len(frame) == 299 and not _entry(path).exists()
    read_cache.MIN_BYTES = path.stat().st_size + 1
    read_cache.validate_file_cached(path)
    read_cache.wait_written()
    assert not _entry(path).exists()


def test_a_geometry_that_would_not_come_back_exactly_is_found_in_any_slice(monkeypatch):
    """The exactness check compares the geometry a slice at a time: a difference in the last
    slice still leaves the layer uncached."""
    import geopandas as gpd

    monkeypatch.setattr(read_cache, "_COMPARED", 4)
    squares = [shapely.box(i, 0, i + 0.5, 0.5) for i in range(10)]
    frame = gpd.GeoDataFrame({"n": range(10)}, geometry=squares, crs=4326)
    assert read_cache._same(frame, frame.copy())
    moved = frame.copy()
    moved.geometry = squares[:9] + [shapely.box(9, 0, 9.5, 0.5000001)]
    assert not read_cache._same(frame, moved)


def test_the_layer_is_shown_before_it_is_kept_and_kept_as_read(tmp_path, small_is_big, monkeypatch):
    """A first open does not wait for the entry to be written (a quarter of the read for 100k
    plots); the entry is the layer as read, whatever happens to the frame and report after, and
    the next open of the file takes it from there."""
    import threading

    path = tmp_path / "plots.geojson"
    _write(path, _features(300))
    expected = validate_file(path)
    release = threading.Event()
    store = read_cache._store

    def held_store(*args):
        assert release.wait(30)
        store(*args)

    monkeypatch.setattr(read_cache, "_store", held_store)
    frame, report = read_cache.validate_file_cached(path)  # returns while the entry is held
    assert not _entry(path).exists()
    _assert_same((frame.copy(), report), expected)
    frame["plot_id"] = "edited"  # what the workspace does with the layer afterwards
    report.warning("unknown-project", "added by the workspace, not by the reader")
    release.set()

    def unread(*_args, **_kwargs):
        raise AssertionError("read from the file, not from the cache")

    monkeypatch.setattr("parksgis.io.reader.validate_file", unread)
    _assert_same(read_cache.validate_file_cached(path), expected)  # waits for the entry, reads it


def test_a_pack_build_reads_through_the_cache_but_adds_nothing_to_it(sample_folder, tmp_path, small_is_big):
    from parksgis.app.packs import build_pack_from

    layers = sorted(sample_folder.rglob("*.geojson"))
    assert layers and any(p.stat().st_size >= 1000 for p in layers)  # big enough to be kept
    for path in layers:
        _entry(path).unlink(missing_ok=True)
    build_pack_from(sample_folder, tmp_path / "a.gpkg")
    read_cache.wait_written()
    assert not [p for p in layers if _entry(p).exists()]  # the build kept none of them
    plots = max(layers, key=lambda p: p.stat().st_size)
    expected = validate_file(plots)
    read_cache.validate_file_cached(plots)  # an ordinary read keeps it
    read_cache.wait_written()
    os.utime(_entry(plots), (0, 0))
    build_pack_from(sample_folder, tmp_path / "b.gpkg")
    assert _entry(plots).stat().st_mtime > 0  # the build read it from the cache
    assert [p for p in layers if _entry(p).exists()] == [plots]
    _assert_same(read_cache.validate_file_cached(plots), expected)


def test_entries_read_while_writes_are_held_are_written_when_released(tmp_path, small_is_big):
    path = tmp_path / "plots.geojson"
    _write(path, _features(300))
    with read_cache.writes_held():
        expected = read_cache.validate_file_cached(path)
    assert read_cache.writes_waiting() and not _entry(path).exists()
    _assert_same(read_cache.validate_file_cached(path), expected)  # meanwhile read from the file
    read_cache.write_held()
    read_cache.wait_written()
    assert not read_cache.writes_waiting() and _entry(path).is_file()
    _assert_same(read_cache.validate_file_cached(path), expected)
