"""The administration form: kit number (a barcode scanner types it and presses Enter), lot, injection
site, times, observation and vital signs. No treatment arm anywhere: the kit number is all."""

from __future__ import annotations

from typing import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
    QVBoxLayout, QWidget,
)

from trialdesk.clock import parse_utc
from trialdesk.errors import ValidationError
from trialdesk.services import visits as vs
from trialdesk.domain import records
from trialdesk.domain.administration import INJECTION_SITES
from trialdesk.ui.i18n import error_text
from trialdesk.ui.record_words import capital, code_word, heading
from trialdesk.ui.visits.common import (
    EnterMovesOnLineEdit, TimeField, decimal_text, parse_float, parse_int, parse_time,
)
from trialdesk.ui.widgets import FieldBox, FieldError, SavedNote, add_row

VITALS = ("bp_sys", "bp_dia", "pulse", "temp")


def vital_column(name: str, when: str) -> str:
    """The ``administrations`` column of one vital sign: ``("pulse", "before")`` -> ``pulse_pre``."""
    return f"{name}_{'pre' if when == 'before' else 'post'}"


def vital_label(name: str, when: str) -> str:
    """The registry's label of one vital sign with its unit: ``Pulse before (/min)``."""
    column = vital_column(name, when)
    return f"{heading('administrations', column)} ({records.field_of('administrations', column).unit})"


class AdministrationForm(QWidget):
    """Inputs of :class:`services.visits.Administration`; ``record_requested`` when the button is pressed.

    Attributes:
        boxes: field name (as in ValidationError.field) -> :class:`FieldBox`.
        vitals: (name, "before"|"after") -> line edit; their errors show in ``vitals_error``.
    """

    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.boxes: dict[str, FieldBox] = {}
        self.kit_number = EnterMovesOnLineEdit()
        self.kit_number.setPlaceholderText(self.tr("scan the kit label or type it"))
        self.kit_number.setMaximumWidth(240)
        self.lot = EnterMovesOnLineEdit()
        self.lot.setMaximumWidth(240)
        site = QWidget()
        row = QHBoxLayout(site)
        row.setContentsMargins(0, 0, 0, 0)
        site_label = heading("administrations", "injection_site")
        left, right = INJECTION_SITES
        self.site_left = QRadioButton(capital(code_word("administrations", "injection_site", left)))
        self.site_right = QRadioButton(capital(code_word("administrations", "injection_site", right)))
        for button, code in ((self.site_left, left), (self.site_right, right)):
            button.setAccessibleName(f"{site_label}: {code_word('administrations', 'injection_site', code)}")
        self.site_group = QButtonGroup(self)
        self.site_group.addButton(self.site_left)
        self.site_group.addButton(self.site_right)
        row.addWidget(self.site_left)
        row.addWidget(self.site_right)
        row.addStretch(1)
        site.setFocusProxy(self.site_left)
        self.started_at = TimeField()
        self.ended_at = TimeField()
        minutes = vs.protocol().administration.observation_minutes
        self.observation_until = TimeField(placeholder=self.tr("hh:mm (the protocol asks for {minutes} min)").format(
            minutes=minutes) if minutes else self.tr("hh:mm"))
        self.window_reason = QLineEdit()
        self.window_reason.setPlaceholderText(self.tr("why the dose is given outside its window"))
        self.boxes["kit_number"] = add_row(form, self.tr("&Kit number:"), self.kit_number,
                                           heading("administrations", "kit_number"))
        self.boxes["lot"] = add_row(form, f"{heading('administrations', 'lot')}:", self.lot,
                                    heading("administrations", "lot"))
        self.boxes["injection_site"] = add_row(form, f"{site_label}:", site, site_label)
        self.boxes["started_at"] = add_row(form, self.tr("Sta&rt:"), self.started_at, self.tr("Injection started at"))
        self.boxes["ended_at"] = add_row(form, self.tr("&End:"), self.ended_at, self.tr("Injection ended at"))
        self.boxes["observation_until"] = add_row(form, f"{heading('administrations', 'observation_until')}:",
                                                  self.observation_until,
                                                  heading("administrations", "observation_until"))
        outer.addLayout(form)

        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        # Short column heads of the grid (each names a before/after pair); the unit is the registry's.
        heads = dict(zip(VITALS, (self.tr("BP sys"), self.tr("BP dia"), self.tr("Pulse"), self.tr("Temp"))))
        for c, name in enumerate(VITALS, start=1):
            unit = records.field_of("administrations", vital_column(name, "before")).unit
            grid.addWidget(QLabel(f"{heads[name]} ({unit})"), 0, c)
        self.vitals: dict[tuple[str, str], QLineEdit] = {}
        for r, (when, text) in enumerate((("before", self.tr("Vitals be&fore:")), ("after", self.tr("Vitals after:"))),
                                         start=1):
            label = QLabel(text)
            grid.addWidget(label, r, 0)
            for c, name in enumerate(VITALS, start=1):
                edit = QLineEdit()
                edit.setMaximumWidth(70)
                edit.setAccessibleName(vital_label(name, when))
                self.vitals[(name, when)] = edit
                grid.addWidget(edit, r, c)
                if c == 1:
                    label.setBuddy(edit)
        grid.setColumnStretch(5, 1)
        outer.addLayout(grid)
        self.vitals_error = FieldError(self)
        outer.addWidget(self.vitals_error)
        self._vital_in_error: QLineEdit | None = None
        for edit in self.vitals.values():
            edit.textEdited.connect(lambda *_, e=edit: self._on_vital_edited(e))

        reason_form = QFormLayout()
        self.window_reason_label = QLabel(self.tr("&Window reason:"))
        self.window_reason_label.setBuddy(self.window_reason)
        self.window_reason.setAccessibleName(self.tr("Reason for giving the dose outside its window"))
        self.boxes["window_reason"] = FieldBox(self.window_reason)
        reason_form.addRow(self.window_reason_label, self.boxes["window_reason"])
        outer.addLayout(reason_form)
        self.blocked = QLabel()
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.error = FieldError(self)
        self.record_button = QPushButton(self.tr("Record in&jection"))
        self.correct_button = QPushButton()  # the dose visit shows it once the dose is recorded
        self.correct_button.setVisible(False)
        self.saved_note = SavedNote(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_note)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.record_button)
        outer.addWidget(self.error)
        # Why the button is disabled (or what was given) on a line of its own, the whole width: beside the
        # buttons it was a narrow column of words and pushed the buttons out of the 1366×768 window.
        outer.addWidget(self.blocked)
        outer.addLayout(buttons)
        self.record_button.clicked.connect(self.record_requested.emit)

        order = [self.kit_number, self.lot, self.site_left, self.site_right, self.started_at, self.ended_at,
                 self.observation_until]
        order += [self.vitals[(n, "before")] for n in VITALS] + [self.vitals[(n, "after")] for n in VITALS]
        order += [self.window_reason, self.correct_button, self.record_button]
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)
        self.chain = order
        self.set_needs_window_reason(False)

    def set_needs_window_reason(self, needed: bool) -> None:
        self.window_reason_label.setVisible(needed)
        self.boxes["window_reason"].setVisible(needed)

    def set_blocked(self, message: str | None, *, button_text: str | None = None, enabled: bool = True,
                    warning: bool = True) -> None:
        """The line left of the record button: why it is disabled (red), or a plain note (``warning=False``)."""
        self.blocked.setStyleSheet("color: #b71c1c; font-weight: 600;" if warning else "color: #0d47a1;")
        self.blocked.setText(message or "")
        self.blocked.setVisible(bool(message))
        self.record_button.setText(button_text or self.tr("Record in&jection"))
        self.record_button.setEnabled(enabled)

    # --- values -------------------------------------------------------------------------------------

    def _vitals(self, when: str) -> vs.Vitals:
        values = {}
        for name in VITALS:
            field = f"{name}_{when}"
            text = self.vitals[(name, when)].text()
            values[name] = parse_float(text, field=field) if name == "temp" else parse_int(text, field=field)
        return vs.Vitals(**values)

    def administration(self) -> vs.Administration:
        """The typed values (ValidationError at the field for what cannot even be read)."""
        site = "abdomen_left" if self.site_left.isChecked() else "abdomen_right" if self.site_right.isChecked() else ""
        if not site:
            raise ValidationError("Choose the injection site: abdomen left or right.", field="injection_site")
        started = parse_time(self.started_at.text(), field="started_at")
        if started is None:
            raise ValidationError("Enter when the injection started.", field="started_at")
        ended = parse_time(self.ended_at.text(), field="ended_at", day=started.date())
        if ended is None:
            raise ValidationError("Enter when the injection ended.", field="ended_at")
        observe = parse_time(self.observation_until.text(), field="observation_until", day=started.date())
        return vs.Administration(kit_number=self.kit_number.text(), injection_site=site, started_at=started,
                                 ended_at=ended, lot=self.lot.text() or None, observation_until=observe,
                                 vitals_before=self._vitals("before"), vitals_after=self._vitals("after"))

    def _on_vital_edited(self, edit: QLineEdit) -> None:
        """The vital sign named by the error is being corrected: the message and the red frame go."""
        if edit is self._vital_in_error:
            edit.setStyleSheet("")
            self.vitals_error.show_message(None)
            self._vital_in_error = None

    def clear_errors(self) -> None:
        self._vital_in_error = None
        self.error.show_message(None)
        self.vitals_error.show_message(None)
        for box in self.boxes.values():
            box.error.show_message(None)
        for edit in self.vitals.values():
            edit.setStyleSheet("")

    def show_error(self, exc: BaseException) -> bool:
        """At the field it names; True when it was one of this form's fields."""
        field = getattr(exc, "field", None)
        if field in self.boxes:
            self.boxes[field].error.show_message(error_text(exc))
            self.boxes[field].field.setFocus()
            return True
        if field and field.rsplit("_", 1)[0] in VITALS and field.rsplit("_", 1)[1] in ("before", "after"):
            name, when = field.rsplit("_", 1)
            edit = self.vitals[(name, when)]
            self._vital_in_error = edit
            edit.setStyleSheet("border: 2px solid #b71c1c;")
            self.vitals_error.show_message(f"{edit.accessibleName()}: {error_text(exc)}")
            edit.setFocus()
            return True
        self.error.show_message(error_text(exc))
        return False

    def clear(self) -> None:
        for edit in (self.kit_number, self.lot, self.started_at, self.ended_at, self.observation_until,
                     self.window_reason, *self.vitals.values()):
            edit.clear()
        self.site_group.setExclusive(False)
        self.site_left.setChecked(False)
        self.site_right.setChecked(False)
        self.site_group.setExclusive(True)
        self.clear_errors()

    def _inputs(self) -> tuple[QWidget, ...]:
        return (self.kit_number, self.lot, self.site_left, self.site_right, self.started_at, self.ended_at,
                self.observation_until, self.window_reason, *self.vitals.values())

    def set_editable(self, editable: bool) -> None:
        for widget in self._inputs():
            widget.setEnabled(editable)

    def fill(self, admin: Mapping[str, object]) -> None:
        """Show a saved injection record (an ``administrations`` row) in the fields."""
        self.clear()
        self.kit_number.setText(str(admin.get("kit_number") or ""))
        self.lot.setText(str(admin.get("lot") or ""))
        self.site_left.setChecked(admin.get("injection_site") == "abdomen_left")
        self.site_right.setChecked(admin.get("injection_site") == "abdomen_right")
        for name, edit in (("started_at", self.started_at), ("ended_at", self.ended_at),
                           ("observation_until", self.observation_until)):
            value = admin.get(name)
            edit.set_moment(parse_utc(str(value)) if value else None)
        for (name, when), edit in self.vitals.items():
            value = admin.get(vital_column(name, when))
            edit.setText("" if value is None else decimal_text(value) if name == "temp" else str(value))

    def show_given(self, admin: Mapping[str, object] | None) -> None:
        """Once the dose is recorded the fields show what was saved and are locked; corrections go through
        :meth:`InjectionSection.save_administration_correction` (with a reason, into the audit trail)."""
        if admin is None:
            self.set_editable(True)
            return
        self.fill(admin)
        self.set_editable(False)
