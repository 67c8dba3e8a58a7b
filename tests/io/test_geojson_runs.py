"""A big FeatureCollection read by two processes (io/geojson_runs.py) gives exactly the layer and
the messages one process gives, at every run boundary, with Chinese text and bad features."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from parksgis import forking
from parksgis.io import geojson_chunks, geojson_runs, validate_file
from parksgis.io.geojson_runs import each_run


@pytest.fixture
def two_processes(monkeypatch):
    """Forking allowed as in ``pack build`` (pytest's own threads hold no lock the child needs)."""
    monkeypatch.setattr(forking, "can_fork", lambda: True)
    with forking.whole_process():
        yield


def _square(x, y):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001],
                                                 [x, y + 0.001], [x, y]]]}


def _features(n=120):
    features = [{"type": "Feature", "id": f"F{i % 97}", "properties": {"plot_id": f"地块{i}", "owner": "珠海港" * (i % 3),
                                                                   "area": i * 1.5, "n": i},
                 "geometry": _square(111.9 + i / 1000, 21.7)} for i in range(n)]
    features[3] = {"type": "Feat"}                                           # not a Feature
    features[40]["geometry"] = _square(211.9, 21.7)                           # out of range
    features[61]["geometry"]["coordinates"][0] = [[111.9, 21.7], [112.0]]   # bad coordinates
    features[77]["geometry"]["coordinates"][0].pop()                          # unclosed ring
    features[90]["geometry"] = {"type": "Circle", "coordinates": [1, 2]}      # unknown type
    features[95]["properties"] = "园区"                                        # properties not an object
    features[101]["geometry"] = None
    features[110]["geometry"] = {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [111.9, 21.7]}]}
    return features


def _write(tmp_path, features):
    path = tmp_path / "plots.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "name": "地块", "features": features},
                               ensure_ascii=False), encoding="utf-8")
    return path


def _read(path):
    frame, report = validate_file(path)
    return frame, report


def _same(a, b):
    (frame_a, report_a), (frame_b, report_b) = a, b
    pd.testing.assert_frame_equal(pd.DataFrame(frame_a.drop(columns="geometry")),
                                  pd.DataFrame(frame_b.drop(columns="geometry")))
    assert frame_a.geometry.to_wkb().tolist() == frame_b.geometry.to_wkb().tolist()
    assert report_a.lines() == report_b.lines()


@pytest.mark.parametrize("run_bytes", [1, 700, 2500])
def test_two_processes_read_what_one_reads(tmp_path, monkeypatch, run_bytes, two_processes):
    path = _write(tmp_path, _features())
    monkeypatch.setattr(geojson_chunks, "MIN_BYTES", 0)
    monkeypatch.setattr(geojson_chunks, "RUN_BYTES", run_bytes)  # 1: a run per feature
    runs = geojson_chunks.plan(path.read_bytes())[1]
    assert len(runs) >= geojson_runs.MIN_RUNS
    real, mark = geojson_runs._read_and_send, tmp_path / "child.pid"
    monkeypatch.setattr(geojson_runs, "_read_and_send",
                        lambda send, runs, read: (mark.write_text(str(os.getpid()), encoding="utf-8"), real(send, runs, read)))
    split = _read(path)
    assert int(mark.read_text(encoding="utf-8")) != os.getpid()  # the later runs were read by a child
    with monkeypatch.context() as alone:
        alone.setattr(forking, "can_fork", lambda: False)
        single = _read(path)
    _same(split, single)
    codes = {p.code for p in split[1].problems}
    assert codes >= {"invalid-feature", "coordinates-out-of-range", "invalid-coordinates",
                     "unclosed-ring-repaired", "unknown-geometry-type", "invalid-properties",
                     "duplicate-feature-id"}
    features = {p.feature for p in split[1].problems if p.level == "error"}
    assert features >= {3, 40, 61, 90}
    assert "地块119" in split[0]["plot_id"].tolist() and split[0]["owner"].iloc[2] == "珠海港珠海港"


def test_a_run_that_does_not_parse_in_the_childs_half_reads_the_file_whole(tmp_path, monkeypatch,
                                                                             two_processes):
    features = _features()
    features[100]["properties"]["note"] = "a}, {b"  # cut there, the run is not JSON
    path = _write(tmp_path, features)
    monkeypatch.setattr(geojson_chunks, "MIN_BYTES", 0)
    monkeypatch.setattr(geojson_chunks, "RUN_BYTES", 1)
    split = _read(path)
    with monkeypatch.context() as alone:
        alone.setattr(forking, "can_fork", lambda: False)
        _same(split, _read(path))
    monkeypatch.setattr(geojson_chunks, "MIN_BYTES", 10**12)  # whole, never cut
    _same(split, _read(path))


def _where(run):
    return run, os.getpid()


def test_each_run_keeps_the_order_and_reads_here_what_the_child_cannot(two_processes):
    runs = list(range(20))
    done = list(each_run(runs, _where))
    assert [run for run, _ in done] == runs
    assert {pid for _, pid in done[:10]} == {os.getpid()} and os.getpid() not in {pid for _, pid in done[10:]}

    parent = os.getpid()

    def dies_at_14(run):
        if run == 14 and os.getpid() != parent:
            os._exit(3)  # killed part-way: what it sent before counts, the rest is read here
        return run, os.getpid()

    done = list(each_run(runs, dies_at_14))
    assert [run for run, _ in done] == runs
    assert os.getpid() not in {pid for _, pid in done[10:14]}
    assert {pid for _, pid in done[14:]} == {parent}

    def does_not_pickle(run):
        return (run, os.getpid(), (lambda: None) if run == 12 and os.getpid() != parent else None)

    done = list(each_run(runs, does_not_pickle))
    assert [run for run, *_ in done] == runs and {pid for _, pid, _ in done[12:]} == {parent}

    def fails_at_15(run):
        if run == 15:
            raise ValueError(f"run {run} cannot be read")
        return run

    with pytest.raises(ValueError, match="run 15 cannot be read"):  # raised here, as without the child
        list(each_run(runs, fails_at_15))


def test_each_run_reads_alone_outside_pack_build():
    assert not forking.wanted()
    assert {pid for _, pid in each_run(list(range(20)), _where)} == {os.getpid()}
