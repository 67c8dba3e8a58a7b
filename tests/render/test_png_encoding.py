"""The page PNG encoder: the very pixels drawn, the page's dpi, one valid zlib stream however
many stripes it was deflated in."""

import struct
import zlib

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from parksgis.render import png_encoding


def drawn(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    image.setDotsPerMeterX(5906)  # 150 dpi
    image.setDotsPerMeterY(3937)  # 100 dpi
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)  # many shades, not flat areas only
    painter.setBrush(QColor(200, 30, 60))
    painter.drawEllipse(QRectF(0.5, 0.5, width * 0.7, height * 0.9))
    painter.setPen(QColor(20, 90, 200))
    painter.drawLine(0, height - 1, width - 1, 0)
    painter.end()
    return image


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        assert struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0] == zlib.crc32(kind + body)
        out.append((kind, body))
        at += 12 + length
    return out


@pytest.mark.parametrize("size", [(1, 1), (3, 7), (641, 203)])
@pytest.mark.parametrize("stripe_bytes", [1, 4096, png_encoding.STRIPE_BYTES])
def test_the_png_holds_the_drawn_pixels_and_the_dpi(qapp, monkeypatch, size, stripe_bytes):
    monkeypatch.setattr(png_encoding, "STRIPE_BYTES", stripe_bytes)  # one row per stripe .. one stripe
    image = drawn(*size)
    data = png_encoding.png_bytes(image)
    parts = chunks(data)
    assert [kind for kind, _ in parts] == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]
    assert struct.unpack(">IIB", parts[1][1]) == (5906, 3937, 1)
    rows = zlib.decompress(parts[2][1])  # one stream, its checksum right
    assert len(rows) == size[1] * (1 + 3 * size[0])
    back = QImage.fromData(data)
    assert (back.width(), back.height()) == size
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image
    assert (back.dotsPerMeterX(), back.dotsPerMeterY()) == (5906, 3937)


def test_an_image_of_another_format_is_written_as_its_opaque_pixels(qapp):
    image = drawn(40, 30).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    back = QImage.fromData(png_encoding.png_bytes(image))
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image.convertToFormat(QImage.Format.Format_RGB32)
