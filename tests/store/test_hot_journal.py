"""Readers after a writer was killed (issue 14, point 12): the hot journal it left is rolled back by
the next reader that may write, and a reader that may not says exactly what to do — never "attempt
to write a readonly database", never a briefing drawn from projects.csv's stale statuses."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest


REPO = Path(__file__).resolve().parents[2]
PROJECT = "PORT-FILL-3"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


@pytest.fixture
def folder(sample_folder):
    return sample_folder


_WRITER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size = 1")  # spill: the register file itself holds half-written pages
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE parksgis_projects SET status = 'suspended', note = hex(randomblob(300))")
print("written, not committed", flush=True)
sys.stdin.readline()
"""


def _kill_a_writer(folder: Path) -> None:
    """A writer of the register SIGKILLed inside its transaction, after pages reached the file
    (what an import killed part-way leaves; a small import may never spill its pages)."""
    register = folder / "register.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(register)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        line = proc.stdout.readline()
        assert line.startswith("written"), line + proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    from parksgis.store.sqlite import journal_is_live

    assert journal_is_live(register)  # hot: its writer is gone


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "parksgis", *args], capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120, cwd=REPO)


def test_a_reader_that_may_write_rolls_the_journal_back_and_reads_the_last_commit(folder):
    target = folder
    _kill_a_writer(target)
    for args in (["status", "show", str(target), PROJECT], ["status", "as-of", str(target), "2099-01-01"]):
        done = _cli(*args)
        assert done.returncode == 0, done.stderr
        assert "readonly database" not in done.stderr
        assert "suspended" not in done.stdout  # the killed import left nothing
    from parksgis.store.sqlite import journal_is_live

    assert not journal_is_live(target / "register.sqlite")  # rolled back


def test_a_reader_that_may_not_write_says_what_to_run_and_draws_nothing(folder, tmp_path,
                                                                        unprivileged):
    target = folder
    _kill_a_writer(target)
    out = tmp_path / "port.png"
    target.chmod(0o555)
    try:
        show = unprivileged.cli("status", "show", str(target), PROJECT)
        render = unprivileged.cli("render", str(target), "--park", "port", "-o", str(out))
    finally:
        target.chmod(0o755)
    for done in (show, render):
        assert done.returncode == 1, done.stdout + done.stderr
        [line] = done.stderr.strip().splitlines()
        assert "a write to it was interrupted (or is running) and its journal still holds the " \
               "rollback" in line and "readonly database" not in line, line
        assert "run any writing command on it" in line
    assert "nothing drawn" in render.stderr and not out.exists()
    # once someone who may write reads it, everyone can again
    assert _cli("status", "show", str(target), PROJECT).returncode == 0
    drawn = _cli("render", str(target), "--park", "port", "-o", str(out))
    assert drawn.returncode == 0, drawn.stderr
    assert out.stat().st_size > 0
