"""Table models of the visit screens: timeline, today's list, open SAE clocks, AE log, saved lab results.

Every state is shown as text with a symbol; colour (Background/Foreground roles) only repeats it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from trialdesk.clock import utc_now
from trialdesk.domain import ctcae
from trialdesk.domain.labs import unit_label
from trialdesk.services import visits as vs
from trialdesk.services.inputs import show_date
from trialdesk.services.screening import protocol
from trialdesk.ui.explain import explain
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.visits.common import (
    GREEN, RED, STATE_COLOURS, display_value, lab_symbol, show_time, show_utc_iso, state_text,
)
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("visits", text)  # noqa: E731
URGENT = timedelta(hours=6)


class ColouredRowModel(RowTableModel):
    """A :class:`RowTableModel` whose rows may carry (foreground, background) colours via ``colours(row)``."""

    def colours(self, row: Any, column: int) -> tuple[str, str] | None:  # pragma: no cover - overridden
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            row = self.row_at(index)
            if row is None:
                return None
            colours = self.colours(row, index.column())
            if colours is None:
                return None
            return QBrush(QColor(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1]))
        return super().data(index, role)


def _label(row) -> str:
    return row.label_nb if ui_language() == "nb" else row.label_en


class TimelineTableModel(ColouredRowModel):
    """Rows of :class:`services.visits.TimelineRow`: code, visit, target date, window, state, done."""

    STATE_COLUMN = 4

    def columns(self):
        return (
            (_tr("Code"), lambda r: r.code),
            (_tr("Visit"), _label),
            (_tr("Target date"), lambda r: show_date(r.target)),
            (_tr("Window"), lambda r: f"{show_date(r.window_start)} – {show_date(r.window_end)}"),
            (_tr("State"), lambda r: state_text(r.state)),
            (_tr("Done on"), lambda r: show_date(r.done_on)),
        )

    def colours(self, row, column):
        return STATE_COLOURS.get(row.state) if column == self.STATE_COLUMN else None


class TodayTableModel(ColouredRowModel):
    """Rows of :class:`services.visits.DueRow`: who is due today (or overdue)."""

    def columns(self):
        return (
            (_tr("Study id"), lambda r: r.study_id),
            (_tr("Visit"), lambda r: f"{r.code} · {_label(r)}"),
            (_tr("Window ends"), lambda r: show_date(r.window_end)),
            (_tr("State"), lambda r: state_text(r.state)),
        )

    def colours(self, row, column):
        return STATE_COLOURS.get(row.state) if column == 3 else None


def remaining_text(delta: timedelta) -> str:
    """``5:07`` left, or ``OVERDUE 1:20``."""
    minutes = int(abs(delta).total_seconds() // 60)
    text = f"{minutes // 60}:{minutes % 60:02d}"
    return _tr("{hm} left").format(hm=text) if delta >= timedelta(0) else _tr("OVERDUE by {hm}").format(hm=text)


def term_text(key: str, other: str | None = None) -> str:
    terms = {t.key: t for t in ctcae.ae_terms(protocol())}
    term = terms.get(key)
    name = (term.term_nb if ui_language() == "nb" else term.term_en) if term else key
    return f"{name}: {other}" if other else name


class SaeClockTableModel(ColouredRowModel):
    """Rows of :class:`services.visits.SaeClock`; ``now`` moves with a timer (red under 6 h or overdue)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.now: datetime | None = None

    def columns(self):
        return (
            (_tr("Study id"), lambda c: c.study_id),
            (_tr("SAE"), lambda c: term_text(c.term)),
            (_tr("Report due (Oslo)"), lambda c: show_time(c.due_at)),
            (_tr("Remaining"), lambda c: remaining_text(c.remaining(self.now or utc_now()))),
        )

    def urgent(self, clock) -> bool:
        return clock.remaining(self.now or utc_now()) < URGENT

    def colours(self, row, column):
        return RED if self.urgent(row) else ("#6d4c00", "#fff4d6")

    def tick(self, now: datetime | None = None) -> None:
        """Move the clock (the remaining column changes)."""
        self.now = now
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


_CAUSALITY = {
    "not_related": QT_TRANSLATE_NOOP("visits", "not related"), "unlikely": QT_TRANSLATE_NOOP("visits", "unlikely"),
    "possible": QT_TRANSLATE_NOOP("visits", "possible"), "probable": QT_TRANSLATE_NOOP("visits", "probable"),
    "definite": QT_TRANSLATE_NOOP("visits", "definitely related"),
}
_OUTCOME = {
    "recovered": QT_TRANSLATE_NOOP("visits", "recovered"), "recovering": QT_TRANSLATE_NOOP("visits", "recovering"),
    "not_recovered": QT_TRANSLATE_NOOP("visits", "not recovered"),
    "recovered_with_sequelae": QT_TRANSLATE_NOOP("visits", "recovered with sequelae"),
    "fatal": QT_TRANSLATE_NOOP("visits", "fatal"), "unknown": QT_TRANSLATE_NOOP("visits", "unknown"),
}
_ACTION = {
    "none": QT_TRANSLATE_NOOP("visits", "none (dose not changed)"),
    "dose_delayed": QT_TRANSLATE_NOOP("visits", "dose delayed"),
    "dose_not_given": QT_TRANSLATE_NOOP("visits", "dose not given"),
    "withdrawn": QT_TRANSLATE_NOOP("visits", "study drug withdrawn"),
    "not_applicable": QT_TRANSLATE_NOOP("visits", "not applicable"), "unknown": QT_TRANSLATE_NOOP("visits", "unknown"),
}


def causality_text(code: str) -> str:
    return _tr(_CAUSALITY.get(code, code))


def outcome_text(code: str) -> str:
    return _tr(_OUTCOME.get(code, code))


def action_text(code: str) -> str:
    return _tr(_ACTION.get(code, code))


def sae_text(ae: dict, now: datetime | None = None) -> str:
    if not ae.get("serious"):
        return ""
    if ae.get("sae_reported_at"):
        return _tr("SAE · reported {at}").format(at=show_utc_iso(ae["sae_reported_at"]))
    due = vs.sae_due(ae)  # the service's deadline (a bad awareness time in the store never breaks the list)
    if due is None:
        return _tr("SAE · awareness time unreadable")
    return _tr("SAE · {left} (due {due})").format(left=remaining_text(due - (now or utc_now())), due=show_time(due))


class AdverseEventTableModel(ColouredRowModel):
    """Rows are AE dicts from :func:`services.visits.adverse_events` (with ``changed`` added by the widget)."""

    SERIOUS_COLUMN = 4

    def columns(self):
        return (
            (_tr("Onset"), lambda a: show_date(_date(a["onset_date"]))),
            (_tr("Term (CTCAE)"), lambda a: term_text(a["term"], a.get("other_specify"))),
            (_tr("Verbatim"), lambda a: a["verbatim"]),
            (_tr("Grade"), lambda a: a["grade"]),
            (_tr("Serious"), lambda a: sae_text(a) or _tr("no")),
            (_tr("Causality"), lambda a: causality_text(a["causality"])),
            (_tr("Outcome"), lambda a: outcome_text(a["outcome"])),
            (_tr("End"), lambda a: show_date(_date(a.get("end_date")))),
            (_tr("Changed"), lambda a: a.get("changed_text", "")),
        )

    def colours(self, row, column):
        if column != self.SERIOUS_COLUMN or not row.get("serious"):
            return None
        return GREEN if row.get("sae_reported_at") else RED


def _date(text):
    """A stored ISO date (None for an empty or unreadable one: a bad value in a store never breaks a list)."""
    from datetime import date

    try:
        return date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


class LabResultTableModel(ColouredRowModel):
    """Rows of :class:`services.visit_history.LabResultRecord`; masked values show only the safety text."""

    def columns(self):
        return (
            (_tr("Dose"), lambda r: r.dose_code or ""),
            (_tr("Sampled"), lambda r: show_utc_iso(r.view.sampled_at)),
            (_tr("Analyte"), lambda r: lab_symbol(r.view.analyte)),
            (_tr("Result"), self.result_text),
            (_tr("As entered"), self.entered_text),
            (_tr("Flag"), lambda r: {"L": _tr("L (low)"), "H": _tr("H (high)")}.get(r.view.flag or "", "")),
            (_tr("CTCAE"), lambda r: _tr("grade {g}").format(g=r.view.ctcae_grade) if r.view.ctcae_grade else ""),
            (_tr("Changed"), self.changed_text),
        )

    @staticmethod
    def result_text(r) -> str:
        if r.view.masked:
            return explain(r.view.safety)
        return display_value(r.view.analyte, r.view.value)

    @staticmethod
    def entered_text(r) -> str:
        if not r.view.entered:
            return ""
        value, _, unit = r.view.entered.rpartition(" ")
        return f"{value} {unit_label(unit)}"

    @staticmethod
    def changed_text(r) -> str:
        if not r.changes:
            return ""
        last = r.changes[-1]
        return _tr("✎ changed {at} by {who}: {reason}").format(at=last.at, who=last.username,
                                                              reason=last.reason)

    def colours(self, row, column):
        if column == 3 and not row.view.safety_ok:
            return RED
        if column == 5 and row.view.flag:
            return ("#6d4c00", "#fff4d6")
        return None


__all__ = ["AdverseEventTableModel", "LabResultTableModel", "SaeClockTableModel", "TimelineTableModel",
           "TodayTableModel", "action_text", "causality_text", "outcome_text", "remaining_text", "sae_text",
           "term_text", "vs"]
