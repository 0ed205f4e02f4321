"""The go / no-go panel: ONE verdict (colour and text) and every reason line with ✓ or ✗."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trialdesk.services import visits as vs
from trialdesk.ui.explain import explain
from trialdesk.ui.visits.common import AMBER, BLUE, GREEN, GREY, RED, chip_style


class GoNoGoPanel(QWidget):
    """Shows a :class:`services.visits.DoseStatus`; ``verdict`` is the label read by screen readers."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel()
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Go / no-go verdict"))
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lines.setAccessibleName(self.tr("Go / no-go reasons"))
        box.addWidget(self.verdict)
        box.addWidget(self.lines, 1)
        self.status: vs.DoseStatus | None = None
        self.show_status(None)

    def verdict_text(self, verdict: str | None) -> tuple[str, tuple[str, str]]:
        return {
            "go": (self.tr("✓ GO"), GREEN),
            "needs_reason": (self.tr("! GO WITH REASON — outside the window"), AMBER),
            "no_go": (self.tr("✗ NO-GO"), RED),
        }.get(verdict or "", (self.tr("– no verdict"), GREY))

    def show_status(self, status: vs.DoseStatus | None, note: str | None = None) -> None:
        self.status = status
        text, colours = self.verdict_text(status.verdict if status else None)
        self.verdict.setText(text)
        self.verdict.setStyleSheet(chip_style(colours, "8px 10px") + " font-size: 15pt;")
        if status is None:
            self.lines.setText(escape(note or ""))
            return
        rows = []
        for ok, explanation in status.reasons:
            mark, colour = ("✓", GREEN[0]) if ok else ("✗", RED[0])
            rows.append(f"<tr><td style='color:{colour}; font-weight:700; padding-right:4px'>{mark}</td>"
                        f"<td style='padding-bottom:3px'>{escape(explain(explanation))}</td></tr>")
        extra = f"<p>{escape(note)}</p>" if note else ""
        self.lines.setText(f"<table cellspacing='0'>{''.join(rows)}</table>{extra}")

    def show_given(self, verdict: str | None, note: str) -> None:
        """The dose is recorded: no verdict to act on any more, only what was given and under which verdict."""
        self.status = None
        self.verdict.setText(self.tr("✓ DOSE GIVEN"))
        self.verdict.setStyleSheet(chip_style(BLUE, "8px 10px") + " font-size: 15pt;")
        self.lines.setText(f"<p>{escape(note)}</p>")
