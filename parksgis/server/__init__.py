"""The headquarters register on PostgreSQL/PostGIS: schema, roles, load/dump, the register backend.

No Qt here. A source string ``postgresql://...`` or ``service=NAME`` names a database; passwords
are never taken or kept by parksgis — libpq reads them from ``~/.pgpass``, the service file or
``PGPASSWORD``.
"""

from parksgis.server.connection import is_database_source

__all__ = ["is_database_source"]
