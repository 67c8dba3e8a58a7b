"""The window's link to the status register behind its workspace: edits, undo and "as of a date".

The link talks to a :class:`~parksgis.store.backend.RegisterBackend` and nothing else: a layers
folder's register is ``<folder>/register.sqlite`` (created from projects.csv on first use); a
pack's is inside the pack (its ``PackHandle.register``, which also says whether the pack is
read-only and why). A workspace with neither (a single layer file) has no register: editing is
off and :attr:`RegisterLink.read_only_reason` says so.

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
from parksgis.model.lazy_projects import UP_FRONT, LazyProjects


def register_today() -> date:
    """Today in the register's time zone (China Standard Time), the day its history dates use."""
    from parksgis.store.values import local_date, utc_stamp

    return local_date(utc_stamp())


#: How long after losing the database server the link tries again (and again, until it is back).
RECONNECT_MS = 2000


class RegisterLink(QtCore.QObject):
    """Opens the register of a workspace and writes to it; ``state_changed`` on any change of
    whether editing is possible (workspace, read-only, as-of day) and after every write."""

    state_changed = QtCore.Signal()

    def __init__(self, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or QtCore.QSettings("parksgis", "parksgis")
        self.workspace = None
        self.backend = None         # a parksgis.store.backend.RegisterBackend, or None
        self._owns_backend = False  # a pack's register belongs to its PackHandle
        self._unsubscribe = None
        self._problem: str | None = None  # why there is no register, when there is none
        self._notifier = None             # the database's LISTEN socket, watched by the event loop
        self._lost: str | None = None     # why the database cannot be reached right now

    # -- opening ------------------------------------------------------------------------------------
    def set_workspace(self, workspace, pack=None) -> None:
        """Open the register of ``workspace``: the pack's (``pack``, a PackHandle) or its folder's."""
        self.close()
        self.workspace = workspace
        self._problem = None
        if workspace is None:
            self.state_changed.emit()
            return
        try:
            self._open(workspace, pack)
        except ParksgisError as exc:
            self.backend, self._problem = None, str(exc)
        if self.backend is not None:
            workspace.scheme = self.backend.scheme()
            self._catch_up(workspace)
            self._unsubscribe = self.backend.subscribe(self._on_register_changed)
        self.state_changed.emit()

    def _catch_up(self, workspace) -> None:
        """The register may have changed since the workspace was read: take what it holds now
        (``projects_changed`` names the projects that differ). A pack's projects whose rows are
        not read yet (``LazyProjects``) need only their statuses and names again, and nothing
        when the register's version is the one they were read at: a district's 100,000 rows are
        not made twice, on the UI thread, while its first frame waits."""
        projects = workspace.projects
        if isinstance(projects, LazyProjects) and not projects.started and workspace.as_of is None \
                and hasattr(self.backend, "text_columns"):
            if projects.version is not None and projects.version == self.backend.version():
                return  # nothing written since (a pack's usual case: read a moment ago)
            changed = projects.follow(self.backend.text_columns(UP_FRONT))
            if changed:
                workspace.projects_changed.emit(changed)
            return
        workspace.show_as_of(None, self.backend.projects())  # emits for projects that differ

    def _open(self, workspace, handle) -> None:
        if workspace.meta.get("database"):
            from parksgis.server.register import ServerRegister

            # the window never waits long behind another desk's write: it says "busy" at once
            self.backend = ServerRegister.open(workspace.meta["source"], lock_timeout_s=0.5)
            self._owns_backend = True
            self._listen()
            return
        if handle is not None:
            if handle.register is None:
                self._problem = handle.read_only_reason or self.tr("This GeoPackage holds no register.")
                return
            handle.reopen_register()  # the loader's thread opened it; this (UI) thread edits it
            self.backend = handle.register
            return
        source = workspace.meta.get("source")
        if source and Path(source).is_dir():
            from parksgis.store.register import RegisterStore

            self.backend, self._owns_backend = RegisterStore.for_folder(source), True
        else:
            self._problem = self.tr("No status register: open a folder of layers or a pack to edit statuses.")

    # -- a database: other desks' commits arrive by LISTEN/NOTIFY ------------------------------------
    def _listen(self) -> None:
        """Watch the database's notification socket: Qt wakes us when a commit elsewhere is
        announced (or the connection drops) — no timer polls the server."""
        try:
            fd = self.backend.listen()
        except ParksgisError as exc:
            self._connection_lost(str(exc))
            return
        self._notifier = QtCore.QSocketNotifier(fd, QtCore.QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_server_notified)

    def _on_server_notified(self, *_args) -> None:
        if self.backend is None:
            return
        try:
            self.backend.poll()  # tells our subscription (_on_register_changed) which projects changed
        except ParksgisError as exc:
            self._connection_lost(str(exc))

    def _stop_listening(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def _connection_lost(self, message: str) -> None:
        if self._lost is not None:
            return  # already reconnecting
        self._stop_listening()
        self._lost = message
        self.state_changed.emit()
        QtCore.QTimer.singleShot(RECONNECT_MS, self._reconnect)

    def _reconnect(self) -> None:
        if self.backend is None or self._lost is None:
            return
        try:
            self.backend.reconnect()
            projects = self.backend.projects()
        except ParksgisError:
            QtCore.QTimer.singleShot(RECONNECT_MS, self._reconnect)
            return
        self._lost = None
        self._listen()
        if self.workspace.as_of is None:  # catch up with what other desks did meanwhile
            self.workspace.show_as_of(None, projects)
        self.state_changed.emit()

    @property
    def connection_problem(self) -> str | None:
        """Why the database cannot be reached now (the window shows it as a banner), or None."""
        return self._lost

    def close(self) -> None:
        self._stop_listening()
        self._lost = None
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self.backend is not None and self._owns_backend:
            self.backend.close()
        self.backend, self._owns_backend, self._unsubscribe = None, False, None

    # -- state ----------------------------------------------------------------------------------------
    @property
    def read_only_reason(self) -> str | None:
        """Why statuses cannot be edited (shown in the editor), or None when they can."""
        if self.workspace is None:
            return self.tr("Nothing is open.")
        if self.backend is None:
            return self._problem or self.tr("No status register.")
        if self._lost is not None:
            return self.tr("The connection to the database server was lost; edits are refused until it "
                           "is back (reconnecting automatically).")
        if not self.backend.persistent:  # a layers folder that cannot be written
            return self.tr("The folder %1 cannot be written, so it is open read-only. To edit statuses, "
                           "copy it to a folder you can write to (parksgis sample DIR copies the sample "
                           "parks).").replace("%1", str(self.workspace.meta.get("source")))
        if self.backend.readonly:
            return self.backend.read_only_reason or self.tr("The register is open read-only.")
        return None

    @property
    def save_note(self) -> str | None:
        """Where edits are saved, when that is not the folder shown: the bundled sample parks keep
        their register in the user's data folder (the install is never written)."""
        if self.backend is not None and self.backend.persistent and self._owns_backend:
            from parksgis.assets import is_sample_layers

            if is_sample_layers(self.workspace.meta.get("source")):
                return self.tr("Sample parks: your status edits are saved in %1").replace("%1", self.backend.label)
        return None

    @property
    def editable(self) -> bool:
        return self.read_only_reason is None

    def author(self) -> str:
        from parksgis.store.register import default_author

        return str(self.settings.value("author", "") or "") or default_author()

    # -- writing --------------------------------------------------------------------------------------
    def update(self, project_id: str, changes: dict, base: dict | None = None) -> list:
        """Write one project's changes (one transaction, with history); raises ParksgisError.

        ``base`` maps fields to the values the editor showed: a field someone else changed since
        raises :class:`~parksgis.store.errors.StaleEditError` and nothing is written.
        """
        from parksgis.store.backend import ChangeSet

        return self.backend.apply(ChangeSet.of_project(project_id, changes, base), self.author(), "app")

    def undo(self) -> list:
        """Undo the register's latest edit not yet undone; the rows written (empty: nothing to undo)."""
        if self.read_only_reason is not None:
            return []
        return self.backend.undo_last(self.author())

    def reread(self, project_ids) -> None:
        """Read these projects again from the register: another desk changed them (a refused
        stale edit says so), and the map, legend and forms should show what is there now."""
        if self.backend is not None and self.workspace is not None:
            self._on_register_changed(list(project_ids))

    def _on_register_changed(self, project_ids: list[str]) -> None:
        workspace = self.workspace
        if workspace.as_of is None:
            for pid in project_ids:
                workspace.projects[pid] = self.backend.project(pid)
            workspace.projects_changed.emit(list(project_ids))
        else:
            workspace.show_as_of(workspace.as_of, self.backend.as_of(workspace.as_of))
        self.state_changed.emit()

    # -- as of a date ---------------------------------------------------------------------------------
    def show_as_of(self, day: date | None) -> None:
        """Show statuses as of ``day`` (None or a day from today on: the current register)."""
        if self.workspace is None or self.backend is None:
            return
        if day is not None and day >= register_today():
            day = None
        if day == self.workspace.as_of:
            return
        projects = self.backend.projects() if day is None else self.backend.as_of(day)
        self.workspace.show_as_of(day, projects)
        self.state_changed.emit()

    def compare(self, day1: date, day2: date | None) -> list:
        """Status changes from the end of ``day1`` to the end of ``day2`` (None: now), earlier first."""
        if self.backend is None:
            return []
        today = register_today()
        first, second = sorted([day1, day2 if day2 is not None else today])
        from parksgis.store import timeline

        before = self.backend.as_of(first)
        after = self.backend.projects() if second >= today else self.backend.as_of(second)
        return timeline.compare(before, after)

    def history(self, project_id: str | None = None, *, changed: bool = False) -> list:
        """The register's history (of one project); ``changed``: only that of fields changed
        after their seed (``RegisterBackend.changed_history``), all a replay needs."""
        if self.backend is None or self._lost is not None:
            return []
        try:
            return self.backend.changed_history() if changed else self.backend.history(project_id)
        except ParksgisError as exc:  # a database gone away: the banner says so, views show nothing
            self._connection_lost(str(exc))
            return []


#: A viewport-driven layer's features of the chosen projects brought into the map, at most
VIEW_FEATURES_LIMIT = 5000


def features_of_projects(workspace, project_ids) -> list[tuple[str, int]]:
    """(layer key, row) of every feature linked to one of ``project_ids`` (context layers skipped);
    a viewport-driven layer's are asked of its source and read into its frame."""
    wanted = set(project_ids)
    found: list[tuple[str, int]] = []
    if workspace is None or not wanted:
        return found
    for layer in workspace.layers:
        if layer.kind.value in ("basemap", "boundary"):
            continue
        if layer.view is not None:
            from parksgis.render.view_frames import project_features

            found.extend((layer.key, row) for row in project_features(layer, wanted, VIEW_FEATURES_LIMIT))
            continue
        if len(layer.frame) == 0:
            continue
        rows = layer.project_ids.isin(wanted).to_numpy().nonzero()[0]
        found.extend((layer.key, int(row)) for row in rows)
    return found
