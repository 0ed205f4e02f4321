"""The main window: participant register on the left, workspace on the right, session in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel, QLineEdit, QMainWindow, QMessageBox, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from trialdesk.domain.people import User
from trialdesk.errors import PermissionDenied
from trialdesk.services import participants as participants_service
from trialdesk.services import workstation
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui.i18n import error_text
from trialdesk.ui.participants.model import ParticipantTableModel

ROLE_TEXT = {"investigator": "Investigator", "nurse": "Nurse", "monitor": "Monitor",
             "administrator": "Administrator"}


class MainWindow(QMainWindow):
    """Shell of the application for one signed-in user.

    Signals:
        sign_out_requested: the user chose "Sign out"; the composition root shows the login again.
    """

    sign_out_requested = Signal()

    def __init__(self, store, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.user = user
        site_name = store.meta("site_name") or store.info.site_code
        self.setWindowTitle(self.tr("TrialDesk — KTS-11 — {site}").format(site=site_name))
        self.resize(1280, 720)

        self.model = ParticipantTableModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(ParticipantTableModel.SORT_ROLE)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter by study id (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter participants by study id"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Participants"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)

        left = QWidget()
        box = QVBoxLayout(left)
        title = QLabel(self.tr("Participants"))
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        box.addWidget(title)
        box.addWidget(self.filter)
        box.addWidget(self.table)
        box.addWidget(self.empty_note)

        self.workspace = QLabel(self.tr("Select a participant to open the workspace."))
        self.workspace.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.workspace)
        splitter.setSizes([560, 720])
        self.setCentralWidget(splitter)

        self._build_menus()
        role = self.tr(ROLE_TEXT.get(user.role.value, user.role.value))
        self.session_label = QLabel(self.tr("Signed in: {name} ({role}) · site {site}").format(
            name=user.full_name, role=role, site=store.info.site_code))
        self.statusBar().addPermanentWidget(self.session_label)
        self._connect_signals()
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.setEnabled(allowed(self.user, Action.BACKUP))
        self.verify_action = QAction(self.tr("&Verify store"), self)
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action in (self.backup_action, self.verify_action, self.sign_out_action, self.quit_action):
            file_menu.addAction(action)
        self.find_action = QAction(self.tr("&Find participant"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)

    def _connect_signals(self) -> None:
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.find_action.triggered.connect(self.filter.setFocus)
        self.backup_action.triggered.connect(self._on_backup_action_triggered)
        self.verify_action.triggered.connect(self._on_verify_action_triggered)
        self.sign_out_action.triggered.connect(self.sign_out_requested.emit)
        self.quit_action.triggered.connect(self.close)

    def reload(self) -> None:
        """Reload the register from the store."""
        try:
            rows = participants_service.list_participants(self.store, self.user)
        except PermissionDenied:
            self.model.set_rows([])
            self.empty_note.setText(self.tr("Your role has no access to clinical data."))
            return
        self.model.set_rows(rows)
        self.empty_note.setText("" if rows else self.tr("No participants yet."))

    def _on_backup_action_triggered(self) -> None:
        try:
            check = workstation.make_backup(self.store, self.user)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Backup"), error_text(exc))
            return
        self.statusBar().showMessage(self.tr("Backup written and verified: {file}").format(file=check.path.name), 8000)

    def _on_verify_action_triggered(self) -> None:
        report = workstation.verify(self.store)
        text = "\n".join(report.lines())
        if report.ok:
            QMessageBox.information(self, self.tr("Verify store"), self.tr("All checks passed.") + "\n\n" + text)
        else:
            QMessageBox.critical(self, self.tr("Verify store"), self.tr("Problems found.") + "\n\n" + text)
