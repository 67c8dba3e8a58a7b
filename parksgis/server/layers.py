"""Layer tables in PostGIS: one table per layer (typed columns, a GiST-indexed geometry), written
with COPY and read back as GeoDataFrames; ``parksgis.layers`` catalogues them.

Each table keeps the layer's property columns with their types, ``fid`` (the feature's position in
the source file, so a dump writes features back in order) and ``geom`` in EPSG:4326. For QGIS, a
view ``<table>_status`` per layer joins each feature's project status and its label and colour.
"""

from __future__ import annotations

import hashlib
import json
from operator import itemgetter

from parksgis.model.layer import Layer, LayerKind

#: pandas dtype kind -> PostgreSQL column type; anything else is stored as text
_PG_TYPES = {"i": "bigint", "u": "bigint", "f": "double precision", "b": "boolean"}
_RESERVED = ("fid", "geom")


def layer_file(layer: Layer, folder=None) -> str:
    """The layer's file relative to its layers folder (``port/plots.geojson``), kept for dumps."""
    if folder is not None and layer.source is not None:
        try:
            return layer.source.resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            pass
    prefix = layer.park_id or ("basemap" if layer.kind == LayerKind.BASEMAP else "")
    return f"{prefix}/{layer.name}.geojson".lstrip("/")


def fingerprint(frame) -> str:
    """A content hash of a layer: equal hashes mean a reload has nothing to change."""
    import shapely

    digest = hashlib.sha256()
    digest.update(json.dumps([[str(c), str(t)] for c, t in frame.dtypes.items()]).encode())
    digest.update(frame.drop(columns=frame.geometry.name).to_json(orient="values").encode())
    for wkb in shapely.to_wkb(frame.geometry.values, hex=False):
        digest.update(wkb or b"-")
    return digest.hexdigest()


def write_layer(cur, table: str, layer: Layer, file: str, position: int) -> int:
    """Create ``parksgis.<table>`` holding ``layer`` (replacing an older one) and its status view."""
    import shapely
    from psycopg import sql

    frame = layer.frame.to_crs(4326) if layer.frame.crs is not None else layer.frame
    geometry = frame.geometry.name
    props = [c for c in frame.columns if c != geometry]
    clash = [c for c in props if str(c).lower() in _RESERVED]
    if clash:
        raise ValueError(f"layer {layer.key}: a property is named {clash[0]!r}, a name the server table needs")
    columns = [[str(c), _PG_TYPES.get(frame[c].dtype.kind, "text"), str(frame[c].dtype)] for c in props]
    types = set(frame.geometry.geom_type.dropna())
    gtype = types.pop() if len(types) == 1 else "Geometry"
    ident = sql.Identifier("parksgis", table)
    cur.execute(sql.SQL("DROP TABLE IF EXISTS {} CASCADE").format(ident))
    cur.execute(sql.SQL("CREATE TABLE {} (fid integer PRIMARY KEY, {}, geom geometry({}, 4326))").format(
        ident, sql.SQL(", ").join(sql.SQL("{} {}").format(sql.Identifier(n), sql.SQL(t))
                                  for n, t, _ in columns) if columns else sql.SQL("_empty text"),
        sql.SQL(gtype)))
    wkb = shapely.to_wkb(shapely.set_srid(frame.geometry.values, 4326), hex=True, include_srid=True)
    names = [sql.Identifier("fid"), *(sql.Identifier(n) for n, _, _ in columns), sql.Identifier("geom")]
    with cur.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(ident, sql.SQL(", ").join(names))) as copy:
        values = [frame[c].tolist() for c in props]
        for i in range(len(frame)):
            copy.write_row([i, *(_cell(v[i]) for v in values), wkb[i]])
    cur.execute(sql.SQL("CREATE INDEX {} ON {} USING gist (geom)").format(
        sql.Identifier(f"{table}_geom"), ident))
    cur.execute(_status_view(table, props))
    cur.execute("DELETE FROM parksgis.layers WHERE table_name = %s", (table,))
    cur.execute("INSERT INTO parksgis.layers (table_name, name, park_id, kind, title_zh, title_en, file, "
                "position, columns) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (table, layer.name, layer.park_id, layer.kind.value, layer.title_zh, layer.title_en,
                 file, position, json.dumps(columns + [["#fingerprint", fingerprint(frame), ""]])))
    return len(frame)


#: What the QGIS view adds to each feature: its project's status, label, colour, progress, name.
VIEW_COLUMNS = {"project_status": "p.status", "status_zh": "s.label_zh", "status_en": "s.label_en",
                "status_color": "s.color", "project_progress": "p.progress_pct", "project_name": "p.name_zh"}


def _status_view(table: str, props: list):
    """``<table>_status``: the layer with its project's status joined in (for QGIS styles). A
    name the layer already uses gets a ``register_`` prefix instead of clashing."""
    from psycopg import sql

    taken = {str(c).lower() for c in props}
    joined = sql.SQL(", ").join(
        sql.SQL("{} AS {}").format(sql.SQL(expr), sql.Identifier(f"register_{name}" if name in taken else name))
        for name, expr in VIEW_COLUMNS.items())
    return sql.SQL("""CREATE VIEW {} AS SELECT l.*, {} FROM {} l
        LEFT JOIN parksgis.projects p ON p.project_id = {}
        LEFT JOIN parksgis.status_scheme s ON s.code = p.status""").format(
        sql.Identifier("parksgis", f"{table}_status"), joined, sql.Identifier("parksgis", table),
        sql.SQL("l.project_id") if "project_id" in props else sql.SQL("NULL"))


#: a catalogued layer's table
_TABLE = "to_regclass(format('parksgis.%I', table_name))"
#: the columns a catalogued layer's table is read by (``fid``, ``geom``: any type) that it lacks,
#: or holds with another type than written, as rows ``need(name, type, n)`` joined to their
#: ``pg_attribute`` row ``a`` (none: the column is not there), in reading order, for a subquery
#: of a row of ``parksgis.layers``
_WRONG_COLUMNS = (
    "FROM unnest(ARRAY['fid', 'geom'] || ARRAY(SELECT item->>0 FROM jsonb_array_elements(columns) "
    "WITH ORDINALITY AS c(item, k) WHERE item->>0 <> '#fingerprint' ORDER BY k), "
    "ARRAY[NULL, NULL]::text[] || ARRAY(SELECT item->>1 FROM jsonb_array_elements(columns) "
    "WITH ORDINALITY AS c(item, k) WHERE item->>0 <> '#fingerprint' ORDER BY k)) "
    "WITH ORDINALITY AS need(name, type, n) "
    f"LEFT JOIN pg_attribute a ON a.attrelid = {_TABLE} AND a.attname = need.name AND a.attnum > 0 "
    "AND NOT a.attisdropped "
    "WHERE a.attname IS NULL OR (need.type IS NOT NULL AND format_type(a.atttypid, a.atttypmod) <> need.type)")
#: a catalogued layer whose table is there with every column it is read by, of the type written:
#: an admin may have dropped the table, or dropped, renamed or retyped a column, by hand in psql
#: (the catalogue row stays); readers then see the other layers, the workspace names the broken
#: one (:func:`broken_tables`) and the next ``db load`` writes it again (its fingerprint is not
#: taken as known)
_PRESENT = f"{_TABLE} IS NOT NULL AND NOT EXISTS (SELECT 1 {_WRONG_COLUMNS})"


def stored_fingerprints(cur) -> dict[str, str]:
    cur.execute(f"SELECT table_name, columns FROM parksgis.layers WHERE {_PRESENT}")
    out = {}
    for table, columns in cur.fetchall():
        out[table] = next((c[1] for c in columns if c[0] == "#fingerprint"), "")
    return out


def catalogue(conn) -> list[dict]:
    """Every catalogued layer as ``{table, name, park_id, kind, title_zh, title_en, file, columns}``
    in layer order (``columns``: ``[name, PostgreSQL type, pandas dtype]`` of each property)."""
    rows = conn.execute("SELECT table_name, name, park_id, kind, title_zh, title_en, file, columns "
                        f"FROM parksgis.layers WHERE {_PRESENT} ORDER BY position").fetchall()
    return [{"table": table, "name": name, "park_id": park_id, "kind": kind, "title_zh": title_zh,
             "title_en": title_en, "file": file, "columns": [c for c in columns if c[0] != "#fingerprint"]}
            for table, name, park_id, kind, title_zh, title_en, file, columns in rows]


#: what is said of a catalogued layer table that is not there
MISSING_TABLE = "the layer table is missing (dropped outside parksgis); 'parksgis db load' writes it again"
#: ... of one that lacks a column it is read by
MISSING_COLUMN = ("the layer table has no column {column!r} (dropped or renamed outside parksgis); "
                  "'parksgis db load' writes it again")
#: ... and of one whose column has another type than written
RETYPED_COLUMN = ("the layer table's column {column!r} is {found}, not {written} (altered outside parksgis); "
                  "'parksgis db load' writes it again")


def broken_tables(conn) -> list[tuple[str, str]]:
    """The catalogued layer tables not as parksgis wrote them (dropped, or a column they are read by
    dropped, renamed or given another type, outside parksgis) with what is said of each, in layer
    order."""
    rows = conn.execute(f"SELECT table_name, {_TABLE} IS NULL, (SELECT ARRAY[need.name, need.type, "
                        f"format_type(a.atttypid, a.atttypmod)] {_WRONG_COLUMNS} ORDER BY n LIMIT 1) "
                        f"FROM parksgis.layers WHERE NOT ({_PRESENT}) ORDER BY position").fetchall()
    out = []
    for table, gone, first in rows:
        column, written, found = first or (None, None, None)
        if gone:
            out.append((table, MISSING_TABLE))
        elif found is None:
            out.append((table, MISSING_COLUMN.format(column=column)))
        else:
            out.append((table, RETYPED_COLUMN.format(column=column, found=found, written=written)))
    return out


def read_layers(conn, bbox=None, skip=frozenset(), ahead: "RowsAhead | None" = None,
                as_columns: bool = False) -> list[dict]:
    """Every catalogued layer (:func:`catalogue`) with its ``frame``; ``bbox`` (xmin, ymin, xmax,
    ymax in EPSG:4326): geometries only of the features whose box meets it, found through the
    GiST index, but those of road layers all (a page sums their kilometres over whole parks).
    The tables in ``skip`` are not read (their frame is None). Whole tables (no ``bbox``) come
    from ``ahead`` when it has read them. ``as_columns``: frames as
    :class:`~parksgis.model.feature_columns.FeatureColumns` (a page's)."""
    out = catalogue(conn)
    for item in out:
        box = None if item["kind"] == "roads" else bbox
        cells = ahead.cells(item["table"], item["columns"]) if ahead is not None and box is None else None
        item["frame"] = None if item["table"] in skip else \
            read_table(conn, item["table"], item["columns"], box, cells=cells, as_columns=as_columns)
    return out


#: how often the main thread lets :class:`RowsAhead`'s thread take the GIL while it reads (s)
PROMPT_SWITCH_S = 0.0005


class RowsAhead:
    """What a page of every park reads, read on a connection of its own in a background thread.

    ``parksgis render URL`` of all parks starts one before it imports geopandas, pyproj and Qt:
    the server's work and the transfer then overlap the imports instead of following them. In
    one transaction it reads the tables' boxes, the page's box and scale from them
    (``page(extents)``, as the workspace works it out), and then each table's rows: those of the
    band the page draws it from (``server.bands.page_band``; every tile of the band, one query;
    the status cells instead, for a table that has them) and its size, or else its rows whole;
    and the register's projects. The workspace is still read as always (catalogue, register's
    scheme, meta) and takes a table's rows from here only when its catalogue entry is the same
    (a band's, when the page draws it from that band). A failure here is not reported: the
    ordinary read of that table (or of the projects) follows and says what is wrong.
    """

    def __init__(self, src: str, page=None):
        import threading

        self._rows: dict[tuple[str, str], list[list]] = {}
        self._tiles: dict[tuple[str, int], dict] = {}
        self._extents: dict[str, tuple | None] = {}
        self._counts: dict[str, int] = {}
        self._projects: list[tuple] | None = None
        self._page = page
        self._thread = threading.Thread(target=self._read_promptly, args=(src,), daemon=True,
                                        name="parksgis rows ahead")
        self._thread.start()

    def _read_promptly(self, src: str) -> None:
        """:meth:`_read` with the GIL handed over every 0.5 ms, not 5: the thread waits on the
        server and then needs the GIL for a moment per reply (~25 of them), while the main thread
        imports without a pause; at Python's 5 ms each reply waited up to that long, and the reads
        ended ~0.15 s later (100k plots), after the main thread had got to wanting them. Put back
        when done (only a thread waiting for the GIL makes the holder switch sooner)."""
        import sys

        before = sys.getswitchinterval()
        sys.setswitchinterval(PROMPT_SWITCH_S)
        try:
            self._read(src)
        finally:
            sys.setswitchinterval(before)

    def _read(self, src: str) -> None:
        from parksgis.server import bands, connection, schema

        try:
            with connection.connect(src) as conn:  # one transaction: one snapshot of all tables
                extents = TableExtents(conn)
                banded = banded_tables(conn)
                page = self._page(extents) if banded and self._page is not None else None
                for item in catalogue(conn):
                    table = item["table"]
                    band = bands.page_band(page, item, extents, banded)
                    if band is not None:
                        self._counts[table] = feature_count(conn, table)
                        if bands.has_band(conn, table, bands.DENSITY_BAND):  # 200,000 features or more:
                            band = bands.DENSITY_BAND  # a page of all of it draws the status cells
                        self._tiles[table, band] = bands.whole_band(conn, table, band)
                        continue
                    query = table_query(table, item["columns"], None)
                    self._rows[table, json.dumps(item["columns"])] = \
                        column_cells(conn, query, (), len(item["columns"]) + 2)
                self._extents = extents.known
                self._projects = conn.execute(schema.ALL_PROJECTS).fetchall()
        except Exception:  # noqa: BLE001 - the ordinary read reports it, as one line
            pass

    def cells(self, table: str, columns: list) -> list[list] | None:
        """The rows of ``table`` as :func:`column_cells` gives them, if read with these columns."""
        self._thread.join()
        return self._rows.pop((table, json.dumps(columns)), None)

    def extents(self) -> dict[str, tuple | None]:
        """The boxes of the tables asked (:class:`TableExtents`)."""
        self._thread.join()
        return self._extents

    def counts(self) -> dict[str, int]:
        """The sizes of the tables read from their bands."""
        self._thread.join()
        return self._counts

    def projects(self) -> list[tuple] | None:
        """The register's rows (``schema.ALL_PROJECTS``), if read; handed over once."""
        self._thread.join()
        rows, self._projects = self._projects, None
        return rows

    def tiles(self, table: str, band: int) -> dict | None:
        """Every tile of ``band`` of ``table`` (``bands.whole_band``), if read."""
        self._thread.join()
        return self._tiles.pop((table, band), None)


def banded_tables(conn) -> set[str]:
    """The layer tables that have level-of-detail bands (``server.bands``)."""
    return {row[0] for row in conn.execute(
        "SELECT table_name FROM parksgis.layers l WHERE EXISTS "
        "(SELECT 1 FROM parksgis.bands b WHERE b.table_name = l.table_name)").fetchall()}


def feature_count(conn, table: str) -> int:
    from psycopg import sql

    return int(conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier("parksgis", table)))
               .fetchone()[0])


class TableExtents:
    """The layer tables' ``(table, park id, kind)`` rows and WGS84 boxes, asked the way a page view
    asks a pack's reader (:func:`parksgis.commands.pack_view.open_database_view`)."""

    def __init__(self, conn):
        self._conn = conn
        self.known: dict[str, tuple | None] = {}  # table -> box, each asked once

    def layer_rows(self) -> list[tuple[str, str | None, str]]:
        return self._conn.execute(f"SELECT table_name, park_id, kind FROM parksgis.layers WHERE {_PRESENT} "
                                  "ORDER BY position").fetchall()

    def extent(self, table: str) -> tuple[float, float, float, float] | None:
        """The table's box, computed by the server (nothing sent but four numbers)."""
        from psycopg import sql

        if table in self.known:
            return self.known[table]
        row = self._conn.execute(sql.SQL("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM "
                                         "(SELECT ST_Extent(geom) AS e FROM {}) x").format(
            sql.Identifier("parksgis", table))).fetchone()
        self.known[table] = None if row[0] is None else tuple(float(v) for v in row)
        return self.known[table]


def table_query(table: str, columns: list, bbox):
    """The SELECT of a layer table's fid, property ``columns`` and (without a ``bbox``) WKB."""
    from psycopg import sql

    geometry = sql.SQL("ST_AsBinary(geom)" if bbox is None else "NULL::bytea")
    return sql.SQL("SELECT {}, {} FROM {}").format(
        sql.SQL(", ").join([sql.Identifier("fid"), *(sql.Identifier(c[0]) for c in columns)]), geometry,
        sql.Identifier("parksgis", table))


def read_table(conn, table: str, columns: list, bbox=None, cells: list[list] | None = None,
               as_columns: bool = False):
    """Layer table ``table`` as a GeoDataFrame in fid order (``columns``: its catalogue entry);
    ``as_columns``: as :class:`~parksgis.model.feature_columns.FeatureColumns` (no pandas).

    ``bbox`` (WGS84): every feature's properties, but geometries only of the features whose box
    meets it, found through the GiST index; the others' are missing (not drawn). Every row stays,
    so what is counted over the whole layer (projects without any map feature) is as in a whole
    read.

    Rows come through a binary cursor (WKB as bytes, numbers as numbers: no text parsing) and
    become columns in C (``map``/``itemgetter``) and geometries in one ``shapely.from_wkb`` call:
    no Python per row. No ORDER BY: the table is written in fid order, so a sequential scan
    returns it sorted in practice (checked, and sorted here otherwise), where an index scan in fid
    order costs the server ~40% more (109 against 77 ms at 100k plots). ``cells``: these rows
    already read whole (:class:`RowsAhead`)."""
    import numpy
    import shapely
    from psycopg import sql

    ident = sql.Identifier("parksgis", table)
    if cells is None:
        cells = column_cells(conn, table_query(table, columns, bbox), (), len(columns) + 2)
    fid = numpy.fromiter(cells[0], dtype=numpy.int64, count=len(cells[0]))
    order = None if bool(numpy.all(fid[1:] > fid[:-1])) else numpy.argsort(fid, kind="stable")
    geoms = shapely.from_wkb(numpy.array(cells[-1], dtype=object))
    if order is not None:
        fid, geoms = fid[order], geoms[order]
    if bbox is not None:
        ids, wkb = column_cells(conn, sql.SQL("SELECT fid, ST_AsBinary(geom) FROM {} "
                                              "WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)").format(ident),
                                tuple(float(v) for v in bbox), 2)
        geoms[numpy.searchsorted(fid, numpy.array(ids, dtype=numpy.int64))] = \
            shapely.from_wkb(numpy.array(wkb, dtype=object))
    if as_columns:
        return typed_columns(cells[1:-1], columns, geoms, order)
    import geopandas

    frame = typed_frame(cells[1:-1], columns, len(fid))
    if order is not None:
        frame = frame.iloc[order].reset_index(drop=True)
    return geopandas.GeoDataFrame(frame, geometry=geopandas.GeoSeries(geoms), crs=4326)


def typed_columns(values: list, columns: list, geoms, order=None):
    """The property columns ``values`` (one sequence per catalogue entry in ``columns``) and the
    shapes ``geoms`` as :class:`~parksgis.model.feature_columns.FeatureColumns` numbered 0..n-1,
    each column of the dtype the catalogue recorded (``feature_columns.typed``), in ``order``
    (positions) if given: a page's whole table, as :func:`read_table` gives it."""
    import numpy

    from parksgis.model.feature_columns import FeatureColumns, typed

    def column_of(cells, dtype: str):
        column = numpy.empty(len(cells), dtype=object)
        column[:] = cells
        return typed(column if order is None else column[order], dtype)

    return FeatureColumns({c[0]: column_of(cells, c[2]) for c, cells in zip(columns, values)}, geoms,
                          dtypes={c[0]: c[2] for c in columns})


def typed_frame(cells: list[list], columns: list, rows: int):
    """The property columns ``cells`` (one list per column) of ``rows`` features as a DataFrame
    (RangeIndex) with the dtypes the catalogue ``columns`` recorded when the layer was loaded."""
    import pandas

    frame = pandas.DataFrame({c[0]: pandas.Series(values, dtype="object") for c, values in zip(columns, cells)},
                             index=pandas.RangeIndex(rows), columns=[c[0] for c in columns])
    return with_types(frame, columns)


def with_types(frame, columns: list):
    """``frame`` with its property columns of the dtypes the catalogue ``columns`` recorded."""
    for column, _pg, dtype in columns:
        frame[column] = _restore(frame[column], dtype)
    return frame


def column_cells(conn, query, args: tuple, count: int) -> list[list]:
    """The ``count`` columns of ``query``'s rows, read through a binary cursor."""
    # (pausing the garbage collector here costs more: re-enabled, it scans every row tuple at once)
    with conn.cursor(binary=True) as cur:
        rows = cur.execute(query, args).fetchall()
        return [list(map(itemgetter(k), rows)) for k in range(count)]


def _cell(value):
    """A COPY value: NaN/NA as NULL, numpy scalars as Python numbers."""
    if value is None:
        return None
    try:
        if value != value:  # NaN, pandas.NA raises
            return None
    except (TypeError, ValueError):
        return None
    return value.item() if hasattr(value, "item") else value


def _restore(series, dtype: str):
    from parksgis.model.feature_columns import as_dtype

    return as_dtype(series, dtype)  # e.g. int64 with NULLs written by someone else: floats
