"""The zoom bands' scales: which band of generalised shapes (``pack.lod``, ``server.bands``) a
view at a given map scale draws, and the side of the bands' tiles.

Pure arithmetic with no imports beyond ``math``, so a fresh ``parksgis render URL`` can choose a
page's band on its read-ahead thread before numpy, pandas and Qt are imported
(``server.layers.RowsAhead``). ``pack.lod`` describes what the bands hold.
"""

from __future__ import annotations

import math

#: Finest metres per pixel of each band, finest first.
BANDS = (4.0, 16.0, 64.0)
#: The "band" the status cells of the biggest layers are stored as (``pack.lod``), after the others.
DENSITY_BAND = len(BANDS)
#: Side of a tile in pixels at its band's scale (the view reader cuts views the same way).
TILE_PX = 512
#: Metres per degree of latitude (WGS84 mean); a degree of longitude is shorter, so tolerances
#: given in degrees of latitude are conservative in both directions.
M_PER_DEG = 111_320.0


def band_for(m_per_px: float) -> int | None:
    """Index into :data:`BANDS` for a view at ``m_per_px``; None means full detail."""
    chosen = None
    for i, r in enumerate(BANDS):
        if m_per_px >= r:
            chosen = i
    return chosen


def tile_deg(band: int) -> float:
    """Side of the band's tiles in degrees."""
    return TILE_PX * BANDS[band] / M_PER_DEG


def metres_per_pixel(box: tuple[float, float, float, float], width_px: int) -> float:
    """Map scale of a WGS84 ``box`` drawn ``width_px`` wide (longitude shortened by latitude)."""
    lat = math.radians((box[1] + box[3]) / 2)
    return (box[2] - box[0]) * M_PER_DEG * math.cos(lat) / max(width_px, 1)
