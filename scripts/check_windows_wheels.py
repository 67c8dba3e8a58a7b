"""Check, from Linux, that every runtime dependency installs on Windows from wheels alone.

For each Python from 3.11 to 3.13 it asks pip to resolve the project's dependencies (the ranges
pyproject.toml allows, markers evaluated for that Python on Windows) as win_amd64 binary wheels
only, without installing anything: ``pip install --dry-run --only-binary=:all: --platform
win_amd64 --python-version 3.X``. A dependency with no Windows wheel for some Python makes the
resolution fail, and the script names it. Needs network access to the package index.

    python scripts/check_windows_wheels.py [--python 3.11 3.12 3.13]

Exit 0: all resolve (the versions picked are printed); 1: some do not.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
PYTHONS = ["3.11", "3.12", "3.13"]


def requirements_for(python: str) -> list[str]:
    """pyproject's runtime dependencies that apply to ``python`` on Windows, markers removed."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment = {"python_version": python, "python_full_version": f"{python}.0",
                   "sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "implementation_name": "cpython",
                   "platform_python_implementation": "CPython"}
    wanted = []
    for text in project["dependencies"]:
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            requirement.marker = None
            wanted.append(str(requirement))
    return wanted


def resolve(python: str, requirements: list[str]) -> tuple[bool, str]:
    with tempfile.TemporaryDirectory(prefix="parksgis-win-wheels-") as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
             "--only-binary=:all:", "--platform", "win_amd64", "--python-version", python,
             "--implementation", "cp", "--target", str(Path(tmp) / "target"),
             "--report", str(report), *requirements],
            capture_output=True, text=True, encoding="utf-8")
        if result.returncode != 0:
            errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
            return False, "; ".join(errors) or result.stderr.strip()[-500:]
        picked = json.loads(report.read_text(encoding="utf-8"))["install"]
    return True, ", ".join(sorted(f"{item['metadata']['name']} {item['metadata']['version']}"
                                  for item in picked))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", nargs="+", default=PYTHONS, metavar="X.Y")
    args = parser.parse_args(argv)
    failed = []
    for python in args.python:
        ok, text = resolve(python, requirements_for(python))
        print(f"win_amd64 Python {python}: {'OK' if ok else 'NO WHEELS'}: {text}", flush=True)
        if not ok:
            failed.append(python)
    if failed:
        print(f"not installable from wheels on Windows for Python {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
