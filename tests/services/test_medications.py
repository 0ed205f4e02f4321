"""Concomitant medications on a real encrypted store (services/medications.py, issue 11): add, change with a
reason, stop, list; a medication the protocol forbids is flagged and confirmed, never saved silently."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from tests.services.test_disposition import audit_reasons, enrolled  # noqa: F401  (the fixture)
from tests.services.test_screening import BORN, consent, register
from tests.services.test_visits import _ae
from trialdesk.clock import local_today
from trialdesk.domain.people import Role
from trialdesk.errors import ConfirmationNeeded, PermissionDenied, ValidationError
from trialdesk.services import medications as ms
from trialdesk.services import visits as vs

MED = ms.MedicationInput(name="Paracetamol", start_date=date(2026, 4, 1), indication="headache", dose="1",
                         dose_unit="g", frequency="as needed", route="oral", ongoing=True)
MTX = ms.MedicationInput(name="Metoject", start_date=date(2024, 1, 10), indication="rheumatoid arthritis",
                         dose="15", dose_unit="mg", frequency="weekly", route="subcutaneous",
                         stop_date=date(2024, 6, 1))


def test_add_list_and_audit(store, nurse, enrolled):
    med_id = ms.add_medication(store, nurse, enrolled, MED)
    [saved] = ms.list_medications(store, nurse, enrolled)
    assert (saved.id, saved.name, saved.start_date, saved.ongoing, saved.stop_date) == (
        med_id, "Paracetamol", date(2026, 4, 1), True, None)
    assert (saved.forbidden_class, saved.awaiting_review, saved.study_id) == (None, False, "KTS11-H-001")
    assert store.db.execute("SELECT count(*) FROM audit WHERE table_name = 'concomitant_medications' "
                            "AND action = 'INSERT'").fetchone()[0] == 1
    assert store.db.execute("SELECT count(*) FROM premedications").fetchone()[0] == 0  # its own record


def test_a_monitor_reads_but_does_not_record(store, users, enrolled):
    monitor = users[Role.MONITOR]
    with pytest.raises(PermissionDenied):
        ms.add_medication(store, monitor, enrolled, MED)
    assert ms.list_medications(store, monitor, enrolled) == []


@pytest.mark.parametrize("change, field", [
    ({"name": " "}, "name"),
    ({"start_date": None}, "start_date"),
    ({"start_date": BORN - timedelta(days=1)}, "start_date"),
    ({"ongoing": False}, "stop_date"),
    ({"ongoing": True, "stop_date": date(2026, 5, 1)}, "stop_date"),
    ({"ongoing": False, "stop_date": date(2026, 3, 1)}, "stop_date"),
    ({"route": "mouth"}, "route"),
])
def test_rules_and_bounds_at_the_field(store, nurse, enrolled, change, field):
    with pytest.raises(ValidationError) as refused:
        ms.add_medication(store, nurse, enrolled, replace(MED, **change))
    assert refused.value.field == field
    assert ms.list_medications(store, nurse, enrolled) == []


def test_dates_in_messages_are_as_people_write_them(store, nurse, enrolled):
    with pytest.raises(ValidationError) as refused:
        ms.add_medication(store, nurse, enrolled, replace(MED, ongoing=False, stop_date=date(2026, 3, 1)))
    assert str(refused.value) == "The stop date 01.03.2026 is before the start date (01.04.2026)."


def test_a_candidate_has_no_medications_yet(store, doctor):
    pid = register(store, doctor, nth=1)
    with pytest.raises(ValidationError, match="No consent recorded yet"):
        ms.add_medication(store, doctor, pid, MED)
    consent(store, doctor, pid)  # from consent on (E4 asks about earlier immunosuppressants)
    ms.add_medication(store, doctor, pid, MTX, forbidden_note="stopped 2024, before the 2-year washout? check")


def test_linked_to_an_adverse_event_of_the_same_participant(store, doctor, nurse, enrolled):
    ae = vs.record_adverse_event(store, nurse, enrolled, _ae())  # onset 25.05.2026
    with pytest.raises(ValidationError) as refused:
        ms.add_medication(store, nurse, enrolled, replace(MED, adverse_event_id=ae))  # started 01.04.2026
    assert refused.value.field == "start_date" and "before the onset of the adverse event" in str(refused.value)
    med_id = ms.add_medication(store, nurse, enrolled, replace(MED, start_date=date(2026, 5, 25),
                                                               adverse_event_id=ae, indication="injection site"))
    assert ms.list_medications(store, nurse, enrolled)[0].adverse_event_id == ae
    other = register(store, doctor, nth=1)
    consent(store, doctor, other)
    theirs = vs.record_adverse_event(store, nurse, other, _ae())
    with pytest.raises(ValidationError) as refused:
        ms.update_medication(store, nurse, med_id, replace(MED, start_date=date(2026, 5, 25),
                                                           adverse_event_id=theirs), "typo")
    assert refused.value.field == "adverse_event_id"


def test_a_forbidden_medication_needs_the_investigators_note(store, doctor, enrolled):
    with pytest.raises(ConfirmationNeeded) as asked:
        ms.add_medication(store, doctor, enrolled, MTX)
    assert asked.value.field == "forbidden_reason"
    assert str(asked.value) == ("Metoject is among the medications the protocol forbids (E4: Methotrexate). It is "
                                "saved flagged: write why it is given (or was, before the study) to confirm.")
    assert ms.list_medications(store, doctor, enrolled) == []  # never silently
    ms.add_medication(store, doctor, enrolled, MTX, forbidden_note="stopped in June 2024, washout checked at E4")
    [saved] = ms.list_medications(store, doctor, enrolled)
    assert (saved.forbidden_class, saved.forbidden_reason) == ("methotrexate", "stopped in June 2024, washout "
                                                                               "checked at E4")
    assert not saved.awaiting_review
    assert "forbidden medication confirmed: stopped in June 2024, washout checked at E4" in audit_reasons(
        store, "concomitant_medications")
    assert ms.class_label(saved.forbidden_class, "nb") == "Metotreksat"


def test_a_nurse_saves_it_flagged_for_the_investigators_review(store, doctor, nurse, enrolled):
    with pytest.raises(ConfirmationNeeded, match="Confirm to save it flagged for the investigator's review"):
        ms.add_medication(store, nurse, enrolled, MTX, forbidden_note="the participant says it was stopped")
    med_id = ms.add_medication(store, nurse, enrolled, MTX, forbidden_acknowledged=True)
    [saved] = ms.list_medications(store, nurse, enrolled)
    assert saved.forbidden_class == "methotrexate" and saved.awaiting_review
    with pytest.raises(PermissionDenied):
        ms.review_forbidden(store, nurse, med_id, "fine")
    with pytest.raises(ValidationError) as refused:
        ms.review_forbidden(store, doctor, med_id, " ")
    assert refused.value.field == "forbidden_reason"
    ms.review_forbidden(store, doctor, med_id, "stopped before the washout period: eligible")
    [saved] = ms.list_medications(store, doctor, enrolled)
    assert not saved.awaiting_review and saved.forbidden_reason.startswith("stopped before")


def test_a_local_route_is_not_flagged_and_a_corrected_name_clears_the_flag(store, doctor, enrolled):
    cream = ms.MedicationInput(name="Protopic", start_date=date(2026, 4, 1), route="topical", ongoing=True,
                               indication="eczema")
    med_id = ms.add_medication(store, doctor, enrolled, cream)
    assert ms.list_medications(store, doctor, enrolled)[0].forbidden_class is None
    with pytest.raises(ConfirmationNeeded):  # the route corrected to oral: now it is tacrolimus, systemic
        ms.update_medication(store, doctor, med_id, replace(cream, name="Prograf", route="oral"), "wrong drug")
    ms.update_medication(store, doctor, med_id, replace(cream, name="Prograf", route="oral"), "wrong drug",
                         forbidden_note="kidney transplant: protocol deviation reported")
    assert ms.list_medications(store, doctor, enrolled)[0].forbidden_class == "tacrolimus"
    # The same class again keeps the note without asking once more; a corrected name clears the flag.
    ms.update_medication(store, doctor, med_id, replace(cream, name="Prograf", route="oral", dose="1"), "dose")
    assert ms.list_medications(store, doctor, enrolled)[0].forbidden_reason.startswith("kidney transplant")
    ms.update_medication(store, doctor, med_id, replace(cream, name="Protopic", route="topical"), "wrong again")
    [saved] = ms.list_medications(store, doctor, enrolled)
    assert (saved.forbidden_class, saved.forbidden_reason) == (None, None)


def test_update_needs_a_reason_and_stop_ends_an_ongoing_one(store, nurse, enrolled):
    med_id = ms.add_medication(store, nurse, enrolled, MED)
    with pytest.raises(ValidationError) as refused:
        ms.update_medication(store, nurse, med_id, replace(MED, dose="500"), " ")
    assert refused.value.field == "reason"
    ms.update_medication(store, nurse, med_id, replace(MED, dose="500", dose_unit="mg"), "dose was 500 mg")
    assert "dose was 500 mg" in audit_reasons(store, "concomitant_medications")
    with pytest.raises(ValidationError) as refused:
        ms.stop_medication(store, nurse, med_id, date(2026, 3, 1))
    assert refused.value.field == "stop_date"
    with pytest.raises(ValidationError) as refused:
        ms.stop_medication(store, nurse, med_id, local_today() + timedelta(days=1))
    assert refused.value.field == "stop_date"
    ms.stop_medication(store, nurse, med_id, date(2026, 5, 1))
    [saved] = ms.list_medications(store, nurse, enrolled)
    assert (saved.ongoing, saved.stop_date, saved.dose) == (False, date(2026, 5, 1), "500")
    assert "stopped on 01.05.2026" in audit_reasons(store, "concomitant_medications")
    with pytest.raises(ValidationError, match="not ongoing"):
        ms.stop_medication(store, nurse, med_id, date(2026, 5, 2))


def test_all_medications_for_the_exports(store, doctor, nurse, enrolled):
    other = register(store, doctor, nth=1)
    consent(store, doctor, other)
    ms.add_medication(store, nurse, other, MED)
    ms.add_medication(store, nurse, enrolled, replace(MED, name="Cetirizin", start_date=date(2026, 2, 1)))
    assert [(m.study_id, m.name) for m in ms.all_medications(store, doctor)] == [
        ("KTS11-H-001", "Cetirizin"), ("KTS11-H-002", "Paracetamol")]
