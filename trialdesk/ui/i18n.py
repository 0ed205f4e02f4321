"""Translations: English in the code, Norwegian Bokmål from resources/i18n/trialdesk_nb.qm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from trialdesk.domain.explanations import Explanations
from trialdesk.errors import TrialDeskError
from trialdesk.paths import resource_path

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translator for ``language`` ('nb' or 'en'; default: the system locale)."""
    lang = language or ("nb" if QLocale.system().language() in (
        QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk) else "en")
    app.setProperty("trialdesk_language", lang)  # ui_language(): protocol texts, explanations
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "nb":
        translator = QTranslator(app)
        if translator.load(str(resource_path("i18n", "trialdesk_nb.qm"))):
            app.installTranslator(translator)
            _installed.append(translator)
    app.setProperty("trialdesk_language", lang)  # protocol texts (visit and drug names) follow the UI language
    return lang


def signature_words(text: str) -> str:
    """A signature's meaning or attestation (``MEANING_*`` / ``ATTESTATION*`` constants, collected by
    tools/i18n.py under the context ``signatures``) in the UI language. The stored meaning stays English."""
    return QCoreApplication.translate("signatures", text)


def error_text(exc: BaseException) -> str:
    """The translated message of an expected error (its template translated, then filled in)."""
    if isinstance(exc, TrialDeskError):
        template = QCoreApplication.translate("errors", exc.template)
        params = {name: _explained(value) for name, value in exc.params.items()}
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return str(exc)
    return QCoreApplication.translate("errors", "Unexpected error ({kind}). Nothing more was changed.").format(
        kind=type(exc).__name__)


def _explained(value: object) -> object:
    """Rule explanations in an error's parameters, worded in the UI language."""
    if isinstance(value, Explanations):
        from trialdesk.ui.explain import explain_all

        return explain_all(value)
    return value
