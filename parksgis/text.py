"""Decoding the text files engineers receive: UTF-8 (with or without BOM), else GBK/GB18030.

Excel on Chinese Windows saves CSV as GBK ("ANSI") and design institutes still send GBK GeoJSON.
GBK-encoded Chinese almost never forms valid UTF-8, so strict UTF-8 first and GB18030 (a strict
superset of GBK and GB2312) second decodes both exactly; nothing else is guessed. Each reader
words its own message (and warning) from the result; this is the one decoder they share.
"""

from __future__ import annotations

import codecs

UTF8_BOM = codecs.BOM_UTF8


class UndecodableText(ValueError):
    """Bytes that are neither UTF-8 nor GB18030; ``offset`` and ``byte`` name the first bad one."""

    def __init__(self, offset: int, byte: int):
        self.offset, self.byte = offset, byte
        super().__init__(f"text is neither UTF-8 nor GBK/GB18030 (bad byte 0x{byte:02x} at offset {offset})")


def decode_utf8_or_gbk(raw: bytes) -> tuple[str, str]:
    """``(text, encoding)`` with encoding ``utf-8-sig`` (BOM dropped), ``utf-8`` or ``gb18030``."""
    try:
        if raw.startswith(UTF8_BOM):
            return raw[len(UTF8_BOM):].decode("utf-8"), "utf-8-sig"
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise UndecodableText(exc.start, raw[exc.start]) from None
