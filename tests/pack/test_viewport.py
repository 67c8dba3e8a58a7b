"""The viewport query returns exactly the features a full scan would, for any view."""

from __future__ import annotations

import sqlite3

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parksgis.pack.errors import PackCorruptError
from parksgis.pack.viewport import gpkg_to_wkb, layer_extent, read_view

W, S, E, N = 111.80, 21.70, 112.00, 21.90


def _random_layer(seed: int) -> gpd.GeoDataFrame:
    """Polygons (some with holes), lines, points and a few missing/empty geometries."""
    rng = np.random.default_rng(seed)
    geoms = []
    for i in range(600):
        x, y = rng.uniform(W, E), rng.uniform(S, N)
        size = rng.choice([0.0002, 0.002, 0.02])
        kind = i % 5
        if kind in (0, 1):
            geoms.append(shapely.box(x, y, x + size, y + size))
        elif kind == 2:  # a thin diagonal line: its box is big, its shape is not
            geoms.append(shapely.LineString([(x, y), (x + size * 3, y + size * 3)]))
        elif kind == 3:
            geoms.append(shapely.Point(x, y))
        else:  # a ring with a hole: a view inside the hole does not meet the shape
            outer = shapely.box(x, y, x + size * 2, y + size * 2)
            geoms.append(outer.difference(shapely.box(x + size * 0.3, y + size * 0.3,
                                                      x + size * 1.7, y + size * 1.7)))
    geoms[7] = None
    return gpd.GeoDataFrame({"name": [f"f{i}" for i in range(len(geoms))],
                             "project_id": [f"P-{i // 10}" for i in range(len(geoms))]},
                            geometry=geoms, crs=4326)


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    path = tmp_path_factory.mktemp("viewport") / "layers.gpkg"
    pyogrio.write_dataframe(_random_layer(1), path, layer="port__plots", driver="GPKG")
    return path


@pytest.fixture(scope="module")
def reader(pack):
    """One map reader across the examples: its tile cache is part of what is tested."""
    from parksgis.pack.view_reader import PackViewReader

    reader = PackViewReader(pack, cache_features=2000)
    yield reader
    reader.close()


def _full_scan(path, box):
    """Every feature read with GDAL, each tested against the view: what the map would draw."""
    frame = pyogrio.read_dataframe(path, layer="port__plots", fid_as_index=True)
    hit = shapely.intersects(frame.geometry.values, shapely.box(*box))
    return frame.index.to_numpy()[np.asarray(hit, dtype=bool)]


coords = st.floats(0.0, 1.0, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(x0=coords, x1=coords, y0=coords, y1=coords)
@example(x0=0.0, x1=1.0, y0=0.0, y1=1.0)  # a box holding the whole layer: read without the R-tree
def test_view_returns_exactly_the_features_a_full_scan_finds(pack, x0, x1, y0, y1):
    lo_x, hi_x = sorted((W - 0.01 + x0 * (E - W + 0.04), W - 0.01 + x1 * (E - W + 0.04)))
    lo_y, hi_y = sorted((S - 0.01 + y0 * (N - S + 0.04), S - 0.01 + y1 * (N - S + 0.04)))
    box = (lo_x, lo_y, hi_x, hi_y)
    with sqlite3.connect(pack) as conn:
        ids, geoms, values = read_view(conn, "port__plots", box, ["name"])
    assert ids.tolist() == _full_scan(pack, box).tolist()
    assert all(shapely.intersects(geoms, shapely.box(*box)))
    assert values["name"] == [f"f{i - 1}" for i in ids]  # fids count from 1


@settings(max_examples=40, deadline=None)
@given(x0=coords, x1=coords, y0=coords, y1=coords, m_per_px=st.sampled_from([0.3, 1.0, 2.5]))
def test_the_map_reader_gives_exactly_the_features_a_full_scan_finds(pack, reader, x0, x1, y0, y1, m_per_px):
    """What the window draws at full detail: through the tile cache (tiles shared between
    views, features crossing tiles kept once), cut to the view; the tiles the view only partly
    covers read for that part when not cached (a cold reader reads them all so)."""
    from parksgis.pack.view_reader import PackViewReader

    lo_x, hi_x = sorted((W - 0.01 + x0 * (E - W + 0.04), W - 0.01 + x1 * (E - W + 0.04)))
    lo_y, hi_y = sorted((S - 0.01 + y0 * (N - S + 0.04), S - 0.01 + y1 * (N - S + 0.04)))
    box = (lo_x, lo_y, hi_x, hi_y)
    expected = _full_scan(pack, box).tolist()
    reader.frame("port__plots", box, m_per_px, cut=False)  # whole tiles, kept in the cache
    cold = PackViewReader(pack)
    try:
        for frame in (reader.frame("port__plots", box, m_per_px), cold.frame("port__plots", box, m_per_px)):
            assert frame.index.tolist() == expected
            assert frame["name"].tolist() == [f"f{i - 1}" for i in frame.index]
    finally:
        cold.close()


def test_view_reads_attributes_and_the_same_shapes_gdal_reads(pack):
    box = (W, S, E, N)
    frame = pyogrio.read_dataframe(pack, layer="port__plots", fid_as_index=True)
    with sqlite3.connect(pack) as conn:
        ids, geoms, values = read_view(conn, "port__plots", box, ["project_id"])
    assert len(ids) > 500
    assert shapely.equals_exact(geoms, frame.geometry.loc[ids].values, 0).all()
    assert values["project_id"] == frame.loc[ids, "project_id"].tolist()


def test_extent_comes_from_the_index(pack):
    frame = pyogrio.read_dataframe(pack, layer="port__plots")
    extent = np.array(layer_extent(sqlite3.connect(pack), "port__plots"))
    assert np.allclose(extent, frame.total_bounds, atol=1e-5)


def _scanned_extent(conn, table):
    row = conn.execute(f'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "rtree_{table}_geom"').fetchone()
    return None if row[0] is None else tuple(row)


def test_extent_from_the_root_node_equals_a_scan_of_every_box_after_deletes(tmp_path):
    """The extent is read from the R-tree's root node; deleting the outermost features (SQLite
    shrinks the parents' boxes) and emptying the layer leave it equal to a scan of every box."""
    path = tmp_path / "extent.gpkg"
    frame = _random_layer(3)
    pyogrio.write_dataframe(frame, path, layer="plots", driver="GPKG")
    with sqlite3.connect(path) as conn:
        assert conn.execute('SELECT data FROM "rtree_plots_geom_node" WHERE nodeno = 1').fetchone()
        assert layer_extent(conn, "plots") == _scanned_extent(conn, "plots")
        for _ in range(3):  # the features at the west and north edges go
            west = conn.execute('SELECT id FROM "rtree_plots_geom" ORDER BY minx LIMIT 40').fetchall()
            north = conn.execute('SELECT id FROM "rtree_plots_geom" ORDER BY maxy DESC LIMIT 40').fetchall()
            conn.executemany("DELETE FROM plots WHERE fid = ?", west + north)
            assert layer_extent(conn, "plots") == _scanned_extent(conn, "plots")
        conn.execute("DELETE FROM plots")
        assert layer_extent(conn, "plots") is None


def test_a_view_of_empty_sea_reads_nothing(pack):
    with sqlite3.connect(pack) as conn:
        ids, geoms, values = read_view(conn, "port__plots", (100.0, 10.0, 100.1, 10.1), ["name"])
    assert len(ids) == 0 and len(geoms) == 0 and values == {"name": []}


def test_a_table_without_spatial_index_is_refused_clearly(tmp_path):
    path = tmp_path / "noindex.gpkg"
    pyogrio.write_dataframe(_random_layer(2), path, layer="plots", driver="GPKG",
                            layer_options={"SPATIAL_INDEX": "NO"})
    with sqlite3.connect(path) as conn, pytest.raises(PackCorruptError, match="no spatial index"):
        read_view(conn, "plots", (W, S, E, N))


def test_bytes_that_are_no_geopackage_geometry_are_refused():
    with pytest.raises(ValueError, match="not a GeoPackage geometry"):
        gpkg_to_wkb(b"\x01\x03\x00\x00")
    assert gpkg_to_wkb(None) is None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(-180, 180), st.floats(-90, 90)), min_size=1, max_size=50),
       st.booleans())
def test_points_decode_as_their_wkb_does(coords, with_other):
    """Point layers are decoded in one numpy pass: the same points as parsing each blob's WKB,
    and a layer holding anything else (an empty point, a big-endian one) is parsed as before."""
    import struct

    from parksgis.pack.viewport import geometries_from_gpkg, gpkg_to_wkb

    header = b"GP\x00\x01" + struct.pack("<i", 4326)
    blobs = [header + shapely.to_wkb(shapely.Point(x, y), byte_order=1) for x, y in coords]
    if with_other:
        blobs.append(b"GP\x00\x11" + struct.pack("<i", 4326) + shapely.to_wkb(shapely.Point(), byte_order=1))
        blobs.append(header + shapely.to_wkb(shapely.Point(1.5, 2.5), byte_order=0))
        blobs.append(None)
    got = geometries_from_gpkg(blobs)
    expected = shapely.from_wkb(np.array([gpkg_to_wkb(b) for b in blobs], dtype=object))
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        assert (a is None and b is None) or shapely.to_wkb(a) == shapely.to_wkb(b)


def _layer_of_every_kind() -> gpd.GeoDataFrame:
    """Points, lines, polygons with a hole, a missing shape; text (Chinese, empty, null), whole
    and decimal numbers."""
    shapes = [shapely.Point(111.9, 21.8), shapely.LineString([(111.9, 21.8), (111.95, 21.85)]),
              shapely.box(111.9, 21.8, 112.0, 21.9).difference(shapely.box(111.92, 21.82, 111.95, 21.85)),
              None, shapely.MultiPolygon([shapely.box(111.0, 21.0, 111.1, 21.1), shapely.box(111.2, 21.2, 111.3, 21.3)])]
    return gpd.GeoDataFrame({"name_zh": ["一号地块", "", None, "路", "港"], "count": [1, 2, 3, 4, 5],
                             "area": [1.5, 2.0, 0.0, -3.25, 1e9]}, geometry=shapes, crs=4326)


def _same_as_gdal(path, table):
    from parksgis.pack.viewport import read_whole

    with sqlite3.connect(path) as conn:
        ours = read_whole(conn, table)
    gdal = pyogrio.read_dataframe(path, layer=table)
    return ours, gdal


def test_a_small_layer_read_whole_is_the_frame_gdal_reads(tmp_path, pack):
    path = tmp_path / "every.gpkg"
    pyogrio.write_dataframe(_layer_of_every_kind(), path, layer="port__roads", driver="GPKG")
    for where, table in ((path, "port__roads"), (pack, "port__plots")):
        ours, gdal = _same_as_gdal(where, table)
        assert ours is not None
        pd.testing.assert_frame_equal(ours.drop(columns="geometry"), gdal.drop(columns="geometry"))
        assert ours.crs == gdal.crs and ours.geometry.name == gdal.geometry.name
        assert ours.geometry.isna().tolist() == gdal.geometry.isna().tolist()
        present = ~gdal.geometry.isna().to_numpy()
        assert shapely.equals_exact(ours.geometry.values[present], gdal.geometry.values[present], 0).all()


@pytest.mark.parametrize("change", ["datetime column", "null number", "other crs"])
def test_a_layer_sqlite_alone_would_read_otherwise_is_left_to_gdal(tmp_path, change):
    from parksgis.pack.handle import read_layer_table

    frame = _layer_of_every_kind()
    if change == "datetime column":
        frame["built"] = pd.to_datetime(["2024-01-02 08:30"] * len(frame))  # DATETIME: GDAL parses it
    elif change == "null number":
        frame["count"] = [1, None, 3, 4, 5]
    else:
        frame = frame.set_crs(4490, allow_override=True)
    path = tmp_path / "other.gpkg"
    pyogrio.write_dataframe(frame, path, layer="port__roads", driver="GPKG")
    ours, gdal = _same_as_gdal(path, "port__roads")
    assert ours is None
    read = read_layer_table(path, "port__roads")  # what opening a pack reads
    pd.testing.assert_frame_equal(read.drop(columns="geometry"), gdal.drop(columns="geometry"))
