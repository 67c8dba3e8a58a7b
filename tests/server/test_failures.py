"""Every way a database source can fail is one line on stderr, exit 2 for usage and 1 for the
server or the data, never a traceback — and a server killed mid-import leaves nothing applied."""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg
import pytest


def test_malformed_connection_string_is_a_usage_error(cli):
    code, _, err = cli("status", "show", "postgresql://postgres@localhost:notaport/x", "P")
    assert code == 2
    assert err.startswith("parksgis status: postgresql://postgres@localhost:notaport/x: not a valid "
                          "PostgreSQL connection string (")
    code, _, err = cli("db", "init", "layers/")
    assert (code, err.strip()) == (2, "parksgis db: layers/: not a database; give postgresql://... or service=NAME")


def test_unknown_service_is_a_usage_error(cli, tmp_path, monkeypatch):
    (tmp_path / "services").write_text("[hq]\nhost=/nonexistent\ndbname=parks\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "services"))
    code, _, err = cli("status", "show", "service=nosuch", "P")
    assert code == 2 and err.startswith("parksgis status: service=nosuch: ") and "nosuch" in err.split(": ", 2)[2]


def test_server_down(cli, tmp_path):
    url = f"postgresql://postgres@/parks?host={tmp_path}"  # no server listens there
    code, _, err = cli("status", "show", url, "P")
    assert code == 1
    assert err.startswith(f"parksgis status: {url}: cannot reach the database server; is it running "
                          "and is the address right? (")
    assert len(err.strip().splitlines()) == 1


def test_wrong_password_is_named_and_never_printed(users, monkeypatch, cli):
    monkeypatch.setenv("PGPASSWORD", "not-her-password")
    code, _, err = cli("status", "show", users["alice"], "P")
    assert (code, err.strip()) == (1, f"parksgis status: {users['alice']}: password authentication failed "
                                      "for user alice; parksgis stores no passwords: put it in ~/.pgpass, "
                                      "the service file or PGPASSWORD")
    # a password written into the URL is blanked in every message
    with_pw = users["alice"].replace("alice@", "alice:s3cret@")
    code, _, err = cli("status", "show", with_pw, "P")
    assert code == 1 and "s3cret" not in err and f"parksgis status: {users['alice']}: " in err


def test_pgpass_file_supplies_the_password(users, tmp_path, monkeypatch, cli):
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("*:*:*:alice:pw-alice\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    code, out, err = cli("status", "show", users["alice"], "PORT-RD-JINGANG")
    assert code == 0, err
    assert "under_construction" in out


def test_database_without_postgis(pg_cluster, cli):
    dbname = pg_cluster.new_database(postgis=False)
    pg_cluster.add_role("dave", "pw-dave")
    pg_cluster.psql(f'ALTER DATABASE "{dbname}" OWNER TO dave')
    url = pg_cluster.url(dbname, "dave")
    os.environ["PGPASSWORD"] = "pw-dave"
    try:
        code, _, err = cli("db", "init", url)
    finally:
        del os.environ["PGPASSWORD"]
    assert code == 1
    assert err.startswith(f"parksgis db: {url}: the PostGIS extension is not installed in this database "
                          "and could not be created (permission denied to create extension")
    assert err.strip().endswith("a database superuser runs: CREATE EXTENSION postgis")


def test_database_without_parksgis_schema(pg_url, cli):
    code, _, err = cli("status", "show", pg_url, "P")
    assert (code, err.strip()) == (1, f"parksgis status: {pg_url}: holds no parksgis register (no schema "
                                      "parksgis); an admin runs: parksgis db init URL, then parksgis db load")


def test_missing_database(pg_cluster, cli):
    url = pg_cluster.url("no_such_db")
    code, _, err = cli("status", "show", url, "P")
    assert code == 1 and 'database "no_such_db" does not exist (create it, then run parksgis db init)' in err


@pytest.mark.slow
def test_server_killed_mid_import_applies_nothing(pg_cluster, pg_url, sample_layers, cli):
    assert cli("db", "init", pg_url)[0] == 0
    pg_cluster.psql("CHECKPOINT")  # the init survives the kill (the test cluster commits asynchronously)
    proc = subprocess.Popen([sys.executable, "-m", "parksgis", "db", "load", str(sample_layers), "--into", pg_url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        first = proc.stdout.readline()  # the load reports each layer as it writes it, inside its transaction
        assert first.startswith("layer "), first + proc.stderr.read()
        pg_cluster.kill()
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
        pg_cluster.stop("immediate")  # clears the killed server's leftovers
        pg_cluster.start()
    assert proc.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "lost the connection to the database server while loading" in lines[0] \
        and lines[0].endswith("nothing was changed"), err
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM parksgis.layers").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM parksgis.projects").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM parksgis.history").fetchone()[0] == 0
        assert conn.execute("SELECT to_regclass('parksgis.port__plots')").fetchone()[0] is None


def test_a_layer_table_dropped_by_hand_is_named_and_the_rest_still_drawn(pg_url, sample_layers, cli, tmp_path):
    assert cli("db", "init", pg_url)[0] == 0
    assert cli("db", "load", sample_layers, "--into", pg_url)[0] == 0
    with psycopg.connect(pg_url) as conn:  # an admin drops a layer in psql; its catalogue row stays
        conn.execute("DROP TABLE parksgis.port__roads CASCADE")
    # the page is drawn from the other layers; the missing one is named in one line
    code, _, err = cli("render", pg_url, "--park", "port", "-o", tmp_path / "p.png", "--size", "800x600")
    assert code == 0, err
    assert (tmp_path / "p.png").stat().st_size > 0
    warned = [line for line in err.splitlines() if "port__roads" in line]
    assert len(warned) == 1 and "the layer table is missing (dropped outside parksgis); 'parksgis db load' " \
                                "writes it again" in warned[0], err
    # a dump would not be the database: refused in one line, nothing written
    code, _, err = cli("db", "dump", pg_url, "-o", tmp_path / "dump")
    assert code == 1 and not (tmp_path / "dump").exists()
    assert err.strip().endswith("parksgis.port__roads: the layer table is missing (dropped outside parksgis); "
                                "'parksgis db load' writes it again; nothing was written"), err
    assert len(err.strip().splitlines()) == 1
    code, _, err = cli("pack", "build", pg_url, "-o", tmp_path / "field.gpkg")  # nor would a pack
    assert code == 1 and not (tmp_path / "field.gpkg").exists()
    assert "port__roads: error missing_table: the layer table is missing (dropped outside parksgis); " \
           "'parksgis db load' writes it again; nothing was written" in err and len(err.strip().splitlines()) == 1, err
    # the next load writes it again (its fingerprint is not taken as known), and all is as before
    code, out, err = cli("db", "load", sample_layers, "--into", pg_url)
    assert code == 0, err
    assert "roads: unchanged" not in "\n".join(line for line in out.splitlines() if "port/roads" in line)
    code, _, err = cli("render", pg_url, "--park", "port", "-o", tmp_path / "q.png", "--size", "800x600")
    assert code == 0 and "port__roads" not in err, err
    assert cli("db", "dump", pg_url, "-o", tmp_path / "dump")[0] == 0


def test_a_layer_column_dropped_renamed_or_retyped_by_hand_is_named_and_the_rest_still_drawn(
        pg_url, sample_layers, cli, tmp_path):
    assert cli("db", "init", pg_url)[0] == 0
    assert cli("db", "load", sample_layers, "--into", pg_url)[0] == 0
    with psycopg.connect(pg_url) as conn:  # an admin alters two layers in psql; their catalogue rows stay
        conn.execute("ALTER TABLE parksgis.port__plots DROP COLUMN industry CASCADE")
        conn.execute("ALTER TABLE parksgis.port__roads RENAME COLUMN fid TO 编号")
        conn.execute("DROP VIEW parksgis.port__utilities_status")  # PostgreSQL retypes no column a view reads
        conn.execute("ALTER TABLE parksgis.port__utilities ALTER COLUMN name_zh TYPE integer USING 0")
    code, _, err = cli("render", pg_url, "--park", "port", "-o", tmp_path / "p.png", "--size", "800x600")
    assert code == 0, err
    assert (tmp_path / "p.png").stat().st_size > 0
    plots = [line for line in err.splitlines() if "port__plots" in line]
    assert len(plots) == 1 and "the layer table has no column 'industry' (dropped or renamed outside parksgis); " \
                               "'parksgis db load' writes it again" in plots[0], err
    roads = [line for line in err.splitlines() if "port__roads" in line]
    assert len(roads) == 1 and "has no column 'fid'" in roads[0], err
    utilities = [line for line in err.splitlines() if "port__utilities" in line]
    assert len(utilities) == 1 and "the layer table's column 'name_zh' is integer, not text (altered outside " \
                                   "parksgis); 'parksgis db load' writes it again" in utilities[0], err
    code, _, err = cli("db", "dump", pg_url, "-o", tmp_path / "dump")  # the first one in layer order
    assert code == 1 and not (tmp_path / "dump").exists()
    assert err.strip().endswith("parksgis.port__plots: the layer table has no column 'industry' (dropped or renamed "
                                "outside parksgis); 'parksgis db load' writes it again; nothing was written"), err
    code, out, err = cli("db", "load", sample_layers, "--into", pg_url)  # both written again
    assert code == 0, err
    assert not [line for line in out.splitlines() if line.split(":")[0].endswith(("port/plots", "port/roads",
                                                                                   "port/utilities"))
                and "unchanged" in line], out
    code, _, err = cli("render", pg_url, "--park", "port", "-o", tmp_path / "q.png", "--size", "800x600")
    assert code == 0 and "port__" not in err, err
    assert cli("db", "dump", pg_url, "-o", tmp_path / "dump")[0] == 0
