"""A register's projects read in the background: their statuses now, the whole rows when asked.

A district's register holds 100,000 projects; making them into :class:`Project` objects costs
about half a second, which used to come before a big pack's first frame. The map needs only each
project's status for that frame (one column, read in a few hundredths of a second), so a pack's
``Workspace.projects`` is a :class:`LazyProjects`: ``statuses()`` and ``names(lang)`` (labels)
are there at once, the rows are
read in a thread of its own (``start()``, called by the window once the first view is read), and
anything else waits for that read (started by the first such use when nobody started it).

It is the mapping the rest of the app knows (``get``, ``items``, ``projects[pid] = project``):
an edit written into it before the read is done is kept, and wins over the row read (the read
may have started before the edit was committed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from concurrent.futures import Future

from parksgis.model.project import Project

#: The fields read up front: what the map's first frame shows (colours, labels).
UP_FRONT = ("status", "name_zh", "name_en")
_REMOVED = object()


class LazyProjects(MutableMapping):
    """``{project_id: Project}`` whose rows come from ``read()`` (run once, in its own thread);
    ``columns``: ``{field: {project_id: value}}`` of :data:`UP_FRONT` of the same register, read
    up front."""

    def __init__(self, columns: dict[str, dict[str, str]], read: Callable[[], dict[str, Project]],
                 version=None):
        #: the register's version (``RegisterStore.version``) read before ``columns``, if known
        self.version = version
        self._columns = {name: dict(columns[name]) for name in UP_FRONT}
        self._statuses = self._columns["status"]
        self._read = read
        self._lock = threading.Lock()
        #: done once the rows are read (or their read failed): for whoever shows them later
        self.read_done: Future = Future()
        self._started = False
        self._projects: dict[str, Project] | None = None
        self._written: dict[str, object] = {}  # edits made before the read was done

    @classmethod
    def of(cls, projects: dict[str, Project], version=None) -> LazyProjects:
        """``projects`` (rows read already) as a :class:`LazyProjects`, for code that expects one."""
        columns = {name: {pid: getattr(project, name) for pid, project in projects.items()} for name in UP_FRONT}
        lazy = cls(columns, lambda: projects, version)
        lazy._started = True  # read already: no thread to start, nothing to wait for
        lazy.read_done.set_running_or_notify_cancel()
        lazy._keep(projects)
        return lazy

    # -- the background read ----------------------------------------------------------------------
    def start(self) -> None:
        """Read the rows in a thread of their own (once; later calls do nothing)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._run, name="parksgis-projects", daemon=True).start()

    def _run(self) -> None:
        self.read_done.set_running_or_notify_cancel()
        try:
            projects = self._read()
        except BaseException as exc:  # noqa: BLE001 - handed to whoever asks for the rows
            self.read_done.set_exception(exc)
            return
        self._keep(projects)

    def _keep(self, projects: dict[str, Project]) -> None:
        """The rows read: edits written here meanwhile win over them."""
        with self._lock:
            for pid, value in self._written.items():
                if value is _REMOVED:
                    projects.pop(pid, None)
                else:
                    projects[pid] = value
            self._written.clear()
            self._projects = projects
        self.read_done.set_result(None)

    @property
    def started(self) -> bool:
        """True once the rows are being read (or were)."""
        return self._started

    def follow(self, columns: dict[str, dict[str, str]]) -> list[str]:
        """Take :data:`UP_FRONT` ``columns`` read again from the register, before the rows are
        read (they will be read as they are then): the ids whose values changed, sorted."""
        with self._lock:
            if self._started:
                raise RuntimeError("the rows are already being read")
            fresh = columns["status"]
            changed = set(self._statuses).symmetric_difference(fresh)
            for name in UP_FRONT:
                old, new = self._columns[name], columns[name]
                changed.update(pid for pid, value in new.items() if old.get(pid, value) != value)
                self._columns[name] = dict(new)
            self._statuses = self._columns["status"]
            for pid, project in self._written.items():  # what was written here still wins
                for name in UP_FRONT:
                    if project is _REMOVED:
                        self._columns[name].pop(pid, None)
                    else:
                        self._columns[name][pid] = getattr(project, name)
            return sorted(changed)

    @property
    def loaded(self) -> bool:
        """True once the rows are read (nothing waits for them any more)."""
        return self._projects is not None

    def _rows(self) -> dict[str, Project]:
        if self._projects is None:
            self.start()
            self.read_done.result()  # raises what the read raised
        return self._projects

    # -- what is there at once --------------------------------------------------------------------
    def statuses(self, ids=None) -> dict[str, str]:
        """``{project_id: status}`` now (a copy; of ``ids`` that are there, when given), without
        waiting for the rows."""
        with self._lock:
            if ids is None:
                return dict(self._statuses)
            return {pid: self._statuses[pid] for pid in ids if pid in self._statuses}

    def names(self, lang: str) -> dict[str, str]:
        """``{project_id: Project.name(lang)}`` now, without waiting for the rows."""
        first, second = ("name_zh", "name_en") if lang == "zh" else ("name_en", "name_zh")
        with self._lock:
            others = self._columns[second]
            return {pid: name or others[pid] for pid, name in self._columns[first].items()}

    # -- the mapping ----------------------------------------------------------------------------
    def __getitem__(self, project_id: str) -> Project:
        return self._rows()[project_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows())

    def __len__(self) -> int:
        return len(self._rows())

    def __contains__(self, project_id) -> bool:
        with self._lock:
            return project_id in self._statuses

    def __setitem__(self, project_id: str, project: Project) -> None:
        with self._lock:
            for name in UP_FRONT:
                self._columns[name][project_id] = getattr(project, name)
            if self._projects is None:
                self._written[project_id] = project
            else:
                self._projects[project_id] = project

    def __delitem__(self, project_id: str) -> None:
        with self._lock:
            for name in UP_FRONT:
                del self._columns[name][project_id]
            if self._projects is None:
                self._written[project_id] = _REMOVED
            else:
                self._projects.pop(project_id, None)

    def items(self):
        return self._rows().items()

    def values(self):
        return self._rows().values()

    def keys(self):
        return self._rows().keys()

    def __eq__(self, other) -> bool:
        return dict(self._rows()) == dict(other) if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # a mutable mapping, as dict

    def __repr__(self) -> str:
        state = "read" if self.loaded else "being read" if self._started else "not read yet"
        return f"LazyProjects({len(self._statuses)} projects, {state})"


def project_statuses(projects, ids=None) -> dict[str, str]:
    """``{project_id: status}`` of a workspace's projects (only of ``ids`` that are there, when
    given), a snapshot: without waiting for a :class:`LazyProjects`' rows (``list`` of a dict's
    items runs in C, so an edit in another thread meanwhile cannot change it under the caller)."""
    if isinstance(projects, LazyProjects):
        return projects.statuses(ids)
    if ids is not None:
        return {pid: projects[pid].status for pid in ids if pid in projects}
    return {pid: project.status for pid, project in list(projects.items())}


def project_names(projects, lang: str) -> dict[str, str]:
    """``{project_id: name in lang}`` of a workspace's projects (as :func:`project_statuses`)."""
    if isinstance(projects, LazyProjects):
        return projects.names(lang)
    return {pid: project.name(lang) for pid, project in list(projects.items())}
