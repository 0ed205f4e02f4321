"""What every part of the visit services needs: the participant row, the first dose, the age on a day."""

from __future__ import annotations

from datetime import date, datetime

from trialdesk.db import participants as participants_repo
from trialdesk.db import visits as repo
from trialdesk.db.connection import Store
from trialdesk.domain import blinding
from trialdesk.domain.dates import age_on
from trialdesk.errors import ValidationError


def participant(store: Store, participant_id: str) -> dict:
    """Every column of the participant (see :func:`trialdesk.db.participants.row`); ValidationError if none."""
    row = participants_repo.row(store.db, participant_id)
    if row is None:
        raise ValidationError("No such participant.")
    return row


def first_dose_at(db, participant_id: str) -> datetime | None:
    """The participant's first dose as the blinding rule defines it (the earliest injection given)."""
    return blinding.first_dose_at(repo.administration_starts(db, participant_id))


def age(participant_row: dict, day: date) -> int | None:
    """Age in whole years on ``day`` (None without a birth date)."""
    birth = participant_row.get("birth_date")
    return age_on(date.fromisoformat(birth), day) if birth else None
