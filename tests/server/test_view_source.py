"""A database's big layers are read for the view only (GiST index, the pack's tile cache), and
answer counts, identify, search and attribute pages as a whole read does (the window reading them:
tests/qt/test_server_window.py).

The sample parks stand in for a big database: the size from which layers are viewport-driven
is lowered to a few features, so every sample layer is read per view."""

from __future__ import annotations

import numpy as np
import pandas as pd
import psycopg
import pytest
import shapely

from parksgis.pack import view_source as pack_views
from parksgis.server.workspace import load_database_workspace

BOX = (111.835, 21.725, 111.84, 21.73)


@pytest.fixture
def viewed(loaded_url, monkeypatch):
    """``(whole, viewed)``: the database's port plots read whole, and as a viewport-driven layer."""
    whole = load_database_workspace(loaded_url)[0].layer("port/plots")
    monkeypatch.setattr(pack_views, "VIEWPORT_MIN_FEATURES", 5)
    workspace = load_database_workspace(loaded_url, view_layers=True)[0]
    layer = workspace.layer("port/plots")
    yield whole, layer
    layer.view.source.close()


def test_a_big_table_opens_empty_and_reads_the_box_through_the_index(viewed):
    whole, layer = viewed
    view = layer.view
    assert view is not None and len(layer.frame) == 0 and layer.feature_count == len(whole.frame)
    assert list(layer.frame.columns) == list(whole.frame.columns)
    frame = view.source.features(view.table, BOX, 1.0)
    inside = np.flatnonzero(shapely.intersects(whole.frame.geometry.values, shapely.box(*BOX)))
    assert 0 < len(inside) < len(whole.frame)
    assert frame.index.tolist() == inside.tolist()  # fid: the feature's position in the layer
    expected = whole.frame.iloc[inside].set_axis(pd.Index(inside, name="fid"))
    # (values as the driver gives them, as a pack's tiles hold SQLite's: dtypes are not restored)
    pd.testing.assert_frame_equal(frame.drop(columns="geometry"), expected.drop(columns="geometry"),
                                  check_dtype=False)
    assert shapely.equals(frame.geometry.values, expected.geometry.values).all()
    assert frame.crs == whole.frame.crs
    reader = view.source._reader()
    tiles = reader.tiles_read
    view.source.features(view.table, BOX, 1.0)
    assert reader.tiles_read == tiles  # the second look comes from the tile cache
    assert view.extent == pytest.approx(tuple(whole.frame.total_bounds))


def test_the_panels_ask_the_table(viewed):
    whole, layer = viewed
    source, table = layer.view.source, layer.view.table
    assert source.count(table) == len(whole.frame)
    assert source.ids(table).tolist() == list(range(len(whole.frame)))
    rows = source.attribute_rows(table, [1, 3])
    pd.testing.assert_frame_equal(rows, whole.frame.drop(columns="geometry").iloc[[1, 3]]
                                  .set_axis(pd.Index([1, 3], name="fid")))
    area = whole.frame["area_m2"]
    assert source.sorted_ids(table, "area_m2", descending=True).tolist() == \
        area.sort_values(ascending=False, kind="stable").index.tolist()
    picked = source.by_ids(table, [3, 1, 99999])
    assert picked.index.tolist() == [1, 3]
    assert shapely.equals(picked.geometry.values, whole.frame.geometry.values[[1, 3]]).all()
    counts = source.value_counts(table, ["kind", "no_such_column"])
    assert dict(zip(counts["kind"], counts["count"])) == whole.frame["kind"].value_counts().to_dict()
    point = whole.frame.geometry.iloc[2].representative_point()
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):  # it reads, and only reads
        source._reader().conn.execute("DELETE FROM parksgis.projects")
    d = 1e-6  # a click: the point grown by the tolerance
    hit = source.identify(table, (point.x - d, point.y - d, point.x + d, point.y + d))
    assert 2 in hit.index


def test_search_matches_text_columns_and_projects(viewed):
    whole, layer = viewed
    source, table = layer.view.source, layer.view.table
    names = whole.frame["name_en"].astype(str)
    expected = np.flatnonzero(names.str.contains("PLOT 1", case=False, regex=False))
    assert len(expected)
    assert source.matching_ids(table, ["name_en"], "plot 1", []).tolist() == expected.tolist()
    assert source.matching_ids(table, ["name_en"], "100%_", []).tolist() == []  # LIKE wildcards are text
    pid = whole.project_ids.dropna().iloc[0]
    assert source.matching_ids(table, [], "", [pid]).tolist() == \
        np.flatnonzero(whole.project_ids.to_numpy(dtype=object) == pid).tolist()
    assert source.matching_ids(table, [], "", [], unlinked=True).tolist() == \
        np.flatnonzero(whole.project_ids.isna().to_numpy()).tolist()


def test_a_point_table_is_read_per_view_only_from_its_own_size(loaded_url, monkeypatch):
    """As a pack's: a point table from ``VIEWPORT_MIN_POINTS`` features (the port's 4 utility
    points, typed ``geometry(Point)`` on the server), an area or line table from
    ``VIEWPORT_MIN_FEATURES``."""
    monkeypatch.setattr(pack_views, "VIEWPORT_MIN_FEATURES", 3)
    for min_points, viewed in ((5, False), (4, True)):
        monkeypatch.setattr(pack_views, "VIEWPORT_MIN_POINTS", min_points)
        workspace = load_database_workspace(loaded_url, view_layers=True)[0]
        utilities = workspace.layer("port/utilities")
        assert (utilities.view is not None) is viewed, min_points
        assert viewed or len(utilities.frame) == 4
        assert workspace.layer("port/plots").view is not None and workspace.layer("port/roads").view is not None
        for layer in workspace.layers:
            if layer.view is not None:
                layer.view.source.close()
