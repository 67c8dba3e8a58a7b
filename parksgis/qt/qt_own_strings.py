"""Strings of Qt's own dialogs that the ``qtbase`` translations PySide6 ships leave out.

Qt's file dialog labels its fields "&Look in:" and "Files of &type:"; qtbase_zh_CN.qm translates
only the forms without the access key, so a Chinese file dialog would show them in English. They
are listed here under Qt's own context names so pyside6-lupdate (scripts/update_translations.sh)
puts them in our .ts files; our translator is installed after Qt's, so it is asked first. Never
called.
"""

from __future__ import annotations

from PySide6 import QtCore


def _listed_for_translation() -> None:  # pragma: no cover - read by the extractor only
    QtCore.QCoreApplication.translate("QFileDialog", "&Look in:")
    QtCore.QCoreApplication.translate("QFileDialog", "Files of &type:")
