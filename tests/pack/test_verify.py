"""verify, info and open on good, tampered, truncated, foreign, newer and older packs."""

from __future__ import annotations

import shutil

import geopandas as gpd
import pyogrio
import pytest
import shapely

from parksgis import cli
from parksgis.pack import (PackCorruptError, PackVersionError, open_pack, pack_info, verify_pack)
from parksgis.pack import format as fmt


def test_info_cli(pack, capsys):
    assert cli.main(["pack", "info", str(pack)]) == 0
    out = capsys.readouterr().out
    assert "title:       港口片区 field pack" in out
    assert "format:      version 2" in out
    assert "parks:       port 港口片区, wanxiang 万象工业园" in out
    assert "register:    4 projects, 0 field edits since the build, 0 open conflicts" in out
    assert any(line.split()[:4] == ["port__plots", "plots", "3", "features"]
               for line in out.splitlines())
    assert "display CRS: EPSG:4546" in out


def test_verify_cli_good_pack(pack, capsys):
    assert cli.main(["pack", "verify", str(pack)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"{pack}: ok (format version 2, integrity, content hashes and register checked)")


def test_tampered_layer_is_caught_by_verify_and_refused_on_open(pack, capsys, gpkg_connect):
    with gpkg_connect(pack) as conn:
        conn.execute("UPDATE port__plots SET name_zh = '三号地块' WHERE fid = 1")
    assert cli.main(["pack", "verify", str(pack)]) == 1
    assert capsys.readouterr().out.strip() == (
        f"{pack}: table port__plots: content changed since the build (hash mismatch)")
    with pytest.raises(PackCorruptError, match="refused: table port__plots: content changed"):
        open_pack(pack)


def test_deleted_feature_and_changed_register_are_named(pack, gpkg_connect):
    with gpkg_connect(pack) as conn:
        conn.execute("DELETE FROM port__roads WHERE fid = 2")
        conn.execute("UPDATE parksgis_projects SET status = 'completed' WHERE project_id = 'P-2'")
    problems = verify_pack(pack).problems
    assert "table port__roads: 1 rows, built with 2" in problems
    assert ("register: project P-2 field status is 'completed', but the baseline and history give "
            "'planned'") in problems


def test_edited_manifest_is_caught(pack, gpkg_connect):
    with gpkg_connect(pack) as conn:
        conn.execute("UPDATE parksgis_manifest SET value = '2099-01-01' WHERE key = 'as_of'")
    assert verify_pack(pack).problems == [
        "manifest: its entries differ from what was built (hash mismatch)"]


def test_truncated_random_and_empty_files(pack, tmp_path, capsys):
    truncated = tmp_path / "truncated.gpkg"
    half = pack.stat().st_size // 4096 // 2 * 4096  # whole pages: the header's count is what is wrong
    truncated.write_bytes(pack.read_bytes()[:half])
    random_bytes = tmp_path / "random.gpkg"
    random_bytes.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.gpkg"
    empty.write_bytes(b"")
    cases = {truncated: f"truncated: the file has {half} bytes but its header "
                        f"says {pack.stat().st_size}",
             random_bytes: "not a GeoPackage: the file is not an SQLite database",
             empty: "not a GeoPackage: the file is not an SQLite database"}
    for path, message in cases.items():
        assert verify_pack(path).problems == [message]
        with pytest.raises(PackCorruptError, match=message):
            open_pack(path)
        assert cli.main(["pack", "info", str(path)]) == 1
        assert capsys.readouterr().err.strip() == f"parksgis pack: {path}: {message}"


def test_bad_pack_cli_is_one_line_without_traceback(tmp_path, run_cli):
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    done = run_cli("pack", "verify", str(bad))
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert len((done.stdout + done.stderr).strip().splitlines()) == 1


def test_newer_pack_is_refused_naming_both_versions(pack, capsys, rewrite_manifest):
    rewrite_manifest(pack, format_version=3)
    message = r"pack format version 3 is newer than this parksgis supports \(version 2\)"
    with pytest.raises(PackVersionError, match=message):
        open_pack(pack)
    assert cli.main(["pack", "verify", str(pack)]) == 1
    assert "pack format version 3 is newer than this parksgis supports (version 2)" in \
        capsys.readouterr().out


def make_v1_pack(pack) -> None:
    """Turn a fresh pack into what format version 1 wrote: no pack id, no merge tables."""
    import sqlite3

    with sqlite3.connect(pack) as conn:
        for table in (fmt.CONFLICTS, fmt.APPLIED):
            conn.execute(f"DROP TABLE {table}")
            conn.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (table,))
        manifest = fmt.read_manifest(conn)
        for key in ("pack_id", "display_crs"):
            del manifest[key]
        manifest = {k: v for k, v in manifest.items() if not k.startswith(("sha256:", "rows:"))}
        manifest["format_version"] = "1"
        manifest.update(fmt.frozen_digests(conn, int(manifest["history_baseline"])))
        fmt.write_manifest(conn, manifest)


def test_v1_pack_is_migrated_on_open(pack, tmp_path):
    make_v1_pack(pack)
    assert verify_pack(pack).notes == [
        "pack format version 1: migrated to version 2 when opened for editing"]
    copy = tmp_path / "copy.gpkg"
    shutil.copy(pack, copy)
    _ws, handle = open_pack(pack)
    handle.close()
    assert handle.notes == ["pack migrated from format version 1 to 2"]
    assert handle.manifest["format_version"] == "2" and handle.manifest["display_crs"] == "EPSG:4546"
    result = verify_pack(pack)
    assert result.ok and result.notes == [] and result.manifest["pack_id"] == handle.pack_id
    assert dict(pyogrio.list_layers(pack))[fmt.CONFLICTS] is None  # the new merge tables
    # the same v1 pack migrated elsewhere gets the same identity
    _ws, again = open_pack(copy)
    again.close()
    assert again.pack_id == handle.pack_id


def test_v1_pack_read_only_is_read_as_v2_without_writing(pack):
    make_v1_pack(pack)
    before = pack.read_bytes()
    _ws, handle = open_pack(pack, read_only=True)
    handle.close()
    assert handle.manifest["format_version"] == "2" and handle.pack_id
    assert handle.notes == ["pack format version 1 read as version 2 (not migrated on disk: the "
                            "pack is read-only)"]
    assert pack.read_bytes() == before


def test_plain_geopackage_opens_as_layers_with_a_note(tmp_path):
    plain = tmp_path / "plain.gpkg"
    frame = gpd.GeoDataFrame({"name": ["a"]}, geometry=[shapely.Point(111.9, 21.8)], crs=4326)
    frame.to_file(plain, layer="sites", driver="GPKG")
    workspace, handle = open_pack(plain)
    assert not handle.is_pack and handle.read_only and handle.register is None
    assert handle.notes == ["no parksgis manifest: opened as plain layers, without a register; "
                            "edits cannot be saved"]
    assert [layer.key for layer in workspace.layers] == ["sites"]
    assert verify_pack(plain).problems == [
        "not a parksgis pack: there is no parksgis_manifest table (a plain GeoPackage opens as "
        "layers only)"]


def test_project_added_in_the_field_is_not_a_false_alarm(pack, gpkg_connect):
    from parksgis.model.project import Project

    _ws, handle = open_pack(pack)
    handle.register.add_projects([Project("P-9", "port", "九号地块", category="plot")], author="李工")
    handle.close()
    assert verify_pack(pack).ok
    with gpkg_connect(pack) as conn:  # a project slipped in without history is still caught
        conn.execute("INSERT INTO parksgis_projects (project_id, park, name_zh, status) "
                     "VALUES ('X-1', 'port', '伪造', 'planned')")
    assert verify_pack(pack).problems == [
        "register: project X-1 is neither in the pack's baseline nor in its history"]


def test_the_builds_quick_check_finds_a_damaged_page_that_the_full_check_finds(pack):
    """The build checks its own fresh file with SQLite's quick check: a page torn like a bad
    disk write is refused by it, as by the full check `pack verify` runs."""
    import sqlite3

    assert verify_pack(pack, hashes=False, quick=True).ok
    conn = sqlite3.connect(pack)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'parksgis_history'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(pack, "r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\x0d" + bytes(39))  # a leaf page header claiming nonsense
    quick = verify_pack(pack, hashes=False, quick=True)
    full = verify_pack(pack, hashes=False)
    assert not quick.ok and not full.ok
    assert quick.problems[0].startswith("SQLite integrity check: ") and quick.problems[0] in full.problems
