"""The participant workspace: Overview (status, identity, consent, decision, calendar), Screening, the visit
tabs, Course (disposition), Medications, History. It calls the services and shows their errors where they belong."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain.people import User
from trialdesk.errors import ReasonRequired, TrialDeskError
from trialdesk.services import history as history_service
from trialdesk.services import participants as participants_service
from trialdesk.services import screening as screening_service
from trialdesk.services.inputs import show_date
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui.disposition.widget import CourseWidget
from trialdesk.ui.history.model import HistoryTableModel, signature_text
from trialdesk.ui.medications.widget import MedicationsWidget
from trialdesk.ui.i18n import error_text, signature_words
from trialdesk.ui.notices import OVERVIEW_TABLES, notices_for
from trialdesk.ui.participants.consent_dialog import ConsentDialog, ConsentValues
from trialdesk.ui.participants.model import status_text
from trialdesk.ui.participants.visits_model import PlannedVisitTableModel
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.screening.widget import ScreeningChecklistWidget
from trialdesk.ui.signature_dialog import SignatureDialog
from trialdesk.ui.visits.models import term_text
from trialdesk.ui.visits.tabs import VisitTabs
from trialdesk.ui.widgets import fit_columns, row_table, ui_language


class ParticipantWorkspace(QTabWidget):
    """Tabs for one participant at a time.

    Signals:
        changes_applied(object): a service changed data (a :class:`Changes`); the window reloads.
    """

    changes_applied = Signal(object)

    def __init__(self, store, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.participant_id: str | None = None
        self.study_id = ""
        self._build_overview()
        self.screening = ScreeningChecklistWidget()
        self.addTab(self.screening, self.tr("&Screening"))
        # Injections, Adverse events, Lab trends, Timeline (issue 5).
        self.visit_tabs = VisitTabs(store, user, self)
        # The course (disposition events and what each state allows) and concomitant medications (issue 11).
        # No Alt+letter of their own: every letter of their names is taken on another page already (the
        # injection page uses nearly all); Ctrl+Tab and Ctrl+PgDn reach them as every tab.
        self.course = CourseWidget(store, user)
        self.addTab(self.course, self.tr("Course"))
        self.medications = MedicationsWidget(store, user)
        self.addTab(self.medications, self.tr("Medications"))
        self._build_history()
        self._connect_signals()

    def unsaved_input(self) -> str | None:
        """What of this participant's tabs holds input not saved yet (None when nothing): the screening checklist
        and the dose visit are the forms typed into in place; everything else is entered in dialogs."""
        if self.screening.dirty:
            return self.tr("The screening checklist of {study_id} has unsaved input.").format(study_id=self.study_id)
        if self.visit_tabs.injections.has_unsaved_input():
            return self.tr("The dose visit of {study_id} has unsaved input.").format(study_id=self.study_id)
        return None

    # --- building -----------------------------------------------------------------------------------

    def _build_overview(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        box.addWidget(self.title)
        form = QFormLayout()
        self.status = QLabel()
        self.person = QLabel()
        self.identity = QLabel()
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.decision = QLabel()
        self.decision.setWordWrap(True)
        self.decision.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Participant:"), self.person)
        self.identity_label = QLabel(self.tr("Identity:"))
        form.addRow(self.identity_label, self.identity)
        form.addRow(self.tr("Consent:"), self.consent)
        form.addRow(self.tr("Eligibility:"), self.decision)
        box.addLayout(form)
        buttons = QHBoxLayout()
        self.consent_button = QPushButton(self.tr("Record &consent…"))
        self.screening_button = QPushButton(self.tr("Open screening chec&klist"))
        buttons.addWidget(self.consent_button)
        buttons.addWidget(self.screening_button)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print a document for this participant"))
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.print_button.setEnabled(allowed(self.user, Action.PRINT))
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        box.addWidget(QLabel("<b>" + self.tr("Visit calendar") + "</b>"))
        self.visits_model = PlannedVisitTableModel(self)
        self.visits = row_table(self.visits_model, self.tr("Visit calendar"))
        self.visits.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.visits_note = QLabel()
        box.addWidget(self.visits, 1)
        box.addWidget(self.visits_note)
        self.addTab(page, self.tr("&Overview"))

    def _build_history(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        self.history_model = HistoryTableModel(self)
        self.history = row_table(self.history_model, self.tr("History of changes"))
        self.history_note = QLabel()
        box.addWidget(self.history, 1)
        box.addWidget(self.history_note)
        self.history_page = page
        self._history_stale = True
        self.addTab(page, self.tr("&History"))

    def _connect_signals(self) -> None:
        self.consent_button.clicked.connect(self._on_consent_button_clicked)
        self.screening_button.clicked.connect(lambda: self.setCurrentWidget(self.screening))
        self.screening.save_requested.connect(self._on_screening_save_requested)
        self.screening.sign_requested.connect(self._on_screening_sign_requested)
        self.currentChanged.connect(self._on_currentChanged)
        self.print_menu.aboutToShow.connect(self._on_print_menu_aboutToShow)
        self.visit_tabs.changes_applied.connect(self._apply)
        self.course.changes_applied.connect(self._apply)
        self.medications.changes_applied.connect(self._apply)
        self.visit_tabs.contacts.medication_changes_reported.connect(self._on_medication_changes_reported)
        notices_for(self.store).changed.connect(self._on_store_changed)

    # --- printing -----------------------------------------------------------------------------------

    def print_documents(self) -> list[tuple[str, object, str]]:
        """(menu text, function building the PDF, file name) for what this participant has to print.

        The functions capture plain values, never widgets: they run on the worker thread.
        """
        from trialdesk.services import printing
        from trialdesk.services import visits as visits_service

        store, user, pid, sid, lang = self.store, self.user, self.participant_id, self.study_id, ui_language()
        docs = [
            (self.tr("Consent form for signature"),
             lambda: printing.consent_form(store, user, pid, language=lang), f"{sid}_consent.pdf"),
            (self.tr("Screening summary"),
             lambda: printing.screening_summary(store, user, pid, language=lang), f"{sid}_screening.pdf"),
        ]
        for row in visits_service.timeline(store, user, pid):
            if row.kind == "dose" and row.state == "done":
                label = row.label_nb if lang == "nb" else row.label_en
                docs.append((self.tr("Visit summary: {visit}").format(visit=label),
                             lambda code=row.code: printing.visit_summary(store, user, pid, code, language=lang),
                             f"{sid}_{row.code}_visit.pdf"))
        for contact in visits_service.contacts_calendar(store, user, pid):
            if contact.recorded is not None:  # a call not reached, done, missed with its reason, signed
                label = contact.label_nb if lang == "nb" else contact.label_en
                docs.append((self.tr("Contact summary: {visit}").format(visit=label),
                             lambda code=contact.code: printing.contact_summary(store, user, pid, code, language=lang),
                             f"{sid}_{contact.code}_contact.pdf"))
        for ae in visits_service.adverse_events(store, user, pid):
            if ae["serious"]:
                term = term_text(ae["term"], ae.get("other_specify"))
                docs.append((self.tr("SAE report: {term} ({onset})").format(term=term,
                                                                            onset=show_date(date.fromisoformat(ae["onset_date"]))),
                             lambda ae_id=ae["id"]: printing.sae_report(store, user, ae_id, language=lang),
                             f"{sid}_SAE_{ae['onset_date']}.pdf"))
        docs.append((self.tr("Casebook (every form, signature and change)"),
                     lambda: printing.casebook(store, user, pid, language=lang), f"{sid}_casebook.pdf"))
        return docs

    def _on_print_menu_aboutToShow(self) -> None:
        from trialdesk.ui.print_preview import show_print_preview

        self.print_menu.clear()
        if self.participant_id is None:
            return
        try:
            docs = self.print_documents()
        except TrialDeskError as exc:
            self.print_menu.addAction(error_text(exc)).setEnabled(False)
            return
        for text, make, name in docs:
            action = self.print_menu.addAction(text)
            action.triggered.connect(lambda _=False, make=make, name=name: show_print_preview(self, make, name))

    # --- showing ------------------------------------------------------------------------------------

    def show_participant(self, participant_id: str) -> None:
        """Load everything about ``participant_id`` (discards unsaved screening input)."""
        self.participant_id = participant_id
        self.reload()

    def reload(self) -> None:
        if self.participant_id is None:
            return
        self._reload_overview()
        self._reload_history()
        self.visit_tabs.show_participant(self.participant_id)
        self.course.show_participant(self.participant_id)
        self.medications.show_participant(self.participant_id)

    def _on_store_changed(self, changes) -> None:
        """Reload the overview and the history when the change is this participant's (the visit tabs
        listen for themselves)."""
        if not changes.touches_subject(self.participant_id):
            return
        if changes.touches(*OVERVIEW_TABLES):
            self._reload_overview()
        self._reload_history()

    def _reload_overview(self) -> None:
        p = participants_service.get_participant(self.store, self.user, self.participant_id)
        self.study_id = p.study_id
        self.title.setText(p.study_id)
        self.status.setText(status_text(p.status)
                            + (self.tr(" — included {date}").format(date=show_date(p.inclusion_date))
                               if p.inclusion_date else ""))
        sex = {"F": self.tr("woman"), "M": self.tr("man")}.get(p.sex or "", "")
        potential = ""
        if p.sex == "F":
            potential = (self.tr(", of childbearing potential") if p.childbearing_potential
                         else self.tr(", not of childbearing potential"))
        self.person.setText(self.tr("{sex}, born {born}{potential}").format(
            sex=sex, born=show_date(p.birth_date), potential=potential))
        see_identity = participants_service.may_view_identity(self.user)
        self.identity_label.setVisible(see_identity)
        self.identity.setVisible(see_identity)
        if see_identity:
            ident = participants_service.get_identity(self.store, self.user, p.id)
            self.identity.setText(self.tr("{name} · {number} · phone {phone} · GP {gp}").format(
                name=ident.full_name, number=ident.id_number, phone=ident.phone or "–", gp=ident.gp or "–")
                if ident else self.tr("not recorded"))
        consent = participants_service.latest_consent(self.store, self.user, p.id)
        if consent:
            self.consent.setText(self.tr(
                "form {version} ({language}); signed by the participant {p_date} and by the investigator "
                "{i_date}; obtained by {who}; copy given: {copy}").format(
                version=consent.form_version, language=consent.language,
                p_date=show_date(consent.participant_signed_on), i_date=show_date(consent.investigator_signed_on),
                who=consent.obtained_by_name, copy=self.tr("yes") if consent.copy_given else self.tr("no")))
        else:
            self.consent.setText(self.tr("not recorded — screening data can be saved only after consent."))
        self.consent_button.setVisible(allowed(self.user, Action.RECORD_CONSENT))
        self.consent_button.setEnabled(consent is None and p.status == "candidate")
        state = screening_service.load(self.store, self.user, p.id)
        self.decision.setText(self._decision_text(state))
        self.screening.set_state(
            state, may_edit=allowed(self.user, Action.EDIT_SCREENING) and consent is not None,
            may_judge=screening_service.may_judge(self.user),
            may_sign=allowed(self.user, Action.SIGN_ELIGIBILITY))
        visits = participants_service.planned_visits(self.store, self.user, p.id)
        self.visits_model.set_rows(visits)
        fit_columns(self.visits)
        self.visits.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.visits_note.setText("" if visits else self.tr("The calendar is created when the participant is enrolled."))

    def _decision_text(self, state) -> str:
        verdicts = {"eligible": self.tr("eligible"), "not_eligible": self.tr("not eligible"),
                    "incomplete": self.tr("incomplete")}
        live = self.tr("live verdict: {verdict}").format(verdict=verdicts[state.result.verdict])
        if state.decision is None:
            return live + self.tr(" · not signed")
        sig = state.signature
        signed = self.tr("signed decision: {verdict}").format(verdict=verdicts[state.decision.verdict])
        if state.decision.failed:
            signed += self.tr(" (failed: {ids})").format(ids=", ".join(state.decision.failed))
        if sig is not None and sig.valid:
            return f"{signed} — {signature_text(sig)}"
        return (f"{signed} — <span style='color:#b71c1c; font-weight:600'>"
                + self.tr("signature no longer valid: the checklist changed after signing; sign again")
                + "</span> · " + live)

    def _reload_history(self) -> None:
        """Reload the History tab now if it is shown, else when it is next shown: every change of the participant
        asks for it, and reading a long audit trail for a hidden tab made each save slower (issue 15)."""
        if self.currentWidget() is not self.history_page:
            self._history_stale = True
            return
        self._history_stale = False
        try:
            rows = history_service.history(self.store, self.user, self.participant_id, language=ui_language())
        except TrialDeskError as exc:
            self.history_model.set_rows([])
            self.history_note.setText(error_text(exc))
            return
        self.history_model.set_rows(list(reversed(rows)))
        self.history_note.setText(self.tr("{n} changes, newest first. Times are Oslo time.").format(n=len(rows)))
        # Fixed widths (measuring every row of a long history would stall the window) that leave the reason
        # in view at 1366×768; long values are elided, the full text is in the tooltip.
        header = self.history.horizontalHeader()
        for column, width in enumerate((200, 55, 150, 115, 85, 95)):  # "When" with its UTC offset
            header.resizeSection(column, width)

    def _on_currentChanged(self, index: int) -> None:
        if self.widget(index) is self.screening:
            self.screening.setFocus()
        if self.widget(index) is self.history_page and self._history_stale and self.participant_id:
            self._reload_history()

    # --- actions --------------------------------------------------------------------------------------

    def _on_medication_changes_reported(self, code: str) -> None:
        """A contact was saved with "medication changes: yes": the Medications tab, with the form for the new one
        (a change to or the end of a listed one is chosen there instead: the form can be cancelled)."""
        from trialdesk.services import visits as visits_service

        self.setCurrentWidget(self.medications)
        self.medications.show_participant(self.participant_id)  # the AE just recorded can be linked
        reported = visits_service.contact_record(self.store, self.user, self.participant_id, code).adverse_events
        if self.medications.new_button.isEnabled():  # the AE reported at this contact last, if any, chosen at first
            latest = max(reported, key=lambda ae: ae.get("created_at") or "", default=None)
            self.medications.new_medication(for_adverse_event=latest["id"] if latest else None)
        self.medications.table.setFocus()

    def _apply(self, changes) -> None:
        # The views reload from the store's notice; this passes on the service's result and its note.
        self.changes_applied.emit(changes)  # the window shows any note in its status bar

    def _on_consent_button_clicked(self) -> None:
        def submit(values: ConsentValues):
            return participants_service.record_consent(
                self.store, self.user, self.participant_id, form_version=values.form_version,
                language=values.language, participant_signed_on=values.participant_signed_on,
                investigator_signed_on=values.investigator_signed_on, copy_given=values.copy_given)

        changes = ConsentDialog.ask(self, submit, study_id=self.study_id, investigator=self.user.full_name)
        if changes is not None:
            self._apply(changes)

    def save_screening(self) -> bool:
        """Save the checklist; asks for a reason when saved data changes. True when saved."""
        widget = self.screening
        problems = widget.input_problems()
        if problems:
            widget.show_field_error(problems[0])
            return False
        entry, judgements = widget.entry(), widget.judgements()
        reason = None
        while True:
            try:
                changes = screening_service.save_screening(self.store, self.user, self.participant_id, entry,
                                                           judgements, reason=reason)
            except ReasonRequired:
                reason = ReasonDialog.ask(self, self.tr(
                    "You are changing screening data that was already saved or signed. Say why; the "
                    "reason is kept in the audit trail with the change."))
                if reason is None:
                    return False
                continue
            except TrialDeskError as exc:
                if not widget.show_field_error(exc):
                    QMessageBox.warning(self, self.tr("Screening not saved"), error_text(exc))
                return False
            break
        self._apply(changes)
        widget.saved_note.show_saved()
        return True

    def _on_screening_save_requested(self) -> None:
        self.save_screening()

    def _on_screening_sign_requested(self) -> None:
        if self.screening.dirty and not self.save_screening():
            return
        state = screening_service.load(self.store, self.user, self.participant_id)
        result = state.result
        if result.verdict == "incomplete":
            QMessageBox.warning(self, self.tr("Cannot sign"), self.tr(
                "The checklist is incomplete: {ids} still open.").format(ids=", ".join(result.missing)))
            return
        eligible = result.verdict == "eligible"
        meaning = screening_service.MEANING_ELIGIBLE if eligible else screening_service.MEANING_SCREEN_FAILURE
        if eligible:
            summary = self.tr("{study_id}: ELIGIBLE. Signing enrols the participant today and creates the "
                              "visit calendar.").format(study_id=self.study_id)
        else:
            summary = self.tr("{study_id}: NOT ELIGIBLE (failed: {ids}). Signing records a screen failure.").format(
                study_id=self.study_id, ids=", ".join(result.failed))

        def submit(values: tuple[str, str]):
            username, password = values
            return screening_service.sign_eligibility(self.store, self.user, self.participant_id,
                                                     username=username, password=password)

        changes = SignatureDialog.ask(self, submit, meaning=signature_words(meaning),
                                      attestation=signature_words(screening_service.ATTESTATION), summary=summary)
        if changes is not None:
            self._apply(changes)
            self.setCurrentIndex(0)
