"""Roles are enforced by the server: a viewer's UPDATE fails even through psql or a client that
skips parksgis's own read-only check; an editor changes status fields only; history records the
database user of every change."""

from __future__ import annotations

import psycopg
import pytest

from parksgis.server.errors import ServerPermissionError
from parksgis.server.register import ServerRegister


def test_viewer_is_refused_by_the_server(users, pg_cluster, monkeypatch, cli):
    dbname = users["alice"].split("/")[3].split("?")[0]
    psql = pg_cluster.psql("UPDATE parksgis.projects SET status = 'completed' WHERE project_id = 'PORT-RD-JINGANG'",
                           dbname=dbname, user="alice", password="pw-alice", check=False)
    assert psql.returncode != 0 and "permission denied for table projects" in psql.stderr

    monkeypatch.setenv("PGPASSWORD", "pw-alice")
    code, _, err = cli("status", "set", users["alice"], "PORT-RD-JINGANG", "status=completed")
    assert code == 1
    assert err.strip() == (f"parksgis status: {users['alice']}: read-only: database user alice may only "
                           "read this register (role parksgis_viewer); an admin can make them an editor "
                           "with parksgis db grant URL --editor alice; nothing was changed")
    # a client that ignores its read-only flag is stopped by the server itself
    with ServerRegister.open(users["alice"]) as store:
        assert store.project("PORT-RD-JINGANG").status == "under_construction"
        store.readonly = False
        with pytest.raises(ServerPermissionError, match="permission denied while writing the register: "
                                                        "the server refused it for this database user"):
            store.update("PORT-RD-JINGANG", {"status": "completed"})
        assert store.project("PORT-RD-JINGANG").status == "under_construction"


def test_editor_changes_status_fields_only_and_history_names_the_db_user(users, pg_cluster, monkeypatch, cli):
    monkeypatch.setenv("PGPASSWORD", "pw-bob")
    code, out, err = cli("status", "set", users["bob"], "PORT-RD-JINGANG", "status=completed",
                         "--author", "Bob Li")
    assert code == 0, err
    code, _, err = cli("status", "set", users["bob"], "PORT-RD-JINGANG", "name_zh=改名")
    assert code == 1 and "permission denied while writing the register" in err

    dbname = users["bob"].split("/")[3].split("?")[0]
    psql = pg_cluster.psql("UPDATE parksgis.projects SET progress_pct = 55 WHERE project_id = 'PORT-RD-JINGANG'",
                           dbname=dbname, user="bob", password="pw-bob")
    assert psql.returncode == 0
    for sql in ("UPDATE parksgis.projects SET owner = 'x'", "DELETE FROM parksgis.history",
                "INSERT INTO parksgis.history (edit_id, project_id, changed_at, field, author, source) "
                "VALUES (1, 'x', now(), 'status', 'x', 'x')",
                "DROP TABLE parksgis.port__plots"):
        denied = pg_cluster.psql(sql, dbname=dbname, user="bob", password="pw-bob", check=False)
        assert denied.returncode != 0 and ("permission denied" in denied.stderr
                                           or "must be owner" in denied.stderr), sql
    with psycopg.connect(users["bob"].replace("bob@", "postgres@")) as conn:
        rows = conn.execute("SELECT field, old, new, author, source, db_user FROM parksgis.history "
                            "WHERE project_id = 'PORT-RD-JINGANG' AND db_user = 'bob' ORDER BY id").fetchall()
    assert rows == [("status", "under_construction", "completed", "Bob Li", "cli", "bob"),
                    ("progress_pct", "40.0", "55.0", "bob", "sql", "bob")]


def test_user_without_a_parksgis_role_cannot_read(users, monkeypatch, cli):
    monkeypatch.setenv("PGPASSWORD", "pw-carol")
    code, _, err = cli("status", "show", users["carol"], "PORT-RD-JINGANG")
    assert code == 1
    assert "permission denied while reading the register" in err and "parksgis db grant" in err


def test_grant_names_unknown_users_and_is_refused_to_editors(users, loaded_url, monkeypatch, cli):
    code, _, err = cli("db", "grant", loaded_url, "--viewer", "nobody_here")
    assert code == 1 and "no database user 'nobody_here'; create it first" in err
    monkeypatch.setenv("PGPASSWORD", "pw-bob")
    code, _, err = cli("db", "grant", users["bob"], "--admin", "bob")
    assert code == 1 and "permission denied while granting parksgis_admin to bob" in err
