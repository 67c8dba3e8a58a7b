"""The register's SQLite tables, their schema version and the migrations between versions.

The version lives in our own ``parksgis_meta`` table, not in ``PRAGMA user_version``: inside a
GeoPackage the SQLite header's application_id/user_version belong to the GeoPackage format.
All table names start with ``parksgis_`` so the register can sit inside a layer pack.
"""

from __future__ import annotations

import sqlite3

from parksgis.store.migrations import run_steps

SCHEMA_VERSION = 2

_PROJECT_COLUMNS = """
    project_id TEXT PRIMARY KEY NOT NULL,
    park TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    progress_pct REAL,
    investment_wan_yuan REAL,
    planned_start TEXT,
    planned_finish TEXT,
    actual_start TEXT,
    actual_finish TEXT,
    owner TEXT NOT NULL DEFAULT '',
    contractor TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
"""

_META = "CREATE TABLE parksgis_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"
_SCHEME = """CREATE TABLE parksgis_status_scheme (
    code TEXT PRIMARY KEY NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
    color TEXT NOT NULL, position INTEGER NOT NULL)"""
_PROJECTS = f"CREATE TABLE parksgis_projects ({_PROJECT_COLUMNS})"

# History is append-only: nothing ever UPDATEs or DELETEs a row. ``edit_id`` groups the rows of
# one write (an app edit, one spreadsheet import) so undo can revert the group; ``reverts`` on an
# undo row names the group it reverted. Order is (changed_at, id): same-day changes keep their order.
_HISTORY = """CREATE TABLE parksgis_history (
    id INTEGER PRIMARY KEY,
    edit_id INTEGER NOT NULL,
    project_id TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    field TEXT NOT NULL,
    old TEXT,
    new TEXT,
    author TEXT NOT NULL,
    source TEXT NOT NULL,
    reverts INTEGER)"""
_HISTORY_INDEX = ("CREATE INDEX parksgis_history_project "
                  "ON parksgis_history (project_id, field, changed_at, id)")

#: Every table of the register, for dumps, checks and for the pack's table list.
TABLES = ("parksgis_meta", "parksgis_status_scheme", "parksgis_projects", "parksgis_history")

CURRENT_DDL = (_META, _SCHEME, _PROJECTS, _HISTORY, _HISTORY_INDEX)

#: Version 1, the first layout: history without edit groups. Kept so old registers migrate and
#: so the migration is tested against a real version-1 file.
V1_DDL = (_META, _SCHEME, _PROJECTS, """CREATE TABLE parksgis_history (
    id INTEGER PRIMARY KEY, project_id TEXT NOT NULL, changed_at TEXT NOT NULL, field TEXT NOT NULL,
    old TEXT, new TEXT, author TEXT NOT NULL, source TEXT NOT NULL)""")


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    # Version 1 had no edit groups: rows written together share changed_at, author and source.
    db.execute("ALTER TABLE parksgis_history ADD COLUMN edit_id INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE parksgis_history ADD COLUMN reverts INTEGER")
    db.execute("""UPDATE parksgis_history SET edit_id = (
        SELECT MIN(h.id) FROM parksgis_history h WHERE h.changed_at = parksgis_history.changed_at
        AND h.author = parksgis_history.author AND h.source = parksgis_history.source)""")
    db.execute(_HISTORY_INDEX)


#: MIGRATIONS[n] turns version n into version n + 1, inside the caller's transaction.
MIGRATIONS = {1: _migrate_1_to_2}


def has_register(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'parksgis_meta'")
    return row.fetchone() is not None


def read_version(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM parksgis_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def create_tables(db: sqlite3.Connection, version: int = SCHEMA_VERSION) -> None:
    """Create the register tables (inside the caller's transaction) at ``version``."""
    for ddl in (CURRENT_DDL if version == SCHEMA_VERSION else V1_DDL):
        db.execute(ddl)
    db.execute("INSERT INTO parksgis_meta (key, value) VALUES ('schema_version', ?)", (str(version),))
    _register_in_geopackage(db)


def migrate(db: sqlite3.Connection, found: int) -> None:
    """Bring a register from version ``found`` to :data:`SCHEMA_VERSION` (caller's transaction)."""
    run_steps(MIGRATIONS, found, SCHEMA_VERSION, db)
    db.execute("UPDATE parksgis_meta SET value = ? WHERE key = 'schema_version'",
               (str(SCHEMA_VERSION),))


def _register_in_geopackage(db: sqlite3.Connection) -> None:
    """Inside a GeoPackage, list our tables as attribute tables so QGIS and GDAL show them."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_contents'").fetchone() is None:
        return
    for table in TABLES:
        db.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, "
                   "last_change) VALUES (?, 'attributes', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                   (table, table))
