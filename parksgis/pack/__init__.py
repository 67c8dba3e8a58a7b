"""Layer packs: build, open, verify, export-changes, merge (one GeoPackage file). No Qt here.

The app's entry point is :func:`open_pack`, which returns the workspace and a :class:`PackHandle`
(read-only flag and reason, the register, the manifest, notes to show).
"""

from parksgis.pack.build import build_pack
from parksgis.pack.changes import export_changes, read_changes
from parksgis.pack.errors import (ChangeFileError, PackCorruptError, PackError, PackLockedError,
                                  PackReadOnlyError, PackVersionError)
from parksgis.pack.handle import PackHandle, open_pack
from parksgis.pack.merge import Conflict, MergeResult, merge_changes, open_conflicts, resolve_conflicts
from parksgis.pack.verify import VerifyResult, pack_info, verify_pack

__all__ = [
    "build_pack", "open_pack", "PackHandle", "verify_pack", "VerifyResult", "pack_info",
    "export_changes", "read_changes", "merge_changes", "resolve_conflicts", "open_conflicts",
    "MergeResult", "Conflict", "PackError", "PackCorruptError", "PackVersionError",
    "PackLockedError", "PackReadOnlyError", "ChangeFileError",
]
