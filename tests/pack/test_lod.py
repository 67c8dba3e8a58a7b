"""Level-of-detail bands: no feature is ever dropped, and none is more than half a pixel off."""

from __future__ import annotations

import sqlite3

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely

from parksgis.pack import lod
from parksgis.pack.build import build_pack
from parksgis.pack.handle import open_pack

LON, LAT = 111.9, 21.8


def _plots(n: int = 400, seed: int = 3) -> gpd.GeoDataFrame:
    """Star-shaped plots from 1 m to 400 m across, a few long roads, one missing geometry."""
    rng = np.random.default_rng(seed)
    geoms = []
    for i in range(n):
        x, y = LON + rng.uniform(0, 0.1), LAT + rng.uniform(0, 0.1)
        radius = 10 ** rng.uniform(0, 2.3) / lod.M_PER_DEG  # 1 m .. 200 m
        if i % 7 == 0:
            geoms.append(shapely.LineString([(x, y), (x + radius * 3, y + radius), (x + radius * 6, y)]))
            continue
        k = rng.integers(5, 30)
        ang = np.sort(rng.uniform(0, 2 * np.pi, k))
        r = radius * rng.uniform(0.5, 1.0, k)
        geoms.append(shapely.Polygon(np.column_stack([x + r * np.cos(ang), y + r * np.sin(ang)])))
    geoms[5] = None
    return gpd.GeoDataFrame({"project_id": [f"P{i}" for i in range(n)]}, geometry=geoms, crs=4326)


@pytest.fixture
def banded(tmp_path):
    path = tmp_path / "lod.gpkg"
    frame = _plots()
    pyogrio.write_dataframe(frame, path, layer="port__plots", driver="GPKG")
    conn = sqlite3.connect(path)
    lod.build_lod(conn, ["port__plots"], min_features=0)
    conn.commit()
    originals = pyogrio.read_dataframe(path, layer="port__plots", fid_as_index=True).geometry
    yield conn, originals
    conn.close()


@pytest.mark.parametrize("band", range(len(lod.BANDS)))
def test_every_feature_one_pixel_or_more_is_in_the_band_within_half_a_pixel(banded, band):
    conn, originals = banded
    r = lod.BANDS[band]
    fids, shapes, _ = lod.read_band(conn, "port__plots", band, (-180, -90, 180, 90))
    present = originals[originals.notna()]
    assert sorted(fids.tolist()) == sorted(present.index.tolist())  # nothing dropped, nothing twice
    source = present.loc[fids].values
    big = lod.feature_sizes_m(source) >= r
    assert big.sum() > 50 and (~big).sum() > 20  # both cases are exercised at every band
    assert not shapely.is_empty(shapes).any()
    assert (shapely.is_valid(shapes) | ~shapely.is_valid(source)).all()  # simplifying breaks nothing
    # at least one pixel across in the band: drawn as its own shape, at most half a pixel off
    off = shapely.hausdorff_distance(shapes[big], source[big]) * lod.M_PER_DEG
    assert off.max() <= r / 2 + 1e-6
    # smaller than a pixel everywhere in the band: one pixel where the feature is
    assert shapely.intersects(shapes[~big], source[~big]).all()
    sizes = lod.feature_sizes_m(shapes[~big])
    assert np.allclose(sizes, r, rtol=1e-6)


def test_band_shapes_have_fewer_vertices_at_coarser_bands(banded):
    conn, originals = banded
    counts = [shapely.get_num_coordinates(lod.read_band(conn, "port__plots", b, (-180, -90, 180, 90))[1]).sum()
              for b in range(len(lod.BANDS))]
    full = shapely.get_num_coordinates(originals.dropna().values).sum()
    assert full > counts[0] > counts[1] > counts[2]


def test_a_band_view_reads_only_its_box_with_the_layers_attributes(banded):
    conn, originals = banded
    box = (LON + 0.02, LAT + 0.02, LON + 0.05, LAT + 0.05)
    fids, shapes, values = lod.read_band(conn, "port__plots", 1, box, ["project_id"])
    assert 0 < len(fids) < len(originals) / 2
    assert shapely.intersects(shapely.box(*shapely.bounds(shapes).T), shapely.box(*box)).all()
    assert values["project_id"] == [f"P{f - 1}" for f in fids]


def test_band_choice_follows_the_map_scale():
    assert lod.band_for(1.0) is None  # zoomed in: full detail
    assert lod.band_for(4.0) == 0 and lod.band_for(15.9) == 0
    assert lod.band_for(16.0) == 1 and lod.band_for(500.0) == len(lod.BANDS) - 1


def test_pack_build_stores_bands_for_big_layers_and_still_verifies(tmp_path, workspace, monkeypatch):
    monkeypatch.setattr(lod, "MIN_FEATURES", 2)  # the test parks are tiny
    out = tmp_path / "p.gpkg"
    build_pack(workspace, out)
    conn = sqlite3.connect(out)
    assert lod.has_lod(conn, "port__plots") and lod.has_lod(conn, "port__roads")
    assert not lod.has_lod(conn, "wanxiang__plots")  # one feature: below the minimum
    conn.close()
    opened, handle = open_pack(out)  # verified on open: the bands are hashed frozen content
    assert not handle.read_only
    handle.close()
    assert (lod.LOD_TABLE, None) in [tuple(x) for x in pyogrio.list_layers(out)]  # QGIS lists it


@pytest.mark.slow
def test_a_pack_of_a_layer_above_the_minimum_builds_with_bands(tmp_path, workspace):
    """Enough band rows to spill SQLite's page cache mid-build: the build still reads its own
    register (it once failed here with "another program holds the register's lock")."""
    plots = workspace.layer("port/plots")
    n = lod.MIN_FEATURES + 5_000
    i = np.arange(n)
    side = 0.0005
    x, y = LON + (i % 200) * side, LAT + (i // 200) * side
    plots.frame = gpd.GeoDataFrame({"project_id": [None] * n}, geometry=shapely.box(x, y, x + side * 0.8, y + side * 0.8),
                                   crs=4326)
    out = tmp_path / "big.gpkg"
    build_pack(workspace, out)
    conn = sqlite3.connect(out)
    counts = [len(set(lod.read_band(conn, "port__plots", band, (-180, -90, 180, 90))[0].tolist()))
              for band in range(len(lod.BANDS))]
    conn.close()
    assert counts == [n] * len(lod.BANDS)


def test_a_bands_tile_range_walked_through_the_index_is_what_a_scan_of_the_band_finds(lod_pack):
    conn = sqlite3.connect(lod_pack)
    bands = conn.execute(f"SELECT DISTINCT table_name, band FROM {lod.LOD_TABLE}").fetchall()
    assert len(bands) > 2
    for table, band in bands:
        scanned = conn.execute(f"SELECT min(tx), min(ty), max(tx), max(ty) FROM {lod.LOD_TABLE} "
                               "WHERE table_name = ? AND band = ?", (table, band)).fetchone()
        assert lod.tile_range(conn, table, band) == scanned
    assert lod.tile_range(conn, bands[0][0], 99) is None
    assert lod.tile_range(conn, "no_such_layer", 0) is None


def test_the_rows_of_a_views_tiles_read_at_once_are_those_each_tiles_own_query_finds(banded):
    """A view's band tiles are read in one query over their range: each tile gets the rows its
    own query gives, in the same order; tiles scattered over a much bigger range are not read
    that way (the caller reads them one by one)."""
    conn, _originals = banded
    one_by_one = "SELECT kind, fids, offsets, coords, attributes FROM parksgis_bands WHERE " \
                 "table_name = ? AND band = ? AND tx = ? AND ty = ?"
    rng = np.random.default_rng(5)
    several = 0  # reads that found rows in more than one tile
    for band in range(len(lod.BANDS)):
        x0, y0, x1, y1 = lod.tile_range(conn, "port__plots", band)
        for _ in range(6):
            tx, ty = int(rng.integers(x0 - 1, x1 + 1)), int(rng.integers(y0 - 1, y1 + 1))
            tiles = [(x, y) for x in range(tx, tx + 3) for y in range(ty, ty + 2) if rng.random() < 0.8]
            found = lod.rows_of_tiles(conn, "port__plots", band, tiles)
            expected = {t: conn.execute(one_by_one, ("port__plots", band, *t)).fetchall() for t in tiles}
            assert found == {t: rows for t, rows in expected.items() if rows}
            several += len(found) > 1
    assert several >= 3
    assert lod.rows_of_tiles(conn, "port__plots", 0, [(x0, y0), (x0 + 5, y0 + 5)]) is None
    assert lod.rows_of_tiles(conn, "port__plots", 0, []) == {}


@pytest.mark.parametrize("band", range(len(lod.BANDS)))
def test_a_views_edge_tiles_read_in_part_give_the_features_whole_tiles_give(banded, band):
    """A view's tiles it only partly covers are read for that part; the map
    gets every feature whose band shape meets the view all the same, cold cache or warm."""
    from parksgis.pack.view_reader import PackViewReader

    conn, _originals = banded
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    m_per_px = lod.BANDS[band] * 1.5
    rng = np.random.default_rng(band)
    cold = PackViewReader(path)
    warm = PackViewReader(path)
    partial = 0
    for _ in range(12):
        x, y = LON + rng.uniform(-0.01, 0.1), LAT + rng.uniform(-0.01, 0.1)
        w, h = rng.uniform(0.002, 0.06, size=2)
        box = (x, y, x + w, y + h)
        expected, _shapes, _values = lod.read_band(conn, "port__plots", band, box, ["project_id"])
        tiles = cold.tiles_read
        frame = cold.frame("port__plots", box, m_per_px)
        partial += cold.tiles_read == tiles and len(frame) > 0  # nothing read whole
        assert frame.index.tolist() == expected.tolist()
        assert frame["project_id"].tolist() == [f"P{f - 1}" for f in expected]
        warm.frame("port__plots", box, m_per_px, cut=False)  # whole tiles, kept in the cache
        assert warm.frame("port__plots", box, m_per_px).index.tolist() == expected.tolist()
        cold.close()
        cold = PackViewReader(path)  # a cold cache for the next view
    assert partial > 0
    cold.close()
    warm.close()


def test_a_pack_with_bands_of_the_first_layout_is_refused_in_one_line_naming_it(tmp_path):
    """Bands of the first layout (a row per shape) are not read: a window would draw a big layer
    from full detail (a million plots at full extent), so the pack is refused until rebuilt."""
    from parksgis.pack.errors import PackError
    from parksgis.pack.view_reader import PackViewReader

    path = tmp_path / "old.gpkg"
    pyogrio.write_dataframe(_plots(50), path, layer="port__plots", driver="GPKG")
    conn = sqlite3.connect(path)
    conn.execute(f"CREATE TABLE {lod.OLD_LOD_TABLE} (id INTEGER PRIMARY KEY, table_name TEXT, band INTEGER, "
                 "tx INTEGER, ty INTEGER, fid INTEGER, geom BLOB)")
    conn.commit()
    conn.close()
    with pytest.raises(PackError) as refused:
        PackViewReader(path)
    message = str(refused.value)
    assert "\n" not in message and str(path) in message
    assert "older layout" in message and "parksgis pack build" in message


def test_band_rows_keep_the_features_attributes_and_a_value_without_json_form_is_read_from_the_table(tmp_path):
    """A band tile is read without a look-up per feature in the layer table: its rows keep the
    attributes (the layer table never changes after the build). Bytes have no JSON form: such
    rows keep none, and the tile's values come from the table all the same."""
    frame = _plots(60)
    frame["plot_no"] = np.arange(60)
    frame["area_m2"] = np.linspace(0.5, 30.0, 60)
    frame["note"] = ["北区" if i % 2 else None for i in range(60)]
    expected = frame.drop(columns="geometry").set_axis(range(1, 61))
    for name in ("plain", "bytes"):
        path = tmp_path / f"{name}.gpkg"
        pyogrio.write_dataframe(frame, path, layer="port__plots", driver="GPKG")
        conn = sqlite3.connect(path)
        columns = list(frame.columns.drop("geometry"))
        if name == "bytes":
            conn.execute("ALTER TABLE port__plots ADD COLUMN raw BLOB")
            for function in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):  # its triggers'
                conn.create_function(function, 1, lambda _geometry: 0)
            conn.execute("UPDATE port__plots SET raw = CAST(char(fid - 1) AS BLOB)")
            columns.append("raw")
        lod.build_lod(conn, ["port__plots"], min_features=0)
        conn.commit()
        stored = conn.execute(f"SELECT count(*), count(attributes) FROM {lod.LOD_TABLE}").fetchone()
        assert stored[1] == (stored[0] if name == "plain" else 0)
        fids, _shapes, values = lod.read_band(conn, "port__plots", 0, (-180, -90, 180, 90), columns)
        conn.close()
        assert len(fids) == 59  # one plot has no geometry
        for column in expected.columns:
            want = [None if v is None or (isinstance(v, float) and np.isnan(v)) else v
                    for v in expected.loc[fids, column].tolist()]
            assert values[column] == want, column
        if name == "bytes":
            assert values["raw"] == [bytes([f - 1]) for f in fids]


def test_shapes_douglas_peucker_would_break_are_simplified_keeping_their_topology():
    """Bands simplify with Douglas-Peucker first; a shape it would empty or change (a part under
    the tolerance dropped, a sliver collapsed) is simplified keeping its topology instead."""
    def metres(points):
        return [(LON + x / lod.M_PER_DEG, LAT + y / lod.M_PER_DEG) for x, y in points]

    square = shapely.Polygon(metres([(0, 0), (100, 0), (100, 100), (0, 100)]))
    speck = shapely.Polygon(metres([(200, 0), (203, 0), (203, 3), (200, 3)]))
    sliver = shapely.Polygon(metres([(0, 0), (100, 0), (100, 1), (0, 1)]))
    shapes = np.array([shapely.MultiPolygon([square, speck]), sliver])
    r = 16.0
    assert shapely.get_type_id(shapely.simplify(shapes[0], r / 2 / lod.M_PER_DEG, preserve_topology=False)) == 3  # would lose the speck
    assert shapely.simplify(shapes[1], r / 2 / lod.M_PER_DEG, preserve_topology=False).is_empty  # would vanish
    out = lod.generalise(shapes, r)
    assert shapely.get_type_id(out).tolist() == [6, 3] and shapely.get_num_geometries(out[0]) == 2
    assert shapely.is_valid(out).all() and not shapely.is_empty(out).any()
    assert (shapely.hausdorff_distance(out, shapes) * lod.M_PER_DEG <= r / 2 + 1e-6).all()


def _mixed_pack(tmp_path, kinds=range(5)):
    """A banded pack of polygons with holes, multipolygons, lines, multilines and triangles
    (``kinds``: which of them, in that order)."""
    rng = np.random.default_rng(5)
    geoms = []
    for i in range(240):
        if i % 5 not in kinds:
            continue
        x, y = LON + rng.uniform(0, 0.1), LAT + rng.uniform(0, 0.1)
        d = rng.uniform(30, 300) / lod.M_PER_DEG
        square = shapely.box(x, y, x + d, y + d)
        kind = i % 5
        if kind == 0:
            geoms.append(square.difference(shapely.box(x + d / 4, y + d / 4, x + d / 2, y + d / 2)))  # a hole
        elif kind == 1:
            geoms.append(shapely.MultiPolygon([square, shapely.box(x + 2 * d, y, x + 3 * d, y + d)]))
        elif kind == 2:
            geoms.append(shapely.LineString([(x, y), (x + d, y + d / 3), (x + 2 * d, y)]))
        elif kind == 3:
            geoms.append(shapely.MultiLineString([[(x, y), (x + d, y)], [(x, y + d), (x + d, y + 2 * d)]]))
        else:
            geoms.append(shapely.Polygon([(x, y), (x + d, y), (x + d / 2, y + d * (1 + rng.uniform()))]))
    path = tmp_path / "mixed.gpkg"
    pyogrio.write_dataframe(gpd.GeoDataFrame({"project_id": [f"P{i}" for i in range(len(geoms))]}, geometry=geoms,
                                             crs=4326),
                            path, layer="port__plots", driver="GPKG", geometry_type="Unknown")
    conn = sqlite3.connect(path)
    lod.build_lod(conn, ["port__plots"], min_features=0)
    conn.commit()
    conn.close()
    return path


def test_the_vertices_a_band_hands_the_map_are_those_of_its_shapes(tmp_path):
    """A band frame comes with its shapes' vertices (no shapely pass to take them apart): the
    map's projected geometry from them equals the one built from the shapes, for polygons with
    holes, multipolygons, lines and multilines, and a view's tiles cut and joined."""
    from parksgis.pack.view_reader import PackViewReader
    from parksgis.render.layer_cache import LayerGeometry
    from parksgis.model.layer import Layer, LayerKind

    path = _mixed_pack(tmp_path)
    reader = PackViewReader(path)
    try:
        for box in [(LON - 1, LAT - 1, LON + 1, LAT + 1), (LON + 0.03, LAT + 0.02, LON + 0.07, LAT + 0.06)]:
            frame, vertices = reader.frame_and_vertices("port__plots", box, lod.BANDS[0] * 1.5)
            assert vertices is not None and len(frame) > 20
            layer = Layer("plots", frame, LayerKind.PLOTS)
            given, built = LayerGeometry(layer, "EPSG:4546", vertices), LayerGeometry(layer, "EPSG:4546")
            for a, b in ((given.areas, built.areas), (given.lines, built.lines)):
                assert np.array_equal(a.xy, b.xy) and np.array_equal(a.feature, b.feature)
                # a path breaks at the same vertices (ring ids are numbered apart)
                assert np.array_equal(np.diff(a.ring) != 0, np.diff(b.ring) != 0)
            assert np.array_equal(given.dims, built.dims) and np.array_equal(given.tiles, built.tiles)
            assert np.array_equal(given.bounds, built.bounds, equal_nan=True)
            assert len(given.lines) and len(given.areas)
    finally:
        reader.close()



def test_a_window_frame_of_band_areas_holds_no_shapes_and_makes_them_from_its_vertices(tmp_path):
    """The window reads a band's areas without shapely shapes (``shapes=False``: its geometry
    column is empty); the shapes made on demand from the vertices, for some rows or all, and
    projected by the map's geometry, are those of the frame read with shapes. A frame with lines
    keeps its shapes (a line layer's frame gives the dashboard's road lengths)."""
    from parksgis.model.layer import Layer, LayerKind
    from parksgis.pack.view_reader import PackViewReader
    from parksgis.render.layer_cache import LayerGeometry

    areas = _mixed_pack(tmp_path, kinds=(0, 1, 4))  # holes, multipolygons, triangles
    reader = PackViewReader(areas)
    try:
        for box in [(LON - 1, LAT - 1, LON + 1, LAT + 1), (LON + 0.03, LAT + 0.02, LON + 0.07, LAT + 0.06)]:
            eager, _ = reader.frame_and_vertices("port__plots", box, lod.BANDS[0] * 1.5)
            lazy, vertices = reader.frame_and_vertices("port__plots", box, lod.BANDS[0] * 1.5, shapes=False)
            assert lazy.index.equals(eager.index) and lazy["project_id"].equals(eager["project_id"])
            assert len(lazy) > 20 and lazy.geometry.isna().all()
            rows = np.arange(len(lazy))[::3]
            assert (shapely.to_wkb(vertices.shapes.shapes(rows)) == shapely.to_wkb(eager.geometry.values[rows])).all()
            made = LayerGeometry(Layer("plots", lazy, LayerKind.PLOTS), "EPSG:4546", vertices)
            built = LayerGeometry(Layer("plots", eager, LayerKind.PLOTS), "EPSG:4546")
            assert (shapely.to_wkb(made.projected(rows[:5])) == shapely.to_wkb(built.projected(rows[:5]))).all()
            assert (shapely.to_wkb(made.wgs84) == shapely.to_wkb(eager.geometry.values)).all()
            assert np.array_equal(made.bounds, built.bounds, equal_nan=True)
    finally:
        reader.close()
    # the window's read (render.view_frames.read_frame): areas without shapes, lines with theirs
    from parksgis.model.view_source import LayerView
    from parksgis.pack.view_source import PackViewSource
    from parksgis.render.view_frames import read_frame, to_display

    (tmp_path / "mixed").mkdir()
    for path, lines in ((areas, False), (_mixed_pack(tmp_path / "mixed"), True)):
        source = PackViewSource(path)
        try:
            layer = Layer("plots", eager.iloc[:0], LayerKind.PLOTS)
            layer.view = LayerView(source, "port__plots", source.count("port__plots"), source.extent("port__plots"))
            rect = to_display("EPSG:4546", (LON - 1, LAT - 1, LON + 1, LAT + 1))
            frame, _coverage, geometry = read_frame(layer, rect, lod.BANDS[0] * 1.5, "EPSG:4546", margin=0.0)
            assert len(frame) > 20 and geometry.vertices is not None
            assert frame.geometry.notna().all() if lines else frame.geometry.isna().all()
            assert (geometry.vertices.shapes is None) == lines
        finally:
            source.close()


def test_a_views_band_shapes_made_for_its_features_only_are_those_each_tile_gives(tmp_path):
    """The view reader makes a band's shapely shapes only for the features its frame keeps (a
    polygon of one ring from its vertices, any other shape from its row): they are exactly the
    shapes the band's rows give read tile by tile, and the boxes worked out from the vertices are
    shapely's."""
    from parksgis.pack.band_layout import BandShapes
    from parksgis.pack.view_reader import PackViewReader

    path = _mixed_pack(tmp_path)
    reader = PackViewReader(path)
    conn = sqlite3.connect(path)
    try:
        for box in [(LON - 1, LAT - 1, LON + 1, LAT + 1), (LON + 0.03, LAT + 0.02, LON + 0.07, LAT + 0.06)]:
            frame = reader.frame("port__plots", box, lod.BANDS[0] * 1.5)
            fids, shapes, _values = lod.read_band(conn, "port__plots", 0, box)
            assert frame.index.tolist() == fids.tolist() and len(fids) > 20
            assert (shapely.to_wkb(frame.geometry.values) == shapely.to_wkb(shapes)).all()
        fullest = conn.execute(f"SELECT tx, ty FROM {lod.LOD_TABLE} WHERE band = 0 GROUP BY tx, ty "
                               "ORDER BY sum(length(fids)) DESC LIMIT 1").fetchone()
        fids, lazy, _values, _vertices = lod.read_tile(conn, "port__plots", 0, *fullest, with_vertices=True)
        eager = lod.read_tile(conn, "port__plots", 0, *fullest)[1]
        assert isinstance(lazy, BandShapes) and len(lazy) == len(eager) > 10
        assert set(shapely.get_type_id(eager).tolist()) == {1, 3, 5, 6}
        assert (shapely.to_wkb(lazy.shapes()) == shapely.to_wkb(eager)).all()
        assert np.array_equal(lazy.bounds, shapely.bounds(eager), equal_nan=True)
        picked = np.arange(len(eager))[::3]
        assert (shapely.to_wkb(lazy.shapes(picked)) == shapely.to_wkb(eager[picked])).all()
    finally:
        conn.close()
        reader.close()

@pytest.mark.parametrize("band", [None, *range(len(lod.BANDS))])
def test_a_view_holding_the_whole_layer_gives_every_feature_its_band_has(banded, band):
    """A view around the whole layer (the first view of a pack) skips cutting the shapes to the
    view: still exactly what the band (or the full-detail table) has, each feature once."""
    from parksgis.pack.view_reader import PackViewReader

    conn, originals = banded
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    reader = PackViewReader(path)
    try:
        x0, y0, x1, y1 = reader.extent("port__plots")
        for box in ((x0, y0, x1, y1), (x0 - 0.02, y0 - 0.01, x1 + 0.03, y1 + 0.02)):
            m_per_px = 0.5 if band is None else lod.BANDS[band] * 1.5
            frame = reader.frame("port__plots", box, m_per_px)
            expected = originals.index[originals.notna()].tolist() if band is None else \
                lod.read_band(conn, "port__plots", band, box, ["project_id"])[0].tolist()
            assert frame.index.tolist() == expected
            assert len(expected) == len(originals) - 1  # all but the feature without a shape
    finally:
        reader.close()


def test_band_attributes_read_back_as_written_even_what_only_pythons_json_reads():
    """Values a band row keeps come back as they went in: text (Chinese, damaged bytes kept as
    surrogates), numbers, NaN and nulls."""
    import math

    from parksgis.pack.band_layout import _attributes_blob, stored_attributes

    columns = ["name", "area"]
    for names, areas in ((["一号地块", None, "x"], [1.5, None, 3]), (["bad\udc80bytes", "ok", ""], [math.nan, 2.0, -1])):
        blob = _attributes_blob(columns, [names, areas])
        got = stored_attributes([(None, None, None, None, blob)], columns)
        assert got[0].tolist() == names
        assert [("nan" if isinstance(v, float) and math.isnan(v) else v) for v in got[1].tolist()] == \
            [("nan" if isinstance(v, float) and math.isnan(v) else v) for v in areas]


def test_a_pack_cut_short_in_place_while_a_reader_maps_it_gives_an_error_not_a_crash(banded, tmp_path):
    """The view reader reads the pack through a memory map: a file another program truncates in
    place (``cp`` over an open pack) is an SQLite error the window reports, not a SIGBUS."""
    import shutil

    from parksgis.pack.view_reader import PackViewReader

    conn, _originals = banded
    path = tmp_path / "copy.gpkg"
    shutil.copy(conn.execute("PRAGMA database_list").fetchone()[2], path)
    reader = PackViewReader(path, mapped=True)
    box = (LON - 0.01, LAT - 0.01, LON + 0.11, LAT + 0.11)
    assert len(reader.frame("port__plots", box, lod.BANDS[0] * 1.5)) > 300
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 3)
    with pytest.raises(sqlite3.DatabaseError):
        reader.frame("port__plots", box, lod.BANDS[1] * 1.5)  # another band: not in the cache
    reader.close()
