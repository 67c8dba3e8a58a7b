"""The bundled CJK font loads, is TrueType, and reports characters it cannot draw."""

import pytest

from fontTools.ttLib import TTFont
from PySide6.QtGui import QFont

from parksgis.assets import get_asset
from parksgis.render.fonts import FAMILY, ensure_fonts, map_font, missing_glyphs


@pytest.mark.parametrize("name, weight", [("NotoSansSC-parksgis.ttf", "Regular"),
                                          ("NotoSansSC-parksgis-Bold.ttf", "Bold")])
def test_bundled_font_is_truetype_and_small(name, weight):
    path = get_asset("fonts", name)
    assert path.stat().st_size < 8_000_000
    font = TTFont(path, lazy=True)
    assert "glyf" in font and "CFF " not in font  # TrueType outlines: Qt's PDF engine embeds them
    assert font["name"].getDebugName(1) == FAMILY and font["name"].getDebugName(2) == weight
    assert get_asset("fonts", "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1


def test_ensure_fonts_returns_family_once(qapp):
    assert ensure_fonts() == FAMILY
    assert ensure_fonts() == FAMILY


def test_bundled_font_covers_park_names_and_gb2312(qapp):
    assert missing_glyphs("珠海(阳江)产业转移高新工业园 · 港口片区 万象工业园 环保产业园 22.2 km 亿元") == []
    assert missing_glyphs("镍刀剪泊位疏港") == []


def test_missing_glyphs_names_each_missing_character_once(qapp):
    # U+20BB7 (𠮷) is outside GB2312 and not used by the project: the subset lacks it.
    assert missing_glyphs("园𠮷a𠮷") == ["𠮷"]


def test_missing_glyphs_with_a_latin_only_font(qapp):
    ensure_fonts()
    latin = QFont("DejaVu Sans")
    latin.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert missing_glyphs("Park 园区", latin) == ["园", "区"]
    assert map_font(12).family() == FAMILY
