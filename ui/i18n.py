"""Translation: install Qt translators and translate messages coming from services."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from services.core.errors import AppError
from services.core.paths import resource_path

log = logging.getLogger(__name__)

SUPPORTED = ("fr", "en")
_installed: list[QTranslator] = []
_language = "en"


def system_language() -> str:
    name = QLocale.system().name()[:2]
    return name if name in SUPPORTED else "en"


def current_language() -> str:
    """The language the UI is shown in ('fr' or 'en')."""
    return _language


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load our .qm and Qt's own for ``language`` (None/'' = follow the system)."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = language if language in SUPPORTED else system_language()
    _language = lang
    ours = QTranslator(app)
    qm = resource_path("i18n", f"encaisse_{lang}.qm")
    if ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation %s not found", qm)
    if lang == "en":  # English is the source language; its .qm only holds plural forms
        return lang
    qt = QTranslator(app)
    if qt.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def message(error: AppError) -> str:
    """A service error in the user's language."""
    return error.render(translate)
