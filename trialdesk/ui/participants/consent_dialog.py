"""Record the signed informed consent (investigator)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from trialdesk.clock import local_today
from trialdesk.services.inputs import parse_date, show_date
from trialdesk.services.printing import consent_versions
from trialdesk.ui.forms import FormDialog
from trialdesk.ui.widgets import add_row, date_edit


@dataclass(frozen=True)
class ConsentValues:
    form_version: str
    language: str
    participant_signed_on: date | None
    investigator_signed_on: date | None
    copy_given: bool


class ConsentDialog(FormDialog):
    """Form version, language, both signing dates and the copy handed over; the signed-in
    investigator is recorded as the one who obtained consent."""

    def __init__(self, submit: Callable[[ConsentValues], Any] | None, *, study_id: str, investigator: str,
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.setWindowTitle(self.tr("Informed consent — {study_id}").format(study_id=study_id))
        intro = QLabel(self.tr("Record the consent form the participant signed. Obtained by: {name}.")
                       .format(name=investigator))
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        # The version is chosen from the forms installed in resources/consent/ (newest first), never typed: the
        # one printed for signature is among them.
        self.form_version = QComboBox()
        self.language = QComboBox()
        self.language.addItem(self.tr("Norwegian (bokmål)"), "nb")
        self.language.addItem(self.tr("English"), "en")
        self.language.currentIndexChanged.connect(lambda *_: self._fill_versions())
        self._fill_versions()
        today = show_date(local_today())
        self.participant_date = date_edit(self.tr("dd.mm.yyyy"))
        self.participant_date.setText(today)
        self.investigator_date = date_edit(self.tr("dd.mm.yyyy"))
        self.investigator_date.setText(today)
        self.copy_given = QCheckBox(self.tr("A copy of the signed form was given to the participant"))
        self.boxes["form_version"] = add_row(self.form, self.tr("Form &version:"), self.form_version,
                                             self.tr("Consent form version"))
        self.boxes["language"] = add_row(self.form, self.tr("&Language:"), self.language,
                                         self.tr("Consent form language"))
        self.boxes["participant_signed_on"] = add_row(self.form, self.tr("Signed by &participant on:"),
                                                      self.participant_date, self.tr("Date signed by participant"))
        self.boxes["investigator_signed_on"] = add_row(self.form, self.tr("Signed by &investigator on:"),
                                                       self.investigator_date, self.tr("Date signed by investigator"))
        self.boxes["copy_given"] = add_row(self.form, self.tr("&Copy:"), self.copy_given, self.tr("Copy given"))
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("&Record consent"))
        self.finish_layout()
        self.setMinimumWidth(520)
        self.form_version.setFocus()

    def _fill_versions(self) -> None:
        self.form_version.clear()
        self.form_version.addItem(self.tr("— choose —"), None)
        versions = consent_versions(self.language.currentData())
        for version in versions:
            self.form_version.addItem(self.tr("version {version}").format(version=version), version)
        self.form_version.setCurrentIndex(1 if versions else 0)

    @classmethod
    def ask(cls, parent: QWidget | None, submit: Callable[[ConsentValues], Any], *, study_id: str,
            investigator: str) -> Any:
        dialog = cls(submit, study_id=study_id, investigator=investigator, parent=parent)
        return dialog.result_value if dialog.exec() else None

    def values(self) -> ConsentValues:
        return ConsentValues(
            form_version=self.form_version.currentData() or "", language=self.language.currentData(),
            participant_signed_on=parse_date(self.participant_date.text(), field="participant_signed_on",
                                             label="signing date"),
            investigator_signed_on=parse_date(self.investigator_date.text(), field="investigator_signed_on",
                                              label="signing date"),
            copy_given=self.copy_given.isChecked())
