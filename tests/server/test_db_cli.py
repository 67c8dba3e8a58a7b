"""``parksgis db init/load/dump``: the schema, a load that is one idempotent transaction, and a
dump that gives back the source, register included."""

from __future__ import annotations

import json

import psycopg

from parksgis.app.workspace import load_workspace
from parksgis.store.register import RegisterStore


def _layer_tables(url):
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT table_name, (SELECT count(*) FROM pg_indexes i WHERE "
                            "i.schemaname = 'parksgis' AND i.tablename = l.table_name AND "
                            "i.indexdef LIKE '%gist%') FROM parksgis.layers l ORDER BY position").fetchall()


def test_init_load_dump_round_trip(loaded_url, sample_layers, tmp_path, cli):
    tables = _layer_tables(loaded_url)
    assert len(tables) == 18 and all(gist == 1 for _, gist in tables)  # each layer: a GiST index

    code, out, err = cli("db", "dump", loaded_url, "-o", tmp_path / "dump")
    assert code == 0, err
    assert "18 layers (69 features), 34 projects, 390 history rows" in out

    source, _ = load_workspace(sample_layers)
    dumped, reports = load_workspace(tmp_path / "dump")
    assert all(r.ok and not r.problems for r in reports), [r.lines() for r in reports if r.problems]
    assert [p.park_id for p in dumped.parks] == [p.park_id for p in source.parks]
    assert dumped.kpis == source.kpis and dumped.meta["data_note"] == source.meta["data_note"]
    assert [l.key for l in dumped.layers] == [l.key for l in source.layers]
    for a, b in zip(source.layers, dumped.layers):
        assert (a.kind, a.title_zh) == (b.kind, b.title_zh)
        assert list(a.frame.columns) == list(b.frame.columns)
        assert a.frame.drop(columns="geometry").equals(b.frame.drop(columns="geometry")), a.key
        assert a.frame.geometry.geom_equals_exact(b.frame.geometry, 1e-12).all(), a.key
    # the register: every row of every table, history ids, authors and stamps included
    with RegisterStore.for_folder(sample_layers, readonly=True) as src, \
            RegisterStore.open(tmp_path / "dump" / "register.sqlite") as back:
        assert back.dump() == src.dump()


def test_load_is_idempotent_and_keeps_server_edits(loaded_url, sample_layers, cli):
    assert cli("status", "set", loaded_url, "PORT-RD-JINGANG", "status=completed")[0] == 0
    code, out, _ = cli("db", "load", sample_layers, "--into", loaded_url)
    assert code == 0
    assert out.strip().splitlines()[-1] == (
        f"loaded {sample_layers}: layers: 0 written (0 features), 18 unchanged; projects: 0 new, "
        "34 already on the server (kept); history: 0 rows")
    code, out, _ = cli("status", "show", loaded_url, "PORT-RD-JINGANG")
    assert "status               completed" in out


def test_load_a_pack(pg_url, sample_layers, tmp_path, cli):
    assert cli("pack", "build", sample_layers, "-o", tmp_path / "port.gpkg", "--park", "port")[0] == 0
    assert cli("db", "init", pg_url)[0] == 0
    code, out, err = cli("db", "load", tmp_path / "port.gpkg", "--into", pg_url)
    assert code == 0, err
    with RegisterStore.open(tmp_path / "port.gpkg", readonly=True) as pack:
        expected = pack.projects()
    assert f"projects: {len(expected)} new, 0 already on the server" in out
    code, out, _ = cli("status", "as-of", pg_url, "2099-01-01")
    assert code == 0 and out.count("\n") == len(expected) + 1


def test_init_refuses_a_newer_schema_naming_both_versions(pg_url, cli):
    assert cli("db", "init", pg_url)[0] == 0
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE parksgis.meta SET value = '7' WHERE key = 'schema_version'")
    for argv in (("db", "init", pg_url), ("status", "show", pg_url, "X")):
        code, _, err = cli(*argv)
        assert code == 1
        assert err.strip().endswith("parksgis schema version 7 is newer than this parksgis supports "
                                    "(version 5); upgrade parksgis to use this database"), err


def test_history_is_append_only_even_for_the_owner(loaded_url):
    with psycopg.connect(loaded_url) as conn:
        for sql in ("DELETE FROM parksgis.history", "UPDATE parksgis.history SET author = 'x'",
                    "TRUNCATE parksgis.history"):
            try:
                conn.execute(sql)
            except psycopg.errors.InsufficientPrivilege as exc:
                assert "history is append-only" in str(exc)
                conn.rollback()
            else:
                raise AssertionError(f"{sql} was allowed")


def test_qgis_views_join_the_status(loaded_url):
    with psycopg.connect(loaded_url) as conn:
        conn.execute("UPDATE parksgis.projects SET status = 'suspended' WHERE project_id = 'PORT-RD-JINGANG'")
        rows = conn.execute("SELECT project_id, project_status, status_zh, status_color, ST_GeometryType(geom) "
                            'FROM parksgis."port__roads_status" WHERE project_id = %s',
                            ("PORT-RD-JINGANG",)).fetchall()
        assert rows and all(r[1:4] == ("suspended", "暂缓", rows[0][3]) for r in rows)
        assert rows[0][4] == "ST_LineString" and rows[0][3].startswith("#")
        # PostGIS lists the views, so QGIS offers them as layers
        listed = conn.execute("SELECT count(*) FROM geometry_columns WHERE f_table_schema = 'parksgis' "
                              "AND f_table_name LIKE '%%_status'").fetchone()[0]
        assert listed == 18
        meta = json.loads(conn.execute("SELECT value FROM parksgis.meta WHERE key = 'workspace'").fetchone()[0])
        assert [p["park_id"] for p in meta["parks_order"]] == ["port", "wanxiang", "environmental"]
