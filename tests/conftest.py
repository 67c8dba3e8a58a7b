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


#: A4 landscape in points: an atlas's page
ATLAS_PAGE_PT = (842, 595)


def _atlas_pages(src, dpi: int, as_of=None, held=None):
    """The pages of the atlas of ``src`` at ``dpi``, drawn as its PDF writer draws them (each
    painted, then let go before the next is asked for), as images; ``held`` gets, per page, how
    many rows each plots layer holds and how many plots they stand for. Asserts that no earlier
    page's features are alive when a page is read (a whole read's one workspace serves them all)."""
    import weakref
    from argparse import Namespace

    from parksgis.commands import atlas
    from parksgis.commands.render import open_register
    from parksgis.render import export

    statuses = None
    if as_of is not None:
        with open_register(src) as store:
            statuses = store.as_of(as_of)
    args = Namespace(src=str(src), lang="zh", title=None, generated="2014-07-24")
    page_px = (round(ATLAS_PAGE_PT[0] / 72 * dpi), round(ATLAS_PAGE_PT[1] / 72 * dpi))
    images, earlier, missing = [], [], []
    for page, renderer in atlas.drawn_pages(args, page_px, None, as_of, statuses, missing):
        alive = [ref() for ref in earlier if ref() is not None]
        assert [w for w in alive if w is not renderer.workspace] == []  # one page's features at a time
        images.append(export.render_image(page, renderer, ATLAS_PAGE_PT, dpi))
        if held is not None:
            held.append({layer.key: (len(layer.frame), layer.cell_features and layer.cell_features.features)
                         for layer in renderer.workspace.layers if layer.key.endswith("/plots")})
        earlier.append(weakref.ref(renderer.workspace))
        del page, renderer, alive
    return images


@pytest.fixture
def atlas_pages():
    """``(src, dpi, as_of=None, held=None) -> [QImage]``: the pages ``parksgis atlas SRC`` draws,
    one page read at a time (see ``_atlas_pages``), for packs and databases alike."""
    return _atlas_pages


@pytest.fixture
def sample_folder(tmp_path) -> Path:
    """A copy of the sample parks with a fresh register of its own, for tests that write to it."""
    from parksgis.store.register import RegisterStore

    target = tmp_path / "layers"
    shutil.copytree(LAYERS, target, ignore=shutil.ignore_patterns("register.sqlite"))
    RegisterStore.for_folder(target).close()
    return target


@pytest.fixture
def lod_pack(tmp_path, monkeypatch) -> Path:
    """The sample parks as a pack with level-of-detail bands (forced: the samples are small)."""
    from parksgis.app.packs import build_pack_from
    from parksgis.pack import lod

    folder = tmp_path / "pack-source"
    shutil.copytree(LAYERS, folder, ignore=shutil.ignore_patterns("register.sqlite", "*.gpkg"))
    monkeypatch.setattr(lod, "MIN_FEATURES", 5)
    out = tmp_path / "parks.gpkg"
    build_pack_from(folder, out)
    return out


#: The capabilities that let root ignore file permissions: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
#: CAP_FOWNER (linux/capability.h).
_PERMISSION_OVERRIDES = (1, 2, 3)


def _drop_permission_overrides() -> None:
    """Make this process (root in CI) meet file permissions as any user does, keeping its uid: the
    capabilities above leave its bounding set (so an exec cannot get them back) and its effective,
    permitted and inheritable sets. It still reads root's checkout and venv; a read-only folder is
    read-only to it."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _PERMISSION_OVERRIDES:
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), f"prctl(PR_CAPBSET_DROP, {cap})")

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    keep = ~sum(1 << cap for cap in _PERMISSION_OVERRIDES) & 0xFFFFFFFF
    for name in ("effective", "permitted", "inheritable"):
        setattr(data[0], name, getattr(data[0], name) & keep)
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")


class Unprivileged:
    """Run the part of a test that file permissions must stop as a process they apply to.

    CI runs as root, for whom every folder is writable. Not root: both run as they are. Root: the
    child process first drops the capabilities that let root ignore permissions
    (:func:`_drop_permission_overrides`), so a read-only folder is read-only to it.
    """

    @staticmethod
    def _root() -> bool:
        return hasattr(os, "geteuid") and os.geteuid() == 0

    def cli(self, *args: str, timeout: float = 120):
        """``python -m parksgis ARGS`` in such a process: the CompletedProcess."""
        import subprocess

        env = dict(os.environ, PYTHONPATH=str(REPO))
        return subprocess.run([sys.executable, "-m", "parksgis", *args], capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=timeout, cwd=REPO,
                              preexec_fn=_drop_permission_overrides if self._root() else None)

    def call(self, check) -> None:
        """``check()`` in such a process (a forked child: the test's objects, even its window, are
        there as they are); a failed check fails the test with the child's traceback."""
        if not self._root():
            check()
            return
        import traceback

        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: drop the overrides, check, report, never return into pytest
            os.close(read)
            status = 0
            try:
                _drop_permission_overrides()
                check()
            except BaseException:  # noqa: BLE001 - everything goes back to the parent as text
                os.write(write, traceback.format_exc().encode())
                status = 1
            os._exit(status)
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            report = pipe.read().decode()
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, f"without root's permission overrides:\n{report}"


@pytest.fixture
def unprivileged() -> Unprivileged:
    return Unprivileged()


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
