"""The visit tabs of the participant workspace (Injections, Contacts & follow-ups, Adverse events, Lab trends,
Timeline) and the AE actions: record (optionally at a dose visit), change with a reason, mark an SAE reported."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from trialdesk.clock import local_today
from trialdesk.domain.dates import age_on
from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.services import disposition
from trialdesk.services import participants as participants_service
from trialdesk.services import visit_history
from trialdesk.services import visits as vs
from trialdesk.services.participants import Changes
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui.i18n import error_text
from trialdesk.ui.notices import (
    AE_TABLES,
    DOSE_VISIT_TABLES,
    TIMELINE_TABLES,
    TREND_TABLES,
    notices_for,
)
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.record_words import record_label
from trialdesk.ui.visits.adverse_events import AdverseEventDialog, AdverseEventLogWidget
from trialdesk.ui.visits.contacts import ContactsWidget
from trialdesk.ui.visits.dose_visit import DoseVisitWidget
from trialdesk.ui.visits.models import term_text
from trialdesk.ui.visits.timeline import TimelineWidget
from trialdesk.ui.visits.today import SaeBanner
from trialdesk.ui.visits.trend import LabTrendWidget
from trialdesk.ui.widgets import ui_language


class VisitTabs(QObject):
    """Adds the visit tabs to ``tabs`` (the participant workspace) and keeps them loaded.

    Signals:
        changes_applied(object): a :class:`Changes` after any save (the workspace passes it on).
    Attributes:
        injections, contacts, adverse_events, trend, timeline: the tab widgets; ``sae_banners`` the participant's
        SAE clocks shown on the Injections, Contacts and Adverse events tabs.
    """

    changes_applied = Signal(object)

    def __init__(self, store, user, tabs: QTabWidget):
        super().__init__(tabs)
        self.store, self.user, self.tabs = store, user, tabs
        self.participant_id: str | None = None
        self._stale: set[QWidget] = set()  # pages to load when next shown
        self._wanted_dose: str | None = None  # the dose the Injections page opens at when it is next loaded
        self.injections = DoseVisitWidget(store, user)
        self.injections_page = self._with_banner(self.injections)
        self.contacts = ContactsWidget(store, user)
        self.contacts_page = self._with_banner(self.contacts)
        self.adverse_events = AdverseEventLogWidget()
        self.ae_page = self._with_banner(self.adverse_events)
        self.trend = LabTrendWidget(store, user)
        self.timeline = TimelineWidget(store, user)
        tabs.addTab(self.injections_page, self.tr("&Injections"))
        contacts_index = tabs.addTab(self.contacts_page, self.tr("Follow-ups"))
        tabs.setTabToolTip(contacts_index, self.tr("Phone follow-ups, doctor consultations, end of study and "
                                                   "long-term follow-ups"))
        ae_index = tabs.addTab(self.ae_page, self.tr("&AEs"))
        tabs.setTabToolTip(ae_index, record_label("adverse_events"))
        tabs.addTab(self.trend, self.tr("Lab &trends"))
        tabs.addTab(self.timeline, self.tr("Time&line"))
        # Ten tabs at 1366×768 in either language: short names (the whole name as the tooltip), never elided
        # ("Injeks…", "Tid…" could not be told apart); should a narrower window not hold them, arrows scroll.
        tabs.setElideMode(Qt.TextElideMode.ElideNone)
        tabs.setUsesScrollButtons(True)
        self.injections.changes_applied.connect(self.changes_applied.emit)
        self.contacts.saved.connect(self._apply)
        notices_for(store).changed.connect(self._on_store_changed)
        self.injections.ae_requested.connect(self.new_adverse_event)
        self.adverse_events.new_requested.connect(lambda: self.new_adverse_event(None))
        self.adverse_events.edit_requested.connect(self.edit_adverse_event)
        self.adverse_events.reported_requested.connect(self.mark_reported)
        tabs.currentChanged.connect(self._on_tab_shown)

    def _with_banner(self, widget: QWidget) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        banner = SaeBanner(self.store, self.user, compact=True)
        banner.open_requested.connect(lambda *_: self.tabs.setCurrentWidget(self.ae_page))
        box.addWidget(banner)
        box.addWidget(widget, 1)
        self.sae_banners = getattr(self, "sae_banners", []) + [banner]
        self._banner_of = {**getattr(self, "_banner_of", {}), page: banner}
        return page

    # --- loading: the page shown now, the others when they are next shown ---------------------------------------
    # Opening a participant loaded all five pages, and every change reloaded the hidden ones too: a third of the
    # time to open a participant at 5,000 participants (issue 15). A hidden page is marked stale and loaded when it
    # is shown (the tab's ``currentChanged``), so what a person sees is never older than the store.

    def _loaders(self):
        return {self.injections_page: self._load_injections, self.contacts_page: self._reload_contacts,
                self.ae_page: self._reload_adverse_events, self.trend: self._reload_trend,
                self.timeline: self._reload_timeline}

    def _ask(self, page: QWidget) -> None:
        """Load ``page`` now if it is the tab shown, else when it is shown next."""
        if self.tabs.currentWidget() is page:
            self._stale.discard(page)
            self._loaders()[page]()
        else:
            self._stale.add(page)

    def _on_tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page in self._stale and self.participant_id is not None:
            self._stale.discard(page)
            self._loaders()[page]()

    def _load_injections(self) -> None:
        dose_code, self._wanted_dose = self._wanted_dose, None
        self.injections.show_participant(self.participant_id, dose_code)
        self._banner_of[self.injections_page].reload(self.participant_id)

    def show_participant(self, participant_id: str, dose_code: str | None = None) -> None:
        self.participant_id = participant_id
        self._wanted_dose = dose_code
        self._ask(self.injections_page)
        self.reload(injections=False)

    def open_dose(self, participant_id: str, dose_code: str) -> None:
        """Show ``dose_code`` of the participant on the Injections tab (from the Today list)."""
        self.show_participant(participant_id, dose_code)
        self.tabs.setCurrentWidget(self.injections_page)
        self.injections.start()

    def open_contact(self, participant_id: str, visit_code: str) -> None:
        """Show contact ``visit_code`` of the participant on the Contacts tab (from the Today list)."""
        if participant_id != self.participant_id:
            self.show_participant(participant_id)
        self.tabs.setCurrentWidget(self.contacts_page)
        self.contacts.select(visit_code)
        self.contacts.table.setFocus()

    def reload(self, injections: bool = True) -> None:
        if self.participant_id is None:
            return
        if injections:
            self._ask(self.injections_page)
        for page in (self.contacts_page, self.ae_page, self.trend, self.timeline):
            self._ask(page)

    def _on_store_changed(self, changes) -> None:
        """Reload what the change touches of this participant (the dose visit, the AE log, the trend …): the page
        shown at once, the others when they are shown."""
        if not changes.touches_subject(self.participant_id):
            return
        if changes.touches(*DOSE_VISIT_TABLES):
            if self.tabs.currentWidget() is self.injections_page:
                self.injections.notice()  # after the handler that wrote (widget.py says why)
            else:
                self._stale.add(self.injections_page)
        if changes.touches(*AE_TABLES):
            self._ask(self.ae_page)  # the log and its SAE banner
            if changes.touches("adverse_events"):  # the SAE clocks (a change of the participant's row leaves them)
                for page in (self.injections_page, self.contacts_page):
                    self._reload_banner(page)
        if changes.touches(*TREND_TABLES, "participants"):
            self._ask(self.trend)
        if changes.touches(*TIMELINE_TABLES):
            self._ask(self.timeline)

    def _reload_banner(self, page: QWidget) -> None:
        if self.tabs.currentWidget() is page:
            self._banner_of[page].reload(self.participant_id)
        else:
            self._stale.add(page)

    def _participant(self):
        return participants_service.get_participant(self.store, self.user, self.participant_id)

    def _reload_adverse_events(self) -> None:
        self._stale.discard(self.ae_page)  # loaded now, also when asked for while hidden (a new AE selected)
        pid = self.participant_id
        rows = vs.adverse_events(self.store, self.user, pid)
        all_changes = visit_history.adverse_events_changes(self.store, self.user, pid, [row["id"] for row in rows],
                                                           language=ui_language())
        for row in rows:
            changes = all_changes[row["id"]]
            if changes:
                last = changes[-1]
                row["changed_text"] = self.tr("✎ {at} by {who}: {reason}").format(
                    at=last.at, who=last.username, reason=last.reason)
        may_record = (allowed(self.user, Action.RECORD_AE) and self._participant().status != "candidate"
                      and disposition.refusal_of(self.store, self.user, pid, disposition.Activity.ADVERSE_EVENT) is None)
        self.adverse_events.set_rows(rows, may_record)
        self._banner_of[self.ae_page].reload(self.participant_id)

    def _reload_contacts(self) -> None:
        self.contacts.show_participant(self.participant_id, self._participant().inclusion_date is not None)
        self._banner_of[self.contacts_page].reload(self.participant_id)

    def _reload_trend(self) -> None:
        p = self._participant()
        self.trend.show_participant(p.id, p.sex, age_on(p.birth_date, local_today()) if p.birth_date else None)

    def _reload_timeline(self) -> None:
        p = self._participant()
        self.timeline.show_participant(p.id, p.inclusion_date is not None)

    def _apply(self, note: str) -> None:
        # The views reloaded from the store's notice of what was written; this carries the note.
        self.injections.flush_notice()
        self.changes_applied.emit(Changes.of(self.store, self.participant_id, note))

    # --- adverse events -----------------------------------------------------------------------------------

    def new_adverse_event(self, dose_code: str | None = None) -> bool:
        pid = self.participant_id

        def submit(ae: vs.AdverseEventInput):
            return vs.record_adverse_event(self.store, self.user, pid, ae, dose_code=dose_code)

        ae_id = AdverseEventDialog.ask(self.tabs, submit)
        if ae_id is None:
            return False
        self._apply(self.tr("Adverse event recorded."))
        self._show_ae_saved(ae_id, dose_code)
        return True

    def _show_ae_saved(self, ae_id: str, dose_code: str | None) -> None:
        """Where the adverse event was asked for: "✓ Saved 10:42 · Fever, grade 2" beside its button; the
        log (reloaded from the store's notice) has it as its current row."""
        self._reload_adverse_events()
        self.adverse_events.select(ae_id)
        ae = self.adverse_events.current()
        detail = record_label("adverse_events")
        if ae is not None:
            detail = self.tr("{term}, grade {grade}").format(term=term_text(ae["term"], ae.get("other_specify")),
                                                             grade=ae["grade"])
        if dose_code is not None:
            self.injections.ae_saved(detail)
        self.adverse_events.saved_note.show_saved(detail)

    def edit_adverse_event(self, ae: dict) -> bool:
        def submit(values: vs.AdverseEventInput):
            reason = ReasonDialog.ask(self.tabs, self.tr(
                "You are changing a saved adverse event. Say why; the reason is kept in the audit trail."))
            if reason is None:
                raise ValidationError("Not saved: a change needs a reason.")
            vs.update_adverse_event(self.store, self.user, ae["id"], values, reason)
            return True

        if not AdverseEventDialog.ask(self.tabs, submit, initial=ae):
            return False
        self._apply(self.tr("Adverse event changed."))
        self._reload_adverse_events()
        self.adverse_events.select(ae["id"])
        self.adverse_events.saved_note.show_saved(self.tr("change"))
        return True

    def mark_reported(self, ae: dict) -> bool:
        answer = QMessageBox.question(self.tabs, self.tr("SAE reported"), self.tr(
            "Record that this serious adverse event was reported to the sponsor now? This stops its 24-hour clock."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            vs.mark_sae_reported(self.store, self.user, ae["id"])
        except TrialDeskError as exc:
            QMessageBox.warning(self.tabs, self.tr("Not saved"), error_text(exc))
            return False
        self._apply(self.tr("SAE marked reported."))
        return True
