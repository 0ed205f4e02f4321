"""The blinding rule: who is blinded, what the first dose is, and which lab results are masked from when."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol


def is_blinded(user: object) -> bool:
    """Every site role is blinded except a user flagged as the unblinded safety physician (as the account is
    stored now, when the user can tell: a revoked designation takes effect in a session already open)."""
    stored = getattr(user, "stored", None)
    current = stored() if callable(stored) else user
    return not getattr(current, "unblinded", False)


def first_dose_at(administration_starts: Iterable[datetime | None]) -> datetime | None:
    """The first dose: the earliest injection actually given, by its administration start time.

    ``administration_starts`` are the start times of the participant's recorded administrations (in
    any order); a planned or missed dose is not a dose. None until one has been given.
    """
    starts = [moment for moment in administration_starts if moment is not None]
    return min(starts) if starts else None


def masked_analytes(protocol: Protocol, user: object, first_dose: datetime | None) -> frozenset[str]:
    """The analytes whose new values and safety wording ``user`` may not see now: the protocol's
    ``masked_after_first_dose`` analytes, for a blinded user, once the first dose has been given."""
    if not is_blinded(user) or first_dose is None:
        return frozenset()
    return frozenset(protocol.masked_analytes)


def result_masked(protocol: Protocol, user: object, analyte: str, sampled_at: datetime,
                  first_dose: datetime | None) -> bool:
    """Whether a saved result is hidden from ``user``: a masked analyte (for this user, see
    :func:`masked_analytes`) sampled at or after the first dose."""
    return (analyte in masked_analytes(protocol, user, first_dose) and first_dose is not None
            and sampled_at >= first_dose)
