"""What one drawing of the map depends on besides the workspace: an immutable value.

The window keeps its own (MapRenderer.state) and replaces it when the user picks a day, hides a
status, selects or switches language; an export or a briefing page makes its own from it and
passes it to ``MapRenderer.paint`` — nobody changes a renderer for one drawing and restores it
afterwards. The renderer's caches are keyed on the parts they depend on (``style_key``), so
drawing a page of another day never rebuilds the window's paths, and the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

FOLLOW = "follow"  # imagery_day: use the workspace's as-of day


@dataclass(frozen=True)
class RenderState:
    #: the statuses that colour the map: a snapshot (a register ``as_of(day)``), or None for the
    #: workspace's own projects as they are now (edits show at once)
    projects: Mapping | None = None
    #: statuses whose features are not drawn (the legend's unticked rows)
    hidden: frozenset = field(default_factory=frozenset)
    #: (layer key, row) outlined over the map, sorted
    highlight: tuple = ()
    #: the language of map labels and names: "zh" or "en"
    lang: str = "zh"
    #: whether map labels are drawn
    labels: bool = True
    #: the day whose imagery is drawn; FOLLOW: the workspace's as-of day (None there: the latest)
    imagery_day: object = FOLLOW

    def replace(self, **changes) -> "RenderState":
        """This state with ``changes`` (projects, hidden, highlight, lang, labels, imagery_day)."""
        if "hidden" in changes:
            changes["hidden"] = frozenset(changes["hidden"])
        if "highlight" in changes:
            changes["highlight"] = highlight_items(changes["highlight"])
        if changes.get("projects") is not None and not isinstance(changes["projects"], _Snapshot):
            changes["projects"] = _Snapshot(changes["projects"])
        return replace(self, **changes)

    @property
    def style_key(self) -> tuple:
        """What styled paths depend on: which statuses (a snapshot by identity) and which are hidden."""
        return (None if self.projects is None else id(self.projects), self.hidden)


def highlight_items(items: Iterable[tuple[str, int]]) -> tuple:
    return tuple(sorted(set((str(k), int(r)) for k, r in items)))


class _Snapshot(dict):
    """A status snapshot held by a state: a copy of its own, so nobody changes it afterwards and
    its identity names it in cache keys."""

    __hash__ = object.__hash__  # by identity, like the snapshot it is

    def __eq__(self, other) -> bool:
        return self is other

    def __ne__(self, other) -> bool:
        return self is not other
