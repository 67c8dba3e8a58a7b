"""MapRenderer: draws a workspace's visible layers with a QPainter, for the canvas and exports.

Geometry is projected once per layer to the display CRS and cut into spatial tiles x style
paths (shared/notes/MEASURED.md: the fastest way to draw 100k plots). What one drawing depends
on besides the workspace (statuses, hidden statuses, highlight, language, imagery day) is an
immutable :class:`~parksgis.render.render_state.RenderState`: the window's is ``state``, a page
passes its own to ``paint``. Styled paths are cached per layer and per the state's statuses and
hidden statuses (``RenderState.style_key``), rebuilt when a layer's data or style changes, and
follow an edit by rebuilding only the edited projects' style groups; visibility and opacity
changes only ask for a repaint. QtGui only: no widgets.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from parksgis.model.events import Signal
from parksgis.model.imagery import imagery_for_day
from parksgis.model.layer import Layer, LayerKind
from parksgis.model.workspace import Workspace
from parksgis.render.geometry import path_from_flat, polygon_from_xy
from parksgis.render.highlight import PAGE, highlight_shapes, paint_highlight
from parksgis.render.imagery import paint_imagery
from parksgis.render.labels import LabelPlacer
from parksgis.render.layer_cache import LayerGeometry, LayerStyle
from parksgis.render.render_state import FOLLOW, RenderState
from parksgis.render.styles import GroupStyle, ProjectIndex

# Bottom to top; within a kind the workspace order is kept.
KIND_ORDER = [LayerKind.BASEMAP, LayerKind.OTHER, LayerKind.PLOTS, LayerKind.BERTHS, LayerKind.BOUNDARY,
              LayerKind.ROADS, LayerKind.UTILITY_LINES, LayerKind.UTILITIES]
# Level of detail: areas whose typical width is below this many pixels are filled without an
# outline (outlines of tiny polygons cost as much as the fills and only darken the map).
OUTLINE_MIN_PX = 4.0
#: lines whose typical extent on the map is shorter than this are drawn as hairlines: a mesh of
#: thousands of short roads (a district at overview scale) reads the same, and Qt strokes
#: one-pixel lines on its fast path (20,000 roads on a page: 0.17 s -> 0.01 s)
HAIRLINE_BELOW_PX = 12.0
SYMBOLS_PER_PATH = 80
DENSE_POINTS = 2000  # more point symbols than this in view: small squares, no outline
DENSE_POINT_PX = 2.0


def view_transform(view_rect: QRectF, device_rect: QRectF) -> QTransform:
    """Display-CRS metres -> device pixels: one scale for x and y (north up), view centred."""
    scale = min(device_rect.width() / max(view_rect.width(), 1e-9),
                device_rect.height() / max(view_rect.height(), 1e-9))
    cx, cy = view_rect.center().x(), view_rect.center().y()
    dx, dy = device_rect.center().x(), device_rect.center().y()
    # y grows north in the map and down on the device
    return QTransform(scale, 0, 0, -scale, dx - scale * cx, dy + scale * cy)


#: the side of the square symbol of size 1
_SQUARE_SIDE = 0.84


def symbol_outline(symbol: str) -> np.ndarray:
    """Closed outline (k, 2) of a point symbol of size 1 centred on the origin (y down)."""
    if symbol == "square":
        half = _SQUARE_SIDE / 2
        pts = [(-half, -half), (half, -half), (half, half), (-half, half)]
    elif symbol == "triangle":
        pts = [(0.0, -0.55), (0.5, 0.4), (-0.5, 0.4)]
    elif symbol == "diamond":
        pts = [(0.0, -0.5), (0.5, 0.0), (0.0, 0.5), (-0.5, 0.0)]
    else:  # circle: a 16-gon is round at symbol sizes
        angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
        pts = np.column_stack([np.cos(angles), np.sin(angles)]) * 0.5
    pts = np.asarray(pts, dtype=float)
    return np.vstack([pts, pts[:1]])


def symbols_path(x: np.ndarray, y: np.ndarray, symbol: str, size: float) -> QPainterPath:
    """One path of a symbol at every (x, y) device position, built without a Python loop."""
    outline = symbol_outline(symbol) * size
    k = len(outline)
    vx = (x[:, None] + outline[None, :, 0]).ravel()
    vy = (y[:, None] + outline[None, :, 1]).ravel()
    return path_from_flat(np.column_stack([vx, vy]), np.repeat(np.arange(len(x)), k))


#: status sets (the window's and the last pages') whose styled paths stay cached
STATUS_SETS_KEPT = 3


class MapRenderer:
    """Draws a Workspace. ``changed`` is emitted whenever a repaint is needed.

    ``state`` (a :class:`RenderState`) is what the window shows; ``paint(..., state=...)`` draws
    another one (a briefing page's day, highlight and language) without touching it.
    """

    def __init__(self, workspace: Workspace, display_crs: str = "EPSG:4546",
                 geometry: dict[int, LayerGeometry] | None = None):
        """``geometry``: layers already projected by :func:`project_layers` (e.g. in a loader thread)."""
        self.workspace = workspace
        self.display_crs = display_crs
        self.changed = Signal()
        self.state = RenderState()
        self._geometry: dict[int, LayerGeometry] = dict(geometry or {})
        #: styled paths: layer id -> RenderState.style_key -> LayerStyle
        self._style: dict[int, dict[tuple, LayerStyle]] = {}
        #: lookups by project id, shared by all layers: status key (None: the workspace's
        #: projects, else the snapshot's id) -> index; and the status sets in use, newest last
        self._index: dict[int | None, ProjectIndex] = {}
        self._status_sets: dict[int | None, object] = {}
        self._connections: dict[int, list[tuple[Signal, object]]] = {}
        #: compare by swipe: (day, fraction) shows that day's imagery left of ``fraction`` of the
        #: width and the usual imagery right of it; None: no swipe
        self.imagery_swipe: tuple | None = None
        self.labels = LabelPlacer()
        workspace.layers_changed.connect(self._on_layers_changed)
        workspace.projects_changed.connect(self._on_projects_changed)
        workspace.as_of_changed.connect(self._on_as_of_changed)
        self._connect_layers()

    # -- model following ------------------------------------------------------------------------
    def _connect_layers(self) -> None:
        current = {id(layer): layer for layer in self.workspace.layers + self.workspace.imagery}
        for key in list(self._connections):
            if key not in current:
                for signal, slot in self._connections.pop(key):
                    signal.disconnect(slot)
                self._geometry.pop(key, None)
                self._style.pop(key, None)
        for key, layer in current.items():
            if key in self._connections:
                continue
            if not isinstance(layer, Layer):  # imagery: any change only asks for a repaint
                pairs = [(layer.changed, lambda *_: self.changed.emit())]
            else:
                pairs = [(layer.visible_changed, lambda *_: self.changed.emit()),
                         (layer.opacity_changed, lambda *_: self.changed.emit()),
                         (layer.style_changed, lambda *_, l=layer: self.invalidate(l)),
                         (layer.data_changed, lambda *_, l=layer: self.invalidate(l, geometry=True))]
            for signal, slot in pairs:
                signal.connect(slot)
            self._connections[key] = pairs

    def _on_layers_changed(self, *_):
        self._connect_layers()
        self.changed.emit()

    def _on_projects_changed(self, project_ids=None, *_):
        """An edit: only the style groups the edited projects' features move between are rebuilt
        (a layer whose styles cannot follow that way is rebuilt whole). Snapshots (a day shown
        "as of", a page's day) do not change."""
        if project_ids is None:
            self.invalidate()
            return
        changed = set(project_ids)
        projects = self.workspace.projects
        old = self._index.get(None)
        if old is not None and old.projects is projects:
            self._index[None] = old.updated(projects, changed)
        else:  # the projects were swapped: index them anew
            self._index[None] = ProjectIndex(projects)
        for styles in self._style.values():
            for key, style in list(styles.items()):
                if key[0] is None and not style.refresh(changed, self._index[None]):
                    del styles[key]
        if self.state.projects is None:
            self.changed.emit()

    def _on_as_of_changed(self, *_):
        if self.workspace.imagery and self.state.imagery_day == FOLLOW:
            self.changed.emit()  # another day may show another flight

    def detached(self) -> "MapRenderer":
        """A renderer of the same workspace for one export or briefing page: it starts from this
        one's statuses, hidden statuses, highlight and language and shares its projected geometry
        (the costly part, never changed once built), but keeps its own state and style caches, so
        whatever the page sets (another day's statuses, a highlight, the page's language) never
        changes what the window shows. ``close()`` it when the page is done."""
        other = MapRenderer(self.workspace, self.display_crs, geometry=self._geometry)
        other.state = self.state  # the same flight under the plots (no swipe on a page)
        return other

    def close(self) -> None:
        """Stop following the model (the renderer is being thrown away)."""
        for pairs in self._connections.values():
            for signal, slot in pairs:
                signal.disconnect(slot)
        self._connections.clear()
        self.workspace.layers_changed.disconnect(self._on_layers_changed)
        self.workspace.projects_changed.disconnect(self._on_projects_changed)
        self.workspace.as_of_changed.disconnect(self._on_as_of_changed)

    def invalidate(self, layer: Layer | None = None, geometry: bool = False) -> None:
        """Forget cached styled paths (and projected geometry when ``geometry``) of one or all layers."""
        keys = [id(layer)] if layer is not None else list(self._style) + list(self._geometry)
        if layer is None:
            self._index.clear()  # statuses or names may have changed
        for key in keys:
            self._style.pop(key, None)
            if geometry:
                self._geometry.pop(key, None)
        self.changed.emit()

    def cached(self, layer: Layer) -> list:
        """What the renderer keeps for ``layer``'s frame as it is now (projected geometry, styled
        paths): a caller about to replace the frame may hold on to it, to free it later."""
        return [self._geometry.get(id(layer)), self._style.get(id(layer))]

    def adopt_geometry(self, layer: Layer, geometry: LayerGeometry) -> None:
        """Use ``geometry`` (projected off the UI thread) for ``layer``'s frame as it is now."""
        self._geometry[id(layer)] = geometry
        self._style.pop(id(layer), None)

    # -- state the views set --------------------------------------------------------------------
    def _set_state(self, emit: bool, **changes) -> None:
        state = self.state.replace(**changes)
        if state != self.state:
            self.state = state
            if emit:
                self.changed.emit()

    @property
    def projects(self) -> dict:
        """Projects whose statuses colour the window's map: an as-of snapshot if set, else the workspace's."""
        return self.projects_of(self.state)

    def projects_of(self, state: RenderState) -> dict:
        return self.workspace.projects if state.projects is None else state.projects

    @property
    def status_snapshot(self) -> dict | None:
        """The projects set by :meth:`set_status_of`, or None while following the workspace."""
        return self.state.projects

    def set_status_of(self, projects: dict | None) -> None:
        """Colour by ``projects`` (e.g. ``RegisterStore.as_of(date)``); None follows the workspace."""
        self.state = self.state.replace(projects=projects)
        self.changed.emit()  # a snapshot of the same day again may hold new statuses too

    @property
    def hidden_statuses(self) -> frozenset:
        return self.state.hidden

    @hidden_statuses.setter
    def hidden_statuses(self, codes: Iterable[str]) -> None:
        self._set_state(True, hidden=codes)

    @property
    def highlight(self) -> list[tuple[str, int]]:
        return list(self.state.highlight)

    @highlight.setter
    def highlight(self, items: Iterable[tuple[str, int]]) -> None:
        self._set_state(False, highlight=items)
        self.changed.emit()

    @property
    def lang(self) -> str:
        return self.state.lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._set_state(False, lang=lang)

    @property
    def show_labels(self) -> bool:
        return self.state.labels

    @show_labels.setter
    def show_labels(self, shown: bool) -> None:
        self._set_state(False, labels=bool(shown))

    @property
    def imagery_day(self):
        """The day whose imagery is drawn; FOLLOW: the workspace's as-of day (None there: the latest)."""
        return self.state.imagery_day

    @imagery_day.setter
    def imagery_day(self, day) -> None:
        self._set_state(False, imagery_day=day)

    # -- caches ---------------------------------------------------------------------------------
    def geometry(self, layer: Layer) -> LayerGeometry:
        key = id(layer)
        if key not in self._geometry:
            self._geometry[key] = LayerGeometry(layer, self.display_crs, layer.frame_vertices)
        return self._geometry[key]

    def style(self, layer: Layer, state: RenderState | None = None) -> LayerStyle:
        """``layer``'s styled paths for ``state`` (default: the window's)."""
        state = state or self.state
        styles = self._style.setdefault(id(layer), {})
        key = state.style_key
        if key not in styles:
            styles[key] = LayerStyle(layer, self.geometry(layer), self._project_index(state),
                                     self.workspace.scheme, state.hidden)
        return styles[key]

    def _project_index(self, state: RenderState) -> ProjectIndex:
        """The lookups of ``state``'s statuses; the caches of status sets no longer in use go."""
        status_key, projects = state.style_key[0], self.projects_of(state)
        index = self._index.get(status_key)
        if index is None or index.projects is not projects:
            index = self._index[status_key] = ProjectIndex(projects)
        self._status_sets.pop(status_key, None)
        self._status_sets[status_key] = state.projects  # newest last; holds the snapshot (its id)
        kept = {None, self.state.style_key[0], *list(self._status_sets)[-STATUS_SETS_KEPT:]}
        for old in [k for k in self._status_sets if k not in kept]:
            del self._status_sets[old]
            self._index.pop(old, None)
            for styles in self._style.values():
                for key in [k for k in styles if k[0] == old]:
                    del styles[key]
        return index

    def _paint_imagery(self, painter: QPainter, shown: QRectF, device_rect: QRectF, metres_per_px: float,
                       state: RenderState) -> None:
        if self.imagery_swipe is None or state is not self.state:  # no swipe on a page
            paint_imagery(painter, self.imagery_shown(state=state), shown, device_rect, self.display_crs,
                          metres_per_px)
            return
        day, fraction = self.imagery_swipe
        split = device_rect.left() + device_rect.width() * min(max(fraction, 0.0), 1.0)
        left = QRectF(device_rect.left(), device_rect.top(), split - device_rect.left(), device_rect.height())
        right = QRectF(split, device_rect.top(), device_rect.right() - split, device_rect.height())
        for clip, layers in ((left, self.imagery_shown(day)), (right, self.imagery_shown())):
            painter.save()
            painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
            paint_imagery(painter, layers, shown, device_rect, self.display_crs, metres_per_px)
            painter.restore()
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.drawLine(QPointF(split, device_rect.top()), QPointF(split, device_rect.bottom()))

    def imagery_shown(self, day=FOLLOW, state: RenderState | None = None) -> list:
        """The visible imagery for ``day`` (default: ``state``'s day, the window's by default),
        bottom to top (see ``imagery_for_day``)."""
        if day == FOLLOW:
            day = (state or self.state).imagery_day
        if day == FOLLOW:
            day = self.workspace.as_of
        return [layer for layer in imagery_for_day(self.workspace.imagery, day) if layer.visible]

    def draw_order(self) -> list[Layer]:
        layers = self.workspace.layers
        rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
        return sorted(layers, key=lambda l: rank.get(l.kind, 1))

    def prepare(self) -> None:
        """Build every visible layer's caches now (e.g. before the first frame)."""
        for layer in self.workspace.layers:
            if layer.visible:
                self.style(layer)

    # -- queries --------------------------------------------------------------------------------
    def extent(self, layers: Iterable[Layer | str] | None = None) -> QRectF:
        """Bounding rectangle (display CRS metres) of ``layers`` (default: all); empty if none."""
        chosen = self._layers(layers)
        boxes = [b for b in (self.layer_extent(l) for l in chosen) if b is not None]
        if layers is None:  # imagery opened on its own still has somewhere to zoom to
            boxes += [imagery.reader.bounds_in(self.display_crs) for imagery in self.workspace.imagery]
        if not boxes:
            return QRectF()
        b = np.array(boxes)
        x0, y0, x1, y1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
        return QRectF(x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0))

    def layer_extent(self, layer: Layer) -> tuple[float, float, float, float] | None:
        """Display-CRS bounds of every feature of ``layer`` (of its source when viewport-driven)."""
        if layer.view is None:
            return self.geometry(layer).extent
        from parksgis.render.view_frames import to_display  # the source's extent: nothing read

        return None if layer.view.extent is None else to_display(self.display_crs, layer.view.extent)

    def _layers(self, layers) -> list[Layer]:
        if layers is None:
            return list(self.workspace.layers)
        return [self.workspace.layer(l) if isinstance(l, str) else l for l in layers]

    def pick(self, x: float, y: float, tolerance_m: float) -> list[tuple[Layer, int]]:
        """Visible, shown features within ``tolerance_m`` of (x, y): topmost layer first, nearest first."""
        point = shapely.Point(x, y)
        hits: list[tuple[Layer, int]] = []
        for layer in reversed(self.draw_order()):
            if not layer.visible or len(layer.frame) == 0:
                continue
            geometry, style = self.geometry(layer), self.style(layer)
            rows = geometry.query(point, tolerance_m)
            rows = rows[style.shown[rows]] if len(rows) else rows
            if len(rows):
                geoms = geometry.projected(rows)
                if style.area_styles and not any(g.fill for g in style.area_styles):
                    # outline-only areas (park boundaries) are hit on their outline, not inside
                    geoms = np.where(shapely.get_dimensions(geoms) == 2, shapely.boundary(geoms), geoms)
                    near = shapely.distance(geoms, point) <= tolerance_m
                    rows, geoms = rows[near], geoms[near]
                dist = shapely.distance(geoms, point)
                for row in rows[np.lexsort((rows, dist))]:
                    hits.append((layer, int(row)))
        return hits

    def visible_rows(self, layer: Layer, view_rect: QRectF, state: RenderState | None = None) -> np.ndarray:
        """Rows of ``layer`` drawn in ``view_rect`` (statuses ``state`` shows only), sorted."""
        geometry, style = self.geometry(layer), self.style(layer, state)
        rows = geometry.in_rect(view_rect.left(), view_rect.top(), view_rect.right(), view_rect.bottom())
        return rows[style.shown[rows]] if len(rows) else rows

    # -- drawing --------------------------------------------------------------------------------
    def paint(self, painter: QPainter, view_rect: QRectF, device_rect: QRectF,
              antialias: bool = False, labels: bool | None = None, keep_clear=(),
              state: RenderState | None = None) -> None:
        """Draw visible layers: ``view_rect`` (display CRS metres, y = min northing) into
        ``device_rect`` (painter coordinates), as ``state`` says (default: the window's state).
        Pen widths follow the device's dpi."""
        state = state or self.state
        transform = view_transform(view_rect, device_rect)
        inverse, _ = transform.inverted()
        shown = inverse.mapRect(device_rect)  # what is really visible when aspects differ
        bounds = (shown.left(), shown.top(), shown.right(), shown.bottom())
        px = max(painter.device().logicalDpiX(), 1) / 96.0
        painter.save()
        painter.setClipRect(device_rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        base = painter.transform()
        order = self.draw_order()
        # imagery goes over the basemap (whose opaque district fills would hide it) and under the rest
        imagery_at = sum(layer.kind is LayerKind.BASEMAP for layer in order)
        for i, layer in enumerate(order + [None]):
            if i == imagery_at and self.workspace.imagery:
                painter.setTransform(base)  # the basemap left the metre transform and its opacity set
                painter.setOpacity(1.0)
                self._paint_imagery(painter, shown, device_rect, 1.0 / transform.m11(), state)
            if layer is None or not layer.visible or len(layer.frame) == 0:
                continue
            style = self.style(layer, state)
            painter.setOpacity(layer.opacity)
            painter.setTransform(transform * base)
            geometry = self.geometry(layer)
            outlines = geometry.typical_area_size * transform.m11() >= OUTLINE_MIN_PX
            hairlines = geometry.typical_line_size * transform.m11() < HAIRLINE_BELOW_PX
            for styles, tiled in ((style.area_styles, style.area_paths), (style.line_styles, style.line_paths)):
                for group, paths in zip(styles, tiled):
                    visible = paths.visible(*bounds) if paths.paths else []
                    if not visible:
                        continue
                    self._apply(painter, group, px)
                    if group.fill and not outlines:
                        painter.setPen(Qt.PenStyle.NoPen)
                    elif hairlines and group.stroke and tiled is style.line_paths:
                        pen = painter.pen()  # never thicker than the style asks
                        pen.setWidthF(min(pen.widthF(), 1.0))
                        painter.setPen(pen)
                    for path in visible:
                        painter.drawPath(path)
            if len(style.point_group):
                painter.setTransform(base)
                self._paint_points(painter, layer, style, transform, bounds, px)
        painter.setOpacity(1.0)
        painter.setTransform(base)
        if state.highlight:
            self._paint_highlight(painter, transform, base, px, state.highlight)
        if state.labels if labels is None else labels:
            self.labels.paint(self, painter, view_rect, transform, bounds, state, keep_clear)
        painter.restore()

    @staticmethod
    def _apply(painter: QPainter, group: GroupStyle, px: float) -> None:
        if group.stroke:
            pen = QPen(QColor(group.stroke), group.width_px * px if group.width_px else 0)
            pen.setCosmetic(True)  # widths in pixels, never stroked in metres (MEASURED.md)
            if group.dash:
                pen.setDashPattern(list(group.dash))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap if group.dash else Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(group.fill)) if group.fill else Qt.BrushStyle.NoBrush)

    def _paint_points(self, painter, layer, style, transform, bounds, px) -> None:
        geometry = self.geometry(layer)
        xy = geometry.point_xy
        inside = ((xy[:, 0] >= bounds[0]) & (xy[:, 0] <= bounds[2]) & (xy[:, 1] >= bounds[1])
                  & (xy[:, 1] <= bounds[3]) & style.shown[geometry.point_feature])
        m = transform
        # level of detail: thousands of symbols in view are drawn as small plain squares
        dense = int(inside.sum()) > DENSE_POINTS
        for g, group in enumerate(style.point_styles):
            sel = inside & (style.point_group == g)
            if not sel.any():
                continue
            dx = m.m11() * xy[sel, 0] + m.dx()
            dy = m.m22() * xy[sel, 1] + m.dy()
            if dense:  # filled squares: square-capped points of their side, 4x faster than paths
                if not group.fill:
                    continue
                pen = QPen(QColor(group.fill), DENSE_POINT_PX * px * _SQUARE_SIDE)
                pen.setCapStyle(Qt.PenCapStyle.SquareCap)
                painter.setPen(pen)
                painter.drawPoints(polygon_from_xy(np.column_stack([dx, dy])))
                continue
            self._apply(painter, group, px)
            symbol, size = group.symbol or "circle", group.size_px * px
            # small paths: antialiasing one path of 10k symbols takes seconds, 80 at a time ms
            for start in range(0, len(dx), SYMBOLS_PER_PATH):
                end = start + SYMBOLS_PER_PATH
                painter.drawPath(symbols_path(dx[start:end], dy[start:end], symbol, size))

    def _paint_highlight(self, painter, transform, base, px, highlight) -> None:
        by_layer: dict[str, list[int]] = {}
        for key, row in highlight:
            by_layer.setdefault(key, []).append(row)
        for layer in self.draw_order():
            if not layer.visible or not by_layer.get(layer.key):
                continue
            path, points = highlight_shapes(self.geometry(layer), by_layer[layer.key])
            paint_highlight(painter, path, points, transform, PAGE, px, base)


def project_layers(workspace: Workspace, display_crs: str) -> dict[int, LayerGeometry]:
    """Every layer's geometry in ``display_crs``, keyed as :class:`MapRenderer` keeps it.

    Only numpy, shapely and pyproj work here (no Qt object is made), so the window runs it in its
    loader thread right after reading the files: the first frame then only builds paths and paints.
    """
    return {id(layer): LayerGeometry(layer, display_crs) for layer in workspace.layers}


def project_other_layers(workspace: Workspace, display_crs: str, known: dict) -> dict[int, LayerGeometry]:
    """Like :func:`project_layers` for the layers ``known`` (already projected) leaves out."""
    return {**known, **{id(layer): LayerGeometry(layer, display_crs)
                        for layer in workspace.layers if id(layer) not in known}}
