"""Read-only and network paths, a second writer, and SIGKILL part-way through a save or a merge."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parksgis.pack import (PackLockedError, PackReadOnlyError, build_pack, export_changes,
                           merge_changes, open_conflicts, open_pack, verify_pack)
from parksgis.pack.access import read_only_reason
from parksgis.store.register import RegisterStore

REPO = Path(__file__).resolve().parents[2]


def test_network_share_opens_read_only_with_a_reason(pack, tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//hq/packs {tmp_path} cifs rw,vers=3.0 0 0\n", encoding="utf-8")
    workspace, handle = open_pack(pack, mounts_file=str(mounts))
    assert handle.read_only and workspace.projects["P-1"].status == "under_construction"
    assert handle.read_only_reason == (f"read-only: the pack is on a network share (cifs at "
                                       f"{tmp_path}); copy it to a local disk to edit it")
    with pytest.raises(PackReadOnlyError, match=r"network share \(cifs"):
        handle.update("P-1", {"status": "completed"})
    handle.close()
    assert not Path(f"{pack}-journal").exists()


def test_unc_paths_and_local_disks():
    assert read_only_reason(Path("//server/share/port.gpkg")).startswith(
        "read-only: the pack is on a network share")
    assert read_only_reason(Path("\\\\server\\share\\port.gpkg")).startswith(
        "read-only: the pack is on a network share")


def test_unwritable_file_opens_read_only(pack, unprivileged):
    pack.chmod(0o444)

    def check():
        _ws, handle = open_pack(pack)
        assert handle.read_only_reason == ("read-only: the file is not writable (read-only media or "
                                           "permissions)")
        with pytest.raises(PackReadOnlyError, match="the file is not writable"):
            handle.update("P-1", {"status": "completed"})
        handle.close()

    unprivileged.call(check)


#: Write hooks a child installs before ``code``: at ``sys.argv[1]`` ("project": after the first
#: project of a write, "before_commit") it says so on stderr and holds the transaction open until
#: the test kills it (signal.pause: no sleeping, no timing).
PAUSE_AT = """
import signal, sys
from parksgis.store.register import RegisterStore, WriteHooks
point = sys.argv.pop(1)

def pause():
    print("parksgis-test: paused", file=sys.stderr, flush=True)
    signal.pause()

class PauseAt(WriteHooks):
    def project_written(self, store, count):
        if point == "project" and count == 1:
            pause()
    def before_commit(self, store):
        if point == "before_commit":
            pause()

RegisterStore.hooks = PauseAt()
"""


def _start(code: str, point: str, *args: str) -> subprocess.Popen:
    full = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", PAUSE_AT + code, point, *args],
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=full,
                            cwd=REPO, encoding="utf-8")


def _wait_for_pause(proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if "parksgis-test: paused" in line:
            return
        if not line and proc.poll() is not None:
            raise AssertionError(f"child ended before pausing: {proc.stderr.read()}")
    raise AssertionError("child never paused")


SAVE = """
import sys
from parksgis.pack import open_pack
_ws, handle = open_pack(sys.argv[1])
handle.update_many({"P-1": {"status": "completed"}, "P-2": {"status": "approved"}}, author="kill")
"""


@pytest.mark.slow
def test_second_writer_is_told_and_sigkill_during_save_keeps_last_commit(pack, tmp_path, workspace):
    _ws, handle = open_pack(pack)
    handle.update("W-1", {"status": "under_construction"}, author="earlier")  # last commit
    handle.close()
    other = tmp_path / "other.gpkg"
    build_pack(workspace, other)
    _ws, handle = open_pack(other)
    handle.update("R-1", {"status": "completed"}, author="field")
    handle.close()
    export_changes(other, tmp_path / "other.json")
    child = _start(SAVE, "project", str(pack))
    try:
        _wait_for_pause(child)
        # a second window: reads fine, but opens read-only and says why
        workspace, second = open_pack(pack)
        assert workspace.projects["P-1"].status == "under_construction"
        assert second.read_only_reason == ("read-only: the pack is open for editing in another "
                                           "parksgis window or program; close it there to edit here")
        second.close()
        # a merge into the pack while the save holds SQLite's write lock: told, nothing changed
        with pytest.raises(PackLockedError, match="cannot merge: another program holds the write "
                                                  "lock .*; nothing was changed"):
            merge_changes(pack, [tmp_path / "other.json"])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    result = verify_pack(pack)
    assert result.ok, result.problems
    workspace, handle = open_pack(pack)
    status = {pid: p.status for pid, p in workspace.projects.items()}
    assert status == {"P-1": "under_construction", "P-2": "planned", "R-1": "under_construction",
                      "W-1": "under_construction"}
    assert not handle.read_only  # the killed program's edit lock went with it
    handle.update("P-1", {"status": "completed"}, author="after")  # the pack is usable again
    handle.close()
    assert verify_pack(pack).ok and not Path(f"{pack}-journal").exists()


MERGE = "import sys; from parksgis.cli import main; sys.exit(main(sys.argv[1:]))"


@pytest.mark.slow
def test_sigkill_during_merge_leaves_target_unchanged(pack, tmp_path, workspace):
    hq = tmp_path / "hq.gpkg"
    build_pack(workspace, hq)
    _ws, handle = open_pack(pack)
    handle.update("P-1", {"status": "completed"}, author="李工")
    handle.update("P-2", {"status": "approved"}, author="李工")
    handle.close()
    export_changes(pack, tmp_path / "c.json")
    with RegisterStore.open(hq) as store:
        store.update("P-2", {"status": "suspended"}, author="总部")  # will conflict
        before = store.dump()
    child = _start(MERGE, "before_commit", "pack", "merge", str(hq), str(tmp_path / "c.json"))
    try:
        _wait_for_pause(child)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert verify_pack(hq).ok
    with RegisterStore.open(hq) as store:
        assert store.dump() == before
    assert open_conflicts(hq) == []
    result = merge_changes(hq, [tmp_path / "c.json"])  # and the merge still works afterwards
    assert [c["project_id"] for c in result.merged] == ["P-1"]
    assert [c.project_id for c in result.conflicts] == ["P-2"]


def test_pack_locked_by_another_connection_gives_a_clear_message(pack):
    import sqlite3

    holder = sqlite3.connect(pack, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program in the middle of committing
    try:
        with pytest.raises(PackLockedError, match="another program is writing to this pack right "
                                                  "now; try again in a moment"):
            open_pack(pack)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _ws, handle = open_pack(pack)  # free again
    handle.close()


def test_second_window_in_the_same_program_is_read_only_until_the_first_closes(pack):
    _ws, first = open_pack(pack)
    _ws, second = open_pack(pack)
    assert not first.read_only and second.read_only
    second.close()
    first.close()
    _ws, third = open_pack(pack)
    assert not third.read_only
    third.close()


SPILL = """
import signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before COMMIT
conn.execute("BEGIN IMMEDIATE")
for i in range(300):
    conn.execute("UPDATE parksgis_projects SET note = ?", ("x" * 2000 + str(i),))
    conn.execute("INSERT INTO parksgis_history (edit_id, project_id, changed_at, field, old, new, "
                 "author, source) VALUES (99, 'P-1', '2030-01-01', 'note', '', ?, 'k', 'app')",
                 ("y" * 3000,))
print("parksgis-test: paused with a hot journal", file=sys.stderr, flush=True)
signal.pause()
"""


@pytest.mark.slow
def test_killed_writer_with_pages_already_in_the_file_is_rolled_back_on_open(pack):
    before = pack.read_bytes()
    child = _start(SPILL, "nowhere", str(pack))  # pauses by itself, not in a register write
    try:
        _wait_for_pause(child)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    journal = Path(f"{pack}-journal")
    assert journal.exists() and pack.read_bytes() != before  # a real hot journal
    result = verify_pack(pack)  # rolls the journal back, then checks
    assert result.ok, result.problems
    assert not journal.exists() and pack.read_bytes() == before  # byte for byte the last commit
    workspace, handle = open_pack(pack)
    handle.close()
    assert workspace.projects["P-1"].note == ""
