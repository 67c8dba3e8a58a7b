"""The selected features of a workspace, observed by the map, the table and the identify panel."""

from __future__ import annotations

from typing import Iterable

from parksgis.model.events import Signal

#: a feature is named by its layer key and its positional row in the layer frame
FeatureRef = tuple[str, int]


class Selection:
    """An ordered set of features; ``changed`` is emitted (with no arguments) on every change.

    Views never keep their own idea of what is selected: they set this object and repaint from it.
    """

    def __init__(self) -> None:
        self._items: dict[FeatureRef, None] = {}  # a dict keeps insertion order
        self.changed = Signal()

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item: object) -> bool:
        return item in self._items

    @property
    def items(self) -> list[FeatureRef]:
        return list(self._items)

    @property
    def current(self) -> FeatureRef | None:
        """The most recently selected feature: the one the identify panel shows."""
        return next(reversed(self._items), None) if self._items else None

    def rows_of(self, layer_key: str) -> list[int]:
        return [row for key, row in self._items if key == layer_key]

    def set(self, items: Iterable[FeatureRef]) -> None:
        new = {(str(k), int(r)): None for k, r in items}
        if list(new) != list(self._items):
            self._items = new
            self.changed.emit()

    def add(self, items: Iterable[FeatureRef]) -> None:
        """Add features (shift-click); a feature already selected moves to the end (current)."""
        new = dict(self._items)
        for k, r in items:
            new.pop((str(k), int(r)), None)
            new[(str(k), int(r))] = None
        if list(new) != list(self._items):
            self._items = new
            self.changed.emit()

    def toggle(self, item: FeatureRef) -> None:
        new = dict(self._items)
        if item in new:
            del new[item]
        else:
            new[(str(item[0]), int(item[1]))] = None
        self._items = new
        self.changed.emit()

    def clear(self) -> None:
        self.set([])
