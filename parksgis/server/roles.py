"""``db grant``: give a database user a parksgis role. The server enforces what each role may do
(see :mod:`parksgis.server.schema`); parksgis only asks it."""

from __future__ import annotations

from parksgis.server import connection, schema
from parksgis.server.errors import ServerError


def grant(src: str, kind: str, role: str) -> str:
    """Make database user ``role`` a viewer, editor or admin of ``src``; a line saying so."""
    import psycopg
    from psycopg import sql

    from parksgis.server.register import check_schema

    shown = connection.display(src)
    group = schema.ROLES[kind]
    with connection.connect(src) as conn:
        check_schema(conn, shown)
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
            raise ServerError(shown, f"no database user {role!r}; create it first "
                                     f"(CREATE ROLE {role} LOGIN PASSWORD '...')")
        try:
            with conn.transaction():
                conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(role)))
        except psycopg.Error as exc:
            raise connection.statement_error(shown, exc, f"granting {group} to {role}") from None
    return f"{shown}: {role} is now a parksgis {kind} ({group})"
