"""Rule explanations in the UI language, through Qt's translator (context ``Explanation``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trialdesk.domain.explanations import Explanation
from trialdesk.services.explain import CONTEXT, render
from trialdesk.ui.widgets import ui_language


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def explain(explanation: Explanation) -> str:
    """``explanation`` as the user reads it: Norwegian wording and decimal comma in Bokmål,
    English otherwise (``Explanation.text()``), dates as 26.11.2026 in both."""
    return render(explanation, ui_language(), _translate)


def explain_all(explanations, separator: str = "; ") -> str:
    """Several explanations on one line."""
    return separator.join(explain(e) for e in explanations)
