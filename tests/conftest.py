"""Shared fixtures. Qt runs offscreen: with no display and no platform set, Qt aborts."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
