"""Command-line promises under attack (issue 14, points 7, 8, 11, 14, 16, 17): no success reported
where nothing was saved, no file replaced by the wrong output, no write into a damaged pack, one
clear line (never "internal error") and the same exit code for the same kind of mistake."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat

import pytest

from parksgis import cli
from parksgis.pack import export_changes, open_pack, verify_pack


def _history_rows(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM parksgis_history").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def layers(sample_layers, tmp_path):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite"))
    return folder


# -- point 7: an output path that is an input ---------------------------------------------------
def test_an_output_that_is_an_input_or_a_pack_is_refused(pack, tmp_path, capsys, workspace):
    before = pack.read_bytes()
    assert cli.main(["pack", "export-changes", str(pack), "-o", str(pack)]) == 2
    assert f"-o {pack}: that is the input {pack}; write the output to another file" in \
        capsys.readouterr().err
    other = tmp_path / "other.gpkg"
    shutil.copy(pack, other)
    assert cli.main(["pack", "export-changes", str(pack), "-o", str(other)]) == 2
    assert "is a pack or register (an SQLite file); refusing to overwrite it" in \
        capsys.readouterr().err
    assert cli.main(["pack", "export-changes", str(pack), "-o", str(tmp_path / "new.gpkg")]) == 2
    assert "a change file is JSON; name it .json" in capsys.readouterr().err
    register = tmp_path / "register.json"
    shutil.copy(pack, register)  # any existing SQLite file, whatever its name
    assert cli.main(["pack", "export-changes", str(pack), "-o", str(register)]) == 2
    assert "is a pack or register (an SQLite file); refusing to overwrite it" in \
        capsys.readouterr().err
    assert cli.main(["status", "export", str(pack), "-o", str(tmp_path)]) == 2  # a folder
    assert cli.main(["render", str(pack), "-o", str(tmp_path / "x.png" / ".."), "--park", "port"]) == 2
    assert pack.read_bytes() == before and other.read_bytes() == before
    assert verify_pack(pack).ok


# -- point 8: import into a folder the user cannot write --------------------------------------
def test_import_into_an_unwritable_folder_saves_nothing_and_says_so(layers, tmp_path,
                                                                     unprivileged):
    sheet = tmp_path / "week.csv"
    sheet.write_text("project_id,status,progress_pct\nPORT-FILL-3,在建,5\n", encoding="utf-8")
    layers.chmod(0o555)
    try:
        done = unprivileged.cli("status", "import", str(sheet), "--into", str(layers))
    finally:
        layers.chmod(0o755)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "history rows written" not in done.stdout
    assert done.stderr.strip() == (
        f"parksgis status: {layers}: cannot save the register here: the folder is not writable (no "
        "register.sqlite can be created); nothing was imported — copy the folder somewhere you can "
        "write")
    assert not (layers / "register.sqlite").exists()
    # a dry run there still shows what would change
    layers.chmod(0o555)
    try:
        dry = unprivileged.cli("status", "import", str(sheet), "--into", str(layers), "--dry-run")
    finally:
        layers.chmod(0o755)
    assert dry.returncode == 0 and "dry run: nothing written" in dry.stdout


# -- point 11: commands that write verify the pack first --------------------------------------
def _tamper_frozen(pack):
    conn = sqlite3.connect(pack)
    conn.execute("UPDATE parksgis_parks SET name_zh = '篡改' WHERE park_id = 'port'")
    conn.commit()
    conn.close()


def _drop_manifest(pack):
    conn = sqlite3.connect(pack)
    conn.execute("DROP TABLE parksgis_manifest")
    conn.commit()
    conn.close()


def _break_an_index(pack):
    """Zero part of an index page: only SQLite's integrity check sees it (the rows read fine)."""
    conn = sqlite3.connect(pack)
    page = conn.execute("SELECT rootpage FROM sqlite_master "
                        "WHERE name = 'sqlite_autoindex_parksgis_parks_1'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(pack, "r+b") as file:
        file.seek((page - 1) * size + 8)
        file.write(bytes(40))


@pytest.mark.parametrize("damage, message", [
    (_tamper_frozen, "refused: table parksgis_parks: content changed since the build (hash mismatch)"),
    ("format", "pack format version 999 is newer than this parksgis supports"),
    (_drop_manifest, "not a parksgis pack: it has no parksgis_manifest"),
    (_break_an_index, "refused: SQLite integrity check: On tree page"),
])
def test_damaged_packs_are_refused_by_every_command_that_reads_or_writes_their_register(
        pack, tmp_path, capsys, damage, message, gpkg_connect, run_cli):
    edit = tmp_path / "edit.gpkg"
    shutil.copy(pack, edit)
    _ws, handle = open_pack(edit)
    handle.update("P-2", {"status": "approved"}, author="李工")
    handle.close()
    changes = tmp_path / "c.json"
    export_changes(edit, changes)
    if damage == "format":
        from parksgis.pack import format as fmt

        conn = gpkg_connect(pack)
        manifest = fmt.read_manifest(conn)
        manifest["format_version"] = "999"
        fmt.write_manifest(conn, manifest)
        conn.commit()
        conn.close()
    else:
        damage(pack)
    rows = _history_rows(pack)
    sheet = tmp_path / "s.csv"
    sheet.write_text("project_id,status\nP-1,completed\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    # every command that writes into the pack or reads it: what verify says, in one line, exit 1
    for argv in (["status", "import", str(sheet), "--into", str(pack)],
                 ["status", "undo", str(pack)],
                 ["status", "set", str(pack), "P-1", "status=completed"],
                 ["status", "show", str(pack), "P-1"],
                 ["status", "export", str(pack), "-o", str(out / "s.csv")],
                 ["status", "as-of", str(pack), "2014-07-01"],
                 ["status", "compare", str(pack), "2014-01-01", "2014-07-01"],
                 ["pack", "merge", str(pack), str(changes)],
                 ["pack", "info", str(pack)],
                 ["pack", "export-changes", str(pack), "-o", str(out / "c.json")],
                 ["pack", "conflicts", str(pack)],
                 ["render", str(pack), "-o", str(out / "page.png")]):
        if argv[0] == "render":  # in its own process: rendering sets up Qt for painting
            done = run_cli(*argv)
            code, err = done.returncode, done.stderr
        else:
            code, err = cli.main(argv), capsys.readouterr().err
        assert code == 1, argv
        assert message in err and "internal error" not in err, (argv, err)
        assert len(err.strip().splitlines()) == 1, (argv, err)
    assert _history_rows(pack) == rows
    assert list(out.iterdir()) == []  # no output written from a damaged pack
    assert cli.main(["pack", "verify", str(pack)]) == 1
    assert message.removeprefix("refused: ") in capsys.readouterr().out


# -- point 14: each former "internal error" has its own line ----------------------------------
def test_former_internal_errors_get_their_own_lines(layers, pack, tmp_path, capsys, run_cli):
    cases = [
        (["status", "as-of", str(layers), "9999-12-31"], 0, "as of 9999-12-31 (end of day, China time)"),
        (["gui", str(layers), "--crs", "EPSG:99999"], 2, "unknown CRS 'EPSG:99999'"),
        (["render", str(layers), "-o", str(tmp_path), "--park", "port"], 2, ""),
        (["status", "export", str(layers), "-o", str(tmp_path / "d.xlsx")], 0, ""),
    ]
    (tmp_path / "d.xlsx").mkdir()
    cases[-1] = (["status", "export", str(layers), "-o", str(tmp_path / "d.xlsx")], 2,
                 f"-o {tmp_path / 'd.xlsx'}: is a folder; give a file name")
    for argv, code, text in cases:
        assert cli.main(argv) == code, argv
        captured = capsys.readouterr()
        assert text in captured.out + captured.err and "internal error" not in captured.err, argv
    rendered = run_cli("render", str(layers), "--as-of", "9999-12-31", "--park", "port",
                       "-o", str(tmp_path / "p.png"))
    assert rendered.returncode == 0 and "internal error" not in rendered.stderr
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert cli.main(["pack", "merge", str(layers), str(deep)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"parksgis pack: {deep}: not a parksgis change file: JSON nested too deeply")
    _ws, handle = open_pack(pack)
    handle.update("P-2", {"status": "approved"}, author="李工")
    handle.close()
    document = export_changes(pack, tmp_path / "c.json")
    for field, value, said in (("actual_start", "2014-02-30", "'2014-02-30' is not a date"),
                               ("progress_pct", "abc", "'abc' is not a number")):
        bad = dict(document, changes=document["changes"] + [
            {"change_id": "x", "project_id": "P-1", "field": field, "base": None, "new": value}])
        (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
        assert cli.main(["pack", "merge", str(pack), str(tmp_path / "bad.json")]) == 1
        err = capsys.readouterr().err
        assert said in err and "internal error" not in err


def test_output_into_a_folder_the_user_cannot_write_is_one_line(layers, tmp_path, unprivileged):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        for argv in (["status", "export", str(layers), "-o", str(locked / "s.xlsx")],
                     ["render", str(layers), "--park", "port", "-o", str(locked / "p.png")],
                     ["pack", "build", str(layers), "--park", "port", "-o", str(locked / "p.gpkg")]):
            done = unprivileged.cli(*argv)
            assert done.returncode == 1, (argv, done.stderr)
            [line] = done.stderr.strip().splitlines()
            assert "internal error" not in line and str(locked) in line, (argv, line)
            assert "ermission denied" in line or "not writable" in line, line
    finally:
        locked.chmod(0o755)
    assert list(locked.iterdir()) == []


# -- point 16: exit codes ------------------------------------------------------------------------
def test_the_same_mistake_gets_the_same_exit_code_everywhere(layers, tmp_path, capsys, run_cli):
    nope = str(tmp_path / "nope")
    empty_file, empty_folder = tmp_path / "empty.gpkg", tmp_path / "empty"
    empty_file.touch()
    empty_folder.mkdir()
    cases = [
        # a missing SRC: 2 everywhere
        (["render", nope, "-o", str(tmp_path / "x.png")], 2, "no such"),
        (["status", "show", nope, "P"], 2, "no such"),
        (["pack", "build", nope, "-o", str(tmp_path / "x.gpkg")], 2, "no such layers folder"),
        (["pack", "merge", nope, str(tmp_path / "c.json")], 2, "no such layers folder or pack"),
        (["pack", "conflicts", nope], 2, "no such layers folder or pack"),
        (["pack", "verify", nope], 2, "no such"),
        (["pack", "info", nope], 2, "no such pack"),
        # an unknown park: 2 everywhere
        (["render", str(layers), "--park", "nope", "-o", str(tmp_path / "x.png")], 2,
         "--park: unknown park 'nope'"),
        (["pack", "build", str(layers), "--park", "nope", "-o", str(tmp_path / "x.gpkg")], 2,
         "--park: unknown park 'nope'"),
        (["status", "as-of", str(layers), "2014-07-01", "--park", "nope"], 2,
         "--park: unknown park 'nope'; known: environmental, port, wanxiang"),
        (["render", str(layers), "--park", "", "-o", str(tmp_path / "x.png")], 2,
         "--park: an empty park id"),
        # bad values are refused, not replaced
        (["render", str(layers), "--dpi", "0", "-o", str(tmp_path / "x.png")], 2,
         "--dpi: 0 is outside 30..1200"),
        (["render", str(layers), "--dpi", "1", "-o", str(tmp_path / "x.png")], 2,
         "--dpi: 1 is outside 30..1200"),
        (["render", str(layers), "--bbox", "0,0,1,1", "-o", str(tmp_path / "x.png")], 2,
         "--bbox 0,0,1,1: no feature of the layers lies in this box"),
        # conflicts of something that is no target: 1 with what it is
        (["pack", "conflicts", str(empty_file)], 1, "not a GeoPackage"),
        (["pack", "conflicts", str(empty_folder)], 1, "not a layers folder"),
    ]
    for argv, code, text in cases:
        if argv[0] == "render":  # draws with Qt: in its own process, as a user runs it
            done = run_cli(*argv)
            assert done.returncode == code, (argv, done.stderr)
            err = done.stderr
        else:
            assert cli.main(argv) == code, argv
            err = capsys.readouterr().err
        assert text in err, (argv, err)
    assert not (tmp_path / "x.png").exists() and not (tmp_path / "x.gpkg").exists()


# -- point 17: messages that say what is wrong -------------------------------------------------
def test_messages_name_the_real_problem(pack, layers, tmp_path, capsys, run_cli):
    _ws, handle = open_pack(pack)
    handle.update("P-2", {"status": "approved"}, author="李工")
    handle.close()
    document = export_changes(pack, tmp_path / "c.json")
    del document["pack"]
    (tmp_path / "nopack.json").write_text(json.dumps(document), encoding="utf-8")
    assert cli.main(["pack", "merge", str(layers), str(tmp_path / "nopack.json")]) == 1
    assert "change file names no pack (missing pack.pack_id)" in capsys.readouterr().err
    assert cli.main(["pack", "export-changes", str(layers), "-o", str(tmp_path / "x.json")]) == 2
    assert "is a folder; export-changes reads a pack .gpkg" in capsys.readouterr().err
    renamed = tmp_path / "port.zip"
    shutil.copy(pack, renamed)
    done = run_cli("render", str(renamed), "-o", str(tmp_path / "z.png"))
    assert done.returncode == 1
    err = done.stderr
    assert "is a GeoPackage (a layer pack?) named .zip" in err and "rename it to .gpkg" in err
    assert "vsizip" not in err


def test_a_pack_with_dropped_tables_is_one_line_not_a_screen_of_gdal_warnings(pack, tmp_path,
                                                                              run_cli):
    _drop_manifest(pack)
    conn = sqlite3.connect(pack)
    conn.execute("DROP TABLE parksgis_layers")
    conn.commit()
    conn.close()
    for argv in (["status", "show", str(pack), "P-1"], ["pack", "verify", str(pack)],
                 ["render", str(pack), "-o", str(tmp_path / "d.png")]):
        done = run_cli(*argv)
        assert "RuntimeWarning" not in done.stderr and len(done.stderr.splitlines()) <= 2, (
            argv, done.stderr)
