"""Many WGS84 vertices to the display CRS at once: PROJ's own answer, or a polynomial fitted to
PROJ over the vertices' box when that is checked to be as good.

pyproj's transverse Mercator (the parks' display CRS, EPSG:4546) costs ~200 ns a vertex: ~0.2 s of
every page at 100,000 plots and ~50 ms of every zoom of the window. Over a box of a few degrees the
projection is smooth enough that a low-degree polynomial in lon/lat, fitted by least squares to
PROJ at a grid of points, reproduces it to far below a millimetre, and evaluates in a few
milliseconds. This is GDAL's approximate transformer (``GDALCreateApproxTransformer``) with a
stricter and whole-box check: the polynomial is used only when, at every centre of the fitting
grid's cells (where a fit strays most), it is within a tenth of :data:`TOLERANCE_M` of PROJ; otherwise —
a box too big, a CRS that is not smooth there, missing or infinite coordinates — PROJ transforms
every vertex, as before.
"""

from __future__ import annotations

import numpy as np
from pyproj import Transformer

#: Fewer vertices than this go straight to PROJ (a fit asks PROJ for ~600 points).
MIN_VERTICES = 20_000
#: Largest allowed difference from PROJ, metres (0.1 mm: far below a pixel at any zoom).
TOLERANCE_M = 1e-4
#: Degrees tried, lowest first: 3 is enough over a park, 5 over the three parks (~1 degree).
DEGREES = (3, 4, 5)
#: Points per side of the fitting grid (checked at the centres of its cells).
GRID = 17
#: Vertices evaluated at a time, so the intermediate arrays stay in the CPU cache.
_CHUNK = 16_384


def project_xy(transformer: Transformer, xy: np.ndarray) -> np.ndarray:
    """``xy`` (n x 2, lon/lat) through ``transformer`` (x = lon first), as an n x 2 array."""
    if len(xy) == 0:
        return np.empty((0, 2))
    fit = _fit(transformer, xy) if len(xy) >= MIN_VERTICES else None
    if fit is None:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        out = np.empty((len(xy), 2))
        out[:, 0], out[:, 1] = x, y
        return out
    return fit.evaluate(xy)


class _Polynomial:
    """``sum c_ij u^i v^j`` (i + j <= degree) of both output coordinates, with u and v the
    lon/lat scaled to -1..1 over the fitted box (which keeps the fit well conditioned)."""

    def __init__(self, degree: int, centre: np.ndarray, half: float):
        self.degree, self.centre, self.half = degree, centre, half
        self.terms = [(i, j) for i in range(degree + 1) for j in range(degree + 1 - i)]
        self.coef = np.empty((len(self.terms), 2))

    def design(self, lonlat: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """The terms ``u^i v^j`` of each point (one row per point), into ``out`` when given."""
        u = (lonlat[:, 0] - self.centre[0]) / self.half
        v = (lonlat[:, 1] - self.centre[1]) / self.half
        u_pow, v_pow = [None, u], [None, v]
        for _ in range(2, self.degree + 1):
            u_pow.append(u_pow[-1] * u)
            v_pow.append(v_pow[-1] * v)
        # columns contiguous (Fortran order): each term is written in one pass; a term of u or v
        # alone is copied (the very values a product with 1.0 gives), the constant one is filled
        rows = np.empty((len(u), len(self.terms)), order="F") if out is None else out[:len(u)]
        for k, (i, j) in enumerate(self.terms):
            if i and j:
                np.multiply(u_pow[i], v_pow[j], out=rows[:, k])
            else:
                rows[:, k] = u_pow[i] if i else v_pow[j] if j else 1.0
        return rows

    def evaluate(self, xy: np.ndarray) -> np.ndarray:
        out = np.empty((len(xy), 2))
        buffer = np.empty((min(len(xy), _CHUNK), len(self.terms)), order="F")
        for start in range(0, len(xy), _CHUNK):
            chunk = xy[start:start + _CHUNK]
            np.matmul(self.design(chunk, buffer), self.coef, out=out[start:start + len(chunk)])
        return out


def _fit(transformer: Transformer, xy: np.ndarray) -> _Polynomial | None:
    """A polynomial within :data:`TOLERANCE_M` of PROJ over the box of ``xy``, or None."""
    # per column: a reduction along axis 0 of an n x 2 array is ~30x slower (31 ms at 600k)
    lo = np.array([xy[:, 0].min(), xy[:, 1].min()])
    hi = np.array([xy[:, 0].max(), xy[:, 1].max()])
    if not (np.isfinite(lo).all() and np.isfinite(hi).all()):
        return None  # missing (NaN) or infinite coordinates: PROJ says what they become
    centre, half = (lo + hi) / 2, float(max(hi - lo)) / 2 or 1e-9
    edges = [np.linspace(lo[k], hi[k], GRID) for k in (0, 1)]
    mids = [(e[1:] + e[:-1]) / 2 for e in edges]
    grid = np.column_stack([a.ravel() for a in np.meshgrid(*edges)])
    check = np.column_stack([a.ravel() for a in np.meshgrid(*mids)])
    try:
        exact_grid = np.column_stack(transformer.transform(grid[:, 0], grid[:, 1], errcheck=True))
        exact_check = np.column_stack(transformer.transform(check[:, 0], check[:, 1], errcheck=True))
    except Exception:  # noqa: BLE001 - pyproj raises several kinds; PROJ itself then decides
        return None
    if not (np.isfinite(exact_grid).all() and np.isfinite(exact_check).all()):
        return None
    for degree in DEGREES:
        poly = _Polynomial(degree, centre, half)
        poly.coef = np.linalg.lstsq(poly.design(grid), exact_grid, rcond=None)[0]
        # a tenth of the tolerance at the cell centres: elsewhere a fit may stray a little more
        if np.abs(poly.design(check) @ poly.coef - exact_check).max() <= TOLERANCE_M / 10:
            return poly
    return None
