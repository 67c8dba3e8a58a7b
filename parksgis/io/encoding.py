"""Text encodings of layer files: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030.

Chinese design institutes still send GeoJSON saved as GBK. RFC 7946 requires UTF-8, so a GBK file
is decoded exactly (GB18030 is a strict superset of GBK) and reported with a ``gbk-encoding``
warning. Nothing is guessed beyond that: bytes that are neither UTF-8 nor GB18030 are an error.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from parksgis.errors import LayerReadError
from parksgis.text import UTF8_BOM, UndecodableText, decode_utf8_or_gbk
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

# Control bytes that never occur in a text file (tab, LF, CR and form feed excluded).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(raw: bytes, sample: int = 4096) -> bool:
    """True when the first ``sample`` bytes hold NULs or other control bytes text never has."""
    head = raw[:sample]
    if not head:
        return False
    if head.startswith(_UTF16_BOMS[0][0]) or head.startswith(_UTF16_BOMS[1][0]):
        return False
    controls = len(head) - len(head.translate(None, _BINARY_BYTES))
    return b"\0" in head or controls > len(head) // 100


def strip_bom(raw: bytes, path) -> tuple[bytes | str, str]:
    """``(content, encoding)``: UTF-8 BOM removed (bytes stay bytes); UTF-16 decoded to str."""
    if raw.startswith(UTF8_BOM):
        return raw[len(UTF8_BOM):], "utf-8-sig"
    for bom, name in _UTF16_BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(name), name.replace("-le", "").replace("-be", "")
            except UnicodeDecodeError as exc:
                raise LayerReadError(path, f"not valid {name} text at byte {exc.start + len(bom)}",
                                     "undecodable-text") from None
    return raw, "utf-8"


def decode_chinese_legacy(raw: bytes, path) -> str:
    """Decode bytes that are not UTF-8 as GB18030 (covers GBK and GB2312) or fail clearly."""
    try:
        return decode_utf8_or_gbk(raw)[0]
    except UndecodableText as exc:
        raise LayerReadError(path, f"{exc}; save it as UTF-8", "undecodable-text") from None


def utf8_error_offset(raw: bytes) -> int | None:
    """Byte offset of the first invalid UTF-8 sequence, or None when ``raw`` is valid UTF-8."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def resave_as_utf8(path) -> str:
    """Rewrite a GBK/GB18030 text file as UTF-8 in place (atomically); returns the old encoding.

    A Shapefile's text lives in its .dbf: there the fix is a .cpg saying GBK beside it, which GDAL
    and QGIS read, rather than rewriting the binary table.
    """
    from parksgis.files import write_bytes_atomic

    path = Path(path)
    if path.suffix.lower() in (".shp", ".dbf"):
        write_bytes_atomic(path.with_suffix(".cpg"), b"GBK\n")
        return "gbk"
    raw = path.read_bytes()
    content, encoding = strip_bom(raw, path)
    if isinstance(content, str):
        text = content
    elif utf8_error_offset(content) is None:
        text, encoding = content.decode("utf-8"), "utf-8"
    else:
        text, encoding = decode_chinese_legacy(content, path), "gb18030"
    write_bytes_atomic(path, text.encode("utf-8"))
    return encoding
