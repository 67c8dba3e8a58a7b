"""Errors the register raises on purpose; each message names the file, the project and the problem."""

from __future__ import annotations

from dataclasses import dataclass

from parksgis.errors import ParksgisError


class RegisterError(ParksgisError):
    """The register file cannot be opened or a change cannot be made."""

    def __init__(self, path, message: str):
        self.path = str(path)
        self.detail = message  # the message without the path
        super().__init__(f"{self.path}: {message}")


class RegisterLockedError(RegisterError):
    """Another program holds the register's write lock (a save or a merge in progress)."""


class RegisterReadOnlyError(RegisterError):
    """A write was asked of a register opened read-only; the message says why it is read-only."""


@dataclass(frozen=True)
class StaleField:
    """One field of a change whose value moved on since the editor read it."""

    project_id: str
    field: str
    base: object       # what the editor saw (and based the edit on)
    new: object        # what the editor wanted to write
    current: object    # what the register holds now
    changed_by: str | None = None  # who wrote ``current``, from history (None: not recorded)
    changed_at: str | None = None  # when (UTC stamp of the history row)


class StaleEditError(RegisterError):
    """Someone else changed a field after the editor read it: nothing of the change set was written.

    ``fields`` lists every stale field; the first is also on the error itself (``project_id``,
    ``field``, ``base``, ``new``, ``current``, ``changed_by``, ``changed_at``) for the common
    one-field edit. The UI shows both values and lets the user keep theirs or the register's.
    """

    def __init__(self, path, fields: list[StaleField]):
        self.fields = list(fields)
        first = self.fields[0]
        self.project_id, self.field = first.project_id, first.field
        self.base, self.new, self.current = first.base, first.new, first.current
        self.changed_by, self.changed_at = first.changed_by, first.changed_at
        who = f" by {first.changed_by}" if first.changed_by else ""
        when = f" at {first.changed_at}" if first.changed_at else ""
        more = f" (and {len(self.fields) - 1} more fields)" if len(self.fields) > 1 else ""
        super().__init__(path, (
            f"project {first.project_id}, field {first.field}: changed{who}{when} to "
            f"{_shown(first.current)} after you read {_shown(first.base)}; your "
            f"{_shown(first.new)} was not saved{more}; nothing was changed"))


def _shown(value) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, float):
        return f"{value:g}"
    return f"'{value}'" if isinstance(value, str) else str(value)


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

