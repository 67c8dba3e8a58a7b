"""Checks of the paths a command is given, before anything is read or written.

One rule for every command: a SRC that does not exist is a usage error (exit 2), and an output
never replaces one of the command's inputs or an existing pack or register (SQLite) file — a
typo in ``-o`` must not turn a pack into a kilobyte of JSON.
"""

from __future__ import annotations

import os
from pathlib import Path

from parksgis.errors import UsageError
from parksgis.files import is_sqlite


def existing_source(src: str, what: str = "layers folder, layer file or pack") -> Path:
    """``src`` as a Path, or a UsageError naming it when nothing is there."""
    path = Path(src)
    if not path.exists():
        raise UsageError(f"{src}: no such {what}")
    return path


def is_geopackage(path: Path) -> bool:
    """A .gpkg, or any SQLite file whose application id says GeoPackage (a renamed pack)."""
    if path.suffix.lower() == ".gpkg":
        return True
    try:
        with open(path, "rb") as fh:
            header = fh.read(72)
    except OSError:
        return False
    return is_sqlite(path) and header[68:72] in (b"GPKG", b"GP10", b"GP11")


def safe_output(out: str, *inputs: str) -> Path:
    """``out`` as a Path once it is known not to be an input, a folder, a pack or a register."""
    path = Path(out)
    for src in inputs:
        if src and os.path.exists(src) and path.exists() and os.path.samefile(src, path):
            raise UsageError(f"-o {out}: that is the input {src}; write the output to another file")
    if path.is_dir():
        raise UsageError(f"-o {out}: is a folder; give a file name")
    if path.is_file() and is_sqlite(path):
        raise UsageError(f"-o {out}: is a pack or register (an SQLite file); refusing to overwrite "
                         "it — write the output to another file")
    return path
