"""Table model of a participant's history (readable audit rows), times in Europe/Oslo."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from trialdesk.clock import LOCAL_TZ, parse_utc
from trialdesk.services.history import ACTION_TEXT, TABLE_TEXT, HistoryRow
from trialdesk.services.screening import protocol
from trialdesk.ui.i18n import signature_words
from trialdesk.ui.participants.model import status_text
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.visits.common import lab_symbol
from trialdesk.ui.visits.models import action_text, causality_text, outcome_text
from trialdesk.ui.widgets import local_dates, ui_language

_C = "HistoryTableModel"
_tr = lambda text: QCoreApplication.translate(_C, text)  # noqa: E731
OSLO = LOCAL_TZ
_UTC_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")

# Every table, action and field name (and the few value words) the history service produces, listed here so
# that the translation tool finds them; tests/ui/test_history_model.py fails when one is missing.
LABELS = (
    QT_TRANSLATE_NOOP("HistoryTableModel", "Participant"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Identity"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Consent"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Screening"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Judgement"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Eligibility decision"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Signature"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Visit calendar"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Dose visit"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Premedication"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Blood sample"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Blood result"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Injection"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Adverse event"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "entered"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "changed"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "deleted"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "study id"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "sex"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "birth date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "childbearing potential"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "status"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "inclusion date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "name"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "identity number"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "phone"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "GP"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "form version"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "language"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signed by participant"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signed by investigator"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "obtained by"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "copy given"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "screening date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Canadian criteria met"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "severity"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "ME/CFS onset date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "onset trigger"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "pregnancy test"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "NK as entered"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "NK unit"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "NK (×10^6/L)"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "IgG as entered"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "IgG unit"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "IgG (g/L)"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "answer"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "note"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "verdict"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "failed criteria"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "open criteria"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "protocol version"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "checklist hash"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signature"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "decided at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "meaning"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signed content hash"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signed at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signed by"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "user name"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signed record"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "signed record id"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "kind"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "visit"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "visit (nb)"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "target date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "window from"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "window to"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "done on"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "dose"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "visit date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "state"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "window reason"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "override reason"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "drug"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "given at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "sampled at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "context"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "analyte"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "value as entered"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "unit as entered"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "value (protocol unit)"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "protocol unit"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "flag"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "CTCAE term"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "CTCAE grade"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "read back"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "kit number"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "lot"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "injection site"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "started at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "ended at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "given by"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "observe until"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "BP systolic before"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "BP diastolic before"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "pulse before"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "temperature before"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "BP systolic after"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "BP diastolic after"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "pulse after"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "temperature after"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "verbatim term"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "other, specify"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "CTCAE version"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "onset date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "end date"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "grade"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "serious"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "SAE: death"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "SAE: life-threatening"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "SAE: hospitalisation"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "SAE: disability"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "SAE: congenital anomaly"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "SAE: important medical event"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "causality"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "action with study drug"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "outcome"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "aware at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "SAE reported at"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "yes"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "no"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "(hidden)"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "(masked)"),
)


def local_time(utc_text: str) -> str:
    """``2026-03-02T09:05:00.000000Z`` -> ``02.03.2026 10:05 +01:00`` (Europe/Oslo with its offset)."""
    moment: datetime = parse_utc(utc_text).astimezone(OSLO)
    offset = moment.strftime("%z")
    return moment.strftime("%d.%m.%Y %H:%M:%S ") + offset[:3] + ":" + offset[3:]


def signature_text(sig) -> str:
    """A signature as shown on screen: printed name, user id, Oslo time with offset, meaning."""
    when = local_time(sig.signed_at)
    meaning = signature_words(sig.meaning)
    return f"{sig.full_name} ({sig.username}), {when} — {meaning}"


class HistoryTableModel(RowTableModel):
    """Rows of :class:`HistoryRow`: when (local), who, what, field, old, new, why."""

    def columns(self):
        return (
            (_tr("When (Oslo time)"), lambda r: local_time(r.at)),
            (_tr("Who"), lambda r: r.username),
            (_tr("What"),
             lambda r: " ".join(x for x in (_tr(TABLE_TEXT.get(r.table, r.table)), record_text(r),
                                            _tr(ACTION_TEXT.get(r.action, r.action))) if x)),
            (_tr("Field"), lambda r: _tr(r.field)),
            (_tr("Old"), lambda r: value_text(r.old, r.column, r.table)),
            (_tr("New"), lambda r: value_text(r.new, r.column, r.table)),
            (_tr("Why"), lambda r: r.reason),
        )


def ae_term_text(key: str) -> str:
    """An AE term key as its name in the UI language (the key itself when the trial has no such term)."""
    try:
        term = protocol().ae_term(key)
    except KeyError:
        return key
    return term.term_nb if ui_language() == "nb" else term.term_en


def record_text(row: HistoryRow) -> str:
    """The row's record as people name it: ``D1 IGG`` -> ``D1 IgG``, ``D1 paracetamol`` -> ``D1 Paracetamol``."""
    dose, _, code = row.record.rpartition(" ")
    if row.table == "lab_results" and code in protocol().labs:
        return f"{dose} {lab_symbol(code)}".strip()
    if row.table == "adverse_events":
        return ae_term_text(row.record)
    if row.table == "premedications":
        names = {p.code: (p.label_nb if ui_language() == "nb" else p.label_en)
                 for p in protocol().pre_dose.premedication}
        return f"{dose} {names.get(code, code)}".strip()
    return row.record


# Stored codes shown as words, per column ("status" of a participant, "state" of a dose visit, ...).
_CODES = {
    "state": {"open": QT_TRANSLATE_NOOP("HistoryTableModel", "open"),
              "given": QT_TRANSLATE_NOOP("HistoryTableModel", "given"),
              "missed": QT_TRANSLATE_NOOP("HistoryTableModel", "not given (missed)"),
              "not_given": QT_TRANSLATE_NOOP("HistoryTableModel", "not given")},
    "verdict": {"go": QT_TRANSLATE_NOOP("HistoryTableModel", "GO"),
                "needs_reason": QT_TRANSLATE_NOOP("HistoryTableModel", "GO with reason (outside window)"),
                "no_go": QT_TRANSLATE_NOOP("HistoryTableModel", "NO-GO (overridden)"),
                "eligible": QT_TRANSLATE_NOOP("HistoryTableModel", "eligible"),
                "not_eligible": QT_TRANSLATE_NOOP("HistoryTableModel", "not eligible"),
                "incomplete": QT_TRANSLATE_NOOP("HistoryTableModel", "incomplete")},
    "injection_site": {"abdomen_left": QT_TRANSLATE_NOOP("HistoryTableModel", "abdomen left"),
                       "abdomen_right": QT_TRANSLATE_NOOP("HistoryTableModel", "abdomen right")},
    "pregnancy_test": {"negative": QT_TRANSLATE_NOOP("HistoryTableModel", "negative"),
                       "positive": QT_TRANSLATE_NOOP("HistoryTableModel", "positive")},
}
_DECIMAL = re.compile(r"-?\d+\.\d+")


def value_text(value: str, column: str = "", table: str = "") -> str:
    """A stored value as shown: UTC times in Oslo time, ISO dates as dd.mm.yyyy, decimals with a comma in
    Norwegian, codes (status, state, verdict, site, AE choices) and yes/no as words in the UI language."""
    if not value:
        return value
    if _UTC_STAMP.fullmatch(value):
        return local_time(value)
    if value in ("yes", "no", "(hidden)", "(masked)"):
        return _tr(value)
    if column == "status" and table == "participants":
        return status_text(value)
    words = {"causality": causality_text, "outcome": outcome_text, "action_taken": action_text}
    if column == "term" and table == "adverse_events":
        return ae_term_text(value)
    if column in words:
        return words[column](value)
    if value in _CODES.get(column, {}):
        return _tr(_CODES[column][value])
    if _DECIMAL.fullmatch(value) and ui_language() == "nb" and not column.endswith("version"):
        return value.replace(".", ",")
    return local_dates(value)


__all__ = ["HistoryRow", "HistoryTableModel", "LABELS", "local_time", "record_text", "signature_text", "value_text"]
