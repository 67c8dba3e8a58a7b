"""``parksgis gui [PATH]``: the map window on a folder of layers, a layer file or a pack.

With no PATH (and with no command at all) the window opens on the bundled sample parks.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from parksgis.errors import ParksgisError, UsageError


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("gui", help="open the map window (default command)",
                                   description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", help="folder of layers, a layer file, a .gpkg pack or a "
                                                "database (postgresql://... or service=NAME; "
                                                "default: the bundled sample parks)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: system locale)")
    parser.add_argument("--crs", help="display CRS (default EPSG:4546, CGCS2000 GK CM 111E)")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="write the window's first frame to PNG and quit (smoke tests of an "
                             "install or a bundle; with QT_QPA_PLATFORM=offscreen needs no display)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from parksgis.server import is_database_source

    path = Path(args.path) if args.path and not is_database_source(args.path) else args.path
    if isinstance(path, Path) and not path.exists():
        raise UsageError(f"{path}: no such file or folder")
    if args.crs is not None:  # checked before any window: a bad CRS is a usage error, not a crash
        from parksgis.io.crs import parse_user_crs

        parse_user_crs(args.crs)
    _check_display()
    from parksgis.commands.render import import_libraries_before_qt, plain_source_check

    import_libraries_before_qt(str(path or ""))  # the window draws with them too
    import_readers_before_qt()
    from parksgis.qt.app import create_app, open_window

    # PySide6's import hook looks at every module an import statement names, those imported
    # before Qt too, the first time it meets them: through inspect.getsource, ~3 ms each (a
    # pack's first open met ~30 of them, ~80 ms of CPU at 100k plots); a read of the file instead
    plain_source_check()

    app = create_app()
    window, opening = open_window(path, language=args.lang, display_crs=args.crs)
    if args.screenshot:
        failure: list[ParksgisError] = []
        opening.done.connect(lambda _opened: _first_frame(window, Path(args.screenshot), failure))
        status = app.exec()
        if failure:
            raise failure[0]
        return status
    return app.exec()


def import_readers_before_qt() -> None:
    """Import what the window's first *File ▸ Open* reads with (packs and their register, GeoJSON
    folders, the per-user cache folders) before Qt, with the libraries.

    PySide6's import hook reads the source of every module imported after it: a first open of a
    pack imported ~30 modules there, 40-70 ms of its first frame at 100k plots (in the loader's
    and the first view's threads); imported before Qt, the same modules cost ~50 ms of the
    start, and an open of either kind imports nothing."""
    import parksgis.app.layer_cache  # noqa: F401 - a folder's big layers, kept as read
    import parksgis.app.packs  # noqa: F401
    import parksgis.app.workspace  # noqa: F401
    import parksgis.io.geojson  # noqa: F401
    import parksgis.pack.handle  # noqa: F401 - a pack and its register
    import parksgis.pack.view_source  # noqa: F401 - a pack's big layers read per view
    import parksgis.store.projects_csv  # noqa: F401 - a folder's register
    import parksgis.store.register  # noqa: F401
    import parksgis.user_data  # noqa: F401 - where PROJ's choices are kept (platformdirs)


def _first_frame(window, out: Path, failure: list) -> None:
    """The window as first drawn once its source is open, to PNG; then the app quits."""
    from PySide6 import QtCore, QtWidgets

    def grab():
        image = window.grab()
        if not image.save(str(out), "PNG"):
            failure.append(ParksgisError(f"{out}: cannot write the screenshot"))
        else:
            print(out)
        window.close()
        QtWidgets.QApplication.quit()

    window.resize(1280, 800)
    QtCore.QTimer.singleShot(0, grab)  # after the resize and the layout it causes are handled


def _check_display() -> None:
    """Say in one line why no window can open, instead of Qt's abort, on a Linux box without a
    display (an SSH session, a server): the headless commands work there, the window cannot."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise ParksgisError("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                            "not set); run it in a desktop session, or use the headless commands "
                            "(parksgis render, atlas, validate, pack, status)")
