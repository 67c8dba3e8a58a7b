"""Chinese web-map offsets: GCJ-02 ("Mars coordinates") and BD-09 <-> WGS84, on numpy arrays.

Web maps in China publish GCJ-02 (about 500–600 m off around Yangjiang) or Baidu's BD-09 (about
1.2 km off). The forward transforms are the published closed formulas; the inverses are solved by
fixed-point iteration until the forward transform reproduces the input to 1e-11 degrees (about a
micrometre), so a round trip is exact to far below a centimetre. Points outside China are left
unchanged, as the web maps themselves do.
"""

from __future__ import annotations

import numpy as np

# Krasovsky 1940 ellipsoid, as used by the GCJ-02 formula.
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0

OFFSETS = ("gcj02", "bd09")


def in_china(lon, lat) -> np.ndarray:
    """The rough box where the offsets apply (the formula's own, not the border)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    return (lon > 72.004) & (lon < 137.8347) & (lat > 0.8293) & (lat < 55.8271)


def _delta(lon, lat):
    x = lon - 105.0
    y = lat - 35.0
    sq = np.sqrt(np.abs(x))
    common = (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sq + common
            + (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
            + (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sq + common
            + (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
            + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0)
    rad = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad) * np.pi)
    return dlon, dlat


def _arrays(lon, lat):
    return np.array(lon, dtype=float, copy=True), np.array(lat, dtype=float, copy=True)


def wgs84_to_gcj02(lon, lat):
    """WGS84 -> GCJ-02 (closed formula); points outside China unchanged."""
    lon, lat = _arrays(lon, lat)
    inside = in_china(lon, lat)
    dlon, dlat = _delta(lon[inside], lat[inside])
    lon[inside] += dlon
    lat[inside] += dlat
    return lon, lat


def gcj02_to_bd09(lon, lat):
    """GCJ-02 -> BD-09 (closed formula)."""
    lon, lat = _arrays(lon, lat)
    z = np.sqrt(lon * lon + lat * lat) + 0.00002 * np.sin(lat * _X_PI)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def wgs84_to_bd09(lon, lat):
    """WGS84 -> BD-09 (via GCJ-02); points outside China unchanged."""
    lon, lat = _arrays(lon, lat)
    inside = in_china(lon, lat)
    glon, glat = wgs84_to_gcj02(lon[inside], lat[inside])
    lon[inside], lat[inside] = gcj02_to_bd09(glon, glat)
    return lon, lat


def _invert(forward, lon, lat, tolerance=1e-11, max_iterations=50):
    """Solve ``forward(w) == (lon, lat)`` for w by fixed-point iteration from w = input."""
    target_lon, target_lat = _arrays(lon, lat)
    wlon, wlat = target_lon.copy(), target_lat.copy()
    for _ in range(max_iterations):
        flon, flat = forward(wlon, wlat)
        err_lon = flon - target_lon
        err_lat = flat - target_lat
        wlon -= err_lon
        wlat -= err_lat
        worst = np.nanmax(np.abs(np.concatenate([err_lon, err_lat]))) if wlon.size else 0.0
        if not worst > tolerance:  # also stops on all-NaN input
            break
    return wlon, wlat


def gcj02_to_wgs84(lon, lat):
    """GCJ-02 -> WGS84, exact by iteration; points outside China unchanged."""
    lon, lat = _arrays(lon, lat)
    inside = in_china(lon, lat)
    lon[inside], lat[inside] = _invert(wgs84_to_gcj02, lon[inside], lat[inside])
    return lon, lat


def bd09_to_gcj02(lon, lat):
    """BD-09 -> GCJ-02, exact by iteration."""
    return _invert(gcj02_to_bd09, lon, lat)


def bd09_to_wgs84(lon, lat):
    """BD-09 -> WGS84, exact by iteration; points outside China unchanged."""
    lon, lat = _arrays(lon, lat)
    inside = in_china(lon, lat)
    lon[inside], lat[inside] = _invert(wgs84_to_bd09, lon[inside], lat[inside])
    return lon, lat


TO_WGS84 = {"gcj02": gcj02_to_wgs84, "bd09": bd09_to_wgs84}
LABELS = {"gcj02": "GCJ-02", "bd09": "BD-09"}


def to_wgs84(xy: np.ndarray, offset: str) -> np.ndarray:
    """``(n, 2)`` lon/lat in ``offset`` ('gcj02' or 'bd09') to WGS84."""
    try:
        convert = TO_WGS84[offset]
    except KeyError:
        raise ValueError(f"unknown offset {offset!r}; expected one of {', '.join(OFFSETS)}") from None
    lon, lat = convert(xy[:, 0], xy[:, 1])
    return np.column_stack([lon, lat])
