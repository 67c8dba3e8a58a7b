"""A step of ``parksgis pack build`` worked out by a forked child while this process goes on.

The child inherits everything it needs (nothing is pickled on the way in) and sends back only
its result. Where it cannot (no fork, a failure, a result that does not pickle) this process
works the step out itself when asked for the result, so an error is raised here exactly as it
would have been without the child.
"""

from __future__ import annotations

from typing import Callable


class Beside:
    """``function(*args)``, by a forked child when ``fork`` is true and forking is safe
    (``format._can_fork``), else here and now (its errors raised at once, as without this). A
    context manager: leaving the block ends a child still working (an error elsewhere)."""

    def __init__(self, fork: bool, function: Callable, *args):
        from parksgis.pack import format as fmt

        self.function, self.args = function, args
        self.process = self.receive = self.done = None
        if not (fork and fmt._can_fork()):
            self.done = function(*args)
        else:
            import multiprocessing

            context = multiprocessing.get_context("fork")
            self.receive, send = context.Pipe(duplex=False)
            self.process = context.Process(target=_work, args=(send, function, args), daemon=True,
                                           name="parksgis-beside")
            self.process.start()
            send.close()  # the child's end: the pipe reports EOF if the child dies

    def __enter__(self) -> "Beside":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def result(self):
        if self.process is not None:
            try:
                self.done = self.receive.recv()
            except (EOFError, OSError):  # the child died
                self.done = None
            finally:
                self.close()
            if self.done is None:
                self.done = self.function(*self.args)
        return self.done

    def close(self) -> None:
        if self.process is None:
            return
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.receive.close()
        self.process = None


def _work(send, function: Callable, args: tuple) -> None:
    """In the child: ``function(*args)`` to the pipe, None when it fails or does not pickle."""
    try:
        result = function(*args)
    except BaseException:  # raised again by the parent, which works it out itself
        result = None
    try:
        send.send(result)
    except BaseException:  # pickling failed before anything was written, or the parent is gone
        try:
            send.send(None)
        except BaseException:
            pass
    send.close()
