"""Packs are GeoPackages that GDAL's validator accepts (issue 14, point 19): every attribute table
has an INTEGER PRIMARY KEY (text keys are UNIQUE), before and after edits and merges."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from parksgis.pack import build_pack, export_changes, merge_changes, open_pack

VALIDATOR = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
SYSTEM_PYTHON = Path("/usr/bin/python3")

pytestmark = pytest.mark.skipif(not (VALIDATOR.is_file() and SYSTEM_PYTHON.is_file()),
                                reason="GDAL's validate_gpkg.py (Debian python3-gdal) is not installed")


def validator_errors(path: Path) -> list[str]:
    """The validator's complaints, less those that are only its age (see MEASURED.md).

    Debian's copy (GDAL 3.6) predates GeoPackage 1.4, whose R-tree triggers are named
    ``..._update6/7`` instead of ``update1/3``, which GDAL itself writes now.
    """
    done = subprocess.run([str(SYSTEM_PYTHON), str(VALIDATOR), "-k", str(path)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return [line for line in lines
            if not (line.startswith("Req 75: rtree_") and line.endswith(
                ("_update1 trigger missing", "_update3 trigger missing")))]


def test_a_pack_validates_as_built_edited_and_merged(workspace, sample_layers, tmp_path):
    field = tmp_path / "field.gpkg"
    build_pack(workspace, field)
    assert validator_errors(field) == []
    hq = tmp_path / "hq.gpkg"
    shutil.copy(field, hq)
    _ws, handle = open_pack(field)
    handle.update("P-1", {"status": "completed"}, author="李工")
    handle.close()
    export_changes(field, tmp_path / "c.json")
    with open_pack(hq)[1].register as store:
        store.update("P-1", {"status": "suspended"}, author="总部")  # a conflict: both tables used
    merge_changes(hq, [tmp_path / "c.json"])
    assert validator_errors(field) == []
    assert validator_errors(hq) == []
    from parksgis.app.packs import build_pack_from

    sample = tmp_path / "sample.gpkg"
    build_pack_from(sample_layers, sample)
    assert validator_errors(sample) == []
