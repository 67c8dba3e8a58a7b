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


def fetch_all(db: sqlite3.Connection, sql: str, params=()) -> list:
    """``db.execute(sql, params).fetchall()`` as plain tuples, text decoded by sqlite3's C code.

    A pack's connection decodes text through a Python function (``pack.format.decode_text``:
    damaged bytes survive as surrogates), which costs a call per value: half the time of reading
    a district's 100k projects or a view's plots. Valid UTF-8 decodes the same either way, so
    the query runs with ``str`` first and only again through the connection's own factory when
    some text is not UTF-8. ``db`` must belong to the calling thread (they all do here).
    """
    cursor = db.cursor()
    cursor.row_factory = None
    factory = db.text_factory
    if factory is str:
        return cursor.execute(sql, params).fetchall()
    db.text_factory = str
    try:
        return cursor.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if not str(exc).startswith("Could not decode to UTF-8"):
            raise
    finally:
        db.text_factory = factory
    return cursor.execute(sql, params).fetchall()


def recover_hot_journal(path: str, busy_timeout: float = BUSY_TIMEOUT_S) -> bool:
    """Roll back what a killed writer left in ``path``'s rollback journal, if this user may.

    A write killed part-way leaves a "hot" journal. SQLite rolls it back on the next read, but
    only on a connection that may write: a read-only connection fails with "attempt to write a
    readonly database" instead, and would keep failing for every reader. So a reader that can
    write the file and its folder first opens it read-write once and reads (the rollback is what
    the killed writer's transaction promised: the state before it). A journal of a writer still
    running is not hot (it holds its lock), and SQLite leaves it alone. Returns whether a journal
    was there to look at.
    """
    if not journal_is_live(path):
        return False
    folder = os.path.dirname(os.path.abspath(path))
    if not (os.access(path, os.W_OK) and os.access(folder, os.W_OK)):
        return True  # the caller's read fails; RegisterStore.open says what to run
    uri = f"file:{pathname2url(os.path.abspath(path))}?mode=rw"
    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        pass  # busy or damaged: the caller's own read reports it
    return True


#: The first bytes of a rollback journal that still holds a transaction's original pages.
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def journal_is_live(path: str) -> bool:
    """Whether ``path``'s rollback journal holds pages (a writer's, running or killed)."""
    try:
        with open(f"{path}-journal", "rb") as fh:
            return fh.read(8) == _JOURNAL_MAGIC
    except OSError:
        return False


def is_locked(exc: BaseException) -> bool:
    """Whether an SQLite error means "another connection holds a lock" (SQLITE_BUSY/LOCKED).

    Decided by SQLite's result code, never by the words of its message.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # Python 3.10 has no result codes on exceptions; its messages are fixed
        return isinstance(exc, sqlite3.OperationalError) and str(exc).startswith(
            ("database is locked", "database table is locked", "database schema is locked"))
    return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
