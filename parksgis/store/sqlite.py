"""The one way parksgis opens an SQLite file (a folder's register.sqlite or a layer pack).

Every connection is in autocommit mode (``isolation_level=None``): callers issue ``BEGIN
IMMEDIATE``/``COMMIT`` themselves, one per write. The busy timeout is short on purpose: the app
opens and edits on its UI thread, and a user waiting behind another program's save must get
"busy — retry?" at once, not a frozen window (issue 11: nothing waits for a lock > ~0.5 s).
"""

from __future__ import annotations

import os
import sqlite3
from urllib.request import pathname2url

#: How long a connection waits for another program's lock before SQLite reports SQLITE_BUSY.
BUSY_TIMEOUT_S = 0.5

#: SQLite's primary result codes for "another connection holds a lock".
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def connect(path, *, readonly: bool = False, immutable: bool = False, create: bool = True,
            busy_timeout: float = BUSY_TIMEOUT_S, text_factory=None,
            row_factory=sqlite3.Row) -> sqlite3.Connection:
    """A connection to ``path`` (``":memory:"`` for a private in-memory database).

    ``readonly`` opens with ``mode=ro``; ``immutable`` also tells SQLite the file cannot change
    (read-only media, network shares), so it takes no locks. ``create`` False refuses to make a
    new file (``mode=rw``): opening a pack must never leave an empty file behind. Rows come back
    as :class:`sqlite3.Row` unless another ``row_factory`` is given (None: plain tuples).
    """
    path = str(path)
    if path == ":memory:":
        db = sqlite3.connect(path, isolation_level=None)
    else:
        if immutable:
            flags = "mode=ro&immutable=1"
        else:
            flags = "mode=ro" if readonly else ("mode=rwc" if create else "mode=rw")
        uri = f"file:{pathname2url(os.path.abspath(path))}?{flags}"
        db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout)
    if text_factory is not None:
        db.text_factory = text_factory
    db.row_factory = row_factory
    return db


def is_locked(exc: BaseException) -> bool:
    """Whether an SQLite error means "another connection holds a lock" (SQLITE_BUSY/LOCKED).

    Decided by SQLite's result code, never by the words of its message.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # Python 3.10 has no result codes on exceptions; its messages are fixed
        return isinstance(exc, sqlite3.OperationalError) and str(exc).startswith(
            ("database is locked", "database table is locked", "database schema is locked"))
    return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
