"""The exception classes parksgis raises on purpose.

Every message names the file, the feature (where there is one) and the problem, in one line;
the CLI prints ``str(error)`` and never a traceback.
"""

from __future__ import annotations


class ParksgisError(Exception):
    """Base class of every error parksgis reports to a user."""


class LayerReadError(ParksgisError):
    """A layer file could not be read at all (missing, unreadable, not a layer)."""

    def __init__(self, path, message: str, code: str = "unreadable"):
        self.path = str(path)
        self.code = code
        super().__init__(f"{self.path}: {message}")


class UsageError(ParksgisError):
    """Bad command-line arguments or options (exit code 2)."""


class UnknownParkError(UsageError):
    """An option names a park the data does not have (exit code 2, like every usage error)."""
