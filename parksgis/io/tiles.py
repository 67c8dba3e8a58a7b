"""XYZ tile folders (web Mercator; the grid itself is :mod:`parksgis.model.tile_grid`). No Qt here.

MBTiles and GeoPackage pyramids are read by GDAL (``io.raster``); a folder of ``{z}/{x}/{y}.png``
has no GDAL driver, so its tiles are mosaicked here and warped like any other raster.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from parksgis.errors import LayerReadError
from parksgis.io.raster import RasterSource, warp_rgba
from parksgis.model.tile_grid import TILE_PX, WEB_MERCATOR_HALF, tile_bounds, zoom_for_resolution

TILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def xyz_zooms(folder: Path) -> list[int]:
    try:
        return sorted(int(d.name) for d in folder.iterdir() if d.is_dir() and d.name.isdigit())
    except OSError:
        return []


class XyzFolder(RasterSource):
    """``{z}/{x}/{y}.png|jpg|webp`` tiles in web Mercator, each decoded by GDAL when in view."""

    kind = "xyz"

    def __init__(self, path: Path):
        from pyproj import CRS

        self.path = Path(path)
        self.zooms = xyz_zooms(self.path)
        if not self.zooms:
            raise LayerReadError(path, "is a folder without {z}/{x}/{y} tiles", "unreadable")
        self.crs = CRS.from_epsg(3857)
        self.wkt = self.crs.to_wkt()
        z = self.zooms[-1]
        xs, ys = [], []
        for col in (self.path / str(z)).iterdir():
            if col.is_dir() and col.name.isdigit():
                for tile in col.iterdir():
                    if tile.suffix.lower() in TILE_SUFFIXES and tile.stem.isdigit():
                        xs.append(int(col.name))
                        ys.append(int(tile.stem))
        if not xs:
            raise LayerReadError(path, f"zoom {z} holds no .png/.jpg/.webp tiles", "unreadable")
        west, _, _, north = tile_bounds(z, min(xs), min(ys))
        _, south, east, _ = tile_bounds(z, max(xs), max(ys))
        self.native_bounds = (west, south, east, north)

    def _tile_file(self, z, x, y) -> Path | None:
        for suffix in TILE_SUFFIXES:
            candidate = self.path / str(z) / str(x) / f"{y}{suffix}"
            if candidate.exists():
                return candidate
        return None

    def read(self, bounds, width, height, crs):
        overlap = self.overlap(bounds, crs)
        if overlap is None:
            return None
        (vx0, vy0, vx1, vy1), (mx0, my0, mx1, my1) = overlap
        z = zoom_for_resolution(max((vx1 - vx0) / max(width, 1), (vy1 - vy0) / max(height, 1)),
                                self.zooms)
        n = 1 << z
        size = 2 * WEB_MERCATOR_HALF / n
        tx0 = int((mx0 + WEB_MERCATOR_HALF) // size)
        tx1 = int((mx1 + WEB_MERCATOR_HALF - 1e-6) // size)
        ty0 = int((WEB_MERCATOR_HALF - my1) // size)
        ty1 = int((WEB_MERCATOR_HALF - my0 - 1e-6) // size)
        if (tx1 - tx0 + 1) * (ty1 - ty0 + 1) > 1024:  # a folder with no coarse zooms, far zoomed out
            return None
        mosaic = np.zeros((4, (ty1 - ty0 + 1) * TILE_PX, (tx1 - tx0 + 1) * TILE_PX), dtype=np.uint8)
        for tx in range(max(tx0, 0), min(tx1, n - 1) + 1):
            for ty in range(max(ty0, 0), min(ty1, n - 1) + 1):
                tile = self._tile_file(z, tx, ty)
                if tile is not None:
                    mosaic[:, (ty - ty0) * TILE_PX:(ty - ty0 + 1) * TILE_PX,
                           (tx - tx0) * TILE_PX:(tx - tx0 + 1) * TILE_PX] = decode_tile(tile)
        from rasterio.transform import from_origin

        west, north = tile_bounds(z, tx0, ty0)[0], tile_bounds(z, tx0, ty0)[3]
        return warp_rgba(mosaic, from_origin(west, north, size / TILE_PX, size / TILE_PX), self.wkt,
                         bounds, width, height, crs)


def decode_tile(path_or_bytes) -> np.ndarray:
    """A TILE_PX square tile image (PNG, JPEG, WebP; file or bytes) as RGBA ``(4, TILE_PX, TILE_PX)``; transparent
    when it cannot be decoded (one bad tile leaves a hole, not a failed view)."""
    import warnings

    from rasterio.errors import NotGeoreferencedWarning, RasterioError
    from rasterio.io import MemoryFile

    out = np.zeros((4, TILE_PX, TILE_PX), dtype=np.uint8)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NotGeoreferencedWarning)
            if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
                with MemoryFile(bytes(path_or_bytes)) as mem, mem.open() as ds:
                    data = ds.read(out_shape=(ds.count, TILE_PX, TILE_PX))
            else:
                import rasterio

                with rasterio.open(path_or_bytes) as ds:
                    data = ds.read(out_shape=(ds.count, TILE_PX, TILE_PX))
    except (RasterioError, OSError):
        return out
    if data.shape[0] in (1, 2):
        out[:3] = data[0]
        out[3] = data[1] if data.shape[0] == 2 else 255
    else:
        out[:3] = data[:3]
        out[3] = data[3] if data.shape[0] >= 4 else 255
    return out
