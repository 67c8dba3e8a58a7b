"""Packs are GeoPackages that GDAL's validator accepts (issue 14, point 19): every attribute table
has an INTEGER PRIMARY KEY (text keys are UNIQUE), before and after edits and merges."""

from __future__ import annotations

import shutil

from parksgis.pack import build_pack, export_changes, merge_changes, open_pack


def test_a_pack_validates_as_built_edited_and_merged(workspace, sample_layers, tmp_path,
                                                     validator_errors):
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
