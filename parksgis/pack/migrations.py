"""Bringing packs of an older format version up to :data:`format.FORMAT_VERSION`.

Version 1 packs had no pack identity (``pack_id``), no display CRS in the manifest and no merge
tables. A migration runs only on a pack that verified, in one transaction, and re-hashes the
frozen tables it touched, so a tampered old pack is never "blessed" by migrating it.
"""

from __future__ import annotations

import sqlite3
import uuid

from parksgis.pack import format as fmt
from parksgis.store.migrations import run_steps


def _v1_to_v2(conn: sqlite3.Connection, manifest: dict) -> None:
    # A stable id: the same v1 pack migrated on two machines gets the same identity, so change
    # files from either are recognised as coming from the same pack.
    manifest["pack_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, "parksgis-pack:" + manifest.get(
        "source", "") + "@" + manifest.get("created", "")))
    manifest.setdefault("display_crs", fmt.DISPLAY_CRS)
    if conn is not None:
        fmt.create_merge_tables(conn)
        for table, text in ((fmt.CONFLICTS, "parksgis merge conflicts"),
                            (fmt.APPLIED, "parksgis change ids merged here")):
            fmt.register_attribute_table(conn, table, text, manifest.get("created", ""))


#: MIGRATIONS[n] turns a version-n pack into version n + 1.
MIGRATIONS = {1: _v1_to_v2}


def upgrade_manifest(manifest: dict) -> dict:
    """The manifest as the current version would have it, without touching the file (read-only)."""
    upgraded = dict(manifest)
    run_steps(MIGRATIONS, int(manifest["format_version"]), fmt.FORMAT_VERSION, None, upgraded)
    upgraded["format_version"] = str(fmt.FORMAT_VERSION)
    return upgraded


def migrate(conn: sqlite3.Connection, manifest: dict) -> dict:
    """Migrate the pack on ``conn`` in one transaction; returns the new manifest."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        upgraded = dict(manifest)
        run_steps(MIGRATIONS, int(manifest["format_version"]), fmt.FORMAT_VERSION, conn, upgraded)
        upgraded["format_version"] = str(fmt.FORMAT_VERSION)
        upgraded.update(fmt.frozen_digests(conn, int(upgraded.get("history_baseline", 0))))
        fmt.write_manifest(conn, upgraded)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return upgraded
