"""PROJ's choice of operation between two CRS, remembered per user across processes.

``Transformer.from_crs("EPSG:4326", "EPSG:4546")`` searches PROJ's database for every candidate
operation between WGS84 and CGCS2000: 60-200 ms of every ``parksgis render`` and of every window's
opening (measured 2026-12-04), for an answer that is the same every time. When that choice is one
PROJ pipeline giving the very same coordinates (``geometry._remade_quickly`` checks), its text is
kept in ``<user cache>/parksgis/proj-operations.json``; a later process makes the transformer
from that text with no database search (< 1 ms).

An entry holds only for the PROJ it was chosen by: the key names pyproj's and PROJ's versions, the
database file (size and modification time), the grid folders' modification times (a grid added
there can change PROJ's choice) and whether PROJ may fetch grids from the network. A damaged or
unreadable file is ignored (and written again); a file that cannot be written costs only the time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

FILE_NAME = "proj-operations.json"
#: entries kept (a few display CRS per user; stale keys of older PROJ versions drop out)
MAX_ENTRIES = 64


def cache_file() -> Path:
    from parksgis.user_data import cache_dir

    return cache_dir() / FILE_NAME


def operation_key(source_crs: str, target_crs: str) -> str:
    """What PROJ's choice between ``source_crs`` and ``target_crs`` depends on, as text."""
    import pyproj
    from pyproj.datadir import get_data_dir, get_user_data_dir

    folders = [p for p in get_data_dir().split(os.pathsep) if p] + [get_user_data_dir()]
    state = []
    for folder in folders:
        for path in (Path(folder), Path(folder) / "proj.db"):
            try:
                st = path.stat()
                state.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                state.append(f"{path}:-")
    network = pyproj.network.is_network_enabled()
    return (f"{source_crs} -> {target_crs} | pyproj {pyproj.__version__} PROJ {pyproj.proj_version_str} "
            f"network={network} | {' '.join(state)}")


def _read() -> dict[str, str]:
    try:
        entries = json.loads(cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(entries, dict):
        return {}
    return {k: v for k, v in entries.items() if isinstance(k, str) and isinstance(v, str)}


def remembered(key: str) -> str | None:
    """The pipeline remembered for ``key``, or None."""
    return _read().get(key)


def remember(key: str, pipeline: str) -> None:
    """Keep ``pipeline`` for ``key`` (the newest entries, at most :data:`MAX_ENTRIES`)."""
    from parksgis.files import AtomicFile, FileWriteError

    entries = _read()
    entries.pop(key, None)
    entries[key] = pipeline
    kept = dict(list(entries.items())[-MAX_ENTRIES:])
    path = cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with AtomicFile(path) as tmp:
            tmp.write_text(json.dumps(kept, ensure_ascii=False, indent=0), encoding="utf-8")
    except (OSError, FileWriteError):  # a read-only or full cache folder: chosen again next time
        pass
