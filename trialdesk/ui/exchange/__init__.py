"""The Exchange menu's screens (issue 12, point 7): the exchange window (per paired workstation what was sent,
acknowledged, received, held, in conflict; send to a file, receive a file, sync with a folder, the reconciliation
report), the conflicts window (both sides, who, when, where, why; decide with a reason) and the banner that shows
open conflicts the way the SAE clock is shown. Every store call goes through ``services``; the slow ones (receive,
sync) run off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain import records
from trialdesk.errors import TrialDeskError
from trialdesk.services import bundles, merge, printing
from trialdesk.services.permissions import Action, allowed
from trialdesk.ui import record_words
from trialdesk.ui.i18n import error_text
from trialdesk.ui.table_model import RowTableModel
from trialdesk.ui.tasks import run_in_background
from trialdesk.ui.widgets import fit_columns, row_table, ui_language

__all__ = ["ConflictBanner", "ConflictsDialog", "ExchangeDialog"]

BUNDLE_FILTER = "TrialDesk bundle (*.tdbundle)"


def _moment(text: str | None) -> str:
    if not text:
        return ""
    from trialdesk.services import formats

    return formats.moment(text)


class ConflictBanner(QFrame):
    """Open exchange conflicts: hidden when none, else one line and a button, above the register.

    Signals:
        open_requested(): the user asked for the conflicts window.
    """

    open_requested = Signal()

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ConflictBanner { border: 2px solid #e65100; background: #fff3e0; }")
        box = QHBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        self.label = QLabel()
        self.label.setStyleSheet("color: #bf360c; font-weight: 700;")
        self.button = QPushButton(self.tr("Show &conflicts…"))
        self.button.clicked.connect(self.open_requested.emit)
        box.addWidget(self.label, 1)
        box.addWidget(self.button)
        self.count = 0
        self.hide()

    def reload(self) -> None:
        try:
            self.count = merge.open_conflict_count(self.store)
        except TrialDeskError:
            self.count = 0
        self.label.setText(self.tr("Exchange conflict(s) waiting for an investigator's decision: %n (the same data was "
                                   "changed at two workstations).", "", self.count))
        self.setVisible(self.count > 0)


# --- conflicts ---------------------------------------------------------------------------------------------------

def _t(text: str) -> str:
    return QCoreApplication.translate("ExchangeWords", text)


def _field_words(table: str, field: str | None) -> str:
    if not field:
        return ""
    words = []
    for column in field.split(","):
        try:
            words.append(record_words.label(table, column))
        except KeyError:
            words.append(column)
    return ", ".join(words)


def _value_words(table: str, field: str | None, value) -> str:
    if value == merge.MASKED:
        return _t("masked (blinded)")
    if isinstance(value, dict):
        return _t("a whole record")
    if value is None:
        return _t("(empty)")
    if field and "," not in field:
        try:
            f = records.field_of(table, field)
        except KeyError:
            return str(value)
        if f.codes:
            return record_words.code_word(table, field, str(value))
    return str(value)


class ConflictTableModel(RowTableModel):
    def columns(self):
        return (
            (record_words.record_label("participants"), lambda c: c.study_id or ""),
            (record_words.heading("conflict_resolutions", "record_table"), lambda c: record_words.record_label(c.table)),
            (record_words.heading("conflict_resolutions", "field"), lambda c: _field_words(c.table, c.field)),
            (self.tr("Here"), lambda c: _value_words(c.table, c.field, c.local_value)),
            (self.tr("Other workstation"), lambda c: _value_words(c.table, c.field, c.remote_value)),
            (self.tr("From site"), lambda c: c.origin_site),
        )


KIND_TEXT = {
    "field": QT_TRANSLATE_NOOP("ExchangeWords", "Both workstations changed this field since they last agreed."),
    "duplicate": QT_TRANSLATE_NOOP("ExchangeWords", "The same record (by its key) was entered at both workstations."),
    "deleted_there": QT_TRANSLATE_NOOP("ExchangeWords", "Changed here, deleted at the other workstation."),
    "deleted_here": QT_TRANSLATE_NOOP("ExchangeWords", "Changed at the other workstation, not here (deleted here, "
                                                       "or its creation is in conflict)."),
    "missing_parent": QT_TRANSLATE_NOOP("ExchangeWords", "Its parent record is not here."),
    "decided_differently": QT_TRANSLATE_NOOP("ExchangeWords", "Two investigators decided this conflict "
                                                              "differently."),
}


class ConflictsDialog(QDialog):
    """The open conflicts, one selected at a time with both sides in full; an investigator decides it."""

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Exchange conflicts"))
        self.resize(1100, 600)
        box = QVBoxLayout(self)
        self.model = ConflictTableModel(self)
        self.table = row_table(self.model, self.tr("Open exchange conflicts"))
        self.table.setTabKeyNavigation(False)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the decision (required)"))
        self.reason.setAccessibleName(self.tr("Reason for the decision"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.keep_this = QPushButton(self.tr("Keep &this workstation's"))
        self.take_other = QPushButton(self.tr("Take the &other's"))
        self.enter_value = QPushButton(self.tr("&Enter the correct value…"))
        may = allowed(user, Action.RESOLVE_CONFLICT)
        for button in (self.keep_this, self.take_other, self.enter_value):
            button.setEnabled(may)
            button.setAutoDefault(False)  # Enter in the reason field decides nothing by itself
        row = QHBoxLayout()
        for button in (self.keep_this, self.take_other, self.enter_value):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        box.addWidget(self.table, 1)
        box.addWidget(self.detail)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        box.addWidget(reason_label)
        box.addWidget(self.reason)
        box.addLayout(row)
        box.addWidget(self.message)
        box.addWidget(close)
        if not may:
            self.message.setText(self.tr("Only an investigator decides a conflict."))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.keep_this.clicked.connect(lambda: self._resolve("this"))
        self.take_other.clicked.connect(lambda: self._resolve("other"))
        self.enter_value.clicked.connect(lambda: self._resolve("entered"))
        self.reload()

    def reload(self) -> None:
        try:
            found = merge.conflicts(self.store, self.user)
        except TrialDeskError as exc:
            self.message.setText(error_text(exc))
            found = []
        self.model.set_rows(found)
        fit_columns(self.table)  # a few rows: their words fit, the last column stretches
        if found:
            self.table.selectRow(0)
        self._show()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.reason.setFocus()

    def current(self) -> merge.Conflict | None:
        return self.model.row_at(self.table.currentIndex())

    def _side(self, title: str, value: str, who: dict | None) -> str:
        who = who or {}
        return self.tr("{title}: {value}\n    by {user}, {when}, site {site}; reason: {reason}").format(
            title=title, value=value, user=who.get("username") or "?", when=_moment(who.get("at")),
            site=who.get("site") or "?", reason=who.get("reason") or self.tr("(none: the first entry)"))

    def _show(self) -> None:
        c = self.current()
        self.enter_value.setVisible(c is not None and c.kind == "field")
        if c is None:
            self.detail.setText(self.tr("No open conflicts."))
            return
        what = _t(KIND_TEXT.get(c.kind, c.kind))
        head = self.tr("{participant} · {record} · {field}").format(
            participant=c.study_id or "—", record=record_words.record_label(c.table),
            field=_field_words(c.table, c.field) or "—")
        self.detail.setText("\n".join([head, what,
                                       self._side(self.tr("Here"), _value_words(c.table, c.field, c.local_value),
                                                  c.local),
                                       self._side(self.tr("Site {site}").format(site=c.origin_site),
                                                  _value_words(c.table, c.field, c.remote_value), c.remote)]))

    def _resolve(self, choice: str) -> None:
        c = self.current()
        if c is None:
            return
        value = None
        if choice == "entered":
            value, ok = QInputDialog.getText(self, self.tr("Enter the correct value"),
                                             _field_words(c.table, c.field) or self.tr("Correct value"))
            if not ok:
                return
        try:
            merge.resolve(self.store, self.user, c.id, choice, self.reason.text(), value=value)
        except TrialDeskError as exc:
            self.message.setText(error_text(exc))
            self.reason.setFocus()
            return
        self.message.setText(self.tr("Decided. The decision is sent to the other workstations with the next "
                                     "bundles."))
        self.reason.clear()
        self.reload()


# --- the exchange window ----------------------------------------------------------------------------------------

class PeerStatusModel(RowTableModel):
    def columns(self):
        return (
            (self.tr("Site"), lambda s: f"{s.site_code} · {s.site_name}"),
            (self.tr("Pairing"), lambda s: self.tr("in use") if s.active else self.tr("revoked")),
            (self.tr("To send"), lambda s: s.to_send),
            (self.tr("Acknowledged"), lambda s: s.acked_seq),
            (self.tr("Received"), lambda s: s.events_applied),
            (self.tr("Last received"), lambda s: _moment(s.last_received_at)),
            (self.tr("Held"), lambda s: len(s.held)),
            (self.tr("Conflicts"), lambda s: s.open_conflicts),
        )


class ExchangeDialog(QDialog):
    """Per paired workstation, the exchange state; send, receive, sync, the reconciliation report."""

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.setWindowTitle(self.tr("Exchange with other workstations"))
        self.resize(1000, 480)
        box = QVBoxLayout(self)
        self.model = PeerStatusModel(self)
        self.table = row_table(self.model, self.tr("Paired workstations"))
        self.table.setTabKeyNavigation(False)
        self.peer = QComboBox()
        self.peer.setAccessibleName(self.tr("Workstation"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.send_button = QPushButton(self.tr("&Send to a file…"))
        self.receive_button = QPushButton(self.tr("&Receive a file…"))
        self.sync_button = QPushButton(self.tr("S&ync with a folder…"))
        self.report_button = QPushButton(self.tr("Reconciliation &report…"))
        self.conflicts_button = QPushButton(self.tr("&Conflicts…"))
        buttons = QHBoxLayout()
        peer_label = QLabel(self.tr("&Workstation:"))
        peer_label.setBuddy(self.peer)
        buttons.addWidget(peer_label)
        buttons.addWidget(self.peer)
        for b in (self.send_button, self.receive_button, self.sync_button, self.report_button,
                  self.conflicts_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        box.addWidget(self.result)
        box.addWidget(close)
        self.send_button.clicked.connect(self.send)
        self.receive_button.clicked.connect(self.receive)
        self.sync_button.clicked.connect(self.sync)
        self.report_button.clicked.connect(self.report)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.reload()

    def reload(self) -> None:
        try:
            found = merge.status(self.store, self.user)
        except TrialDeskError as exc:
            self.result.setText(error_text(exc))
            found = []
        self.model.set_rows(found)
        fit_columns(self.table)  # one row per paired workstation: a handful
        current = self.peer.currentData()
        self.peer.clear()
        for s in found:
            if s.active:
                self.peer.addItem(f"{s.site_code} · {s.site_name}", s.store_id)
        if current is not None and self.peer.findData(current) >= 0:
            self.peer.setCurrentIndex(self.peer.findData(current))
        for b in (self.send_button, self.report_button):
            b.setEnabled(self.peer.count() > 0)

    def _say(self, text: str) -> None:
        self.result.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._say(error_text(exc))
        self.reload()

    def _import_words(self, report: merge.ImportReport) -> str:
        if report.outcome == "held":
            return self.tr("Held the bundle from site {site}: it starts after changes not yet received, and is "
                           "applied when they arrive.").format(site=report.origin_site)
        text = self.tr("Received from site {site}: %n change(s) applied", "", report.applied).format(
            site=report.origin_site)
        text += "; " + self.tr("%n new conflict(s)", "", report.conflicts)
        for later in report.released:
            text += "; " + self.tr("then a held bundle: %n change(s) applied", "", later.applied)
        return text + "."

    def send(self) -> None:
        peer_id = self.peer.currentData()
        if peer_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Send to a file"), str(
            Path.home() / f"trialdesk-{self.store.info.site_code}-to-{self.peer.currentText()[:1]}.tdbundle"),
            BUNDLE_FILTER)
        if not path:
            return

        def done(sent) -> None:
            self._say(self.tr("Written {file} for site {site}: %n change(s).", "", sent.manifest.event_count)
                      .format(file=Path(path).name, site=sent.peer.site_code))
            self.reload()

        run_in_background(self, lambda: bundles.send_bundle(self.store, self.user, peer_id, Path(path)), done,
                          self._failed, self.tr("Writing the bundle…"))

    def receive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Receive a file"), str(Path.home()), BUNDLE_FILTER)
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self._say(self.tr("Cannot read {file}: {problem}").format(file=path, problem=exc.strerror or exc))
            return

        def done(report) -> None:
            self._say(self._import_words(report))
            self.reload()

        run_in_background(self, lambda: merge.receive_bundle(self.store, self.user, data), done, self._failed,
                          self.tr("Receiving the bundle…"))

    def sync(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Sync with a folder"), str(Path.home()))
        if not folder:
            return

        def done(results) -> None:
            lines = []
            for r in results:
                if r.refused:
                    lines.append(self.tr("Site {site}: its bundle was refused: {why}").format(
                        site=r.peer.site_code, why=r.refused))
                elif r.received is not None:
                    lines.append(self._import_words(r.received))
                lines.append(self.tr("Written for site {site}: %n change(s).", "", r.sent.manifest.event_count)
                             .format(site=r.peer.site_code))
            self._say("\n".join(lines) or self.tr("No paired workstation."))
            self.reload()

        run_in_background(self, lambda: bundles.sync_folder(self.store, self.user, Path(folder)), done,
                          self._failed, self.tr("Syncing with the folder…"))

    def report(self) -> None:
        peer_id = self.peer.currentData()
        if peer_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Reconciliation report"),
                                              str(Path.home() / "reconciliation.pdf"), "PDF (*.pdf)")
        if not path:
            return
        language = ui_language()

        def work():
            data = printing.reconciliation_report(self.store, self.user, peer_id, language=language)
            from trialdesk.services import files

            files.save_new(Path(path), data)
            return path

        run_in_background(self, work, lambda p: self._say(self.tr("Reconciliation report written: {file}").format(
            file=Path(p).name)), self._failed, self.tr("Writing the report…"))

    def show_conflicts(self) -> None:
        ConflictsDialog(self.store, self.user, self).exec()
        self.reload()
