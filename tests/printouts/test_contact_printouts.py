"""The contact summary and the casebook's contact, course and medication sections, rendered from a real encrypted
store (issue 11 item 7): call attempts at Oslo times, answers as words, the AE reported at the contact, a
consultation's vital signs and blood tests (masked for a blinded nurse), a missed contact with its reason, the
participant's disposition and concomitant medications; both languages; one audit row per print."""

from __future__ import annotations

import re
from datetime import date, datetime, time

import pytest

from tests.printouts.test_documents import check_every_page, flat, last_print
from tests.services.test_contacts import CONS1_DAY, PH1_DAY, at, call, consultation, phone
from tests.services.test_visits import _ae, _given_d1, enrolled, entries  # noqa: F401  (fixture)
from trialdesk.domain.people import Role
from trialdesk.errors import ValidationError
from trialdesk.services import disposition as ds
from trialdesk.services import medications as ms
from trialdesk.services import printing
from trialdesk.services import visits as vs

OSLO = vs.LOCAL_TZ
PH2_DAY = date(2026, 9, 14)  # D1 25.05.2026 + 16 weeks


@pytest.fixture
def followed(store, users, enrolled, clock):  # noqa: F811
    """D1 given; PH1 not reached at 09:00, reached at 11:05 with new symptoms -> a headache AE reported at PH1;
    CONS1 with examination, vital signs and blood tests (IgG 2,1 g/L); PH2 missed with a reason; the study drug
    discontinued; paracetamol for the headache."""
    doctor, nurse = users[Role.INVESTIGATOR], users[Role.NURSE]
    pid = enrolled
    at(clock, PH1_DAY)
    _given_d1(store, nurse, pid)
    vs.record_contact_attempt(store, nurse, pid, "PH1", call(PH1_DAY, 9, "no_answer"))
    vs.record_phone_follow_up(store, nurse, pid, "PH1", phone(call(PH1_DAY, 11, "reached", 5), new_symptoms=True,
                                                              medication_changes=True, note="headaches at night"))
    ae_id = vs.record_adverse_event(store, nurse, pid, _ae(
        verbatim="hodepine om natta", term="headache", onset_date=date(2026, 7, 5), end_date=None,
        outcome="not_recovered", causality="possible"), contact_code="PH1")
    ms.add_medication(store, nurse, pid, ms.MedicationInput(
        name="Paracetamol", start_date=date(2026, 7, 6), indication="headache", dose="1", dose_unit="g",
        frequency="as needed", route="oral", ongoing=True, adverse_event_id=ae_id))
    at(clock, CONS1_DAY)
    vs.record_consultation_labs(store, nurse, pid, "CONS1", sampled_at=datetime.combine(CONS1_DAY, time(9, 30),
                                                                                        tzinfo=OSLO),
                                entries=entries(IGG=("2,1", "g/L")), read_back={"IGG"})
    vs.record_consultation(store, doctor, pid, "CONS1", consultation())
    at(clock, date(2026, 9, 28))
    vs.mark_contact_missed(store, nurse, pid, "PH2", "not reached after three calls; voicemail left")
    ds.discontinue_study_drug(store, doctor, pid, day=date(2026, 9, 28), reason="participant's wish")
    return pid


def test_contact_summary_of_a_call_with_its_attempts_and_the_ae_reported(store, users, followed):
    nurse = users[Role.NURSE]
    data = printing.contact_summary(store, nurse, followed, "PH1")
    check_every_page(data, study_id="KTS11-H-001", title="Contact summary", printed_by="Nils Nurse (nurse)")
    text = flat(data)
    for needle in ("Contact PH1", "phone", "20.07.2026 09:00", "20.07.2026 11:05", "no answer", "reached",
                   "headaches at night", "CTCAE term", "Headache", "hodepine om natta"):
        assert needle in text, needle
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text), "an ISO timestamp on paper"
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), re.findall(r"\b[a-z]+_[a-z_]+\b", text)
    printed = last_print(store)
    assert (printed["username"], printed["table"], printed["document"]) == ("nurse", "contacts", "contact_summary")


def test_contact_summary_of_a_consultation_masks_blinded_values(store, users, followed):
    nurse, doctor = users[Role.NURSE], users[Role.INVESTIGATOR]
    text = flat(printing.contact_summary(store, nurse, followed, "CONS1"))
    for needle in ("Contact CONS1", "normal findings; no lymphadenopathy", "124 mmHg", "36.7 °C", "64.5 kg",
                   "68 /min", "17.08.2026 09:30"):
        assert needle in text, needle
    assert "2.1 g/L" not in text and "2,1" not in text  # IgG is masked for a blinded nurse after the first dose
    nb = flat(printing.contact_summary(store, doctor, followed, "CONS1", language="nb"))
    check_every_page(printing.contact_summary(store, doctor, followed, "CONS1", language="nb"), study_id="KTS11-H-001",
                     title="Kontaktsammendrag", printed_by="Dina Doktor (doctor)", language="nb")
    assert "36,7 °C" in nb and "64,5 kg" in nb and "36.7" not in nb  # the decimal comma


def test_contact_summary_of_a_missed_contact_and_of_one_not_recorded(store, users, followed):
    nurse = users[Role.NURSE]
    text = flat(printing.contact_summary(store, nurse, followed, "PH2"))
    assert "not reached after three calls; voicemail left" in text and "missed" in text
    with pytest.raises(ValidationError, match="CONS2 has not been recorded yet"):
        printing.contact_summary(store, nurse, followed, "CONS2")


def test_casebook_prints_the_contacts_the_course_and_the_medications(store, users, followed):
    monitor = users[Role.MONITOR]
    data = printing.casebook(store, monitor, followed)
    text = flat(data)
    for needle in ("PH1", "CONS1", "PH2", "not reached after three calls; voicemail left", "normal findings",
                   "Paracetamol", "Study drug discontinued", "participant's wish", "Headache"):
        assert needle in text, needle
    nb = flat(printing.casebook(store, monitor, followed, language="nb"))
    assert "Paracetamol" in nb and "seponert" in nb and "36,7 °C" in nb
    assert "not reached after three calls; voicemail left" in nb  # free text stays as it was typed
