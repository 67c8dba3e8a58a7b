"""A 10,000-row import killed with SIGKILL part-way leaves the register exactly as it was."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parksgis.model.project import Project
from parksgis.store.register import RegisterStore

REPO = Path(__file__).resolve().parents[2]
ROWS = 10_000

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _full_dump(path) -> list[str]:
    """Every statement that rebuilds the database: schema and all rows of all tables."""
    db = sqlite3.connect(path)
    try:
        return list(db.iterdump())
    finally:
        db.close()


@pytest.fixture
def big_folder(tmp_path, write_csv):
    folder = tmp_path / "layers"
    folder.mkdir()
    projects = [Project(f"P{i:05d}", "port", f"项目{i}", status="planned", progress_pct=0.0) for i in range(ROWS)]
    RegisterStore.create(folder / "register.sqlite", projects, author="seeder", baseline="2014-01-01").close()
    sheet = write_csv(tmp_path / "big.csv", [["项目编号", "状态", "进度", "实际开工"]] +
                      [[f"P{i:05d}", "施工中", str(i % 100), "2014-07-01"] for i in range(ROWS)])
    return folder, sheet


#: ``python -c HOOKED_CLI POINT N parksgis-args...``: the CLI, with write hooks that SIGKILL the
#: process itself at a known point of the import (after N projects, before or after COMMIT).
HOOKED_CLI = """
import os, signal, sys
from parksgis.store.register import RegisterStore, WriteHooks
point, n = sys.argv[1], int(sys.argv[2])

def die():
    os.kill(os.getpid(), signal.SIGKILL)

class KillAt(WriteHooks):
    def project_written(self, store, count):
        if point == "project" and count == n:
            die()
    def before_commit(self, store):
        if point == "before_commit":
            die()
    def committed(self, store):
        if point == "committed":
            die()

RegisterStore.hooks = KillAt()
from parksgis.cli import main
sys.exit(main(sys.argv[3:]))
"""


def _run_import(folder, sheet, kill_at: tuple[str, int] | None = None) -> subprocess.CompletedProcess:
    args = ["status", "import", sheet, "--into", str(folder)]
    command = [sys.executable, "-m", "parksgis", *args] if kill_at is None else \
        [sys.executable, "-c", HOOKED_CLI, kill_at[0], str(kill_at[1]), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, encoding="utf-8")


def test_import_killed_inside_the_transaction_changes_nothing(big_folder):
    folder, sheet = big_folder
    register = folder / "register.sqlite"
    before = _full_dump(register)
    killed = _run_import(folder, sheet, kill_at=("project", ROWS // 2))  # half the projects written
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    journal = Path(f"{register}-journal")
    assert journal.exists() and journal.stat().st_size > 0  # the write really was under way
    with RegisterStore.open(register) as store:  # opening rolls the hot journal back
        assert store.project("P00001").status == "planned"
    assert _full_dump(register) == before
    done = _run_import(folder, sheet)  # and the register still takes the whole import
    assert done.returncode == 0, done.stderr
    with RegisterStore.open(register, readonly=True) as store:
        assert {p.status for p in store.projects().values()} == {"under_construction"}
        assert len({r.edit_id for r in store.history() if r.source == "big.csv"}) == 1


@pytest.mark.slow
def test_import_killed_at_each_point_of_the_write_is_all_or_nothing(big_folder):
    """Killed after the first project, half, all of them, just before COMMIT: the register is as
    before; killed just after COMMIT: the whole import is there. Never anything in between."""
    folder, sheet = big_folder
    register = folder / "register.sqlite"
    backup = folder.parent / "backup.sqlite"
    shutil.copyfile(register, backup)
    before = _full_dump(register)
    outcomes = {}
    for point in [("project", 1), ("project", ROWS // 2), ("project", ROWS), ("before_commit", 0),
                  ("committed", 0)]:
        shutil.copyfile(backup, register)
        Path(f"{register}-journal").unlink(missing_ok=True)
        killed = _run_import(folder, sheet, kill_at=point)
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        with RegisterStore.open(register) as store:
            statuses = {p.status for p in store.projects().values()}
            imported = [r for r in store.history() if r.source == "big.csv"]
        if statuses == {"planned"}:
            assert imported == [] and _full_dump(register) == before
            outcomes[point] = "before"
        else:  # the whole import: every project, one edit group
            assert statuses == {"under_construction"}
            assert len(imported) == 29_900 and len({r.edit_id for r in imported}) == 1
            outcomes[point] = "after"
    assert outcomes == {("project", 1): "before", ("project", ROWS // 2): "before",
                        ("project", ROWS): "before", ("before_commit", 0): "before",
                        ("committed", 0): "after"}
