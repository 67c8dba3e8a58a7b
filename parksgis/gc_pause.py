"""Pausing Python's cyclic garbage collector while a load allocates millions of objects.

A parse or a register read makes hundreds of thousands of small containers and keeps them; the
collector, triggered by every few hundred allocations, would re-scan all that is alive for nothing
(100k polygons: 1.3 s of CPU paused against 3.7 s running; 100k projects: 0.25 s against 0.6 s).
Reference counting still frees everything at once; only cycles wait until the pause ends.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # blocks inside gc_paused now, in every thread
_resume = False  # whether the collector was on when the first of them began


@contextmanager
def gc_paused():
    """No cyclic collection inside the block. Blocks may nest and overlap in several threads
    (the map's two read lanes): the collector resumes when the last of them ends, and only
    if it was on when the first began."""
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def age_without_scanning() -> None:
    """Count every object alive now as old (the oldest generation), without scanning it.

    While the collector is off, everything allocated stays in the youngest generation: the first
    collection after it is turned back on walks all of it (a 100k-plot render: 0.15 s, just
    before the process exits). Moved to the oldest generation (``gc.freeze`` then
    ``gc.unfreeze``: two list splices), those objects wait for the next full collection."""
    gc.freeze()
    gc.unfreeze()


def keep_out_of_collections() -> None:
    """Leave every object alive now out of later cyclic collections (``gc.freeze``), after the
    objects a previous call left out are let back in (``gc.unfreeze``: the workspace they
    belonged to may be gone).

    Called once a workspace is shown: its projects, frames and Qt wrappers live as long as it
    does, and a full collection would otherwise walk all of them whenever the map's reads and
    frames have allocated enough (at a million plots: 100-250 ms in the middle of a zoom).
    Reference counting still frees them; only a cycle among them waits for the next call."""
    gc.unfreeze()
    gc.freeze()


def forget_module_sources() -> None:
    """Drop the source lines of every imported module that PySide6 left in ``linecache``.

    Once PySide6 is imported, its import hook reads the source of each module imported after
    it (``inspect.getsource``, to see whether the module uses PySide6), and ``linecache`` keeps
    every line: pandas, geopandas, numpy... 20-40 MB of text a GIS session never looks at
    again. A traceback reads the lines it needs back from the files."""
    import linecache

    linecache.clearcache()
