"""``render``/``atlas`` of a pack read only where the page looks (R-tree, level-of-detail bands);
``render`` of a database likewise (GiST indexes, the server's bands: ``server.bands``).

A page shows one park, a bbox or all parks. For a parksgis pack the box the page will show is
worked out first from the layers' R-tree extents (nothing read), grown to the page's shape plus
a margin, and only the features meeting it are read, at the level of detail the page's scale
needs (``pack.lod``). So rendering a park of a million-plot pack reads that park, and the whole
extent reads the coarse bands, never every full-detail shape. Everything drawn on the page is
the same as from a whole read (``tests/render/test_cli_render_pack_view.py``), the key figures
beside the map included: a ``--bbox`` page's count the whole parks it touches, so there every
feature's properties are read (only geometries are left out beyond the box) and road layers,
whose kilometres they sum, whole and at full detail (a band's simplified line is shorter). A layer drawn from status cells is counted by the features
each cell stands for (``pack.cell_features``).
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

#: Room read around the page's box (a fraction of its size on each side). The page's map keeps
#: strips free for the north arrow and the scale bar and pads the box, and its shape differs from
#: the page's by the legend column, so it shows up to ~0.35 of the box's size beyond it (measured
#: on the sample parks: 0.15 missed a point at the bottom edge of a 1280x800 page and a shape's
#: edge at the left of a 1920x1080 one). Only geometries are left out beyond it.
MARGIN = 0.5


def is_parksgis_pack(src) -> bool:
    path = Path(src)
    if not (path.is_file() and path.suffix.lower() == ".gpkg"):
        return False
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'parksgis_layers'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def open_pack_view(src, *, park: str | None, bbox, page_px: tuple[int, int]):
    """The pack's workspace with each layer holding only the features the page can show."""
    from parksgis.pack import cell_features, open_pack
    from parksgis.pack.handle import read_layer_table
    from parksgis.model.view_source import expand_box
    from parksgis.pack.view_reader import PackViewReader
    from parksgis.pack.view_source import PackViewSource

    reader, source = PackViewReader(src), PackViewSource(src)
    try:
        box = bbox or _parks_box(reader, park)
        if box is None:  # nothing to look at: read everything (an empty pack is small)
            return open_pack(src)[0]
        shaped = _page_shaped(box, page_px)
        # the scale of the page if the map filled it: the map area is smaller, so the real
        # scale is coarser and the band chosen is never coarser than the page needs
        m_per_px = _m_per_px(shaped, page_px[0])
        box = expand_box(shaped, MARGIN)
        roads = {table for table, _park, kind in reader.layer_rows() if kind == "roads"}
        celled = []  # (frame, what its status cells stand for) where the page draws cells
        drawn = []  # (frame, the vertices of its shapes) where a band gave them

        def frame(table):
            # whole tiles (cut=False): the page's counts of projects on the map come from these
            # frames; a box page's key figures count the whole parks it touches (a park page's,
            # its own park, which its box holds): their road kilometres and projects drawn nowhere
            extent = reader.extent(table)
            whole = bbox is None or extent is None or _holds(box, extent)
            if table in roads:  # whole and at full detail: the page sums their lengths
                return read_layer_table(src, table)
            # a whole layer's band: shapes drawn from their vertices, made only where asked for
            read, vertices = reader.frame_and_vertices(table, box, m_per_px, cut=False, shapes=not whole)
            cells = cell_features.read(reader.conn, table, reader.spatial(table), read.index) \
                if reader.drawn_from_cells(table, box, m_per_px) else None
            if not whole:
                read, vertices = _with_every_row(source, table, read), None
            if cells is not None:
                celled.append((read, cells))
            if vertices is not None:
                drawn.append((read, vertices))
            return read

        workspace, _ = open_pack(src, frames=frame, projects_first=True)
        for layer in workspace.layers:
            layer.cell_features = next((cells for read, cells in celled if read is layer.frame), None)
            layer.frame_vertices = next((vertices for read, vertices in drawn if read is layer.frame), None)
        return workspace
    finally:
        reader.close()
        source.close()


def _holds(box, inner) -> bool:
    return box[0] <= inner[0] and box[1] <= inner[1] and box[2] >= inner[2] and box[3] >= inner[3]


def _with_every_row(source, table: str, frame):
    """``frame`` (the features meeting the page's box) and every other feature of ``table``
    with its properties but no geometry (not drawn, still counted), in id order."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    rest = np.setdiff1d(source.ids(table), frame.index.to_numpy())
    if not len(rest):
        return frame
    others = source.attribute_rows(table, rest)
    others["geometry"] = None
    whole = pd.concat([frame, others]).sort_index()
    return gpd.GeoDataFrame(whole, geometry="geometry", crs=4326)


def open_database_view(src: str, *, park: str | None, bbox, page_px: tuple[int, int], ahead=None):
    """The database's workspace and its reports (``load_database_workspace``), with geometries
    only where the page can show them (the box worked out as for a pack, from the tables' extents
    the server computes; read through their GiST indexes); every feature's properties are read,
    so counts over whole layers stay right. All of it when the page shows every park
    (``ahead``: a :class:`~parksgis.server.layers.RowsAhead` already reading it). Big tables with bands are read from them as a pack's (``server.bands``).
    Layers read whole hold their features as columns (``model.feature_columns``): a page of
    every park is drawn without importing pandas."""
    from parksgis.model.view_source import expand_box
    from parksgis.server.workspace import load_database_workspace

    def page(extents):
        return database_page(extents, park, bbox, page_px)

    def page_box(extents):
        if bbox is None and park is None:  # the view is the data
            return None
        return (page(extents) or (None,))[0]

    return load_database_workspace(src, view=page_box, page=page, ahead=ahead, as_columns=True)


def database_page(extents, park: str | None, bbox, page_px: tuple[int, int]):
    """``(box read, metres per pixel)`` of a database's page (its big tables drawn from their
    bands at that scale), from the tables' :class:`~parksgis.server.layers.TableExtents`; None
    when it has nothing to show."""
    from parksgis.model.view_source import expand_box

    box = bbox or _parks_box(extents, park)
    if box is None:
        return None
    shaped = _page_shaped(box, page_px)
    return expand_box(shaped, MARGIN), _m_per_px(shaped, page_px[0])


def _parks_box(reader, park: str | None):
    """WGS84 box of one park's (or every park's) layers, from their R-trees (a pack's reader) or
    the server's extents (:class:`~parksgis.server.layers.TableExtents`); basemaps left out."""
    from parksgis.model.view_source import union_box

    rows = reader.layer_rows()
    chosen = [table for table, park_id, kind in rows
              if park_id is not None and kind != "basemap" and (park is None or park_id == park)]
    if not chosen and park is None:
        chosen = [table for table, _, _ in rows]
    return union_box(reader.extent(table) for table in chosen)


def _page_shaped(box, page_px):
    """``box`` grown in one direction to the page's width:height (in metres on the ground)."""
    minx, miny, maxx, maxy = box
    cos = math.cos(math.radians((miny + maxy) / 2))
    w, h = (maxx - minx) * cos, maxy - miny
    aspect = page_px[0] / page_px[1]
    if w < h * aspect:
        grow = (h * aspect - w) / cos / 2
        return (minx - grow, miny, maxx + grow, maxy)
    grow = (w / aspect - h) / 2
    return (minx, miny - grow, maxx, maxy + grow)


def _m_per_px(box, width_px: int) -> float:
    from parksgis.model.zoom_bands import metres_per_pixel

    return metres_per_pixel(box, width_px)
