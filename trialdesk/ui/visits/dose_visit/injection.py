"""Section 3 of a dose visit: the injection (administration, a signed override of a no-go, corrections, "not given");
adverse events at this visit are step 4 (``adverse_events.py``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.services import visit_history
from trialdesk.services import visits as vs
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui.explain import explain
from trialdesk.ui.i18n import error_text, signature_words
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.signature_dialog import SignatureDialog
from trialdesk.ui.visits.administration import AdministrationForm
from trialdesk.ui.visits.common import parse_time
from trialdesk.ui.visits.dose_visit.section import Section, change_lines, mark_changed
from trialdesk.ui.widgets import ui_language

ATTESTATION_OVERRIDE = ("I am the investigator responsible for this participant. I have reviewed every no-go "
                        "reason shown and decide that the dose is given; I sign this decision with my password.")


class InjectionSection(Section):
    """The administration form and what may be done with it for the verdict shown beside it.

    Signals:
        saved(str): the dose was recorded, corrected, or marked (or no longer marked) not given; the note says
            which (the visit reloads).
        correction_toggled(bool): the saved injection record was opened for a correction (True) or the
            correction cancelled (False).
    Attributes:
        correcting: the saved injection record is open for a correction.
    """

    saved = Signal(str)
    correction_toggled = Signal(bool)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("3 · Injection"))
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.dose_code: str | None = None
        self.record: vs.VisitRecord | None = None
        self.correcting = False
        box = self.box
        self.admin = AdministrationForm()
        box.addWidget(self.admin)
        self.admin_changes = QLabel()
        self.admin_changes.setWordWrap(True)
        self.admin_changes.setStyleSheet("color: #555;")
        self.admin_changes.setAccessibleName(self.tr("Corrections of the injection record"))
        box.addWidget(self.admin_changes)
        row = QHBoxLayout()
        self.missed_button = QPushButton(self.tr("Dose not given…"))
        self.correct_admin_button = self.admin.correct_button
        self.correct_admin_button.setText(self.tr("Correct injection record…"))
        row.addWidget(self.missed_button)
        row.addStretch(1)
        box.addLayout(row)
        self.chain = [*self.admin.chain, self.missed_button]
        self.admin.record_requested.connect(self.record_administration)
        self.missed_button.clicked.connect(self._on_missed_button_clicked)
        self.correct_admin_button.clicked.connect(self._on_correct_admin_button_clicked)

    # --- showing ----------------------------------------------------------------------------------------

    def show_visit(self, participant_id: str, dose_code: str, record: vs.VisitRecord | None, *, may_record: bool,
                   may_correct: bool) -> None:
        """Show the buttons for ``dose_code`` and who corrected its injection record; the form itself follows
        the verdict (:meth:`show_given`, :meth:`show_closed`, :meth:`show_blocked`, :meth:`show_verdict`)."""
        if (participant_id, dose_code) != (self.participant_id, self.dose_code):
            self.admin.saved_note.clear()
        self.participant_id, self.dose_code, self.record = participant_id, dose_code, record
        given = record is not None and record.state == "given"
        missed = record is not None and record.state in ("missed", "not_given")
        self.missed_button.setText(self.tr("Undo “not given”…") if missed else self.tr("Dose not given…"))
        self.missed_button.setEnabled(may_record and not given)
        self.correct_admin_button.setVisible(given and may_correct)
        self._show_admin_changes(given)

    def show_given(self, admin: dict | None, note: str) -> None:
        """The dose is recorded: the saved record, locked — or open for the correction being made."""
        self.admin.set_needs_window_reason(False)
        if self.correcting:  # what is typed into the correction stays
            self.admin.set_editable(True)
            self.admin.window_reason.setEnabled(False)
            self.admin.set_blocked(self.tr("Correcting the saved injection record: change what was wrong, then "
                                           "save with the reason."),
                                   button_text=self.tr("Save in&jection correction…"), enabled=True, warning=False)
            self.correct_admin_button.setText(self.tr("Cancel correction"))
            return
        self.admin.set_blocked(note, enabled=False, warning=False)
        self.admin.show_given(admin)
        self.correct_admin_button.setText(self.tr("Correct injection record…"))

    def show_closed(self, text: str) -> None:
        """No dose can be given (not enrolled, or past dosing): ``text`` says why."""
        self.admin.set_blocked(text, enabled=False)
        self.admin.show_given(None)
        self.admin.set_editable(False)

    def show_blocked(self, text: str) -> None:
        """The verdict could not be worked out; ``text`` is the reason."""
        self.admin.set_blocked(text, enabled=False)

    def show_verdict(self, verdict: str, may_record: bool) -> None:
        """What the form allows under ``verdict`` (go, needs_reason, no_go) for this user."""
        self.admin.show_given(None)
        self.admin.set_needs_window_reason(verdict == "needs_reason")
        if not may_record:
            self.admin.set_blocked(self.tr("Your role cannot record injections."), enabled=False)
        elif verdict == "no_go":
            if allowed(self.user, Action.OVERRIDE_NO_GO):
                self.admin.set_blocked(self.tr("NO-GO: only with your signed override and reason."),
                                       button_text=self.tr("Override NO-GO and record…"), enabled=True)
            else:
                self.admin.set_blocked(self.tr("NO-GO: a nurse cannot record this dose. Resolve the ✗ reasons, or "
                                               "ask the investigator, who can override with a signed reason."),
                                       enabled=False)
        else:
            self.admin.set_blocked(None)

    def _show_admin_changes(self, given: bool) -> None:
        """Who corrected which field of the injection record, when and why (also as the fields' tooltips)."""
        changes = visit_history.administration_changes(self.store, self.user, self.participant_id, self.dose_code,
                                                       language=ui_language()) if given else []
        lines, by_field = change_lines(changes)
        self.admin_changes.setText(self.tr("✎ Injection record changed: ") + "; ".join(lines) if lines else "")
        self.admin_changes.setVisible(bool(lines))
        boxes = {"kit_number": self.admin.kit_number, "lot": self.admin.lot, "started_at": self.admin.started_at,
                 "ended_at": self.admin.ended_at, "observation_until": self.admin.observation_until,
                 "injection_site": self.admin.site_left}
        for (name, when), edit in self.admin.vitals.items():
            boxes[f"{name}_{'pre' if when == 'before' else 'post'}"] = edit
        mark_changed(boxes, by_field)
        self.admin.site_right.setToolTip(self.admin.site_left.toolTip())

    def entered_start(self):
        """The injection start time typed into the form (Oslo time), or None while it is empty or unreadable."""
        try:
            return parse_time(self.admin.started_at.text(), field="started_at")
        except ValidationError:
            return None

    # --- saving -------------------------------------------------------------------------------------------

    def _on_correct_admin_button_clicked(self) -> None:
        self.correcting = not self.correcting
        self.admin.clear_errors()
        self.correction_toggled.emit(self.correcting)
        if self.correcting:
            self.admin.kit_number.setFocus()

    def save_administration_correction(self) -> bool:
        """Save the corrected injection record with a reason. True when saved; errors at the field, input kept."""
        self.admin.clear_errors()
        try:
            admin = self.admin.administration()
            vs.check_administration(admin)  # before asking the reason: a typo is shown at its field first
        except ValidationError as exc:
            self.admin.show_error(exc)
            return False
        reason = ReasonDialog.ask(self, self.tr("The injection record of {code} is being corrected. Say why; the "
                                                "old and new values and the reason are kept in the audit trail.")
                                  .format(code=self.dose_code))
        if reason is None:
            return False
        try:
            changed = vs.correct_administration(self.store, self.user, self.participant_id, self.dose_code, admin,
                                                reason)
        except TrialDeskError as exc:
            self.admin.show_error(exc)
            return False
        self.correcting = False
        self.admin.saved_note.show_saved(self.tr("correction of %n field(s)", "", len(changed)))
        self.saved.emit(self.tr("{code}: injection record corrected (%n field(s)).", "", len(changed)).format(
            code=self.dose_code))
        return True

    def record_administration(self) -> bool:
        """Record the injection; a no-go needs the investigator's reason and e-signature. True when recorded."""
        if self.correcting:
            return self.save_administration_correction()
        self.admin.clear_errors()
        try:
            admin = self.admin.administration()
        except ValidationError as exc:
            self.admin.show_error(exc)
            return False
        # The verdict at the injection time entered, as the service decides it (not at the moment of saving).
        status = vs.go_no_go(self.store, self.user, self.participant_id, self.dose_code, now=admin.started_at)
        window_reason = self.admin.window_reason.text().strip() or None
        if status.verdict == "no_go":
            if not allowed(self.user, Action.OVERRIDE_NO_GO):
                self.admin.show_error(ValidationError(
                    "No-go: only an investigator can override, with a signed reason."))
                return False
            problems = [explain(e) for e in status.problems]
            reason = ReasonDialog.ask(self, self.tr("NO-GO for {code}: {problems}\n\nWhy is the dose given anyway?")
                                      .format(code=self.dose_code, problems="; ".join(problems)))
            if reason is None:
                return False
            field_error: list[ValidationError] = []

            def submit(values):
                username, password = values
                try:
                    return vs.record_administration(
                        self.store, self.user, self.participant_id, self.dose_code, admin, window_reason=window_reason,
                        override_reason=reason, override_username=username, override_password=password)
                except ValidationError as exc:
                    if exc.field in (None, "username", "password"):
                        raise
                    field_error.append(exc)  # an input of the form: shown there, the dialog closes
                    return None

            verdict = SignatureDialog.ask(self, submit, meaning=signature_words(vs.MEANING_OVERRIDE),
                                          attestation=signature_words(ATTESTATION_OVERRIDE),
                                          summary=self.tr("{code}: {problems}. Reason: {reason}").format(
                                              code=self.dose_code, problems="; ".join(problems), reason=reason))
            if field_error:
                self.admin.show_error(field_error[0])
                return False
            if verdict is None:
                return False
        else:
            try:
                vs.record_administration(self.store, self.user, self.participant_id, self.dose_code, admin,
                                         window_reason=window_reason)
            except TrialDeskError as exc:
                self.admin.show_error(exc)
                return False
        self.admin.saved_note.show_saved(self.tr("{code} given").format(code=self.dose_code))
        self.saved.emit(self.tr("{code} recorded.").format(code=self.dose_code))
        self.finished.emit()
        return True

    def _on_missed_button_clicked(self) -> None:
        undo = self.record is not None and self.record.state in ("missed", "not_given")
        if undo:
            question = self.tr("{code} is recorded as NOT GIVEN. Open it again? Say why it was recorded by mistake.")
        else:
            question = self.tr("{code} will be recorded as NOT GIVEN. Say why.")
        reason = ReasonDialog.ask(self, question.format(code=self.dose_code))
        if reason is None:
            return
        try:
            if undo:
                vs.undo_missed(self.store, self.user, self.participant_id, self.dose_code, reason)
            else:
                vs.mark_missed(self.store, self.user, self.participant_id, self.dose_code, reason)
        except TrialDeskError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(exc))
            return
        note = self.tr("{code} is open again.") if undo else self.tr("{code} recorded as not given.")
        self.saved.emit(note.format(code=self.dose_code))
