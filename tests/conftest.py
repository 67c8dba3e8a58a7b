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


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def sample_layers() -> Path:
    return LAYERS
