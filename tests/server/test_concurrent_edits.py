"""Eight processes × 100 ``parksgis status set`` on the same three projects: every call that
exits 0 has exactly one history row, every refused call (a stale ``--expect``) has none, and
each project ends with the value of the last committed change — no edit is lost."""

from __future__ import annotations

import json
import subprocess
import sys

import psycopg

WORKERS, CALLS = 8, 100
PROJECTS = ["PORT-RD-JINGANG", "PORT-FILL-1", "WX-RD-XINGONGYE"]

# Each worker is one OS process running the real command 100 times (a new connection per call,
# as a script calling the CLI would); printing one JSON line per call: exit code and value set.
WORKER = r"""
import contextlib, io, json, sys
from parksgis.cli import main
url, worker, calls, projects = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
mine = {}
for i in range(calls):
    pid = projects[i % len(projects)]
    value = f"w{worker}-{i}"
    argv = ["status", "set", url, pid, f"note={value}", "--author", f"worker{worker}"]
    if i % 2 and pid in mine:  # odd calls: compare-and-set against what this worker last wrote
        argv += ["--expect", f"note={mine[pid]}"]
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(argv)
    if code == 0:
        mine[pid] = value
    print(json.dumps({"code": code, "pid": pid, "value": value, "err": err.getvalue().strip()}), flush=True)
"""


def test_eight_writers_lose_nothing(loaded_url):
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, loaded_url, str(w), str(CALLS), ",".join(PROJECTS)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
             for w in range(WORKERS)]
    calls = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        calls += [json.loads(line) for line in out.splitlines()]
    assert len(calls) == WORKERS * CALLS
    assert {c["code"] for c in calls} <= {0, 1}, [c for c in calls if c["code"] not in (0, 1)][:3]
    for c in calls:
        if c["code"] == 1:  # refused: the one line says what changed since and that nothing was written
            assert "field note: changed by worker" in c["err"] and c["err"].endswith("nothing was changed")

    with psycopg.connect(loaded_url) as conn:
        rows = conn.execute("SELECT project_id, new, author, db_user FROM parksgis.history "
                            "WHERE source = 'cli' ORDER BY changed_at, id").fetchall()
        current = dict(conn.execute("SELECT project_id, note FROM parksgis.projects "
                                    "WHERE project_id = ANY(%s)", (PROJECTS,)).fetchall())
    applied = [c for c in calls if c["code"] == 0]
    written = [(r[0], r[1]) for r in rows]
    assert sorted(written) == sorted((c["pid"], c["value"]) for c in applied)  # exactly one row each
    assert len(set(written)) == len(written)
    assert all(r[3] == "postgres" and r[2].startswith("worker") for r in rows)
    for pid in PROJECTS:  # the final value is the last committed one, in history order
        assert current[pid] == [new for p, new in written if p == pid][-1]
    assert len(applied) > WORKERS * CALLS / 2  # even calls never carry --expect: all applied
