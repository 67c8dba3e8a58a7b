"""Drawing imagery under the vector layers: one read per layer per frame, at the device's resolution.

The reader (``io.raster``) returns exactly the view's pixel grid in the display CRS, so the picture
is drawn into the map rectangle as it is: a ground point lands on the pixel its vector feature
does. The window caches the whole frame, so a pan blits and only the settled view reads again.
QtGui only.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from parksgis.io.raster import MAX_READ_PX

METRES_PER_INCH = 0.0254


def scale_denominator(metres_per_px: float, dpi: float = 96.0) -> float:
    """1:N of a map drawn at ``metres_per_px`` on a ``dpi`` device (N = metres per metre of paper)."""
    return metres_per_px * dpi / METRES_PER_INCH


def adjust(rgba: np.ndarray, brightness: float, contrast: float) -> np.ndarray:
    """Brightness (-1..1 of full scale) and contrast (about mid-grey) on the colour channels."""
    if brightness == 0.0 and contrast == 1.0:
        return rgba
    rgb = rgba[..., :3].astype(np.float32)
    rgb = (rgb - 127.5) * contrast + 127.5 + brightness * 255.0
    out = rgba.copy()
    out[..., :3] = np.clip(rgb, 0, 255).astype(np.uint8)
    return out


def wrap_qimage(rgba: np.ndarray) -> QImage:
    """A QImage over ``rgba`` ``(h, w, 4)`` uint8, sharing its memory: draw it while ``rgba`` lives
    (a copy of a full-screen frame cost 10-40 ms)."""
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)


def paint_imagery(painter: QPainter, layers, view: QRectF, device_rect: QRectF, display_crs: str,
                  metres_per_px: float) -> None:
    """Draw ``layers`` (bottom to top) showing ``view`` (display CRS metres, ``top()`` the southern
    edge) into ``device_rect``; layers outside their zoom range or hidden are skipped.

    The picture is read at the painter's device resolution (a 300 dpi page gets 300 dpi imagery),
    capped at MAX_READ_PX a side.
    """
    dpi = max(painter.device().logicalDpiX(), 1) if painter.device() is not None else 96
    scale = scale_denominator(metres_per_px, dpi)
    device = painter.transform().mapRect(device_rect)
    width = int(min(max(round(device.width()), 1), MAX_READ_PX))
    height = int(min(max(round(device.height()), 1), MAX_READ_PX))
    bounds = (view.left(), view.top(), view.right(), view.bottom())
    for layer in layers:
        if not layer.shows_at(scale) or layer.opacity == 0.0:
            continue
        rgba = layer.reader.read(bounds, width, height, display_crs)
        if rgba is None:
            continue
        rgba = adjust(rgba, layer.brightness, layer.contrast)
        image = wrap_qimage(rgba)
        painter.save()
        painter.setOpacity(painter.opacity() * layer.opacity)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(device_rect, image)
        painter.restore()
