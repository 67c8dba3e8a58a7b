"""Errors the register raises on purpose; each message names the file, the project and the problem."""

from __future__ import annotations

from parksgis.errors import ParksgisError


class RegisterError(ParksgisError):
    """The register file cannot be opened or a change cannot be made."""

    def __init__(self, path, message: str):
        self.path = str(path)
        self.detail = message
        super().__init__(f"{self.path}: {message}")


class RegisterLockedError(RegisterError):
    """Another program holds the register's write lock (a save or a merge in progress)."""


class SchemaVersionError(RegisterError):
    """The register was written by a newer parksgis (or needs a migration it cannot run here)."""

    def __init__(self, path, found: int, supported: int, message: str | None = None):
        self.found = found
        self.supported = supported
        super().__init__(path, message or (
            f"register schema version {found} is newer than this parksgis supports "
            f"(version {supported}); upgrade parksgis to open it"))


class ChangeError(RegisterError):
    """A change names an unknown project or field, or carries a value the register refuses."""


class ImportProblemsError(ParksgisError):
    """A spreadsheet import found problems, so nothing was applied."""

    def __init__(self, file: str, lines: list[str]):
        self.file = file
        self.lines = list(lines)
        first = self.lines[0] if self.lines else f"{file}: problems"
        more = f" (and {len(self.lines) - 1} more problems)" if len(self.lines) > 1 else ""
        super().__init__(f"{first}{more}; nothing was imported")


class SpreadsheetError(ParksgisError):
    """A spreadsheet file cannot be read or written at all (missing, wrong type, bad encoding)."""

    def __init__(self, path, message: str):
        self.path = str(path)
        super().__init__(f"{self.path}: {message}")
