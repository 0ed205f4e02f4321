"""Table models of the visit screens: timeline, today's list, open SAE clocks, AE log, saved lab results.

Every state is shown as text with a symbol; colour (Background/Foreground roles) only repeats it. A header that
names a record field, and a code's word, is the record registry's (``ui.record_words``); the others ("Window",
"State", "Remaining", "Changed" …) are the screen's own.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from trialdesk.clock import utc_now
from trialdesk.domain import ctcae
from trialdesk.domain.labs import unit_label
from trialdesk.services import visits as vs
from trialdesk.services.inputs import show_date
from trialdesk.services.screening import protocol
from trialdesk.ui.explain import explain
from trialdesk.ui.record_words import code_word, heading, yes_no
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.visits.common import (
    GREEN, RED, STATE_COLOURS, display_value, lab_symbol, show_time, show_utc_iso, state_text,
)
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("visits", text)  # noqa: E731
URGENT = timedelta(hours=6)


class ColouredRowModel(RowTableModel):
    """A :class:`RowTableModel` whose rows may carry (foreground, background) colours via ``colours(row)``."""

    _ANSWERED = RowTableModel._ANSWERED | {Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole}

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
            return _brush(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1])
        return super().data(index, role)


_BRUSHES: dict[str, QBrush] = {}


def _brush(colour: str) -> QBrush:
    """One brush per colour for every cell painted in it."""
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour))
    return brush


def _label(row) -> str:
    return row.label_nb if ui_language() == "nb" else row.label_en


class TimelineTableModel(ColouredRowModel):
    """Rows of :class:`services.visits.TimelineRow`: code, visit, target date, window, state, done."""

    STATE_COLUMN = 4

    def columns(self):
        return (
            (heading("planned_visits", "code"), lambda r: r.code),
            (heading("planned_visits", "label_en"), _label),
            (heading("planned_visits", "target_date"), lambda r: show_date(r.target)),
            (_tr("Window"), lambda r: f"{show_date(r.window_start)} – {show_date(r.window_end)}"),
            (_tr("State"), lambda r: state_text(r.state)),
            (heading("planned_visits", "done_on"), lambda r: show_date(r.done_on)),
        )

    def colours(self, row, column):
        return STATE_COLOURS.get(row.state) if column == self.STATE_COLUMN else None


def kind_text(kind: str) -> str:
    """A planned visit's kind as a word, a call marked with ☎ (who to call today)."""
    word = code_word("planned_visits", "kind", kind)
    return f"☎ {word}" if kind in vs.CALL_KINDS else word


def calls_text(count: int) -> str:
    """How many calls were made for a contact not reached yet (empty for none)."""
    return QCoreApplication.translate("visits", "%n call(s) not reached", "", count) if count else ""


class TodayTableModel(ColouredRowModel):
    """Rows of :class:`services.visits.DueRow`: who is due today (or overdue) — doses and every contact, its kind
    shown (☎ for the calls to make), the window end and the calls already made."""

    STATE_COLUMN = 4

    def columns(self):
        return (
            (heading("participants", "study_id"), lambda r: r.study_id),
            (heading("planned_visits", "label_en"), lambda r: f"{r.code} · {_label(r)}"),
            (heading("planned_visits", "kind"), lambda r: kind_text(r.kind)),
            (heading("planned_visits", "window_end"), lambda r: show_date(r.window_end)),
            (_tr("State"), lambda r: " · ".join(t for t in (state_text(r.state), calls_text(r.attempts)) if t)),
        )

    def colours(self, row, column):
        return STATE_COLOURS.get(row.state) if column == self.STATE_COLUMN else None


def contact_state_text(row) -> str:
    """A contact's calendar state with what was recorded: "● Due today · 2 call(s) not reached", "✗ Missed: …"."""
    parts = [state_text(row.state)]
    if row.recorded == "not_reached":
        parts.append(calls_text(row.attempts) or code_word("contacts", "state", "not_reached"))
    elif row.recorded == "open" and row.state != "done":
        parts.append(_tr("started, not complete"))
    if row.state == "missed" and row.missed_reason:
        parts.append(row.missed_reason)
    return " · ".join(parts)


class ContactCalendarTableModel(ColouredRowModel):
    """Rows of :class:`services.visits.ContactRow`: the participant's non-dose calendar (code, visit, kind, window,
    state with what was recorded, contact date)."""

    STATE_COLUMN = 4

    def columns(self):
        return (
            (heading("planned_visits", "code"), lambda r: r.code),
            (heading("planned_visits", "label_en"), _label),
            (heading("planned_visits", "kind"), lambda r: kind_text(r.kind)),
            (_tr("Window"), lambda r: f"{show_date(r.window_start)} – {show_date(r.window_end)}"),
            (_tr("State"), contact_state_text),
            (heading("contacts", "contact_date"), lambda r: show_date(r.contact_date) if r.recorded else ""),
        )

    def colours(self, row, column):
        return STATE_COLOURS.get(row.state) if column == self.STATE_COLUMN else None


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
            (heading("participants", "study_id"), lambda c: c.study_id),
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
        self.forget_texts()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


def causality_text(code: str) -> str:
    return code_word("adverse_events", "causality", code)


def outcome_text(code: str) -> str:
    return code_word("adverse_events", "outcome", code)


def action_text(code: str) -> str:
    return code_word("adverse_events", "action_taken", code)


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
    LIVE_COLUMNS = frozenset({SERIOUS_COLUMN})  # "SAE · 5 h left" moves with the clock

    def columns(self):
        return (
            (heading("adverse_events", "onset_date"), lambda a: show_date(_date(a["onset_date"]))),
            (heading("adverse_events", "term"), lambda a: term_text(a["term"], a.get("other_specify"))),
            (heading("adverse_events", "verbatim"), lambda a: a["verbatim"]),
            (heading("adverse_events", "grade"), lambda a: a["grade"]),
            (heading("adverse_events", "serious"), lambda a: sae_text(a) or yes_no(False)),
            (heading("adverse_events", "causality"), lambda a: causality_text(a["causality"])),
            (heading("adverse_events", "outcome"), lambda a: outcome_text(a["outcome"])),
            (heading("adverse_events", "end_date"), lambda a: show_date(_date(a.get("end_date")))),
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
            (heading("dose_visits", "dose_code"), lambda r: r.dose_code or ""),
            (heading("lab_samples", "sampled_at"), lambda r: show_utc_iso(r.view.sampled_at)),
            (heading("lab_results", "analyte"), lambda r: lab_symbol(r.view.analyte)),
            (_tr("Result"), self.result_text),  # the value in the analyte's display unit, or the safety text
            (heading("lab_results", "entered_value"), self.entered_text),
            (heading("lab_results", "flag"), lambda r: code_word("lab_results", "flag", r.view.flag)),
            (heading("lab_results", "ctcae_grade"), lambda r: r.view.ctcae_grade or ""),
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


__all__ = ["AdverseEventTableModel", "ContactCalendarTableModel", "LabResultTableModel", "SaeClockTableModel",
           "TimelineTableModel", "TodayTableModel", "action_text", "calls_text", "causality_text",
           "contact_state_text", "kind_text", "outcome_text", "remaining_text", "sae_text", "term_text", "vs"]
