"""Starting the Qt side: the application object, the bundled font, the main window."""

from __future__ import annotations

import sys

from PySide6 import QtGui, QtWidgets


def create_app(argv: list[str] | None = None) -> QtWidgets.QApplication:
    """The QApplication (reused if one exists) with the bundled CJK font as the UI font.

    The UI font is the bundled one, not the system's, so Chinese menus and panels draw the same on
    a machine with no Chinese fonts at all.
    """
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv or sys.argv[:1])
    configure_app(app)
    return app


def configure_app(app: QtWidgets.QApplication) -> str:
    """Names for QSettings, the application icon and the bundled font as UI font; returns the
    font family."""
    from parksgis.assets import get_asset
    from parksgis.render.fonts import ensure_fonts

    app.setOrganizationName("parksgis")
    app.setApplicationName("parksgis")
    app.setWindowIcon(QtGui.QIcon(str(get_asset("icons", "parksgis.png"))))  # window and taskbar
    app.setDesktopFileName("parksgis")  # Wayland matches the window to parksgis.desktop by this
    family = ensure_fonts()
    font = QtGui.QFont(app.font())
    font.setFamilies([family])
    app.setFont(font)
    return family


def open_window(path=None, language: str | None = None, display_crs: str | None = None):
    """A shown main window opening ``path`` (default: the bundled sample parks), and the
    :class:`~parksgis.qt.loader.Pending` of that open (done with True once it is shown)."""
    from parksgis.assets import sample_layers
    from parksgis.qt.main_window import MainWindow

    # with the status editor, "as of" bar and dashboard, and the pack actions
    window = MainWindow(language=language, display_crs=display_crs, register=True, packs=True)
    window.show()
    return window, window.open_path(path if path is not None else sample_layers())
