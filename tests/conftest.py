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


def _run_cli_unprivileged(*args: str, timeout: float = 120):
    """``python -m parksgis ARGS`` as a process that file permissions apply to (a whole command
    in its own process; :func:`_run_unprivileged` runs a Python check in a forked child).

    CI runs as root, for whom every folder is writable. Dropping the capabilities that let root
    ignore permissions (util-linux ``setpriv``, on every Debian) makes the child see a read-only
    folder as a user would, while it can still run the interpreter from root's own folders.
    """
    import shutil
    import subprocess

    prefix = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without util-linux setpriv to drop privileges")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(prefix + [sys.executable, "-m", "parksgis", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=timeout, cwd=REPO)


@pytest.fixture
def run_unprivileged():
    return _run_cli_unprivileged


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


# -- PostgreSQL + PostGIS for the server tests (benchmarks/pg_cluster.py) ----------------------

@pytest.fixture(scope="session")
def pg_cluster():
    from benchmarks.pg_cluster import binaries_missing, throwaway_cluster

    reason = binaries_missing()
    if reason:
        pytest.skip(reason)
    with throwaway_cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_db(pg_cluster) -> str:
    """A fresh database with PostGIS (not yet initialised for parksgis); its name."""
    return pg_cluster.new_database()


@pytest.fixture
def pg_url(pg_cluster, pg_db) -> str:
    """Superuser connection string of a fresh database with PostGIS."""
    return pg_cluster.url(pg_db)


@pytest.fixture
def cli(capsys):
    """Run ``parksgis ARGS...`` in this process: ``(exit code, stdout, stderr)``."""
    from parksgis.cli import main

    def run(*argv: str):
        code = main([str(a) for a in argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def loaded_url(pg_url, sample_layers, cli):
    """A database initialised and loaded with the sample parks (superuser URL)."""
    assert cli("db", "init", pg_url)[0] == 0
    code, out, err = cli("db", "load", sample_layers, "--into", pg_url)
    assert code == 0, err
    return pg_url


@pytest.fixture
def users(pg_cluster, loaded_url):
    """Login roles alice (viewer), bob (editor) and carol (no parksgis role), password 'pw-NAME'.

    Connection strings carry no password: the tests put it in PGPASSWORD, as users would in
    ~/.pgpass. Roles are cluster-wide, so they are created once and granted per database.
    """
    from parksgis.cli import main

    for name in ("alice", "bob", "carol"):
        pg_cluster.add_role(name, f"pw-{name}")
    assert main(["db", "grant", loaded_url, "--viewer", "alice"]) == 0
    assert main(["db", "grant", loaded_url, "--editor", "bob"]) == 0
    dbname = loaded_url.split("/")[3].split("?")[0]
    return {name: pg_cluster.url(dbname, name) for name in ("alice", "bob", "carol")}
