"""Handing memory that was freed back to the system, so a long build's peak stays where it was.

When a build drops a million features, the C heap (glibc's malloc) keeps the freed pages: the
process's resident memory does not go down, and what a worker thread allocates next comes from
that thread's own heap arena, on top. ``malloc_trim`` returns the free pages to the system
(glibc 2.8 and later, which also releases free pages inside the heap, not only at its end).
Elsewhere (macOS, Windows, musl) this does nothing: their allocators return memory by themselves
or not at all, and nothing here depends on it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache


def give_back_freed_memory() -> None:
    """Return the C heap's free pages to the system, where glibc can; else nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim
