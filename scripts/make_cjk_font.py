"""Build assets/fonts/NotoSansSC-parksgis.ttf: a TrueType-outline subset of Noto Sans CJK SC.

Why: Qt's PDF engine embeds TrueType (``glyf``) fonts as real text (FontFile2 + ToUnicode), but
draws CFF-outline fonts such as the distributed Noto Sans CJK as paths, so a PDF briefing would
have no extractable text. We therefore subset the SC face to what a Chinese briefing needs and
convert its cubic CFF outlines to quadratic TrueType ones (fontTools cu2qu).

Characters kept: ASCII, Latin-1, general punctuation, arrows, geometric shapes, CJK symbols and
punctuation, fullwidth forms, every GB2312 character, and every character used in ``layers/``,
the Qt translations (``*.ts``) and the code in ``parksgis/``.

Usage (a developer tool; needs fontTools and fonts-noto-cjk, not run by the app):
    python3 scripts/make_cjk_font.py [--source-dir /usr/share/fonts/opentype/noto]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

REPO = Path(__file__).resolve().parent.parent
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
FONTS_DIR = REPO / "assets" / "fonts"
# weight -> (source collection, output file); titles and headings use the bold face, so the PDF
# writer embeds a real bold instead of drawing a synthetic one only in raster output
FACES = {"Regular": ("NotoSansCJK-Regular.ttc", "NotoSansSC-parksgis.ttf"),
         "Bold": ("NotoSansCJK-Bold.ttc", "NotoSansSC-parksgis-Bold.ttf")}
FAMILY = "Noto Sans SC parksgis"
MAX_ERR_UNITS = 1.0  # cu2qu tolerance in font units (UPM 1000): invisible at any print size
FIXED_TIMESTAMP = 3_786_825_600  # 2024-01-01, in the head table's seconds since 1904

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x214F),  # letterlike symbols (℃, №)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ)
    (0x2190, 0x21FF),  # arrows (the north arrow's ↑)
    (0x2460, 0x24FF),  # enclosed alphanumerics (①)
    (0x25A0, 0x25FF),  # geometric shapes (■ ● ▲)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
]


def gb2312_characters() -> set[str]:
    """Every character GB2312 encodes (decode each two-byte code point)."""
    chars: set[str] = set()
    for lead in range(0xA1, 0xFF):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def project_characters() -> set[str]:
    """Characters used by the sample layers, the translations and the code."""
    chars: set[str] = set()
    patterns = [("layers", "*.geojson"), ("layers", "*.json"), ("layers", "*.csv"),
                ("parksgis", "*.py"), ("assets", "*.ts"), ("parksgis", "*.ts"), ("assets", "*.json")]
    for folder, pattern in patterns:
        for path in sorted((REPO / folder).rglob(pattern)):
            chars.update(path.read_text(encoding="utf-8", errors="ignore"))
    return {c for c in chars if ord(c) >= 0x20}


def wanted_codepoints() -> set[int]:
    points = {cp for lo, hi in RANGES for cp in range(lo, hi + 1)}
    points.update(ord(c) for c in gb2312_characters())
    points.update(ord(c) for c in project_characters())
    return points


def to_truetype(font) -> None:
    """Replace the CFF table by a glyf table of quadratic outlines (after fontTools' otf2ttf)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quadratic = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType's clockwise: reverse while converting.
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR_UNITS, reverse_direction=True))
        quadratic[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = quadratic
    del font["CFF "]
    if "VORG" in font:  # vertical origins exist only for CFF fonts
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in quadratic.items():  # left side bearing = xMin for TrueType
        advance, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: PDF text comes from cmap/ToUnicode, names cost ~200 KB
    post.extraNames, post.mapping = [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, weight: str) -> None:
    """A modified font must not carry the original's name (SIL OFL 1.1, condition 3 spirit)."""
    postscript_name = f"NotoSansSC-parksgis-{weight}"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    values = {1: FAMILY, 2: weight, 3: f"{postscript_name};parksgis subset", 4: f"{FAMILY} {weight}",
              6: postscript_name}
    for name_id, value in values.items():
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    note = ("Subset of Noto Sans CJK SC converted to TrueType outlines for parksgis "
            "(scripts/make_cjk_font.py). Licensed under the SIL Open Font License 1.1.")
    names.setName(note, 10, 3, 1, 0x409)


def build(source: Path, output: Path, weight: str) -> Path:
    collection = TTCollection(str(source))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    # Only what horizontal and vertical Chinese text needs. Keeping 'locl' (Japanese/Korean/
    # Traditional forms) let the shaper swap in glyphs without a cmap entry (e.g. the digits of
    # "EPSG:4546"), which PDF viewers then cannot map back to text.
    options.layout_features = ["ccmp", "kern", "vert", "vrt2", "vkrn", "mark", "mkmk"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted_codepoints()))
    subsetter.subset(font)
    to_truetype(font)
    rename(font, weight)
    font["head"].created = font["head"].modified = FIXED_TIMESTAMP  # reproducible file
    font.recalcTimestamp = False
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=output.parent, suffix=".tmp")
    os.close(fd)
    font.save(tmp, reorderTables=True)
    os.replace(tmp, output)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR,
                        help="folder holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc")
    parser.add_argument("-o", "--output-dir", type=Path, default=FONTS_DIR)
    args = parser.parse_args(argv)
    for weight, (source, target) in FACES.items():
        out = build(args.source_dir / source, args.output_dir / target, weight)
        print(f"{out}: {out.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
