"""Shared fixtures. Qt runs offscreen: with no display and no platform set, Qt aborts."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the real user's folders: platformdirs (the sample parks' register) and
# QSettings read these on Linux; subprocesses inherit them.
_USER_DIRS = tempfile.mkdtemp(prefix="parksgis-test-user-")
atexit.register(shutil.rmtree, _USER_DIRS, ignore_errors=True)
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_USER_DIRS, _name.lower())
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}" if hasattr(os, "getuid") else "")
if os.environ["XDG_RUNTIME_DIR"]:
    os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# In CI the property tests replay the same examples every run (a CI result must not depend on the
# draw); developers keep hypothesis's random exploration, which is how new bugs are found.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
LAYERS = REPO / "layers"


def pytest_addoption(parser):
    parser.addoption("--run-install", action="store_true",
                     help="also run the install checks (build the wheel, install it in a fresh venv); "
                          ".ci/run runs them once")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-install"):
        return
    skip = pytest.mark.skip(reason="install check: run with --run-install (.ci/run does, once)")
    for item in items:
        if item.get_closest_marker("install") is not None:
            item.add_marker(skip)


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def sample_layers() -> Path:
    return LAYERS


def _run_unprivileged(check, *folders: Path) -> None:
    """Run ``check()`` as a user who cannot write where permissions forbid it.

    Run as root (CI), permission bits never stop a write, so the check runs in a forked child
    that drops to ``nobody`` first; the modules it needs are already in memory, so nothing under
    a root-only checkout has to be readable by it. ``folders`` (and their parents up to /) are
    made traversable for it. A failed check fails the test with the child's traceback.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        check()
        return
    import pwd
    import traceback

    nobody = pwd.getpwnam("nobody")
    for folder in folders:
        for parent in [folder, *folder.parents]:
            parent.chmod(parent.stat().st_mode | 0o011)  # search (x) for others, nothing more
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, check, report, never return into pytest
        os.close(read)
        status = 0
        try:
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            check()
        except BaseException:  # noqa: BLE001 - everything goes back to the parent as text
            os.write(write, traceback.format_exc().encode())
            status = 1
        os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        report = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, f"as nobody:\n{report}"


@pytest.fixture
def as_unprivileged():
    """``as_unprivileged(check, folder)``: see :func:`_run_unprivileged`."""
    return _run_unprivileged


def write_geotiff(path, crs, west: float, north: float, res: float, rgb, tags=None, overviews=True):
    """A tiled RGB GeoTIFF (``rgb``: (3, h, w) uint8) with its north-west corner at (west, north) in
    ``crs`` and square pixels of ``res``; ``crs=None`` writes no CRS (bad-raster tests)."""
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.transform import from_origin

    _, h, w = rgb.shape
    profile = dict(driver="GTiff", width=w, height=h, count=3, dtype="uint8", tiled=True,
                   blockxsize=256, blockysize=256, compress="deflate", photometric="RGB",
                   transform=from_origin(west, north, res, res))
    if crs is not None:
        profile["crs"] = crs
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(rgb)
        if tags:
            ds.update_tags(**tags)
        if overviews and min(w, h) >= 512:
            ds.build_overviews([2, 4, 8], Resampling.average)
    return path


@pytest.fixture
def geotiff():
    return write_geotiff
