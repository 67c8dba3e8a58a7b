"""The web-Mercator tile grid (XYZ / GoogleMapsCompatible): pure arithmetic, shared by the XYZ
reader (io) and the pack's GeoPackage tiles (pack)."""

from __future__ import annotations

WEB_MERCATOR_HALF = 20037508.342789244  # metres from the centre of EPSG:3857 to its edge
TILE_PX = 256


def tile_size(z: int) -> float:
    """Side of one tile at zoom ``z``, in EPSG:3857 metres."""
    return 2 * WEB_MERCATOR_HALF / (1 << z)


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """EPSG:3857 bounds of tile (z, x, y), y counted from the north as web maps do."""
    size = tile_size(z)
    x0 = -WEB_MERCATOR_HALF + x * size
    y1 = WEB_MERCATOR_HALF - y * size
    return x0, y1 - size, x0 + size, y1


def tile_range(box, z: int) -> tuple[range, range]:
    """Columns and rows of the zoom-``z`` tiles that ``box`` (EPSG:3857) touches."""
    size = tile_size(z)
    col0, col1 = int((box[0] + WEB_MERCATOR_HALF) // size), int((box[2] + WEB_MERCATOR_HALF) // size)
    row0, row1 = int((WEB_MERCATOR_HALF - box[3]) // size), int((WEB_MERCATOR_HALF - box[1]) // size)
    return range(col0, col1 + 1), range(row0, row1 + 1)


def zoom_for_resolution(metres_per_px: float, zooms: list[int]) -> int:
    """The coarsest zoom of ``zooms`` at least as fine as ``metres_per_px`` (else the finest)."""
    for z in zooms:
        if tile_size(z) / TILE_PX <= metres_per_px:
            return z
    return zooms[-1]
