"""The benchmark harness stays runnable: generate 200 plots, run every stage once, check the table.

Timings are not asserted (benchmarks are not timed tests); parts not built yet show "n/a".
"""

import json
import subprocess
import sys
from pathlib import Path

import geopandas
import pytest
import shapely

from benchmarks import generate
from benchmarks.targets import ROWS

REPO = Path(__file__).resolve().parent.parent


def test_generator_is_deterministic_and_valid(tmp_path):
    root = generate.generate(200, tmp_path / "a")
    again = generate.generate(200, tmp_path / "b")
    for a, b in zip(generate.layer_files(root), generate.layer_files(again)):
        assert a.read_bytes() == b.read_bytes()
    plots = geopandas.read_file(root / "bench" / "plots.geojson")
    assert len(plots) == 200
    assert shapely.is_valid(plots.geometry.values).all()
    vertices = shapely.get_num_coordinates(plots.geometry.values) - 1  # minus the closing point
    assert vertices.min() >= 5 and vertices.max() <= 10
    # non-overlapping: every plot stays inside its own cell
    assert shapely.STRtree(plots.geometry.values).query(plots.geometry.values, "intersects").shape[1] == 200
    assert set(plots["status"].dropna()) <= set(generate.STATUSES)
    minx, miny, maxx, maxy = plots.total_bounds
    assert 111.8 < minx < maxx < 112.0 and 21.7 < miny < maxy < 21.9
    assert len(geopandas.read_file(root / "bench" / "utilities.geojson")) == 20
    projects = (root / "projects.csv").read_text(encoding="utf-8").splitlines()
    assert len(projects) == 1 + 20 and projects[0].startswith("project_id,")
    assert json.loads((root / "parks.json").read_text(encoding="utf-8"))["parks"][0]["park_id"] == "bench"


@pytest.mark.slow
def test_harness_runs_and_prints_every_row(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "200", "--repeat", "1", "--qgis", "off",
         "--out", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=300, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert table in result.stdout
    rows = [line for line in table.splitlines() if line.startswith("| 200 |")]
    assert [line.split(" | ")[1] for line in rows] == [row.label for row in ROWS]
    for line in rows:  # every cell is a number, a dash or a reason, never empty for parksgis
        assert line.split(" | ")[2].strip()
    assert "Traceback" not in table
