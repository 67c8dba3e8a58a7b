"""Layer packs: build, open, verify, export-changes, merge (one GeoPackage file). No Qt here.

The app's entry point is :func:`open_pack`, which returns the workspace and a :class:`PackHandle`
(read-only flag and reason, the register, the manifest, notes to show).

The names below are imported from their modules on first use (PEP 562): a page of a database
reads its bands through ``pack.view_reader`` and ``pack.lod`` only, and importing building,
merging and verifying as well cost a fresh ``parksgis render URL`` 20-40 ms.
"""

from importlib import import_module

_HOMES = {
    "build_pack": "build",
    "export_changes": "changes", "read_changes": "changes",
    "ChangeFileError": "errors", "PackCorruptError": "errors", "PackError": "errors",
    "PackLockedError": "errors", "PackReadOnlyError": "errors", "PackVersionError": "errors",
    "PackHandle": "handle", "open_pack": "handle",
    "Conflict": "merge", "MergeResult": "merge", "merge_changes": "merge", "open_conflicts": "merge",
    "resolve_conflicts": "merge",
    "VerifyResult": "verify", "pack_info": "verify", "verify_pack": "verify",
}

__all__ = [
    "build_pack", "open_pack", "PackHandle", "verify_pack", "VerifyResult", "pack_info",
    "export_changes", "read_changes", "merge_changes", "resolve_conflicts", "open_conflicts",
    "MergeResult", "Conflict", "PackError", "PackCorruptError", "PackVersionError",
    "PackLockedError", "PackReadOnlyError", "ChangeFileError",
]


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_HOMES))
