"""Output files (issue 14, points 9 and 10): a full disk never yields a short file reported as
done — the target stays as it was and the message names the disk — and files are created with
the permissions the umask gives (0644 under umask 022), so others on a share can read a briefing."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def layers(sample_layers, tmp_path):
    folder = tmp_path / "layers"
    shutil.copytree(sample_layers, folder, ignore=shutil.ignore_patterns("register.sqlite"))
    return folder


def _run(*args, file_limit: int | None = None, umask: int | None = None):
    """The CLI in its own process; ``file_limit``: no file may grow past that many bytes (the
    disk is "full" there: writes fail with EFBIG, as with ENOSPC on a full disk)."""
    def child():
        if file_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
        if umask is not None:
            os.umask(umask)
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "parksgis", *args], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=180, cwd=REPO, preexec_fn=child)


@pytest.mark.parametrize("argv, limit", [
    (["render", "{layers}", "--park", "port", "-o", "{out}.pdf"], 30_000),
    (["render", "{layers}", "--park", "port", "-o", "{out}.svg"], 20_000),
    (["render", "{layers}", "--park", "port", "-o", "{out}.png"], 20_000),
    (["atlas", "{layers}", "-o", "{out}.pdf"], 30_000),
    (["status", "export", "{layers}", "-o", "{out}.xlsx"], 3_000),
])
def test_a_full_disk_leaves_the_old_file_and_says_which_disk(layers, tmp_path, argv, limit):
    out = tmp_path / "briefing"
    args = [a.format(layers=layers, out=out) for a in argv]
    target = Path(args[-1])
    target.write_bytes(b"last week's file")
    done = _run(*args, file_limit=limit)
    assert done.returncode == 1, done.stdout + done.stderr
    [line] = done.stderr.strip().splitlines()  # one line: no traceback, no ZipFile.__del__
    assert line.startswith(f"parksgis {argv[0]}: {target}: ")
    assert "the disk at /" in line and "MB free" in line, line
    assert line.endswith("the old file was left as it was"), line
    assert "internal error" not in line
    assert target.read_bytes() == b"last week's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing" + target.suffix, "layers"]


def test_files_are_created_readable_by_others_under_umask_022(layers, tmp_path):
    """Point 10: exports and register.sqlite were 0600 under umask 022."""
    outputs = {
        "png": (["render", str(layers), "--park", "port", "-o", str(tmp_path / "p.png")], "p.png"),
        "pdf": (["render", str(layers), "--park", "port", "-o", str(tmp_path / "p.pdf")], "p.pdf"),
        "xlsx": (["status", "export", str(layers), "-o", str(tmp_path / "s.xlsx")], "s.xlsx"),
        "csv": (["status", "export", str(layers), "-o", str(tmp_path / "s.csv")], "s.csv"),
        "pack": (["pack", "build", str(layers), "--park", "port", "-o", str(tmp_path / "f.gpkg")],
                 "f.gpkg"),
    }
    for argv, name in outputs.values():
        done = _run(*argv, umask=0o022)
        assert done.returncode == 0, (argv, done.stderr)
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    sheet = tmp_path / "week.csv"
    sheet.write_text("project_id,status\nPORT-FILL-3,在建\n", encoding="utf-8")
    done = _run("status", "import", str(sheet), "--into", str(layers), umask=0o022)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((layers / "register.sqlite").stat().st_mode) == 0o644
    done = _run("pack", "export-changes", str(tmp_path / "f.gpkg"), "-o", str(tmp_path / "c.json"),
                umask=0o022)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((tmp_path / "c.json").stat().st_mode) == 0o644
    # a replaced file keeps the mode an administrator gave it
    (tmp_path / "p.png").chmod(0o640)
    assert _run(*outputs["png"][0], umask=0o022).returncode == 0
    assert stat.S_IMODE((tmp_path / "p.png").stat().st_mode) == 0o640
