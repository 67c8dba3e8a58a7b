"""Many vertices projected through a polynomial fitted to PROJ: within 0.1 mm of PROJ wherever it
is used, and PROJ itself wherever the fit cannot promise that."""

from __future__ import annotations

import numpy as np
import pytest

from parksgis.render import fitted_projection
from parksgis.render.fitted_projection import MIN_VERTICES, TOLERANCE_M, project_xy
from parksgis.render.geometry import project_geometries, transformer_to


def lonlat(n, west, south, size, seed=7):
    rng = np.random.default_rng(seed)
    return np.column_stack([west + rng.random(n) * size, south + rng.random(n) * size])


def proj(crs, xy):
    return np.column_stack(transformer_to(crs).transform(xy[:, 0], xy[:, 1]))


@pytest.mark.parametrize("crs", ["EPSG:4546", "EPSG:3857", "EPSG:32649"])
@pytest.mark.parametrize("size", [0.02, 0.4, 1.5])  # a plot's street, a park, the three parks and more
def test_over_the_parks_the_fit_is_used_and_within_a_tenth_of_a_millimetre_of_proj(crs, size):
    xy = lonlat(MIN_VERTICES * 3, 111.2, 21.5, size)
    assert fitted_projection._fit(transformer_to(crs), xy) is not None  # the quick path is taken
    error = np.abs(project_xy(transformer_to(crs), xy) - proj(crs, xy)).max()
    assert error <= TOLERANCE_M


def test_a_box_too_big_for_the_fit_is_projected_by_proj_itself():
    xy = lonlat(MIN_VERTICES * 2, 100.0, 10.0, 25.0)  # far from the CRS's central meridian
    assert fitted_projection._fit(transformer_to("EPSG:4546"), xy) is None
    assert np.array_equal(project_xy(transformer_to("EPSG:4546"), xy), proj("EPSG:4546", xy))


def test_missing_coordinates_and_few_vertices_go_to_proj_unchanged():
    xy = lonlat(MIN_VERTICES * 2, 111.2, 21.5, 0.4)
    xy[17] = np.nan
    got = project_xy(transformer_to("EPSG:4546"), xy)
    assert np.isnan(got[17]).all()
    assert np.array_equal(got, proj("EPSG:4546", xy), equal_nan=True)
    few = xy[:100]
    assert np.array_equal(project_xy(transformer_to("EPSG:4546"), few), proj("EPSG:4546", few), equal_nan=True)


def test_projected_shapes_keep_their_vertices_in_place():
    import shapely

    corners = lonlat(MIN_VERTICES, 111.2, 21.5, 0.4)
    boxes = shapely.box(corners[:, 0], corners[:, 1], corners[:, 0] + 1e-4, corners[:, 1] + 1e-4)
    got = shapely.get_coordinates(project_geometries(boxes, "EPSG:4546"))
    expected = proj("EPSG:4546", shapely.get_coordinates(boxes))
    assert np.abs(got - expected).max() <= TOLERANCE_M
