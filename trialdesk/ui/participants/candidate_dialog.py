"""New candidate: sex, birth date, childbearing potential and (for allowed roles) the identity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from trialdesk.errors import ConfirmationNeeded
from trialdesk.services.inputs import parse_date
from trialdesk.services.participants import Identity
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.widgets import YesNo, add_row, date_edit



class SexComboBox(QComboBox):
    """The sex list, chosen by a letter in either language as well as by the arrows: F, K (kvinne) or W for a
    woman, M for a man (Qt's own type-ahead only knows the first letter of the shown word)."""

    LETTERS = {Qt.Key.Key_F: "F", Qt.Key.Key_K: "F", Qt.Key.Key_W: "F", Qt.Key.Key_M: "M"}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        code = self.LETTERS.get(Qt.Key(event.key()))
        if code is not None and not (event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
                                     & ~Qt.KeyboardModifier.KeypadModifier):
            self.setCurrentIndex(self.findData(code))
            return
        super().keyPressEvent(event)

@dataclass(frozen=True)
class CandidateValues:
    """What the dialog collected (identity None for roles that may not record it)."""

    sex: str | None
    birth_date: date | None
    childbearing_potential: bool | None
    identity: Identity | None
    sex_mismatch_confirmed: bool = False  # the sex entered differs from the number's sex digit, and that is right


class NewCandidateDialog(FormDialog):
    """Collects a new candidate; ``submit(values)`` registers it (study id issued by the app)."""

    def __init__(self, submit: Callable[[CandidateValues], Any] | None, *, with_identity: bool,
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("New candidate"))
        self.with_identity = with_identity
        intro = QLabel(self.tr("The study id is issued when you save. Identity data is stored apart "
                               "from the clinical data and never exported."))
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.sex = SexComboBox()
        self.sex.addItem(self.tr("— choose —"), None)
        self.sex.addItem(self.tr("Woman"), "F")
        self.sex.addItem(self.tr("Man"), "M")
        self.birth_date = date_edit(self.tr("dd.mm.yyyy"))
        self.childbearing = YesNo(self.tr("Yes"), self.tr("No"), self.tr("Childbearing potential"))
        self.boxes["sex"] = add_row(self.form, self.tr("&Sex:"), self.sex, self.tr("Sex"))
        # Asked only when the identity number's sex digit says otherwise (legal and biological sex can differ).
        self.sex_confirmed = QCheckBox(self.tr("The sex entered is right (it differs from the identity number's "
                                               "sex digit)"))
        self.sex_confirmed.setAccessibleName(self.tr("Confirm the sex entered"))
        self.boxes["sex"].layout().addWidget(self.sex_confirmed)
        self.sex_confirmed.hide()
        self.boxes["birth_date"] = add_row(self.form, self.tr("&Birth date:"), self.birth_date, self.tr("Birth date"))
        self.boxes["childbearing_potential"] = add_row(
            self.form, self.tr("C&hildbearing potential:"), self.childbearing, self.tr("Childbearing potential"))
        self.full_name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("11 digits"))
        self.id_number.setMaxLength(14)
        self.phone = QLineEdit()
        self.gp = QLineEdit()
        if with_identity:
            for name, label, widget, acc in (
                    ("full_name", self.tr("Full &name:"), self.full_name, self.tr("Full name")),
                    ("id_number", self.tr("&Identity number (fødselsnummer):"), self.id_number,
                     self.tr("Identity number")),
                    ("phone", self.tr("&Phone:"), self.phone, self.tr("Phone")),
                    ("gp", self.tr("&GP (fastlege):"), self.gp, self.tr("General practitioner"))):
                self.boxes[name] = add_row(self.form, label, widget, acc)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Register"))
        self.sex.currentIndexChanged.connect(self._on_sex_currentIndexChanged)
        self.id_number.textEdited.connect(self._on_id_number_textEdited)
        self.birth_date.editingFinished.connect(self._on_birth_date_editingFinished)
        self._on_sex_currentIndexChanged()
        self.finish_layout()
        self.setMinimumWidth(520)
        self.sex.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[CandidateValues], Any], *,
            with_identity: bool) -> Any:
        """Show the dialog; the result of ``submit`` once it succeeded, None when cancelled."""
        dialog = cls(submit, with_identity=with_identity, parent=parent)
        return dialog.result_value if dialog.exec() else None

    def show_error(self, exc: BaseException) -> None:
        """Errors at their field; the sex-digit question at the sex field, with the box that confirms it."""
        super().show_error(exc)
        if isinstance(exc, ConfirmationNeeded) and exc.field == "sex":
            self.sex_confirmed.setChecked(False)
            self.sex_confirmed.show()
            self.sex_confirmed.setFocus()
            self._fit()

    def _forget_confirmation(self) -> None:
        """A confirmation holds for the sex and number it was given for, not for changed ones."""
        self.sex_confirmed.setChecked(False)
        self.sex_confirmed.hide()

    def _on_id_number_textEdited(self, *_: object) -> None:
        self._forget_confirmation()

    def _on_sex_currentIndexChanged(self, *_: object) -> None:
        self._forget_confirmation()
        woman = self.sex.currentData() == "F"
        self.childbearing.setEnabled(woman)
        if not woman:
            self.childbearing.set_value(None)

    def _on_birth_date_editingFinished(self) -> None:
        try:
            parse_date(self.birth_date.text(), field="birth_date", label="birth date")
            self.boxes["birth_date"].error.show_message(None)
        except Exception as exc:
            self.show_error(exc)

    def values(self) -> CandidateValues:
        born = parse_date(self.birth_date.text(), field="birth_date", label="birth date")
        identity = None
        if self.with_identity:
            identity = Identity(full_name=self.full_name.text(), id_number=self.id_number.text(),
                                phone=self.phone.text(), gp=self.gp.text())
        return CandidateValues(sex=self.sex.currentData(), birth_date=born,
                               childbearing_potential=self.childbearing.value(), identity=identity,
                               sex_mismatch_confirmed=not self.sex_confirmed.isHidden() and self.sex_confirmed.isChecked())
