"""scripts/check_windows_wheels.py asks pip about the dependencies each Windows Python gets (the
check itself needs the package index and runs in .ci/run)."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_windows_wheels.py"


def load_script():
    spec = importlib.util.spec_from_file_location("check_windows_wheels", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_markers_are_evaluated_for_the_target_python_on_windows():
    check = load_script()
    old, new = check.requirements_for("3.11"), check.requirements_for("3.13")
    assert "PySide6-Essentials<6.12,>=6.6" in old and "PySide6-Essentials>=6.6" not in old
    assert "PySide6-Essentials>=6.6" in new
    assert all(";" not in r for r in old + new)  # markers resolved, not passed on to pip
    assert any(r.startswith("pyogrio") for r in new) and any(r.startswith("pyproj") for r in new)
