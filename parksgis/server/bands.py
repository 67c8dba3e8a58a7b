"""Level-of-detail bands on the server: the big layer tables' shapes generalised per zoom band, as
a pack holds them (``pack.lod``, ``docs/packs.md`` "Big packs"), in ``parksgis.bands``.

What is stored is what ``pack build`` stores, made by the same code: the same threshold
(``lod.MIN_FEATURES`` features; ``lod.DENSITY_MIN_FEATURES`` for status cells), the same bands
(``lod.band_rows``) and cells (``lod.status_cells``), the same packed rows
(``pack.band_layout``: many shapes a row, coordinates and offsets as bytea, the features'
attribute values as JSON). So a view at a coarse scale is drawn from a few rows per tile, and a
zoomed-in view still reads the layer table (full detail, pixel-identical).

Bands are never older than their table: :func:`build` runs in the transaction that writes the
table (``db load``), reading the table back as that transaction sees it; and a statement trigger
on every layer table (:func:`after_write`, ``schema.DDL_V4``) deletes the table's bands whenever
anything else inserts, updates, deletes or truncates its rows (an admin in psql), so the map falls
back to full detail until the next ``db load`` (or ``db init``) builds them again
(:func:`build_missing`). What each status cell stands for (its features counted by their status
columns, ``pack.cell_features``) goes into ``parksgis.cell_features`` (schema version 5), built
and deleted with the bands, so a page drawn from the cells counts their features as a pack's
page does (:func:`cell_features_of`). Statuses are not in the bands: a band row keeps each feature's
``project_id``, and its colour comes from the live register as at full detail. Only admins write
the table (``schema.privilege_ddl``); viewers read it.
"""

from __future__ import annotations

from parksgis.model.zoom_bands import DENSITY_BAND, band_for
from parksgis.server import layers

# Building imports numpy, shapely and ``pack.lod`` (and so pandas) when it runs: choosing and
# reading a page's band (page_band, whole_band) must not, since a fresh ``render URL`` does that
# on its read-ahead thread while the main thread imports them (``layers.RowsAhead``).

#: Features read from a layer table at a time while its bands are built.
CHUNK = 50_000
_COLUMNS = "table_name, band, tx, ty, part, kind, fids, offsets, coords, attributes"


def after_write(cur, table: str) -> int:
    """Guard the freshly written layer table ``table`` (the trigger that deletes its bands when
    its rows change, see the module's text) and build its bands; the shapes written."""
    from psycopg import sql

    cur.execute(sql.SQL("CREATE TRIGGER drop_bands AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {} "
                        "FOR EACH STATEMENT EXECUTE FUNCTION parksgis.drop_bands()").format(
        sql.Identifier("parksgis", table)))
    columns = next(item["columns"] for item in layers.catalogue(cur.connection) if item["table"] == table)
    return build(cur, table, columns)


def build(cur, table: str, columns: list) -> int:
    """Replace the bands of layer table ``table`` (``columns``: its catalogue entry) by those of its
    rows as the caller's transaction sees them; none when it is smaller than ``lod.MIN_FEATURES``.
    Returns the shapes written."""
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np
    import shapely

    from parksgis.pack import cell_features, lod

    cur.execute("DELETE FROM parksgis.bands WHERE table_name = %s", (table,))
    cur.execute("DELETE FROM parksgis.cell_features WHERE table_name = %s", (table,))
    count = layers.feature_count(cur.connection, table)
    if count < lod.MIN_FEATURES:
        return 0
    names = [c[0] for c in columns]
    written, shapes = 0, False
    with ThreadPoolExecutor(len(lod.BANDS), thread_name_prefix="parksgis-bands") as worker:
        for fids, geoms, values in _chunks(cur.connection, table, names):
            shapes = True
            # points are not generalised (as in a pack)
            keep = np.flatnonzero(~shapely.is_empty(geoms) & (shapely.get_dimensions(geoms) >= 1))
            fids, geoms = fids[keep], geoms[keep]
            values = (names, [v[keep] for v in values])
            for rows in worker.map(lambda band: lod.band_rows(band, fids, geoms, values), range(len(lod.BANDS))):
                written += _insert(cur, table, rows)
    if count >= lod.DENSITY_MIN_FEATURES and shapes:
        cells, present = _cells(cur.connection, table, names)
        cells = cell_features.in_cells(cells)
        chosen = lod.status_cells(cells)
        written += _insert(cur, table, lod.cell_rows(chosen))
        stood = cell_features.stood_for(cells, present, chosen.rename(columns={"min": "cell"}))
        cur.execute("INSERT INTO parksgis.cell_features (table_name, columns, cells, features, codes) "
                    "VALUES (%s, %s, %s, %s, %s)", (table, *cell_features.encoded(stood)))
    return written


def build_missing(cur) -> list[str]:
    """Build the bands of every big catalogued layer table that has none (after a migration, or
    after the trigger dropped them), or has status cells but not what they stand for (built
    before schema version 5); the tables built."""
    built = []
    for item in layers.catalogue(cur.connection):
        cur.execute("SELECT NOT EXISTS (SELECT 1 FROM parksgis.bands WHERE table_name = %s), "
                    "EXISTS (SELECT 1 FROM parksgis.bands WHERE table_name = %s AND band = %s) AND NOT EXISTS "
                    "(SELECT 1 FROM parksgis.cell_features WHERE table_name = %s)",
                    (item["table"], item["table"], DENSITY_BAND, item["table"]))
        if any(cur.fetchone()) and build(cur, item["table"], item["columns"]):
            built.append(item["table"])
    return built


def cell_features_of(conn, table: str):
    """What the status cells of ``table`` stand for (``pack.cell_features.CellFeatures``), or None
    when it has none stored."""
    from parksgis.pack import cell_features

    with conn.cursor(binary=True) as cur:
        row = cur.execute("SELECT columns, cells, features, codes FROM parksgis.cell_features "
                          "WHERE table_name = %s", (table,)).fetchone()
    return None if row is None else cell_features.decoded(*row)


def page_band(page, item: dict, extents, banded: set[str]) -> int | None:
    """The band a page at ``page`` (``(box, metres per pixel)`` or None) draws catalogued table
    ``item`` from (None: its rows, read as always): a table with bands (in ``banded``) lying
    within the page's box (``extents``: a ``layers.TableExtents``) at a banded scale, but never
    a road layer (the page sums their kilometres, and a simplified line is shorter)."""
    if page is None or item["table"] not in banded or item["kind"] == "roads":
        return None
    (box, m_per_px), extent = page, extents.extent(item["table"])
    if extent is None or not (box[0] <= extent[0] and box[1] <= extent[1] and box[2] >= extent[2]
                              and box[3] >= extent[3]):
        return None
    return band_for(m_per_px)


def whole_band(conn, table: str, band: int) -> dict[tuple[int, int], list[tuple]]:
    """Every tile's :func:`tile_rows` of a band, in one query (a page that shows all of it)."""
    tiles: dict[tuple[int, int], list[tuple]] = {}
    with conn.cursor(binary=True) as cur:
        for tx, ty, *row in cur.execute("SELECT tx, ty, kind, fids, offsets, coords, attributes FROM "
                                        "parksgis.bands WHERE table_name = %s AND band = %s", (table, band)):
            tiles.setdefault((tx, ty), []).append(tuple(row))
    return tiles


def has_band(conn, table: str, band: int) -> bool:
    """True when ``table`` has rows in ``band`` (one index look-up)."""
    return conn.execute("SELECT 1 FROM parksgis.bands WHERE table_name = %s AND band = %s LIMIT 1",
                        (table, band)).fetchone() is not None


def tile_rows(conn, table: str, band: int, tx: int, ty: int) -> list[tuple]:
    """The ``(kind, fids, offsets, coords, attributes)`` rows of one tile (``lod.tile_of_rows``)."""
    with conn.cursor(binary=True) as cur:
        return cur.execute("SELECT kind, fids, offsets, coords, attributes FROM parksgis.bands WHERE "
                           "table_name = %s AND band = %s AND tx = %s AND ty = %s",
                           (table, band, tx, ty)).fetchall()


def _chunks(conn, table: str, names: list[str]):
    """``(fids, shapes, [object array per column])`` of the table's rows with a geometry, in fid
    order, :data:`CHUNK` at a time (the values as the full-detail reads give them)."""
    import numpy as np
    import shapely
    from psycopg import sql

    query = sql.SQL("SELECT {}, ST_AsBinary(geom) FROM {} WHERE fid > %s AND geom IS NOT NULL "
                    "ORDER BY fid LIMIT {}").format(
        sql.SQL(", ").join([sql.Identifier("fid"), *(sql.Identifier(n) for n in names)]),
        sql.Identifier("parksgis", table), sql.Literal(CHUNK))
    last = -1
    while True:
        cells = layers.column_cells(conn, query, (last,), len(names) + 2)
        if not cells[0]:
            return
        last = cells[0][-1]
        values = []
        for column in cells[1:-1]:
            array = np.empty(len(column), dtype=object)
            array[:] = column
            values.append(array)
        yield np.array(cells[0], dtype=np.int64), shapely.from_wkb(np.array(cells[-1], dtype=object)), values


def _cells(conn, table: str, names: list[str]):
    """``(features, status columns)``: each feature's ``fid``, box, status as the bands are built
    (``kind``: its project's in the register, else its own status column, else ""; what
    ``lod.status_cells`` groups) and the values of the layer's status columns (what
    ``cell_features.stood_for`` counts), as ``cell_features.assign_cells`` reads a pack's."""
    import numpy as np
    import pandas as pd
    from psycopg import sql

    from parksgis.store.feature_status import status_columns

    present = [c for c in status_columns(names) if c in names]
    chosen = present[:2]  # the link, the first own status (as lod)
    own = [c for c in chosen if c != "project_id"]
    statuses = [sql.SQL("p.status")] if "project_id" in chosen else []
    statuses += [sql.SQL("CAST(l.{} AS text)").format(sql.Identifier(own[0]))] if own else []
    joined = sql.SQL("LEFT JOIN parksgis.projects p ON p.project_id = trim(CAST(l.project_id AS text))") \
        if "project_id" in chosen else sql.SQL("")
    query = sql.SQL("SELECT l.fid, ST_XMin(l.geom), ST_YMin(l.geom), ST_XMax(l.geom), ST_YMax(l.geom), "
                    "COALESCE({}){} FROM {} l {} WHERE l.geom IS NOT NULL AND NOT ST_IsEmpty(l.geom)").format(
        sql.SQL(", ").join([*statuses, sql.Literal("")]),
        sql.SQL("").join(sql.SQL(", l.{}").format(sql.Identifier(c)) for c in present),
        sql.Identifier("parksgis", table), joined)
    cells = layers.column_cells(conn, query, (), 6 + len(present))
    features = pd.DataFrame({"fid": np.array(cells[0], dtype=np.int64), "minx": cells[1], "miny": cells[2],
                             "maxx": cells[3], "maxy": cells[4], "kind": cells[5]})
    for column, values in zip(present, cells[6:]):
        features[column] = pd.Series(values, dtype=object)
    return features, present


def _insert(cur, table: str, rows: list[tuple]) -> int:
    """Write packed rows (``band_layout.packed_rows``); returns the number of shapes in them."""
    if not rows:
        return 0
    with cur.copy(f"COPY parksgis.bands ({_COLUMNS}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row((table, *row))
    return sum(len(row[5]) // 8 for row in rows)

