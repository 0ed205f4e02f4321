"""Staff administration: the accounts of the store and what the administrator does with them.

The widget is the administrator's main page (administrators see no clinical data). Every button opens a
dialog that returns values; the widget calls the service; the table reloads from the store's notices.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from trialdesk.domain.people import Role, User
from trialdesk.errors import SessionEnded
from trialdesk.services import auth, session
from trialdesk.ui.i18n import error_text
from trialdesk.ui.notices import STAFF_TABLES, notices_for
from trialdesk.ui.reason_dialog import ReasonDialog
from trialdesk.ui.staff.dialogs import (
    AddUserDialog, NewUserValues, ResetPasswordDialog, RoleDialog, RoleValues, SettingsValues, SiteSettingsDialog,
)
from trialdesk.ui.staff.model import StaffTableModel, role_text
from trialdesk.ui.widgets import fit_columns, row_table


class StaffAdminWidget(QWidget):
    """The accounts table with Add…, Change role…, Deactivate/Reactivate…, Reset password…, Unlock,
    Designate/Revoke unblinded physician… and Site settings….

    Signals:
        changes_applied(object): a service changed accounts or settings (the main window shows its note).
    """

    changes_applied = Signal(object)

    def __init__(self, store, admin: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.admin = admin
        self.model = StaffTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(StaffTableModel.SORT_ROLE)
        title = QLabel(self.tr("Staff administration"))
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        intro = QLabel(self.tr("Accounts of this store. Accounts are never deleted: deactivate them. Every change "
                               "is kept in the audit trail with its reason."))
        intro.setWordWrap(True)
        self.table = row_table(self.proxy, self.tr("Staff accounts"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.active_button = QPushButton(self.tr("&Deactivate…"))
        self.reset_button = QPushButton(self.tr("Reset &password…"))
        self.unlock_button = QPushButton(self.tr("U&nlock"))
        self.unblinded_button = QPushButton(self.tr("Designate unblinded p&hysician…"))
        self.settings_button = QPushButton(self.tr("&Site settings…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.active_button, self.reset_button,
                       self.unlock_button, self.unblinded_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(intro)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        box.addWidget(self.status)
        self.setTabOrder(self.table, self.add_button)
        previous = self.add_button
        for button in (self.role_button, self.active_button, self.reset_button, self.unlock_button,
                       self.unblinded_button, self.settings_button):
            self.setTabOrder(previous, button)
            previous = button

        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.unblinded_button.clicked.connect(self.toggle_unblinded)
        self.settings_button.clicked.connect(self.edit_settings)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        notices_for(store).changed.connect(self._on_store_changed)
        self.reload()

    # --- the table ----------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.selected()
        try:
            rows = auth.list_users(self.store, self.admin)
        except Exception as exc:  # SessionEnded: the main window signs out; others are shown here
            self.model.set_rows([])
            self.status.setText(error_text(exc))
            self._update_buttons()
            return
        self.model.set_rows(rows)
        fit_columns(self.table)
        if current is not None:
            self.select(current.id)
        elif rows:
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._update_buttons()

    def _on_store_changed(self, changes) -> None:
        if changes.touches(*STAFF_TABLES):
            self.reload()

    def selected(self) -> User | None:
        index = self.table.currentIndex()
        return self.proxy.data(index, StaffTableModel.ROW_ROLE) if index.isValid() else None

    def select(self, user_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, StaffTableModel.ROW_ROLE).id == user_id:
                self.table.setCurrentIndex(index)
                return True
        return False

    def _update_buttons(self) -> None:
        user = self.selected()
        other = user is not None and user.id != self.admin.id
        self.role_button.setEnabled(other)
        self.active_button.setEnabled(other)
        self.active_button.setText(self.tr("Reac&tivate…") if user is not None and not user.active
                                   else self.tr("&Deactivate…"))
        self.reset_button.setEnabled(other)
        self.unlock_button.setEnabled(user is not None and (self.model.locked(user) or user.failed_logins > 0))
        self.unblinded_button.setText(self.tr("Revoke unblinded p&hysician…") if user is not None and user.unblinded
                                      else self.tr("Designate unblinded p&hysician…"))
        self.unblinded_button.setEnabled(user is not None and (
            user.unblinded or (user.role is Role.INVESTIGATOR and user.active)))

    def _done(self, text: str, changed_id: str | None = None) -> None:
        self.reload()
        if changed_id:
            self.select(changed_id)
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SessionEnded):
            return  # the main window tells the user and signs out
        QMessageBox.warning(self, self.tr("Staff administration"), error_text(exc))

    # --- actions ------------------------------------------------------------------------------------

    def add_user(self) -> User | None:
        def submit(values: NewUserValues):
            return auth.create_user(self.store, self.admin, username=values.username, full_name=values.full_name,
                                    role=Role(values.role), password=values.password)

        dialog = AddUserDialog(submit, self)
        if not dialog.exec():
            return None
        made = dialog.result_value
        self._done(self.tr("Added {user} ({role}). Give them the temporary password; they choose their own at the "
                           "first sign-in.").format(user=made.username, role=role_text(made.role.value)), made.id)
        return made

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return

        def submit(values: RoleValues):
            return auth.set_role(self.store, self.admin, user.id, Role(values.role), values.reason)

        dialog = RoleDialog(submit, user.username, user.role.value, self)
        if dialog.exec():
            done = dialog.result_value
            self._done(self.tr("{user} is now {role}.").format(user=done.username, role=role_text(done.role.value)),
                       done.id)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        activate = not user.active
        what = (self.tr("Reactivate {user} ({name}): they can sign in again.") if activate else
                self.tr("Deactivate {user} ({name}): they can no longer sign in, and an open session is refused "
                        "at its next action. The account and everything it recorded are kept."))
        dialog = ReasonDialog(what.format(user=user.username, name=user.full_name), self,
                              submit=lambda reason: auth.set_active(self.store, self.admin, user.id, activate, reason))
        if dialog.exec():
            self._done((self.tr("{user} is active again.") if activate else self.tr("{user} is deactivated.")).format(
                user=user.username), user.id)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = ResetPasswordDialog(lambda password: auth.reset_password(self.store, self.admin, user.id, password),
                                     user.username, self)
        if dialog.exec():
            self._done(self.tr("{user} has a temporary password; they choose their own at the next sign-in.").format(
                user=user.username), user.id)

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            auth.unlock(self.store, self.admin, user.id)
        except Exception as exc:  # TrialDeskError: told, nothing changed
            self._failed(exc)
            return
        self._done(self.tr("{user} is unlocked.").format(user=user.username), user.id)

    def toggle_unblinded(self) -> None:
        from trialdesk.services.visits import set_unblinded

        user = self.selected()
        if user is None:
            return
        designate = not user.unblinded
        what = (self.tr("Designate {user} ({name}) as the unblinded safety physician: they see the masked "
                        "results (IgG, NK) after the first dose.") if designate else
                self.tr("Revoke the unblinded safety physician designation of {user} ({name}): masked results are "
                        "hidden from them again at once."))
        dialog = ReasonDialog(what.format(user=user.username, name=user.full_name), self,
                              submit=lambda reason: set_unblinded(self.store, self.admin, user.id, designate, reason))
        if dialog.exec():
            self._done((self.tr("{user} is the unblinded safety physician.") if designate else
                        self.tr("{user} is no longer the unblinded safety physician.")).format(user=user.username),
                       user.id)

    def edit_settings(self) -> None:
        current = session.site_settings(self.store)

        def submit(values: SettingsValues):
            return session.change_site_settings(
                self.store, self.admin, idle_lock_minutes=values.idle_lock_minutes,
                lockout_minutes=values.lockout_minutes, backup_folder=values.backup_folder, reason=values.reason)

        bounds = {"idle_lock_minutes": session.IDLE_LOCK_BOUNDS, "lockout_minutes": session.LOCKOUT_BOUNDS}
        dialog = SiteSettingsDialog(submit, current, str(current.effective_backup_folder(self.store)), bounds, self)
        if dialog.exec():
            self._done(self.tr("Site settings saved. The idle lock applies from the next sign-in."))
