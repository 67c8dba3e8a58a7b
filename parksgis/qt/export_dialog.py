"""File ▸ Export briefing… and Edit ▸ Copy map image: the headless briefing pages, from the window.

Both go through :mod:`parksgis.render.export` exactly as ``parksgis render`` does (same page
layout, same glyph check, same atomic write); nothing here draws a map itself. The window makes
the two actions (``window.export_actions``).

The copied image is a briefing page of the current view (title, map, legend with counts, scale
bar, north arrow, KPIs) at a 16:9 slide size, so it pastes straight into a deck.
"""

from __future__ import annotations

import errno
import re
from datetime import date
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.errors import ParksgisError
from parksgis.files import FileWriteError
from parksgis.qt.i18n import follow_language

# The actions' texts live with the window's menus, in MainWindow.tr()'s context; pyside6-lupdate
# reads translate("MainWindow", "text") calls with the context written out.
translate = QtCore.QCoreApplication.translate
CLIPBOARD_SIZE_PX = (1920, 1080)  # a full-HD 16:9 slide
CLIPBOARD_DPI = 150.0              # text as large as on an A4 landscape page
PAGE_SIZES = ["A4 landscape", "A4 portrait", "A3 landscape", "A3 portrait", "pixels"]
MESSAGE_MS = 8000


def os_reason(exc) -> str:
    """Why a file could not be written, in the UI's language (the OS says it in English)."""
    return {errno.EACCES: translate("MainWindow", "permission denied"),
            errno.EPERM: translate("MainWindow", "permission denied"),
            errno.ENOENT: translate("MainWindow", "no such file or folder"),
            errno.ENOSPC: translate("MainWindow", "the disk is full"),
            errno.EROFS: translate("MainWindow", "the disk is read-only"),
            errno.EISDIR: translate("MainWindow", "a folder is in the way"),
            errno.ENAMETOOLONG: translate("MainWindow", "the name is too long"),
            }.get(exc.errno, getattr(exc, "strerror", None) or str(exc))


def one_line(exc: BaseException, path: Path | None = None) -> str:
    """A user-facing message in the UI's language: OS errors as "path: reason", the export's own
    errors translated, other errors as they are."""
    if isinstance(exc, OSError):
        where = path or exc.filename  # not the hidden temporary file the write went to
        return f"{where}: {os_reason(exc)}"
    if isinstance(exc, FileWriteError) and exc.errno is not None:  # the atomic write's own refusal
        return f"{path or exc.path}: {os_reason(exc)}"
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    missing = re.fullmatch(r"(.+): folder (.+) does not exist", message)
    if missing:
        return translate("MainWindow", "%1: folder %2 does not exist").replace("%1", missing[1]).replace(
            "%2", missing[2])
    if message == "nothing to draw: the layers hold no features":
        return translate("MainWindow", "nothing to draw: the layers hold no features")
    return message


class BusyCursor:
    def __enter__(self):
        QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QtWidgets.QApplication.restoreOverrideCursor()


def shown_status_date(window) -> str:
    """The date the window's statuses are as of: the As-of bar's day, else the data's own."""
    workspace = window.workspace
    if workspace is None:
        return ""
    if workspace.as_of is not None:
        return workspace.as_of.isoformat()
    return str(workspace.meta.get("as_of") or "")


def build_page(window, renderer, what: str, options, state=None):
    """The briefing page for ``what``: "view" (the canvas's view), "all", or a park id, drawn by
    ``renderer`` (the export's own: ``window.renderer.detached()``) from ``state`` (default: what
    the window shows)."""
    from parksgis.render import export

    if what == "view":
        return export.view_page(renderer, window.canvas.view_rect(), options, state)
    if what == "all":
        return export.overview_page(renderer, options, state=state)
    return export.park_page(renderer, what, options, state)


class ExportDialog(QtWidgets.QDialog):
    """What to export, where (the file name's ending picks PNG/PDF/SVG), page size, DPI, title,
    language and status date. Errors and glyph warnings are shown in one line at the bottom."""

    def __init__(self, window):
        super().__init__(window)
        follow_language(self, self.retranslate)
        self.setObjectName("export_dialog")
        self.window_ = window
        self.last_page = None      # the BriefingPage written last (its map_rects/map_views)
        self.last_path = None
        self._shown_date = shown_status_date(window)
        form = QtWidgets.QFormLayout()
        self.what = QtWidgets.QComboBox(self, objectName="export_what")
        self.what.addItem("", "view")
        for park in window.workspace.parks:
            self.what.addItem(park.name(window.lang), park.park_id)
        self.what.addItem("", "all")
        path_row = QtWidgets.QHBoxLayout()
        self.path = QtWidgets.QLineEdit(self, objectName="export_path")
        self.browse = QtWidgets.QPushButton(self, objectName="export_browse")
        self.browse.clicked.connect(self.choose_path)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        self.format_label = QtWidgets.QLabel(self, objectName="export_format")
        self.page_size = QtWidgets.QComboBox(self, objectName="export_page_size")
        for code in PAGE_SIZES:
            self.page_size.addItem("", code)
        self.width_px = QtWidgets.QSpinBox(self, objectName="export_width", minimum=100, maximum=20000, value=1920)
        self.height_px = QtWidgets.QSpinBox(self, objectName="export_height", minimum=100, maximum=20000, value=1080)
        pixels_row = QtWidgets.QHBoxLayout()
        pixels_row.addWidget(self.width_px)
        pixels_row.addWidget(QtWidgets.QLabel("×", self))
        pixels_row.addWidget(self.height_px)
        self.dpi = QtWidgets.QSpinBox(self, objectName="export_dpi", minimum=30, maximum=1200, value=150)
        self.title = QtWidgets.QLineEdit(self, objectName="export_title")
        self.lang = QtWidgets.QComboBox(self, objectName="export_lang")
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(self.lang.findData(window.lang))
        self.status_date = QtWidgets.QLineEdit(self._shown_date, self, objectName="export_status_date")
        self.message = QtWidgets.QLabel(self, objectName="export_message", wordWrap=True)
        self.message.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels = {}
        for key, field in [("what", self.what), ("file", path_row), ("format", self.format_label),
                           ("page", self.page_size), ("pixels", pixels_row), ("dpi", self.dpi),
                           ("title", self.title), ("lang", self.lang), ("date", self.status_date)]:
            self.labels[key] = QtWidgets.QLabel(self)
            form.addRow(self.labels[key], field)
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton("", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._on_path)
        self.page_size.currentIndexChanged.connect(self._update_pixels)
        self.what.currentIndexChanged.connect(self._update_title_hint)
        self.lang.currentIndexChanged.connect(self._update_title_hint)
        self.retranslate()
        self._update_pixels()

    # -- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export briefing"))
        texts = {"what": self.tr("Export"), "file": self.tr("File"), "format": self.tr("Format"),
                 "page": self.tr("Page size"), "pixels": self.tr("Pixels"), "dpi": self.tr("DPI"),
                 "title": self.tr("Title"), "lang": self.tr("Language"), "date": self.tr("Status date")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.what.setItemText(0, self.tr("The current view"))
        self.what.setItemText(self.what.count() - 1, self.tr("All parks"))
        names = {"A4 landscape": self.tr("A4 landscape"), "A4 portrait": self.tr("A4 portrait"),
                 "A3 landscape": self.tr("A3 landscape"), "A3 portrait": self.tr("A3 portrait"),
                 "pixels": self.tr("Pixel size")}
        for i, code in enumerate(PAGE_SIZES):
            self.page_size.setItemText(i, names[code])
        self.browse.setText(self.tr("Browse…"))
        self.export_button.setText(self.tr("Export"))
        self.path.setPlaceholderText(self.tr("briefing.png, .pdf or .svg"))
        self.status_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._on_path(self.path.text())
        self._update_title_hint()

    def _update_title_hint(self, *_args) -> None:
        """The default title (as ``parksgis render`` makes it) as the title field's placeholder."""
        from parksgis.render import export
        from parksgis.render.briefing_content import TEXT

        lang, what = self.lang.currentData(), self.what.currentData()
        options = export.PageOptions(lang=lang)
        if what in ("view", "all"):
            name = TEXT[lang]["overview"]
        else:
            name = self.window_.workspace.park(what).name(lang)
        self.title.setPlaceholderText(export._title(name, options))

    def _on_path(self, text: str) -> None:
        suffix = Path(text).suffix.lower().lstrip(".")
        self.format_label.setText(suffix.upper() if suffix in ("png", "pdf", "svg")
                                  else self.tr("from the file name: .png, .pdf or .svg"))
        if suffix == "pdf" and self.dpi.value() == 150:
            self.dpi.setValue(300)  # the CLI's default for PDF
        elif suffix in ("png", "svg") and self.dpi.value() == 300:
            self.dpi.setValue(150)

    def _update_pixels(self, *_args) -> None:
        pixels = self.page_size.currentData() == "pixels"
        self.width_px.setEnabled(pixels)
        self.height_px.setEnabled(pixels)

    def choose_path(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export briefing"), self.path.text() or "briefing.png",
            self.tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"))
        if path:
            self.path.setText(path)

    # -- exporting --------------------------------------------------------------------------------
    def page_size_pt(self) -> tuple[float, float]:
        from parksgis.render.export import page_size_pt
        from parksgis.render.paper import check_page_size

        code = self.page_size.currentData()
        if code == "pixels":
            size_pt = page_size_pt(size_px=(self.width_px.value(), self.height_px.value()), dpi=self.dpi.value())
            check_page_size(size_pt, self.dpi.value())
            return size_pt
        paper, orientation = code.split()
        return page_size_pt(paper, landscape=orientation == "landscape")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.window_.statusBar().showMessage(text, MESSAGE_MS)

    def export(self) -> bool:
        """Write the page; on success close the dialog, else show one line and stay open."""
        text = self.path.text().strip()
        if not text:
            self.show_message(self.tr("Choose a file to export to."))
            return False
        path = Path(text).expanduser()
        try:
            with BusyCursor():
                warning = self._write(path)
        except (ParksgisError, OSError, ValueError) as exc:
            self.show_message(self.tr("Export failed: %1").replace("%1", one_line(exc, path)))
            return False
        done = self.tr("Exported %1").replace("%1", str(path))
        self.window_.statusBar().showMessage(f"{done}. {warning}" if warning else done, MESSAGE_MS)
        self.message.setText(f"{done}. {warning}" if warning else done)
        if not warning:  # a glyph warning stays in view (the file is written all the same)
            self.accept()
        return True

    def _write(self, path: Path) -> str:
        """Build and write the page; returns the glyph warning ("" when every glyph is there)."""
        from parksgis.render import export

        window = self.window_
        label = self.status_date.text().strip() or None
        options = export.PageOptions(lang=self.lang.currentData(), title=self.title.text().strip() or None,
                                     as_of=label)
        renderer = window.renderer.detached()  # its own labels; the paths it builds are its own
        state = renderer.state
        if label and label != self._shown_date:  # another day: its statuses, from the register
            state = state.replace(projects=self._register_as_of(label))
        try:
            page = build_page(window, renderer, self.what.currentData(), options, state)
            export.write_pages([page], renderer, path, self.page_size_pt(), float(self.dpi.value()))
            missing = page.missing_glyphs(renderer)  # of what the paint drew
        finally:
            renderer.close()
        self.last_page, self.last_path = page, path
        return glyph_warning(missing)

    def _register_as_of(self, text: str) -> dict:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise ParksgisError(self.tr("status date %1 is not a date (YYYY-MM-DD)").replace("%1", text)) from None
        store = self.window_.session.link.backend
        if store is None:
            raise ParksgisError(self.tr("statuses as of %1 need the status register; "
                                        "open a layers folder or a pack").replace("%1", text))
        return store.as_of(day)


def glyph_warning(missing: list[str]) -> str:
    if not missing:
        return ""
    listed = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing)
    return translate("MainWindow", "The bundled font has no glyph for %1; drawn as boxes.").replace("%1", listed)


class ExportActions(QtCore.QObject):
    """The two window actions; the Edit menu is created here (the window had none)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.last_page = None  # the page last copied to the clipboard
        self.export_action = QtGui.QAction(window, objectName="export_briefing")
        self.export_action.setShortcut(QtGui.QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda *_: self.show_dialog())
        self.copy_action = QtGui.QAction(window, objectName="copy_map_image")
        self.copy_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
        self.copy_action.triggered.connect(lambda *_: self.copy_map_image())
        for action in (self.export_action, self.copy_action):
            window.addAction(action)  # shortcuts work with the menu bar hidden too
        actions = window.actions_
        actions.file_menu.insertAction(actions.recent_menu.menuAction(), self.export_action)
        self.edit_menu = QtWidgets.QMenu(window, objectName="edit_menu")
        window.menuBar().insertMenu(actions.view_menu.menuAction(), self.edit_menu)
        self.edit_menu.addAction(self.copy_action)
        follow_language(window, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_action.setText(translate("MainWindow", "&Export briefing…"))
        self.copy_action.setText(translate("MainWindow", "&Copy map image"))
        self.edit_menu.setTitle(translate("MainWindow", "&Edit"))

    def _ready(self) -> bool:
        if self.window.workspace is None or self.window.renderer is None:
            self.window.statusBar().showMessage(
                translate("MainWindow", "Nothing to export: open a folder of layers first."), MESSAGE_MS)
            return False
        return True

    def show_dialog(self) -> ExportDialog | None:
        if not self._ready():
            return None
        self.dialog = ExportDialog(self.window)
        self.dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog.open()
        return self.dialog

    def copy_map_image(self) -> QtGui.QImage | None:
        """The current view as a briefing page at slide size, onto the clipboard as an image."""
        from parksgis.render import export

        if not self._ready():
            return None
        window = self.window
        label = shown_status_date(window) or None
        options = export.PageOptions(lang=window.lang, as_of=label)
        renderer = window.renderer.detached()
        try:
            with BusyCursor():
                page = build_page(window, renderer, "view", options)
                size_pt = export.page_size_pt(size_px=CLIPBOARD_SIZE_PX, dpi=CLIPBOARD_DPI)
                image = export.render_image(page, renderer, size_pt, CLIPBOARD_DPI)
                missing = page.missing_glyphs(renderer)  # of what the paint drew
        except (ParksgisError, ValueError) as exc:
            window.statusBar().showMessage(
                translate("MainWindow", "Copy failed: %1").replace("%1", one_line(exc)), MESSAGE_MS)
            return None
        finally:
            renderer.close()
        QtGui.QGuiApplication.clipboard().setImage(image)
        self.last_page = page
        done = translate("MainWindow", "Map image copied (%1 × %2 pixels)").replace("%1", str(image.width())).replace(
            "%2", str(image.height()))
        warning = glyph_warning(missing)
        window.statusBar().showMessage(f"{done}. {warning}" if warning else done, MESSAGE_MS)
        return image

