"""Shared by the io tests: what `parksgis validate` must say about each file in tests/data/."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"

# file -> (exit code, {problem codes}, features loaded or None when the file is not loaded)
EXPECTED = {
    "gbk_names.geojson": (0, {"gbk-encoding"}, 3),
    "utf8_bom.geojson": (0, set(), 3),
    "utf16_bom.geojson": (0, set(), 1),
    "undecodable.geojson": (1, {"undecodable-text"}, None),
    "legacy_crs_4546.geojson": (0, set(), 1),
    "cgcs2000_4490.geojson": (0, set(), 3),
    "projected_no_crs.geojson": (1, {"projected-no-crs"}, None),
    "unknown_crs.geojson": (1, {"unknown-crs"}, None),
    "gcj02_points.geojson": (0, set(), 3),
    "bd09_points.geojson": (0, set(), 3),
    "bowtie_polygon.geojson": (0, {"invalid-geometry-repaired"}, 2),
    "unclosed_ring.geojson": (0, {"unclosed-ring-repaired"}, 1),
    "null_geometry.geojson": (0, {"null-geometry"}, 2),
    "empty_geometry.geojson": (0, {"empty-geometry"}, 2),
    "unknown_type.geojson": (1, {"unknown-geometry-type"}, 1),
    "nan_coords.geojson": (1, {"non-finite-coordinates"}, 1),
    "out_of_range.geojson": (1, {"coordinates-out-of-range"}, 1),
    "swapped_latlon.geojson": (0, {"swapped-lat-lon"}, 3),
    "mixed_types.geojson": (0, {"mixed-geometry-types"}, 3),
    "polygon_and_multipolygon.geojson": (0, set(), 2),
    "duplicate_ids.geojson": (0, {"duplicate-feature-id"}, 3),
    "invalid_coordinates.geojson": (1, {"invalid-coordinates"}, 1),
    "z_coordinates.geojson": (0, set(), 1),
    "geometry_collection.geojson": (0, set(), 1),
    "nested_properties.geojson": (0, set(), 1),
    "single_feature.geojson": (0, set(), 1),
    "bare_geometry.geojson": (0, set(), 1),
    "empty_collection.geojson": (0, {"no-features"}, 0),
    "empty.geojson": (1, {"file-empty"}, None),
    "truncated.geojson": (1, {"truncated-json"}, None),
    "not_json.geojson": (1, {"not-json"}, None),
    "garbage.bin.geojson": (1, {"binary-file"}, None),
    "not_geojson.json": (1, {"not-geojson"}, None),
    "topojson.json": (1, {"not-geojson"}, None),
    "deep_nesting.geojson": (1, {"too-deeply-nested"}, None),
    "folder.geojson": (1, {"unreadable"}, None),
    "plots_4546.gpkg": (0, set(), 2),
    "shapefile_gbk/utilities.shp": (0, set(), 2),
    "shapefile_gbk_no_cpg/utilities.shp": (0, {"gbk-encoding"}, 2),
    "roads.fgb": (0, set(), 1),
    "readme.txt": (1, {"unsupported-format"}, None),
    "no_such_file.geojson": (1, {"file-not-found"}, None),
}


def run_cli(*args, cwd=DATA, env_extra=None):
    """Run ``python -m parksgis ...`` in a subprocess; returns CompletedProcess (text)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("PYTHONIOENCODING", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "parksgis", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=120, encoding="utf-8", errors="replace")


@pytest.fixture
def data() -> Path:
    return DATA


def pytest_generate_tests(metafunc):
    """``data_case`` = (file name, (exit code, codes, features)) for every tests/data file."""
    if "data_case" in metafunc.fixturenames:
        cases = sorted(EXPECTED.items())
        metafunc.parametrize("data_case", cases, ids=[name for name, _ in cases])


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def expected():
    return EXPECTED
