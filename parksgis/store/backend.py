"""The status register behind one interface: what the app, the commands and a pack merge may ask of
a register, whatever holds it (an SQLite file in a layers folder, a layer pack, a database server).

Contract for an implementation (read it before writing one; the SQLite one is
:class:`parksgis.store.register.RegisterStore`, the pack's :class:`parksgis.pack.register.PackRegister`):

Reading
    ``scheme()``, ``projects()``, ``project(id)`` and ``history(project_id=None)`` return model
    values (:class:`~parksgis.model.project.Project`, :class:`~parksgis.store.timeline.HistoryRow`
    in ``(changed_at, id)`` order; ``changed_at`` a UTC stamp ``YYYY-MM-DDTHH:MM:SS.ffffffZ``).
    ``as_of(day)`` and ``compare(day1, day2)`` follow :mod:`parksgis.store.timeline`; the defaults
    here replay ``history()``, a backend may answer them in its query language instead.
    ``project(id)`` of an unknown project raises :class:`ChangeError`.

Writing
    ``apply(changes, author, source, changed_at)`` writes a :class:`ChangeSet` in **one
    transaction**, as **one edit group** (one ``edit_id``; undo reverts it whole), and returns the
    history rows written. Per field it is a compare-and-set against the value the editor saw:

    - current value equal to the new one: nothing written for that field (applying twice is a no-op);
    - else, a checked ``base`` that differs from the current value: the field is *stale* —
      after checking every field, :class:`StaleEditError` lists all stale ones and **nothing** of
      the change set is written;
    - else the new value is written with a history row (old, new, author, source, time), and the
      project's ``updated_at`` is set to the change's day in China Standard Time unless the change
      set carries its own ``updated_at`` (which writes no history).

    Values are checked by :func:`parksgis.store.changes.check_change` (unknown field or status,
    bad number or date → :class:`ChangeError`, nothing written). ``undo_last(author)`` reverts the
    latest edit group not yet undone (not seeds, not undos), as a new group with source ``undo``.

Errors (typed; callers never look at message text)
    :class:`RegisterLockedError` when another writer holds the lock for longer than the backend's
    short wait (the UI thread never waits more than ~0.5 s: SQLite's busy timeout, a server's
    ``lock_timeout``); :class:`RegisterReadOnlyError` for any write to a read-only register;
    :class:`StaleEditError` as above; :class:`RegisterError` for anything else, the message naming
    ``label`` and ending "nothing was changed" when a write was refused.

Merging
    ``merging()`` (a context manager) is one write transaction yielding the register's merge
    ledger (:class:`~parksgis.store.merge_ledger.MergeLedger`: change ids merged, conflicts);
    a pack merge records through it and writes values through ``apply``, never through a
    connection. A backend without a ledger raises NotImplementedError (the server keeps its own,
    :mod:`parksgis.server.merge`).

Notifications
    ``subscribe(callback)`` calls ``callback(project_ids)`` (sorted, unique) after every committed
    write *made through this object*; it returns a function that unsubscribes. A backend that can
    see other writers' commits (PostgreSQL ``LISTEN``) calls the callbacks for those as well, but
    only from the thread that owns the backend (e.g. from a ``poll()`` the app calls on a timer).

State
    ``readonly`` (bool), ``read_only_reason`` (why, in words for the user, or None), ``label``
    (what it is, for messages and the window: a path or ``user@host/db``), ``persistent`` (False
    for an in-memory register whose edits end with the program), ``close()``. An instance is used
    from one thread only.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from parksgis.model.project import Project
from parksgis.model.status import StatusScheme
from parksgis.store import timeline
from parksgis.store.changes import check_change
from parksgis.store.timeline import HistoryRow, StatusChange
from parksgis.store.values import same_value


class _Unchecked:
    """The base of a field edit that overwrites whatever is there (imports, replays, merges that
    compared values themselves)."""

    def __repr__(self) -> str:
        return "UNCHECKED"


UNCHECKED = _Unchecked()


@dataclass(frozen=True)
class FieldEdit:
    """Set ``field`` of ``project_id`` to ``new``, provided it still holds ``base``."""

    project_id: str
    field: str
    new: object
    base: object = UNCHECKED

    @property
    def checked(self) -> bool:
        return self.base is not UNCHECKED


@dataclass(frozen=True)
class ChangeSet:
    """Field edits written together: one transaction, one edit group."""

    edits: tuple[FieldEdit, ...] = ()

    @classmethod
    def of_project(cls, project_id: str, new: dict, base: dict | None = None) -> "ChangeSet":
        """Edits of one project; ``base`` maps fields to the values the editor saw (fields missing
        from it are unchecked)."""
        base = base or {}
        return cls(tuple(FieldEdit(project_id, f, v, base.get(f, UNCHECKED)) for f, v in new.items()))

    @classmethod
    def unchecked(cls, changes: dict[str, dict]) -> "ChangeSet":
        """``{project_id: {field: new}}`` written whatever the current values are."""
        return cls(tuple(FieldEdit(pid, f, v) for pid, fields in changes.items()
                         for f, v in fields.items()))

    def by_project(self) -> dict[str, dict[str, FieldEdit]]:
        """The edits grouped by project, in the order they were given (a field given twice: last wins)."""
        grouped: dict[str, dict[str, FieldEdit]] = {}
        for edit in self.edits:
            grouped.setdefault(edit.project_id, {})[edit.field] = edit
        return grouped

    def __len__(self) -> int:
        return len(self.edits)


def compare_fields(label: str, project_id: str, edits: dict[str, FieldEdit], current: Project,
                   scheme: StatusScheme, parks=None) -> tuple[dict, list[tuple[FieldEdit, object]]]:
    """The compare-and-set of one project's field edits against its ``current`` values, as the
    contract above says: ``(fields to write with their checked values, [(stale edit, value now)])``.
    A bad value raises :class:`ChangeError` (:func:`check_change`)."""
    diffs: dict = {}
    stale: list[tuple[FieldEdit, object]] = []
    for field, edit in edits.items():
        value = check_change(label, project_id, field, edit.new, scheme, parks)
        now = getattr(current, field)
        if same_value(field, now, value):
            continue
        if edit.checked and not _same_base(field, now, edit.base):
            stale.append((edit, now))
            continue
        diffs[field] = value
    return diffs, stale


def _same_base(field: str, current, base) -> bool:
    """Whether the value an editor saw is the current one (a base that cannot even be stored, such
    as text in a number field, is not)."""
    try:
        return same_value(field, current, base)
    except (TypeError, ValueError):
        return False


class RegisterBackend(ABC):
    """A status register (see the module documentation for the contract)."""

    label: str
    readonly: bool
    persistent: bool = True

    # -- reading ----------------------------------------------------------------------------------
    @abstractmethod
    def scheme(self) -> StatusScheme: ...

    @abstractmethod
    def projects(self) -> dict[str, Project]: ...

    @abstractmethod
    def project(self, project_id: str) -> Project: ...

    @abstractmethod
    def history(self, project_id: str | None = None) -> list[HistoryRow]: ...

    def changed_history(self) -> list[HistoryRow]:
        """The history of every field changed after its seed, seed rows included, in
        (changed_at, id) order: all that replaying needs. A field never changed since its seed
        replays to its seed value on every day, and that is its current value (every write
        appends history), so a million-plot register's seed rows are not read for a date."""
        rows = self.history()
        changed = {(r.project_id, r.field) for r in rows if r.source != "seed"}
        return [r for r in rows if (r.project_id, r.field) in changed]

    def as_of(self, day: date | datetime | str) -> dict[str, Project]:
        """Every project as it stood at the end of ``day``."""
        return timeline.replay(self.projects(), self.changed_history(), day)

    def compare(self, day1, day2) -> list[StatusChange]:
        """Projects whose status differs between the end of ``day1`` and the end of ``day2``."""
        current, rows = self.projects(), self.changed_history()
        return timeline.compare(timeline.replay(current, rows, day1),
                                timeline.replay(current, rows, day2))

    # -- writing ----------------------------------------------------------------------------------
    @abstractmethod
    def apply(self, changes: ChangeSet, author: str | None = None, source: str = "app",
              changed_at: date | datetime | str | None = None) -> list[HistoryRow]: ...

    @abstractmethod
    def undo_last(self, author: str | None = None) -> list[HistoryRow]: ...

    def update(self, project_id: str, changes: dict, author: str | None = None, source: str = "app",
               changed_at: date | datetime | str | None = None) -> list[HistoryRow]:
        """Unchecked change of one project's fields (``apply`` without bases)."""
        return self.apply(ChangeSet.unchecked({project_id: changes}), author, source, changed_at)

    def update_many(self, changes: dict[str, dict], author: str | None = None, source: str = "app",
                    changed_at: date | datetime | str | None = None) -> list[HistoryRow]:
        """Unchecked change of many projects, one transaction and one edit group."""
        return self.apply(ChangeSet.unchecked(changes), author, source, changed_at)

    def merging(self):
        raise NotImplementedError(f"{type(self).__name__} keeps no merge ledger")

    # -- state ------------------------------------------------------------------------------------
    @property
    def read_only_reason(self) -> str | None:
        """Why the register is read-only, in the user's terms, when the backend knows (None: it
        does not, or it is writable; ``readonly`` is the flag)."""
        return None

    @abstractmethod
    def subscribe(self, callback: Callable[[list[str]], None]) -> Callable[[], None]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
