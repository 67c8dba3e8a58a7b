"""Viewport-driven layers: a layer whose features stay in their source and are read for the view.

A million-plot layer is never held whole in memory. Its :class:`~parksgis.model.layer.Layer`
carries a :class:`LayerView` naming where the features are (a :class:`ViewSource` and a table),
and its ``frame`` holds only the features of the view the map last asked for (plus a margin), at
the level of detail of that view's scale. Counts, identify, search and attribute pages are asked
of the source instead of the frame.

The protocol is what the map and the panels need; a pack implements it with its R-tree and its
level-of-detail table (``parksgis.pack.view_source``), a PostgreSQL layer table could implement it
with its GiST index. Boxes are WGS84 ``(minx, miny, maxx, maxy)``. Frames are GeoDataFrames in
EPSG:4326 indexed by the feature id (``fid``), sorted by it, with the layer's attribute columns.
Implementations must be safe to call from any one thread at a time per thread (the window reads
in a worker thread while the UI thread counts and pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import geopandas
    import numpy
    import pandas

Box = tuple[float, float, float, float]


class ReadCancelled(Exception):
    """A read given up because its ``stop()`` said so (the view moved on before it was done)."""


class ViewSource(Protocol):
    def features(self, table: str, box: Box, m_per_px: float, stop=None) -> "geopandas.GeoDataFrame":
        """Features meeting ``box``, drawn-equivalent at ``m_per_px`` (coarser scales may give
        generalised shapes; at full detail exactly the features whose shape meets the box).
        ``stop``: () -> bool, asked now and then; True raises :class:`ReadCancelled` (a source
        may ignore it)."""

    def by_ids(self, table: str, fids) -> "geopandas.GeoDataFrame":
        """Full-detail features with these ids (unknown ids are left out)."""

    def identify(self, table: str, box: Box) -> "geopandas.GeoDataFrame":
        """Full-detail features whose shape meets ``box`` (a clicked point grown by the tolerance)."""

    def count(self, table: str) -> int:
        """Features in the layer."""

    def value_counts(self, table: str, columns: list[str]) -> "pandas.DataFrame":
        """Each distinct combination of ``columns`` over the whole layer (nulls included) and
        how many features have it (column ``count``); the columns that do not exist are left out."""

    def ids(self, table: str) -> "numpy.ndarray":
        """Every feature id, sorted (the attribute table's rows)."""

    def sorted_ids(self, table: str, column: str, descending: bool = False) -> "numpy.ndarray":
        """Every feature id, ordered by ``column`` (nulls first; descending: reversed, nulls
        last), equal values by id (the attribute table's rows sorted by a column)."""

    def attribute_rows(self, table: str, fids) -> "pandas.DataFrame":
        """The attribute columns of the features ``fids`` (sorted ids), index: fid, in that order."""

    def matching_ids(self, table: str, columns: list[str], text: str, projects: list[str],
                     unlinked: bool = False, own=None) -> "numpy.ndarray":
        """Sorted ids of the features where a text column among ``columns`` contains ``text``
        (case-insensitive), or linked to one of ``projects``; ``unlinked``: also those linked to
        no project; ``own`` = ``(column, values)``: also those linked to no project whose
        ``column`` holds one of ``values`` (a status the feature carries itself)."""

    def extent(self, table: str) -> Box | None:
        """The layer's bounds without reading its features; None when it is empty."""

    def close(self) -> None:
        ...


@dataclass(frozen=True)
class LayerView:
    """Where a viewport-driven layer's features are: ``source``'s ``table``, with its size."""

    source: ViewSource
    table: str
    feature_count: int
    extent: Box | None


def expand_box(box, factor: float) -> tuple[float, float, float, float]:
    """``box`` grown by ``factor`` of its size on every side (a margin so panning shows features)."""
    minx, miny, maxx, maxy = box
    dx, dy = (maxx - minx) * factor, (maxy - miny) * factor
    return (minx - dx, miny - dy, maxx + dx, maxy + dy)


def union_box(boxes) -> tuple[float, float, float, float] | None:
    """The box holding all ``boxes`` (None ones left out); None when none is left."""
    # plain Python, no numpy: a fresh ``render URL`` asks this before numpy is imported
    boxes = [tuple(map(float, b)) for b in boxes if b is not None]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
