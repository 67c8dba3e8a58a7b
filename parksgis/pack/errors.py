"""Errors a layer pack raises on purpose: one line naming the pack file and what is wrong."""

from __future__ import annotations

from parksgis.errors import ParksgisError


class PackError(ParksgisError):
    """A pack cannot be built, opened, verified or merged."""

    def __init__(self, path, message: str):
        self.path = str(path)
        self.detail = message
        super().__init__(f"{self.path}: {message}")


class PackCorruptError(PackError):
    """The file is not a readable GeoPackage or its content differs from what was built."""


class PackVersionError(PackError):
    """The pack was written by a newer parksgis (format version above the supported one)."""

    def __init__(self, path, found: int, supported: int):
        self.found = found
        self.supported = supported
        super().__init__(path, f"pack format version {found} is newer than this parksgis supports "
                               f"(version {supported}); upgrade parksgis to open it")


class PackLockedError(PackError):
    """Another program holds the pack's write lock (a save or merge is running there)."""


class PackReadOnlyError(PackError):
    """A change was asked of a pack opened read-only; ``reason`` says why it is read-only."""


class ChangeFileError(PackError):
    """A change file (``export-changes`` output) is unreadable or not a parksgis change file."""
