"""Level-of-detail bands on the server (``server.bands``): ``db load`` writes them for big layer
tables with the pack's code, the map reads them at coarse scales exactly as it reads a pack's,
they never outlive a change of their table, viewers read them and only admins write them, and an
older database gets them on ``db init``.

The sample parks stand in for big layers: the size from which layers get bands is lowered (as the
pack tests do), so every sample area and line layer has bands."""

from __future__ import annotations

import numpy as np
import psycopg
import pytest
import shapely

from parksgis.pack import cell_features, lod
from parksgis.pack.view_reader import PackFacts, PackViewReader
from parksgis.server.view_source import DatabaseViewReader
from parksgis.server.workspace import load_database_workspace

TABLE = "port__plots"
COARSE = 70.0  # metres per pixel: band 2


@pytest.fixture
def banded_url(pg_url, sample_layers, cli, monkeypatch):
    monkeypatch.setattr(lod, "MIN_FEATURES", 5)
    assert cli("db", "init", pg_url)[0] == 0
    code, out, err = cli("db", "load", sample_layers, "--into", pg_url)
    assert code == 0, err
    assert "layer table port__plots: level-of-detail bands built" in out
    return pg_url


def _database_reader(url: str) -> DatabaseViewReader:
    from parksgis.server import layers

    with psycopg.connect(url) as conn:
        catalogue = {item["table"]: item["columns"] for item in layers.catalogue(conn)}
    return DatabaseViewReader(url, catalogue, PackFacts())


def _shapes(layer) -> np.ndarray:
    """The WGS84 shapes a page draws of ``layer``: its frame's, or those its band's vertices make
    when asked for (a page's frame from a band holds none)."""
    from parksgis.render.layer_cache import LayerGeometry

    return LayerGeometry(layer, "EPSG:4546", layer.frame_vertices).wgs84


def _band_rows(url: str, table: str = TABLE) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM parksgis.bands WHERE table_name = %s", (table,)).fetchone()[0]


def test_load_writes_the_packs_bands_and_a_coarse_view_reads_them(banded_url, lod_pack):
    with psycopg.connect(banded_url) as conn:
        stored = dict(conn.execute("SELECT band, count(*) FROM parksgis.bands WHERE table_name = %s "
                                   "GROUP BY band", (TABLE,)).fetchall())
    assert sorted(stored) == [0, 1, 2]  # every band; no status cells below DENSITY_MIN_FEATURES
    server, pack = _database_reader(banded_url), PackViewReader(lod_pack)
    try:
        extent = server.extent(TABLE)
        assert extent == pytest.approx(pack.extent(TABLE))
        ours, theirs = server.frame(TABLE, extent, COARSE), pack.frame(TABLE, extent, COARSE)
        assert server._band(TABLE, COARSE) == 2  # read from the bands
        # the same features (a pack's ids count from 1, the server's from 0), the same
        # generalised shapes, the same values as the pack's frame
        assert ours.index.tolist() == (theirs.index - 1).tolist() == list(range(server.count(TABLE)))
        assert shapely.equals_exact(ours.geometry.values, theirs.geometry.values, 1e-9).all()
        whole = server.frame(TABLE, extent, 1.0)  # zoomed in: full detail, the table's shapes
        assert server._band(TABLE, 1.0) is None
        expected = lod.generalise(whole.geometry.values, lod.BANDS[2])
        assert shapely.equals_exact(ours.geometry.values, expected, 1e-9).all()
        server.frame(TABLE, extent, COARSE, cut=False)  # whole tiles, kept in the cache:
        assert {key[1] for key in server._cache if key[0] == TABLE} == {2, None}  # band 2's tiles
        for column in ("project_id", "name_zh"):
            assert ours[column].tolist() == whole[column].tolist()
    finally:
        server.close()
        pack.close()


def test_a_changed_layer_table_loses_its_bands_and_the_next_load_builds_them(banded_url, sample_layers, cli):
    before = _band_rows(banded_url)
    assert before > 0 and _band_rows(banded_url, "wanxiang__plots") > 0
    with psycopg.connect(banded_url) as conn:  # an admin moves a plot in psql
        conn.execute(f"UPDATE parksgis.{TABLE} SET geom = ST_Translate(geom, 0.01, 0) WHERE fid = 0")
    assert _band_rows(banded_url) == 0  # dropped in the same transaction by the table's trigger
    assert _band_rows(banded_url, "wanxiang__plots") > 0  # other tables keep theirs
    reader = _database_reader(banded_url)
    try:  # the map falls back to full detail: the moved plot is where the table says
        frame = reader.frame(TABLE, reader.extent(TABLE), COARSE)
        assert reader._band(TABLE, COARSE) is None
        with psycopg.connect(banded_url) as conn:
            moved = shapely.from_wkb(conn.execute(f"SELECT ST_AsBinary(geom) FROM parksgis.{TABLE} "
                                                  "WHERE fid = 0").fetchone()[0])
        assert shapely.equals(frame.geometry.loc[0], moved)
    finally:
        reader.close()
    code, out, err = cli("db", "load", sample_layers, "--into", banded_url)
    assert code == 0, err
    assert f"layer table {TABLE}: level-of-detail bands built" in out
    assert _band_rows(banded_url) > 0


def test_a_window_open_when_the_bands_are_dropped_reads_full_detail(banded_url):
    reader = _database_reader(banded_url)
    try:
        extent = reader.extent(TABLE)
        assert reader._band(TABLE, COARSE) == 2  # chosen, as the open window has
        with psycopg.connect(banded_url) as conn:  # then an admin changes the table in psql
            conn.execute(f"UPDATE parksgis.{TABLE} SET name_zh = name_zh || '*'")
        frame = reader.frame(TABLE, extent, COARSE)  # tiles not read yet: no band rows any more
        assert len(frame) == reader.count(TABLE) and frame["name_zh"].str.endswith("*").all()
        assert reader._band(TABLE, COARSE) is None  # and the next views read full detail
    finally:
        reader.close()


def test_a_reload_of_changed_features_rebuilds_their_bands_in_the_same_transaction(banded_url, tmp_path, cli,
                                                                                   sample_layers):
    import shutil

    import geopandas as gpd

    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    plots = next(folder.glob("port*/plots.*"))
    frame = gpd.read_file(plots)
    frame = frame.iloc[:-1]  # one plot fewer
    frame.to_file(plots, driver="GeoJSON")
    code, out, err = cli("db", "load", folder, "--into", banded_url)
    assert code == 0, err
    reader = _database_reader(banded_url)
    try:
        coarse = reader.frame(TABLE, reader.extent(TABLE), COARSE)
        assert reader._band(TABLE, COARSE) == 2 and len(coarse) == len(frame)
    finally:
        reader.close()


def test_viewers_read_the_bands_and_the_server_refuses_them_writing(users, pg_cluster, monkeypatch):
    dbname = users["alice"].split("/")[3].split("?")[0]
    monkeypatch.setattr(lod, "MIN_FEATURES", 5)
    with psycopg.connect(users["alice"].replace("alice@", "postgres@")) as conn:  # an admin builds them
        from parksgis.server import bands

        with conn.cursor() as cur:
            assert bands.build_missing(cur)
    read = pg_cluster.psql("SELECT count(*) FROM parksgis.bands", dbname=dbname, user="alice", password="pw-alice")
    assert int(read.stdout.strip()) > 0
    for sql in ("DELETE FROM parksgis.bands",
                "INSERT INTO parksgis.bands SELECT * FROM parksgis.bands LIMIT 1",
                f"UPDATE parksgis.{TABLE} SET geom = NULL"):  # nor drop them through the trigger
        denied = pg_cluster.psql(sql, dbname=dbname, user="alice", password="pw-alice", check=False)
        assert denied.returncode != 0 and "permission denied for table" in denied.stderr, sql
    bob = pg_cluster.psql("DELETE FROM parksgis.bands", dbname=dbname, user="bob", password="pw-bob", check=False)
    assert bob.returncode != 0 and "permission denied for table bands" in bob.stderr


def test_an_older_database_gets_the_bands_on_db_init(banded_url, cli):
    with psycopg.connect(banded_url) as conn:  # the schema as version 3 left it
        conn.execute("DROP TABLE parksgis.bands, parksgis.cell_features")
        conn.execute("DROP FUNCTION parksgis.drop_bands() CASCADE")  # and the tables' triggers
        conn.execute("UPDATE parksgis.meta SET value = '3' WHERE key = 'schema_version'")
    code, out, err = cli("db", "init", banded_url)
    assert code == 0, err
    assert "migrated schema parksgis from version 3 to 5" in out
    assert _band_rows(banded_url) > 0
    with psycopg.connect(banded_url) as conn:  # the tables are guarded again
        conn.execute(f"DELETE FROM parksgis.{TABLE} WHERE fid = 1")
    assert _band_rows(banded_url) == 0


def test_render_url_of_every_park_draws_the_bands_as_render_pack_does(qapp, banded_url, lod_pack, tmp_path, cli,
                                                                       monkeypatch):
    from PySide6.QtGui import QImage

    from parksgis.commands.pack_view import open_database_view, open_pack_view

    page = (800, 600)
    tiles = []
    read_tile = DatabaseViewReader._read_band_tile

    def counted(reader, table, band, *args):
        tiles.append((table, band))
        return read_tile(reader, table, band, *args)

    monkeypatch.setattr(DatabaseViewReader, "_read_band_tile", counted)
    server = open_database_view(banded_url, park=None, bbox=None, page_px=page)[0]
    assert ("port__plots", 1) in tiles  # the page's scale is a banded one: its tiles were read
    pack = open_pack_view(lod_pack, park=None, bbox=None, page_px=page)
    for key in ("port/plots", "wanxiang/plots", "port/roads"):
        ours, theirs = server.layer(key), pack.layer(key)
        assert len(ours.frame) == len(theirs.frame) and shapely.equals_exact(_shapes(ours), _shapes(theirs),
                                                                             1e-9).all(), key
    # the band's shapes are drawn from their vertices: no shapely geometries made for the frame
    assert server.layer("port/plots").frame.geometry.isna().all()
    assert pack.layer("port/plots").frame.geometry.isna().all()
    common = ["--size", "800x600", "--dpi", "96", "--generated", "2026-12-03"]
    images = []
    for src, name in ((banded_url, "server"), (lod_pack, "pack")):
        code, _, err = cli("render", src, "-o", tmp_path / f"{name}.png", *common)
        assert code == 0, err
        images.append(QImage(str(tmp_path / f"{name}.png")))
    assert images[0].size() == images[1].size()
    # the same page, the subtitle's date aside (a pack's statuses are as of its build)
    assert images[0].copy(0, 95, 800, 505) == images[1].copy(0, 95, 800, 505)
    assert images[0].copy(0, 0, 800, 95) != images[1].copy(0, 0, 800, 95)
    # a status edit changes the register, not the layer table: the bands stay, and draw the new colour
    stored = _band_rows(banded_url)
    code, _, err = cli("status", "set", banded_url, "PORT-FILL-1", "status=completed")
    assert code == 0, err
    assert _band_rows(banded_url) == stored
    assert cli("render", banded_url, "-o", tmp_path / "edited.png", *common)[0] == 0
    edited = QImage(str(tmp_path / "edited.png"))
    assert edited.copy(0, 95, 545, 505) != images[0].copy(0, 95, 545, 505)  # the map, not the legend


def test_the_biggest_tables_get_the_packs_status_cells(pg_url, sample_layers, tmp_path, cli, monkeypatch):
    import shutil

    from parksgis.app.packs import build_pack_from

    monkeypatch.setattr(lod, "MIN_FEATURES", 5)
    monkeypatch.setattr(lod, "DENSITY_MIN_FEATURES", 5)  # cells for the sample plots,
    monkeypatch.setattr(cell_features, "CELLS", 4)  # a few of them,
    monkeypatch.setattr(lod, "VIEW_FEATURES", 3)  # drawn whenever the view holds more than 3 plots
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite*", "*.gpkg"))
    build_pack_from(folder, tmp_path / "parks.gpkg")
    assert cli("db", "init", pg_url)[0] == 0
    assert cli("db", "load", folder, "--into", pg_url)[0] == 0
    server, pack = _database_reader(pg_url), PackViewReader(tmp_path / "parks.gpkg")
    try:
        extent = server.extent(TABLE)
        ours, theirs = server.frame(TABLE, extent, COARSE), pack.frame(TABLE, extent, COARSE)
        assert server._density(TABLE, extent, COARSE)
        assert 1 <= len(ours) < server.count(TABLE)  # a few cells, not a shape per plot
        # the same cells, each with the id (and so the status colour) of the same feature
        assert ours.index.tolist() == (theirs.index - 1).tolist()
        # (a pack's cell boxes come from its R-tree: float32, ~1 m coarser than the server's)
        assert shapely.equals_exact(ours.geometry.values, theirs.geometry.values, 2e-5).all()
        assert ours["project_id"].tolist() == theirs["project_id"].tolist()
    finally:
        server.close()
        pack.close()
    # what each cell stands for is stored beside the cells, as in the pack; a page draws the cells
    # and counts their features: the same page as the pack's
    from PySide6.QtGui import QImage

    from parksgis.commands.pack_view import open_database_view, open_pack_view

    page = open_database_view(pg_url, park=None, bbox=None, page_px=(800, 600))[0].layer("port/plots")
    theirs = open_pack_view(tmp_path / "parks.gpkg", park=None, bbox=None, page_px=(800, 600)).layer("port/plots")
    assert page.cell_features is not None and 1 <= len(page.frame) < page.cell_features.features
    assert page.frame.index.tolist() == (theirs.frame.index - 1).tolist()
    ours = page.cell_features.frame().assign(cell=lambda f: f["cell"] + 1)  # (a pack's ids count from 1)
    assert ours.to_dict("records") == theirs.cell_features.frame().to_dict("records")
    common = ["--size", "800x600", "--dpi", "96", "--generated", "2026-12-03"]
    images = []
    for src, name in ((pg_url, "server"), (tmp_path / "parks.gpkg", "pack")):
        code, _, err = cli("render", src, "-o", tmp_path / f"{name}.png", *common)
        assert code == 0, err
        images.append(QImage(str(tmp_path / f"{name}.png")))
    # legend and key figures alike; on the map, only the cells' edges may differ by a pixel (their
    # boxes: float32 in a pack)
    assert images[0].copy(545, 95, 255, 505) == images[1].copy(545, 95, 255, 505)
    differing = sum(images[0].pixel(x, y) != images[1].pixel(x, y) for x in range(30, 540, 2) for y in range(100, 515, 2))
    assert differing < 0.01 * 255 * 207


def test_status_cells_counts_follow_their_bands(pg_url, sample_layers, cli, monkeypatch):
    """What the cells stand for is built with them; a database of schema version 4 (cells, no
    counts) gets it on ``db init``; a change of the table deletes it with the bands."""
    monkeypatch.setattr(lod, "MIN_FEATURES", 5)
    monkeypatch.setattr(lod, "DENSITY_MIN_FEATURES", 5)
    assert cli("db", "init", pg_url)[0] == 0
    assert cli("db", "load", sample_layers, "--into", pg_url)[0] == 0

    def counted() -> set[str]:
        with psycopg.connect(pg_url) as conn:
            return {r[0] for r in conn.execute("SELECT table_name FROM parksgis.cell_features")}

    assert TABLE in counted()
    with psycopg.connect(pg_url) as conn:  # as version 4 left it: the cells, no counts
        conn.execute("DROP TABLE parksgis.cell_features")
        conn.execute("UPDATE parksgis.meta SET value = '4' WHERE key = 'schema_version'")
    code, out, err = cli("db", "init", pg_url)
    assert code == 0 and "migrated schema parksgis from version 4 to 5" in out, err
    assert TABLE in counted()
    with psycopg.connect(pg_url) as conn:
        conn.execute(f"UPDATE parksgis.{TABLE} SET fid = fid")  # an admin in psql
    assert TABLE not in counted()


def test_a_page_of_every_park_reads_its_bands_ahead(banded_url):
    """``render URL`` of every park reads, while it imports the libraries, the rows of the band
    the page draws each big table from, and the other tables whole."""
    from parksgis.commands.pack_view import database_page, open_database_view
    from parksgis.server import connection, layers

    page = (800, 600)
    ahead = layers.RowsAhead(banded_url, page=lambda extents: database_page(extents, None, None, page))
    with connection.connect(banded_url) as conn:
        items = {item["table"]: item for item in layers.catalogue(conn)}
    assert ahead.cells(TABLE, items[TABLE]["columns"]) is None  # not read whole
    roads = ahead.cells("port__roads", items["port__roads"]["columns"])  # roads are: the page sums them
    assert roads is not None and len(roads[0]) > 0
    assert ahead.counts()[TABLE] == 14 and set(ahead.extents()) >= {TABLE, "port__roads"}
    tiles = ahead.tiles(TABLE, 1)
    assert tiles and sum(len(np.frombuffer(r[1], dtype="<i8")) for rows in tiles.values() for r in rows) >= 14
    from parksgis.server.register import ServerRegister

    with ServerRegister.open(banded_url, readonly=True) as register:  # and the register's projects
        assert register.projects(ahead.projects()) == register.projects()
    assert ahead.projects() is None  # handed over, once
    ahead = layers.RowsAhead(banded_url, page=lambda extents: database_page(extents, None, None, page))
    viewed = open_database_view(banded_url, park=None, bbox=None, page_px=page, ahead=ahead)[0]
    assert ahead.tiles(TABLE, 1) is None  # handed over, once
    plain = open_database_view(banded_url, park=None, bbox=None, page_px=page)[0]
    for layer in viewed.layers:
        other = plain.layer(layer.key)
        assert layer.frame.drop(columns="geometry").equals(other.frame.drop(columns="geometry")), layer.key
        assert shapely.equals_exact(_shapes(layer), _shapes(other), 0).all(), layer.key


def test_a_page_draws_a_banded_table_from_the_vertices_its_band_gave(qapp, banded_url):
    """The page hands the map the band's vertices with the frame (no shapely pass to take 100k
    shapes apart again): the same projected geometry; forgotten once the layer's data changes."""
    from parksgis.commands.pack_view import open_database_view
    from parksgis.model.layer import Layer
    from parksgis.render.layer_cache import LayerGeometry
    from parksgis.render.map_renderer import MapRenderer

    workspace = open_database_view(banded_url, park=None, bbox=None, page_px=(800, 600))[0]
    layer = next(layer for layer in workspace.layers if layer.park_id == "port" and layer.name == "plots")
    assert layer.frame_vertices is not None and len(layer.frame_vertices.dim) == len(layer.frame) > 0
    given = MapRenderer(workspace, "EPSG:4546").geometry(layer)
    assert "wgs84" not in given.__dict__  # no shapely geometry made for drawing the band
    # the same projected geometry as from the shapes (made when asked for: a few, for labels)
    shaped = Layer(layer.name, layer.frame.set_geometry(layer.frame_vertices.shapes.shapes()), layer.kind)
    built = LayerGeometry(shaped, "EPSG:4546")
    assert np.array_equal(given.areas.xy, built.areas.xy) and np.array_equal(given.bounds, built.bounds)
    rows = np.array([0, len(layer.frame) - 1])
    assert shapely.equals_exact(given.projected(rows), built.projected(rows), 1e-3).all()
    assert "wgs84" not in given.__dict__  # those of a few rows are made alone
    layer.data_changed.emit()
    assert layer.frame_vertices is None


def test_the_read_ahead_of_a_fresh_render_needs_none_of_the_libraries_it_overlaps(banded_url):
    """``render URL`` starts reading before it imports numpy, pandas, shapely and Qt (0.5-0.7 s),
    so the read and the imports overlap: choosing and reading the page's band imports none of them."""
    import subprocess
    import sys

    code = ("import sys\nfrom parksgis.commands.render import read_ahead\n"
            "ahead = read_ahead(sys.argv[1], (800, 600))\nahead.counts()\n"
            "print(sorted(m for m in ('numpy', 'pandas', 'shapely', 'geopandas', 'PySide6') if m in sys.modules))\n"
            f"print(bool(ahead.tiles({TABLE!r}, 1)))")
    result = subprocess.run([sys.executable, "-c", code, banded_url], capture_output=True, text=True, timeout=120,
                            encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["[]", "True"]


def test_an_atlas_of_a_banded_database_draws_its_pages_from_the_bands(qapp, banded_url, atlas_pages, monkeypatch):
    """``atlas URL`` reads each page as ``render URL`` does: a page at a coarse scale (the
    overview; at 100 dpi a big park's page too) from the server's level-of-detail bands, drawn as
    full detail draws it but for edge pixels (a band shape is never more than half a pixel off);
    a page at full detail pixel for pixel as with no bands at all."""
    from parksgis.server import workspace as server_workspace

    banded_tables = []  # per page: the tables it drew from their bands
    read = server_workspace.banded_frames

    def counted(*args, **kwargs):
        frames = read(*args, **kwargs)
        banded_tables.append(sorted(frames))
        return frames

    monkeypatch.setattr(server_workspace, "banded_frames", counted)
    banded = atlas_pages(banded_url, 100)
    drew_bands = [bool(tables) for tables in banded_tables]
    assert len(banded) == 1 + 3 and TABLE in banded_tables[0]  # the overview's plots from a band
    assert not all(drew_bands)  # and a small park's page at full detail
    with psycopg.connect(banded_url) as conn:  # an admin drops every band: full detail everywhere
        conn.execute("DELETE FROM parksgis.bands")
    banded_tables.clear()
    whole = atlas_pages(banded_url, 100)
    assert banded_tables == [[]] * 4

    def pixels(image):
        return np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())

    for page, (a, b) in enumerate(zip(banded, whole)):
        differ = np.count_nonzero(pixels(a) != pixels(b))
        if drew_bands[page]:
            assert differ < 0.02 * a.width() * a.height(), page
        else:
            assert differ == 0, page
