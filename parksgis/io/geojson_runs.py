"""The runs of a big FeatureCollection (``geojson_chunks``) read by two processes.

Reading a run — orjson's parse, then a Python pass over each feature and each position — is
single-core work, ~20 s for a million plots. Where a process may fork a child beside it
(``parksgis pack build``: :func:`parksgis.forking.wanted`), a forked child reads the later half
of the runs while this process reads the first half, and sends each run's result back as soon
as it is read (pickled, a few MB at a time: the pipe never holds more than a run, and this
process drains it between its own runs). The results come out in run order either way, so the
layer, its feature numbers and every message are those of one process reading every run.

Where the child cannot help (a run it fails to read, a result that does not pickle, the child
gone) this process reads that run and those after it itself, so an error is raised here
exactly as it would have been without the child.
"""

from __future__ import annotations

from typing import Callable, Iterator

from parksgis import forking

#: Fewer runs than this are read by this process alone (a child costs a fork and a pipe).
MIN_RUNS = 8


def each_run(runs: list, read: Callable) -> Iterator:
    """``read(run)`` of each of ``runs``, in order; the later half by a forked child when wanted."""
    if len(runs) < MIN_RUNS or not forking.wanted():
        for run in runs:
            yield read(run)
        return
    import multiprocessing

    mine, theirs = runs[:len(runs) // 2], runs[len(runs) // 2:]
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_read_and_send, args=(send, theirs, read), daemon=True,
                            name="parksgis-read-runs")
    child.start()
    send.close()  # the child's end: the pipe reports EOF if the child dies
    received: list = []  # the child's results, in its runs' order; _FAILED ends them

    def take() -> None:
        if len(received) < len(theirs) and (not received or received[-1] is not _FAILED):
            received.append(_received(receive))

    try:
        for run in mine:
            yield read(run)
            while len(received) < len(theirs) and receive.poll():  # so the child never waits
                take()
                if received[-1] is _FAILED:
                    break
        for i, run in enumerate(theirs):
            if i >= len(received):
                take()
            result = received[i] if i < len(received) else _FAILED
            if result is _FAILED:  # this run and those after it are read here
                yield read(run)
                continue
            received[i] = None  # not kept here once handed on
            yield result
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        receive.close()


_FAILED = object()


def _received(receive):
    """The next result from the child; :data:`_FAILED` when it could not read or send one."""
    try:
        ok, result = receive.recv()
    except (EOFError, OSError):  # the child died
        return _FAILED
    return result if ok else _FAILED


def _read_and_send(send, runs: list, read: Callable) -> None:
    """In the child: each run's result down the pipe; at the first failure, a failure, and stop."""
    for run in runs:
        try:
            result = read(run)
        except BaseException:  # read again (and raised) by the parent
            _send(send, (False, None))
            break
        if not _send(send, (True, result)):
            break
    send.close()


def _send(send, message) -> bool:
    try:
        send.send(message)
        return True
    except BaseException:  # pickling failed before anything was written, or the parent is gone
        try:
            send.send((False, None))
        except BaseException:
            pass
        return False
