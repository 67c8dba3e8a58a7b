"""Packs from and back to the server: a field office's changes merge into the database with the
folder merge's rules — applied when the server still holds the base, a conflict (both values
kept, nothing applied) when headquarters changed the field too, a re-merge changes nothing."""

from __future__ import annotations

import psycopg


def test_pack_round_trip_through_the_server(loaded_url, tmp_path, cli):
    pack = tmp_path / "port.gpkg"
    assert cli("pack", "build", loaded_url, "-o", pack, "--park", "port")[0] == 0
    # the field office edits the pack offline
    assert cli("status", "set", pack, "PORT-FILL-3", "status=under_construction", "--author", "现场 李工")[0] == 0
    assert cli("status", "set", pack, "PORT-FILL-4", "progress_pct=30", "--author", "现场 李工")[0] == 0
    # meanwhile headquarters changes one of those fields on the server
    assert cli("status", "set", loaded_url, "PORT-FILL-4", "progress_pct=50", "--author", "HQ")[0] == 0
    assert cli("pack", "export-changes", pack, "-o", tmp_path / "c.json")[0] == 0

    code, out, err = cli("pack", "merge", loaded_url, tmp_path / "c.json")
    assert code == 1, err
    assert "merged    PORT-FILL-3 status: approved -> under_construction (现场 李工)" in out
    assert "conflict" in out and "PORT-FILL-4 progress_pct: base 0.0, field 30.0, target 50.0" in out
    with psycopg.connect(loaded_url) as conn:
        rows = conn.execute("SELECT field, new, author, source FROM parksgis.history WHERE project_id = "
                            "'PORT-FILL-3' AND source LIKE 'pack:%%'").fetchall()
        assert [(r[0], r[1], r[2]) for r in rows] == [("status", "under_construction", "现场 李工")]
        assert conn.execute("SELECT progress_pct FROM parksgis.projects WHERE project_id = "
                            "'PORT-FILL-4'").fetchone()[0] == 50.0  # headquarters' value kept

    code, out, _ = cli("pack", "merge", loaded_url, tmp_path / "c.json")  # again: nothing new
    assert code == 1 and "0 merged, 0 already there, 2 merged before, 0 new conflicts" in out

    code, out, _ = cli("pack", "conflicts", loaded_url, "--take", "field", "--author", "HQ chief")
    assert code == 0 and "took field" in out and out.strip().endswith("0 conflicts open")
    with psycopg.connect(loaded_url) as conn:
        assert conn.execute("SELECT progress_pct FROM parksgis.projects WHERE project_id = "
                            "'PORT-FILL-4'").fetchone()[0] == 30.0


def test_init_migrates_a_version_1_schema(pg_url, cli):
    from parksgis.server import schema

    with psycopg.connect(pg_url) as conn:  # a database made by the first parksgis with a server
        for ddl in schema.DDL_V1:
            conn.execute(ddl)
        conn.execute("INSERT INTO parksgis.meta VALUES ('schema_version', '1')")
    code, _, err = cli("status", "show", pg_url, "P")
    assert code == 1 and "parksgis schema version 1 is older than this parksgis (version 5)" in err
    code, out, _ = cli("db", "init", pg_url)
    assert code == 0 and out.strip().endswith("migrated schema parksgis from version 1 to 5")
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT to_regclass('parksgis.conflicts') IS NOT NULL").fetchone()[0]
        assert conn.execute("SELECT to_regclass('parksgis.history_edit') IS NOT NULL").fetchone()[0]
        assert conn.execute("SELECT to_regclass('parksgis.bands') IS NOT NULL").fetchone()[0]
        assert conn.execute("SELECT to_regclass('parksgis.cell_features') IS NOT NULL").fetchone()[0]
