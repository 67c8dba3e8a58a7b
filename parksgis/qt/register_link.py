"""The window's link to the status register behind its workspace: edits, undo and "as of a date".

A layers folder's register is ``<folder>/register.sqlite`` (created from projects.csv on first
use); a pack's is inside the pack (through its ``PackHandle``, which also says whether the pack is
read-only and why). A workspace with neither (a single layer file) has no register: editing is
off and :attr:`RegisterLink.notice` says so.

After every committed write the changed projects are copied into ``workspace.projects`` and
``workspace.projects_changed`` is emitted, so the map colours, legend counts, table and dashboard
follow the model; no widget is told directly. While the workspace shows a past day
(``workspace.as_of``) the projects are re-read as of that day instead.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6 import QtCore

from parksgis.errors import ParksgisError


def register_today() -> date:
    """Today in the register's time zone (China Standard Time), the day its history dates use."""
    from parksgis.store.values import local_date, utc_stamp

    return local_date(utc_stamp())


TR_CONTEXT = "RegisterLink"


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate(TR_CONTEXT, text)


class RegisterLink(QtCore.QObject):
    """Opens the register of a workspace and writes to it; ``state_changed`` on any change of
    whether editing is possible (workspace, read-only, as-of day) and after every write."""

    state_changed = QtCore.Signal()

    def __init__(self, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or QtCore.QSettings("parksgis", "parksgis")
        self.workspace = None
        self.store = None           # parksgis.store.register.RegisterStore, or None
        self._owns_store = False    # a pack's register belongs to its PackHandle
        self._pack = None
        self._problem: str | None = None  # why there is no register, when there is none

    # -- opening ------------------------------------------------------------------------------------
    def set_workspace(self, workspace) -> None:
        self.close()
        self.workspace = workspace
        self._problem = None
        if workspace is None:
            self.state_changed.emit()
            return
        try:
            self._open(workspace)
        except ParksgisError as exc:
            self.store, self._problem = None, str(exc)
        if self.store is not None:
            workspace.scheme = self.store.scheme()
            workspace.show_as_of(None, self.store.projects())  # emits for projects that differ
            self.store.changed.connect(self._on_register_changed)
        self.state_changed.emit()

    def _open(self, workspace) -> None:
        handle = getattr(workspace, "pack_handle", None)
        if handle is not None:
            self._pack = handle
            if handle.register is None:
                self._problem = handle.read_only_reason or _tr("This GeoPackage holds no register.")
                return
            handle.reopen_register()  # the loader's thread opened it; this (UI) thread edits it
            self.store = handle.register
            return
        source = workspace.meta.get("source")
        if source and Path(source).is_dir():
            from parksgis.store.register import RegisterStore

            self.store, self._owns_store = RegisterStore.for_folder(source), True
        else:
            self._problem = _tr("No status register: open a folder of layers or a pack to edit statuses.")

    def close(self) -> None:
        if self.store is not None:
            self.store.changed.disconnect(self._on_register_changed)
            if self._owns_store:
                self.store.close()
        self.store, self._owns_store, self._pack = None, False, None

    # -- state ----------------------------------------------------------------------------------------
    @property
    def read_only_reason(self) -> str | None:
        """Why statuses cannot be edited (shown in the editor), or None when they can."""
        if self.workspace is None:
            return _tr("Nothing is open.")
        if self.store is None:
            return self._problem or _tr("No status register.")
        if self._pack is not None and self._pack.read_only:
            return self._pack.read_only_reason or _tr("The pack is open read-only.")
        if not self.store.persistent:
            return _tr("The folder %1 cannot be written, so it is open read-only. To edit statuses, "
                       "copy it to a folder you can write to (parksgis sample DIR copies the sample "
                       "parks).").replace("%1", str(self.workspace.meta.get("source")))
        if self.store.readonly:
            return _tr("The register is open read-only.")
        return None

    @property
    def save_note(self) -> str | None:
        """Where edits are saved, when that is not the folder shown: the bundled sample parks keep
        their register in the user's data folder (the install is never written)."""
        if self.store is not None and self.store.persistent and self._owns_store:
            from parksgis.assets import is_sample_layers

            if is_sample_layers(self.workspace.meta.get("source")):
                return _tr("Sample parks: your status edits are saved in %1").replace("%1", self.store.path)
        return None

    @property
    def editable(self) -> bool:
        return self.read_only_reason is None

    def author(self) -> str:
        from parksgis.store.register import default_author

        return str(self.settings.value("author", "") or "") or default_author()

    # -- writing --------------------------------------------------------------------------------------
    def update(self, project_id: str, changes: dict) -> list:
        """Write one project's changes (one transaction, with history); raises ParksgisError."""
        if self._pack is not None:
            return self._pack.update(project_id, changes, self.author(), "app")
        return self.store.update(project_id, changes, self.author(), "app")

    @property
    def writer(self):
        """What multi-project writes go through (``update_many``): a pack's handle (which turns a
        busy pack into a clear message), else the register store itself."""
        return self._pack if self._pack is not None else self.store

    def undo(self) -> list:
        """Undo the register's latest edit not yet undone; the rows written (empty: nothing to undo)."""
        if self.read_only_reason is not None:
            return []
        return self.store.undo_last(self.author())

    def last_edit(self):
        """The latest history row that undo would revert, or None."""
        if self.store is None:
            return None
        undone = {r.reverts for r in self.store.history() if r.reverts is not None}
        for row in reversed(self.store.history()):
            if row.source not in ("seed", "undo") and row.edit_id not in undone:
                return row
        return None

    def _on_register_changed(self, project_ids: list[str]) -> None:
        workspace = self.workspace
        if workspace.as_of is None:
            for pid in project_ids:
                workspace.projects[pid] = self.store.project(pid)
            workspace.projects_changed.emit(list(project_ids))
        else:
            workspace.show_as_of(workspace.as_of, self.store.as_of(workspace.as_of))
        self.state_changed.emit()

    # -- as of a date ---------------------------------------------------------------------------------
    def show_as_of(self, day: date | None) -> None:
        """Show statuses as of ``day`` (None or a day from today on: the current register)."""
        if self.workspace is None or self.store is None:
            return
        if day is not None and day >= register_today():
            day = None
        if day == self.workspace.as_of:
            return
        projects = self.store.projects() if day is None else self.store.as_of(day)
        self.workspace.show_as_of(day, projects)
        self.state_changed.emit()

    def compare(self, day1: date, day2: date | None) -> list:
        """Status changes from the end of ``day1`` to the end of ``day2`` (None: now), earlier first."""
        if self.store is None:
            return []
        today = register_today()
        first, second = sorted([day1, day2 if day2 is not None else today])
        from parksgis.store import timeline

        before = self.store.as_of(first)
        after = self.store.projects() if second >= today else self.store.as_of(second)
        return timeline.compare(before, after)

    def history(self, project_id: str | None = None) -> list:
        return [] if self.store is None else self.store.history(project_id)


def features_of_projects(workspace, project_ids) -> list[tuple[str, int]]:
    """(layer key, row) of every feature linked to one of ``project_ids`` (context layers skipped)."""
    wanted = set(project_ids)
    found: list[tuple[str, int]] = []
    if workspace is None or not wanted:
        return found
    for layer in workspace.layers:
        if layer.kind.value in ("basemap", "boundary") or len(layer.frame) == 0:
            continue
        rows = layer.project_ids.isin(wanted).to_numpy().nonzero()[0]
        found.extend((layer.key, int(row)) for row in rows)
    return found
