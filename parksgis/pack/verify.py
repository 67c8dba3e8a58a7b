"""``parksgis pack verify`` and ``info``: is the file intact, and what does it hold.

verify checks, in order: the SQLite header and length, ``PRAGMA integrity_check``, the manifest
(present, format version, its own hash), the hash of every frozen table against the manifest, and
the register: its values must equal the build baseline with the history since the build replayed.
That last check catches a changed register value even though edits legitimately change the table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from parksgis.pack import format as fmt
from parksgis.pack.access import SQLITE_ERRORS, check_header, connect, read_only_reason, translate
from parksgis.pack.errors import PackCorruptError, PackError, PackLockedError
from parksgis.pack.imagery import imagery_rows

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"


@dataclass
class VerifyResult:
    path: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    manifest: dict | None = None
    locked: bool = False  # another program held the lock too long to read: not a damaged pack
    plain: bool = False  # a GeoPackage with no parksgis pack tables: opens as plain layers

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_pack(path, *, hashes: bool = True, integrity: bool = True, quick: bool = False) -> VerifyResult:
    """Check a pack; never raises for a bad file — every problem is a line in ``problems``.

    ``quick``: SQLite's ``quick_check`` instead of its integrity check: every page and B-tree of
    the file, but not that each index holds exactly its table's rows (a million-plot pack:
    1.6 s of CPU instead of 5)."""
    path = Path(path)
    result = VerifyResult(path)
    try:
        check_header(path)
        conn = connect(path, read_only=read_only_reason(path) is not None)
    except PackError as exc:
        result.problems.append(exc.detail)
        result.locked = isinstance(exc, PackLockedError)
        return result
    try:
        _verify(conn, result, hashes=hashes, integrity="quick_check" if quick else
                "integrity_check" if integrity else None)
    except SQLITE_ERRORS as exc:
        error = translate(path, exc, "read")
        result.problems.append(error.detail)
        result.locked = isinstance(error, PackLockedError)
    except (ValueError, KeyError, TypeError) as exc:
        # damaged values that parse as nothing sensible (a date, a number, JSON)
        result.problems.append(f"damaged content: {type(exc).__name__}: {exc}")
    finally:
        conn.close()
    return result


def _verify(conn, result: VerifyResult, *, hashes: bool, integrity: str | None) -> None:
    if integrity:
        rows = conn.execute(f"PRAGMA {integrity}(20)").fetchall()
        if rows != [("ok",)]:  # a row may hold several lines ("*** in database main ***\n...")
            result.problems.extend(f"SQLite integrity check: {line}" for r in rows
                                   for line in str(r[0]).splitlines() if not line.startswith("***"))
            return
    else:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if conn.execute("PRAGMA application_id").fetchone()[0] != GPKG_APPLICATION_ID:
        result.notes.append("the SQLite header does not mark the file as a GeoPackage")
    manifest = fmt.read_manifest(conn)
    if manifest is None:
        if fmt.LAYERS in fmt.user_tables(conn):  # only a build makes the layer list
            result.problems.append("not a parksgis pack: it has no parksgis_manifest (dropped, or "
                                   "not built by parksgis), yet it holds a pack's parksgis_layers")
            return
        result.plain = True
        result.problems.append("not a parksgis pack: there is no parksgis_manifest table "
                               "(a plain GeoPackage opens as layers only)")
        return
    result.manifest = manifest
    version = manifest.get("format_version", "")
    if not version.isdigit():
        result.problems.append(f"manifest: format_version {version!r} is not a number")
        return
    if int(version) > fmt.FORMAT_VERSION:
        result.problems.append(f"pack format version {version} is newer than this parksgis "
                               f"supports (version {fmt.FORMAT_VERSION})")
        return
    if int(version) < fmt.FORMAT_VERSION:
        result.notes.append(f"pack format version {version}: migrated to version "
                            f"{fmt.FORMAT_VERSION} when opened for editing")
    if manifest.get("sha256:manifest") != fmt.manifest_digest(manifest):
        result.problems.append("manifest: its entries differ from what was built (hash mismatch)")
    if hashes:
        result.problems.extend(compare_digests(conn, manifest))
        result.problems.extend(check_register(conn, manifest))


def compare_digests(conn, manifest: dict) -> list[str]:
    """One line per frozen table whose content, row count or presence differs from the manifest."""
    baseline = int(manifest.get("history_baseline", "0") or 0)
    found = fmt.frozen_digests(conn, baseline)
    problems = []
    expected = {k: v for k, v in manifest.items() if k.startswith(("sha256:", "rows:"))
                and k != "sha256:manifest"}
    for key in sorted(set(expected) | set(found)):
        kind, _, table = key.partition(":")
        if key not in found:
            if kind == "sha256":
                problems.append(f"table {table}: missing (it was in the pack when built)")
        elif key not in expected:
            if kind == "sha256" and table != "schema":
                problems.append(f"table {table}: added after the pack was built")
        elif found[key] != expected[key]:
            if kind == "rows":
                problems.append(f"table {table}: {found[key]} rows, built with {expected[key]}")
            elif table == "schema":
                problems.append("schema: tables, indexes or triggers changed since the build")
            elif found.get(f"rows:{table}") == expected.get(f"rows:{table}"):
                problems.append(f"table {table}: content changed since the build (hash mismatch)")
    return problems


def check_register(conn, manifest: dict) -> list[str]:
    """The register must be the build baseline plus the history written since (replayed)."""
    baseline = int(manifest.get("history_baseline", "0") or 0)
    values = {(pid, f): v for pid, f, v in conn.execute(
        f"SELECT project_id, field, base_value FROM {fmt.BASELINE}")}
    last: dict[tuple[str, str], tuple] = {}
    latest_by_id: dict[tuple[str, str], str | None] = {}
    for row_id, pid, stamp, field_name, new in conn.execute(
            f"SELECT id, project_id, changed_at, field, new FROM {fmt.REGISTER_HISTORY} "
            "ORDER BY changed_at, id"):
        key = (pid, field_name)
        last[key] = (row_id, new)
    for row_id, pid, field_name, new in conn.execute(
            f"SELECT id, project_id, field, new FROM {fmt.REGISTER_HISTORY} WHERE id > ? ORDER BY id",
            (baseline,)):
        latest_by_id[(pid, field_name)] = new
    from parksgis.pack.values import value_text
    from parksgis.store.values import from_db

    problems = []
    cols = fmt.columns(conn, fmt.REGISTER_PROJECTS)
    seen = set()
    edited_projects = {pid for pid, _ in latest_by_id}
    base_projects = {pid for pid, _ in values}
    for row in conn.execute(f"SELECT * FROM {fmt.REGISTER_PROJECTS}"):
        record = dict(zip(cols, row))
        pid = record["project_id"]
        seen.add(pid)
        edited = pid in edited_projects
        for field_name, stored in record.items():
            if field_name in ("id", "project_id") or (field_name == "updated_at" and edited):
                continue  # updated_at is stamped on each edit and has no history of its own
            key = (pid, field_name)
            current = value_text(field_name, from_db(field_name, stored))
            if pid not in base_projects:
                if not edited:
                    problems.append(f"register: project {pid} is neither in the pack's baseline "
                                    "nor in its history")
                    break
                # added since the build (its seed rows are history): unrecorded fields are empty
                allowed = {latest_by_id[key]} if key in latest_by_id else {None, ""}
            else:
                allowed = _expected_values(key, values, latest_by_id, last, baseline)
            if current not in allowed:
                problems.append(f"register: project {pid} field {field_name} is {current!r}, but "
                                f"the baseline and history give {sorted(map(repr, allowed))[0]}")
    missing = sorted({pid for pid, _ in values} - seen)
    if missing:
        problems.append(f"register: project {missing[0]} of the baseline is missing"
                        + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
    return problems[:20]


def _expected_values(key, base, latest_by_id, last, baseline) -> set:
    """Values the register may hold for ``key``: the baseline when nothing was edited since the
    build, else the newest edit (by write order, or by date for back-dated edits)."""
    if key not in latest_by_id:
        return {base.get(key)}
    allowed = {latest_by_id[key]}
    row_id, new = last[key]
    allowed.add(new if row_id > baseline else base.get(key))
    return allowed


def pack_info(path) -> dict:
    """Parks, layers with feature counts, register size and edits, and the manifest of a pack."""
    path = Path(path)
    from parksgis.pack.handle import open_pack_register

    # verified as on open: a damaged or newer pack is refused, never listed as if it were fine
    open_pack_register(path, readonly=True).close()
    conn = connect(path, read_only=read_only_reason(path) is not None)
    try:
        manifest = fmt.read_manifest(conn)
        if manifest is None:
            raise PackCorruptError(path, "not a parksgis pack: there is no parksgis_manifest table")
        layers = [dict(zip(("table", "park", "kind", "title_zh", "features"), row)) for row in
                  conn.execute(f"SELECT table_name, park_id, kind, title_zh, feature_count "
                               f"FROM {fmt.LAYERS} ORDER BY position")]
        parks = [dict(zip(("park_id", "name_zh", "name_en"), row)) for row in
                 conn.execute(f"SELECT park_id, name_zh, name_en FROM {fmt.PARKS} ORDER BY position")]
        projects = conn.execute(f"SELECT count(*) FROM {fmt.REGISTER_PROJECTS}").fetchone()[0]
        edits = conn.execute(f"SELECT count(*) FROM {fmt.REGISTER_HISTORY} WHERE id > ?",
                             (int(manifest.get("history_baseline", 0)),)).fetchone()[0]
        imagery = imagery_rows(conn)
        conflicts = 0
        if fmt.CONFLICTS in fmt.user_tables(conn):
            conflicts = conn.execute(f"SELECT count(*) FROM {fmt.CONFLICTS} "
                                     "WHERE status = 'open'").fetchone()[0]
    except SQLITE_ERRORS as exc:
        raise translate(path, exc, "read") from None
    finally:
        conn.close()
    return {"path": str(path), "format_version": manifest.get("format_version"),
            "title": manifest.get("title", ""), "pack_id": manifest.get("pack_id", ""),
            "created": manifest.get("created"), "as_of": manifest.get("as_of"),
            "source": manifest.get("source"), "display_crs": manifest.get("display_crs"),
            "parks": parks, "layers": layers, "projects": projects, "edits_since_build": edits,
            "open_conflicts": conflicts, "kpis": json.loads(manifest.get("kpis", "{}")),
            "imagery": imagery}
