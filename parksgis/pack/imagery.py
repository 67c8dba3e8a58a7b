"""Imagery inside a pack: an OGC GeoPackage tile pyramid per image, clipped to the packed parks.

Each image becomes one tiles table in web Mercator (the GoogleMapsCompatible matrix set, EPSG:3857,
256 px tiles, rows counted from the north), which GDAL and QGIS open as a raster layer, plus a row
of ``parksgis_imagery`` with its capture date, titles and source. Only tiles that touch a packed
park (plus a margin) are stored, and the table's extent in ``gpkg_contents`` is the parks', so a
pack carries only the imagery its parks need. Whole tiles are kept (not masked to the park
outline): a fully opaque tile is stored as JPEG, a tenth of the PNG a masked edge would need. The tables are frozen content: ``pack verify`` hashes them
like every other table.
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import numpy as np

from parksgis.model.tile_grid import TILE_PX, WEB_MERCATOR_HALF, tile_bounds, tile_range, tile_size
from parksgis.pack import format as fmt

IMAGERY = "parksgis_imagery"
MARGIN_M = 250.0         # imagery kept around each park's extent, in ground metres
MAX_ZOOM = 21            # ~7 cm pixels here: finer than any drone orthophoto a pack should carry
WEB_MERCATOR = 3857


def park_boxes(parks) -> list[tuple[float, float, float, float]]:
    """Each park's extent in EPSG:3857, grown by MARGIN_M on the ground."""
    from pyproj import Transformer

    to_merc = Transformer.from_crs("EPSG:4326", f"EPSG:{WEB_MERCATOR}", always_xy=True)
    boxes = []
    for park in parks:
        bounds = [layer.frame.total_bounds for layer in park.layers if len(layer.frame)]
        if not bounds:
            continue
        b = np.array(bounds)
        lon0, lat0, lon1, lat1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
        x0, y0 = to_merc.transform(lon0, lat0)
        x1, y1 = to_merc.transform(lon1, lat1)
        grow = MARGIN_M / math.cos(math.radians((lat0 + lat1) / 2))  # Mercator stretches with latitude
        boxes.append((x0 - grow, y0 - grow, x1 + grow, y1 + grow))
    return boxes


def native_zoom(reader, lat: float) -> int:
    """The coarsest zoom whose ground pixel is at least as fine as the source's."""
    if not hasattr(reader, "width"):  # an XYZ folder: its finest zoom
        return reader.zooms[-1]
    b = reader.bounds_in(f"EPSG:{WEB_MERCATOR}")
    ground = (b[2] - b[0]) / reader.width * math.cos(math.radians(lat))
    for z in range(MAX_ZOOM + 1):
        if tile_size(z) / TILE_PX * math.cos(math.radians(lat)) <= ground:
            return z
    return MAX_ZOOM


def write_imagery(conn: sqlite3.Connection, layers: list, boxes: list, max_zoom: int | None,
                  stamp: str) -> None:
    """Write each imagery layer as a tiles table clipped to ``boxes`` (EPSG:3857)."""
    if not layers:
        return
    _ensure_tile_tables(conn)
    conn.execute(f"CREATE TABLE {IMAGERY} (id INTEGER PRIMARY KEY, table_name TEXT UNIQUE NOT NULL, "
                 "name TEXT NOT NULL, title_zh TEXT, title_en TEXT, capture_date TEXT, source TEXT, "
                 "source_en TEXT, min_zoom INTEGER NOT NULL, max_zoom INTEGER NOT NULL)")
    fmt.register_attribute_table(conn, IMAGERY, "parksgis imagery: capture dates, titles, sources", stamp)
    taken: set[str] = set()
    for layer in layers:
        table = _table_name(layer.name, taken)
        clip = [b for b in (_intersect(b, layer.reader.bounds_in(f"EPSG:{WEB_MERCATOR}")) for b in boxes) if b]
        if not clip:
            continue  # the image lies beside every packed park
        lat = _lat_of(clip)
        top = native_zoom(layer.reader, lat)
        top = min(top, max_zoom) if max_zoom is not None else top
        low = _overview_zoom(clip, top)
        _create_tiles_table(conn, table, layer.title_zh, clip, stamp)
        for z in range(low, top + 1):
            _write_zoom(conn, table, layer.reader, z, clip)
        conn.execute(f"INSERT INTO {IMAGERY} (table_name, name, title_zh, title_en, capture_date, "
                     "source, source_en, min_zoom, max_zoom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (table, layer.name, layer.title_zh, layer.title_en,
                      layer.capture_date.isoformat() if layer.capture_date else None,
                      layer.attribution, layer.attribution_en, low, top))


def _table_name(name: str, taken: set[str]) -> str:
    import re

    base = "imagery__" + re.sub(r"[^a-z0-9_]+", "_", name.lower())
    table = base
    while table in taken:
        table += "_"
    taken.add(table)
    return table


def _intersect(a, b):
    box = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return box if box[0] < box[2] and box[1] < box[3] else None


def _lat_of(boxes) -> float:
    from pyproj import Transformer

    y = (min(b[1] for b in boxes) + max(b[3] for b in boxes)) / 2
    return Transformer.from_crs(f"EPSG:{WEB_MERCATOR}", "EPSG:4326", always_xy=True).transform(0, y)[1]


def _overview_zoom(boxes, top: int) -> int:
    """The zoom at which everything packed fits in about one tile: the pyramid's coarsest level."""
    span = max(max(b[2] for b in boxes) - min(b[0] for b in boxes),
               max(b[3] for b in boxes) - min(b[1] for b in boxes))
    return max(0, min(top, int(math.floor(math.log2(2 * WEB_MERCATOR_HALF / span)))))


def _write_zoom(conn, table: str, reader, z: int, boxes) -> None:
    done: set[tuple[int, int]] = set()
    for box in boxes:
        cols, rows = tile_range(box, z)
        for col in cols:
            for row in rows:
                if (col, row) in done:
                    continue
                done.add((col, row))
                bounds = tile_bounds(z, col, row)
                rgba = reader.read(bounds, TILE_PX, TILE_PX, f"EPSG:{WEB_MERCATOR}")
                if rgba is None:
                    continue
                rgba = rgba.transpose(2, 0, 1)
                if not rgba[3].any():
                    continue
                conn.execute(f"INSERT INTO {fmt.quote(table)} (zoom_level, tile_column, tile_row, "
                             "tile_data) VALUES (?, ?, ?, ?)", (z, col, row, encode_tile(rgba)))
    size = tile_size(z)
    conn.execute("INSERT INTO gpkg_tile_matrix VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (table, z, 1 << z, 1 << z, TILE_PX, TILE_PX, size / TILE_PX, size / TILE_PX))


def _ensure_tile_tables(conn) -> None:
    """The GeoPackage tiles option's tables and the EPSG:3857 definition, as the standard words them."""
    from pyproj import CRS

    conn.execute("CREATE TABLE IF NOT EXISTS gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, "
                 "srs_id INTEGER NOT NULL, min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, "
                 "max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL, "
                 "CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                 "CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))")
    conn.execute("CREATE TABLE IF NOT EXISTS gpkg_tile_matrix (table_name TEXT NOT NULL, "
                 "zoom_level INTEGER NOT NULL, matrix_width INTEGER NOT NULL, "
                 "matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, "
                 "tile_height INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, "
                 "pixel_y_size DOUBLE NOT NULL, CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level), "
                 "CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name))")
    if conn.execute("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (WEB_MERCATOR,)).fetchone():
        return
    columns = [row[1] for row in conn.execute("PRAGMA table_info(gpkg_spatial_ref_sys)")]
    values = {"srs_name": "WGS 84 / Pseudo-Mercator", "srs_id": WEB_MERCATOR, "organization": "EPSG",
              "organization_coordsys_id": WEB_MERCATOR,
              "definition": CRS.from_epsg(WEB_MERCATOR).to_wkt("WKT1_GDAL"),
              "description": "web Mercator: the GoogleMapsCompatible tile matrix set",
              "definition_12_063": CRS.from_epsg(WEB_MERCATOR).to_wkt("WKT2_2015")}
    names = [c for c in columns if c in values]
    conn.execute(f"INSERT INTO gpkg_spatial_ref_sys ({', '.join(names)}) VALUES "
                 f"({', '.join('?' for _ in names)})", [values[c] for c in names])


def _create_tiles_table(conn, table: str, title: str, boxes, stamp: str) -> None:
    conn.execute(f"CREATE TABLE {fmt.quote(table)} (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                 "zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, "
                 "tile_data BLOB NOT NULL, UNIQUE (zoom_level, tile_column, tile_row))")
    data = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, "
                 "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'tiles', ?, ?, ?, ?, ?, ?, ?, ?)",
                 (table, table, title, stamp, *data, WEB_MERCATOR))
    half = WEB_MERCATOR_HALF
    conn.execute("INSERT INTO gpkg_tile_matrix_set VALUES (?, ?, ?, ?, ?, ?)",
                 (table, WEB_MERCATOR, -half, -half, half, half))


# -- reading ---------------------------------------------------------------------------------------

def imagery_rows(conn) -> list[dict]:
    """The pack's imagery with tile count and stored bytes; [] for packs without imagery."""
    if IMAGERY not in fmt.user_tables(conn):
        return []
    out = []
    for row in conn.execute(f"SELECT table_name, name, title_zh, title_en, capture_date, source, source_en, "
                            f"min_zoom, max_zoom FROM {IMAGERY} ORDER BY id").fetchall():
        entry = dict(zip(("table", "name", "title_zh", "title_en", "capture_date", "source", "source_en",
                          "min_zoom", "max_zoom"), row))
        entry["tiles"], entry["bytes"] = conn.execute(
            f"SELECT count(*), coalesce(sum(length(tile_data)), 0) FROM {fmt.quote(entry['table'])}").fetchone()
        out.append(entry)
    return out


def plain_tile_tables(path: Path) -> list[str]:
    """The tiles tables of any GeoPackage (e.g. one QGIS or gdal_translate wrote)."""
    from parksgis.pack.access import connect

    conn = connect(path, read_only=True)
    try:
        return [row[0] for row in conn.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'tiles' ORDER BY table_name")]
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def imagery_tables(path: Path) -> list[dict]:
    """What to open as imagery in the GeoPackage at ``path``: a pack's ``parksgis_imagery`` rows,
    or every tiles table of a plain GeoPackage (``{"table", "name"}``)."""
    from parksgis.pack.access import connect

    conn = connect(path, read_only=True)
    try:
        rows = imagery_rows(conn)
    except sqlite3.Error:
        rows = []
    finally:
        conn.close()
    return rows or [{"table": table, "name": table} for table in plain_tile_tables(path)]


def encode_tile(rgba: np.ndarray) -> bytes:
    """RGBA ``(4, h, w)`` as JPEG when fully opaque (a tenth of the size for photos), else PNG."""
    import warnings

    from rasterio.errors import NotGeoreferencedWarning
    from rasterio.io import MemoryFile

    opaque = bool((rgba[3] == 255).all())
    driver, count, data = ("JPEG", 3, rgba[:3]) if opaque else ("PNG", 4, rgba)
    options = {"quality": 85} if opaque else {"zlevel": 6}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotGeoreferencedWarning)
        with MemoryFile() as mem:
            with mem.open(driver=driver, width=rgba.shape[2], height=rgba.shape[1], count=count,
                          dtype="uint8", **options) as ds:
                ds.write(data)
            return mem.read()
