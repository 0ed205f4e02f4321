"""Participant statuses and their allowed changes (domain/status.py)."""

from __future__ import annotations

import pytest

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.status import (
    DOSING,
    ENROLLABLE,
    TRANSITIONS,
    TREATMENT_OVER,
    ParticipantStatus as S,
    check_transition,
    may_change,
)

ALLOWED = {
    ("candidate", "screening"), ("candidate", "enrolled"), ("candidate", "screen_failure"), ("candidate", "withdrawn"),
    ("screening", "enrolled"), ("screening", "screen_failure"), ("screening", "withdrawn"),
    ("screen_failure", "enrolled"),
    ("enrolled", "on_treatment"), ("enrolled", "follow_up"),
    ("enrolled", "withdrawn"), ("enrolled", "lost_to_follow_up"), ("enrolled", "died"),
    ("on_treatment", "follow_up"), ("on_treatment", "completed"),
    ("on_treatment", "withdrawn"), ("on_treatment", "lost_to_follow_up"), ("on_treatment", "died"),
    ("follow_up", "completed"), ("follow_up", "withdrawn"), ("follow_up", "lost_to_follow_up"), ("follow_up", "died"),
    # long-term follow-up after the end of study
    ("completed", "withdrawn"), ("completed", "lost_to_follow_up"), ("completed", "died"),
    ("lost_to_follow_up", "died"),
    # a death during the safety follow-up a withdrawing participant agreed to
    ("withdrawn", "died"),
}


def test_the_stored_values():
    assert [s.value for s in S] == ["candidate", "screening", "screen_failure", "enrolled", "on_treatment",
                                    "follow_up", "completed", "withdrawn", "lost_to_follow_up", "died"]
    assert set(TRANSITIONS) == set(S)


@pytest.mark.parametrize("old", [s.value for s in S])
@pytest.mark.parametrize("new", [s.value for s in S])
def test_exactly_the_protocols_changes_are_allowed(old, new):
    assert may_change(old, new) == ((old, new) in ALLOWED)
    if (old, new) in ALLOWED:
        assert check_transition(old, new) is S(new)
    else:
        with pytest.raises(RuleViolation) as caught:
            check_transition(old, new)
        assert caught.value.field == "status"
        assert S(old).words in str(caught.value) and S(new).words in str(caught.value)


def test_the_message_says_what_is_allowed_and_final_is_final():
    with pytest.raises(RuleViolation, match=r"who is enrolled cannot become completed \(allowed: on treatment, "
                                            r"follow-up, withdrawn, lost to follow-up, died\)"):
        check_transition("enrolled", "completed")
    with pytest.raises(RuleViolation, match=r"who is withdrawn cannot become on treatment \(allowed: died\)"):
        check_transition(S.WITHDRAWN, S.ON_TREATMENT)
    with pytest.raises(RuleViolation, match=r"allowed: none \(final\)"):
        check_transition(S.DIED, S.FOLLOW_UP)


def test_an_unknown_status_is_refused():
    with pytest.raises(RuleViolation, match="Unknown participant status dancing"):
        check_transition("dancing", "enrolled")


def test_the_groups():
    assert DOSING == {S.ENROLLED, S.ON_TREATMENT}
    assert TREATMENT_OVER == {S.FOLLOW_UP, S.COMPLETED, S.WITHDRAWN, S.LOST_TO_FOLLOW_UP, S.DIED}
    assert ENROLLABLE == {S.CANDIDATE, S.SCREENING, S.SCREEN_FAILURE}
    assert all(may_change(s, S.ENROLLED) for s in ENROLLABLE)
