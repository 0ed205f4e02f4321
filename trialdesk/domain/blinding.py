"""The blinding rule: who is blinded, what the first dose is, and which lab results are masked from when."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Viewer:
    """Whether a user may see masked results, read once: for the many results of one screen or document, each
    of which asked the store for the account again (:func:`read_once`)."""

    unblinded: bool


def read_once(user: object) -> Viewer:
    """``user``'s blinding as the account is stored now, for one screen's or one document's results."""
    return Viewer(unblinded=not is_blinded(user))


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


def masked_results(protocol: Protocol, user: object, results: Iterable[tuple[str, str, datetime]],
                   first_dose: datetime | None) -> set[str]:
    """The ids among ``results`` — (id, analyte, sampled at) — hidden from ``user``, as :func:`result_masked`
    says of each, with the user's blinding read once (it is read from the store: once per result was a tenth
    of opening a participant at 5,000 participants)."""
    masked = masked_analytes(protocol, user, first_dose)
    if not masked or first_dose is None:
        return set()
    return {rid for rid, analyte, sampled_at in results if analyte in masked and sampled_at >= first_dose}


def result_masked(protocol: Protocol, user: object, analyte: str, sampled_at: datetime,
                  first_dose: datetime | None) -> bool:
    """Whether a saved result is hidden from ``user``: a masked analyte (for this user, see
    :func:`masked_analytes`) sampled at or after the first dose."""
    return (analyte in masked_analytes(protocol, user, first_dose) and first_dose is not None
            and sampled_at >= first_dose)
