"""Grab the main window on the bundled sample parks, offscreen, for the README and docs/.

    python3 scripts/screenshot.py                      # docs/window.png: Chinese, 1280×800
    python3 scripts/screenshot.py --lang en --size 1024x700 --out docs/x.png
    python3 scripts/screenshot.py --scale 1.5 --size 1280x720   # a Windows laptop at 150 %
    python3 scripts/screenshot.py --all                # docs/window.png and docs/screens/*.png

Uses a throwaway settings folder so the user's window layout is neither used nor changed. Each
grab runs in its own process (the scale factor is read once, when Qt starts).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: (language, logical size, scale, file) of every picture in docs/
ALL = [("zh_CN", "1280x800", 1.0, "window.png", "port")] + [
    (lang, size, scale, f"screens/window-{lang.split('_')[0]}-{size}{'@150' if scale != 1 else ''}.png", "")
    for lang in ("zh_CN", "en") for size, scale in (("1280x800", 1.0), ("1024x700", 1.0), ("1280x720", 1.5))]


def grab(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    sys.path.insert(0, str(ROOT))
    from PySide6 import QtCore

    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                             tempfile.mkdtemp(prefix="parksgis-screenshot-"))
    import shutil

    from parksgis.assets import sample_layers
    from parksgis.qt.app import create_app, open_window

    app = create_app()
    # a copy of the sample parks: opening a folder creates its register, not in the repo
    folder = Path(tempfile.mkdtemp(prefix="parksgis-screenshot-")) / "layers"
    shutil.copytree(sample_layers(), folder, ignore=shutil.ignore_patterns("register.sqlite*"))
    width, height = (int(v) for v in args.size.split("x"))
    window, opening = open_window(folder, language=args.lang)
    result = []

    def after_turns(turns: int, then) -> None:
        """``then()`` after a few turns of the event loop: layouts settle in steps."""
        if turns:
            QtCore.QTimer.singleShot(0, lambda: after_turns(turns - 1, then))
        else:
            then()

    def reopen(_opened):
        window.setFixedSize(width, height)  # the offscreen screen is small; the grab needs the full window
        after_turns(5, lambda: (window.default_layout(), after_turns(1, open_again)))

    def open_again():  # the first view of a source, at the final size: the parks fill the map
        window.open_path(folder).then(arrange)

    def arrange(_opened):
        port = window.workspace.park("port")
        if args.park:  # one park filling the map (the README picture)
            window.canvas.zoom_to_layers(window.workspace.park(args.park).layers)
        plant = next((layer.key, row) for layer in port.layers if layer.kind.value == "utilities"
                     for row in range(len(layer.frame)) if "污水" in layer.feature_name(row))
        window.selection.set([plant])  # the identify panel shows a project, its form and history
        window.table.show_layer(window.workspace.layer("port/roads"))
        after_turns(5, grab)

    def grab():
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        window.canvas.repaint()
        result.append(window.grab().save(args.out))
        window.close()
        app.quit()

    opening.then(reopen)
    app.exec()
    ok = bool(result and result[0])
    print(f"{args.out}: {'written' if ok else 'FAILED'}")
    return 0 if ok else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", default=str(ROOT / "docs" / "window.png"))
    parser.add_argument("--size", default="1280x800", help="logical size, WxH")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling (1.5 = 150 %%)")
    parser.add_argument("--park", default="", help="zoom to this park (default: all parks, as opened)")
    parser.add_argument("--all", action="store_true", help="every picture docs/ shows")
    args = parser.parse_args(argv)
    if not args.all:
        return grab(args)
    failed = 0
    for lang, size, scale, name, park in ALL:
        failed |= subprocess.call([sys.executable, __file__, "--lang", lang, "--size", size, "--park", park,
                                   "--scale", str(scale), "--out", str(ROOT / "docs" / name)])
    return failed


if __name__ == "__main__":
    raise SystemExit(main())
