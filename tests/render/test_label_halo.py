"""Label halos made glyph by glyph draw exactly what stroking the whole text's outline draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPainterPathStroker, QRawFont

from parksgis.assets import get_asset
from parksgis.render.fonts import FONT_FILE, ensure_fonts, text_halo


def _whole_text_stroke(text: str, origin: QPointF, pixel_size: float, width: float) -> QPainterPath:
    raw = QRawFont(str(get_asset(*FONT_FILE)), pixel_size, QFont.HintingPreference.PreferNoHinting)
    glyphs = raw.glyphIndexesForString(text)
    outline, x = QPainterPath(), origin.x()
    for glyph, advance in zip(glyphs, raw.advancesForGlyphIndexes(glyphs)):
        outline.addPath(raw.pathForGlyph(glyph).translated(x, origin.y()))
        x += advance.x()
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return stroker.createStroke(outline)


def _drawn(path: QPainterPath) -> QImage:
    image = QImage(400, 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawPath(path)
    painter.end()
    return image


@pytest.mark.parametrize("text", ["临港污水处理厂", "地块 1024", "Road 7 路", "一一一"])
@pytest.mark.parametrize("origin", [QPointF(10, 40), QPointF(13.37, 41.6)])
def test_a_glyph_by_glyph_halo_draws_the_pixels_of_the_whole_texts_stroke(qapp, text, origin):
    ensure_fonts()
    for pixel_size, width in ((10.667, 5.0), (21.333, 10.0)):
        ours = _drawn(text_halo(text, origin, pixel_size, width))
        whole = _drawn(_whole_text_stroke(text, origin, pixel_size, width))
        assert ours == whole
        assert ours != _drawn(QPainterPath())  # something was drawn
