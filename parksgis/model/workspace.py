"""Parks, their layers and the project register, and how features link to projects."""

from __future__ import annotations

from dataclasses import dataclass, field

from parksgis.model.events import Signal
from parksgis.model.layer import Layer
from parksgis.model.project import Project
from parksgis.model.status import DEFAULT_SCHEME, StatusScheme


@dataclass
class Park:
    park_id: str
    name_zh: str
    name_en: str = ""
    layers: list[Layer] = field(default_factory=list)

    def name(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" else (self.name_en or self.name_zh)


@dataclass
class LinkReport:
    """How features and projects meet: both lists are reported, nothing is dropped."""

    #: (layer key, feature row, project_id) of features naming a project not in the register
    unknown: list[tuple[str, int, str]]
    #: project ids in the register that no feature links to
    unmapped: list[str]


class Workspace:
    """Everything one window or one export shows: parks, shared layers, register and scheme."""

    def __init__(self, parks: list[Park] | None = None, shared_layers: list[Layer] | None = None,
                 projects: dict[str, Project] | None = None, scheme: StatusScheme = DEFAULT_SCHEME,
                 kpis: dict | None = None, meta: dict | None = None, imagery: list | None = None):
        self.parks: list[Park] = list(parks or [])
        self.shared_layers: list[Layer] = list(shared_layers or [])  # basemap, loose files
        #: orthophotos and tile sets (model.imagery.ImageryLayer), drawn under every vector layer
        self.imagery: list = list(imagery or [])
        self.projects: dict[str, Project] = dict(projects or {})
        self.scheme = scheme
        self.kpis: dict = dict(kpis or {})
        self.meta: dict = dict(meta or {})
        self.layers_changed = Signal()    # a layer was added, removed or reordered
        self.projects_changed = Signal()  # emitted with the list of changed project ids
        #: the day ``projects`` show the register as of (a datetime.date), None for today
        self._as_of = None
        self.as_of_changed = Signal()     # emitted with the new day (or None)

    # -- layers ---------------------------------------------------------------------------------
    @property
    def layers(self) -> list[Layer]:
        """All layers, bottom to top: shared (basemap) first, then each park's."""
        out = list(self.shared_layers)
        for park in self.parks:
            out.extend(park.layers)
        return out

    def park(self, park_id: str) -> Park:
        for park in self.parks:
            if park.park_id == park_id:
                return park
        raise KeyError(f"unknown park {park_id!r}; known: {', '.join(p.park_id for p in self.parks)}")

    def layer(self, key: str) -> Layer:
        for layer in self.layers:
            if layer.key == key:
                return layer
        raise KeyError(f"unknown layer {key!r}")

    def add_layer(self, layer: Layer) -> None:
        if layer.park_id:
            self.park(layer.park_id).layers.append(layer)
        else:
            self.shared_layers.append(layer)
        self.layers_changed.emit()

    def remove_layers_from(self, source) -> int:
        """Drop the layers read from file ``source`` (to read it again with other options)."""
        removed = 0
        for layers in [park.layers for park in self.parks] + [self.shared_layers]:
            keep = [layer for layer in layers if layer.source is None or str(layer.source) != str(source)]
            removed += len(layers) - len(keep)
            layers[:] = keep
        if removed:
            self.layers_changed.emit()
        return removed

    def add_imagery(self, layer) -> None:
        self.imagery.append(layer)
        self.layers_changed.emit()

    # -- projects -------------------------------------------------------------------------------
    @property
    def as_of(self):
        """The day whose statuses ``projects`` show; None when they are the register's current ones."""
        return self._as_of

    def show_as_of(self, day, projects: dict[str, Project]) -> None:
        """Show ``projects`` — the register as it stood on ``day`` (None: today, the current ones).

        Every view reads ``projects``, so swapping them here moves map, legend, table and
        dashboard to that day at once; ``projects_changed`` names the projects that differ.
        """
        changed = sorted(pid for pid in set(self.projects) | set(projects)
                         if self.projects.get(pid) != projects.get(pid))
        self._as_of = day
        self.projects = dict(projects)
        self.as_of_changed.emit(day)
        if changed:
            self.projects_changed.emit(changed)

    def status_of(self, project_id: str | None) -> str | None:
        project = self.projects.get(project_id) if project_id else None
        return project.status if project else None

    def link_report(self) -> LinkReport:
        return LinkReport(unknown=self.unknown_project_links(), unmapped=self.unmapped_projects())

    def unknown_project_links(self) -> list[tuple[str, int, str]]:
        """``(layer key, row, project id)`` of the features naming a project the register lacks."""
        unknown: list[tuple[str, int, str]] = []
        known_ids = list(self.projects)
        for layer in self.layers:
            ids = layer.project_ids
            # vectorised: layers of a million plots are linked without a Python loop per row
            for row in (ids.notna() & ~ids.isin(known_ids)).to_numpy().nonzero()[0]:
                unknown.append((layer.key, int(row), ids.iloc[row]))
        return unknown

    def unmapped_projects(self) -> list[str]:
        """The ids of the register's projects no feature links to."""
        linked: set[str] = set()
        for layer in self.layers:
            linked.update(layer.linked_project_ids())
        return [pid for pid in self.projects if pid not in linked]
