"""Table model of a participant's history (readable audit rows), times in Europe/Oslo."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from trialdesk.clock import parse_utc
from trialdesk.services.history import ACTION_TEXT, TABLE_TEXT, HistoryRow
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.widgets import local_dates

_tr = lambda text: QCoreApplication.translate("HistoryTableModel", text)  # noqa: E731
OSLO = ZoneInfo("Europe/Oslo")


def local_time(utc_text: str) -> str:
    """``2026-03-02T09:05:00.000000Z`` -> ``02.03.2026 10:05 +01:00`` (Europe/Oslo with its offset)."""
    moment: datetime = parse_utc(utc_text).astimezone(OSLO)
    offset = moment.strftime("%z")
    return moment.strftime("%d.%m.%Y %H:%M:%S ") + offset[:3] + ":" + offset[3:]


def signature_text(sig) -> str:
    """A signature as shown on screen: printed name, user id, Oslo time with offset, meaning."""
    when = local_time(sig.signed_at)
    meaning = QCoreApplication.translate("SignatureDialog", sig.meaning)
    return f"{sig.full_name} ({sig.username}), {when} — {meaning}"


class HistoryTableModel(RowTableModel):
    """Rows of :class:`HistoryRow`: when (local), who, what, field, old, new, why."""

    def columns(self):
        return (
            (_tr("When (Oslo time)"), lambda r: local_time(r.at)),
            (_tr("Who"), lambda r: r.username),
            (_tr("What"), lambda r: " ".join(x for x in (_tr(TABLE_TEXT.get(r.table, r.table)), r.record,
                                                         _tr(ACTION_TEXT.get(r.action, r.action))) if x)),
            (_tr("Field"), lambda r: _tr(r.field)),
            (_tr("Old"), lambda r: local_dates(r.old)),
            (_tr("New"), lambda r: local_dates(r.new)),
            (_tr("Why"), lambda r: r.reason),
        )


__all__ = ["HistoryRow", "HistoryTableModel", "local_time", "signature_text"]
