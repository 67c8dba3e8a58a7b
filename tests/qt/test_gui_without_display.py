"""On a Linux box with no display, ``parksgis`` says why in one line instead of Qt's abort."""

import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays are Linux's")
def test_no_display_is_one_clear_line():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "parksgis"], capture_output=True, text=True,
                         env=env, timeout=120, encoding="utf-8")
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "parksgis gui: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
        "run it in a desktop session, or use the headless commands (parksgis render, atlas, "
        "validate, pack, status)"]
