"""The "Injections" tab: one dose visit at a time (D1–D5) — pre-dose blood results with read-back, blood
bank, pregnancy test, premedication, the go / no-go verdict, and the administration (with an
investigator's signed override of a no-go). It calls the services; dialogs only return values."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trialdesk.clock import local_today, parse_utc
from trialdesk.domain.dates import age_on
from trialdesk.domain.labs import unit_label
from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.services import participants as participants_service
from trialdesk.services import visit_history
from trialdesk.services import visits as vs
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.services.participants import Changes
from trialdesk.services.permissions import Action, allowed
from trialdesk.services.screening import protocol
from trialdesk.ui.explain import explain
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.i18n import error_text, signature_words
from trialdesk.ui.participants.model import status_text
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.signature_dialog import SignatureDialog
from trialdesk.ui.visits.administration import AdministrationForm
from trialdesk.ui.visits.common import (
    LOCAL_TZ,
    STATE_COLOURS,
    TimeField,
    chip_style,
    lab_symbol,
    parse_time,
    show_time,
    state_text,
)
from trialdesk.ui.visits.go_panel import GoNoGoPanel
from trialdesk.ui.visits.lab_entry import (
    LabEntryWidget,
    ReadBackDialog,
    read_back_items,
)
from trialdesk.ui.visits.models import LabResultTableModel
from trialdesk.ui.widgets import (
    FieldBox,
    FieldError,
    add_row,
    date_edit,
    row_table,
    ui_language,
)

ATTESTATION_OVERRIDE = ("I am the investigator responsible for this participant. I have reviewed every no-go "
                        "reason shown and decide that the dose is given; I sign this decision with my password.")


def entered_text(text: str) -> str:
    """A saved "value unit" as typed, with the unit as people read it: ``240 10^9/L`` -> ``240 ×10^9/L``."""
    value, _, unit = (text or "").rpartition(" ")
    return f"{value} {unit_label(unit)}" if value and unit else text


def first_dose_given(rows: list[vs.TimelineRow]) -> bool:
    return any(r.kind == "dose" and r.state == "done" for r in rows)


class LabCorrectionDialog(FormDialog):
    """A saved result corrected: its value and unit, and/or the time the sample was taken, with the reason
    (``submit`` saves; this never does). Values returned: (LabEntry or None when unchanged, new sample time or
    None when unchanged, reason)."""

    def __init__(self, submit, record: visit_history.LabResultRecord, parent: QWidget | None = None):
        super().__init__(submit, parent)
        lab = protocol().lab(record.view.analyte)
        self.record = record
        self.setWindowTitle(self.tr("Correct {symbol}").format(symbol=lab_symbol(lab.code)))
        shown = entered_text(record.view.entered) if not record.view.masked else self.tr("(masked for your role)")
        intro = QLabel(self.tr("{symbol} sampled {at}: saved value {value}. Correct what differs from the lab "
                               "report.").format(symbol=lab_symbol(lab.code),
                                                 at=show_time(parse_utc(record.view.sampled_at)), value=shown))
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.value = QLineEdit()
        self.unit = QComboBox()
        for unit in lab.accepted_units:
            self.unit.addItem(unit_label(unit), unit)
        self.saved_value, self.saved_unit = None, None
        if record.view.entered and not record.view.masked:
            self.saved_value, _, self.saved_unit = record.view.entered.rpartition(" ")
            self.value.setText(self.saved_value)
        else:
            self.value.setPlaceholderText(self.tr("empty: keep the saved value"))
        self.unit.setCurrentIndex(max(0, self.unit.findData(self.saved_unit or lab.display_unit)))
        self.sampled_at = TimeField()
        self.saved_moment = parse_utc(record.view.sampled_at).astimezone(LOCAL_TZ)
        self.sampled_at.setText(self.saved_moment.strftime("%d.%m.%Y %H:%M"))
        self.reason = QLineEdit()
        self.boxes[record.view.analyte] = add_row(self.form, self.tr("&Value:"), self.value,
                                                  self.tr("Corrected value"), extra=self.unit)
        self.unit.setAccessibleName(self.tr("Unit"))
        self.boxes["sampled_at"] = add_row(self.form, self.tr("&Sampled at:"), self.sampled_at,
                                           self.tr("Sample taken at (the whole sample)"))
        self.boxes["reason"] = add_row(self.form, self.tr("&Reason:"), self.reason, self.tr("Reason for change"))
        self.finish_layout()
        self.setMinimumWidth(500)
        self.value.setFocus()
        self.value.selectAll()

    @classmethod
    def ask(cls, parent, submit, record):
        dialog = cls(submit, record, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> tuple[vs.LabEntry | None, datetime | None, str]:
        text, unit = self.value.text().strip(), self.unit.currentData()
        entry = None if not text or (text, unit) == (self.saved_value, self.saved_unit) else vs.LabEntry(text, unit)
        moment = parse_time(self.sampled_at.text(), field="sampled_at", day=self.saved_moment.date())
        if moment is None:
            raise ValidationError("Enter when the sample was taken.", field="sampled_at")
        moved = moment if moment != self.saved_moment.replace(second=0, microsecond=0) else None
        return entry, moved, " ".join(self.reason.text().split())


class DoseVisitWidget(QWidget):
    """One participant's dose visits.

    Signals:
        changes_applied(object): a :class:`Changes` after every save (the window reloads its lists).
        ae_requested(str): "adverse event at this visit" (dose code); the workspace opens the AE dialog.
    Attributes:
        status: the last :class:`services.visits.DoseStatus` shown.
    """

    changes_applied = Signal(object)
    ae_requested = Signal(str)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.participant = None
        self.status: vs.DoseStatus | None = None
        self.record: vs.VisitRecord | None = None
        self.lab_records: list[visit_history.LabResultRecord] = []
        self._loading = False
        self.correcting = False  # the saved injection record is open for a correction
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.dose_label = QLabel(self.tr("&Dose:"))
        self.dose = QComboBox()
        self.dose.setAccessibleName(self.tr("Dose visit"))
        self.dose_label.setBuddy(self.dose)
        for d in protocol().schedule.doses:
            self.dose.addItem(f"{d.code} · {d.label_nb if ui_language() == 'nb' else d.label_en}", d.code)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.dose_label)
        top.addWidget(self.dose)
        top.addWidget(self.header, 1)
        outer.addLayout(top)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.sections = QVBoxLayout(inner)
        self.sections.setContentsMargins(0, 0, 6, 0)
        self._build_labs()
        self._build_pre_dose()
        self._build_administration()
        self.sections.addStretch(1)
        scroll.setWidget(inner)
        self.scroll = scroll
        body.addWidget(scroll, 1)
        self.go_panel = GoNoGoPanel()
        right = QScrollArea()
        right.setWidgetResizable(True)
        right.setFixedWidth(300)
        right.setFrameShape(QFrame.Shape.NoFrame)
        right.setWidget(self.go_panel)
        body.addWidget(right)
        self._set_tab_order()
        self._connect_signals()

    # --- building -------------------------------------------------------------------------------------

    def _group(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        group = QGroupBox(title)
        group.setStyleSheet("QGroupBox { font-weight: 600; } QGroupBox * { font-weight: normal; }")
        box = QVBoxLayout(group)
        box.setContentsMargins(6, 6, 6, 6)
        self.sections.addWidget(group)
        return group, box

    def _build_labs(self) -> None:
        group, box = self._group(self.tr("1 · Pre-dose blood results"))
        self.labs = LabEntryWidget()
        box.addWidget(self.labs)
        row = QHBoxLayout()
        self.labs_error = FieldError(self)
        self.save_labs_button = QPushButton(self.tr("Save &blood results…"))
        row.addWidget(self.labs_error, 1)
        row.addWidget(self.save_labs_button)
        box.addLayout(row)
        self.saved_labs_model = LabResultTableModel(self)
        self.saved_labs = row_table(self.saved_labs_model, self.tr("Saved blood results of this visit"))
        self.saved_labs.setMinimumHeight(90)
        self.saved_labs.setMaximumHeight(190)
        self.saved_labs_label = QLabel(self.tr("Saved results of this visit:"))
        self.saved_labs_label.setBuddy(self.saved_labs)
        box.addWidget(self.saved_labs_label)
        box.addWidget(self.saved_labs)
        corr = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct selected res&ult…"))
        self.corrections = QLabel()
        self.corrections.setWordWrap(True)
        self.corrections.setStyleSheet("color: #555;")
        corr.addWidget(self.corrections, 1)
        corr.addWidget(self.correct_button)
        box.addLayout(corr)

    def _build_pre_dose(self) -> None:
        group, box = self._group(self.tr("2 · Before the dose"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.pre_boxes: dict[str, FieldBox] = {}
        self.type_and_screen = date_edit(self.tr("dd.mm.yyyy"))
        self.alert_card = date_edit(self.tr("dd.mm.yyyy"))
        self.pregnancy = QComboBox()
        self.pregnancy.addItem(self.tr("— not done —"), None)
        self.pregnancy.addItem(self.tr("negative"), "negative")
        self.pregnancy.addItem(self.tr("positive"), "positive")
        self.pre_boxes["type_and_screen_on"] = add_row(form, self.tr("T&ype && screen:"), self.type_and_screen,
                                                       self.tr("Type and screen date"))
        self.pre_boxes["alert_card_on"] = add_row(form, self.tr("Alert &card given:"), self.alert_card,
                                                  self.tr("Alert card issued on"))
        self.pregnancy_label_text = self.tr("&Pregnancy test today:")
        self.pre_boxes["pregnancy_test"] = add_row(form, self.pregnancy_label_text, self.pregnancy,
                                                   self.tr("Pregnancy test today"))
        self.premeds: dict[str, TimeField] = {}
        for premed in protocol().pre_dose.premedication:
            edit = TimeField()
            name = premed.label_nb if ui_language() == "nb" else premed.label_en
            self.premeds[premed.code] = edit
            self.pre_boxes[premed.code] = add_row(
                form, self.tr("{drug} given at:").format(drug=name), edit,
                self.tr("{drug} given at").format(drug=name))
        box.addLayout(form)
        self.pre_changes = QLabel()
        self.pre_changes.setWordWrap(True)
        self.pre_changes.setStyleSheet("color: #555;")
        self.pre_changes.setAccessibleName(self.tr("Corrections of the pre-dose checks"))
        box.addWidget(self.pre_changes)
        row = QHBoxLayout()
        self.pre_error = FieldError(self)
        self.save_pre_button = QPushButton(self.tr("Sa&ve pre-dose checks"))
        row.addWidget(self.pre_error, 1)
        row.addWidget(self.save_pre_button)
        box.addLayout(row)

    def _build_administration(self) -> None:
        group, box = self._group(self.tr("3 · Injection"))
        self.admin = AdministrationForm()
        box.addWidget(self.admin)
        self.admin_changes = QLabel()
        self.admin_changes.setWordWrap(True)
        self.admin_changes.setStyleSheet("color: #555;")
        self.admin_changes.setAccessibleName(self.tr("Corrections of the injection record"))
        box.addWidget(self.admin_changes)
        row = QHBoxLayout()
        self.ae_button = QPushButton(self.tr("Lo&g adverse event at this visit…"))
        self.missed_button = QPushButton(self.tr("Dose not given…"))
        self.correct_admin_button = self.admin.correct_button
        self.correct_admin_button.setText(self.tr("Correct injection record…"))
        row.addWidget(self.ae_button)
        row.addWidget(self.missed_button)
        row.addStretch(1)
        box.addLayout(row)

    def _set_tab_order(self) -> None:
        # One explicit chain, set after every widget has its final parent (Qt moves b after a).
        chain = [self.dose, *self.labs.chain, self.save_labs_button, self.saved_labs, self.correct_button,
                 self.type_and_screen, self.alert_card, self.pregnancy, *self.premeds.values(), self.save_pre_button,
                 *self.admin.chain, self.ae_button, self.missed_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _connect_signals(self) -> None:
        self.dose.currentIndexChanged.connect(self._on_dose_currentIndexChanged)
        self.save_labs_button.clicked.connect(self.save_labs)
        self.correct_button.clicked.connect(self._on_correct_button_clicked)
        self.saved_labs.activated.connect(lambda *_: self._on_correct_button_clicked())
        self.saved_labs.selectionModel().currentRowChanged.connect(lambda *_: self._show_corrections())
        self.save_pre_button.clicked.connect(self.save_pre_dose)
        self.admin.record_requested.connect(self.record_administration)
        self.ae_button.clicked.connect(lambda: self.ae_requested.emit(self.dose_code))
        self.missed_button.clicked.connect(self._on_missed_button_clicked)
        self.correct_admin_button.clicked.connect(self._on_correct_admin_button_clicked)

    # --- showing ----------------------------------------------------------------------------------------

    @property
    def dose_code(self) -> str:
        return self.dose.currentData()

    def show_participant(self, participant_id: str, dose_code: str | None = None) -> None:
        """Load ``participant_id`` at ``dose_code`` (default: the first dose not yet given or missed)."""
        changed = participant_id != self.participant_id
        self.participant_id = participant_id
        if changed:
            self.labs.clear()
            self.admin.clear()
            self.correcting = False
        self.reload(dose_code=dose_code, choose_open=changed and dose_code is None)

    def reload(self, dose_code: str | None = None, choose_open: bool = False) -> None:
        if self.participant_id is None:
            return
        self.participant = participants_service.get_participant(self.store, self.user, self.participant_id)
        try:
            self.timeline = vs.timeline(self.store, self.user, self.participant_id) \
                if self.participant.inclusion_date else []
        except TrialDeskError:
            self.timeline = []
        if choose_open and dose_code is None:
            dose_code = next((r.code for r in self.timeline if r.kind == "dose" and r.state not in ("done", "missed")),
                             None)
        self._loading = True
        if dose_code:
            self.dose.setCurrentIndex(max(0, self.dose.findData(dose_code)))
        self._loading = False
        self._load_visit()

    def _on_dose_currentIndexChanged(self, *_: object) -> None:
        if not self._loading and self.participant_id:
            self.labs.clear()
            self.admin.clear()
            self.correcting = False
            self._load_visit()

    def _load_visit(self) -> None:
        p = self.participant
        code = self.dose_code
        # A calendar exists from enrolment on (also in follow-up, completed, withdrawn): what was recorded shows
        # and can be corrected; new doses only while enrolled or on treatment.
        has_calendar = p.inclusion_date is not None and bool(self.timeline)
        enrolled = p.status in ("enrolled", "on_treatment") and has_calendar
        row = next((r for r in self.timeline if r.code == code), None)
        if row is not None:
            fg, bg = STATE_COLOURS.get(row.state, ("#000", "#fff"))
            self.header.setText(self.tr("{study_id} · target {target} · window {start} – {end} · ").format(
                study_id=p.study_id, target=show_date(row.target), start=show_date(row.window_start),
                end=show_date(row.window_end)) + f"<span style='{chip_style((fg, bg))}'>{state_text(row.state)}</span>")
        else:
            self.header.setText(self.tr("{study_id}: not enrolled — no dose visits yet.").format(study_id=p.study_id))
        age = age_on(p.birth_date, local_today()) if p.birth_date else None
        masked = ({a for a, lab in protocol().labs.items() if lab.masked_after_first_dose}
                  if vs.is_blinded(self.user) and first_dose_given(self.timeline) else set())
        self.labs.set_person(p.sex, age, masked)
        self.record = vs.visit_record(self.store, self.user, p.id, code) if has_calendar else None
        self.lab_records = visit_history.lab_result_records(self.store, self.user, p.id, language=ui_language())
        self.saved_labs_model.set_rows([r for r in self.lab_records if r.dose_code == code])
        self.saved_labs.resizeColumnsToContents()
        self._show_corrections()
        bank = visit_history.blood_bank(self.store, self.user, p.id)
        self.type_and_screen.setText(show_date(bank.type_and_screen_on))
        self.alert_card.setText(show_date(bank.alert_card_on))
        pregnancy_applies = p.sex == "F" and p.childbearing_potential is not False
        self.pregnancy.setEnabled(pregnancy_applies)
        saved_test = self.record.pregnancy_test if self.record else None
        self.pregnancy.setCurrentIndex(max(0, self.pregnancy.findData(saved_test)))
        if not pregnancy_applies:
            self.pregnancy.setToolTip(self.tr("Not required for this participant."))
        for drug, edit in self.premeds.items():
            given = self.record.premedication.get(drug) if self.record else None
            edit.set_moment(given)
        may_record = allowed(self.user, Action.RECORD_DOSE) and enrolled
        may_labs = allowed(self.user, Action.RECORD_LABS) and enrolled
        for w in (self.save_labs_button, self.labs):
            w.setEnabled(may_labs)
        self.correct_button.setEnabled(allowed(self.user, Action.RECORD_LABS) and has_calendar)
        # New pre-dose facts while dosing is possible; corrections of saved ones later too.
        self.save_pre_button.setEnabled(may_record or (allowed(self.user, Action.RECORD_DOSE)
                                                        and self.record is not None and self.record.state != "open"))
        self.ae_button.setEnabled(allowed(self.user, Action.RECORD_AE) and enrolled)
        given = self.record is not None and self.record.state == "given"
        missed = self.record is not None and self.record.state in ("missed", "not_given")
        self.missed_button.setText(self.tr("Undo “not given”…") if missed else self.tr("Dose not given…"))
        self.missed_button.setEnabled(may_record and not given)
        self.correct_admin_button.setVisible(given and allowed(self.user, Action.RECORD_DOSE) and has_calendar)
        self._show_admin_changes(given)
        self._show_pre_dose_changes()
        self._refresh_status(enrolled, may_record, given)

    def _refresh_status(self, enrolled: bool, may_record: bool, given: bool) -> None:
        admin = self.record.administration if self.record else None
        if given:
            self.status = None
            verdict = self.record.verdict or ""
            note = self.tr("Given {at} by {who} · kit {kit} (verdict then: {verdict}).").format(
                at=show_time(parse_utc(admin["started_at"])), who=admin.get("given_by_name", ""),
                kit=admin["kit_number"], verdict=self.go_panel.verdict_text(verdict)[0]) if admin else ""
            extra = []
            if self.record.window_reason:
                extra.append(self.tr("Outside the window because: {reason}").format(reason=self.record.window_reason))
            if self.record.override_reason:
                extra.append(self.tr("NO-GO overridden by the investigator: {reason}").format(
                    reason=self.record.override_reason))
            self.go_panel.show_given(self.record.verdict, " ".join([note, *extra]))
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
            return
        if not enrolled:
            self.status = None
            if self.record is not None:  # enrolled once: follow-up, completed or withdrawn
                text = self.tr("{status}: no further doses are given.").format(
                    status=status_text(self.participant.status))
            else:
                text = self.tr("The participant is not enrolled: no dose can be given.")
            self.go_panel.show_status(None, text)
            self.admin.set_blocked(text, enabled=False)
            self.admin.show_given(None)
            self.admin.set_editable(False)
            return
        try:
            self.status = vs.go_no_go(self.store, self.user, self.participant_id, self.dose_code)
        except TrialDeskError as exc:
            self.status = None
            self.go_panel.show_status(None, error_text(exc))
            self.admin.set_blocked(error_text(exc), enabled=False)
            return
        self.go_panel.show_status(self.status)
        self.admin.show_given(None)
        verdict = self.status.verdict
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

    def _change_lines(self, changes) -> tuple[list[str], dict[str, list[str]]]:
        """Readable lines of corrections (all, and by field): when, who, field old → new, why. The audit reader
        words fields and values (registry labels, Oslo times with offset, codes as words)."""
        by_field: dict[str, list[str]] = {}
        lines = []
        for c in changes:
            line = self.tr("{at} {who}: {field} {old} → {new} — {reason}").format(
                at=c.at, who=c.username, field=c.label, old=c.old or self.tr("(empty)"),
                new=c.new or self.tr("(empty)"), reason=c.reason)
            lines.append(line)
            by_field.setdefault(c.field, []).append(line)
        return lines, by_field

    def _mark_changed(self, widgets: dict[str, QWidget], by_field: dict[str, list[str]]) -> None:
        for name, widget in widgets.items():
            text = "\n".join(by_field.get(name, ()))
            widget.setToolTip(self.tr("Changed: {changes}").format(changes=text) if text else "")

    def _show_pre_dose_changes(self) -> None:
        """Who replaced a saved blood-bank date, pregnancy test or premedication time, when and why."""
        changes = [c for cs in visit_history.pre_dose_changes(self.store, self.user, self.participant_id,
                                                              self.dose_code, language=ui_language()).values()
                   for c in cs]
        changes.sort(key=lambda c: c.when)
        lines, by_field = self._change_lines(changes)
        self.pre_changes.setText(self.tr("✎ Changed: ") + "; ".join(lines) if lines else "")
        self.pre_changes.setVisible(bool(lines))
        widgets: dict[str, QWidget] = {"type_and_screen_on": self.type_and_screen, "alert_card_on": self.alert_card,
                                       "pregnancy_test": self.pregnancy, **self.premeds}
        self._mark_changed(widgets, by_field)

    def _show_admin_changes(self, given: bool) -> None:
        """Who corrected which field of the injection record, when and why (also as the fields' tooltips)."""
        changes = visit_history.administration_changes(self.store, self.user, self.participant_id, self.dose_code,
                                                       language=ui_language()) if given else []
        lines, by_field = self._change_lines(changes)
        self.admin_changes.setText(self.tr("✎ Injection record changed: ") + "; ".join(lines) if lines else "")
        self.admin_changes.setVisible(bool(lines))
        boxes = {"kit_number": self.admin.kit_number, "lot": self.admin.lot, "started_at": self.admin.started_at,
                 "ended_at": self.admin.ended_at, "observation_until": self.admin.observation_until,
                 "injection_site": self.admin.site_left}
        for (name, when), edit in self.admin.vitals.items():
            boxes[f"{name}_{'pre' if when == 'before' else 'post'}"] = edit
        self._mark_changed(boxes, by_field)
        self.admin.site_right.setToolTip(self.admin.site_left.toolTip())

    def _show_corrections(self) -> None:
        index = self.saved_labs.currentIndex()
        record = self.saved_labs_model.row_at(index) if index.isValid() else None
        if record is None or not record.changes:
            self.corrections.setText("" if record is None else self.tr("{symbol}: not changed since entered.").format(
                symbol=lab_symbol(record.view.analyte)))
            return
        lines = []
        for c in record.changes:
            if c.field == "sampled_at":
                lines.append(self.tr("{at} {who}: sample time {old} → {new} — {reason}").format(
                    at=c.at, who=c.username, old=c.old, new=c.new, reason=c.reason))
            else:
                lines.append(self.tr("{at} {who}: {old} → {new} — {reason}").format(
                    at=c.at, who=c.username, old=c.old, new=c.new, reason=c.reason))
        self.corrections.setText(self.tr("History of {symbol}: ").format(symbol=lab_symbol(record.view.analyte))
                                 + "; ".join(lines))

    def _emit(self, note: str) -> None:
        self.changes_applied.emit(Changes(self.participant_id, frozenset({"visits"}), note=note))

    # --- saving -------------------------------------------------------------------------------------------

    def save_labs(self) -> bool:
        """Save the typed results (critical values read back first). True when saved."""
        self.labs.clear_errors()
        self.labs_error.show_message(None)
        try:
            entries = self.labs.entries()
            if not entries:
                raise ValidationError("Enter at least one result.")
            for analyte in entries:
                self.labs.check(analyte)
            sampled = self.labs.sampled()
        except ValidationError as exc:
            if not self.labs.show_error(exc):
                self.labs_error.show_message(error_text(exc))
            return False
        items = read_back_items(entries)
        confirmed: set[str] = set()
        if items:
            answer = ReadBackDialog.ask(self, items)
            if answer is None:
                return False
            confirmed = answer
        try:
            vs.record_pre_dose_labs(self.store, self.user, self.participant_id, self.dose_code, sampled_at=sampled,
                                    entries=entries, read_back=confirmed)
        except TrialDeskError as exc:
            if not self.labs.show_error(exc):
                self.labs_error.show_message(error_text(exc))
            return False
        self.labs.clear()
        self.reload()
        self._emit(self.tr("Blood results saved ({n}).").format(n=len(entries)))
        return True

    def _on_correct_button_clicked(self) -> None:
        index = self.saved_labs.currentIndex()
        record = self.saved_labs_model.row_at(index) if index.isValid() else None
        if record is None:
            self.labs_error.show_message(self.tr("Select a saved result to correct."))
            self.saved_labs.setFocus()
            return

        def submit(values):
            entry, moved, reason = values
            vs.correct_lab_result(self.store, self.user, record.id, entry, reason, sampled_at=moved)
            return True

        if LabCorrectionDialog.ask(self, submit, record):
            self.reload()
            self._emit(self.tr("Result corrected."))

    def save_pre_dose(self) -> bool:
        """Save blood-bank dates, the pregnancy test and premedication times that were entered or changed."""
        for box in self.pre_boxes.values():
            box.error.show_message(None)
        self.pre_error.show_message(None)
        p = self.participant
        reason: str | None = None
        try:
            ts = parse_date(self.type_and_screen.text(), field="type_and_screen_on", label="type & screen date")
            card = parse_date(self.alert_card.text(), field="alert_card_on", label="alert card date")
            premeds = {d: parse_time(e.text(), field=d) for d, e in self.premeds.items()}
        except ValidationError as exc:
            self._show_pre_error(exc)
            return False
        bank = visit_history.blood_bank(self.store, self.user, p.id)
        saved_premeds = self.record.premedication if self.record else {}
        saved_test = self.record.pregnancy_test if self.record else None
        test = self.pregnancy.currentData() if self.pregnancy.isEnabled() else None
        calls = []
        if (ts, card) != (bank.type_and_screen_on, bank.alert_card_on) and (ts or card):
            calls.append(lambda r: vs.record_blood_bank(self.store, self.user, p.id, type_and_screen_on=ts,
                                                        alert_card_on=card, reason=r))
        if test and test != saved_test:
            calls.append(lambda r: vs.record_pregnancy_test(self.store, self.user, p.id, self.dose_code, test,
                                                            reason=r))
        for drug, moment in premeds.items():
            if moment is not None and moment != saved_premeds.get(drug):
                calls.append(lambda r, d=drug, m=moment: vs.record_premedication(
                    self.store, self.user, p.id, self.dose_code, d, m, reason=r))
        if not calls:
            self.pre_error.show_message(self.tr("Nothing new to save."))
            return False
        done = 0
        for call in calls:
            while True:
                try:
                    call(reason)
                except ValidationError as exc:
                    if exc.field == "reason" and reason is None:
                        reason = ReasonDialog.ask(self, self.tr("A saved pre-dose value is being changed. Say why; "
                                                                "the reason is kept in the audit trail."))
                        if reason is not None:
                            continue
                    self._show_pre_error(exc)
                    self.reload_keep_pre(done)
                    return False
                except TrialDeskError as exc:
                    self._show_pre_error(exc)
                    self.reload_keep_pre(done)
                    return False
                done += 1
                break
        self.reload()
        self._emit(self.tr("Pre-dose checks saved."))
        return True

    def reload_keep_pre(self, done: int) -> None:
        """After a partial save the verdict is recomputed but typed inputs stay as they are."""
        if done:
            self._emit(self.tr("Some pre-dose checks saved."))
            self._refresh_status(True, allowed(self.user, Action.RECORD_DOSE),
                                 self.record is not None and self.record.state == "given")

    def _show_pre_error(self, exc: BaseException) -> None:
        field = getattr(exc, "field", None)
        if field in self.pre_boxes:
            self.pre_boxes[field].error.show_message(error_text(exc))
            self.pre_boxes[field].field.setFocus()
        else:
            self.pre_error.show_message(error_text(exc))

    def _on_correct_admin_button_clicked(self) -> None:
        self.correcting = not self.correcting
        self.admin.clear_errors()
        if self.correcting:
            self._refresh_status(True, allowed(self.user, Action.RECORD_DOSE), True)
            self.admin.kit_number.setFocus()
        else:
            self.reload()  # the saved values back in the fields

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
        self.reload()
        self._emit(self.tr("{code}: injection record corrected ({n} fields).").format(code=self.dose_code,
                                                                                      n=len(changed)))
        return True

    def record_administration(self) -> bool:
        """Record the injection; a no-go needs the investigator's reason and e-signature. True when recorded."""
        if self.correcting:
            return self.save_administration_correction()
        self.admin.clear_errors()
        self._loading = False
        try:
            admin = self.admin.administration()
        except ValidationError as exc:
            self.admin.show_error(exc)
            return False
        status = vs.go_no_go(self.store, self.user, self.participant_id, self.dose_code)
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
        self.reload()
        self._emit(self.tr("{code} recorded.").format(code=self.dose_code))
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
        self.reload()
        note = self.tr("{code} is open again.") if undo else self.tr("{code} recorded as not given.")
        self._emit(note.format(code=self.dose_code))
