"""Table model of a participant's planned visit calendar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trialdesk.services.inputs import show_date
from trialdesk.ui.record_words import heading
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.widgets import ui_language

_tr = lambda text: QCoreApplication.translate("PlannedVisitTableModel", text)  # noqa: E731


class PlannedVisitTableModel(RowTableModel):
    """Rows of ``PlannedVisitRecord``: code, visit, target date, window, done."""

    def columns(self):
        nb = ui_language() == "nb"
        return (
            (heading("planned_visits", "code"), lambda v: v.code),
            (heading("planned_visits", "label_en"), lambda v: v.label_nb if nb else v.label_en),
            (heading("planned_visits", "target_date"), lambda v: show_date(v.target_date)),
            (_tr("Window"), lambda v: f"{show_date(v.window_start)} – {show_date(v.window_end)}"),
            (heading("planned_visits", "done_on"), lambda v: show_date(v.done_on) if v.done_on else ""),
        )
