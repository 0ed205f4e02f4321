"""The disposition rules (domain/disposition.py): what each state of the course blocks, exactly, and says why."""

from __future__ import annotations

from datetime import date

import pytest

from trialdesk.domain.disposition import (
    COURSE_EVENTS, EVENT_STATUS, WITHDRAWAL_SCOPES, Activity as A, Course, Event, refusal, refusals,
)
from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.status import TRANSITIONS, ParticipantStatus as S, may_change

DAY = date(2027, 3, 12)

COURSES = {
    "candidate": Course(S.CANDIDATE),
    "screening": Course(S.SCREENING),
    "screen failure": Course(S.SCREEN_FAILURE),
    "enrolled": Course(S.ENROLLED),
    "on treatment": Course(S.ON_TREATMENT, since=DAY),
    "study drug discontinued": Course(S.FOLLOW_UP, drug_discontinued_on=DAY, since=DAY),
    "follow-up after D5": Course(S.FOLLOW_UP, since=DAY),
    "completed": Course(S.COMPLETED, since=DAY),
    "completed after discontinuation": Course(S.COMPLETED, drug_discontinued_on=date(2026, 12, 1), since=DAY),
    "withdrawn, no further contact": Course(S.WITHDRAWN, withdrawn_on=DAY, withdrawal_scope="no_further_contact",
                                            since=DAY),
    "withdrawn, safety follow-up": Course(S.WITHDRAWN, withdrawn_on=DAY, withdrawal_scope="safety_follow_up",
                                          since=DAY),
    "lost to follow-up": Course(S.LOST_TO_FOLLOW_UP, since=DAY),
    "died": Course(S.DIED, since=DAY),
}

MED_FOR_AE = "medication given for an AE"
EVERYTHING = {*A, MED_FOR_AE}
# What each state still allows (everything else is refused).
ALLOWED = {
    "candidate": set(),
    "screening": {A.ADVERSE_EVENT, A.MEDICATION, MED_FOR_AE},
    "screen failure": {A.ADVERSE_EVENT, A.MEDICATION, MED_FOR_AE},
    "enrolled": EVERYTHING,
    "on treatment": EVERYTHING,
    "study drug discontinued": EVERYTHING - {A.DOSE},
    "follow-up after D5": EVERYTHING - {A.DOSE},
    "completed": {A.CONTACT, A.ADVERSE_EVENT, A.MEDICATION, MED_FOR_AE},
    "completed after discontinuation": {A.CONTACT, A.ADVERSE_EVENT, A.MEDICATION, MED_FOR_AE},
    "withdrawn, no further contact": set(),
    "withdrawn, safety follow-up": {A.CONTACT, A.ADVERSE_EVENT, MED_FOR_AE},
    "lost to follow-up": {A.ADVERSE_EVENT, MED_FOR_AE},
    "died": {A.ADVERSE_EVENT, MED_FOR_AE},
}


def _ask(course: Course, activity) -> RuleViolation | None:
    if activity == MED_FOR_AE:
        return refusal(course, A.MEDICATION, for_adverse_event=True)
    return refusal(course, activity)


@pytest.mark.parametrize("state", list(COURSES))
@pytest.mark.parametrize("activity", [*A, MED_FOR_AE], ids=lambda a: getattr(a, "value", a))
def test_each_state_blocks_exactly_what_it_must(state, activity):
    refused = _ask(COURSES[state], activity)
    if activity in ALLOWED[state]:
        assert refused is None, f"{state} should allow {activity}: {refused}"
    else:
        assert isinstance(refused, RuleViolation), f"{state} should refuse {activity}"
        if "{since}" in refused.template:  # a message that names the event's date has it
            assert isinstance(refused.params["since"], date), refused.params


def test_every_state_of_the_table_is_a_status():
    assert {c.status for c in COURSES.values()} == set(S)  # every status has a row above
    assert set(ALLOWED) == set(COURSES)


@pytest.mark.parametrize("state, activity, words", [
    ("study drug discontinued", A.DOSE, "The study drug was discontinued on {since}: no more doses. Follow-up "
                                        "continues to the end of study."),
    ("follow-up after D5", A.DOSE, "The treatment period is over: no more doses."),
    ("completed", A.BLOOD_TEST, "The study was completed on {since}: only the long-term follow-up"),
    ("withdrawn, safety follow-up", A.BLOOD_TEST, "Consent withdrawn on {since}: the participant agreed to safety "
                                                  "follow-up by phone only"),
    ("withdrawn, no further contact", A.ADVERSE_EVENT, "the participant agreed to no further contact, so nothing "
                                                       "new may be recorded"),
    ("lost to follow-up", A.CONTACT, "Lost to follow-up since {since}: only an adverse event learned from another "
                                     "source"),
    ("died", A.CONTACT, "The participant died on {since}: only adverse events"),
    ("candidate", A.MEDICATION, "No consent recorded yet"),
    ("screening", A.DOSE, "Not enrolled yet"),
])
def test_the_message_says_why_and_what_still_may_be_done(state, activity, words):
    refused = refusal(COURSES[state], activity)
    assert words in refused.template


def test_the_date_in_the_message_is_the_events():
    refused = refusal(COURSES["withdrawn, safety follow-up"], A.DOSE)
    assert refused.params == {"since": DAY}
    assert "2027-03-12" in str(refused)  # the services show it as 12.03.2027
    # After a discontinuation and the end of study, a dose is refused with the discontinuation's own date.
    late = refusal(COURSES["completed after discontinuation"], A.DOSE)
    assert late.params["since"] == date(2026, 12, 1)


def test_a_withdrawn_participants_medication_must_name_its_adverse_event():
    refused = refusal(COURSES["withdrawn, safety follow-up"], A.MEDICATION)
    assert refused.field == "adverse_event_id" and "link it to the event" in refused.template
    assert refusal(COURSES["withdrawn, safety follow-up"], A.MEDICATION, for_adverse_event=True) is None


def test_a_withdrawal_with_no_scope_recorded_is_taken_as_no_further_contact():
    course = Course(S.WITHDRAWN, withdrawn_on=DAY)
    assert refusal(course, A.ADVERSE_EVENT) is not None and refusal(course, A.CONTACT) is not None


def test_corrections_are_not_activities():
    """The rules speak of new data only: nothing in Activity is a correction or the disposition record itself."""
    assert {a.value for a in A} == {"dose", "blood_test", "contact", "consultation", "end_of_study",
                                    "adverse_event", "medication"}


def test_refusals_lists_every_activity():
    every = refusals(COURSES["died"])
    assert list(every) == list(A)
    assert every[A.ADVERSE_EVENT] is None and every[A.DOSE] is not None


def test_each_event_leads_to_a_status_the_transitions_allow_from_somewhere():
    for event, status in EVENT_STATUS.items():
        assert any(status in targets for targets in TRANSITIONS.values()), event
    assert set(COURSE_EVENTS) == {Event.STUDY_DRUG_DISCONTINUED, Event.CONSENT_WITHDRAWN, Event.LOST_TO_FOLLOW_UP,
                                  Event.DEATH}
    assert WITHDRAWAL_SCOPES == ("no_further_contact", "safety_follow_up")


@pytest.mark.parametrize("old, new, ok", [
    (S.ENROLLED, S.FOLLOW_UP, True),          # study drug discontinued before the first dose
    (S.ON_TREATMENT, S.FOLLOW_UP, True),      # discontinued, or the last dose given
    (S.COMPLETED, S.LOST_TO_FOLLOW_UP, True),  # during the long-term follow-up
    (S.LOST_TO_FOLLOW_UP, S.DIED, True),
    (S.WITHDRAWN, S.DIED, True),              # a death during the agreed safety follow-up
    (S.WITHDRAWN, S.FOLLOW_UP, False),
    (S.DIED, S.WITHDRAWN, False),
    (S.LOST_TO_FOLLOW_UP, S.FOLLOW_UP, False),
])
def test_the_course_transitions(old, new, ok):
    assert may_change(old, new) is ok


def test_the_protocol_models_default_is_the_rules_constant():
    from trialdesk.domain.disposition import MIN_LOST_ATTEMPTS
    from trialdesk.domain.protocol.model import DispositionRules

    assert DispositionRules().lost_to_follow_up_min_attempts == MIN_LOST_ATTEMPTS


@pytest.mark.parametrize("status", [s for s in S if s is not S.WITHDRAWN])
def test_a_contacts_refusal_depends_on_the_status_alone_but_after_a_withdrawal(status):
    """The Today list reads the disposition history only of withdrawn participants (issue 15): for every other
    status, whether a contact, a consultation or the end of study may be recorded follows from the status alone,
    whatever else the course holds."""
    from trialdesk.domain.contacts import KIND_ACTIVITY

    fuller = [Course(status=status, drug_discontinued_on=date(2026, 5, 1)),
              Course(status=status, withdrawn_on=date(2026, 5, 2), withdrawal_scope="safety_follow_up",
                     since=date(2026, 5, 3)),
              Course(status=status, withdrawn_on=date(2026, 5, 2), withdrawal_scope="no_further_contact")]
    for activity in set(KIND_ACTIVITY.values()):
        alone = refusal(Course(status=status), activity) is None
        assert all((refusal(course, activity) is None) == alone for course in fuller), (status, activity)
