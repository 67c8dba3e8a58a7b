"""How a pack file may be opened: writable, or read-only with a reason the UI can show.

SQLite locking is unreliable on network file systems and impossible on read-only media, so packs
there open read-only and ``immutable`` (no locks, no journal). Elsewhere the connection uses a
rollback journal (never WAL: WAL needs shared memory that network shares do not provide) and a
short busy timeout (:data:`parksgis.store.sqlite.BUSY_TIMEOUT_S`), so a second writer gets
:class:`PackLockedError` at once instead of a frozen window.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from parksgis.pack.errors import PackCorruptError, PackLockedError
from parksgis.store import sqlite

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "smb2", "afs", "ncpfs", "9p", "fuse.sshfs",
              "davfs", "fuse.davfs2", "fuse.rclone", "glusterfs", "ceph", "lustre"}

SQLITE_HEADER = b"SQLite format 3\x00"

#: What reading a damaged SQLite file can raise: SQLite's errors, and UnicodeDecodeError when
#: the damage puts bytes that are not UTF-8 into the schema (even SQLite's message then fails).
SQLITE_ERRORS = (sqlite3.Error, UnicodeDecodeError)


def mount_of(path: Path, mounts_file: str = "/proc/mounts") -> tuple[str, str] | None:
    """``(mount point, fs type)`` of the mount holding ``path`` (longest prefix), if known."""
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as fh:
            entries = [line.split() for line in fh]
    except OSError:
        return None
    target = str(path.resolve())
    best = None
    for fields in entries:
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fields[2])
    return best


def read_only_reason(path: Path, mounts_file: str = "/proc/mounts") -> str | None:
    """Why ``path`` must open read-only, or None when it can be edited in place."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return ("read-only: the pack is on a network share; copy it to a local disk to edit it")
    mount = mount_of(path, mounts_file)
    if mount and mount[1].lower() in NETWORK_FS:
        return (f"read-only: the pack is on a network share ({mount[1]} at {mount[0]}); "
                "copy it to a local disk to edit it")
    if not os.access(path, os.W_OK):
        return "read-only: the file is not writable (read-only media or permissions)"
    folder = path.parent if str(path.parent) else Path(".")
    if not os.access(folder, os.W_OK | os.X_OK):
        # a rollback journal is created next to the file; without it SQLite cannot write safely
        return f"read-only: the folder {folder} is not writable, so edits could not be saved safely"
    return None


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite or are shorter than their header says (truncated copies)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise PackCorruptError(path, f"cannot read the file: {exc.strerror or exc}") from None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise PackCorruptError(path, "not a GeoPackage: the file is not an SQLite database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if page_size < 512 or page_size & (page_size - 1):
        raise PackCorruptError(path, f"not a GeoPackage: bad page size {page_size} in the header")
    if size % page_size:
        raise PackCorruptError(path, f"truncated or damaged: {size} bytes is not a whole number of "
                                     f"{page_size}-byte pages")
    if counter_valid and pages and size < pages * page_size:
        raise PackCorruptError(path, f"truncated: the file has {size} bytes but its header says "
                                     f"{pages * page_size}")


def connect(path: Path, read_only: bool, immutable: bool | None = None) -> sqlite3.Connection:
    """An SQLite connection in autocommit mode: ``BEGIN``/``COMMIT`` are issued explicitly.

    ``immutable`` (default: same as ``read_only``, for callers that pass "the location is
    read-only") skips locking; a pack merely opened read-only on a local disk keeps its locks,
    so another program's half-finished write is never read.
    """
    immutable = read_only if immutable is None else immutable
    from parksgis.pack.format import decode_text

    try:
        conn = sqlite.connect(Path(path).resolve(), readonly=read_only, immutable=immutable,
                              create=False, text_factory=decode_text, row_factory=None)
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() == "wal":
                conn.execute("PRAGMA journal_mode = DELETE")
        return conn
    except SQLITE_ERRORS as exc:
        raise translate(path, exc) from None


def translate(path: Path, exc: Exception, doing: str = "open") -> Exception:
    """Our exception for an SQLite error: locked → PackLockedError, anything else → corrupt."""
    if isinstance(exc, UnicodeDecodeError):
        return PackCorruptError(path, f"cannot {doing} the pack: damaged schema or text (not UTF-8)")
    if sqlite.is_locked(exc):
        return PackLockedError(path, f"the pack is locked by another program (a save or merge is "
                                     f"running there); try again in a moment ({doing})")
    return PackCorruptError(path, f"cannot {doing} the pack: {exc}")


class EditLock:
    """Marks a pack as open for editing in this program, so a second window or program opens it
    read-only with a notice instead of editing a copy of the register that goes stale.

    A BSD ``flock`` on the pack file: separate from SQLite's own (fcntl) locks, so it never
    blocks a save, and the system drops it when the process ends — a crash leaves no stale lock.
    Where flock does not exist (Windows) only SQLite's locking guards the file.
    """

    def __init__(self, path: Path):
        self._fd: int | None = None
        self.held_elsewhere = False
        try:
            import fcntl
        except ImportError:
            return
        fd = os.open(path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            self.held_elsewhere = True
            return
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None
