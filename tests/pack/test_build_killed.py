"""A ``pack build`` killed part-way (issue 14, point 15): its temporary must not stay forever, and
a build running beside it must keep its own."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from parksgis.pack import verify_pack
from parksgis.pack.access import EditLock
from parksgis.pack.build import remove_stale_temporaries

REPO = Path(__file__).resolve().parents[2]


def _temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp.gpkg"))


def test_the_next_build_removes_what_a_killed_build_left(sample_layers, tmp_path):
    layers = tmp_path / "layers"
    shutil.copytree(sample_layers, layers, ignore=shutil.ignore_patterns("register.sqlite"))
    out = tmp_path / "packs" / "port.gpkg"
    out.parent.mkdir()
    build = subprocess.Popen([sys.executable, "-m", "parksgis", "pack", "build", str(layers),
                              "-o", str(out)], env=dict(os.environ, PYTHONPATH=str(REPO)),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        # the event: the build has created its temporary and GDAL is writing layers into it
        while not any(p.stat().st_size for p in _temporaries(out.parent)):
            assert build.poll() is None, build.stderr.read()
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.005)
        build.send_signal(signal.SIGKILL)
    finally:
        build.wait()
    [left] = _temporaries(out.parent)
    assert not out.exists()

    someone_elses = out.parent / ".other.gpkg.0123456789ab.tmp.gpkg"  # a build in progress elsewhere
    someone_elses.write_bytes(b"")
    running = EditLock(someone_elses)
    assert not running.held_elsewhere
    try:
        done = subprocess.run([sys.executable, "-m", "parksgis", "pack", "build", str(layers), "-o",
                               str(out), "--park", "port"], env=dict(os.environ, PYTHONPATH=str(REPO)),
                              capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=120)
        assert done.returncode == 0, done.stderr
        assert not left.exists() and not Path(f"{left}-journal").exists()
        assert _temporaries(out.parent) == [someone_elses]  # still being written: kept
    finally:
        running.release()
    assert remove_stale_temporaries(out.parent) == [someone_elses]  # now nobody holds it
    assert _temporaries(out.parent) == []
    assert verify_pack(out).ok
