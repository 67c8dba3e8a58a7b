"""The model side never needs Qt: model/, io/, store/ and pack/ import neither PySide6 nor pyqtgraph."""

import subprocess
import sys

import pytest

PURE = ["parksgis.model", "parksgis.io", "parksgis.store", "parksgis.pack", "parksgis.server"]


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
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{package} pulled in {out.stdout.strip()}"


def test_validate_cli_does_not_load_qt():
    code = ("import sys\nfrom parksgis import cli\ncli.build_parser()\n"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
