"""Help ▸ User guide and Help ▸ Keyboard shortcuts: offline, from what ships with the program.

The guide is docs/app.md (docs/app.zh_CN.md in Chinese when present), shown by Qt's own Markdown
viewer; the shortcut list is read from the window's actions, so it is always the shortcuts the
window really has, in the UI's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from parksgis.assets import get_doc

Qt = QtCore.Qt


def guide_file(language: str) -> Path:
    local = get_doc(f"app.{language}.md")
    return local if local.is_file() else get_doc("app.md")


class GuideDialog(QtWidgets.QDialog):
    def __init__(self, language: str, parent=None):
        super().__init__(parent, objectName="guide_dialog")
        self.setWindowTitle(self.tr("parksgis user guide"))
        self.browser = QtWidgets.QTextBrowser(self, objectName="guide_browser")
        self.browser.setOpenLinks(False)  # other docs open here; web links in the browser
        self.browser.anchorClicked.connect(self._follow)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.browser)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self.show_file(guide_file(language))

    def show_file(self, path: Path) -> None:
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self.shown = path

    def _follow(self, url: QtCore.QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QtGui.QDesktopServices.openUrl(url)
            return
        if not url.path():  # an anchor in this page
            self.browser.scrollToAnchor(url.fragment())
            return
        target = (self.shown.parent / url.path()).resolve()
        if target.suffix == ".md" and target.is_file():
            self.show_file(target)
            if url.fragment():
                self.browser.scrollToAnchor(url.fragment())


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(action, shortcut) for every action of ``window`` with a shortcut, as the user reads them."""
    rows = {}
    for action in window.findChildren(QtGui.QAction):
        keys = action.shortcut()
        if keys.isEmpty() or not action.text():
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.split("(")[0].strip() if text.endswith(")") and "(" in text[-4:] else text
        rows[text] = keys.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
    return sorted(rows.items(), key=lambda row: row[0].lower())


class ShortcutsDialog(QtWidgets.QDialog):
    def __init__(self, window):
        super().__init__(window, objectName="shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QtWidgets.QTableWidget(len(rows), 2, self, objectName="shortcuts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, (text, keys) in enumerate(rows):
            self.table.setItem(i, 0, QtWidgets.QTableWidgetItem(text))
            self.table.setItem(i, 1, QtWidgets.QTableWidgetItem(keys))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        notes = QtWidgets.QLabel(self.tr(
            "On the map: drag to pan, wheel to zoom, shift-drag zooms to a box, ctrl-drag selects, "
            "right-click for more. Esc returns to pan."), self, wordWrap=True)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(notes)
        layout.addWidget(buttons)
        self.resize(520, 560)
