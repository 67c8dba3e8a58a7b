"""Progress of long commands: library code names its stages, the command line shows them.

``io``, ``pack`` and ``render`` call :func:`stage` as they go (``stage(f"reading {path}")``). That
costs nothing unless a command runs inside :func:`shown_on`, which draws one self-erasing line with
the stage and the elapsed time on a terminal — and nothing at all when the stream is a pipe or a
file, so scripts and logs stay clean. The line appears only once a command has run for ``delay``
seconds (:data:`DELAY`): short commands never flash one.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable

from parksgis.forking import fork_safe

#: seconds a command runs before its progress line appears
DELAY = 0.5

_reporter: ContextVar[Callable[[str], None] | None] = ContextVar("parksgis_progress", default=None)


def stage(text: str) -> None:
    """Say what the program is doing now (shown by :func:`shown_on`, else ignored)."""
    report = _reporter.get()
    if report is not None:
        report(text)


@contextmanager
def reported_to(callback: Callable[[str], None]):
    """Hand the stages reported inside the block (in this thread) to ``callback`` — e.g. a Qt
    signal that shows them in a progress dialog."""
    token = _reporter.set(callback)
    try:
        yield
    finally:
        _reporter.reset(token)


def is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # closed or not a real stream
        return False


@contextmanager
def shown_on(stream=None, delay: float | None = None, prefix: str = "parksgis: "):
    """Show the stages reported inside the block on ``stream`` (default stderr) when it is a
    terminal; the line is erased when the block ends, however it ends."""
    stream = stream if stream is not None else sys.stderr
    if not is_terminal(stream):
        yield
        return
    line = _StatusLine(stream, DELAY if delay is None else delay, prefix)
    try:
        with reported_to(line.set):
            yield
    finally:
        line.stop()


class _StatusLine:
    """One line rewritten in place (carriage return and padding: works on every terminal,
    Windows consoles included) by a ticker thread, so a stage that runs for a minute in C code
    (reading a 1M-plot file) still shows its time going up."""

    def __init__(self, stream, delay: float, prefix: str):
        self.stream, self.prefix = stream, prefix
        self.start = time.monotonic()
        self.text = ""
        self.width = 0  # of the line on screen, to blank it
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.delay = delay
        self.pid = os.getpid()  # a forked child (pack build's helpers) never draws
        self.ticker = threading.Thread(target=self._tick, name="parksgis-progress", daemon=True)
        # a fork happens with this line's lock held by the forking thread (_held_over_forks): the
        # ticker is then not half-way through writing to the stream, whose own lock the child
        # might need; the child leaves the line alone (self.pid)
        fork_safe(self.ticker)
        with _lines_lock:
            _lines.add(self)
        self.ticker.start()

    def set(self, text: str) -> None:
        if os.getpid() != self.pid:
            return
        with self.lock:
            self.text = text
        self._draw()

    def _tick(self) -> None:
        while not self.stopped.wait(0.25):
            self._draw()

    def _draw(self) -> None:
        if os.getpid() != self.pid:
            return
        elapsed = time.monotonic() - self.start
        with self.lock:
            if self.stopped.is_set() or not self.text or elapsed < self.delay:
                return
            shown = f"{self.prefix}{self.text} ({elapsed:.0f} s)"
            self._write("\r" + shown.ljust(self.width))
            self.width = len(shown)

    def stop(self) -> None:
        self.stopped.set()
        self.ticker.join()
        with _lines_lock:
            _lines.discard(self)
        with self.lock:
            if self.width:
                self._write("\r" + " " * self.width + "\r")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: progress is not worth an error
            pass


#: the status lines shown now, whose locks a fork holds (see _StatusLine.__init__)
_lines: set = set()
_lines_lock = threading.Lock()


def _hold_lines() -> None:
    _lines_lock.acquire()
    for line in _lines:
        line.lock.acquire()


def _release_lines() -> None:
    for line in _lines:
        line.lock.release()
    _lines_lock.release()


def _forget_lines() -> None:
    """In the child: the lines are the parent's (and their locks held): fresh ones, none shown."""
    global _lines_lock
    for line in _lines:
        line.lock = threading.Lock()
    _lines.clear()
    _lines_lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # not on Windows, which never forks
    os.register_at_fork(before=_hold_lines, after_in_parent=_release_lines, after_in_child=_forget_lines)
