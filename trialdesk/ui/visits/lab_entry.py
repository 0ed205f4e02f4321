"""Pre-dose blood results: one row per analyte (IgG and NK first), value + unit as the lab reported it,
the converted result, flag and CTCAE grade as you type, and the read-back of critical values."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget,
)

from trialdesk.domain.labs import safety_check, unit_label
from trialdesk.errors import ValidationError
from trialdesk.services import visits as vs
from trialdesk.services.screening import protocol
from trialdesk.ui.explain import explain
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.i18n import error_text
from trialdesk.ui.record_words import code_word
from trialdesk.ui.visits.common import RED, TimeField, decimal_text, display_value, lab_symbol, parse_time
from trialdesk.ui.widgets import FieldError, ui_language


def panel_analytes() -> tuple[str, ...]:
    """IgG and NK first (the critical, masked ones), then the protocol's pre-dose panel."""
    first = ("IGG", "NK")
    return first + tuple(a for a in protocol().pre_dose.analytes if a not in first)


class LabRow:
    """The widgets of one analyte: ``value``, ``unit``, ``result`` (live text) and ``error``."""

    def __init__(self, analyte: str, owner: QWidget):
        lab = protocol().lab(analyte)
        self.analyte = analyte
        name = lab.name_nb if ui_language() == "nb" else lab.name_en
        self.label = QLabel(f"{lab_symbol(lab.code)}{' *' if lab.critical else ''}")
        self.label.setToolTip(name)
        self.value = QLineEdit()
        self.value.setMaximumWidth(80)
        self.value.setAccessibleName(QCoreApplication.translate("LabEntryWidget", "{symbol} value").format(
            symbol=lab_symbol(lab.code)))
        self.value.setPlaceholderText(QCoreApplication.translate("LabEntryWidget", "value"))
        self.label.setBuddy(self.value)
        self.unit = QComboBox()
        for unit in lab.accepted_units:
            self.unit.addItem(unit_label(unit), unit)
        self.unit.setCurrentIndex(max(0, self.unit.findData(lab.display_unit)))
        self.unit.setAccessibleName(QCoreApplication.translate("LabEntryWidget", "{symbol} unit").format(
            symbol=lab_symbol(lab.code)))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.result.setAccessibleName(QCoreApplication.translate("LabEntryWidget", "{symbol} result").format(
            symbol=lab_symbol(lab.code)))
        self.error = FieldError(owner)

    def entry(self) -> vs.LabEntry | None:
        text = self.value.text().strip()
        return vs.LabEntry(text, self.unit.currentData()) if text else None


class LabEntryWidget(QWidget):
    """The pre-dose panel of one sample.

    Attributes:
        rows: analyte code -> :class:`LabRow`.
        masked: analytes whose result must not be shown to this user (blinded, after the first dose):
            the live text then gives only plausibility and the masked safety wording.
    Signals:
        edited: any value, unit or the sample time changed.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sex: str | None = None
        self.age: int | None = None
        self.masked: set[str] = set()
        self.rows: dict[str, LabRow] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        self.sampled_label = QLabel(self.tr("Sa&mple taken:"))
        self.sampled_at = TimeField(placeholder=self.tr("hh:mm (n = now)"))
        self.sampled_at.setMaximumWidth(190)
        self.sampled_at.setAccessibleName(self.tr("Sample taken at"))
        self.sampled_label.setBuddy(self.sampled_at)
        self.sampled_error = FieldError(self)
        grid.addWidget(self.sampled_label, 0, 0)
        grid.addWidget(self.sampled_at, 0, 1, 1, 2)
        grid.addWidget(self.sampled_error, 0, 3)
        for i, analyte in enumerate(panel_analytes(), start=1):
            row = LabRow(analyte, self)
            self.rows[analyte] = row
            r = 2 * i - 1
            grid.addWidget(row.label, r, 0)
            grid.addWidget(row.value, r, 1)
            grid.addWidget(row.unit, r, 2)
            grid.addWidget(row.result, r, 3)
            grid.addWidget(row.error, r + 1, 1, 1, 3)
            row.value.textChanged.connect(lambda *_, a=analyte: self._on_row_changed(a))
            row.unit.currentIndexChanged.connect(lambda *_, a=analyte: self._on_row_changed(a))
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)
        note = QLabel(self.tr("* read back from the lab report before saving. Decimal comma or point."))
        note.setStyleSheet("color: #555;")
        outer.addWidget(note)
        self.sampled_at.textChanged.connect(lambda *_: self.edited.emit())
        self.sampled_at.textEdited.connect(lambda *_: self.sampled_error.show_message(None))
        self.chain = [self.sampled_at] + [w for row in self.rows.values() for w in (row.value, row.unit)]
        for a, b in zip(self.chain, self.chain[1:]):
            QWidget.setTabOrder(a, b)

    # --- live check ---------------------------------------------------------------------------------

    def set_person(self, sex: str | None, age: int | None, masked: set[str]) -> None:
        self.sex, self.age, self.masked = sex, age, set(masked)
        for analyte in self.rows:
            self._on_row_changed(analyte, emit=False)

    def check(self, analyte: str) -> dict | None:
        """The service's check of the row (None when empty); raises ValidationError at the field."""
        entry = self.rows[analyte].entry()
        if entry is None:
            return None
        return vs.check_lab_entry(analyte, entry, self.sex, self.age)

    def _on_row_changed(self, analyte: str, emit: bool = True) -> None:
        row = self.rows[analyte]
        try:
            checked = self.check(analyte)
        except ValidationError as exc:
            row.error.show_message(error_text(exc))
            row.result.setText("")
            row.value.setStyleSheet(f"border: 2px solid {RED[0]};")
        else:
            row.error.show_message(None)
            row.value.setStyleSheet("")
            row.result.setText(self.result_text(analyte, checked) if checked else "")
        if emit:
            self.edited.emit()

    def result_text(self, analyte: str, checked: dict) -> str:
        safety = safety_check(protocol(), analyte, checked["value"])
        if analyte in self.masked:
            # Blinded role after the first dose: no converted value, flag or grade (they could unblind).
            text = self.tr("plausible · {safety}").format(
                safety=explain(safety.masked_explanation))
        else:
            parts = [f"= {display_value(analyte, checked['value'])}"]
            lab = protocol().lab(analyte)
            if lab.display_unit != lab.unit:
                parts[0] += f" ({decimal_text(checked['value'])} {unit_label(lab.unit)})"
            parts.append(code_word("lab_results", "flag", checked["flag"]) if checked["flag"]
                         else self.tr("within reference"))
            if checked["ctcae_grade"]:
                parts.append(self.tr("CTCAE grade {g} suggested").format(g=checked["ctcae_grade"]))
            if not safety.ok:
                parts.append(explain(safety.explanation))
            text = " · ".join(parts)
        if not safety.ok:
            return f"<span style='color:{RED[0]}; font-weight:600'>✗ {text}</span>"
        return text

    # --- values ---------------------------------------------------------------------------------------

    def entries(self) -> dict[str, vs.LabEntry]:
        return {a: e for a, row in self.rows.items() if (e := row.entry()) is not None}

    def sampled(self, day: date | None = None) -> datetime:
        moment = parse_time(self.sampled_at.text(), field="sampled_at", day=day)
        if moment is None:
            raise ValidationError("Enter when the sample was taken.", field="sampled_at")
        return moment

    def clear_errors(self) -> None:
        self.sampled_error.show_message(None)
        for row in self.rows.values():
            row.error.show_message(None)

    def show_error(self, exc: BaseException) -> bool:
        """Show ``exc`` at its field; False when it names none of this widget's fields."""
        field = getattr(exc, "field", None)
        if field == "sampled_at":
            self.sampled_error.show_message(error_text(exc))
            self.sampled_at.setFocus()
            return True
        if field in self.rows:
            self.rows[field].error.show_message(error_text(exc))
            self.rows[field].value.setFocus()
            return True
        return False

    def clear(self) -> None:
        self.sampled_at.clear()
        for row in self.rows.values():
            row.value.clear()
        self.clear_errors()


class ReadBackDialog(FormDialog):
    """Read-back of critical values: each value and unit shown; each must be ticked as matching the
    lab report before OK. Returns the set of analytes confirmed (never saves)."""

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(None, parent)
        self.setWindowTitle(self.tr("Read back critical values"))
        intro = QLabel(self.tr("Read each value back from the lab report — number AND unit — and tick it "
                               "when it matches exactly."))
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.checks: dict[str, QCheckBox] = {}
        for analyte, text in items:
            box = QCheckBox(text)
            box.setStyleSheet("font-size: 12pt; font-weight: 600;")
            box.setAccessibleName(self.tr("{text} matches the lab report").format(text=text))
            self.checks[analyte] = box
            self.form.addRow(box)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Con&firmed — save"))
        self.finish_layout()
        self.setMinimumWidth(460)
        if self.checks:
            next(iter(self.checks.values())).setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, items: list[tuple[str, str]]) -> set[str] | None:
        """``items``: (analyte, "IgG 8,4 g/L") pairs. The confirmed analytes, or None when cancelled."""
        dialog = cls(items, parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> set[str]:
        missing = [a for a, box in self.checks.items() if not box.isChecked()]
        if missing:
            raise ValidationError("Tick every value once it matches the lab report (or cancel and correct it).")
        return set(self.checks)


def read_back_items(entries: dict[str, vs.LabEntry]) -> list[tuple[str, str]]:
    """The critical analytes among ``entries`` as the nurse typed them (value and unit)."""
    out = []
    for analyte, entry in entries.items():
        lab = protocol().lab(analyte)
        if lab.critical:
            out.append((analyte, f"{lab_symbol(analyte)}  {entry.value}  {unit_label(entry.unit)}"))
    return out


__all__ = ["LabEntryWidget", "ReadBackDialog", "panel_analytes", "read_back_items", "Qt"]
