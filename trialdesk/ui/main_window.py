"""The main window: participant register on the left, workspace on the right, session in the status bar.

The window locks after the site's idle time (issue 4, point 7): its content is covered (never
destroyed, so unsaved input survives) and only the same user's password unlocks it; "Sign out" on
the lock is the only way for another user to take over.

A user who may not view clinical data (the administrator) gets the staff administration as the window's
content instead (issue 11). When a service refuses the session because the administrator deactivated the
account, changed its role or reset its password, the window tells the user and signs out; a lockout locks it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain.people import User
from trialdesk.errors import PermissionDenied, TrialDeskError
from trialdesk.services import auth, session, workstation
from trialdesk.services import participants as participants_service
from trialdesk.services import permissions, words
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui import i18n
from trialdesk.ui.i18n import error_text
from trialdesk.ui.login_dialog import LoginDialog
from trialdesk.ui.exchange import ConflictBanner, ConflictsDialog, ExchangeDialog
from trialdesk.ui.notices import REGISTER_TABLES, SAE_TABLES, TODAY_TABLES, notices_for
from trialdesk.ui.participants.candidate_dialog import (
    CandidateValues,
    NewCandidateDialog,
)
from trialdesk.ui.participants.model import ParticipantTableModel
from trialdesk.ui.participants.workspace import ParticipantWorkspace
from trialdesk.ui.staff.dialogs import ChangePasswordDialog, PasswordChange
from trialdesk.ui.staff.widget import StaffAdminWidget
from trialdesk.ui.visits.today import SaeBanner, TodayPanel
from trialdesk.ui.widgets import fit_columns, row_table, ui_language

ROLE_TEXT = {"investigator": QT_TRANSLATE_NOOP("MainWindow", "Investigator"),
             "nurse": QT_TRANSLATE_NOOP("MainWindow", "Nurse"), "monitor": QT_TRANSLATE_NOOP("MainWindow", "Monitor"),
             "administrator": QT_TRANSLATE_NOOP("MainWindow", "Administrator")}
_INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                 QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Application event filter: any keyboard or mouse input restarts the idle timer."""

    def __init__(self, timer: QTimer, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = timer
        self.also: list[QTimer] = []  # other timers of idleness (the store's full check), restarted alike
        self.paused = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in _INPUT_EVENTS:
            if not self.paused:
                self.timer.start()
            for timer in self.also:
                if timer.isActive():
                    timer.start()
        return False


REGISTER_PANE_MOST = 520
"""Pixels the register's pane may take at most when the window is narrow (beyond it the next visit is elided)."""
WORKSPACE_LEAST = 820
"""Pixels the participant workspace keeps beside the register: its ten tabs, unelided, in either language."""

REGISTER_FILL_CHUNK = 500
"""Participants whose next visit the register reads in one turn of the event loop (about 25 ms at 5,000)."""

BY_PARTICIPANT_MOST = 200
"""Participants a change may touch for the register and the Today list to read only theirs (a received bundle
touching more is read whole)."""


class MainWindow(QMainWindow):
    """Shell of the application for one signed-in user.

    Signals:
        sign_out_requested: the user chose "Sign out" (or the session ended); the composition root shows
            the login again.
        changes_applied(object): a service changed data; views decide whether to reload.
        session_ended(object): a service refused this user's session (:class:`SessionEnded`); queued to
            the GUI thread, where the window signs out or locks.

    Attributes:
        locked: True while the idle lock covers the window; ``lock_dialog`` asks for the password.
    """

    sign_out_requested = Signal()
    changes_applied = Signal(object)
    session_ended = Signal(object)
    store_checked = Signal(object)  # the problems the idle full check found ([]: sound); from its worker thread

    IDLE_CHECK_MS = 60_000
    """After this long without input the store's every page is checked once, in the background (issue 15: opening
    the store no longer does it)."""

    def __init__(self, store, user: User, parent: QWidget | None = None, *, idle_ms: int | None = None,
                 idle_check_ms: int | None = None):
        super().__init__(parent)
        self.store = store
        self.user = user
        self.locked = False
        self.lock_dialog: LoginDialog | None = None
        site_name = store.meta("site_name") or store.info.site_code
        self.site_name = site_name
        self.setWindowTitle(self.tr("TrialDesk — KTS-11 — {site}").format(site=site_name))
        self.resize(1280, 720)

        self.model = ParticipantTableModel(parent=self)  # sorts and filters its own rows (issue 15)
        self._fill_queue: list[str] = []  # participants of a large register whose next visit is still to read
        self._fill_turn = 0

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to filter by study id (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter participants by study id"))
        self.filter.setClearButtonEnabled(True)
        self.table = row_table(self.model, self.tr("Participants"))
        # One line per participant (no word wrap): every row as tall as the font, set once. Measuring each row
        # after a reload (resizeRowsToContents) took 2.2 s of a 2.6 s save at 5,000 participants.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # The site is the letter in the study id (KTS11-R-004 was registered at Radium): no column of its own.
        self.table.setColumnHidden(ParticipantTableModel.SITE_COLUMN, True)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New candidate…"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))

        left = QWidget()
        box = QVBoxLayout(left)
        title = QLabel(self.tr("Participants"))
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        box.addWidget(title)
        box.addWidget(self.filter)
        box.addWidget(self.table)
        box.addWidget(self.empty_note)
        box.addWidget(self.new_button)
        # Issue 5: who is due for a dose today (Ctrl+D), and open SAE 24-hour clocks above everything.
        clinical = allowed(user, Action.VIEW_CLINICAL)
        self.today = TodayPanel(store, user) if clinical else None
        self.sae_banner = SaeBanner(store, user) if clinical else None
        if self.today is not None:
            today_title = QLabel(self.tr("Due today: doses and contacts (Ctrl+D)"))
            today_title.setStyleSheet("font-size: 11pt; font-weight: 600;")
            box.addWidget(today_title)
            self.today.setMaximumHeight(170)
            box.addWidget(self.today)

        self.placeholder = QLabel(self.tr("Select a participant to open the workspace."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.workspace = ParticipantWorkspace(store, user) if allowed(user, Action.VIEW_CLINICAL) else None
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        if self.workspace is not None:
            self.right.addWidget(self.workspace)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([505, 861])
        self.splitter = splitter

        self.lock_page = QWidget()
        lock_box = QVBoxLayout(self.lock_page)
        self.lock_label = QLabel(self.tr("TrialDesk is locked ({name}). Your unsaved work is kept.").format(
            name=user.full_name))
        self.lock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("&Unlock…"))
        lock_box.addStretch(1)
        lock_box.addWidget(self.lock_label)
        lock_box.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        lock_box.addStretch(1)
        self.stack = QStackedWidget()
        main_page = QWidget()
        main_box = QVBoxLayout(main_page)
        main_box.setContentsMargins(0, 0, 0, 0)
        if self.sae_banner is not None:
            main_box.addWidget(self.sae_banner)
        # Issue 12: open exchange conflicts, shown the way the SAE clock is.
        exchange_roles = clinical or allowed(user, Action.MANAGE_EXCHANGE)
        self.conflict_banner = ConflictBanner(store, user) if exchange_roles else None
        if self.conflict_banner is not None:
            main_box.addWidget(self.conflict_banner)
        main_box.addWidget(splitter, 1)
        # No clinical data for this role (the administrator): the staff administration is the window.
        self.staff = (StaffAdminWidget(store, user) if not clinical and allowed(user, Action.MANAGE_USERS)
                      else None)
        if self.staff is not None:
            splitter.hide()
            main_box.addWidget(self.staff, 1)
        self.stack.addWidget(main_page)
        self.stack.addWidget(self.lock_page)
        self.setCentralWidget(self.stack)

        self._build_menus()
        role = self.tr(ROLE_TEXT.get(user.role.value, user.role.value))
        self.session_label = QLabel(self.tr("Signed in: {name} ({role}) · site {site}").format(
            name=user.full_name, role=role, site=store.info.site_code))
        self.statusBar().addPermanentWidget(self.session_label)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms if idle_ms is not None else session.idle_lock_minutes(store) * 60_000)
        self.idle_watcher = IdleWatcher(self.idle_timer, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_watcher)
        self.idle_timer.start()
        # The full integrity check (every page of the file) once per window, at the first idle moment, on a
        # connection of its own on a worker thread: the window goes on working meanwhile.
        self.store_check_problems: list[str] | None = None
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(idle_check_ms if idle_check_ms is not None else self.IDLE_CHECK_MS)
        self.check_timer.timeout.connect(self._check_store_in_background)
        self.idle_watcher.also.append(self.check_timer)
        self.check_timer.start()

        self.setTabOrder(self.filter, self.table)
        self.setTabOrder(self.table, self.new_button)
        self._connect_signals()
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(self.tr("&New candidate…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setEnabled(allowed(self.user, Action.REGISTER_CANDIDATE))
        self.new_button.setEnabled(self.new_action.isEnabled())
        self.backup_action = QAction(self.tr("&Back up now"), self)
        self.backup_action.setEnabled(allowed(self.user, Action.BACKUP))
        self.verify_action = QAction(self.tr("&Verify store"), self)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.password_action = QAction(self.tr("&Change my password…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action in (self.new_action, self.backup_action, self.verify_action, self.password_action,
                       self.lock_action, self.sign_out_action):
            file_menu.addAction(action)
        # The screens' language, kept for this workstation (the sign-in window switches at once; here the
        # open window is built already, so the new language shows from the next start, and it says so).
        self.language_menu = file_menu.addMenu(self.tr("Lan&guage"))
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGE_NAMES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == ui_language())
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        file_menu.addAction(self.quit_action)
        self.staff_action = self.settings_action = None
        if self.staff is not None:
            admin_menu = self.menuBar().addMenu(self.tr("Ad&ministration"))
            self.staff_action = QAction(self.tr("&Staff accounts"), self)
            self.add_user_action = QAction(self.tr("&Add staff account…"), self)
            self.settings_action = QAction(self.tr("Site &settings…"), self)
            for action in (self.staff_action, self.add_user_action, self.settings_action):
                admin_menu.addAction(action)
        self.exchange_action = self.conflicts_action = None
        if self.conflict_banner is not None:
            exchange_menu = self.menuBar().addMenu(self.tr("E&xchange"))
            self.exchange_action = QAction(self.tr("&Send, receive, sync…"), self)
            self.exchange_action.setEnabled(allowed(self.user, Action.MANAGE_EXCHANGE))
            self.conflicts_action = QAction(self.tr("&Conflicts…"), self)
            self.conflicts_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_K))
            exchange_menu.addAction(self.exchange_action)
            exchange_menu.addAction(self.conflicts_action)
        self.today_action = QAction(self.tr("Due &today"), self)
        self.today_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D))
        self.addAction(self.today_action)
        self.find_action = QAction(self.tr("&Find participant"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)

    def choose_language(self, code: str) -> None:
        """Show the screens in ``code`` and remember it for this workstation. The app (``app.py``) sets
        ``apply_language`` on its window: a callable that rebuilds the window in ``code`` on the same session (and
        remembers the choice), or says why it cannot now (unsaved input). A window without it (made by itself)
        remembers the choice for the next start and says so, in both languages, the chosen one first."""
        apply = getattr(self, "apply_language", None)
        if code != ui_language() and apply is not None:
            for other, action in self.language_actions.items():
                action.setChecked(other == ui_language())  # until the new window shows it
            apply(code)
            return
        i18n.save_language(code)
        for other, action in self.language_actions.items():
            action.setChecked(other == code)
        if code == ui_language():
            return
        source = ("The screens will be in {language} from the next start of TrialDesk: sign out, quit and start "
                  "it again.")
        now = self.tr("The screens will be in {language} from the next start of TrialDesk: sign out, quit and start "
                      "it again.").format(language=i18n.LANGUAGE_NAMES[code])
        new = words.translate("MainWindow", source, code).format(language=i18n.LANGUAGE_NAMES[code])
        QMessageBox.information(self, i18n.LANGUAGE_NAMES[code], new if new == now else f"{new}\n\n{now}")
        self.statusBar().showMessage(now, 10000)

    def _connect_signals(self) -> None:
        self.filter.textChanged.connect(self._on_filter_textChanged)
        # The sorted column shows its arrow: its header needs the room (sizes from the words kept: cheap).
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self._size_columns())
        self.find_action.triggered.connect(self.filter.setFocus)
        self.new_action.triggered.connect(self._on_new_action_triggered)
        self.new_button.clicked.connect(self._on_new_action_triggered)
        self.backup_action.triggered.connect(self._on_backup_action_triggered)
        self.verify_action.triggered.connect(self._on_verify_action_triggered)
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action.triggered.connect(self.sign_out_requested.emit)
        self.password_action.triggered.connect(self.change_my_password)
        if self.staff is not None:
            self.staff_action.triggered.connect(self.staff.table.setFocus)
            self.add_user_action.triggered.connect(self.staff.add_user)
            self.settings_action.triggered.connect(self.staff.edit_settings)
            self.staff.changes_applied.connect(self.changes_applied.emit)
        # A refused session may be told on the worker thread: queued, the window acts on the GUI thread
        # once the refused call has returned (its dialog has shown the message).
        self.session_ended.connect(self._on_session_ended, Qt.ConnectionType.QueuedConnection)
        self._ending = False
        self._stop_watching = permissions.watch(self._on_session_refused)
        self.destroyed.connect(lambda *_, stop=self._stop_watching: stop())
        self.quit_action.triggered.connect(self.close)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_currentRowChanged)
        self.table.activated.connect(self._on_table_activated)
        self.idle_timer.timeout.connect(self.lock)
        self.unlock_button.clicked.connect(self._open_lock_dialog)
        if self.workspace is not None:
            self.workspace.changes_applied.connect(self.changes_applied.emit)
        self.changes_applied.connect(self._on_changes_applied)
        notices_for(self.store).changed.connect(self._on_store_changed)
        if self.today is not None:
            self.today.open_requested.connect(self.open_dose_visit)
            self.today.contact_requested.connect(self.open_contact)
            self.today_action.triggered.connect(self.today.table.setFocus)
        if self.sae_banner is not None:
            self.sae_banner.open_requested.connect(self._on_sae_banner_open_requested)
        if self.conflict_banner is not None:
            self.conflict_banner.open_requested.connect(self.show_conflicts)
            self.conflicts_action.triggered.connect(self.show_conflicts)
            self.exchange_action.triggered.connect(self.show_exchange)

    # --- register -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the register, the Today list and the SAE banner from the store."""
        self._reload_register()
        if self.today is not None:
            self.today.reload()
        if self.sae_banner is not None:
            self.sae_banner.reload()
        if self.conflict_banner is not None:
            self.conflict_banner.reload()

    def show_conflicts(self) -> None:
        """The exchange conflicts window (Exchange > Conflicts, Ctrl+Shift+K, the banner's button)."""
        ConflictsDialog(self.store, self.user, self).exec()
        self.conflict_banner.reload()

    def show_exchange(self) -> None:
        """The exchange window: per paired workstation what was sent and received; send, receive, sync."""
        ExchangeDialog(self.store, self.user, self).exec()
        self.conflict_banner.reload()

    def _on_store_changed(self, changes) -> None:
        """Reload what a change touches: the register, the Today list, the SAE banner."""
        if changes.touches(*REGISTER_TABLES):
            if changes.subjects and len(changes.subjects) <= BY_PARTICIPANT_MOST:
                self._update_register(changes.subjects)
            else:
                self._reload_register()
        if self.today is not None and changes.touches(*TODAY_TABLES):
            if changes.subjects and len(changes.subjects) <= BY_PARTICIPANT_MOST:
                self.today.update(changes.subjects)
            else:
                self.today.reload()
        if self.sae_banner is not None and changes.touches(*SAE_TABLES):
            self.sae_banner.reload()
        if self.conflict_banner is not None:  # a count of one indexed table: cheap on every change
            self.conflict_banner.reload()

    def _reload_register(self) -> None:
        """Reload the register from the store (keeps the selected participant). A large register is read in
        turns of the event loop: first every participant without the next visit (one quick query), then the next
        visits ``REGISTER_FILL_CHUNK`` participants at a time — never a quarter of a second on the UI thread at
        start-up or after a received bundle (issue 15)."""
        if self.staff is not None:
            self.empty_note.setText(self.tr("Your role has no access to clinical data."))
            return
        self._fill_turn += 1  # a fill still under way for an older read stops
        try:
            rows = participants_service.list_participants(self.store, self.user, next_visits=False)
            if len(rows) <= REGISTER_FILL_CHUNK:
                rows = participants_service.list_participants(self.store, self.user)
                self._fill_queue = []
            else:
                self._fill_queue = [r.id for r in rows]
                QTimer.singleShot(0, self, lambda turn=self._fill_turn: self._fill_register(turn))
        except PermissionDenied:
            self.model.set_rows([])
            self.empty_note.setText(self.tr("Your role has no access to clinical data."))
            return
        current = self.workspace.participant_id if self.workspace is not None else None
        self.model.set_rows(rows)
        self._size_columns()
        self.empty_note.setText("" if rows else self.tr("No participants yet."))
        if current:
            self.select_participant(current, open_workspace=False)

    def _fill_register(self, turn: int) -> None:
        """The next visits of the next ``REGISTER_FILL_CHUNK`` participants of a large register (see
        :meth:`_reload_register`); the columns are sized again once all are in."""
        if turn != self._fill_turn or not self._fill_queue:
            return
        chunk, self._fill_queue = self._fill_queue[:REGISTER_FILL_CHUNK], self._fill_queue[REGISTER_FILL_CHUNK:]
        self._update_register(chunk)
        if self._fill_queue:
            QTimer.singleShot(0, self, lambda: self._fill_register(turn))
        else:
            self._size_columns()

    def register_filled(self) -> bool:
        """Every row of the register has its next visit (a large register fills in turns of the event loop)."""
        return not self._fill_queue

    def _update_register(self, participant_ids) -> None:
        """Read again only the participants a change touched (a save reads one; reading all 5,000 took 0.7 s of
        the UI thread), keeping the selected one."""
        if self.staff is not None:
            return
        try:
            rows = participants_service.list_participants(self.store, self.user, only=participant_ids)
        except PermissionDenied:
            return
        current = self.workspace.participant_id if self.workspace is not None else None
        self.model.update_rows(participant_ids, rows)
        self.empty_note.setText("" if self.model.all_rows() else self.tr("No participants yet."))
        if current:
            self.select_participant(current, open_workspace=False)

    def _size_columns(self) -> None:
        """Fit the register's columns to their headers and every word they show (a few dozen distinct ones, not
        every row: issue 15), and the left pane to the register, so that nothing in it is cut at 1366×768 in
        either language (issue 13); the workspace keeps at least what its ten tabs need."""
        texts = {c: self.model.column_texts(c) for c in range(self.model.columnCount())
                 if not self.table.isColumnHidden(c)}
        widths = fit_columns(self.table, texts=texts)
        # (the last column stretches to the pane: what it needs is its own width, not the one it shows)
        needed = (sum(widths.values()) + self.table.verticalScrollBar().sizeHint().width()
                  + 2 * self.table.frameWidth())
        margins = self.table.parentWidget().layout().contentsMargins()
        self._register_needs = needed + margins.left() + margins.right()
        self._fit_register_pane()

    def _fit_register_pane(self) -> None:
        """Widen the register's pane to what its columns need, as far as the workspace beside it keeps
        ``WORKSPACE_LEAST`` (a person who dragged the divider wider keeps their width)."""
        sizes = self.splitter.sizes()
        total = sum(sizes) if sum(sizes) > 0 else self.width()
        left = min(self._register_needs, max(REGISTER_PANE_MOST, total - WORKSPACE_LEAST))
        if left > sizes[0]:
            self.splitter.setSizes([left, max(0, total - left)])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if getattr(self, "_register_needs", 0):
            QTimer.singleShot(0, self, self._fit_register_pane)  # once the splitter has its new width

    def _on_filter_textChanged(self, text: str) -> None:
        """Filter the register; the participant open stays selected whenever the filter shows them."""
        self.model.set_filter_text(text)
        if self.workspace is not None and self.workspace.participant_id:
            self.select_participant(self.workspace.participant_id, open_workspace=False)

    def select_participant(self, participant_id: str, open_workspace: bool = True) -> None:
        row = self.model.row_of(participant_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().blockSignals(not open_workspace)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)

    def _on_table_currentRowChanged(self, current, previous) -> None:
        if not current.isValid() or self.workspace is None:
            return
        row = self.model.data(current, ParticipantTableModel.ROW_ROLE)
        if row.id == self.workspace.participant_id:
            return
        if self.workspace.screening.dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved screening input"),
                self.tr("The screening checklist of {study_id} has unsaved input. Discard it?").format(
                    study_id=self.workspace.study_id))
            if answer != QMessageBox.StandardButton.Yes:
                self.select_participant(self.workspace.participant_id, open_workspace=False)
                return
        self.workspace.show_participant(row.id)
        self.right.setCurrentWidget(self.workspace)
        if not self.table.selectionModel().isRowSelected(current.row(), current.parent()):
            self.table.selectRow(current.row())  # Tab into the list makes a row current only: show it as open

    def _on_table_activated(self, index) -> None:
        if self.workspace is not None and self.workspace.participant_id:
            self.workspace.setFocus()

    def open_dose_visit(self, participant_id: str, dose_code: str) -> None:
        """Open the participant's Injections tab at ``dose_code`` (from the Today list)."""
        if self.workspace is None:
            return
        self.filter.clear()
        self.select_participant(participant_id)
        self.workspace.visit_tabs.open_dose(participant_id, dose_code)

    def open_contact(self, participant_id: str, visit_code: str) -> None:
        """Open the participant's Contacts tab at ``visit_code`` (from the Today list)."""
        if self.workspace is None:
            return
        self.filter.clear()
        self.select_participant(participant_id)
        self.workspace.visit_tabs.open_contact(participant_id, visit_code)

    def _on_sae_banner_open_requested(self, participant_id: str) -> None:
        if self.workspace is None:
            return
        self.filter.clear()
        self.select_participant(participant_id)
        self.workspace.setCurrentWidget(self.workspace.visit_tabs.ae_page)

    def _on_new_action_triggered(self) -> None:
        try:  # the account as stored now: a session the administrator ended is told so (and signed out)
            permissions.require(self.user, Action.REGISTER_CANDIDATE)
        except PermissionDenied:
            return

        def submit(values: CandidateValues):
            return participants_service.register_candidate(
                self.store, self.user, sex=values.sex, birth_date=values.birth_date,
                childbearing_potential=values.childbearing_potential, identity=values.identity,
                sex_mismatch_confirmed=values.sex_mismatch_confirmed)

        changes = NewCandidateDialog.ask(self, submit, with_identity=allowed(self.user, Action.EDIT_IDENTITY))
        if changes is None:
            return
        self.changes_applied.emit(changes)
        self.filter.clear()
        self.select_participant(changes.participant_id)
        self.statusBar().showMessage(self.tr("Registered {study_id}.").format(study_id=changes.note), 8000)

    def _on_changes_applied(self, changes) -> None:
        # Views reload from the store's notices (_on_store_changed); this shows the service's note.
        note = getattr(changes, "note", None)
        if note and not note.startswith("KTS"):
            self.statusBar().showMessage(QCoreApplication.translate("errors", note), 15000)

    # --- idle lock ----------------------------------------------------------------------------------

    def lock(self) -> None:
        """Cover the window (widgets and unsaved input stay) and ask for the same user's password."""
        if self.locked:
            return
        self.locked = True
        self.idle_watcher.paused = True
        self.idle_timer.stop()
        # Other open dialogs keep running (hiding one would end its exec() and lose its input);
        # their content is hidden until the same user unlocks.
        for window in QApplication.topLevelWidgets():
            if window is self or window is self.lock_dialog or not window.isVisible():
                continue
            for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if child.isVisible():
                    child.hide()
                    child.setProperty("trialdesk_hidden_by_lock", True)
        self.stack.setCurrentWidget(self.lock_page)
        self.store.log_event("WINDOW_LOCKED", auth.actor(self.user))
        self._open_lock_dialog()

    def _open_lock_dialog(self) -> None:
        if not self.locked:
            return
        if self.lock_dialog is None:
            self.lock_dialog = LoginDialog(self._reauthenticate, site=self.site_name,
                                           fixed_username=self.user.username, parent=self)
            self.lock_dialog.finished.connect(self._on_lock_dialog_finished)
        self.lock_dialog.password.clear()
        self.lock_dialog.error.show_message(None)
        self.lock_dialog.open()

    def _reauthenticate(self, username: str, password: str) -> User:
        auth.reauthenticate(self.store, self.user, username, password)
        return self.user

    def _on_lock_dialog_finished(self, result: int) -> None:
        if result:
            self.unlock()
            return
        answer = QMessageBox.question(
            self, self.tr("Sign out"),
            self.tr("Sign out {name}? Unsaved input in this window will be lost.").format(name=self.user.full_name))
        if answer == QMessageBox.StandardButton.Yes:
            self.sign_out_requested.emit()
        else:
            self._open_lock_dialog()

    def unlock(self) -> None:
        self.locked = False
        self.stack.setCurrentIndex(0)
        for window in QApplication.topLevelWidgets():
            for child in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if child.property("trialdesk_hidden_by_lock"):
                    child.setProperty("trialdesk_hidden_by_lock", None)
                    child.show()
        self.idle_watcher.paused = False
        self.idle_timer.start()
        self.store.log_event("WINDOW_UNLOCKED", auth.actor(self.user))

    # --- the session ------------------------------------------------------------------------------

    def change_my_password(self) -> bool:
        """Every user changes their own password (the current one is asked)."""
        def submit(values: PasswordChange):
            return auth.change_password(self.store, self.user, values.old_password, values.new_password)

        dialog = ChangePasswordDialog(submit, parent=self)
        if not dialog.exec():
            return False
        self.statusBar().showMessage(self.tr("Your password is changed."), 8000)
        return True

    def _on_session_refused(self, problem) -> None:
        # Called by permissions.require, possibly on the worker thread: only emit (queued).
        if problem.user_id != self.user.id:
            return
        try:
            self.session_ended.emit(problem)
        except RuntimeError:  # this window is already gone
            pass

    def _on_session_ended(self, problem) -> None:
        """The administrator changed this account (or it is locked): lock, or tell and sign out."""
        if self._ending:
            return
        if problem.why == "locked":
            self.lock()
            if self.lock_dialog is not None:
                self.lock_dialog.error.show_message(error_text(problem))
            return
        self._ending = True
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QDialog) and window.isVisible() and window is not self.lock_dialog \
                    and self._owns(window):
                window.reject()
        QMessageBox.information(self, self.tr("Signed out"), error_text(problem) + "\n\n" + self.tr(
            "You are signed out; input not yet saved in this window is lost."))
        self.sign_out_requested.emit()

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._stop_watching()
        self.check_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle_watcher)
        self.idle_timer.stop()
        super().closeEvent(event)

    # --- the idle full check ------------------------------------------------------------------------

    def _check_store_in_background(self) -> None:
        if self.locked or self.store_check_problems is not None:
            return
        store, report = self.store, self.store_checked.emit

        def work() -> None:
            try:
                problems = workstation.full_check(store)
            except Exception as exc:  # noqa: BLE001 - told to the user as a problem found, never a traceback
                problems = [str(exc) or type(exc).__name__]
            try:
                report(problems)  # queued to the GUI thread (the window lives there)
            except RuntimeError:  # the window is gone
                pass

        self.store_checked.connect(self._on_store_checked, Qt.ConnectionType.QueuedConnection)
        threading.Thread(target=work, name="trialdesk-store-check", daemon=True).start()

    def _on_store_checked(self, problems: list[str]) -> None:
        self.store_check_problems = list(problems)
        if not problems:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Store check"), self.tr(
            "The store failed its integrity check: part of the file is damaged. Save nothing more, close TrialDesk "
            "and restore the latest backup with 'trialdesk restore' (ask IT)."), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("trialdesk-store-check")
        box.open()

    # --- store actions ------------------------------------------------------------------------------

    def _step_text(self, step: str) -> str:
        """What a verify or backup step is doing, for the progress dialog."""
        return {
            "integrity": self.tr("Checking the database file…"),
            "audit chain": self.tr("Checking the audit chain…"),
            "replay": self.tr("Comparing every table with its audit trail…"),
            "backups": self.tr("Comparing the audit chain with the backups…"),
            "copy": self.tr("Copying the store…"),
            "check": self.tr("Checking the copy…"),
        }.get(step, self.tr("Working…"))

    def _on_backup_action_triggered(self) -> None:
        """The backup runs on the store's worker thread with a progress bar (issue 15, point 2)."""
        from trialdesk.ui import tasks

        store, user = self.store, self.user

        def done(check) -> None:
            self.statusBar().showMessage(
                self.tr("Backup written and verified: {file}").format(file=check.path.name), 8000)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Backup"), error_text(exc))

        self.backup_task = tasks.run_with_progress(
            self, lambda report: workstation.make_backup(
                store, user, progress=lambda step, fraction: report(self._step_text(step), fraction)),
            done, failed, label=self.tr("Making a backup…"))

    def _on_verify_action_triggered(self) -> None:
        """Verify runs on the store's worker thread with a progress bar; the report is shown when it is done."""
        from trialdesk.ui import tasks

        store = self.store

        def done(report) -> None:
            text = "\n".join(report.lines(limit=20))
            if report.ok:
                QMessageBox.information(self, self.tr("Verify store"), self.tr("All checks passed.") + "\n\n" + text)
            else:
                QMessageBox.critical(self, self.tr("Verify store"), self.tr("Problems found.") + "\n\n" + text)

        self.verify_task = tasks.run_with_progress(
            self, lambda report: workstation.verify(
                store, progress=lambda step, fraction: report(self._step_text(step), fraction)),
            done, label=self.tr("Verifying the store…"))


__all__ = ["IdleWatcher", "MainWindow", "TrialDeskError"]
