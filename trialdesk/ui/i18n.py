"""Translations: English in the code, Norwegian Bokmål from resources/i18n/trialdesk_nb.qm."""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from trialdesk.errors import TrialDeskError
from trialdesk.paths import resource_path

_installed: list[QTranslator] = []


# Qt's own words that TrialDesk shows (dialog buttons, the text fields' context menu). Qt ships no Bokmål
# catalogue (qtbase_nb), so they are translated in TrialDesk's own .ts under Qt's contexts.
QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"), QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"), QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"), QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"), QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"), QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"), QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"), QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"), QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"), QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"), QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
)


class EnglishPlurals(QTranslator):
    """English plurals of ``tr("%n result(s)", "", n)``: "1 result", "7 results" (Qt replaces ``%n``). The
    source text is the English, so this catalogue needs no file; it answers only plural messages, and under
    Bokmål the Bokmål catalogue, installed after it, answers first."""

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt override
        if n is not None and n >= 0 and source and "%n" in source and "(s)" in source:
            return source.replace("(s)", "" if n == 1 else "s")
        return None  # a null string: "not mine", Qt asks the next catalogue (an empty one would be the answer)

    def isEmpty(self) -> bool:  # Qt override
        return False


LANGUAGE_NAMES = {"en": "English", "nb": "Norsk bokmål"}
"""Each language named in itself: whoever cannot read the current one still finds their own."""
SETTINGS_KEY = "ui/language"


def _settings():
    from PySide6.QtCore import QSettings

    # An INI file in the user's settings folder (QSettings.setPath moves it; tests point it at a temp folder).
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Helse Bergen", "TrialDesk")


def saved_language() -> str | None:
    """The language chosen on this workstation (sign-in window or File menu), None when never chosen."""
    value = _settings().value(SETTINGS_KEY)
    return value if value in LANGUAGE_NAMES else None


def save_language(language: str) -> None:
    """Remember ``language`` ('en' or 'nb') for this workstation's next start."""
    if language not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language {language!r}")
    settings = _settings()
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def start_language(explicit: str | None = None) -> str | None:
    """The language to start in: ``explicit`` (``--lang``), else ``TRIALDESK_LANG``, else the one chosen on this
    workstation, else None (the system locale)."""
    import os

    return explicit or os.environ.get("TRIALDESK_LANG") or saved_language()


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translator for ``language`` ('nb' or 'en'; default: the system locale)."""
    lang = language or ("nb" if QLocale.system().language() in (
        QLocale.Language.NorwegianBokmal, QLocale.Language.NorwegianNynorsk) else "en")
    app.setProperty("trialdesk_language", lang)  # ui_language(): protocol texts, explanations
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    plurals = EnglishPlurals(app)
    app.installTranslator(plurals)
    _installed.append(plurals)
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


# What the disk or the OS refused (trialdesk.errors.os_problem's words), translated where they fill a message's
# {problem} and when such a failure reaches the screen unwrapped (issue 14, point 4).
OS_PROBLEMS = (
    QT_TRANSLATE_NOOP("errors", "the disk is full"), QT_TRANSLATE_NOOP("errors", "permission denied"),
    QT_TRANSLATE_NOOP("errors", "a part of the path is too long"),
    QT_TRANSLATE_NOOP("errors", "a part of the path is a file, not a folder"),
    QT_TRANSLATE_NOOP("errors", "a file is in the way where a folder belongs"),
    QT_TRANSLATE_NOOP("errors", "the disk is read-only"), QT_TRANSLATE_NOOP("errors", "a folder on the way does not exist"),
)


def error_text(exc: BaseException) -> str:
    """The translated message of an expected error (its template translated, then filled in)."""
    if isinstance(exc, TrialDeskError):
        template = QCoreApplication.translate("errors", exc.template)
        params = {name: _explained(value) for name, value in exc.params.items()}
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return str(exc)
    from trialdesk.errors import os_problem

    problem = os_problem(exc) if isinstance(exc, OSError) or "disk" in str(exc).lower() else None
    if problem in OS_PROBLEMS:
        return QCoreApplication.translate("errors", "Not done: {problem}. Nothing more was changed; what you typed is "
                                                    "still on screen.").format(
            problem=QCoreApplication.translate("errors", problem))
    return QCoreApplication.translate("errors", "Unexpected error ({kind}). Nothing more was changed.").format(
        kind=type(exc).__name__)


def _explained(value: object) -> object:
    """Rule explanations in an error's parameters, worded in the UI language (and the OS's refusals)."""
    if isinstance(value, str) and value in OS_PROBLEMS:
        return QCoreApplication.translate("errors", value)
    # Not imported at start-up (this module is on the sign-in path): an error can only carry Explanations
    # once the rules module is loaded.
    rules = sys.modules.get("trialdesk.domain.explanations")
    if rules is not None and isinstance(value, rules.Explanations):
        from trialdesk.ui.explain import explain_all

        return explain_all(value)
    return value
