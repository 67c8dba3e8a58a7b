"""A minimal observer: models emit, views connect. Pure Python so the model needs no Qt."""

from __future__ import annotations

from typing import Callable


class Signal:
    """A list of callbacks called in order by :meth:`emit`.

    Qt widgets connect to model signals the same way they connect to Qt ones, so a view never
    keeps a copy of model state: it re-reads the model when told something changed.
    """

    __slots__ = ("_slots",)

    def __init__(self) -> None:
        self._slots: list[Callable] = []

    def connect(self, slot: Callable) -> Callable:
        self._slots.append(slot)
        return slot

    def disconnect(self, slot: Callable) -> None:
        try:
            self._slots.remove(slot)
        except ValueError:
            pass

    def emit(self, *args) -> None:
        for slot in list(self._slots):
            slot(*args)

    def __len__(self) -> int:
        return len(self._slots)
