"""UI language: Qt translators for our strings (assets/i18n/*.qm) and Qt's own (dialog buttons).

Strings in the code are English; ``parksgis_zh_CN.qm`` translates them. Installing a translator
makes Qt send a LanguageChange event to every widget, and each widget retranslates itself.
"""

from __future__ import annotations

from PySide6 import QtCore

from parksgis.assets import get_asset

LANGUAGES = {"zh_CN": "中文", "en": "English"}
_installed: list[QtCore.QTranslator] = []


def default_language() -> str:
    """zh_CN on a Chinese system locale (mainland, Taiwan, Hong Kong alike), English elsewhere."""
    return "zh_CN" if QtCore.QLocale.system().name().startswith("zh") else "en"


def data_lang(language: str) -> str:
    """The language of names in the data (name_zh / name_en, status labels) for a UI language."""
    return "zh" if language.startswith("zh") else "en"


def install_language(language: str) -> bool:
    """Replace the installed translators with ``language``'s; True when our .qm file was found."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    app = QtCore.QCoreApplication.instance()
    _set_locale(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = QtCore.QTranslator(app)
    found = ours.load(str(get_asset("i18n", f"parksgis_{language}.qm")))
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QtCore.QTranslator(app)
    if language != "en" and qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    elif language == "en":
        # English is the source language: with no translator at all Qt still needs telling
        QtCore.QCoreApplication.sendEvent(app, QtCore.QEvent(QtCore.QEvent.Type.LanguageChange))
        found = True
    return found


class TranslationContext:
    """Names the translation context of texts that no QObject class of that name owns.

    ``class ProblemTexts(TranslationContext)`` in a module, then ``ProblemTexts.tr("text")`` or,
    with a count, ``ProblemTexts.tr("%n file(s)", "", n)``. pyside6-lupdate files a ``Name.tr(...)``
    call under the context ``Name`` and marks it plural when it has a count; it finds no call to a
    helper function, and a ``QCoreApplication.translate(context, text, "", n)`` is marked plural
    only when n is a literal number.
    """

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QtCore.QCoreApplication.translate(cls.__name__, text, disambiguation, n)


class _LanguageFollower(QtCore.QObject):
    def __init__(self, watched: QtCore.QObject, callback):
        super().__init__(watched)  # lives as long as what it watches
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self._callback()
        return False


def follow_language(watched: QtCore.QObject, callback) -> QtCore.QObject:
    """Call ``callback()`` (retranslate, refill) whenever ``watched`` gets Qt's LanguageChange,
    sent to every widget when :func:`install_language` installs a translator. The one way a widget
    (``follow_language(self, self.retranslate)``) or a controller (watching its window) follows
    the UI language."""
    return _LanguageFollower(watched, callback)


def _set_locale(language: str) -> None:
    """Month and day names (calendars), Qt's dialogs' formats: the UI's language, not the system's.

    Widgets made before keep the locale they were made with unless told: every window is given the
    new default, which its children without a locale of their own follow (a LocaleChange each).
    """
    from PySide6 import QtWidgets

    locale = QtCore.QLocale(QtCore.QLocale.Language.Chinese, QtCore.QLocale.Country.China) \
        if language.startswith("zh") else QtCore.QLocale(QtCore.QLocale.Language.English,
                                                          QtCore.QLocale.Country.UnitedStates)
    QtCore.QLocale.setDefault(locale)
    if isinstance(QtCore.QCoreApplication.instance(), QtWidgets.QApplication):
        for widget in QtWidgets.QApplication.topLevelWidgets():
            widget.setLocale(locale)
