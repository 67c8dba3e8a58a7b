"""GCJ-02 / BD-09 <-> WGS84: round trips exact to far below 1 cm over Yangjiang."""

import numpy as np
import pytest

from parksgis.io import offsets

M_PER_DEG_LAT = 110_574.0


def metres(lon1, lat1, lon2, lat2):
    dx = (lon1 - lon2) * 111_320.0 * np.cos(np.radians(lat1))
    dy = (lat1 - lat2) * M_PER_DEG_LAT
    return np.hypot(dx, dy)


@pytest.fixture
def yangjiang_grid():
    lon, lat = np.meshgrid(np.linspace(111.2, 112.4, 61), np.linspace(21.4, 22.3, 46))
    return lon.ravel(), lat.ravel()


def test_gcj02_round_trip_below_1cm(yangjiang_grid):
    lon, lat = yangjiang_grid
    glon, glat = offsets.wgs84_to_gcj02(lon, lat)
    shift = metres(glon, glat, lon, lat)
    assert 300 < shift.min() and shift.max() < 800  # the real offset here: several hundred m
    back_lon, back_lat = offsets.gcj02_to_wgs84(glon, glat)
    assert metres(back_lon, back_lat, lon, lat).max() < 0.01


def test_bd09_round_trip_below_1cm(yangjiang_grid):
    lon, lat = yangjiang_grid
    blon, blat = offsets.wgs84_to_bd09(lon, lat)
    assert metres(blon, blat, lon, lat).min() > 800
    back_lon, back_lat = offsets.bd09_to_wgs84(blon, blat)
    assert metres(back_lon, back_lat, lon, lat).max() < 0.01
    glon, glat = offsets.wgs84_to_gcj02(lon, lat)
    g2lon, g2lat = offsets.bd09_to_gcj02(*offsets.gcj02_to_bd09(glon, glat))
    assert metres(g2lon, g2lat, glon, glat).max() < 0.01


def test_known_value_beijing():
    # The widely published GCJ-02 value for Tiananmen's WGS84 (116.397, 39.908).
    lon, lat = offsets.wgs84_to_gcj02(np.array([116.397]), np.array([39.908]))
    assert lon[0] == pytest.approx(116.40324, abs=1e-5)
    assert lat[0] == pytest.approx(39.90940, abs=1e-5)


def test_outside_china_unchanged_and_nan_passes_through():
    lon = np.array([2.35, np.nan, 111.9])
    lat = np.array([48.85, 21.7, np.nan])
    glon, glat = offsets.wgs84_to_gcj02(lon, lat)
    assert glon[0] == 2.35 and glat[0] == 48.85
    back = offsets.gcj02_to_wgs84(glon, glat)
    assert back[0][0] == 2.35


def test_to_wgs84_on_xy_array_and_bad_name():
    xy = np.column_stack(offsets.wgs84_to_gcj02(np.array([111.94]), np.array([21.72])))
    assert offsets.to_wgs84(xy, "gcj02") == pytest.approx(np.array([[111.94, 21.72]]), abs=1e-9)
    with pytest.raises(ValueError, match="unknown offset 'wgs'"):
        offsets.to_wgs84(xy, "wgs")
