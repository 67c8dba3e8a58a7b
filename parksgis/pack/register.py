"""The register inside a layer pack, as a :class:`~parksgis.store.backend.RegisterBackend`.

It is the SQLite register (same tables, same transactions) plus what only a pack knows: why it is
read-only (read-only media, a network share, open for editing elsewhere) and how to word a lock
held by another program. Its errors stay the register's typed ones (``RegisterLockedError``,
``RegisterReadOnlyError``, ``StaleEditError``), so the app treats every backend alike.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from parksgis.store.register import RegisterStore


class PackRegister(RegisterStore):
    """The register of one pack file; ``reason`` says why it is read-only (None: editable)."""

    reason: str | None = None

    @classmethod
    def open_in_pack(cls, path: Path, reason: str | None, immutable: bool) -> "PackRegister":
        register = cls.open(path, readonly=reason is not None, immutable=immutable)
        register.reason = reason
        return register

    @property
    def read_only_reason(self) -> str | None:
        return self.reason if self.readonly else None

    def _locked_message(self, exc: sqlite3.Error) -> str:
        return ("another program is saving to this pack (it holds the write lock); nothing was "
                "changed, try again in a moment")
