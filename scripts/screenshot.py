"""Grab the main window on the bundled sample parks, offscreen, to docs/window.png.

    QT_QPA_PLATFORM=offscreen python3 scripts/screenshot.py [--lang zh_CN|en] [--out docs/window.png]

Uses a throwaway settings folder so the user's window layout is neither used nor changed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "window.png"))
    parser.add_argument("--size", default="1600x1000")
    args = parser.parse_args(argv)
    from PySide6 import QtCore

    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                             tempfile.mkdtemp(prefix="parksgis-screenshot-"))
    from parksgis.qt.app import create_app, open_window

    app = create_app()
    # a copy of the sample parks: opening a folder creates its register.sqlite, not in the repo
    import shutil

    from parksgis.assets import sample_layers

    folder = Path(tempfile.mkdtemp(prefix="parksgis-screenshot-")) / "layers"
    shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    window = open_window(folder, language=args.lang)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.setFixedSize(width, height)  # the offscreen screen is small; the grab needs the full window
    app.processEvents()
    window.default_layout()
    port = window.workspace.park("port")
    window.canvas.zoom_to_layers(port.layers)
    plant = next((layer.key, row) for layer in port.layers if layer.kind.value == "utilities"
                 for row in range(len(layer.frame)) if "污水" in layer.feature_name(row))
    window.selection.set([plant])
    window.table.show_layer(window.workspace.layer("port/roads"))
    for _ in range(5):
        app.processEvents()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    window.canvas.repaint()
    ok = window.grab().save(args.out)
    window.close()
    print(f"{args.out}: {'written' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
