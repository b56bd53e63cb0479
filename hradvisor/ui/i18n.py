"""Which language the window speaks, and loading its translations.

Our strings are wrapped with ``translate("Context", text)``; the French
catalogue is resources/translations/hradvisor_fr.ts (edited with Qt Linguist
or by hand, refreshed by ``make translations``) compiled to the .qm beside it.
Qt's own catalogue (qtbase) translates standard buttons such as Cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from hradvisor.resources import resource_path

SUPPORTED = ("en", "fr")


def ui_language() -> str:
    """The language the window speaks: "fr" when the French catalogue is loaded, else "en".

    Each catalogue translates the code "en" into its own code, so texts read
    from resources (vocabulary labels, the risk framework, in English and
    French) and place names always match the translated strings around them.
    """
    code = QCoreApplication.translate("Language", "en")
    return code if code in SUPPORTED else "en"


def chosen_language(preference: str, system: str | None = None) -> str:
    """The language to use: the preference, or for "auto" the system's if we have it."""
    if preference in SUPPORTED:
        return preference
    code = (system or QLocale.system().name())[:2].lower()
    return code if code in SUPPORTED else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install the catalogues for *language* (none for English, the source language)
    and make it the default locale.

    The translators are also kept on the application object: Qt does not own
    them, and a collected translator silently turns the window back to English.
    """
    loaded: list[QTranslator] = []
    # Month names, dates and numbers (charts, history, sizes) in the same language
    # as the words around them, whatever the system's own locale.
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return loaded
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"hradvisor_{language}.qm"))):
        loaded.append(ours)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        loaded.append(qt_own)
    for translator in loaded:
        app.installTranslator(translator)
    app.setProperty("hradvisor_translators", loaded)
    return loaded
