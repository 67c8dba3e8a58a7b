"""Per-user folders (platformdirs): where parksgis keeps what it writes that is not a user's file.

The program never writes into its install or a checkout. Tests point these folders at a temporary
directory (tests/conftest.py sets the XDG_* variables platformdirs reads on Linux).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "parksgis"


def data_dir() -> Path:
    """The per-user data folder, e.g. ``~/.local/share/parksgis`` or ``%LOCALAPPDATA%\\parksgis``."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The per-user cache folder (what can be rebuilt), e.g. ``~/.cache/parksgis`` or
    ``%LOCALAPPDATA%\\parksgis\\Cache``."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def sample_register_file() -> Path:
    """The register of the bundled sample parks: the user's own, seeded on first use."""
    return data_dir() / "sample-parks" / "register.sqlite"
