"""Clinical rules from ``trialdesk.domain`` as the services report them: a broken rule is a ValidationError."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.status import ParticipantStatus, check_transition
from trialdesk.errors import ValidationError


@contextmanager
def rule_errors() -> Iterator[None]:
    """Turn a :class:`RuleViolation` raised inside the block into a :class:`ValidationError` (same
    template, field and parameters), so the UI shows it beside the field."""
    try:
        yield
    except RuleViolation as exc:
        raise ValidationError(exc.template, field=exc.field, **exc.params) from None


def next_status(current: str, new: str | ParticipantStatus) -> str:
    """The stored value of ``new`` when a participant in ``current`` may change to it; a ValidationError
    naming both (and what is allowed) when the protocol does not allow that change."""
    with rule_errors():
        return check_transition(current, new).value
