"""parksgis.files.AtomicFile: the one atomic replace every writer uses (exports, registers, packs,
change files, spreadsheets, projects.csv)."""

from __future__ import annotations

import os
import stat

import pytest

from parksgis.files import AtomicFile, umask_mode, write_bytes_atomic


def test_a_new_file_gets_the_umask_mode_and_no_temporary_is_left(tmp_path):
    old = os.umask(0o027)
    try:
        assert umask_mode() == 0o640
        path = write_bytes_atomic(tmp_path / "报告.json", b"{}\n")
    finally:
        os.umask(old)
    assert path.read_bytes() == b"{}\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["报告.json"]


def test_a_replaced_file_keeps_its_mode(tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o604)
    write_bytes_atomic(path, b"new")
    assert path.read_text(encoding="utf-8") == "new" and stat.S_IMODE(path.stat().st_mode) == 0o604


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "briefing.png"
    path.write_bytes(b"the last good export")
    with pytest.raises(RuntimeError, match="renderer failed"):
        with AtomicFile(path) as tmp:
            tmp.write_bytes(b"half a PNG")
            raise RuntimeError("renderer failed")
    assert path.read_bytes() == b"the last good export"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.png"]


def test_the_temporary_sits_beside_the_target_with_the_asked_ending(tmp_path):
    with AtomicFile(tmp_path / "field.gpkg", suffix=".tmp.gpkg") as tmp:
        assert tmp.parent == tmp_path and tmp.name.endswith(".tmp.gpkg") and not tmp.exists()
        tmp.write_bytes(b"x")
    assert (tmp_path / "field.gpkg").read_bytes() == b"x"
