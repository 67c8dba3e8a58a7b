"""Progress of long commands: library code names its stages, the command line shows them.

``io``, ``pack`` and ``render`` call :func:`stage` as they go (``stage(f"reading {path}")``). That
costs nothing unless a command runs inside :func:`shown_on`, which draws one self-erasing line with
the stage and the elapsed time on a terminal — and nothing at all when the stream is a pipe or a
file, so scripts and logs stay clean. The line appears only once a command has run for ``delay``
seconds (:data:`DELAY`): short commands never flash one.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable

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
        self.ticker = threading.Thread(target=self._tick, name="parksgis-progress", daemon=True)
        self.ticker.start()

    def set(self, text: str) -> None:
        with self.lock:
            self.text = text
        self._draw()

    def _tick(self) -> None:
        while not self.stopped.wait(0.25):
            self._draw()

    def _draw(self) -> None:
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
        with self.lock:
            if self.width:
                self._write("\r" + " " * self.width + "\r")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: progress is not worth an error
            pass
