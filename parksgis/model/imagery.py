"""An imagery layer (orthophoto, tile set) and which imagery a given day shows. Pure Python.

The layer holds its reader as an opaque object (like :class:`Layer` holds its frame); drawing and
reading live in ``render`` and ``io``. Imagery always sits under the vector layers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parksgis.model.events import Signal


class ImageryLayer:
    """One raster shown under the plots.

    ``capture_date`` is the day it was flown (None: undated, e.g. a base map).
    ``min_scale``/``max_scale`` are scale denominators (1:``min_scale`` is the most zoomed-in scale
    it shows at, 1:``max_scale`` the most zoomed-out); None means no limit.
    Setters validate, store and emit ``changed`` with the property's name.
    """

    def __init__(self, name: str, reader, source: Path | str | None = None,
                 capture_date: date | None = None, title_zh: str = "", title_en: str = "",
                 attribution: str = "", attribution_en: str = "", report=None):
        self.name = name
        self.reader = reader
        self.source = Path(source) if source is not None else None
        self.capture_date = capture_date
        self.title_zh = title_zh or name
        self.title_en = title_en or name
        self.attribution = attribution  # who made it, e.g. "无人机航拍 2014-03 (示意)"
        self.attribution_en = attribution_en or attribution
        self.report = report
        self._visible = True
        self._opacity = 1.0
        self._brightness = 0.0
        self._contrast = 1.0
        self._min_scale: float | None = None
        self._max_scale: float | None = None
        self.changed = Signal()

    def __repr__(self) -> str:
        return f"ImageryLayer({self.name!r}, {self.capture_date})"

    @property
    def key(self) -> str:
        return f"imagery/{self.name}"

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def _set(self, name: str, value) -> None:
        if getattr(self, "_" + name) != value:
            setattr(self, "_" + name, value)
            self.changed.emit(name)

    @property
    def visible(self) -> bool:
        return self._visible

    @visible.setter
    def visible(self, value: bool) -> None:
        self._set("visible", bool(value))

    @property
    def opacity(self) -> float:
        return self._opacity

    @opacity.setter
    def opacity(self, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"opacity must be between 0.0 and 1.0; got {value}")
        self._set("opacity", float(value))

    @property
    def brightness(self) -> float:
        """Added to every channel, -1..1 of full scale (0: as captured)."""
        return self._brightness

    @brightness.setter
    def brightness(self, value: float) -> None:
        if not -1.0 <= value <= 1.0:
            raise ValueError(f"brightness must be between -1.0 and 1.0; got {value}")
        self._set("brightness", float(value))

    @property
    def contrast(self) -> float:
        """Multiplies the distance from mid-grey, 0..4 (1: as captured)."""
        return self._contrast

    @contrast.setter
    def contrast(self, value: float) -> None:
        if not 0.0 <= value <= 4.0:
            raise ValueError(f"contrast must be between 0.0 and 4.0; got {value}")
        self._set("contrast", float(value))

    @property
    def zoom_range(self) -> tuple[float | None, float | None]:
        return self._min_scale, self._max_scale

    @zoom_range.setter
    def zoom_range(self, value: tuple[float | None, float | None]) -> None:
        low, high = value
        if low is not None and high is not None and low > high:
            raise ValueError(f"zoom range 1:{low:g}..1:{high:g} is empty: the first must be the "
                             "larger scale (smaller number)")
        if (low, high) != (self._min_scale, self._max_scale):
            self._min_scale, self._max_scale = low, high
            self.changed.emit("zoom_range")

    def shows_at(self, scale: float) -> bool:
        """Visible and ``scale`` (the denominator, e.g. 2000 for 1:2,000) inside its zoom range."""
        low, high = self.zoom_range
        return self.visible and (low is None or scale >= low) and (high is None or scale <= high)


def imagery_for_day(layers: list[ImageryLayer], day: date | None) -> list[ImageryLayer]:
    """The imagery to draw on ``day``, bottom to top.

    Undated imagery first; then every layer captured on or before ``day`` (all of them when
    ``day`` is None), oldest first, so wherever flights overlap the latest one on or before the
    day is on top, and where only an older one reaches, that one shows. Later flights are left out.
    """
    undated = [layer for layer in layers if layer.capture_date is None]
    dated = [layer for layer in layers if layer.capture_date is not None
             and (day is None or layer.capture_date <= day)]
    return undated + sorted(dated, key=lambda layer: layer.capture_date)
