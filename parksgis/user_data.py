"""Per-user folders (platformdirs): where parksgis keeps what it writes that is not a user's file.

The program never writes into its install or a checkout. Tests point these folders at a temporary
directory (tests/conftest.py sets the XDG_* variables platformdirs reads on Linux).
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import platformdirs

APP_NAME = "parksgis"
#: the layer cache is kept under this size by dropping the entries used least recently (a cache
#: pack of a million plots takes ~1.1 GB, the same plots kept as read ~250 MB) ...
LAYER_CACHE_MAX_BYTES = 4 * 1024**3
#: ... and entries not used for this long are dropped whatever the size (files moved or deleted)
LAYER_CACHE_UNUSED_DAYS = 30


def data_dir() -> Path:
    """The per-user data folder, e.g. ``~/.local/share/parksgis`` or ``%LOCALAPPDATA%\\parksgis``."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The per-user cache folder (what can be rebuilt), e.g. ``~/.cache/parksgis`` or
    ``%LOCALAPPDATA%\\parksgis\\Cache``."""
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def layer_cache_dir() -> Path:
    """Big layer files kept as read (``io.read_cache``) and as cache packs read per view
    (``app.layer_cache``): one folder, one clean-up (:func:`prune_layer_cache`)."""
    return cache_dir() / "layers"


def prune_layer_cache(keep: Path) -> None:
    """The layer cache's clean-up, run after ``keep`` was written: entries not used for
    :data:`LAYER_CACHE_UNUSED_DAYS` go, then the least recently used until the folder is under
    :data:`LAYER_CACHE_MAX_BYTES`. ``keep``'s entry stays.

    An entry is the files whose names share what comes before the first dot (a cache pack and its
    report); it was last used when the newest of them was modified (a reader touches what it
    uses). Files being written (names starting with a dot) are left alone for a day, then taken
for the leftovers of a process killed while writing. Never raises: a file
    another program holds open stays until the next clean-up.
    """
    entries: dict[str, list] = {}  # name -> [last used, size, files]
    for item in keep.parent.iterdir() if keep.parent.is_dir() else ():
        try:
            st = item.stat()
        except OSError:
            continue
        if not item.is_file():
            continue
        if item.name.startswith("."):  # being written, or left by a process killed meanwhile
            if st.st_mtime < time.time() - 86400:
                with contextlib.suppress(OSError):
                    item.unlink(missing_ok=True)
            continue
        entry = entries.setdefault(item.name.split(".")[0], [0.0, 0, []])
        entry[0] = max(entry[0], st.st_mtime)
        entry[1] += st.st_size
        entry[2].append(item)
    entries.pop(keep.name.split(".")[0], None)
    unused = time.time() - LAYER_CACHE_UNUSED_DAYS * 86400
    total = sum(size for _, size, _ in entries.values()) + _size(keep)
    for last_used, size, files in sorted(entries.values(), key=lambda e: e[0]):
        if last_used >= unused and total <= LAYER_CACHE_MAX_BYTES:
            break
        for item in files:
            try:
                item.unlink(missing_ok=True)
            except OSError:  # open in another window (Windows): removed next time
                pass
        total -= size


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def sample_register_file() -> Path:
    """The register of the bundled sample parks: the user's own, seeded on first use."""
    return data_dir() / "sample-parks" / "register.sqlite"
