"""The one graphics item that draws the whole map: MapRenderer into a cached image, then highlights.

One item for all features (MEASURED.md: one item per feature is unusable beyond a few hundred).
While a pan or zoom gesture runs, the last frame is blitted where its view now lies and the
renderer is not called; when the gesture ends the canvas asks for a fresh frame. The same while
the features of a new view are still being read (``reading``, set by the viewport feeder): the
last frame, scaled, stands in until they arrive, instead of a frame drawn from the old view's
features that would be thrown away a moment later.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from parksgis.gc_pause import gc_paused
from parksgis.render.highlight import HIGHLIGHT_COLOR, paint_highlight, window_style

SELECTION = window_style(QtGui.QColor(HIGHLIGHT_COLOR), 3.0)  # the same yellow as highlights in exports
HOVER = window_style(QtGui.QColor(255, 255, 255, 230), 4.0)
HUGE = 1e9  # the item paints whatever part of the plane is in view


class MapItem(pg.GraphicsObject):
    def __init__(self, renderer=None, keep_clear=None):
        super().__init__()
        self.renderer = renderer
        self.keep_clear = keep_clear  # size -> rectangles the view paints over: no labels there
        self.gesture_active = False
        #: () -> bool: the features of the view are still being read (no frame worth drawing yet)
        self.reading = None
        self.frames_rendered = 0
        #: what the next frame replaces (the last view's features, geometry and paths): freed
        #: once that frame is drawn, not in the way of drawing it
        self.replaced: list = []
        self._image: QtGui.QImage | None = None
        self._image_view = QtCore.QRectF()
        self._highlights: list[tuple[QtGui.QPainterPath, list[QtCore.QPointF], object]] = []

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(-HUGE, -HUGE, 2 * HUGE, 2 * HUGE)

    def set_renderer(self, renderer) -> None:
        self.renderer = renderer
        self.invalidate()

    def invalidate(self) -> None:
        """The map content changed (visibility, style, status): render again on the next paint."""
        self._image = None
        self.update()

    def set_highlights(self, highlights) -> None:
        """``highlights``: [(outline path, point list, HighlightStyle)] in display metres, drawn over
        the map (render.highlight)."""
        self._highlights = list(highlights)
        self.update()

    def cached_image(self) -> QtGui.QImage | None:
        return self._image

    def paint(self, painter: QtGui.QPainter, option, widget=None) -> None:
        view_box = self.getViewBox()
        if view_box is None or self.renderer is None:
            return
        view = view_box.viewRect()
        # the frame's size is the view box's in pixels, not the painter's device rect: a grab() or
        # an exposed region paints through other transforms and must not cost a new frame
        size = view_box.sceneBoundingRect().size().toSize()
        if size.width() <= 0 or size.height() <= 0:
            return
        # drawn at the screen's device pixels (1.5 per pixel at 150 % scaling): crisp, not upscaled
        dpr = max(1.0, float(painter.device().devicePixelRatioF())) if painter.device() else 1.0
        stale = (self._image is None or self._image_view != view or self._image.deviceIndependentSize().toSize() != size
                 or self._image.devicePixelRatio() != dpr)
        waiting = self.gesture_active or (self.reading is not None and self.reading())
        if stale and (not waiting or self._image is None):
            self._render(view, size, dpr)
        painter.save()
        target = painter.transform().mapRect(self._image_view)
        painter.resetTransform()
        painter.drawImage(target, self._image)
        painter.restore()
        self._paint_highlights(painter)

    def _render(self, view: QtCore.QRectF, size: QtCore.QSize, dpr: float = 1.0) -> None:
        replaced, self.replaced = self.replaced, []
        image = QtGui.QImage(size * dpr, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)  # the renderer paints in logical pixels, Qt scales
        image.fill(QtGui.QColor("#f4f1ea"))
        image_painter = QtGui.QPainter(image)
        try:
            # no cyclic collection in the middle of a frame (styling a new view's features
            # allocates enough to start a full one: a tenth of a second at a million plots)
            with gc_paused():
                self.renderer.paint(image_painter, view, QtCore.QRectF(0, 0, size.width(), size.height()),
                                    keep_clear=self.keep_clear(size) if self.keep_clear else ())
        finally:
            image_painter.end()
        self._image, self._image_view = image, QtCore.QRectF(view)
        self.frames_rendered += 1
        # once the frame is shown, what it replaced is freed (~5 ms of a zoom at a million
        # plots). The freed memory is kept for the next frame, not given back to the system:
        # the next zoom's read would fault all of it in again (~0.2 s at a million plots)
        QtCore.QTimer.singleShot(0, replaced.clear)

    def _paint_highlights(self, painter: QtGui.QPainter) -> None:
        for path, points, style in self._highlights:
            paint_highlight(painter, path, points, painter.transform(), style)
