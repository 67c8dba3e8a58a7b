"""A drawn page as PNG bytes, filtered and deflated on two cores.

Qt's PNG writer (libpng) tries every row filter on every row and deflates on one core: ~120 ms
of CPU under the GIL for a 1920x1080 page of 100k plots, a tenth of a whole ``parksgis render``.
Here horizontal stripes of rows are made R, G, B bytes by Qt (``QImage.convertToFormat``: under a
millisecond a stripe; numpy's gather of the same bytes out of 0xffRRGGBB pixels took ~10), and in
two threads (numpy and zlib let go of the GIL while they work) each stripe gets the "Up" filter
(each row minus the one above), its Adler-32 and its deflate, ending on a byte boundary (a sync
flush) so the pieces make one zlib stream, whose checksum is the stripes' combined. The calling
thread only cuts stripes and joins the pieces: a few milliseconds of CPU for the page (it did the
gather, the filter and the checksum itself: 20-110 ms), decoded to the very same pixels, the file
<1 % bigger than Qt's. Chunks as Qt writes them: IHDR, pHYs (the page's dpi), IDAT, IEND.
"""

from __future__ import annotations

import struct
import zlib
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PySide6.QtGui import QImage

#: raw bytes per stripe deflated at once: a few per page keeps both threads busy, and bounds the
#: memory a big page (20000 px a side) needs on top of its image to a few stripes
STRIPE_BYTES = 1 << 20
#: zlib level 1: the effort Qt's writer was asked for (quality 80 -> level 1); measured against
#: Qt's quality 70 (level 2) it took 2/3 of the CPU for 0.4 % more bytes
LEVEL = 1
THREADS = 2
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_FILTER_NONE, _FILTER_UP = 0, 2


def png_bytes(image: QImage) -> bytes:
    """An opaque ``image`` (a drawn page: ``export.render_image`` draws Format_RGB32) as the
    bytes of an RGB PNG file."""
    width, height = image.width(), image.height()
    rows_per_stripe = max(1, STRIPE_BYTES // (3 * width + 1))
    adler, pieces, pending, above = 1, [], [], None
    with ThreadPoolExecutor(THREADS, thread_name_prefix="parksgis png") as pool:
        for top in range(0, height, rows_per_stripe):
            # a stripe at a time: a big page (20000 px a side) needs a few stripes on top of itself
            stripe = image.copy(0, top, width, min(rows_per_stripe, height - top))
            stripe = stripe.convertToFormat(QImage.Format.Format_RGB888)  # opaque: alpha dropped
            here = np.frombuffer(stripe.constBits(), np.uint8).reshape(stripe.height(), stripe.bytesPerLine())
            here = here[:, :3 * width]
            pending.append(pool.submit(_encoded, stripe, here, above, top + rows_per_stripe >= height))
            above = here[-1].copy()  # ``stripe``, holding ``here``, lives only as long as its task
            if len(pending) > THREADS:  # at most a few stripes held at once
                pieces.append(pending.pop(0).result())
        pieces += [future.result() for future in pending]
    for _deflated, stripe_adler, length in pieces:
        adler = _adler32_combine(adler, stripe_adler, length)
    stream = b"\x78\x01" + b"".join(p[0] for p in pieces) + struct.pack(">I", adler)  # zlib header: deflate, fastest
    head = [_SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))]
    if image.dotsPerMeterX() > 0 and image.dotsPerMeterY() > 0:  # the page's dpi (metre: unit 1)
        head.append(_chunk(b"pHYs", struct.pack(">IIB", image.dotsPerMeterX(), image.dotsPerMeterY(), 1)))
    return b"".join([*head, _chunk(b"IDAT", stream), _chunk(b"IEND", b"")])


def _encoded(_stripe: QImage, rows: np.ndarray, above: np.ndarray | None, last: bool) -> tuple[bytes, int, int]:
    """``(raw deflate, Adler-32, length)`` of the PNG scanlines of ``rows`` (R, G, B bytes of
    ``_stripe``, held here until they are read)."""
    raw = _scanlines(rows, above)
    return _deflate(raw, last), zlib.adler32(raw), len(raw)


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two byte strings one after the other, from theirs (zlib's
    ``adler32_combine``, which Python's zlib does not offer)."""
    base = 65521
    rem = second_length % base
    sum1 = first & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 += (second & 0xFFFF) + base - 1
    sum2 += ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + base - rem
    sum1 %= base
    sum2 %= base
    return (sum2 << 16) | sum1


def _scanlines(rows: np.ndarray, above: np.ndarray | None) -> memoryview:
    """PNG scanlines of ``rows`` (R, G, B bytes): a filter byte, then each byte minus the one
    above it (modulo 256: "Up"), ``above`` being the row before them (None: the image's first
    row, written unfiltered)."""
    out = np.empty((len(rows), 1 + rows.shape[1]), np.uint8)
    out[:, 0] = _FILTER_UP
    np.subtract(rows[1:], rows[:-1], out=out[1:, 1:])
    if above is None:
        out[0, 0] = _FILTER_NONE
        out[0, 1:] = rows[0]
    else:
        np.subtract(rows[0], above, out=out[0, 1:])
    return memoryview(out.reshape(-1))


def _deflate(raw: memoryview, last: bool) -> bytes:
    """Raw deflate of one stripe, ending on a byte boundary (sync flush) so the next stripe's
    blocks follow it in the same stream; the last one ends the stream."""
    deflater = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return deflater.compress(raw) + deflater.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
