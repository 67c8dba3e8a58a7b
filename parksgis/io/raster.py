"""Imagery: GeoTIFF/COG, MBTiles and GeoPackage tile pyramids through rasterio (GDAL), and XYZ tile
folders, read one view at a time and warped to the display CRS. No Qt here.

A source is never loaded whole: :meth:`RasterSource.read` reads only the window under the view, at
about the view's resolution (GDAL picks the overview level), then warps that small array onto the
view's pixel grid. A 4 GB orthophoto therefore costs what the screen costs.

Bad rasters raise :class:`~parksgis.errors.LayerReadError` with a stable code, one line each:
``no-georeference``, ``unknown-crs``, ``unreadable`` and ``truncated-tile-db``.
"""

from __future__ import annotations

import math
import os
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np

from parksgis.errors import LayerReadError
from parksgis.io.report import ValidationReport

# GDAL's block cache defaults to 5 % of RAM, which panning over a big COG fills (RSS grows by
# hundreds of MB); a view needs a few dozen 512 px tiles. Set before GDAL first allocates it.
os.environ.setdefault("GDAL_CACHEMAX", "96")

RASTER_SUFFIXES = (".tif", ".tiff", ".mbtiles")
#: the largest picture one read returns on a side: a page at 600 dpi stays within it
MAX_READ_PX = 8192


def is_raster_path(path) -> bool:
    """A file parksgis opens as imagery (GeoTIFF, MBTiles) or an XYZ tile folder."""
    path = Path(path)
    if path.is_dir():
        from parksgis.io.tiles import xyz_zooms

        return xyz_zooms(path) != []
    return path.suffix.lower() in RASTER_SUFFIXES


def open_raster(path, table: str | None = None) -> "RasterSource":
    """The raster at ``path`` (``table``: one tile table of a GeoPackage); LayerReadError if bad."""
    path = Path(path)
    if not path.exists():
        raise LayerReadError(path, "no such file or folder", "not-found")
    if path.is_dir():
        from parksgis.io.tiles import XyzFolder

        return XyzFolder(path)
    if path.suffix.lower() in (".mbtiles", ".gpkg"):
        check_sqlite_complete(path)
    return GdalRaster(path, table)


def validate_raster(path, table: str | None = None) -> tuple["RasterSource | None", ValidationReport]:
    """``open_raster`` that never raises a ParksgisError: failures become the report's one line."""
    report = ValidationReport(str(path))
    try:
        source = open_raster(path, table)
    except LayerReadError as exc:
        report.ok = False
        report.error(exc.code, str(exc)[len(exc.path) + 2:])
        return None, report
    report.crs = source.crs_label
    report.features = 0
    try:
        report.bounds = source.bounds_in("EPSG:4326")
    except Exception:  # a CRS pyproj knows but cannot bring to lon/lat here: the extent is unknown
        report.bounds = None
    return source, report


def check_sqlite_complete(path: Path) -> None:
    """A tile database cut short (an interrupted copy) fails here, before GDAL reads half a pyramid.

    SQLite's header records the page size and page count; a file shorter than their product lost
    its tail. Reading 100 bytes is enough, whatever the database's size.
    """
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise LayerReadError(path, f"cannot be read ({exc.strerror or exc})", "unreadable") from None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise LayerReadError(path, "is not an SQLite tile database (MBTiles/GeoPackage)", "unreadable")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    size = path.stat().st_size
    if pages and size < page_size * pages:
        raise LayerReadError(path, f"tile database is truncated: {size} of {page_size * pages} bytes; "
                                   "copy it again", "truncated-tile-db")


class RasterSource:
    """One raster. ``read`` returns RGBA for a view; ``crs`` is a pyproj CRS."""

    path: Path
    crs = None
    kind = "raster"

    @property
    def crs_label(self) -> str | None:
        from parksgis.io.crs import crs_label

        return crs_label(self.crs)

    def bounds_in(self, crs) -> tuple[float, float, float, float]:
        """The raster's extent in ``crs`` (anything pyproj takes)."""
        return tuple(transform_bounds(self.wkt, view_wkt(crs), self.native_bounds))

    native_bounds: tuple[float, float, float, float]

    def overlap(self, bounds, crs):
        """``(view bounds in this raster's CRS, their intersection with the raster)``; None when
        the view misses the raster or has no image in its CRS."""
        try:
            view = transform_bounds(view_wkt(crs), self.wkt, bounds)
        except (ValueError, RuntimeError):  # RuntimeError: pyproj's ProjError
            return None
        bx0, by0, bx1, by1 = self.native_bounds
        inside = (max(view[0], bx0), max(view[1], by0), min(view[2], bx1), min(view[3], by1))
        return (view, inside) if inside[0] < inside[2] and inside[1] < inside[3] else None

    def read(self, bounds, width: int, height: int, crs) -> np.ndarray | None:
        """RGBA ``(height, width, 4)`` uint8 of ``bounds`` (x0, y0, x1, y1 in ``crs``), alpha 0 where
        the raster has no data; None when the raster does not reach the view."""
        raise NotImplementedError

    def metadata_date(self) -> str | None:
        """A capture date the file itself records (ISO ``YYYY-MM-DD``), if any."""
        return None

    def close(self) -> None:
        pass


def view_wkt(crs) -> str:
    return _wkt_of_text(crs) if isinstance(crs, str) else crs.to_wkt()


@lru_cache(maxsize=32)
def _wkt_of_text(text: str) -> str:
    # a view names its CRS as text on every frame; parsing it costs more than the read of a tile
    from pyproj import CRS

    return CRS.from_user_input(text).to_wkt()


@lru_cache(maxsize=32)
def _gdal_crs(wkt: str):
    from rasterio.crs import CRS

    return CRS.from_wkt(wkt)


@lru_cache(maxsize=32)
def _transformer(src_wkt: str, dst_wkt: str):
    from pyproj import Transformer

    return Transformer.from_crs(src_wkt, dst_wkt, always_xy=True)


def transform_bounds(src_wkt: str, dst_wkt: str, bounds) -> tuple[float, float, float, float]:
    """``bounds`` from one CRS to another, edges densified. rasterio's own costs ~200 ms a call
    (it builds the transformation each time); a cached pyproj transformer takes microseconds."""
    out = _transformer(src_wkt, dst_wkt).transform_bounds(*bounds, densify_pts=21)
    if not all(math.isfinite(v) for v in out):
        raise ValueError(f"bounds {bounds} have no image in the target CRS")
    return out


def _view_grid(bounds, width: int, height: int):
    from rasterio.transform import from_bounds

    width, height = max(1, min(int(width), MAX_READ_PX)), max(1, min(int(height), MAX_READ_PX))
    return from_bounds(*bounds, width, height), width, height


class GdalRaster(RasterSource):
    """GeoTIFF/COG, MBTiles or a GeoPackage tile table, through rasterio."""

    def __init__(self, path: Path, table: str | None = None):
        import rasterio
        from pyproj import CRS
        from pyproj.exceptions import CRSError
        from rasterio.errors import NotGeoreferencedWarning, RasterioError

        self.path = Path(path)
        self.table = table
        self.kind = {".mbtiles": "mbtiles", ".gpkg": "gpkg"}.get(self.path.suffix.lower(), "geotiff")
        try:
            with warnings.catch_warnings():  # "not georeferenced" becomes our own one line below
                warnings.simplefilter("ignore", NotGeoreferencedWarning)
                self._ds = rasterio.open(self.path, **({"table": table} if table else {}))
        except RasterioError as exc:
            raise LayerReadError(path, f"cannot be read as a raster ({_first_line(exc)})", "unreadable") from None
        ds = self._ds
        if ds.crs is None and ds.transform.is_identity:
            how = "has only ground control points; warp it first (gdalwarp)" if ds.gcps[0] else \
                "has no georeference (no geotransform, no CRS); export it as a GeoTIFF with its CRS"
            ds.close()
            raise LayerReadError(path, how, "no-georeference")
        if ds.crs is None:
            ds.close()
            raise LayerReadError(path, "has a geotransform but names no CRS; add the CRS "
                                       "(gdal_edit.py -a_srs EPSG:4546 or the one it was flown in)",
                                 "unknown-crs")
        try:
            self.crs = CRS.from_wkt(ds.crs.to_wkt())
            if not self.crs.is_projected and not self.crs.is_geographic:
                raise CRSError("neither projected nor geographic")
        except (CRSError, ValueError) as exc:
            ds.close()
            raise LayerReadError(path, f"unknown CRS {ds.crs.to_string()[:60]!r} ({exc}); "
                                       "give it an EPSG CRS", "unknown-crs") from None
        self.wkt = self.crs.to_wkt()
        self._same_crs: dict[str, bool] = {}
        self.native_bounds = tuple(ds.bounds)
        self.width, self.height = ds.width, ds.height
        self._bands = self._band_plan()
        from rasterio.enums import MaskFlags

        nodata = ds.nodatavals[0] if ds.nodatavals else None
        self._nodata = None if nodata is None or ds.dtypes[0] != "uint8" else int(nodata)
        # the mask band has no overviews: reading an "all valid" one zoomed out cost seconds
        self._all_valid = all(flags == [MaskFlags.all_valid] for flags in ds.mask_flag_enums)

    def _band_plan(self) -> tuple[list[int], int | None]:
        """Which bands make R, G, B (grey repeats one) and which band, if any, is alpha."""
        from rasterio.enums import ColorInterp

        interp = list(self._ds.colorinterp)
        alpha = interp.index(ColorInterp.alpha) + 1 if ColorInterp.alpha in interp else None
        colour = [i + 1 for i, c in enumerate(interp) if c != ColorInterp.alpha]
        rgb = colour[:3] if len(colour) >= 3 else [colour[0]] * 3
        return rgb, alpha

    def metadata_date(self) -> str | None:
        tags = self._ds.tags()
        for key in ("ACQUISITIONDATETIME", "TIFFTAG_DATETIME", "CAPTURE_DATE", "capture_date"):
            text = tags.get(key) or self._ds.tags(ns="IMAGERY").get(key)
            if text and len(text) >= 10 and text[:4].isdigit():
                return text[:10].replace(":", "-")
        return None

    def read(self, bounds, width, height, crs):
        from affine import Affine
        from rasterio.enums import Resampling
        from rasterio.windows import Window
        from rasterio.windows import from_bounds as window_from_bounds

        width, height = max(1, min(int(width), MAX_READ_PX)), max(1, min(int(height), MAX_READ_PX))
        if self._same_grid(view_wkt(crs)):
            return self._read_on_view_grid(bounds, width, height)
        ds = self._ds
        overlap = self.overlap(bounds, crs)
        if overlap is None:
            return None
        (sx0, sy0, sx1, sy1), (ix0, iy0, ix1, iy1) = overlap
        exact = window_from_bounds(ix0, iy0, ix1, iy1, ds.transform)
        col0, row0 = max(0, math.floor(exact.col_off)), max(0, math.floor(exact.row_off))
        col1 = min(ds.width, math.ceil(exact.col_off + exact.width))
        row1 = min(ds.height, math.ceil(exact.row_off + exact.height))
        if col1 <= col0 or row1 <= row0:
            return None
        window = Window(col0, row0, col1 - col0, row1 - row0)
        # source pixels per view pixel: read at about the view's resolution (GDAL uses overviews)
        src_per_px = max((sx1 - sx0) / width / abs(ds.res[0]), (sy1 - sy0) / height / abs(ds.res[1]))
        factor = max(1.0, src_per_px)
        out_w = max(1, math.ceil(window.width / factor))
        out_h = max(1, math.ceil(window.height / factor))
        src = np.empty((4, out_h, out_w), dtype=np.uint8)
        # nearest, as QGIS draws rasters by default: GDAL averaging 2.5k px down to 1.9k px cost
        # 280 ms a frame against 65 ms, and the overview levels are already averaged
        self._read_rgba(src, window, Resampling.nearest)
        src_transform = ds.window_transform(window) @ Affine.scale(window.width / out_w,
                                                                    window.height / out_h)
        return warp_rgba(src, src_transform, self.wkt, bounds, width, height, crs)

    def _read_rgba(self, out: np.ndarray, window, resampling) -> None:
        """Fill ``out`` (4, h, w) with RGBA of ``window`` read at ``out``'s size."""
        ds = self._ds
        rgb, alpha = self._bands
        shape = out.shape[1:]
        if ds.dtypes[0] == "uint8":  # GDAL writes straight into ``out``, whatever its strides
            ds.read(rgb, window=window, out=out[:3], resampling=resampling)
        else:
            out[:3] = _to_uint8(ds.read(rgb, window=window, out_shape=(3, *shape), resampling=resampling))
        if alpha is not None:
            ds.read(alpha, window=window, out=out[3], resampling=resampling)
        elif self._nodata is not None:  # from the decimated data: the mask band has no overviews
            out[3] = np.where((out[:3] == self._nodata).all(axis=0), 0, 255)
        elif self._all_valid:
            out[3] = 255
        else:  # an internal mask (per-dataset): GDAL reads it
            out[3] = ds.read_masks(rgb[0], window=window, out_shape=shape)

    def _same_grid(self, wkt: str) -> bool:
        """The view is in this raster's CRS and the raster is north up: GDAL can read straight
        onto the view's pixel grid (the common case: a GK orthophoto on the GK map)."""
        if wkt not in self._same_crs:
            from pyproj import CRS

            self._same_crs[wkt] = self.crs.equals(CRS.from_wkt(wkt), ignore_axis_order=True)
        t = self._ds.transform
        return self._same_crs[wkt] and t.b == 0 and t.d == 0 and t.a > 0 and t.e < 0

    def _read_on_view_grid(self, bounds, width: int, height: int) -> np.ndarray | None:
        """One GDAL read of a fractional window onto exactly the view's pixels (nearest, from the
        right overview); no warp. View pixels only partly on the raster are left transparent."""
        from rasterio.enums import Resampling
        from rasterio.windows import Window

        x0, y0, x1, y1 = bounds
        res_x, res_y = (x1 - x0) / width, (y1 - y0) / height
        bx0, by0, bx1, by1 = self.native_bounds
        j0, j1 = max(0, math.ceil((bx0 - x0) / res_x - 1e-6)), min(width, math.floor((bx1 - x0) / res_x + 1e-6))
        i0, i1 = max(0, math.ceil((y1 - by1) / res_y - 1e-6)), min(height, math.floor((y1 - by0) / res_y + 1e-6))
        if j1 <= j0 or i1 <= i0:
            return None
        t = self._ds.transform
        window = Window((x0 + j0 * res_x - t.c) / t.a, (t.f - (y1 - i0 * res_y)) / -t.e,
                        (j1 - j0) * res_x / t.a, (i1 - i0) * res_y / -t.e)
        out = np.zeros((height, width, 4), dtype=np.uint8)
        # read into the pixel-interleaved result through a band-first view: no transposing copy
        self._read_rgba(out[i0:i1, j0:j1].transpose(2, 0, 1), window, Resampling.nearest)
        return out

    def close(self) -> None:
        self._ds.close()


def _to_uint8(data: np.ndarray) -> np.ndarray:
    """8-bit bands as they are; 16-bit or float imagery stretched 2–98 % to 0..255."""
    if data.dtype == np.uint8:
        return data
    finite = data[np.isfinite(data)] if data.dtype.kind == "f" else data
    if finite.size == 0:
        return np.zeros(data.shape, dtype=np.uint8)
    lo, hi = np.percentile(finite, (2, 98))
    scaled = (data.astype(np.float32) - lo) * (255.0 / max(hi - lo, 1e-9))
    return np.clip(np.nan_to_num(scaled), 0, 255).astype(np.uint8)


def _first_line(exc) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


WARP_STEP_PX = 16     # the exact transformation is computed every 16 px ...
AFFINE_TOLERANCE_PX = 0.02  # ... and replaced by its affine fit when that is this close everywhere


def warp_rgba(src: np.ndarray, src_transform, src_wkt: str, bounds, width: int, height: int,
              crs) -> np.ndarray:
    """Warp an RGBA ``(4, h, w)`` array onto the view's pixel grid; ``(height, width, 4)``.

    Each view pixel takes the source pixel under its centre (nearest neighbour: the source was
    read at about the view's resolution, averaged from overviews). The CRS transformation is
    computed exactly on a grid every WARP_STEP_PX pixels. Over a view of a park it is affine to a
    few hundredths of a pixel, so the fit is used (separable, an index per row and per column, when
    north stays up); otherwise the grid is interpolated, as GDAL's approximate transformer does.
    Written here because rasterio's ``reproject`` builds a GDAL transformer per call: 50–200 ms
    a frame, most of the budget.
    """
    dst_transform, width, height = _view_grid(bounds, width, height)
    cols, rows = _grid_positions(width), _grid_positions(height)
    gx, gy = np.meshgrid(dst_transform.c + (cols + 0.5) * dst_transform.a,
                         dst_transform.f + (rows + 0.5) * dst_transform.e)
    sx, sy = _transformer(view_wkt(crs), src_wkt).transform(gx, gy, errcheck=False)
    inverse = ~src_transform
    u = inverse.a * sx + inverse.b * sy + inverse.c  # fractional source column at each grid point
    v = inverse.d * sx + inverse.e * sy + inverse.f  # fractional source row
    j = np.arange(width, dtype=np.float32)
    i = np.arange(height, dtype=np.float32)
    fit = _affine_fit(u, v, cols, rows)
    if fit is None:
        ci = np.floor(_upsample(u, cols, rows, width, height)).astype(np.int32)
        ri = np.floor(_upsample(v, cols, rows, width, height)).astype(np.int32)
    else:
        (ua, ub, uc), (va, vb, vc) = fit
        if abs(ub) * height < AFFINE_TOLERANCE_PX and abs(va) * width < AFFINE_TOLERANCE_PX:
            ci = np.floor(ua * j + ub * height / 2 + uc).astype(np.int32)[None, :]
            ri = np.floor(vb * i + va * width / 2 + vc).astype(np.int32)[:, None]
        else:
            ci = np.floor((ua * j)[None, :] + (ub * i + uc)[:, None]).astype(np.int32)
            ri = np.floor((va * j)[None, :] + (vb * i + vc)[:, None]).astype(np.int32)
    return _gather(src, ri, ci, height, width)


def _gather(src: np.ndarray, ri: np.ndarray, ci: np.ndarray, height: int, width: int) -> np.ndarray:
    """``src[:, ri, ci]`` as ``(height, width, 4)``, transparent where the index leaves the source.

    ``ri``/``ci`` are a column and a row vector (north up: two ``take`` calls, ~10x faster than
    indexing every pixel) or full index grids."""
    _, h, w = src.shape
    if ri.shape[1] == 1 and ci.shape[0] == 1:
        rows, cols = ri[:, 0], ci[0]
        # one RGBA pixel per uint32: two takes move 4-byte pixels instead of four bands each
        pixels = np.ascontiguousarray(src.transpose(1, 2, 0)).view(np.uint32)[..., 0]
        picked = np.take(np.take(pixels, np.clip(rows, 0, h - 1), axis=0), np.clip(cols, 0, w - 1), axis=1)
        picked[(rows < 0) | (rows >= h)] = 0
        picked[:, (cols < 0) | (cols >= w)] = 0
        return picked.view(np.uint8).reshape(height, width, 4)
    valid = (ri >= 0) & (ri < h) & (ci >= 0) & (ci < w)
    flat = (np.clip(ri, 0, h - 1) * w + np.clip(ci, 0, w - 1)).ravel()
    out = np.empty((height * width, 4), dtype=np.uint8)
    for band in range(4):
        out[:, band] = np.take(src[band].ravel(), flat)
    out[~valid.ravel()] = 0
    return out.reshape(height, width, 4)


def _affine_fit(u, v, cols, rows):
    """Least-squares ``u = a*col + b*row + c`` (and v); None when the grid strays from it."""
    if not (np.isfinite(u).all() and np.isfinite(v).all()):
        return None
    cc, rr = np.meshgrid(cols, rows)
    design = np.column_stack([cc.ravel(), rr.ravel(), np.ones(cc.size)])
    coef_u = np.linalg.lstsq(design, u.ravel(), rcond=None)[0]
    coef_v = np.linalg.lstsq(design, v.ravel(), rcond=None)[0]
    worst = max(np.abs(design @ coef_u - u.ravel()).max(), np.abs(design @ coef_v - v.ravel()).max())
    return (tuple(coef_u), tuple(coef_v)) if worst < AFFINE_TOLERANCE_PX else None


def _grid_positions(n: int) -> np.ndarray:
    return np.unique(np.r_[np.arange(0, n, WARP_STEP_PX), n - 1]).astype(np.float64)


def _upsample(grid: np.ndarray, cols: np.ndarray, rows: np.ndarray, width: int, height: int) -> np.ndarray:
    """Bilinear interpolation of ``grid`` (values at ``rows`` x ``cols``) to every pixel."""
    grid = np.where(np.isfinite(grid), grid, -1e9)  # no image in the source CRS: never valid
    along = np.vstack([np.interp(np.arange(width), cols, line) for line in grid])  # (len(rows), width)
    if len(rows) == 1:
        return np.repeat(along, height, axis=0)
    k = np.clip(np.searchsorted(rows, np.arange(height), side="right") - 1, 0, len(rows) - 2)
    t = ((np.arange(height) - rows[k]) / (rows[k + 1] - rows[k]))[:, None]
    return along[k] * (1 - t) + along[k + 1] * t
