"""The one migration loop: a register's schema and a pack's format both step version n → n + 1."""

from __future__ import annotations

from typing import Callable


def run_steps(steps: dict[int, Callable[..., None]], found: int, target: int, *args) -> None:
    """Call ``steps[n](*args)`` for n = found … target - 1, in order; each turns version n into n + 1.

    The caller owns the transaction (so a failed step leaves nothing half-migrated) and writes
    the new version number afterwards.
    """
    for version in range(found, target):
        step = steps.get(version)
        if step is None:  # a release that raised the version without adding its step
            raise LookupError(f"no migration from version {version} to {version + 1}")
        step(*args)
