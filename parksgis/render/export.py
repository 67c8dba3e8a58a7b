"""Briefing pages for a park, a bbox, the overview or a before/after pair, written as PNG/PDF/SVG.

Files are written to a temporary name beside the target and renamed, so a failed export never
leaves a half-written file. PNGs carry no timestamp: the same input and options give the same
bytes (the "generated" date printed on the page is an option, see ``generated_date``).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from parksgis import progress
from parksgis.errors import ParksgisError, UsageError
from parksgis.files import AtomicFile
from parksgis.model.layer import LayerKind
from parksgis.render.briefing import BriefingPage, MapPanel, page_content
from parksgis.render.briefing_content import TEXT
from parksgis.render.geometry import transformer_to
from parksgis.render.map_renderer import MapRenderer
from parksgis.render.paper import page_size_pt  # noqa: F401 - callers ask export for it
from parksgis.render.png_encoding import png_bytes
from parksgis.render.render_state import RenderState

FORMATS = ("png", "pdf", "svg")


@dataclass
class PageOptions:
    lang: str = "zh"
    title: str | None = None
    as_of: str | None = None          # the date the statuses are "as of", shown in the subtitle
    generated: date = field(default_factory=lambda: generated_date())


def generated_date(value: str | None = None) -> date:
    """The date printed as "generated": ``value``, else SOURCE_DATE_EPOCH, else today (UTC)."""
    if value:
        return date.fromisoformat(value)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(timezone.utc).date()


# -- what a page shows --------------------------------------------------------------------------
def park_layers_extent(renderer: MapRenderer, park_ids: list[str]) -> QRectF:
    layers = [l for l in renderer.workspace.layers if l.park_id in park_ids and l.kind != LayerKind.BASEMAP]
    return renderer.extent(layers)


def bbox_view(renderer: MapRenderer, bbox: tuple[float, float, float, float]) -> QRectF:
    """A WGS84 (W, S, E, N) box as a display-CRS rectangle (edges densified before projecting)."""
    w, s, e, n = bbox
    t = np.linspace(0, 1, 21)
    lon = np.concatenate([w + (e - w) * t, np.full(21, e), e - (e - w) * t, np.full(21, w)])
    lat = np.concatenate([np.full(21, s), s + (n - s) * t, np.full(21, n), n - (n - s) * t])
    x, y = transformer_to(renderer.display_crs).transform(lon, lat)
    return QRectF(float(np.min(x)), float(np.min(y)), float(np.ptp(x)), float(np.ptp(y)))


def parks_in_view(renderer: MapRenderer, view: QRectF) -> list[str]:
    return [p.park_id for p in renderer.workspace.parks
            if not park_layers_extent(renderer, [p.park_id]).isEmpty()
            and park_layers_extent(renderer, [p.park_id]).intersects(view)]


def _subtitle(where: str, options: PageOptions) -> str:
    t = TEXT[options.lang]
    return f"{where} · {t['as_of']} {options.as_of}" if options.as_of else where


def _title(name: str, options: PageOptions) -> str:
    if options.title:
        return options.title
    t = TEXT[options.lang]
    return f"{name} {t['progress']}" if options.lang == "zh" else f"{name} — {t['progress']}"


def page_state(options: PageOptions, state: RenderState | None) -> RenderState | None:
    """What a page's maps draw: ``state`` in the page's language, with no highlight of the
    window's; None (no state given): the renderer's when the page is drawn."""
    return None if state is None else state.replace(lang=options.lang, highlight=())


def park_page(renderer: MapRenderer, park_id: str, options: PageOptions,
              state: RenderState | None = None) -> BriefingPage:
    state = page_state(options, state)
    try:
        park = renderer.workspace.park(park_id)
    except KeyError as exc:
        raise UsageError(f"--park: {exc.args[0]}") from None
    view = park_layers_extent(renderer, [park_id])
    if view.isEmpty():
        raise ParksgisError(f"park {park_id}: no features to draw")
    name = park.name(options.lang)
    info = renderer.workspace.meta.get("parks", {}).get(park_id, {})
    focus = info.get(f"focus_{options.lang}") or info.get("focus_zh") or name  # what the park is for
    content = page_content(renderer, view, [park_id], _title(name, options), _subtitle(focus, options),
                           options.lang, options.generated, state)
    return BriefingPage(content, [MapPanel(view)], lang=options.lang, state=state)


def overview_page(renderer: MapRenderer, options: PageOptions, bbox=None,
                  state: RenderState | None = None) -> BriefingPage:
    state = page_state(options, state)
    t = TEXT[options.lang]
    parks = [p.park_id for p in renderer.workspace.parks]
    view = bbox_view(renderer, bbox) if bbox else park_layers_extent(renderer, parks)
    if view.isEmpty():  # a loose layer file: no parks, draw whatever there is
        view = renderer.extent()
    if view.isEmpty():
        raise ParksgisError("nothing to draw: the layers hold no features")
    if bbox:
        parks = parks_in_view(renderer, view)
        if not renderer.extent().intersects(view):
            raise UsageError(f"--bbox {','.join(f'{v:g}' for v in bbox)}: no feature of the layers "
                             "lies in this box; nothing drawn (leave --bbox out for all parks)")
    if bbox:
        where = (" · ".join(renderer.workspace.park(p).name(options.lang) for p in parks)
                 or ("选定范围" if options.lang == "zh" else "Selected area"))
    elif parks:
        where = f"全部园区({len(parks)}个)" if options.lang == "zh" else f"All {len(parks)} parks"
    else:  # a loose layer file: name the file
        where = Path(str(renderer.workspace.meta.get("source") or "")).name or t["overview"]
    name = t["overview"] if renderer.workspace.parks else where
    content = page_content(renderer, view, parks, _title(name, options), _subtitle(where, options),
                           options.lang, options.generated, state)
    return BriefingPage(content, [MapPanel(view)], lang=options.lang, state=state)


def view_page(renderer: MapRenderer, view: QRectF, options: PageOptions,
              state: RenderState | None = None) -> BriefingPage:
    """A page of exactly ``view`` (display CRS metres), e.g. what the window's canvas shows."""
    state = page_state(options, state)
    t = TEXT[options.lang]
    parks = parks_in_view(renderer, view)
    where = " · ".join(renderer.workspace.park(p).name(options.lang) for p in parks) or t["overview"]
    content = page_content(renderer, view, parks, _title(t["overview"], options), _subtitle(where, options),
                           options.lang, options.generated, state)
    return BriefingPage(content, [MapPanel(view)], lang=options.lang, state=state)


def compare_page(renderer: MapRenderer, base: BriefingPage, before: tuple[str, dict],
                 after: tuple[str, dict], changes: list, options: PageOptions) -> BriefingPage:
    """Two maps side by side (status at ``before`` and ``after``) with changed projects outlined."""
    lang = base.lang
    t = TEXT[lang]
    scheme = renderer.workspace.scheme
    changed = {c.project_id for c in changes}
    highlight = []
    for layer in renderer.workspace.layers:
        pids = layer.project_ids.to_numpy(dtype=object)
        highlight += [(layer.key, int(r)) for r in np.flatnonzero([p in changed for p in pids])]
    view = base.panels[0].view
    page = base.panel_state(renderer, base.panels[0])
    day_states = [page.replace(projects=projects, imagery_day=date.fromisoformat(day), highlight=highlight)
                  for day, projects in (before, after)]
    panels = [MapPanel(view, f"{t['as_of']} {day}", state) for (day, _), state in zip((before, after), day_states)]
    parks = sorted({p.park for p in after[1].values()} & {p.park_id for p in renderer.workspace.parks})
    scope = [p for p in parks if not park_layers_extent(renderer, [p]).isEmpty()
             and park_layers_extent(renderer, [p]).intersects(view)]
    content = page_content(renderer, view, scope, base.page.title,
                           f"{before[0]} → {after[0]}", lang, options.generated, day_states[1])
    lines = []
    for c in sorted(changes, key=lambda c: (c.park, c.project_id)):
        if scope and c.park not in scope:
            continue  # another park's change, not on these maps
        project = after[1].get(c.project_id)
        name = project.name(lang) if project else c.project_id
        label = lambda code: scheme[code].label(lang) if code in scheme else (code or "-")  # noqa: E731
        lines.append(f"{name}: {label(c.before)} → {label(c.after)}")
    return BriefingPage(content, panels, lang=lang, changes=lines, state=day_states[1])


# -- writing ------------------------------------------------------------------------------------
def write_pages(pages: list[BriefingPage], renderer: MapRenderer, path: str | Path,
                size_pt: tuple[float, float], dpi: float = 150.0) -> Path:
    """Write ``pages``, all drawn by ``renderer``, to ``path`` (.png / .svg: one page; .pdf: any
    number), atomically."""
    path = Path(path)
    fmt = _format(path)
    if fmt != "pdf" and len(pages) != 1:
        raise UsageError(f"{path}: {fmt.upper()} holds one page; use .pdf for {len(pages)} pages")
    return write_drawn_pages(((page, renderer) for page in pages), path, size_pt, dpi)


def write_drawn_pages(drawn: Iterable[tuple[BriefingPage, MapRenderer]], path: str | Path,
                      size_pt: tuple[float, float], dpi: float = 150.0) -> Path:
    """Write the pages ``drawn`` yields, each with the renderer that draws it, to ``path``
    (.png / .svg: one page; .pdf: any number), atomically.

    Each page is painted before the next is asked for, and the writer holds none of them by then,
    so a generator can read a page's features, yield it and let them go: ``parksgis atlas`` of
    a pack or a database holds one page's data at a time. Code after a generator's ``yield``
    runs once that page is painted (the atlas asks it for the glyphs it drew as boxes)."""
    path = Path(path)
    fmt = _format(path)
    if not path.parent.is_dir():
        raise ParksgisError(f"{path}: folder {path.parent} does not exist")
    with AtomicFile(path, complete=_COMPLETE[fmt]) as tmp:
        progress.stage(f"drawing {path}")
        {"png": _write_png, "pdf": _write_pdf, "svg": _write_svg}[fmt](iter(drawn), str(tmp), size_pt, dpi)
    return path


def _format(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UsageError(f"{path}: output must end in .png, .pdf or .svg")
    return fmt


@contextmanager
def _one_page(drawn: Iterator[tuple[BriefingPage, MapRenderer]], fmt: str):
    """The page of a PNG or SVG, painted in the block; a second page is refused after it
    (``write_pages`` counts a list's before anything is drawn)."""
    page = next(drawn, None)
    if page is None:
        raise ParksgisError("no page to write")
    yield page
    if next(drawn, None) is not None:
        raise UsageError(f"{fmt.upper()} holds one page; use .pdf for several pages")


def render_image(page: BriefingPage, renderer: MapRenderer, size_pt, dpi: float) -> QImage:
    width, height = round(size_pt[0] * dpi / 72.0), round(size_pt[1] * dpi / 72.0)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        page.paint(painter, renderer, width, height)
    finally:  # a device destroyed while a painter is active crashes Qt (a failed paint is reported)
        painter.end()
    return image


def _write_png(drawn, tmp, size_pt, dpi) -> None:
    # encoded in memory, then written by us: a full disk is an OSError here
    with _one_page(drawn, "png") as (page, renderer):
        encoded = png_bytes(render_image(page, renderer, size_pt, dpi))
    with open(tmp, "xb") as handle:
        handle.write(encoded)


def _ends_with(marker: bytes, within: int):
    """A check that a written file ends with ``marker`` (within its last ``within`` bytes): Qt's
    writers say nothing when the disk fills up, their files just stop short."""
    def complete(path: Path) -> bool:
        with open(path, "rb") as fh:
            fh.seek(max(0, path.stat().st_size - within))
            return marker in fh.read()
    return complete


_COMPLETE = {"png": _ends_with(b"IEND\xaeB`\x82", 12), "pdf": _ends_with(b"%%EOF", 64),
             "svg": _ends_with(b"</svg>", 64)}


def _write_pdf(drawn, tmp, size_pt, dpi) -> None:
    first = next(drawn, None)
    if first is None:
        raise ParksgisError("no page to write")
    writer = QPdfWriter(tmp)
    writer.setResolution(int(dpi))
    writer.setCreator("parksgis")
    writer.setTitle(first[0].page.title)
    layout = QPageLayout(QPageSize(QSizeF(*size_pt), QPageSize.Unit.Point, "",
                                   QPageSize.SizeMatchPolicy.ExactMatch),
                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    writer.setPageLayout(layout)
    width, height = writer.width(), writer.height()
    painter = QPainter(writer)
    pending, first = first, None
    try:
        while pending is not None:
            page, renderer = pending
            pending = None
            page.paint(painter, renderer, width, height)
            page = renderer = None  # nothing here holds a painted page while the next one is read
            pending = next(drawn, None)
            if pending is not None:
                writer.newPage()
    finally:
        painter.end()


def _write_svg(drawn, tmp, size_pt, dpi) -> None:
    from PySide6.QtSvg import QSvgGenerator  # part of PySide6-Essentials

    width, height = round(size_pt[0] * dpi / 72.0), round(size_pt[1] * dpi / 72.0)
    generator = QSvgGenerator()
    generator.setFileName(tmp)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(int(dpi))
    with _one_page(drawn, "svg") as (page, renderer):
        generator.setTitle(page.page.title)
        painter = QPainter(generator)
        try:
            page.paint(painter, renderer, width, height)
        finally:
            painter.end()
