"""What a pack file holds: format version, table names, the manifest and the content hashes.

A pack is an ordinary GeoPackage. Our tables are attribute tables named ``parksgis_*`` and
listed in ``gpkg_contents`` (data_type ``attributes``) so GDAL and QGIS show them too.

Content hashes are SHA-256 over a canonical serialisation of a table's rows (column names, then
every row ordered by all columns, each value tagged with its SQLite type). They depend on the
rows only, not on page layout, free space or file timestamps, so building twice from the same
input gives the same hashes, and any change to a stored value changes the hash.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import struct
from urllib.request import pathname2url

# merge conflicts (both values kept, open or resolved) and the change ids merged into a register
# (re-merge is a no-op) are the register's merge ledger; a pack has them from its build on
from parksgis.store.merge_ledger import APPLIED, CONFLICTS  # noqa: F401
from parksgis.store.merge_ledger import create_tables as create_merge_tables  # noqa: F401

#: Version of the pack layout this parksgis writes. Older packs are migrated (see migrations.py);
#: newer ones are refused with PackVersionError.
FORMAT_VERSION = 2

MANIFEST = "parksgis_manifest"
LAYERS = "parksgis_layers"        # one row per spatial table: park, kind, titles, style, order
PARKS = "parksgis_parks"          # park id, names, 2014 KPIs
BASELINE = "parksgis_changes"     # register field values as built: what export-changes diffs against
# CONFLICTS, APPLIED and create_merge_tables: the register's merge ledger (imported above)

#: The register tables that edits change (see parksgis.store.schema). verify() checks them by
#: replaying history onto the build baseline instead of by hash; history rows from before the
#: build are hashed like frozen content.
REGISTER_PROJECTS = "parksgis_projects"
REGISTER_HISTORY = "parksgis_history"

#: Tables that change after the build (edits, merges); everything else in the file is frozen and
#: hashed, including the register's status scheme and schema version.
#: (sqlite_sequence only counts the GDAL layer tables' AUTOINCREMENT ids, so it is frozen too.)
MUTABLE = frozenset({MANIFEST, CONFLICTS, APPLIED, REGISTER_PROJECTS, REGISTER_HISTORY,
                     "sqlite_stat1", "sqlite_stat4"})

DISPLAY_CRS = "EPSG:4546"


def decode_text(data: bytes) -> str:
    """SQLite text as str; bytes that are not UTF-8 (damage) survive as surrogates, not errors."""
    return data.decode("utf-8", "surrogateescape")


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tag(value) -> bytes:
    """A value with its SQLite storage class, so 1, 1.0, '1' and b'1' all serialise differently."""
    if value is None:
        return b"N;"
    if isinstance(value, int):
        return b"I" + str(value).encode() + b";"
    if isinstance(value, float):
        return b"F" + struct.pack(">d", value) + b";"
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogateescape")  # invalid UTF-8 hashes as its bytes
        return b"T" + str(len(data)).encode() + b":" + data
    data = bytes(value)
    return b"B" + str(len(data)).encode() + b":" + data


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({quote(table)})")]


def table_digest(conn: sqlite3.Connection, table: str, where: str = "") -> tuple[str, int]:
    """``(sha256 hex, row count)`` of a table's rows in canonical form.

    SQLite writes each row's canonical bytes itself (the same bytes ``_tag`` gives, one blob per
    row), so no Python runs per value: 100k-plot packs hash in a fraction of the time.
    """
    cols = columns(conn, table)
    digest = hashlib.sha256()
    digest.update(json.dumps([table, cols], ensure_ascii=False).encode())
    conn.create_function(_REAL_TAG, 1, _real_tag, deterministic=True)
    row_bytes = " || ".join(["'R'"] + [_tag_sql(quote(c)) for c in cols])
    order = ", ".join(quote(c) for c in cols)
    sql = f"SELECT CAST({row_bytes} AS BLOB) FROM {quote(table)} {where} ORDER BY {order}"
    count = 0
    update = digest.update
    for (data,) in conn.execute(sql):
        count += 1
        update(data)
    return digest.hexdigest(), count


_REAL_TAG = "parksgis_real_tag"


def _real_tag(value) -> bytes:
    return _tag(float(value))


def _tag_sql(column: str) -> str:
    """SQL for ``_tag`` of one column's value (text and blob bytes are concatenated as they are:
    SQLite strings are counted, so NULs and invalid UTF-8 pass through unchanged)."""
    return (f"(CASE typeof({column}) WHEN 'null' THEN 'N;' "
            f"WHEN 'integer' THEN 'I' || {column} || ';' "
            f"WHEN 'real' THEN {_REAL_TAG}({column}) "
            f"WHEN 'text' THEN 'T' || length(CAST({column} AS BLOB)) || ':' || {column} "
            f"ELSE 'B' || length({column}) || ':' || {column} END)")


def table_digest_per_value(conn: sqlite3.Connection, table: str, where: str = "") -> tuple[str, int]:
    """The reference implementation of :func:`table_digest` (one Python call per value)."""
    cols = columns(conn, table)
    digest = hashlib.sha256()
    digest.update(json.dumps([table, cols], ensure_ascii=False).encode())
    order = ", ".join(str(i + 1) for i in range(len(cols)))
    sql = f"SELECT * FROM {quote(table)} {where} ORDER BY {order}"
    count = 0
    for row in conn.execute(sql):
        count += 1
        digest.update(b"R")
        for value in row:
            digest.update(_tag(value))
    return digest.hexdigest(), count


def schema_digest(conn: sqlite3.Connection, skip: set[str]) -> str:
    """SHA-256 of the table, index, trigger and view definitions (not their page numbers)."""
    digest = hashlib.sha256()
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                        "ORDER BY type, name").fetchall()
    for kind, name, table, sql in rows:
        if table in skip or name in skip:
            continue
        digest.update(_tag(kind) + _tag(name) + _tag(table) + _tag(sql))
    return digest.hexdigest()


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Every real table (virtual R-tree tables are read through their shadow tables instead)."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                        "ORDER BY name").fetchall()
    return [name for name, sql in rows if not (sql or "").upper().startswith("CREATE VIRTUAL")]


def frozen_digests(conn: sqlite3.Connection, history_baseline: int, *,
                   path=None, also: list[tuple[str, str]] = ()) -> dict[str, str] | tuple[dict, list]:
    """``{"sha256:<table>": hex, "rows:<table>": n, "sha256:schema": hex}`` of the frozen content.

    The schema digest covers every table, index and trigger, mutable tables too: their rows
    change, their definitions do not. ``path``: see :func:`table_digests`. ``also``: more
    ``(table, where)`` jobs hashed in the same go (the build's hashes of the register as
    built); then ``(that dict, their (sha, rows))`` is returned.
    """
    skip = set(MUTABLE)
    out: dict[str, str] = {"sha256:schema": schema_digest(conn, set())}
    jobs = [(REGISTER_HISTORY, f"WHERE id <= {int(history_baseline)}")]
    jobs += [(table, "") for table in user_tables(conn) if table not in skip]
    found = table_digests(conn, jobs + list(also), path=path)
    for (table, _), (sha, count) in zip(jobs, found):
        out[f"sha256:{table}"] = sha
        out[f"rows:{table}"] = str(count)
    return (out, found[len(jobs):]) if also else out


def table_digests(conn: sqlite3.Connection, jobs: list[tuple[str, str]], *,
                  path=None) -> list[tuple[str, int]]:
    """:func:`table_digest` of each ``(table, where)`` of ``jobs``, in that order.

    With ``path`` (the file ``conn`` reads; what is committed there is hashed) and where a
    process can be forked (Linux), a child process hashes about half of the rows beside this
    one: two cores hash a million-plot pack in about half the time. (Not a thread: SQLite lets go
    of the GIL for every row, and two threads taking it back millions of times cost more CPU
    than they save.) Jobs that select the same rows (a table, and the same table up to an id
    at or past its last) are hashed once.
    """
    unique = list(dict.fromkeys(_same_rows(conn, table, where) for table, where in jobs))
    hashed = dict(zip(unique, _digests(conn, unique, path)))
    return [hashed[_same_rows(conn, table, where)] for table, where in jobs]


def _same_rows(conn: sqlite3.Connection, table: str, where: str) -> tuple[str, str]:
    """``(table, where)``, or ``(table, "")`` when ``where`` is ``WHERE id <= n`` and no row's
    id is above n (it selects every row: the history as built, hashed as frozen content)."""
    bound = where.removeprefix("WHERE id <= ")
    if bound != where and bound.isdigit():
        last = conn.execute(f"SELECT max(id) FROM {quote(table)}").fetchone()[0]
        if last is None or last <= int(bound):
            return table, ""
    return table, where


def _digests(conn: sqlite3.Connection, jobs: list[tuple[str, str]], path) -> list[tuple[str, int]]:
    if path is None or len(jobs) < 2 or not _can_fork():
        return [table_digest(conn, table, where) for table, where in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    sizes = [_cost_estimate(conn, table) for table, _ in jobs]
    mine, theirs, load = [], [], [0, 0]
    for i in sorted(range(len(jobs)), key=lambda i: -sizes[i]):  # biggest first, to the lighter side
        side = 0 if load[0] <= load[1] else 1
        (mine, theirs)[side].append(i)
        load[side] += sizes[i]
    results: list = [None] * len(jobs)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as child:
        theirs_done = child.submit(_digests_of_file, str(path), [jobs[i] for i in theirs])
        for i in mine:
            results[i] = table_digest(conn, *jobs[i])
        for i, result in zip(theirs, theirs_done.result()):
            results[i] = result
    return results


def _can_fork() -> bool:
    """:func:`parksgis.forking.can_fork` (tests set this one to fork under pytest's threads)."""
    from parksgis.forking import can_fork

    return can_fork()


def _digests_of_file(path: str, jobs: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """In the child process: its own read-only connection, never the parent's."""
    conn = sqlite3.connect(f"file:{pathname2url(os.path.abspath(path))}?mode=ro", uri=True)
    try:
        return [table_digest(conn, table, where) for table, where in jobs]
    finally:
        conn.close()


def _cost_estimate(conn: sqlite3.Connection, table: str) -> int:
    """Values to hash in ``table``, near enough: its largest rowid (its row count, read from the
    B-tree's end) times its columns (each value is tagged and joined on its own)."""
    try:
        rows = conn.execute(f"SELECT max(rowid) FROM {quote(table)}").fetchone()[0] or 0
    except sqlite3.Error:  # a table without rowids: counted as small
        return 0
    return rows * len(columns(conn, table))


def read_manifest(conn: sqlite3.Connection) -> dict[str, str] | None:
    """The manifest as a dict of text, or None when the file has no parksgis manifest."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                         (MANIFEST,)).fetchone()
    if not found:
        return None
    return {key: value for key, value in conn.execute(f"SELECT key, value FROM {MANIFEST}")}


def manifest_digest(manifest: dict) -> str:
    """SHA-256 of the manifest's own entries (all but this one), so a changed manifest shows."""
    body = {k: v for k, v in manifest.items() if k != "sha256:manifest"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def write_manifest(conn: sqlite3.Connection, manifest: dict) -> None:
    entries = {k: str(v) for k, v in manifest.items() if v is not None}
    entries["sha256:manifest"] = manifest_digest(entries)
    conn.execute(f"CREATE TABLE IF NOT EXISTS {MANIFEST} (id INTEGER PRIMARY KEY, "
                 "key TEXT NOT NULL UNIQUE, value TEXT NOT NULL)")
    conn.execute(f"DELETE FROM {MANIFEST}")
    conn.executemany(f"INSERT INTO {MANIFEST} (key, value) VALUES (?, ?)", sorted(entries.items()))
    manifest.clear()
    manifest.update(entries)


def register_attribute_table(conn: sqlite3.Connection, table: str, description: str,
                             stamp: str) -> None:
    """List a plain table in ``gpkg_contents`` so GDAL and QGIS open it as a layer without geometry."""
    conn.execute("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, "
                 "description, last_change) VALUES (?, 'attributes', ?, ?, ?)",
                 (table, table, description, stamp))
