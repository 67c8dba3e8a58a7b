"""``parksgis pack export-changes``: the field edits made in a pack since it was built.

One change per (project, field) whose value now differs from the build baseline: the base value,
the new value, who made the last edit and when, and every edit in between (the trail). The file
names the pack (id, source, build time), so headquarters knows what the base values refer to.
Values are the register's history text (dates ISO, numbers as float text, empty = null).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

from parksgis.files import write_bytes_atomic
from parksgis.pack import format as fmt
from parksgis.pack.access import check_header, connect, read_only_reason
from parksgis.pack.errors import ChangeFileError, PackError

CHANGES_FORMAT = "parksgis-changes"
CHANGES_VERSION = 1


def change_id(pack_id: str, project_id: str, field: str, base, new, last_history_id: int) -> str:
    """Stable id: exporting the same edits twice gives the same ids, so merging twice is a no-op."""
    key = json.dumps([pack_id, project_id, field, base, new, last_history_id], ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def collect_changes(path) -> dict:
    """The change document of a pack (see module doc), without writing it anywhere."""
    path = Path(path)
    from parksgis.pack.handle import open_pack

    workspace, handle = open_pack(path, read_only=True, layers=False)
    try:
        manifest = handle.manifest
        if manifest is None:
            raise PackError(path, "not a parksgis pack: it has no manifest, so no build baseline")
    finally:
        handle.close()
    conn = connect(path, read_only=read_only_reason(path) is not None)
    try:
        baseline_id = int(manifest.get("history_baseline", 0))
        base = {(pid, f): v for pid, f, v in conn.execute(
            f"SELECT project_id, field, base_value FROM {fmt.BASELINE}")}
        trail: dict[tuple[str, str], list[dict]] = {}
        last_id: dict[tuple[str, str], int] = {}
        for row_id, pid, stamp, field, old, new, author, source in conn.execute(
                f"SELECT id, project_id, changed_at, field, old, new, author, source FROM "
                f"{fmt.REGISTER_HISTORY} WHERE id > ? ORDER BY id", (baseline_id,)):
            trail.setdefault((pid, field), []).append(
                {"changed_at": stamp, "old": old, "new": new, "author": author, "source": source})
            last_id[(pid, field)] = row_id
    finally:
        conn.close()
    from parksgis.pack.values import value_text

    changes = []
    for (pid, field), edits in sorted(trail.items()):
        project = workspace.projects.get(pid)
        if project is None:
            continue
        new = value_text(field, getattr(project, field))
        old = base.get((pid, field))
        if new == old:
            continue  # edited and put back: nothing to send
        changes.append({
            "change_id": change_id(manifest["pack_id"], pid, field, old, new, last_id[(pid, field)]),
            "project_id": pid, "project_name": project.name_zh, "field": field,
            "base": old, "new": new, "author": edits[-1]["author"],
            "changed_at": edits[-1]["changed_at"], "edits": edits})
    return {
        "format": CHANGES_FORMAT, "version": CHANGES_VERSION,
        "exported_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "pack": {"pack_id": manifest["pack_id"], "source": manifest.get("source", ""),
                 "created": manifest.get("created", ""), "as_of": manifest.get("as_of", ""),
                 "title": manifest.get("title", ""), "file": path.name},
        "changes": changes,
    }


def export_changes(pack, out) -> dict:
    """Write the pack's changes to ``out`` (JSON, UTF-8, written atomically); returns the document."""
    document = collect_changes(pack)
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    try:
        write_bytes_atomic(out, text.encode("utf-8"))
    except OSError as exc:
        raise PackError(out, f"cannot write the change file: {exc.strerror or exc}") from None
    return document


def read_changes(path) -> dict:
    """A change file, checked: right format and version, and every change well formed."""
    path = Path(path)
    if path.suffix.lower() == ".gpkg":
        check_header(path)
        return collect_changes(path)  # merging straight from a pack works too
    try:
        with open(path, "rb") as fh:
            document = json.loads(fh.read().decode("utf-8"))
    except OSError as exc:
        raise ChangeFileError(path, f"cannot read the change file: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChangeFileError(path, f"not a parksgis change file: not JSON ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != CHANGES_FORMAT:
        raise ChangeFileError(path, f"not a parksgis change file: 'format' is not {CHANGES_FORMAT!r}")
    version = document.get("version")
    if not isinstance(version, int) or version > CHANGES_VERSION:
        raise ChangeFileError(path, f"change file version {version} is newer than this parksgis "
                                    f"reads (version {CHANGES_VERSION}); upgrade parksgis")
    pack = document.get("pack")
    if not isinstance(pack, dict) or not pack.get("pack_id"):
        raise ChangeFileError(path, "change file names no pack (missing pack.pack_id)")
    from parksgis.store.values import EDITABLE_FIELDS

    for i, change in enumerate(document.get("changes") or []):
        missing = [k for k in ("change_id", "project_id", "field", "base", "new")
                   if not isinstance(change, dict) or k not in change]
        if missing:
            raise ChangeFileError(path, f"change {i + 1}: missing {', '.join(missing)}")
        if change["field"] not in EDITABLE_FIELDS:
            raise ChangeFileError(path, f"change {i + 1} (project {change['project_id']}): "
                                        f"unknown field {change['field']!r}")
        for key in ("change_id", "project_id"):
            if not isinstance(change[key], str) or not change[key]:
                raise ChangeFileError(path, f"change {i + 1}: {key} must be text")
        for key in ("base", "new"):
            if change[key] is not None and not isinstance(change[key], str):
                raise ChangeFileError(path, f"change {i + 1} (project {change['project_id']}): "
                                            f"{key} must be text or null")
    document.setdefault("changes", [])
    return document
