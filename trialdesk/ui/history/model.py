"""Table model of a participant's history (the audit reader's lines), times in Europe/Oslo."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from trialdesk.clock import LOCAL_TZ, parse_utc
from trialdesk.ui.i18n import signature_words
from trialdesk.ui.table_model import RowTableModel

_C = "HistoryTableModel"
_tr = lambda text: QCoreApplication.translate(_C, text)  # noqa: E731
OSLO = LOCAL_TZ

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
    """Rows of :class:`~trialdesk.services.audit_reader.Line` (already worded in the UI language by the audit
    reader): when (Oslo time), who, what, field, old, new, why."""

    def columns(self):
        return (
            (_tr("When (Oslo time)"), lambda r: r.at),
            (_tr("Who"), lambda r: r.username),
            (_tr("What"), lambda r: f"{r.record} {r.action}"),
            (_tr("Field"), lambda r: r.field),
            (_tr("Old"), lambda r: r.old),
            (_tr("New"), lambda r: r.new),
            (_tr("Why"), lambda r: r.reason),
        )


__all__ = ["HistoryTableModel", "local_time", "signature_text"]
