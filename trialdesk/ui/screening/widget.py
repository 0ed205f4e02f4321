"""The screening checklist: facts on the left, every criterion I1–I8 and E1–E12 on the right,
a live verdict banner on top that follows every keystroke (a pure domain evaluation)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trialdesk.clock import local_today
from trialdesk.domain.eligibility import EligibilityResult
from trialdesk.domain.labs import unit_label
from trialdesk.domain.severity import Severity
from trialdesk.errors import ValidationError
from trialdesk.services import screening as screening_service
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.services.screening import Judgement, ScreeningEntry, ScreeningState
from trialdesk.ui.explain import explain
from trialdesk.ui.history.model import signature_text
from trialdesk.ui.i18n import error_text
from trialdesk.ui.widgets import FieldBox, SavedNote, YesNo, add_row, date_edit, ui_language

GREEN = ("#1b5e20", "#e8f5e9")
RED = ("#b71c1c", "#ffebee")
AMBER = ("#6d4c00", "#fff4d6")
GREY = ("#424242", "#eeeeee")


def _chip_style(colours: tuple[str, str]) -> str:
    fg, bg = colours
    return (f"color: {fg}; background: {bg}; border: 1px solid {fg}; border-radius: 3px; "
            "padding: 1px 6px; font-weight: 600;")


class CriterionRow(QFrame):
    """One criterion: id, the protocol's words, its status (colour and text) and explanation;
    judgement criteria add Yes/No (nothing preselected) and a note."""

    def __init__(self, criterion, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.criterion = criterion
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        ident = QLabel(f"<b>{criterion.id}</b>")
        ident.setFixedWidth(34)
        ident.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setMinimumWidth(118)
        self.status.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #444;")
        grid.addWidget(ident, 0, 0, 2, 1)
        grid.addWidget(self.text, 0, 1)
        grid.addWidget(self.status, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.explanation, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.answer: YesNo | None = None
        self.note: QLineEdit | None = None
        if criterion.needs_judgement:
            # Yes means the criterion's statement holds: say what that does (issue 13 item 5).
            if criterion.category == "exclusion":
                yes, no = self.tr("Yes — present, excludes"), self.tr("No — absent")
            else:
                yes, no = self.tr("Yes — met"), self.tr("No — not met, excludes")
            self.answer = YesNo(yes, no, self.tr("{cid} investigator's judgement").format(cid=criterion.id))
            self.note = QLineEdit()
            self.note.setPlaceholderText(self.tr("Note (optional)"))
            self.note.setAccessibleName(self.tr("Note on {cid}").format(cid=criterion.id))
            # The answers alone on their line (their words say what they mean): with a "Judgement:" label before
            # them the Bokmål line was wider than the panel at 1366×768 and pushed the badges out of view.
            self.answer.setToolTip(self.tr("Judgement:") + " " + text)
            grid.addWidget(self.answer, 2, 1, 1, 2)
            grid.addWidget(self.note, 3, 1, 1, 2)  # its own line: the answers say what they mean, at 1366×768 too

    def show_result(self, result, category: str) -> None:
        texts = {
            ("inclusion", "met"): (self.tr("✓ Met"), GREEN),
            ("inclusion", "failed"): (self.tr("✗ Not met"), RED),
            ("exclusion", "met"): (self.tr("✓ Absent"), GREEN),
            ("exclusion", "failed"): (self.tr("✗ Present"), RED),
        }
        if result.status == "missing":
            text, colours = self.tr("? Open"), AMBER
        elif result.status == "not_applicable":
            text, colours = self.tr("– Not applicable"), GREY
        else:
            text, colours = texts[(category, result.status)]
        self.status.setText(text)
        self.status.setStyleSheet(_chip_style(colours))
        self.status.setAccessibleName(self.tr("{cid} status: {text}").format(cid=self.criterion.id, text=text))
        self.explanation.setText(explain(result.explanation))
        if self.answer is not None:
            applicable = result.status != "not_applicable" or result.explanation.code.startswith("pregnancy")
            self.answer.setEnabled(applicable)
            self.note.setEnabled(applicable)


class ScreeningChecklistWidget(QWidget):
    """The whole screening form of one participant.

    Signals:
        save_requested: the user asked to save (button or Ctrl+S).
        sign_requested: the user asked to sign the decision.
        edited: any input changed (the form is then dirty).
    """

    save_requested = Signal()
    sign_requested = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.protocol = screening_service.protocol()
        self.language = ui_language()
        self.state: ScreeningState | None = None
        self._loading = False
        self.dirty = False
        self.boxes: dict[str, FieldBox] = {}
        self.rows: dict[str, CriterionRow] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setAccessibleName(self.tr("Eligibility verdict"))
        outer.addWidget(self.banner)

        body = QHBoxLayout()
        outer.addLayout(body, 1)
        body.addWidget(self._build_facts())
        body.addWidget(self._build_criteria(), 1)

        bottom = QHBoxLayout()
        self.signature_label = QLabel()
        self.signature_label.setWordWrap(True)
        self.signature_label.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton(self.tr("Sa&ve checklist"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.sign_button = QPushButton(self.tr("Si&gn decision…"))
        self.saved_note = SavedNote(self)  # "✓ Saved 10:42" where the checklist was saved (issue 13 point 2)
        bottom.addWidget(self.signature_label, 1)
        bottom.addWidget(self.saved_note)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.sign_button)
        outer.addLayout(bottom)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._connect_signals()

    # --- building ---------------------------------------------------------------------------------

    def _build_facts(self) -> QWidget:
        group = QGroupBox(self.tr("Screening facts"))
        group.setFixedWidth(400)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.participant_facts = QLabel()
        self.participant_facts.setWordWrap(True)
        form.addRow(self.participant_facts)
        placeholder = self.tr("dd.mm.yyyy")
        self.screening_date = date_edit(placeholder)
        self.ccc = YesNo(self.tr("Yes"), self.tr("No"), self.tr("Canadian Consensus Criteria met"))
        self.severity = QComboBox()
        self.severity.addItem(self.tr("— not recorded —"), None)
        labels = {"mild": self.tr("mild"), "mild_moderate": self.tr("mild/moderate"),
                  "moderate": self.tr("moderate (housebound)"), "moderate_severe": self.tr("moderate/severe"),
                  "severe": self.tr("severe (mainly bedridden)"),
                  "very_severe": self.tr("very severe (needs help with all ADL)")}
        for level in Severity:
            self.severity.addItem(labels[level.code], level.code)
        self.onset_date = date_edit(placeholder)
        self.onset_trigger = QComboBox()
        self.onset_trigger.addItem(self.tr("— not recorded —"), None)
        self.onset_trigger.addItem(self.tr("infection"), "infection")
        self.onset_trigger.addItem(self.tr("other immunological trigger"), "other_immunological")
        self.onset_trigger.addItem(self.tr("no defined trigger"), "none")
        self.pregnancy = QComboBox()
        self.pregnancy.addItem(self.tr("— not recorded —"), None)
        self.pregnancy.addItem(self.tr("negative"), "negative")
        self.pregnancy.addItem(self.tr("positive"), "positive")
        self.nk_value, self.nk_unit = QLineEdit(), self._unit_combo("NK")
        self.igg_value, self.igg_unit = QLineEdit(), self._unit_combo("IGG")
        for edit in (self.nk_value, self.igg_value):
            edit.setPlaceholderText(self.tr("value"))
        self.nk_unit.setAccessibleName(self.tr("NK unit"))
        self.igg_unit.setAccessibleName(self.tr("IgG unit"))
        rows = (
            ("screening_date", self.tr("Screening &date:"), self.screening_date, self.tr("Screening date"), None),
            ("canadian_criteria_met", self.tr("&Canadian criteria met:"), self.ccc,
             self.tr("Canadian Consensus Criteria met"), None),
            ("severity", self.tr("Severit&y:"), self.severity, self.tr("ME/CFS severity"), None),
            ("me_cfs_onset_date", self.tr("ME/CFS onset dat&e:"), self.onset_date, self.tr("ME/CFS onset date"), None),
            ("onset_trigger", self.tr("Onset t&rigger:"), self.onset_trigger, self.tr("Onset trigger"), None),
            ("pregnancy_test", self.tr("&Pregnancy test:"), self.pregnancy, self.tr("Pregnancy test"), None),
            ("nk", self.tr("N&K cells:"), self.nk_value, self.tr("NK cell count"), self.nk_unit),
            ("igg", self.tr("IgG (ser&um):"), self.igg_value, self.tr("Serum IgG"), self.igg_unit),
        )
        for name, label, widget, accessible, extra in rows:
            self.boxes[name] = add_row(form, label, widget, accessible, extra)
        return group

    def _unit_combo(self, analyte: str) -> QComboBox:
        combo = QComboBox()
        for unit in screening_service.lab_units(analyte):
            combo.addItem(unit_label(unit), unit)
        return combo

    def _build_criteria(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setSpacing(3)
        for category, title in (("inclusion", self.tr("Inclusion criteria (all must be met)")),
                                ("exclusion", self.tr("Exclusion criteria (none may be present)"))):
            heading = QLabel(f"<b>{title}</b>")
            box.addWidget(heading)
            for criterion in self.protocol.criteria:
                if criterion.category != category:
                    continue
                text = criterion.text_nb if self.language == "nb" else criterion.text_en
                row = CriterionRow(criterion, text)
                self.rows[criterion.id] = row
                box.addWidget(row)
        box.addStretch(1)
        scroll.setWidget(inner)
        self.criteria_scroll = scroll
        return scroll

    def _connect_signals(self) -> None:
        for edit in (self.screening_date, self.onset_date, self.nk_value, self.igg_value):
            edit.textChanged.connect(self._on_input_changed)
        for combo in (self.severity, self.onset_trigger, self.pregnancy, self.nk_unit, self.igg_unit):
            combo.currentIndexChanged.connect(self._on_input_changed)
        self.ccc.group.buttonToggled.connect(self._on_input_changed)
        for row in self.rows.values():
            if row.answer is not None:
                row.answer.group.buttonToggled.connect(self._on_input_changed)
                row.note.textChanged.connect(self._on_input_changed)
        self.screening_date.editingFinished.connect(lambda: self._check_date("screening_date"))
        self.onset_date.editingFinished.connect(lambda: self._check_date("me_cfs_onset_date"))
        self.nk_value.editingFinished.connect(lambda: self._check_lab("nk"))
        self.igg_value.editingFinished.connect(lambda: self._check_lab("igg"))
        self.nk_unit.currentIndexChanged.connect(lambda *_: self._check_lab("nk"))
        self.igg_unit.currentIndexChanged.connect(lambda *_: self._check_lab("igg"))
        self.save_button.clicked.connect(self.save_requested.emit)
        self.save_shortcut.activated.connect(self.save_requested.emit)
        self.sign_button.clicked.connect(self.sign_requested.emit)

    # --- state ------------------------------------------------------------------------------------

    def set_state(self, state: ScreeningState, *, may_edit: bool, may_judge: bool, may_sign: bool) -> None:
        """Show ``state`` (replacing any unsaved input)."""
        previous = getattr(self, "state", None)
        if previous is None or previous.participant.id != state.participant.id:
            self.saved_note.clear()
        self.state = state
        self._loading = True
        try:
            entry = state.entry
            self.screening_date.setText(show_date(entry.screening_date or (local_today() if not state.saved else None)))
            self.ccc.set_value(entry.canadian_criteria_met)
            self._set_combo(self.severity, entry.severity)
            self.onset_date.setText(show_date(entry.me_cfs_onset_date))
            self._set_combo(self.onset_trigger, entry.onset_trigger)
            self._set_combo(self.pregnancy, entry.pregnancy_test)
            self.nk_value.setText(entry.nk_text or "")
            self._set_combo(self.nk_unit, entry.nk_unit, fallback_first=True)
            self.igg_value.setText(entry.igg_text or "")
            self._set_combo(self.igg_unit, entry.igg_unit, fallback_first=True)
            for cid, row in self.rows.items():
                if row.answer is not None:
                    judged = state.judgements.get(cid, Judgement(None, ""))
                    row.answer.set_value(judged.answer)
                    row.note.setText(judged.note)
            for box in self.boxes.values():
                box.error.show_message(None)
        finally:
            self._loading = False
        p = state.participant
        sex = {"F": self.tr("Woman"), "M": self.tr("Man")}.get(p.sex or "", self.tr("sex not recorded"))
        potential = ""
        if p.sex == "F":
            potential = (self.tr(", of childbearing potential") if p.childbearing_potential
                         else self.tr(", not of childbearing potential"))
        consent = (self.tr("Consent complete {date}.").format(date=show_date(state.consent.investigator_signed_on))
                   if state.consent else self.tr("<b>No consent recorded:</b> screening data cannot be saved yet."))
        self.participant_facts.setText(self.tr("{sex}, born {born}{potential}. {consent}").format(
            sex=sex, born=show_date(p.birth_date), potential=potential, consent=consent))
        pregnancy_applies = p.sex == "F" and p.childbearing_potential is not False
        self.pregnancy.setEnabled(may_edit and pregnancy_applies)
        for name, box in self.boxes.items():
            box.field.setEnabled(may_edit and (name != "pregnancy_test" or pregnancy_applies))
        self.nk_unit.setEnabled(may_edit)
        self.igg_unit.setEnabled(may_edit)
        for row in self.rows.values():
            if row.answer is not None:
                row.answer.yes.setEnabled(may_judge)
                row.answer.no.setEnabled(may_judge)
                row.note.setReadOnly(not may_judge)
        self.save_button.setEnabled(may_edit)
        self.sign_button.setVisible(may_sign)
        self.dirty = False
        self._refresh()
        self._show_signature()

    @staticmethod
    def _set_combo(combo: QComboBox, value, fallback_first: bool = False) -> None:
        index = combo.findData(value) if value is not None else -1
        if index < 0 and value is not None:
            from trialdesk.domain.labs import normalise_unit

            index = combo.findData(normalise_unit(value))
        combo.setCurrentIndex(index if index >= 0 else 0)

    def entry(self) -> ScreeningEntry:
        """The form as a ScreeningEntry; a date that cannot be read counts as not recorded."""
        return ScreeningEntry(
            screening_date=self._date_or_none(self.screening_date),
            canadian_criteria_met=self.ccc.value(),
            severity=self.severity.currentData(),
            me_cfs_onset_date=self._date_or_none(self.onset_date),
            onset_trigger=self.onset_trigger.currentData(),
            pregnancy_test=self.pregnancy.currentData() if self.pregnancy.isEnabled() else None,
            nk_text=self.nk_value.text().strip() or None, nk_unit=self.nk_unit.currentData(),
            igg_text=self.igg_value.text().strip() or None, igg_unit=self.igg_unit.currentData(),
        )

    def judgements(self) -> dict[str, Judgement]:
        out = {}
        for cid, row in self.rows.items():
            if row.answer is not None:
                value, note = row.answer.value(), row.note.text().strip()
                if value is not None or note or cid in (self.state.judgements if self.state else {}):
                    out[cid] = Judgement(value, note)
        return out

    def input_problems(self) -> list[ValidationError]:
        """Dates that cannot be read (shown at their fields); saving waits until they are fixed."""
        problems = []
        for name in ("screening_date", "me_cfs_onset_date"):
            problem = self._check_date(name)
            if problem:
                problems.append(problem)
        return problems

    def show_field_error(self, exc: BaseException) -> bool:
        """Show ``exc`` under its field; False when it names no field of this form."""
        field = getattr(exc, "field", None)
        box = self.boxes.get(field)
        if box is None:
            return False
        box.error.show_message(error_text(exc))
        box.field.setFocus()
        return True

    @staticmethod
    def _date_or_none(edit: QLineEdit) -> date | None:
        try:
            return parse_date(edit.text())
        except ValidationError:
            return None

    def _check_date(self, name: str) -> ValidationError | None:
        edit = self.screening_date if name == "screening_date" else self.onset_date
        label = "screening date" if name == "screening_date" else "ME/CFS onset date"
        try:
            parse_date(edit.text(), field=name, label=label)
        except ValidationError as exc:
            self.boxes[name].error.show_message(error_text(exc))
            return exc
        self.boxes[name].error.show_message(None)
        return None

    def _check_lab(self, name: str) -> None:
        edit, unit, analyte = ((self.nk_value, self.nk_unit, "NK") if name == "nk"
                               else (self.igg_value, self.igg_unit, "IGG"))
        self.boxes[name].error.show_message(screening_service.lab_problem(analyte, edit.text(), unit.currentData()))

    # --- live verdict -------------------------------------------------------------------------------

    def _on_input_changed(self, *_: object) -> None:
        if self._loading:
            return
        self.dirty = True
        self._refresh()
        self._show_signature()
        self.edited.emit()

    def current_result(self) -> EligibilityResult | None:
        if self.state is None:
            return None
        return screening_service.preview(self.state.participant, self.state.consent, self.entry(),
                                         self.judgements())

    def _refresh(self) -> None:
        result = self.current_result()
        if result is None:
            return
        for r in result.results:
            self.rows[r.id].show_result(r, r.category)
        if result.verdict == "eligible":
            text = self.tr("✓ ELIGIBLE — every inclusion criterion is met and no exclusion criterion is present.")
            colours = GREEN
        elif result.verdict == "not_eligible":
            # Rich text for the line break, so every reason is escaped: "IgG 4,9 g/L < 5,0 g/L" lost its
            # "< 5,0 g/L" when Qt read it as the start of a tag.
            text = escape(self.tr("✗ NOT ELIGIBLE — not satisfied: {reasons}")).format(
                reasons=self._reasons(result, result.failed))
            if result.missing:
                text += "<br>" + escape(self.tr("Still open: {reasons}")).format(
                    reasons=self._reasons(result, result.missing))
            colours = RED
        else:
            text = escape(self.tr("? INCOMPLETE — still open: {reasons}")).format(
                reasons=self._reasons(result, result.missing))
            colours = AMBER
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setText(text if result.verdict != "eligible" else escape(text))
        self.banner.setStyleSheet(_chip_style(colours).replace("padding: 1px 6px", "padding: 6px 10px"))

    @staticmethod
    def _reasons(result: EligibilityResult, ids: tuple[str, ...]) -> str:
        """Every reason, compact: criteria with the same explanation are listed together."""
        groups: dict[str, list[str]] = {}
        for cid in ids:
            groups.setdefault(explain(result.result(cid).explanation), []).append(cid)
        return " · ".join(f"<b>{', '.join(cids)}</b>: {escape(why)}" for why, cids in groups.items())

    def _show_signature(self) -> None:
        state = self.state
        if state is None:
            return
        sig = state.signature
        if self.dirty:
            text = self.tr("Unsaved changes — save the checklist (Ctrl+S) before signing.")
        elif sig is None:
            text = self.tr("Not signed.")
        elif sig.valid:
            text = self.tr("✓ Signed: {who}").format(who=signature_text(sig))
        else:
            text = ("<span style='color:#b71c1c; font-weight:600'>" + self.tr(
                "✗ SIGNATURE NO LONGER VALID: the checklist changed after {who}. It must be signed again.")
                .format(who=signature_text(sig)) + "</span>")
        self.signature_label.setText(text)
        self.sign_button.setEnabled(bool(state.saved) and state.result.verdict != "incomplete"
                                    and (sig is None or not sig.valid or self.dirty))
