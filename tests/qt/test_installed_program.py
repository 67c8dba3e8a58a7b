"""The built wheel works as a user installs it: into a fresh venv whose site-packages is then
read-only, run from a folder outside the checkout — and nothing under site-packages changes.

Slow (builds a wheel and installs PySide6 and the rest into a new venv), so it is skipped unless
pytest runs with ``--run-install``; .ci/run runs it once, after the README's test command.
"""

import hashlib
import os
import stat
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from parksgis.model.status import DEFAULT_SCHEME

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.install]


def tree_state(root: Path) -> dict[str, str]:
    """Every file under ``root`` with its content hash (and every folder): any write shows."""
    state = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        state[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def make_read_only(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode):
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def make_writable(root: Path) -> None:  # so pytest can remove tmp_path afterwards
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.lstat().st_mode | stat.S_IWUSR)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with the wheel built from this checkout installed; its site-packages path."""
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(base / "dist"),
                    str(REPO)], check=True, capture_output=True)
    wheel, = (base / "dist").glob("parksgis-*.whl")
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    site = Path(subprocess.run([str(bin_dir / "python"), "-c", "import parksgis, pathlib; "
                                "print(pathlib.Path(parksgis.__file__).parent.parent)"],
                               cwd=base, check=True, capture_output=True, text=True, encoding="utf-8").stdout.strip())
    make_read_only(site)
    yield bin_dir, site
    make_writable(site)


def test_wheel_holds_the_font_translations_and_sample_parks(installed):
    _, site = installed
    assert (site / "parksgis" / "_assets" / "fonts" / "NotoSansSC-parksgis.ttf").is_file()
    assert (site / "parksgis" / "_assets" / "fonts" / "OFL.txt").is_file()
    assert (site / "parksgis" / "_assets" / "i18n" / "parksgis_zh_CN.qm").is_file()
    assert (site / "parksgis" / "_layers" / "port" / "plots.geojson").is_file()
    assert not list(site.glob("parksgis/_layers/register.sqlite*"))


def test_installed_program_runs_outside_the_checkout_and_never_writes_its_install(installed, tmp_path, qapp, maps):
    from PySide6.QtGui import QImage

    bin_dir, site = installed
    before = tree_state(site)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": ""}
    env.pop("PYTHONPATH", None)

    def parksgis(*args):
        result = subprocess.run([str(bin_dir / "parksgis"), *map(str, args)], cwd=work, env=env,
                                capture_output=True, text=True, encoding="utf-8")
        assert result.returncode == 0, result.stderr
        return result

    parksgis("sample", "parks")
    assert (work / "parks" / "parks.json").is_file()
    parksgis("render", "parks", "-o", "x.png", "--size", "1200x800", "--dpi", "96")
    installed_png = QImage(str(work / "x.png"))
    # the same page drawn by this checkout's code and font: the installed one must match it,
    # Chinese title included (a missing font would draw boxes, or fail)
    from parksgis import cli

    assert cli.main(["render", str(work / "parks"), "-o", str(tmp_path / "here.png"), "--size",
                     "1200x800", "--dpi", "96"]) == 0
    here_png = QImage(str(tmp_path / "here.png"))
    title_band = installed_png.copy(0, 0, installed_png.width(), installed_png.height() // 10)
    dark = sum(1 for x in range(title_band.width()) for y in range(title_band.height())
               if title_band.pixelColor(x, y).lightness() < 100)
    assert dark > 300
    assert title_band == here_png.copy(0, 0, here_png.width(), here_png.height() // 10)
    for code in ("under_construction", "planned", "approved"):
        assert maps.count_colour(installed_png, DEFAULT_SCHEME.color(code), tolerance=2) > 50, code

    # the window on the bundled sample parks, offscreen; its register goes to the user data folder
    shot = parksgis("gui", "--lang", "zh_CN", "--screenshot", "window.png")
    assert shot.stdout.strip() == "window.png"
    window = QImage(str(work / "window.png"))
    assert window.width() >= 1000
    for code in ("under_construction", "planned"):
        assert maps.count_colour(window, DEFAULT_SCHEME.color(code), tolerance=2) > 20, code
    assert Path(os.environ["XDG_DATA_HOME"], "parksgis", "sample-parks", "register.sqlite").is_file()

    assert tree_state(site) == before
