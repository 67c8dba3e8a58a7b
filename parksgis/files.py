"""Replacing a file atomically: the one way parksgis writes a file a user keeps.

The content goes to a temporary file in the same folder (a rename is atomic only within one file
system), is flushed and fsynced, gets its permissions, and is renamed over the target; the folder
is fsynced so the rename itself survives a power cut. A crash or a kill at any point leaves either
the old file or the new one, never a half-written one, and no temporary file once Python unwinds.

Permissions: a new file gets ``0666`` minus the umask (what ``open()`` would give); a replaced file
keeps its mode (an administrator's ``chmod 640`` survives an export).
"""

from __future__ import annotations

import errno
import os
import shutil
import uuid
from pathlib import Path
from typing import Callable

from parksgis.errors import ParksgisError


class FileWriteError(ParksgisError):
    """A file could not be written; the message names it, the disk or folder, and that the old
    file (if any) was left as it was."""

    def __init__(self, path, message: str, errno: int | None = None):
        self.path = str(path)
        self.errno = errno  # the OS's reason (errno.EACCES, ENOSPC…), for a window to say in its language
        super().__init__(f"{self.path}: {message}")


def umask_mode() -> int:
    """The mode ``open()`` gives a new file under the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def fsync_path(path, strict: bool = False) -> None:
    """fsync a file or a folder by name (a folder: so a rename in it is durable); best effort
    where the system cannot (Windows folders). ``strict``: a file whose data cannot reach the
    disk (full, I/O error) raises instead."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if strict:
            raise
        return
    try:
        os.fsync(fd)
    except OSError:
        if strict:
            raise
    finally:
        os.close(fd)


def _mount_point(folder: Path) -> Path:
    path = folder.resolve()
    while not os.path.ismount(path) and path.parent != path:
        path = path.parent
    return path


def _disk_words(folder: Path) -> str:
    """"the disk at /mnt/usb (0.2 MB free)": which disk, and how full, for a failed write."""
    try:
        free = shutil.disk_usage(folder).free
        return f"the disk at {_mount_point(folder)} ({free / 2**20:,.1f} MB free)"
    except OSError:
        return f"the disk holding {folder}"


_SPACE = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


class AtomicFile:
    """``with AtomicFile(path) as tmp: write(tmp)`` — ``path`` is replaced when the block ends
    without an exception; otherwise the temporary file is removed and ``path`` is untouched.

    ``tmp`` does not exist yet (writers such as GDAL refuse an existing empty file); its name
    ends in ``suffix`` so format-sniffing writers see the right extension. Call :meth:`commit`
    inside the block to replace the file at a chosen point (and catch its ``OSError`` there).

    Nothing replaces the target that did not reach the disk whole: the temporary must exist and
    not be empty, be fsynced without error and pass ``complete(tmp)`` (writers such as Qt's PDF
    and SVG generators do not report a full disk; their output then lacks its ending). A failure
    is a :class:`FileWriteError` naming the file, the disk and its free space, and saying the
    old file was left as it was.
    """

    def __init__(self, path, suffix: str = ".tmp", complete: Callable[[Path], bool] | None = None):
        self.path = Path(path)
        self.folder = self.path.parent if str(self.path.parent) else Path(".")
        self.tmp = self.folder / f".{self.path.name}.{uuid.uuid4().hex[:12]}{suffix}"
        self.complete = complete
        self.committed = False

    def _failed(self, reason: str, errno: int | None = None) -> FileWriteError:
        kept = "the old file was left as it was" if self.path.exists() else "nothing was written"
        return FileWriteError(self.path, f"{reason}; {kept}", errno)

    def commit(self) -> Path:
        try:
            size = self.tmp.stat().st_size
        except OSError:
            size = 0
        try:
            fsync_path(self.tmp, strict=True)
        except OSError as exc:
            raise self._failed(f"could not be saved to {_disk_words(self.folder)}: "
                               f"{exc.strerror or exc}") from None
        if not size or (self.complete is not None and not self.complete(self.tmp)):
            raise self._failed(f"was not written completely ({size:,} bytes) to "
                               f"{_disk_words(self.folder)}; is the disk full?")
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
        if not self.folder.is_dir():
            raise self._failed(f"the folder {self.folder} does not exist", errno.ENOENT)
        if not os.access(self.folder, os.W_OK):
            raise self._failed(f"cannot write into {self.folder}: the folder is not writable "
                               "(Permission denied)", errno.EACCES)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None and not self.committed:
                self.commit()
        finally:
            if not self.committed:
                self.discard()
        if isinstance(exc, OSError) and not isinstance(exc, FileWriteError):
            words = (f"the disk is full or the file too large for {_disk_words(self.folder)}"
                     if exc.errno in _SPACE else f"could not be written to {_disk_words(self.folder)}")
            raise self._failed(f"{words}: {exc.strerror or exc}", exc.errno) from None


def write_bytes_atomic(path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically (see module doc)."""
    with AtomicFile(path) as tmp:
        with open(tmp, "xb") as handle:
            handle.write(data)
    return Path(path)


def is_sqlite(path) -> bool:
    """Whether ``path`` is an SQLite file (a pack or a register, whatever its name), from its header.

    Here, not beside the readers: ``render``/``status export`` check their output with it, and
    importing the layer readers (GDAL) for that cost a fifth of a second per run."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
