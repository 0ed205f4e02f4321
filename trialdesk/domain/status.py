"""A participant's status in the trial and the changes of status the protocol allows."""

from __future__ import annotations

import enum

from trialdesk.domain.errors import RuleViolation


class ParticipantStatus(str, enum.Enum):
    """Where a participant is in the trial (the value is what the store keeps)."""

    CANDIDATE = "candidate"
    SCREENING = "screening"
    SCREEN_FAILURE = "screen_failure"
    ENROLLED = "enrolled"
    ON_TREATMENT = "on_treatment"
    FOLLOW_UP = "follow_up"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    LOST_TO_FOLLOW_UP = "lost_to_follow_up"
    DIED = "died"

    @property
    def words(self) -> str:
        """The status as words in English ("on treatment")."""
        return {"lost_to_follow_up": "lost to follow-up", "follow_up": "follow-up"}.get(self.value,
                                                                                 self.value.replace("_", " "))


S = ParticipantStatus

_GONE = frozenset({S.WITHDRAWN, S.LOST_TO_FOLLOW_UP, S.DIED})

TRANSITIONS: dict[ParticipantStatus, frozenset[ParticipantStatus]] = {
    # Consent opens screening; a signed decision enrols or fails (also straight from candidate, and a
    # screen failure whose corrected checklist is signed eligible is enrolled).
    S.CANDIDATE: frozenset({S.SCREENING, S.ENROLLED, S.SCREEN_FAILURE, S.WITHDRAWN}),
    S.SCREENING: frozenset({S.ENROLLED, S.SCREEN_FAILURE, S.WITHDRAWN}),
    S.SCREEN_FAILURE: frozenset({S.ENROLLED}),
    # The first dose given puts an enrolled participant on treatment; the study drug discontinued before
    # the first dose moves them to follow-up directly.
    S.ENROLLED: frozenset({S.ON_TREATMENT, S.FOLLOW_UP} | _GONE),
    # The last dose given, or the study drug discontinued: follow-up (which continues to the end of study).
    S.ON_TREATMENT: frozenset({S.FOLLOW_UP, S.COMPLETED} | _GONE),
    S.FOLLOW_UP: frozenset({S.COMPLETED} | _GONE),
    # After the end of study the long-term follow-up goes on: it can still end in withdrawal, loss or death.
    S.COMPLETED: _GONE,
    # A participant lost to follow-up may be found to have died; so may one who withdrew consent but agreed to
    # safety follow-up (the disposition service refuses it after a withdrawal with no further contact). Death
    # is final.
    S.LOST_TO_FOLLOW_UP: frozenset({S.DIED}),
    S.WITHDRAWN: frozenset({S.DIED}),
    S.DIED: frozenset(),
}
"""status -> the statuses it may change to (died is final; withdrawn only to died)."""

ENROLLABLE = frozenset({S.CANDIDATE, S.SCREENING, S.SCREEN_FAILURE})
"""Statuses in which a signed "eligible" decision enrols the participant."""
DOSING = frozenset({S.ENROLLED, S.ON_TREATMENT})
"""Statuses in which doses are given."""
TREATMENT_OVER = frozenset({S.FOLLOW_UP, S.COMPLETED, S.WITHDRAWN, S.LOST_TO_FOLLOW_UP, S.DIED})
"""Statuses after the treatment period: no new dose visit data."""


def status_of(value: str | ParticipantStatus) -> ParticipantStatus:
    """The status for a stored value (:class:`RuleViolation` for one the trial does not know)."""
    try:
        return ParticipantStatus(value)
    except ValueError:
        raise RuleViolation("Unknown participant status {status}.", field="status", status=str(value)) from None


def may_change(old: str | ParticipantStatus, new: str | ParticipantStatus) -> bool:
    """Whether a participant may go from ``old`` to ``new`` (staying the same is no change)."""
    return status_of(new) in TRANSITIONS[status_of(old)]


def check_transition(old: str | ParticipantStatus, new: str | ParticipantStatus) -> ParticipantStatus:
    """``new`` as a status when the change from ``old`` is allowed, else :class:`RuleViolation`."""
    before, after = status_of(old), status_of(new)
    if after not in TRANSITIONS[before]:
        allowed = ", ".join(s.words for s in ParticipantStatus if s in TRANSITIONS[before]) or "none (final)"
        raise RuleViolation("A participant who is {old} cannot become {new} (allowed: {allowed}).", field="status",
                            old=before.words, new=after.words, allowed=allowed)
    return after
