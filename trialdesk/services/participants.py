"""Participant register use cases (listing for now; screening builds on it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.services.permissions import Action, require

STATUSES = ("candidate", "screening", "screen_failure", "enrolled", "on_treatment", "follow_up",
            "completed", "withdrawn")


@dataclass(frozen=True)
class ParticipantRow:
    """One line of the participant register (no identity data)."""

    id: str
    study_id: str
    status: str
    sex: str | None
    birth_date: str | None
    site: str
    next_visit: str | None = None
    next_visit_date: str | None = None

    def age_on(self, day: date) -> int | None:
        if not self.birth_date:
            return None
        born = date.fromisoformat(self.birth_date)
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def list_participants(store: Store, user: User) -> list[ParticipantRow]:
    """Every participant of this store, by study id."""
    require(user, Action.VIEW_CLINICAL)
    rows = store.db.execute(
        "SELECT id, study_id, status, sex, birth_date, site FROM participants ORDER BY study_id"
    ).fetchall()
    return [ParticipantRow(*r) for r in rows]
