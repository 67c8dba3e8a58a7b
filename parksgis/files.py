"""Replacing a file atomically: the one way parksgis writes a file a user keeps.

The content goes to a temporary file in the same folder (a rename is atomic only within one file
system), is flushed and fsynced, gets its permissions, and is renamed over the target; the folder
is fsynced so the rename itself survives a power cut. A crash or a kill at any point leaves either
the old file or the new one, never a half-written one, and no temporary file once Python unwinds.

Permissions: a new file gets ``0666`` minus the umask (what ``open()`` would give); a replaced file
keeps its mode (an administrator's ``chmod 640`` survives an export).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path


def umask_mode() -> int:
    """The mode ``open()`` gives a new file under the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def fsync_path(path) -> None:
    """fsync a file or a folder by name (a folder: so a rename in it is durable); best effort
    where the system cannot (Windows folders)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class AtomicFile:
    """``with AtomicFile(path) as tmp: write(tmp)`` — ``path`` is replaced when the block ends
    without an exception; otherwise the temporary file is removed and ``path`` is untouched.

    ``tmp`` does not exist yet (writers such as GDAL refuse an existing empty file); its name
    ends in ``suffix`` so format-sniffing writers see the right extension. Call :meth:`commit`
    inside the block to replace the file at a chosen point (and catch its ``OSError`` there).
    """

    def __init__(self, path, suffix: str = ".tmp"):
        self.path = Path(path)
        folder = self.path.parent if str(self.path.parent) else Path(".")
        self.tmp = folder / f".{self.path.name}.{uuid.uuid4().hex[:12]}{suffix}"
        self.committed = False

    def commit(self) -> Path:
        fsync_path(self.tmp)
        try:
            mode = self.path.stat().st_mode & 0o777
        except OSError:
            mode = umask_mode()
        os.chmod(self.tmp, mode)
        os.replace(self.tmp, self.path)
        self.committed = True
        fsync_path(self.path.parent if str(self.path.parent) else ".")
        return self.path

    def discard(self) -> None:
        for leftover in (self.tmp, Path(f"{self.tmp}-journal")):  # SQLite's journal, if any
            try:
                leftover.unlink()
            except FileNotFoundError:
                pass

    def __enter__(self) -> Path:
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None and not self.committed:
                self.commit()
        finally:
            if not self.committed:
                self.discard()


def write_bytes_atomic(path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically (see module doc)."""
    with AtomicFile(path) as tmp:
        with open(tmp, "xb") as handle:
            handle.write(data)
    return Path(path)
