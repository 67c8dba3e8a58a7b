"""The desktop bundle builds from the repository's spec with one command and its frozen program
works: scripts/check_bundle.py runs ``validate``, ``sample``, ``render`` (Chinese title and status
colours by pixels), ``pack build --imagery`` with ``pack verify`` and a render of the pack, and the
window's first frame from the bundle.

Slow (a PyInstaller build, about a minute), so it runs with the install checks: skipped unless
pytest runs with ``--run-install``; .ci/run installs the ``bundle`` extra and runs it once.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.slow, pytest.mark.install]


def test_bundle_builds_and_its_program_runs(tmp_path):
    pytest.importorskip("PyInstaller", reason="the bundle extra: pip install -e '.[bundle]'")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(REPO / "packaging" / "parksgis.spec")],
        capture_output=True, text=True, encoding="utf-8")
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "parksgis"
    check = subprocess.run([sys.executable, str(REPO / "scripts" / "check_bundle.py"), str(bundle)],
                           capture_output=True, text=True, encoding="utf-8",
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert check.returncode == 0, check.stdout + check.stderr
    for step in ("render: title drawn", "pack: built with imagery, verified and rendered",
                 "window: first frame 1280x800"):
        assert step in check.stdout, check.stdout
    if os.name != "nt":  # one program under two names: parksgis-gui is a link, not a second copy
        assert (bundle / "parksgis-gui").is_symlink()
