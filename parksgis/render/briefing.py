"""A briefing page (汇报材料): title, map(s), legend, scale bar, north arrow, KPI box, data note.

The page is laid out in points and drawn in device pixels (``u`` = pixels per point), so the
same code draws a 96-dpi PNG, a 300-dpi PNG, a PDF and an SVG. What the page says comes from
briefing_content.py; where it was drawn is kept (``map_rects``, ``scale_bar``) for tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF, QTransform

from parksgis.render import briefing_content as content
from parksgis.render.fonts import fitted_font, map_font, missing_glyphs, wrapped
from parksgis.render.map_renderer import MapRenderer, view_transform
from parksgis.render.paper import page_shrink
from parksgis.render.render_state import RenderState

MARGIN_PT = 24.0
GAP_PT = 10.0
#: The sidebar is drawn at most this much smaller to fit above the notes (8.5 pt text: ~5 pt).
SIDEBAR_MIN_SCALE = 0.6
INK = QColor("#1a1a1a")
MUTED = QColor("#555555")
FRAME = QColor("#8c8c8c")


@dataclass
class MapPanel:
    """One map on the page: its view, a caption, and what it draws (None: the page's state;
    compare mode: each map its own day's statuses and imagery, the changed features outlined)."""

    view: QRectF
    caption: str = ""
    state: RenderState | None = None


@dataclass
class BriefingPage:
    page: content.PageContent
    panels: list[MapPanel]
    lang: str = "zh"
    #: what the maps draw (statuses, language, imagery day, no highlight), made from the window's
    #: or the command's state when the page is built; None: the renderer's, in the page's language
    state: RenderState | None = None
    changes: list[str] = field(default_factory=list)  # compare mode: one line per changed project
    # filled in by paint(): where things went, in device pixels
    map_rects: list[QRectF] = field(default_factory=list)
    map_views: list[QRectF] = field(default_factory=list)  # display CRS metres shown in each map_rect
    scale_bar: tuple[float, float, float, float] | None = None  # x0, y, length px, length m
    title_rect: QRectF | None = None
    sidebar_rect: QRectF | None = None  # legend, key figures and changes, as drawn
    notes_rect: QRectF | None = None  # the notes under the maps
    map_labels: list[str] = field(default_factory=list)  # the labels the maps placed, as drawn
    furniture_rects: list[QRectF] = field(default_factory=list)  # north arrows, scale bars: no label there

    def panel_state(self, renderer: MapRenderer, panel: MapPanel) -> RenderState:
        if panel.state is not None:
            return panel.state
        return self.state or renderer.state.replace(lang=self.lang, highlight=())

    def texts(self, renderer: MapRenderer) -> list[str]:
        """All strings this page draws, the maps' labels as the paint placed them (for the glyph
        check: so call it once the page is painted). The paint hands over what it drew: working
        out every visible feature's name again for the check cost 0.1-0.3 s of a 100k-plot page,
        for names too small on the page to be labelled."""
        if not self.map_rects:
            raise RuntimeError("a page's texts are known once it is painted")
        return (self.page.texts(renderer.workspace.scheme, self.lang) + [p.caption for p in self.panels]
                + self.changes + self.map_labels)

    def missing_glyphs(self, renderer: MapRenderer) -> list[str]:
        """The characters of :meth:`texts` the page's font draws as boxes (after the paint)."""
        return missing_glyphs("".join(self.texts(renderer)))

    # -- drawing --------------------------------------------------------------------------------
    def paint(self, painter: QPainter, renderer: MapRenderer, width_px: float, height_px: float) -> None:
        u = max(painter.device().logicalDpiX(), 1) / 72.0  # device pixels per point
        painter.save()
        shrink = page_shrink((width_px / u, height_px / u))
        if shrink < 1.0:  # laid out on the smallest full-size page, drawn shrunk onto this one
            painter.scale(shrink, shrink)
            width_px, height_px = width_px / shrink, height_px / shrink
        self._paint_page(painter, renderer, width_px, height_px, u)
        painter.restore()
        if shrink < 1.0:  # where things went, in the device's pixels
            shrunk = QTransform.fromScale(shrink, shrink).mapRect
            self.map_rects = [shrunk(r) for r in self.map_rects]
            self.furniture_rects = [shrunk(r) for r in self.furniture_rects]
            self.title_rect, self.sidebar_rect, self.notes_rect = (
                shrunk(r) for r in (self.title_rect, self.sidebar_rect, self.notes_rect))
            if self.scale_bar is not None:
                x0, y, length_px, length_m = self.scale_bar
                self.scale_bar = (x0 * shrink, y * shrink, length_px * shrink, length_m)

    def _paint_page(self, painter: QPainter, renderer: MapRenderer, width_px: float, height_px: float,
                    u: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        m = MARGIN_PT * u
        device, line_width = painter.device(), width_px - 2 * m
        # a long title or subtitle on a small page is set smaller, never cut at the page's edge
        title_font = fitted_font(self.page.title, 17, line_width, device, bold=True, smallest=10)
        sub_font = fitted_font(self.page.subtitle, 10.5, line_width, device, smallest=7.5)
        painter.setPen(INK)
        painter.setFont(title_font)
        fm_title = QFontMetricsF(title_font, device)
        fm_sub = QFontMetricsF(sub_font, device)
        self.title_rect = QRectF(m, m, fm_title.horizontalAdvance(self.page.title), fm_title.height())
        painter.drawText(QPointF(m, m + fm_title.ascent()), self.page.title)
        painter.setFont(sub_font)
        painter.setPen(MUTED)
        painter.drawText(QPointF(m, m + fm_title.height() + 2 * u + fm_sub.ascent()), self.page.subtitle)
        top = m + fm_title.height() + fm_sub.height() + 10 * u

        note_font = map_font(7.5)
        fm_note = QFontMetricsF(note_font, device)
        sidebar_w = min(max(0.27 * width_px, 150 * u), 215 * u)
        maps_w = width_px - 2 * m - sidebar_w - GAP_PT * u

        def notes_under(width: float) -> tuple[list[str], float]:
            lines = [line for note in self.page.notes for line in wrapped(note, note_font, device, width)]
            return lines, height_px - m - fm_note.height() * len(lines) - 6 * u

        notes, bottom = notes_under(line_width)
        sidebar = QRectF(m + maps_w + GAP_PT * u, top, sidebar_w, bottom - top)
        longest = content.longest_legend(renderer.workspace.scheme, self.lang)  # this one is not known yet
        if self._sidebar(painter, sidebar, u, SIDEBAR_MIN_SCALE, draw=False, legend=longest) > sidebar.height():
            # a small page: the notes wrap under the maps, and the sidebar runs down beside them,
            # unless that leaves the maps less than half their height (a tiny page: then the
            # sidebar keeps its place and may run into the notes)
            narrow_notes, narrow_bottom = notes_under(maps_w)
            if narrow_bottom - top >= 0.5 * (bottom - top):
                notes, bottom = narrow_notes, narrow_bottom
                sidebar.setBottom(height_px - m)
        self._paint_maps(painter, renderer, QRectF(m, top, maps_w, bottom - top), u)
        self._paint_sidebar(painter, sidebar, u)

        painter.setFont(note_font)
        painter.setPen(MUTED)
        y = bottom + 6 * u
        self.notes_rect = QRectF(m, y, max((fm_note.horizontalAdvance(n) for n in notes), default=0.0),
                                 fm_note.height() * len(notes))
        for note in notes:
            painter.drawText(QPointF(m, y + fm_note.ascent()), note)
            y += fm_note.height()

    def _paint_maps(self, painter: QPainter, renderer: MapRenderer, area: QRectF, u: float) -> None:
        n = len(self.panels)
        gap = GAP_PT * u
        caption_font = map_font(10, bold=True)
        fm = QFontMetricsF(caption_font, painter.device())
        caption_h = fm.height() + 4 * u if any(p.caption for p in self.panels) else 0.0
        width = (area.width() - gap * (n - 1)) / n
        self.map_rects, self.map_views, self.map_labels, self.furniture_rects = [], [], [], []
        for i, panel in enumerate(self.panels):  # each map from its own state: the renderer's stays
            state = self.panel_state(renderer, panel)
            rect = QRectF(area.left() + i * (width + gap), area.top() + caption_h, width,
                          area.height() - caption_h)
            if panel.caption:
                painter.setFont(caption_font)
                painter.setPen(INK)
                painter.drawText(QPointF(rect.left(), area.top() + fm.ascent()), panel.caption)
            view = fit_view(panel.view, rect, top_px=46 * u, bottom_px=40 * u)
            if i == n - 1:  # the legend explains the last (or only) map, as drawn
                self.page.legend = content.legend_entries(renderer, view, self.lang, state)
            painter.fillRect(rect, QColor("#ffffff"))
            scale = view_transform(view, rect).m11()
            # no map label under the north arrow or the scale bar (a short map's corners hold them)
            furniture = [self._north_arrow_box(painter, rect, u), self._scale_bar_layout(painter, rect, scale, u)[0]]
            renderer.paint(painter, view, rect, antialias=True, labels=True, state=state, keep_clear=furniture)
            self.map_labels += [text for text, _ in renderer.labels.placed]
            self.furniture_rects += furniture
            pen = QPen(FRAME, 0.75 * u)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            self._paint_north_arrow(painter, rect, u)
            self._paint_scale_bar(painter, rect, scale, u)
            self.map_rects.append(rect)
            self.map_views.append(view)

    @staticmethod
    def _north_arrow_layout(rect: QRectF, u: float) -> tuple[float, float, float]:
        """``(centre x, top, height)`` of the north arrow in map ``rect``."""
        return rect.right() - 20 * u, rect.top() + 10 * u, 22 * u

    def _north_arrow_box(self, painter: QPainter, rect: QRectF, u: float) -> QRectF:
        """Where :meth:`_paint_north_arrow` draws the arrow and its letter."""
        cx, top, h = self._north_arrow_layout(rect, u)
        fm = QFontMetricsF(map_font(9, bold=True), painter.device())
        half = max(7 * u, fm.horizontalAdvance("北" if self.lang == "zh" else "N") / 2) + 2 * u
        return QRectF(cx - half, top - 2 * u, 2 * half, h + 2 * u + fm.height() + 4 * u)

    def _paint_north_arrow(self, painter: QPainter, rect: QRectF, u: float) -> None:
        # EPSG:4546 grid north is within 0.4 degrees of true north over Yangjiang: drawn straight up
        cx, top, h = self._north_arrow_layout(rect, u)
        left = QPolygonF([QPointF(cx, top), QPointF(cx - 7 * u, top + h), QPointF(cx, top + h * 0.72)])
        right = QPolygonF([QPointF(cx, top), QPointF(cx + 7 * u, top + h), QPointF(cx, top + h * 0.72)])
        painter.setPen(QPen(INK, 0.8 * u))
        painter.setBrush(INK)
        painter.drawPolygon(left)
        painter.setBrush(QColor("#ffffff"))
        painter.drawPolygon(right)
        font = map_font(9, bold=True)
        painter.setFont(font)
        fm = QFontMetricsF(font, painter.device())
        label = "北" if self.lang == "zh" else "N"
        painter.setPen(INK)
        painter.drawText(QPointF(cx - fm.horizontalAdvance(label) / 2, top + h + 2 * u + fm.ascent()), label)

    @staticmethod
    def _scale_bar_layout(painter: QPainter, rect: QRectF, scale: float, u: float):
        """``(white box, bar's left x, bar's top y, bar length px, bar length m)`` of the scale bar."""
        length_m = content.nice_length(rect.width() * 0.28 / scale)
        length_px = length_m * scale
        fm = QFontMetricsF(map_font(8), painter.device())
        x0, bar_h = rect.left() + 12 * u, 4 * u
        y = rect.bottom() - 10 * u - bar_h
        box = QRectF(x0 - 6 * u, y - fm.height() - 6 * u, length_px + 12 * u + fm.horizontalAdvance("00000"),
                     fm.height() + bar_h + 12 * u)
        return box, x0, y, length_px, length_m

    def _paint_scale_bar(self, painter: QPainter, rect: QRectF, scale: float, u: float) -> None:
        box, x0, y, length_px, length_m = self._scale_bar_layout(painter, rect, scale, u)
        font, bar_h = map_font(8), 4 * u
        fm = QFontMetricsF(font, painter.device())
        painter.fillRect(box, QColor(255, 255, 255, 215))
        painter.setPen(Qt.PenStyle.NoPen)
        for k in range(4):  # alternating black and white quarters
            painter.setBrush(INK if k % 2 == 0 else QColor("#ffffff"))
            painter.drawRect(QRectF(x0 + k * length_px / 4, y, length_px / 4, bar_h))
        painter.setPen(QPen(INK, 0.6 * u))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(x0, y, length_px, bar_h))
        painter.setFont(font)
        painter.drawText(QPointF(x0 - fm.horizontalAdvance("0") / 2, y - 3 * u), "0")
        label = content.format_length(length_m, self.lang)
        painter.drawText(QPointF(x0 + length_px - fm.horizontalAdvance(label) / 2, y - 3 * u), label)
        self.scale_bar = (x0, y + bar_h / 2, length_px, length_m)

    def _paint_sidebar(self, painter: QPainter, rect: QRectF, u: float) -> None:
        """Legend, key figures and changes in the column right of the maps, made smaller (down to
        :data:`SIDEBAR_MIN_SCALE`) when they would run past its bottom into the notes under the
        page (a 1280x800 page with imagery notes did; where that is not enough, ``paint`` gives
        the sidebar the column's whole height)."""
        needed = self._sidebar(painter, rect, u, 1.0, draw=False)
        scale = 1.0 if needed <= rect.height() else max(SIDEBAR_MIN_SCALE, rect.height() / needed)
        used = self._sidebar(painter, rect, u, scale, draw=True)
        self.sidebar_rect = QRectF(rect.left() - 4 * u * scale, rect.top(), rect.width() + 8 * u * scale, used)

    def _sidebar(self, painter: QPainter, rect: QRectF, u: float, scale: float, draw: bool,
                 legend: list | None = None) -> float:
        """Lay out (and, with ``draw``, paint) the sidebar at ``scale``, with ``legend`` (default
        the page's); returns its height."""
        t = content.TEXT[self.lang]
        u = u * scale
        head, body, small = map_font(10 * scale, bold=True), map_font(8.5 * scale), map_font(7 * scale)
        fm_head = QFontMetricsF(head, painter.device())
        fm = QFontMetricsF(body, painter.device())
        y = rect.top()

        def text(font: QFont, pen, x: float, baseline: float, value: str) -> None:
            if draw:
                painter.setFont(font)
                painter.setPen(pen)
                painter.drawText(QPointF(x, baseline), value)

        def heading(value: str) -> None:
            nonlocal y
            text(head, INK, rect.left(), y + fm_head.ascent(), value)
            y += fm_head.height() + 4 * u

        def row(label: str, value: str, swatch: str | None = None) -> None:
            nonlocal y
            x = rect.left()
            if swatch:
                side = fm.height() * 0.8
                if draw:
                    painter.setPen(QPen(QColor(swatch).darker(140), 0.6 * u))
                    painter.setBrush(QColor(swatch))
                    painter.drawRect(QRectF(x, y + (fm.height() - side) / 2, side, side))
                x += side + 5 * u
            value_w = fm.horizontalAdvance(value)
            text(body, INK, x, y + fm.ascent(), label)
            if fm.horizontalAdvance(label) + value_w + 8 * u > rect.right() - x:
                y += fm.height()  # the value on a line of its own
            text(body, INK, rect.right() - value_w, y + fm.ascent(), value)
            y += fm.height() + 2 * u

        heading(t["legend"])
        for entry in self.page.legend if legend is None else legend:
            row(entry.label, str(entry.count), swatch=entry.color)
        y += 10 * u
        heading(t["kpis"])
        box_top = y - fm_head.height() - 8 * u
        for line in self.page.kpis:
            row(line.label, line.value)
        text(small, MUTED, rect.left(), y + fm.ascent(), t["targets_note"])
        y += fm.height() + 4 * u
        if draw:
            painter.setPen(QPen(FRAME, 0.6 * u))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect.left() - 4 * u, box_top, rect.width() + 8 * u, y - box_top))
        if self.changes:
            y += 10 * u
            heading(t["changes"])
            for line in self.changes:  # as many as fit (compare pages list every change)
                if y + fm.height() > rect.bottom():
                    break
                text(body, INK, rect.left(), y + fm.ascent(),
                     fm.elidedText(line, Qt.TextElideMode.ElideRight, rect.width()))
                y += fm.height() + 1 * u
        return y - rect.top()


#: at most this share of a map's height is kept free for the north arrow and the scale bar
MAX_RESERVED = 0.3


def fit_view(target: QRectF, device: QRectF, pad: float = 0.04, top_px: float = 0.0,
             bottom_px: float = 0.0) -> QRectF:
    """The view (display CRS) that shows ``target``, padded, centred inside ``device`` less
    ``top_px`` and ``bottom_px`` (kept free for the north arrow and the scale bar), widened to
    ``device``'s aspect. On a short map (a small page under long notes) the two bands shrink to
    :data:`MAX_RESERVED` of its height together: the arrow and the scale bar sit in the corners,
    which the widened view mostly leaves free, and the area keeps most of the map."""
    reserved = top_px + bottom_px
    if reserved > device.height() * MAX_RESERVED:
        top_px, bottom_px = (px * device.height() * MAX_RESERVED / reserved for px in (top_px, bottom_px))
    inner_h = device.height() - top_px - bottom_px
    w, h = target.width() * (1 + 2 * pad), target.height() * (1 + 2 * pad)
    aspect = device.width() / max(inner_h, 1e-9)
    if w / max(h, 1e-9) < aspect:
        w = h * aspect
    else:
        h = w / aspect
    scale = device.width() / w  # pixels per metre
    full_h = device.height() / scale
    c = target.center()
    bottom = c.y() - h / 2 - bottom_px / scale
    return QRectF(c.x() - w / 2, bottom, w, full_h)


def page_content(renderer: MapRenderer, view: QRectF, park_ids: list[str], title: str, subtitle: str,
                 lang: str, generated: date, state: RenderState | None = None) -> content.PageContent:
    # the legend is made while drawing, for the view as fitted to the page (BriefingPage.paint)
    return content.PageContent(title=title, subtitle=subtitle, view=view,
                               kpis=content.kpi_lines(renderer, park_ids, lang, state),
                               notes=content.data_notes(renderer, lang, generated, view, state))

