"""Status cells: a view of more features than the map can show one by one is drawn from a few
thousand cells, each standing for the features in it, none of them left without a cell."""

from __future__ import annotations

import sqlite3
from collections import Counter

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from parksgis.pack import cell_features, lod
from parksgis.pack.view_reader import PackViewReader

LON, LAT = 111.9, 21.8
N = 3000


@pytest.fixture
def celled(tmp_path, monkeypatch):
    """3,000 plots on a grid, ten to a project, some linked to none but carrying a status."""
    monkeypatch.setattr(lod, "DENSITY_MIN_FEATURES", 1000)
    monkeypatch.setattr(cell_features, "CELLS", 100)
    i = np.arange(N)
    side = 0.0006
    x, y = LON + (i % 60) * side, LAT + (i // 60) * side
    project = np.where(i % 20 == 19, None, np.char.add("P", (i // 10).astype(str)).astype(object))
    status = np.where(i % 3 == 0, "在建", "已竣工").astype(object)
    frame = gpd.GeoDataFrame({"project_id": project, "状态": status},
                             geometry=shapely.box(x, y, x + side * 0.8, y + side * 0.8), crs=4326)
    path = tmp_path / "cells.gpkg"
    pyogrio.write_dataframe(frame, path, layer="port__plots", driver="GPKG")
    conn = sqlite3.connect(path)
    lod.build_lod(conn, ["port__plots"], min_features=0)
    conn.commit()
    yield path, conn, pyogrio.read_dataframe(path, layer="port__plots", fid_as_index=True)
    conn.close()


def test_every_feature_is_in_a_cell_of_its_commonest_status(celled):
    path, conn, features = celled
    fids, cells, _ = lod.read_tile(conn, "port__plots", lod.DENSITY_BAND, 0, 0)
    assert 50 <= len(cells) <= 130 and len(set(fids)) == len(fids)  # ~CELLS, one id each
    assert set(fids) <= set(features.index)
    centres = shapely.centroid(features.geometry.values)
    tree = shapely.STRtree(cells)
    owner = tree.query(centres, predicate="intersects")
    assert set(owner[0]) == set(range(len(centres)))  # no feature is without a cell
    # each cell holds the feature it is styled like
    assert shapely.contains(cells, shapely.centroid(features.geometry.loc[fids].values)).all()
    # a cell's id is a feature of the commonest status in it (no register here: the feature's
    # own status column); where the cell's box also takes in neighbours' edges, a clear majority
    for cell, fid in zip(cells, fids):
        inside = Counter(features[shapely.contains(cell, centres)]["状态"])
        (top, n), *rest = inside.most_common() + [(None, 0)]
        if n - rest[0][1] > 2:
            assert features.loc[fid, "状态"] == top


def test_the_reader_draws_a_crowded_view_from_the_cells_and_a_closer_one_from_the_bands(celled, monkeypatch):
    path, conn, features = celled
    monkeypatch.setattr(lod, "VIEW_FEATURES", 1000)
    reader = PackViewReader(path)
    extent = reader.extent("port__plots")
    everything = reader.frame("port__plots", extent, 8.0)
    assert len(everything) < N / 10  # cells, not features
    assert everything["project_id"].notna().any()  # with the representatives' attributes
    w = (extent[2] - extent[0]) / 6
    corner = (extent[0], extent[1], extent[0] + w, extent[1] + w)  # ~1/36 of the features
    assert len(reader.frame("port__plots", corner, 8.0)) > 50  # band shapes, one per feature
    assert len(reader.frame("port__plots", extent, 2.0)) == N  # full detail is never celled
    reader.close()


def test_each_cell_keeps_count_of_the_features_it_stands_for_by_status(celled):
    path, conn, features = celled
    fids, _cells, _ = lod.read_tile(conn, "port__plots", lod.DENSITY_BAND, 0, 0)
    spatial = lod.spatial_table(conn, "port__plots")
    stored = cell_features.read(conn, "port__plots", spatial, fids).frame()
    assert list(stored.columns) == ["cell", "project_id", "状态", "count"]
    assert stored["count"].sum() == N and set(stored["cell"]) == set(fids)
    # every project's plots and every own status, counted as the features have them
    by_project = stored.groupby("project_id")["count"].sum()
    assert by_project.to_dict() == features["project_id"].value_counts().to_dict()
    unlinked = stored[stored["project_id"].isna()].groupby("状态")["count"].sum()
    assert unlinked.to_dict() == features[features["project_id"].isna()]["状态"].value_counts().to_dict()
    # a pack built before the table existed has the same worked out on reading
    conn.execute(f"DROP TABLE {cell_features.TABLE}")
    worked_out = cell_features.read(conn, "port__plots", spatial, fids).frame()
    key = ["cell", "project_id", "状态"]
    assert worked_out.sort_values(key).fillna("").values.tolist() == stored.sort_values(key).fillna("").values.tolist()


def test_the_cells_a_page_shows_are_counted_by_combination_of_status_values(celled):
    path, conn, features = celled
    fids, _cells, _ = lod.read_tile(conn, "port__plots", lod.DENSITY_BAND, 0, 0)
    stored = cell_features.read(conn, "port__plots", lod.spatial_table(conn, "port__plots"), fids)
    shown = np.asarray(fids)[::3]  # a third of the cells on the page
    combinations, project_ids = stored.combinations(shown)
    rows = stored.frame()
    expected = rows[rows["cell"].isin(shown)].groupby(["project_id", "状态"], dropna=False)["count"].sum()
    got = combinations.set_index(["project_id", "状态"])["count"]
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()
    assert combinations["count"].sum() < N  # only the cells shown
    assert project_ids.tolist() == [None if pd.isna(p) else str(p).strip() for p in combinations["project_id"]]
    assert stored.linked_project_ids() == set(features["project_id"].dropna().astype(str))
