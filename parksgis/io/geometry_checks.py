"""Checks and repairs shared by every reader, vectorised over a whole layer.

A reader hands over an object array of shapely geometries (None for null geometry), the file's
feature number of each row and a ``dropped`` mask of rows it already rejected. The checks run in
one fixed order, each on flat coordinate arrays:

1. NaN/Infinity coordinates -> error, feature dropped;
2. CRS: projected-looking coordinates with no CRS -> the whole file fails; otherwise reproject;
3. lon/lat given as lat/lon -> warning (swapped back when only that reading is possible);
4. GCJ-02/BD-09 offset removed when asked (never guessed);
5. lon/lat out of range -> error, feature dropped;
6. null and empty geometries -> warning, kept as attribute-only rows;
7. invalid geometry (self-intersection, ...) -> repaired with make_valid, warning;
8. several geometry families in one layer -> warning (Polygon + MultiPolygon is one family).
"""

from __future__ import annotations

import numpy as np
import shapely

from parksgis.io import crs as crs_mod
from parksgis.io import offsets as offsets_mod

# Geometry type id -> family; Polygon and MultiPolygon (etc.) are one family.
_FAMILY = {0: "Point", 4: "Point", 1: "LineString", 2: "LineString", 5: "LineString",
           3: "Polygon", 6: "Polygon", 7: "GeometryCollection"}
_TYPE_NAME = {0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint",
              5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}


def _num(value: float) -> str:
    if np.isnan(value):
        return "NaN"
    if np.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _first_rows(rows_of_coords: np.ndarray, bad: np.ndarray):
    """For each row with a bad coordinate: (row, index of its first bad coordinate)."""
    positions = np.flatnonzero(bad)
    rows, first = np.unique(rows_of_coords[positions], return_index=True)
    return zip(rows.tolist(), positions[first].tolist())


class GeometryChecker:
    """Runs the checks on one layer, writing problems into ``report``."""

    def __init__(self, report, path, *, crs=None, offset=None):
        self.report = report
        self.path = path
        self.crs = crs
        self.offset = offset

    def run(self, geoms: np.ndarray, feature_no: np.ndarray, dropped: np.ndarray, *,
            lonlat: np.ndarray | None = None):
        """Return ``(geoms, dropped)`` after all checks; raises LayerReadError for the file.

        ``lonlat``: every coordinate of ``geoms`` (in any order, a closing one more or less), from
        a reader that found them all finite lon/lat within ±180/±90, to be read as they are (no
        CRS or offset): checks 1, 2 and 5 can then drop and move nothing, and only the lat,lon
        warning looks at them — without taking every coordinate back out of GEOS (a million
        plots: ~2 s and 0.2 GB)."""
        geoms = np.asarray(geoms, dtype=object).copy()
        dropped = dropped.copy()
        self.feature_no = feature_no
        if lonlat is not None and not self.offset and (self.crs is None or crs_mod.is_wgs84_equivalent(self.crs)):
            self._swapped(lonlat)  # cannot say "swap back": that needs latitudes beyond ±90
        else:
            self._check_coordinates(geoms, dropped)
        geoms[dropped] = None
        geoms = self._nulls_and_empties(geoms, dropped)
        geoms = self._repair_invalid(geoms)
        self._mixed_types(geoms)
        return geoms, dropped

    # -- coordinates ------------------------------------------------------------------------

    def _check_coordinates(self, geoms, dropped) -> None:
        """Checks 1 to 5 on ``geoms`` (changed in place) and ``dropped``."""
        if len(geoms) and shapely.has_z(geoms).any():
            geoms[:] = shapely.force_2d(geoms)
        xy, rows = shapely.get_coordinates(geoms, return_index=True)
        alive = ~dropped[rows]
        self._drop_non_finite(xy, rows, alive, dropped)
        alive = ~dropped[rows]
        xy, moved = self._to_wgs84(xy, rows, alive, dropped)
        alive = ~dropped[rows]
        self._drop_out_of_range(xy, rows, alive, dropped)
        if moved and len(xy):
            shapely.set_coordinates(geoms, xy)

    def _error(self, row: int, code: str, message: str) -> None:
        self.report.error(code, message, int(self.feature_no[row]))

    def _warning(self, row: int, code: str, message: str) -> None:
        self.report.warning(code, message, int(self.feature_no[row]))

    def _drop_non_finite(self, xy, rows, alive, dropped) -> None:
        bad = ~np.isfinite(xy).all(axis=1) & alive
        if not bad.any():
            return
        for row, at in _first_rows(rows, bad):
            self._error(row, "non-finite-coordinates",
                        f"coordinate ({_num(xy[at, 0])}, {_num(xy[at, 1])}) is not a finite "
                        "number; feature dropped")
            dropped[row] = True

    def _to_wgs84(self, xy, rows, alive, dropped):
        """Reproject / un-swap / remove the web-map offset. Returns (xy, changed)."""
        live = xy if alive.all() else xy[alive]  # no copy of every coordinate when none was dropped
        changed = False
        if self.crs is None or crs_mod.is_wgs84_equivalent(self.crs):
            if crs_mod.looks_projected(live):
                raise crs_mod.projected_without_crs(live, self.path, declared=self.crs)
            if self._swapped(live):
                xy = xy[:, ::-1].copy()
                changed = True
        else:
            if self.crs.is_projected and crs_mod.looks_like_degrees(live):
                self.report.warning(
                    "crs-mismatch", f"coordinates look like lon/lat degrees but the CRS is "
                    f"{crs_mod.crs_label(self.crs)} (metres); check --crs or the file's CRS")
            xy = crs_mod.reproject_xy(xy, self.crs)
            changed = True
            bad = ~np.isfinite(xy).all(axis=1) & alive
            for row, _ in _first_rows(rows, bad):
                self._error(row, "reprojection-failed",
                            f"coordinates cannot be reprojected from {crs_mod.crs_label(self.crs)} "
                            "to WGS84 (outside the CRS's area?); feature dropped")
                dropped[row] = True
        if self.offset:
            outside = int((~offsets_mod.in_china(xy[alive, 0], xy[alive, 1])).sum())
            if outside:
                label = offsets_mod.LABELS[self.offset]
                self.report.warning(
                    "offset-outside-china", f"{outside} coordinates lie outside China, where "
                    f"{label} does not apply; left unchanged")
            xy = offsets_mod.to_wgs84(xy, self.offset)
            changed = True
        return xy, changed

    def _swapped(self, live: np.ndarray) -> bool:
        """Warn about lat,lon order; True when only that reading is possible (swap back)."""
        if len(live) == 0:
            return False
        x, y = live[:, 0], live[:, 1]
        ranges = f"x {x.min():.4f}..{x.max():.4f}, y {y.min():.4f}..{y.max():.4f}"
        fits_latlon = (np.abs(x) <= 90).all() and (np.abs(y) <= 180).all()
        if fits_latlon and (np.abs(y) > 90).mean() > 0.5:
            self.report.warning(
                "swapped-lat-lon", f"coordinates look like lat,lon ({ranges}): y is beyond ±90 "
                "so it cannot be a latitude; read as lon,lat with the axes swapped back — fix "
                "the source")
            return True
        if ((x >= 3) & (x <= 54)).all() and ((y >= 73) & (y <= 90)).all():
            self.report.warning(
                "swapped-lat-lon", f"coordinates may be lat,lon ({ranges}): x looks like a "
                "Chinese latitude and y like a longitude; left as they are — check the source")
        return False

    def _drop_out_of_range(self, xy, rows, alive, dropped) -> None:
        bad = ((np.abs(xy[:, 0]) > 180.0) | (np.abs(xy[:, 1]) > 90.0)) & alive
        for row, at in _first_rows(rows, bad):
            self._error(row, "coordinates-out-of-range",
                        f"lon/lat ({_num(xy[at, 0])}, {_num(xy[at, 1])}) is outside "
                        "±180/±90; feature dropped")
            dropped[row] = True

    # -- geometries -------------------------------------------------------------------------

    def _nulls_and_empties(self, geoms, dropped):
        null_rows = np.flatnonzero(shapely.is_missing(geoms) & ~dropped)
        for row in null_rows.tolist():
            self._warning(row, "null-geometry", "geometry is null; kept as an attribute-only row")
        empty_rows = np.flatnonzero(shapely.is_empty(geoms))
        for row in empty_rows.tolist():
            kind = _TYPE_NAME.get(int(shapely.get_type_id(geoms[row])), "geometry")
            self._warning(row, "empty-geometry",
                          f"{kind} is empty; kept as an attribute-only row")
        geoms[empty_rows] = None
        return geoms

    def _repair_invalid(self, geoms):
        present = ~shapely.is_missing(geoms)
        invalid = np.flatnonzero(present & ~shapely.is_valid(geoms))
        if len(invalid) == 0:
            return geoms
        reasons = shapely.is_valid_reason(geoms[invalid])
        repaired = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
        for row, reason, fixed in zip(invalid.tolist(), reasons, repaired):
            if fixed is None or fixed.is_empty:
                self._warning(row, "invalid-geometry-collapsed",
                              f"invalid geometry ({reason}) has no area or length left after "
                              "repair; kept as an attribute-only row")
                geoms[row] = None
            else:
                self._warning(row, "invalid-geometry-repaired",
                              f"invalid geometry ({reason}) repaired with make_valid")
                geoms[row] = fixed
        return geoms

    def _mixed_types(self, geoms) -> None:
        present = geoms[~shapely.is_missing(geoms)]
        if len(present) == 0:
            return
        ids, counts = np.unique(shapely.get_type_id(present), return_counts=True)
        families = {_FAMILY[int(i)] for i in ids}
        if len(families) > 1:
            detail = ", ".join(f"{n} {_TYPE_NAME[int(i)]}" for i, n in zip(ids, counts))
            self.report.warning("mixed-geometry-types",
                                f"the layer mixes geometry types ({detail}); it loads, but "
                                "styles and exports treat each type differently")


def total_bounds(geoms: np.ndarray):
    """``(minlon, minlat, maxlon, maxlat)`` of the non-null geometries, or None."""
    present = geoms[~shapely.is_missing(geoms)]
    if len(present) == 0:
        return None
    bounds = shapely.total_bounds(present)
    if not np.isfinite(bounds).all():
        return None
    return tuple(float(v) for v in bounds)
