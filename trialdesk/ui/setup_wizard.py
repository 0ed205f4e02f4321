"""First start: the set-up wizard (site, first administrator, recovery-key sheet).

The administrator's page checks the user name, full name and password (the rules of ``domain.people``, the
same that the services apply, typed twice) before going on; when the store is made, the wizard offers to
open the recovery-key sheet so that it is printed at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
    QWizard, QWizardPage,
)

from trialdesk.domain.people import password_problem, username_problem
from trialdesk.ui.widgets import FieldError, clear_on_edit


@dataclass(frozen=True)
class SetupValues:
    """What the wizard collected; the caller passes it to ``services.workstation.setup_workstation``."""

    site_code: str
    site_name: str
    admin_username: str
    admin_full_name: str
    admin_password: str
    recovery_sheet: Path


# submit(values) -> None on success, or (field name or None, message) to show in the wizard.
Submit = Callable[[SetupValues], "tuple[str | None, str] | None"]


class _Page(QWizardPage):
    def __init__(self, title: str, subtitle: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout()
        self.errors: dict[str, FieldError] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)

    def add_field(self, name: str, label: str, widget: QWidget, accessible: str) -> QWidget:
        widget.setAccessibleName(accessible)
        error = FieldError(self)
        self.errors[name] = error
        clear_on_edit(widget, error)  # the message goes as the field is corrected
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(error)
        holder = QWidget()
        holder.setLayout(box)
        self.form.addRow(label, holder)
        lbl = self.form.labelForField(holder)
        if isinstance(lbl, QLabel):
            lbl.setBuddy(widget)
        return widget

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.show_message(None)


class SetupWizard(QWizard):
    """Collects the set-up values and hands them to ``submit`` when the user clicks Finish.

    The wizard never creates anything itself; a refused value is shown under its field and the
    wizard stays open with everything typed.
    """

    def __init__(self, submit: Submit, default_sheet: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._submit = submit
        self._submitted = False
        self.setWindowTitle(self.tr("Set up TrialDesk on this workstation"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)

        site = _Page(self.tr("Site"), self.tr("Which trial site is this workstation at?"))
        self.site_code = site.add_field("site_code", self.tr("Site &code:"), QLineEdit(),
                                        self.tr("Site code"))
        self.site_code.setMaxLength(1)
        # Placeholders describe what to type, never a value that could pass for one already filled in.
        self.site_code.setPlaceholderText(self.tr("one letter, as in the study ids"))
        self.site_name = site.add_field("site_name", self.tr("Site &name:"), QLineEdit(),
                                        self.tr("Site name"))
        self.site_name.setPlaceholderText(self.tr("the hospital's name, as on printouts"))

        admin = _Page(self.tr("First administrator"),
                      self.tr("The administrator manages users, settings and backups (no clinical data)."))
        self.username = admin.add_field("username", self.tr("&User name:"), QLineEdit(), self.tr("User name"))
        self.full_name = admin.add_field("full_name", self.tr("&Full name:"), QLineEdit(), self.tr("Full name"))
        self.password = admin.add_field("password", self.tr("&Password:"), QLineEdit(), self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = admin.add_field("password2", self.tr("&Repeat password:"), QLineEdit(),
                                         self.tr("Repeat password"))
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        rules = QLabel(self.tr("At least 10 characters, letters mixed with digits or symbols, not the user name."))
        rules.setWordWrap(True)
        admin.form.addRow("", rules)

        sheet = _Page(self.tr("Recovery key"),
                      self.tr("TrialDesk writes a recovery-key sheet (PDF). Print it and lock it away: "
                              "without it, the data cannot be opened on another computer."))
        row = QHBoxLayout()
        self.sheet_path = QLineEdit(str(default_sheet))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose where to save the recovery sheet"))
        browse.clicked.connect(self._on_browse_clicked)
        row.addWidget(self.sheet_path)
        row.addWidget(browse)
        holder = QWidget()
        holder.setLayout(row)
        sheet.add_field("recovery_sheet", self.tr("Recovery &sheet:"), holder, self.tr("Recovery sheet file"))
        self.sheet_path.setAccessibleName(self.tr("Recovery sheet file"))

        self._pages = {"site_code": site, "site_name": site, "username": admin, "full_name": admin,
                       "password": admin, "password2": admin, "recovery_sheet": sheet}
        self._page_ids = {}
        for page in (site, admin, sheet):
            self._page_ids[page] = self.addPage(page)
        site.validatePage = self._validate_site
        admin.validatePage = self._validate_admin
        sheet.validatePage = self._finish
        self.open_url = QDesktopServices.openUrl  # tests replace it: the offer is checked, nothing opened
        self.sheet_offer: QMessageBox | None = None

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery sheet"), self.sheet_path.text(),
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.sheet_path.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def values(self) -> SetupValues:
        return SetupValues(
            site_code=self.site_code.text().strip().upper(), site_name=self.site_name.text().strip(),
            admin_username=self.username.text().strip(), admin_full_name=self.full_name.text().strip(),
            admin_password=self.password.text(), recovery_sheet=Path(self.sheet_path.text().strip()),
        )

    def _validate_site(self) -> bool:
        page = self._pages["site_code"]
        page.clear_errors()
        ok = True
        if len(self.site_code.text().strip()) != 1 or not self.site_code.text().strip().isalpha():
            page.errors["site_code"].show_message(self.tr("One letter, e.g. H for Haukeland."))
            ok = False
        if not self.site_name.text().strip():
            page.errors["site_name"].show_message(self.tr("Enter the site's name as it should appear on printouts."))
            ok = False
        return ok

    def _validate_admin(self) -> bool:
        page = self._pages["username"]
        page.clear_errors()
        username = self.username.text().strip()
        problems = {
            "username": username_problem(username),
            "full_name": None if self.full_name.text().strip() else
            "Enter the person's full name as it should appear on signatures.",
            "password": password_problem(self.password.text(), username),
        }
        first = None
        for name, problem in problems.items():
            if problem:
                page.errors[name].show_message(QCoreApplication.translate("errors", problem))
                first = first or name
        if first is None and self.password.text() != self.password2.text():
            page.errors["password2"].show_message(self.tr("The two passwords differ."))
            first = "password2"
        if first is not None:
            {"username": self.username, "full_name": self.full_name, "password": self.password,
             "password2": self.password2}[first].setFocus()
            return False
        return True

    def offer_recovery_sheet(self, path: Path) -> bool:
        """Offer to open the recovery-key sheet just written (to print it); True when it was opened."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Recovery-key sheet"),
                          self.tr("The recovery-key sheet is written to {path}. Open it now to print it, lock the "
                                  "printout away, then delete the file.").format(path=path), parent=self)
        open_button = box.addButton(self.tr("&Open the sheet"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        self.sheet_offer = box
        box.exec()
        self.sheet_offer = None
        if box.clickedButton() is not open_button:
            return False
        self.open_url(QUrl.fromLocalFile(str(Path(path).resolve())))
        return True

    def _finish(self) -> bool:
        if self._submitted:  # Qt may validate the last page more than once; create the store once
            return True
        for page in set(self._pages.values()):
            page.clear_errors()
        values = self.values()
        sheet = values.recovery_sheet
        # This page checked before anything is created, as the others are before Next.
        if not str(sheet).strip() or sheet.suffix.lower() != ".pdf":
            self._pages["recovery_sheet"].errors["recovery_sheet"].show_message(
                self.tr("Give a file name ending in .pdf for the recovery sheet."))
            return False
        if not sheet.expanduser().resolve().parent.is_dir():
            self._pages["recovery_sheet"].errors["recovery_sheet"].show_message(
                self.tr("The folder {folder} does not exist: choose another with Browse….").format(
                    folder=sheet.expanduser().resolve().parent))
            return False
        outcome = self._submit(values)
        if outcome is None:
            self._submitted = True
            self.offer_recovery_sheet(values.recovery_sheet)
            return True
        field, message = outcome
        page = self._pages.get(field or "recovery_sheet", self._pages["recovery_sheet"])
        page.errors.get(field or "recovery_sheet", page.errors[next(iter(page.errors))]).show_message(message)
        if page is not self.currentPage():
            # Go back to the page of the refused field; everything typed stays.
            while self.currentPage() is not page and self.currentId() > 0:
                self.back()
        return False
