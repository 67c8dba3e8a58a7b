"""Coordinate reference systems of incoming layers: legacy ``crs`` members, ``--crs``, reprojection.

Everything parksgis stores is WGS84 lon/lat. CGCS2000 geographic (EPSG:4490) differs from WGS84
by centimetres, far below the accuracy of any park drawing, so it is taken as equal (no shift).
Coordinates that look projected while no CRS is known are never treated as degrees: that is an
error telling the user which ``--crs`` to pass.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from parksgis.errors import LayerReadError, UsageError

# Geographic lon/lat systems taken as WGS84 as they are.
# Xian 1980 (EPSG:4610) is not among them: it differs by tens of metres and is reprojected.
WGS84_EQUIVALENT_EPSG = {4326, 4490}  # WGS84, CGCS2000


def parse_user_crs(text: str):
    """A CRS from ``--crs`` (``EPSG:4546``, ``4546``, WKT, PROJ string); UsageError if unknown."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    text = str(text).strip()
    if text.isdigit():
        text = f"EPSG:{text}"
    try:
        return CRS.from_user_input(text)
    except CRSError:
        raise UsageError(f"unknown CRS {text!r}; give e.g. EPSG:4546 or EPSG:4326") from None


def parse_legacy_crs(member, path):
    """The CRS named by a GeoJSON 2008 ``crs`` member, e.g. ``urn:ogc:def:crs:EPSG::4546``."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    if member is None:
        return None
    name = None
    if isinstance(member, dict):
        props = member.get("properties")
        kind = member.get("type")
        if isinstance(props, dict):
            if kind == "name":
                name = props.get("name")
            elif kind == "EPSG" and props.get("code") is not None:
                name = f"EPSG:{props.get('code')}"
    if not isinstance(name, str) or not name.strip():
        raise LayerReadError(path, f"the legacy 'crs' member is not a named CRS: "
                                   f"{_short(member)}; remove it or pass --crs", "unknown-crs")
    try:
        return CRS.from_user_input(name.strip())
    except CRSError:
        raise LayerReadError(path, f"unknown CRS {name!r} in the 'crs' member; pass --crs",
                             "unknown-crs") from None


def _short(value, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def is_wgs84_equivalent(crs) -> bool:
    """True for WGS84 lon/lat and CGCS2000 geographic (no reprojection needed)."""
    if crs is None:
        return True
    if crs.to_epsg() in WGS84_EQUIVALENT_EPSG:
        return True
    return crs.equals("OGC:CRS84") or crs.name in ("WGS 84", "WGS 84 (CRS84)")


def crs_label(crs) -> str | None:
    """Short name for reports: ``EPSG:4546``, ``OGC:CRS84``, else the CRS name."""
    if crs is None:
        return None
    auth = crs.to_authority(min_confidence=90)
    if auth:
        return f"{auth[0]}:{auth[1]}"
    return crs.name


def looks_projected(xy: np.ndarray) -> bool:
    """More than half the coordinates beyond ±180: metres, not degrees."""
    if len(xy) == 0:
        return False
    beyond = (np.abs(xy[:, 0]) > 180.0) | (np.abs(xy[:, 1]) > 180.0)
    return bool(beyond.mean() > 0.5)


def looks_like_degrees(xy: np.ndarray) -> bool:
    """Every coordinate within ±180/±90: lon/lat, not metres."""
    return bool(len(xy)) and bool(((np.abs(xy[:, 0]) <= 180) & (np.abs(xy[:, 1]) <= 90)).all())


def suggest_crs(xy: np.ndarray) -> str:
    """A hint naming the likely CGCS2000 Gauss-Kruger CRS for projected Chinese coordinates."""
    x = np.median(xy[:, 0])
    y = np.median(xy[:, 1])
    if 1.5e6 < y < 6.0e6:
        zone = int(x // 1_000_000)
        if 25 <= zone <= 45 and 1e7 <= x:  # 3-degree zone number prefixed to the easting
            return f"EPSG:{4513 + zone - 25}"
        if 13 <= zone <= 23 and 1e7 <= x:  # 6-degree zone number prefixed
            return f"EPSG:{4491 + zone - 13}"
        if 1e5 < x < 9e5:
            return "EPSG:4546"  # CM 111E: Yangjiang lies wholly inside it
    return "EPSG:4546"


def projected_without_crs(xy: np.ndarray, path, declared=None) -> LayerReadError:
    """The error for metre coordinates with no (or a degrees) CRS: says which --crs to pass."""
    finite = xy[np.isfinite(xy).all(axis=1)]
    x0, y0 = finite.min(axis=0)
    x1, y1 = finite.max(axis=0)
    hint = suggest_crs(finite)
    said = "the file names no CRS" if declared is None else \
        f"the CRS given, {crs_label(declared)}, is in degrees"
    return LayerReadError(
        path, f"coordinates look projected (x {x0:.0f}..{x1:.0f}, y {y0:.0f}..{y1:.0f}), not "
              f"lon/lat, and {said}; pass --crs {hint} (or the CRS the data was drawn in)",
        "projected-no-crs")


def transformer_to_wgs84(crs):
    """A vectorised pyproj transformer from ``crs`` to WGS84 lon/lat (x=lon, y=lat)."""
    return _transformer(crs.to_wkt())


@lru_cache(maxsize=16)
def _transformer(wkt: str):
    # Building a transformer costs tens of ms; a workspace reprojects many layers from one CRS.
    from pyproj import Transformer

    return Transformer.from_crs(wkt, "EPSG:4326", always_xy=True)


def reproject_xy(xy: np.ndarray, crs) -> np.ndarray:
    """``(n, 2)`` coordinates in ``crs`` to WGS84 lon/lat, on flat arrays (no per-point Python)."""
    lon, lat = transformer_to_wgs84(crs).transform(xy[:, 0], xy[:, 1], errcheck=False)
    return np.column_stack([lon, lat])
