"""Domain rules as the services report them: a broken rule or a disallowed status change is a ValidationError."""

from __future__ import annotations

import pytest

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.status import ParticipantStatus
from trialdesk.errors import ValidationError
from trialdesk.services.rules import next_status, rule_errors


def test_a_rule_violation_becomes_a_validation_error_at_its_field():
    with pytest.raises(ValidationError) as caught:
        with rule_errors():
            raise RuleViolation("{value} is not a plausible value ({low}–{high}).", field="pulse_after",
                                value=300, low=20, high=250)
    assert caught.value.field == "pulse_after"
    assert caught.value.template == "{value} is not a plausible value ({low}–{high})."
    assert str(caught.value) == "300 is not a plausible value (20–250)."


def test_a_disallowed_status_change_is_refused_with_a_clear_message():
    assert next_status("enrolled", ParticipantStatus.ON_TREATMENT) == "on_treatment"
    with pytest.raises(ValidationError, match="A participant who is died cannot become on treatment "
                                              r"\(allowed: none \(final\)\)") as caught:
        next_status("died", "on_treatment")
    assert caught.value.field == "status"
