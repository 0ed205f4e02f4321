"""The "Course" tab of the participant workspace: status and since when, what may still be recorded (in the rules'
own words), the disposition history, and the investigator's four actions (others read why they cannot)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from trialdesk.domain.disposition import COURSE_EVENTS, Activity, Event
from trialdesk.errors import TrialDeskError
from trialdesk.services import disposition as disposition_service
from trialdesk.services.inputs import show_date
from trialdesk.services.participants import Changes
from trialdesk.ui.disposition.dialogs import DispositionDialog, DispositionValues
from trialdesk.ui.disposition.model import DispositionTableModel
from trialdesk.ui.i18n import error_text
from trialdesk.ui.notices import COURSE_TABLES, notices_for
from trialdesk.ui.participants.model import status_text
from trialdesk.ui.record_words import code_word
from trialdesk.ui.widgets import fit_columns, row_table

_AMBER = "color: #6d4c00; background: #fff4d6; border: 1px solid #6d4c00; border-radius: 3px; padding: 6px;"
_GREEN = "color: #1b5e20; background: #e8f5e9; border: 1px solid #1b5e20; border-radius: 3px; padding: 6px;"


class CourseWidget(QWidget):
    """One participant's course.

    Signals:
        changes_applied(object): a :class:`Changes` after an event was recorded (the workspace passes it on).
    Attributes:
        view: the last :class:`services.disposition.CourseView` shown.
        headline, statement: the status line and what the course blocks and why; ``activity_labels`` one line
            per activity (✓ / ✗, never colour alone); ``action_buttons`` event -> button; ``why_not`` the
            reasons of the buttons that are off; ``history_model`` the events.
    """

    changes_applied = Signal(object)

    def __init__(self, store, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.user = store, user
        self.participant_id: str | None = None
        self.view: disposition_service.CourseView | None = None
        box = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.headline.setWordWrap(True)
        self.statement = QLabel()
        self.statement.setWordWrap(True)
        self.statement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statement.setAccessibleName(self.tr("What may still be recorded"))
        box.addWidget(self.headline)
        box.addWidget(self.statement)
        box.addWidget(QLabel("<b>" + self.tr("What may still be recorded") + "</b>"))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.activity_labels: dict[Activity, QLabel] = {}
        for i, activity in enumerate(Activity):
            label = QLabel()
            self.activity_labels[activity] = label
            grid.addWidget(label, i // 2, i % 2)
        box.addLayout(grid)
        buttons = QHBoxLayout()
        texts = {Event.STUDY_DRUG_DISCONTINUED: self.tr("&Discontinue study drug…"),
                 Event.CONSENT_WITHDRAWN: self.tr("&Withdraw consent…"),
                 Event.LOST_TO_FOLLOW_UP: self.tr("Mar&k lost to follow-up…"),
                 Event.DEATH: self.tr("Record d&eath…")}
        self.action_buttons: dict[Event, QPushButton] = {}
        for event in COURSE_EVENTS:
            button = QPushButton(texts[event])
            self.action_buttons[event] = button
            buttons.addWidget(button)
            button.clicked.connect(lambda _=False, e=event: self.record(e))
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.why_not = QLabel()
        self.why_not.setWordWrap(True)
        self.why_not.setStyleSheet("color: #444;")
        box.addWidget(self.why_not)
        box.addWidget(QLabel("<b>" + self.tr("History of the course") + "</b>"))
        self.history_model = DispositionTableModel(self)
        self.history = row_table(self.history_model, self.tr("History of the course"))
        box.addWidget(self.history, 1)
        notices_for(store).changed.connect(self._on_store_changed)

    # --- showing ----------------------------------------------------------------------------------------------

    def show_participant(self, participant_id: str) -> None:
        self.participant_id = participant_id
        self.reload()

    def _on_store_changed(self, changes) -> None:
        if changes.touches_subject(self.participant_id) and changes.touches(*COURSE_TABLES):
            self.reload()

    def reload(self) -> None:
        if self.participant_id is None:
            return
        try:
            view = disposition_service.course_view(self.store, self.user, self.participant_id)
            events = disposition_service.events(self.store, self.user, self.participant_id)
        except TrialDeskError as exc:
            self.headline.setText(error_text(exc))
            return
        self.view = view
        self.headline.setText(self._headline(view))
        if view.statement is None:
            self.statement.setText(self.tr("Everything the protocol plans may be recorded."))
            self.statement.setStyleSheet(_GREEN)
        else:
            self.statement.setText(error_text(view.statement))
            self.statement.setStyleSheet(_AMBER)
        for activity, label in self.activity_labels.items():
            refused = view.refusals[activity]
            label.setText(("✗ " if refused else "✓ ") + self._activity_text(activity))
            label.setToolTip(error_text(refused) if refused else "")
            label.setAccessibleName(label.text() + (" — " + self.tr("not now") if refused else ""))
        reasons = []
        for event, button in self.action_buttons.items():
            why = view.actions[event]
            button.setEnabled(why is None)
            button.setToolTip(error_text(why) if why else "")
            if why is not None:
                reasons.append(error_text(why))
        # One sentence once (a nurse reads "only an investigator …" once, not four times).
        unique = list(dict.fromkeys(reasons))
        self.why_not.setText("\n".join(f"• {self._action_text(e)}: {error_text(w)}" for e, w in view.actions.items()
                                       if w is not None) if len(unique) > 1 else (unique[0] if unique else ""))
        self.history_model.set_rows(events)
        fit_columns(self.history)
        header = self.history.horizontalHeader()
        header.resizeSection(3, min(header.sectionSize(3), 300))  # the reason: elided, whole in the tooltip

    def _headline(self, view) -> str:
        text = self.tr("{study_id}: {status}").format(study_id=view.study_id, status=status_text(view.status))
        if view.since is not None:
            text += self.tr(" since {day}").format(day=show_date(view.since))
        if view.drug_discontinued_on is not None:
            text += self.tr(" · study drug discontinued on {day}").format(day=show_date(view.drug_discontinued_on))
        if view.withdrawal_scope:
            text += " · " + code_word("dispositions", "withdrawal_scope", view.withdrawal_scope)
        if view.status in ("enrolled", "on_treatment", "follow_up", "completed"):
            count = view.attempts
            text += "\n" + self.tr("{n} unsuccessful contact attempts since the last successful contact "
                                   "(lost to follow-up needs {needed})").format(n=count.unsuccessful,
                                                                                needed=count.needed)
        return text

    def _activity_text(self, activity: Activity) -> str:
        return {
            Activity.DOSE: self.tr("doses (dose visits and injections)"),
            Activity.BLOOD_TEST: self.tr("blood tests at consultations"),
            Activity.CONTACT: self.tr("contacts and follow-up calls"),
            Activity.CONSULTATION: self.tr("doctor consultations"),
            Activity.END_OF_STUDY: self.tr("the end-of-study visit"),
            Activity.ADVERSE_EVENT: self.tr("adverse events"),
            Activity.MEDICATION: self.tr("concomitant medications"),
        }[activity]

    def _action_text(self, event: Event) -> str:
        return self.action_buttons[event].text().replace("&", "").rstrip("…")

    # --- recording ----------------------------------------------------------------------------------------------

    def record(self, event: Event) -> bool:
        """Open the dialog of ``event`` and record it; True when recorded."""
        view = self.view
        if view is None or view.actions.get(event) is not None:
            return False
        pid, store, user = self.participant_id, self.store, self.user

        def submit(values: DispositionValues):
            if event is Event.STUDY_DRUG_DISCONTINUED:
                return disposition_service.discontinue_study_drug(store, user, pid, day=values.day,
                                                                  reason=values.reason)
            if event is Event.CONSENT_WITHDRAWN:
                return disposition_service.withdraw_consent(store, user, pid, day=values.day, scope=values.scope,
                                                            reason=values.reason,
                                                            no_reason_given=values.no_reason_given)
            if event is Event.LOST_TO_FOLLOW_UP:
                return disposition_service.mark_lost_to_follow_up(store, user, pid, day=values.day,
                                                                  reason=values.reason)
            return disposition_service.record_death(store, user, pid, day=values.day,
                                                    adverse_event_id=values.adverse_event_id, reason=values.reason)

        attempts = ""
        if event is Event.LOST_TO_FOLLOW_UP:
            count = view.attempts
            attempts = self.tr("{n} unsuccessful contact attempts are documented since the last successful contact "
                               "({last}); the protocol needs {needed}.").format(
                n=count.unsuccessful, needed=count.needed,
                last=show_date(count.last_success) if count.last_success else self.tr("none recorded"))
        done = DispositionDialog.ask(self, submit, event, study_id=view.study_id,
                                     fatal_adverse_events=view.fatal_adverse_events, attempts_text=attempts)
        if done is None:
            return False
        self.changes_applied.emit(Changes.of(self.store, pid, self.tr("Recorded: {event}.").format(
            event=code_word("dispositions", "event", event.value))))
        return True
