"""Work done by a forked child beside this process: when that is safe, and when it is wanted.

Forking copies a process with every lock as it stands; a lock another thread held at that
moment (SQLite's, Qt's, a stream's) stays held in the child forever. So a child is forked only
on Linux, from a process with one thread (or threads that keep their locks out of the way of a
fork: :func:`fork_safe`), and only where the process does nothing else
(``parksgis pack build``: :func:`whole_process`), never in the window.
"""

from __future__ import annotations

import threading
import weakref
from contextlib import contextmanager
from contextvars import ContextVar

_whole: ContextVar[bool] = ContextVar("parksgis_whole_process", default=False)
_fork_safe: "weakref.WeakSet[threading.Thread]" = weakref.WeakSet()


def fork_safe(thread: threading.Thread) -> None:
    """Count ``thread`` as one that never holds a lock a child could need when this process
    forks (it takes its locks out of the way with ``os.register_at_fork``): the progress line's
    ticker, so that a command run on a terminal forks like one run in a script."""
    _fork_safe.add(thread)


def can_fork() -> bool:
    """Linux, and no other Python thread (but :func:`fork_safe` ones) that could hold a lock
    the child would need."""
    import multiprocessing
    import sys

    here = threading.current_thread()
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() \
        and all(t is here or t in _fork_safe for t in threading.enumerate())


@contextmanager
def whole_process():
    """Inside the block (in this thread) the process does nothing but the work it runs, so
    readers may fork children to share it (:func:`wanted`)."""
    token = _whole.set(True)
    try:
        yield
    finally:
        _whole.reset(token)


def wanted() -> bool:
    """A child may be forked here: inside :func:`whole_process`, and it is safe."""
    return _whole.get() and can_fork()
