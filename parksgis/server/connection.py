"""Opening a database source with psycopg 3, and turning libpq's failures into one readable line.

A source is ``postgresql://[user@]host[:port]/db[?param=...]`` (``postgres://`` too) or a libpq
keyword string starting ``service=NAME`` (the service file, ``~/.pg_service.conf``). Every libpq
parameter works (``sslmode``, ``connect_timeout``, ``host=/run/postgresql`` ...). parksgis never
asks for, stores or prints a password: libpq takes it from ``~/.pgpass``, the service file or
``PGPASSWORD``, and a password written into the source is blanked in every message.
"""

from __future__ import annotations

import re

from parksgis.server.errors import (BadConnectionStringError, ConnectionLostError, ServerError,
                                    ServerPermissionError)

PREFIXES = ("postgresql://", "postgres://", "service=")
#: Seconds to wait for the server before saying it cannot be reached (libpq's default is forever).
CONNECT_TIMEOUT_S = 5
APPLICATION_NAME = "parksgis"


def is_database_source(src) -> bool:
    """Whether ``src`` (a command-line SRC, a path) names a database rather than a file or folder."""
    return isinstance(src, str) and src.strip().lower().startswith(PREFIXES)


def display(src: str) -> str:
    """``src`` without any password in it: what messages show and what the app remembers."""
    text = re.sub(r"(postgres(?:ql)?://[^:/@?]*):[^@/?]*@", r"\1@", src.strip())
    text = re.sub(r"([?&])password=[^&]*&?", r"\1", text).rstrip("?&")
    return re.sub(r"\s*\bpassword\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", "", text).strip()


def connect(src: str, *, autocommit: bool = False):
    """A psycopg connection to ``src``, or a one-line :class:`ServerError` / usage error."""
    import psycopg
    from psycopg import conninfo

    shown = display(src)
    try:
        params = conninfo.conninfo_to_dict(src.strip())
    except psycopg.ProgrammingError as exc:
        raise BadConnectionStringError(f"{shown}: not a valid PostgreSQL connection string "
                                       f"({first_line(exc)})") from None
    params.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
    params.setdefault("application_name", APPLICATION_NAME)
    try:
        return psycopg.connect(autocommit=autocommit, **params)
    except psycopg.ProgrammingError as exc:
        raise BadConnectionStringError(f"{shown}: not a valid PostgreSQL connection string "
                                       f"({first_line(exc)})") from None
    except psycopg.Error as exc:
        raise connect_error(shown, exc, params) from None


def connect_error(shown: str, exc: Exception, params: dict) -> ServerError:
    """The one-line error for a failed connection attempt (libpq gives no codes here: only text)."""
    text = first_line(exc)
    low = str(exc).lower()
    user = params.get("user")
    if "password authentication failed" in low or "no password supplied" in low:
        who = f" for user {user}" if user else ""
        return ServerError(shown, f"password authentication failed{who}; parksgis stores no passwords: "
                                  "put it in ~/.pgpass, the service file or PGPASSWORD")
    if "definition of service" in low or "service file" in low or "invalid integer value" in low \
            or "invalid connection option" in low or re.search(r"invalid \w+ value", low) \
            or "invalid uri" in low or "invalid percent-encoded" in low or "servname not supported" in low:
        return BadConnectionStringError(f"{shown}: not a valid PostgreSQL connection string ({text})")
    if re.search(r'database "[^"]*" does not exist', low):
        return ServerError(shown, f"{text} (create it, then run parksgis db init)")
    if re.search(r'role "[^"]*" does not exist', low):
        return ServerError(shown, f"{text}")
    if "timeout expired" in low or "connection refused" in low or "no such file or directory" in low \
            or "could not translate host name" in low or "could not connect" in low \
            or "failed to resolve host" in low \
            or "is the server running" in low or "connection to server" in low:
        return ServerError(shown, f"cannot reach the database server; is it running and is the "
                                  f"address right? ({text})")
    return ServerError(shown, f"cannot connect: {text}")


def statement_error(shown: str, exc: Exception, doing: str):
    """The one-line error for a statement that failed while ``doing`` something; rolled back."""
    import psycopg
    from psycopg import errors

    if isinstance(exc, errors.LockNotAvailable):
        from parksgis.store.errors import RegisterLockedError

        return RegisterLockedError(shown, f"another desk is writing the same project right now ({doing}); "
                                          "try again in a moment; nothing was changed")
    if isinstance(exc, errors.InsufficientPrivilege):
        return ServerPermissionError(shown, f"permission denied while {doing}: the server refused it for "
                                            f"this database user ({first_line(exc)}); "
                                            "ask an admin: parksgis db grant")
    if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)) and (
            isinstance(exc, (errors.AdminShutdown, errors.CrashShutdown))
            or isinstance(exc, psycopg.InterfaceError) or "closed" in str(exc).lower()
            or "terminat" in str(exc).lower() or "lost" in str(exc).lower() or exc.sqlstate is None):
        return ConnectionLostError(shown, f"lost the connection to the database server while {doing}; "
                                          "nothing was changed")
    return ServerError(shown, f"{doing} failed: {first_line(exc)}; nothing was changed")


def first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    # libpq prefixes "connection failed: " and repeats the socket path; keep the server's words
    text = lines[0] if lines else type(exc).__name__
    return re.sub(r"^connection failed:\s*", "", text)
