"""Draw the application icon (window, taskbar, .desktop entry, bundle) into assets/icons/.

    QT_QPA_PLATFORM=offscreen python3 scripts/make_icon.py

Four plots in the status colours (planned, under construction, completed, in operation) on a
sea-blue tile with a road through them: what the program shows, readable at 16 px. Writes
parksgis.png (256 px: Qt and Linux) and parksgis.ico (256 px: the Windows executable).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def draw(size: int):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPen

    from parksgis.model.status import DEFAULT_SCHEME

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f4e79"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    plots = [(36, 36, "planned"), (136, 36, "under_construction"),
             (36, 136, "completed"), (136, 136, "in_operation")]
    for x, y, code in plots:
        p.setBrush(QColor(DEFAULT_SCHEME.color(code)))
        p.drawRoundedRect(QRectF(x * s, y * s, 84 * s, 84 * s), 10 * s, 10 * s)
    p.setPen(QPen(QColor("#ffffff"), max(1.0, 10 * s), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(int(28 * s), int(228 * s), int(228 * s), int(28 * s))
    p.end()
    return image


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts, plugins
    out = ROOT / "assets" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(out / "parksgis.png"), "PNG")
    # the ICO writer stores one image; Windows scales it for small sizes, and 256 px looks right
    if not draw(256).save(str(out / "parksgis.ico"), "ICO"):
        raise SystemExit("this Qt has no ICO writer (imageformats/qico plugin)")
    print(f"{out}: parksgis.png, parksgis.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
