"""Errors about a database source: one line naming the database (never its password) and the problem."""

from __future__ import annotations

from parksgis.errors import ParksgisError, UsageError


class ServerError(ParksgisError):
    """The database server cannot be reached, refuses us, or a statement failed (exit 1)."""

    def __init__(self, source: str, message: str):
        self.source = source
        self.detail = message
        super().__init__(f"{source}: {message}")


class ServerPermissionError(ServerError):
    """The server refused an action for this database user's role (enforced by the server)."""


class ConnectionLostError(ServerError):
    """The connection broke part-way (server stopped, network cut); the transaction was rolled back."""


class NotARegisterError(ServerError):
    """The database holds no parksgis schema (``parksgis db init`` has not been run)."""


class ServerSchemaVersionError(ServerError):
    """The database's parksgis schema is newer than this parksgis."""

    def __init__(self, source: str, found: int, supported: int):
        self.found, self.supported = found, supported
        super().__init__(source, f"parksgis schema version {found} is newer than this parksgis supports "
                                 f"(version {supported}); upgrade parksgis to use this database")


class BadConnectionStringError(UsageError):
    """The connection string itself is malformed (exit 2)."""
