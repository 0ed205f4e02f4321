"""The go / no-go column of a dose visit: the verdict beside the sections, and what it lets the injection form do."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from trialdesk.clock import parse_utc
from trialdesk.errors import TrialDeskError
from trialdesk.services import visits as vs
from trialdesk.ui.i18n import error_text
from trialdesk.ui.participants.model import status_text
from trialdesk.ui.visits.common import show_time
from trialdesk.ui.visits.dose_visit.injection import InjectionSection
from trialdesk.ui.visits.go_panel import GoNoGoPanel


class GoNoGoSection(QScrollArea):
    """The right-hand column: ``panel`` (a :class:`GoNoGoPanel`) with the verdict for the dose shown.

    Attributes:
        status: the last :class:`services.visits.DoseStatus` shown (None once given, or when there is no verdict).
    """

    def __init__(self, store, user, injection: InjectionSection, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.injection = injection
        self.status: vs.DoseStatus | None = None
        self.panel = GoNoGoPanel()
        self.setWidgetResizable(True)
        self.setFixedWidth(300)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(self.panel)
        self._shown: tuple | None = None  # the last refresh's arguments, to check again at a new start time
        # The verdict follows the injection time typed: the service decides at that time, not at saving.
        injection.admin.started_at.editingFinished.connect(self._on_started_at_editingFinished)

    def _on_started_at_editingFinished(self) -> None:
        if self._shown is not None:
            participant, dose_code, record, enrolled, may_record, given = self._shown
            if enrolled and not given:
                self.refresh(participant, dose_code, record, enrolled=enrolled, may_record=may_record, given=given)

    def refresh(self, participant, dose_code: str, record: vs.VisitRecord | None, *, enrolled: bool,
                may_record: bool, given: bool) -> None:
        """Work out the verdict for ``dose_code`` (unless given or not enrolled), show it, and set the form."""
        self._shown = (participant, dose_code, record, enrolled, may_record, given)
        admin = record.administration if record else None
        if given:
            self.status = None
            verdict = record.verdict or ""
            note = self.tr("Given {at} by {who} · kit {kit} (verdict then: {verdict}).").format(
                at=show_time(parse_utc(admin["started_at"])), who=admin.get("given_by_name", ""),
                kit=admin["kit_number"], verdict=self.panel.verdict_text(verdict)[0]) if admin else ""
            extra = []
            if record.window_reason:
                extra.append(self.tr("Outside the window because: {reason}").format(reason=record.window_reason))
            if record.override_reason:
                extra.append(self.tr("NO-GO overridden by the investigator: {reason}").format(
                    reason=record.override_reason))
            self.panel.show_given(record.verdict, " ".join([note, *extra]))
            self.injection.show_given(admin, note)
            return
        if not enrolled:
            self.status = None
            if record is not None:  # enrolled once: follow-up, completed or withdrawn
                text = self.tr("{status}: no further doses are given.").format(status=status_text(participant.status))
            else:
                text = self.tr("The participant is not enrolled: no dose can be given.")
            self.panel.show_status(None, text)
            self.injection.show_closed(text)
            return
        at = self.injection.entered_start()  # None until a start time is typed: then "now"
        try:
            self.status = vs.go_no_go(self.store, self.user, participant.id, dose_code, now=at)
        except TrialDeskError as exc:
            self.status = None
            self.panel.show_status(None, error_text(exc))
            self.injection.show_blocked(error_text(exc))
            return
        note = self.tr("Checked at the injection start entered: {at}.").format(at=show_time(at)) if at else None
        self.panel.show_status(self.status, note)
        self.injection.show_verdict(self.status.verdict, may_record)
