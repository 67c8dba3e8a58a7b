"""``render``/``atlas`` of a pack read only where the page looks (R-tree, level-of-detail bands);
``render`` of a database likewise (GiST indexes, full detail).

A page shows one park, a bbox or all parks. For a parksgis pack the box the page will show is
worked out first from the layers' R-tree extents (nothing read), grown to the page's shape plus
a margin, and only the features meeting it are read, at the level of detail the page's scale
needs (``pack.lod``). So rendering a park of a million-plot pack reads that park, and the whole
extent reads the coarse bands, never every full-detail shape. Everything drawn inside the page
is the same as from a whole read (``tests/render/test_cli_render_pack_view.py``).
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

from parksgis.pack.view_reader import PackViewReader, expand_box, union_box

#: Extra room read around the page's box (a fraction of its size on each side): the map area's
#: shape differs from the page's by the legend column, and labels near the edge need neighbours.
MARGIN = 0.15


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
    from parksgis.pack import open_pack

    reader = PackViewReader(src)
    try:
        box = bbox or _parks_box(reader, park)
        if box is None:  # nothing to look at: read everything (an empty pack is small)
            return open_pack(src)[0]
        shaped = _page_shaped(box, page_px)
        # the scale of the page if the map filled it: the map area is smaller, so the real
        # scale is coarser and the band chosen is never coarser than the page needs
        m_per_px = _m_per_px(shaped, page_px[0])
        box = expand_box(shaped, MARGIN)
        # whole tiles (cut=False): the page's counts of projects on the map come from these frames
        workspace, _ = open_pack(src, frames=lambda table: reader.frame(table, box, m_per_px, cut=False))
        return workspace
    finally:
        reader.close()


#: The room a database read leaves around the page's box. The page's map keeps strips free for
#: the north arrow and the scale bar and pads the box, so it shows up to ~0.35 of the box's size
#: beyond it (measured on the sample parks; 0.15 missed a point at the bottom edge). Only
#: geometries are left out of a database read, so room costs little.
DATABASE_MARGIN = 0.5


def open_database_view(src: str, *, park: str | None, bbox, page_px: tuple[int, int]):
    """The database's workspace with geometries only where the page can show them (the box worked
    out as for a pack, from the tables' extents the server computes; read through their GiST
    indexes); every feature's properties are read, so counts over whole layers stay right. All of
    it when the page shows every park."""
    from parksgis.server.workspace import load_database_workspace

    def page_box(extents):
        if bbox is None and park is None:  # the view is the data
            return None
        box = bbox or _parks_box(extents, park)
        return None if box is None else expand_box(_page_shaped(box, page_px), DATABASE_MARGIN)

    return load_database_workspace(src, view=page_box)[0]


def _parks_box(reader: PackViewReader, park: str | None):
    """WGS84 box of one park's (or every park's) layers, from their R-trees; basemaps left out."""
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
    from parksgis.pack.lod import metres_per_pixel

    return metres_per_pixel(box, width_px)
