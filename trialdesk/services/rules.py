"""Clinical rules from ``trialdesk.domain`` as the services report them: a broken rule is a ValidationError."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime
from typing import Iterator

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.status import ParticipantStatus, check_transition
from trialdesk.errors import ValidationError
from trialdesk.services import bounds


@contextmanager
def rule_errors() -> Iterator[None]:
    """Turn a :class:`RuleViolation` raised inside the block into a :class:`ValidationError` (same
    template, field and parameters), so the UI shows it beside the field."""
    try:
        yield
    except RuleViolation as exc:
        raise as_validation_error(exc) from None


def as_validation_error(exc: RuleViolation) -> ValidationError:
    """The :class:`ValidationError` of a rule's violation: same template and field; a date or moment among its
    parameters shown as people read it (26.11.2026), never as ISO text."""
    params = {name: bounds.shown(value) if isinstance(value, (date, datetime)) else value
              for name, value in exc.params.items()}
    return ValidationError(exc.template, field=exc.field, **params)


def next_status(current: str, new: str | ParticipantStatus) -> str:
    """The stored value of ``new`` when a participant in ``current`` may change to it; a ValidationError
    naming both (and what is allowed) when the protocol does not allow that change."""
    with rule_errors():
        return check_transition(current, new).value
