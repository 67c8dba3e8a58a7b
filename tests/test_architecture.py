"""The layers hold: the import contracts in pyproject.toml ([tool.importlinter]) pass, the model side
never needs Qt, and nothing outside qt/ and commands/ loads Qt widgets."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PURE = ["parksgis.model", "parksgis.io", "parksgis.store", "parksgis.pack", "parksgis.app",
        "parksgis.server"]


@pytest.mark.parametrize("package", PURE)
def test_pure_packages_do_not_load_qt(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')"
        " or m.startswith(('parksgis.qt', 'parksgis.render')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8")
    assert out.stdout.strip() == "", f"{package} pulled in {out.stdout.strip()}"


def test_validate_cli_does_not_load_qt():
    code = ("import sys\nfrom parksgis import cli\ncli.build_parser()\n"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8")
    assert out.stdout.strip() == "False"


def test_import_contracts_hold():
    """lint-imports sees every import, function-level ones too (the layer diagram: README)."""
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    out = subprocess.run([lint, "--no-cache"], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], encoding="utf-8")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def test_render_and_app_load_no_qt_widgets():
    code = ("import sys, parksgis.render.export, parksgis.render.map_renderer, parksgis.app.workspace, "
            "parksgis.app.packs\nprint(sorted(m for m in sys.modules if m.startswith('PySide6.QtWidgets')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8")
    assert out.stdout.strip() == "[]"
