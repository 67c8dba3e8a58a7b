"""The bundled CJK font: load it once into Qt and check text for characters it cannot draw.

A briefing must look the same on a bare Linux box as on Windows, so every label and title is
drawn with the bundled TrueType subset of Noto Sans SC (see assets/fonts/README.md), never with
whatever CJK font the machine happens to have.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QPainterPath, QPainterPathStroker,
                           QRawFont, QTextLayout)

from parksgis.assets import get_asset
from parksgis.errors import ParksgisError

FONT_FILE = ("fonts", "NotoSansSC-parksgis.ttf")
BOLD_FONT_FILE = ("fonts", "NotoSansSC-parksgis-Bold.ttf")  # titles and headings
FAMILY = "Noto Sans SC parksgis"

_loaded_family: str | None = None
_raw_fonts: dict[float, QRawFont] = {}
#: (pixel size, halo width, glyph index) -> the glyph's halo at the origin (``text_halo``)
_glyph_halos: dict[tuple, QPainterPath] = {}
_GLYPH_HALOS = 20_000  # all the CJK glyphs of a few sizes; more are made again


def ensure_fonts() -> str:
    """Load the bundled font into QFontDatabase (once per process) and return its family name.

    Needs a QGuiApplication; raises ParksgisError when none exists or the file is missing.
    """
    global _loaded_family
    if _loaded_family is not None:
        return _loaded_family
    if QGuiApplication.instance() is None:
        raise ParksgisError("ensure_fonts() needs a QGuiApplication (create one first)")
    families: list[str] = []
    for parts in (FONT_FILE, BOLD_FONT_FILE):
        path = get_asset(*parts)
        if not path.is_file():
            raise ParksgisError(f"{path}: bundled CJK font is missing (run scripts/make_cjk_font.py)")
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise ParksgisError(f"{path}: Qt could not load the bundled CJK font")
        families += QFontDatabase.applicationFontFamilies(font_id)
    _loaded_family = families[0]
    return _loaded_family


def map_font(point_size: float = 9.0, bold: bool = False) -> QFont:
    """The bundled family at ``point_size``; no fallback substitution, so output is the same everywhere."""
    font = QFont(ensure_fonts())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    # Hinting differs between platforms' rasterisers; none keeps glyph shapes identical.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def fitted_font(text: str, point_size: float, width: float, device, bold: bool = False,
                smallest: float = 0.0) -> QFont:
    """The bundled font at ``point_size``, or smaller (down to ``smallest``) when ``text`` is
    wider than ``width`` device pixels on ``device``: a long park's title on a small page."""
    font = map_font(point_size, bold)
    advance = QFontMetricsF(font, device).horizontalAdvance(text)
    if advance > width > 0:
        font.setPointSizeF(max(point_size * width / advance, smallest, 1.0))
    return font


def wrapped(text: str, font: QFont, device, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` device pixels on ``device``, where
    Unicode's line-breaking rules allow (between Chinese characters, at spaces), by Qt's
    QTextLayout; a line that cannot break is left whole."""
    if width <= 0 or QFontMetricsF(font, device).horizontalAdvance(text) <= width:
        return [text]
    layout = QTextLayout(text, font, device)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return lines or [text]


def missing_glyphs(text: str, font: QFont | None = None) -> list[str]:
    """Characters of ``text`` that ``font`` (default: the bundled font) has no glyph for.

    Whitespace and control characters are ignored; each missing character is listed once, in
    order of first appearance.
    """
    raw = QRawFont.fromFont(font if font is not None else map_font())
    unique = dict.fromkeys(text)  # each character once, in order of first appearance
    return [char for char in unique
            if not (char.isspace() or ord(char) < 0x20) and not raw.supportsCharacter(ord(char))]


def text_halo(text: str, origin: QPointF, pixel_size: float, width: float) -> QPainterPath:
    """The halo of ``text`` in the bundled font, baseline starting at ``origin``: its glyphs'
    outlines stroked ``width`` wide with round joins, to be filled (winding rule).

    Outlines come from a QRawFont of the font file, laid out by glyph advances: unlike
    QPainterPath.addText, whose outlines change by 1/64 px once Qt's shared font-engine cache
    warms up, this gives the same path on every call, so label halos (and PNGs) are reproducible.
    A glyph's stroke is made once per size and width and moved into place: stroking was most of
    the labels' cost (0.5 ms a label, 15-20 ms of a zoomed frame of plots), and the stroke of a
    text is the strokes of its glyphs together.
    """
    ensure_fonts()
    key = round(pixel_size, 3)
    raw = _raw_fonts.get(key)
    if raw is None:
        raw = _raw_fonts[key] = QRawFont(str(get_asset(*FONT_FILE)), key, QFont.HintingPreference.PreferNoHinting)
    glyphs = raw.glyphIndexesForString(text)
    advances = raw.advancesForGlyphIndexes(glyphs)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    x = origin.x()
    for glyph, advance in zip(glyphs, advances):
        halo = _glyph_halos.get((key, width, glyph))
        if halo is None:
            if len(_glyph_halos) >= _GLYPH_HALOS:
                _glyph_halos.clear()
            stroker = QPainterPathStroker()
            stroker.setWidth(width)
            stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            halo = _glyph_halos[(key, width, glyph)] = stroker.createStroke(raw.pathForGlyph(glyph))
        path.addPath(halo.translated(x, origin.y()))
        x += advance.x()
    return path
