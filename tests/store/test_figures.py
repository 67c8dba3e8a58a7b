"""Dashboard figures equal sums computed directly: SQL over the register, pandas over the road layers."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import geopandas as gpd
import pandas as pd
import pytest

from parksgis.app.workspace import load_workspace
from parksgis.store import figures
from parksgis.store.register import RegisterStore


@pytest.fixture
def sample_register(tmp_path, sample_layers):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    store = RegisterStore.for_folder(folder)
    # a few edits, so the statuses are not just the seed's
    store.update_many({"PORT-RD-JING1": {"status": "under_construction", "progress_pct": 10},
                       "PORT-RD-RINGNI": {"status": "suspended"}}, changed_at="2014-09-01")
    yield folder, store
    store.close()


def _sql(store, query):
    with sqlite3.connect(store.path) as db:
        return db.execute(query).fetchall()


def test_projects_by_status_per_park_equals_sql_counts(sample_register):
    _, store = sample_register
    table = figures.projects_by_status_per_park(store.projects(), store.scheme())
    direct = _sql(store, "SELECT park, status, COUNT(*) FROM parksgis_projects GROUP BY park, status")
    assert {(park, status, n) for park, row in table.items() for status, n in row.items() if n} == set(direct)
    assert sum(n for row in table.values() for n in row.values()) == 34
    assert list(table["port"]) == store.scheme().codes  # zero-filled, in scheme order


def test_investment_by_status_equals_sql_sums(sample_register):
    _, store = sample_register
    table = figures.investment_yi_by_status(store.projects(), store.scheme())
    direct = dict(_sql(store, "SELECT status, SUM(COALESCE(investment_wan_yuan, 0)) / 10000.0 "
                              "FROM parksgis_projects GROUP BY status"))
    assert table == pytest.approx({code: direct.get(code, 0.0) for code in store.scheme().codes})
    port = figures.investment_yi_by_status(store.projects(), store.scheme(), park="port")
    port_direct = _sql(store, "SELECT SUM(investment_wan_yuan) / 10000.0 FROM parksgis_projects "
                              "WHERE park = 'port'")[0][0]
    assert sum(port.values()) == pytest.approx(port_direct)


def test_road_km_by_status_equals_direct_sums_and_targets(sample_register):
    folder, store = sample_register
    workspace, _ = load_workspace(folder)
    segments = figures.road_segments(workspace.layers)
    table = figures.road_km_by_status(store.projects(), segments, store.scheme())
    roads = pd.concat([gpd.read_file(path) for path in sorted(folder.glob("*/roads.geojson"))])
    statuses = pd.DataFrame([(pid, p.status) for pid, p in store.projects().items()],
                            columns=["project_id", "status"])
    merged = roads.merge(statuses, on="project_id", how="left")
    direct = merged.groupby(["work", "status"])["length_m"].sum() / 1000.0
    for (work, status), km in direct.items():
        assert table[work][status] == pytest.approx(km)
    assert sum(table["new"].values()) == pytest.approx(22.2)      # the sample draws the programme
    assert sum(table["upgrade"].values()) == pytest.approx(11.4)
    assert figures.road_targets_km(workspace.kpis) == {"new": 22.2, "upgrade": 11.4}
    assert table["upgrade"]["suspended"] == pytest.approx(
        merged.loc[merged.project_id == "PORT-RD-RINGNI", "length_m"].sum() / 1000.0)


def test_road_length_is_measured_when_the_layer_has_none(sample_register):
    folder, store = sample_register
    workspace, _ = load_workspace(folder)
    roads = [layer for layer in workspace.layers if layer.kind.value == "roads"]
    given = figures.road_segments(roads)
    for layer in roads:
        layer.frame = layer.frame.drop(columns="length_m")
    measured = figures.road_segments(roads)
    assert [s.length_km for s in measured] == pytest.approx([s.length_km for s in given], rel=0.01)


def test_projects_where_selects_the_bar(sample_register):
    folder, store = sample_register
    projects = store.projects()
    assert figures.projects_where(projects, park="port", status="suspended") == ["PORT-RD-RINGNI"]
    segments = figures.road_segments(load_workspace(folder)[0].layers)
    upgrade = figures.projects_where(projects, segments=segments, work="upgrade")
    assert "PORT-RD-JINGANG" in upgrade and all(projects[p].category == "road" for p in upgrade)


def test_progress_over_time_matches_hand_computed(register):
    register.update("PT-R02", {"status": "under_construction", "progress_pct": 10}, changed_at="2014-03-01")
    register.update("PT-R02", {"progress_pct": 50}, changed_at="2014-05-01")
    register.update("EP-P01", {"status": "under_construction", "progress_pct": 20}, changed_at="2014-05-01")
    days = figures.timeline_dates(register.history())
    assert days == [date(2014, 3, 1), date(2014, 5, 1)]
    assert figures.timeline_dates(register.history(), step_days=30) == [
        date(2014, 3, 1), date(2014, 3, 31), date(2014, 4, 30), date(2014, 5, 1)]
    before, march, may = figures.progress_over_time(register.projects(), register.history(),
                                                    [date(2014, 2, 1), *days])
    # seed: PT-R01 40 %, PT-S01 5 %, WX-R01 20 % have progress; PT-R01, WX-R01 are under construction
    assert before.counts["under_construction"] == 2 and before.mean_progress_pct == pytest.approx(65 / 3)
    assert march.counts["under_construction"] == 3 and march.mean_progress_pct == pytest.approx(75 / 4)
    assert may.counts["under_construction"] == 4 and may.mean_progress_pct == pytest.approx(135 / 5)
    assert may.investment_yi_started == pytest.approx((45000 + 30000 + 9000) / 10000)


def test_the_ids_of_every_bar_at_once_are_each_bars_own(sample_register):
    _folder, store = sample_register
    projects = store.projects()
    by_park = figures.project_ids_by(projects, "park", "status")
    for park in {p.park for p in projects.values()}:
        for status in {p.status for p in projects.values()} | {"no-such-status"}:
            assert by_park.get((park, status), []) == figures.projects_where(projects, park=park, status=status)
    assert sum(map(len, by_park.values())) == len(projects)


def _road_table(workspace):
    segments = figures.road_segments(workspace.layers)
    return figures.road_km_by_status(workspace.projects, segments, workspace.scheme), \
        {w: figures.projects_where(workspace.projects, segments=segments, work=w) for w in ("new", "upgrade")}


def test_roads_read_per_view_count_every_road_of_their_source(lod_pack, monkeypatch):
    """A pack's big road layers hold one view's roads at a time (none before the map's first
    view): the dashboard's figures come from the pack's tables, every road, as from a whole read."""
    from parksgis.app.workspace import open_workspace
    from parksgis.pack import view_source

    whole = open_workspace(lod_pack)
    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    viewed = open_workspace(lod_pack, view_layers=True)
    try:
        roads = [layer for layer in viewed.workspace.layers if layer.kind.value == "roads"]
        assert any(layer.view is not None and len(layer.frame) == 0 for layer in roads)
        expected = _road_table(whole.workspace)
        assert sum(expected[0]["new"].values()) == pytest.approx(22.2)
        got = _road_table(viewed.workspace)
        assert got[1] == expected[1]
        for work, row in expected[0].items():
            assert got[0][work] == pytest.approx(row), work
    finally:
        whole.source.close()
        viewed.source.close()


def test_roads_read_per_view_without_lengths_are_measured_from_their_shapes(loaded_url, monkeypatch):
    """A database's big road tables likewise; a table whose roads lack ``length_m`` is read
    whole once and measured, as a whole read measures it."""
    import psycopg

    from parksgis.pack import view_source
    from parksgis.server.workspace import load_database_workspace

    def tables(view_layers):
        return _road_table(load_database_workspace(loaded_url, view_layers=view_layers)[0])

    monkeypatch.setattr(view_source, "VIEWPORT_MIN_FEATURES", 5)
    expected = tables(False)
    got = tables(True)
    assert got[1] == expected[1] and got[0]["new"] == pytest.approx(expected[0]["new"])
    with psycopg.connect(loaded_url) as conn:  # an admin clears a length in psql
        conn.execute("UPDATE parksgis.port__roads SET length_m = NULL WHERE fid = 0")
    expected, got = tables(False), tables(True)
    assert got[1] == expected[1]
    for work, row in expected[0].items():
        assert got[0][work] == pytest.approx(row), work
