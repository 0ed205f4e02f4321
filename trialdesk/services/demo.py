"""Demo data: a store with several users per role and synthetic participants at every stage (issues 4, 11).

Identity data is synthetic only: names are obviously fictional ("Testperson Alfa") and identity
numbers are the tax administration's synthetic test numbers (month + 80), which no real person has.
"""

from __future__ import annotations

from datetime import date

from trialdesk.clock import LOCAL_TZ, local_today, utc_now
from trialdesk.domain.identity import check_id_number

_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check(digits: str, weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
    return 0 if k == 11 else None if k == 10 else k


def synthetic_id_number(birth_date: date, sex: str, nth: int = 0) -> str:
    """The ``nth`` synthetic test number (month + 80) for ``birth_date`` and ``sex`` that passes
    both check digits (9th digit odd for men, even for women)."""
    head = f"{birth_date.day:02d}{birth_date.month + 80:02d}{birth_date.year % 100:02d}"
    low, high = (0, 499) if birth_date.year < 2000 else (500, 999)
    found = 0
    for individual in range(low, high + 1):
        if (individual % 2 == 1) != (sex == "M"):
            continue
        digits = head + f"{individual:03d}"
        k1 = _check(digits, _K1)
        if k1 is None:
            continue
        k2 = _check(digits + str(k1), _K2)
        if k2 is None:
            continue
        number = digits + str(k1) + str(k2)
        result = check_id_number(number)
        if result.valid and result.synthetic:
            if found == nth:
                return number
            found += 1
    raise ValueError(f"no synthetic number left for {birth_date}")


# --- the demo store ----------------------------------------------------------------------------------

from dataclasses import dataclass, replace  # noqa: E402
from datetime import timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

from trialdesk.db import screening as screening_repo  # noqa: E402
from trialdesk.db.connection import Store  # noqa: E402
from trialdesk.domain.people import Role, User  # noqa: E402
from trialdesk.services import auth, participants, screening, workstation  # noqa: E402

DEMO_PASSWORD = "Demo-passord-2026"
DEMO_USERS = (  # several of each role, as at a real site (the first of each role makes the demo data)
    ("admin", "Demo Administrator", Role.ADMINISTRATOR),
    ("doctor", "Dina Demo-Lege", Role.INVESTIGATOR),
    ("nurse", "Nils Demo-Sykepleier", Role.NURSE),
    ("monitor", "Mona Demo-Monitor", Role.MONITOR),
    ("admin2", "Arne Demo-Driftsansvarlig", Role.ADMINISTRATOR),
    ("doctor2", "Didrik Demo-Overlege", Role.INVESTIGATOR),
    ("nurse2", "Nora Demo-Forskningssykepleier", Role.NURSE),
    ("nurse3", "Nina Demo-Sykepleier", Role.NURSE),
    ("monitor2", "Magnus Demo-Monitor", Role.MONITOR),
)
_NAMES = ("Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett",
          "Kilo", "Lima", "Mike", "November", "Oscar", "Papa")
_NO = screening.Judgement(False)
_JUDGED = {"I7": screening.Judgement(True), **{cid: _NO for cid in (
    "E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12")}}


@dataclass(frozen=True)
class DemoResult:
    """The open demo store, its users ``(username, password, role)`` and the recovery sheet."""

    store: Store
    users: tuple[tuple[str, str, Role], ...]
    recovery_sheet: Path


def _years_before(day: date, years: int, days: int = 0) -> date:
    try:
        return day.replace(year=day.year - years) - timedelta(days=days)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28) - timedelta(days=days)


def build_demo(folder: Path, *, recovery_sheet: Path, today: date | None = None) -> DemoResult:
    """Create a new store in ``folder`` (which must not hold one) full of synthetic participants:
    candidates, screening in progress, screen failures (IgG, NK, age, very severe), enrolled,
    on treatment (first doses in the past), follow-up and completed."""
    today = today or local_today()
    setup = workstation.setup_workstation(
        folder, site_code="H", site_name="Haukeland (DEMO)", admin_username="admin",
        admin_full_name=DEMO_USERS[0][1], admin_password=DEMO_PASSWORD, recovery_sheet=recovery_sheet,
        training=True)  # a training store: its synthetic identity numbers are accepted there only
    store = setup.store
    try:
        made = {"admin": setup.admin}
        for username, full_name, role in (u for u in DEMO_USERS if u[0] != "admin"):
            made[username] = auth.create_user(store, setup.admin, username=username, full_name=full_name,
                                              role=role, password=DEMO_PASSWORD, temporary=False)
        _populate(store, made["doctor"], made["nurse"], today)
        store.log_event("DEMO_DATA_CREATED", auth.actor(setup.admin), detail={"participants": len(_NAMES)})
    except BaseException:
        store.close()
        raise
    users = tuple((u, DEMO_PASSWORD, r) for u, _, r in DEMO_USERS)
    return DemoResult(store, users, setup.recovery_sheet)


def _populate(store: Store, doctor: User, nurse: User, today: date) -> None:
    names = iter(_NAMES)
    base = screening.ScreeningEntry(
        canadian_criteria_met=True, severity="moderate", me_cfs_onset_date=_years_before(today, 6, 40),
        onset_trigger="infection", pregnancy_test="negative", nk_text="212", nk_unit="10^6/L",
        igg_text="9,4", igg_unit="g/L")

    def new(sex: str, age: int, *, registered_by: User = nurse, days: int = 100) -> str:
        born = _years_before(today, age, days)
        name = next(names)
        identity = participants.Identity(f"Testperson {name}", synthetic_id_number(born, sex),
                                         "+47 400 00 000", "Testlegekontoret (fiktivt)")
        return participants.register_candidate(
            store, registered_by, sex=sex, birth_date=born,
            childbearing_potential=True if sex == "F" else None, identity=identity, today=today).participant_id

    def consent(pid: str, day: date) -> None:
        participants.record_consent(store, doctor, pid, form_version="1.0 (placeholder)", language="nb",
                                    participant_signed_on=day, investigator_signed_on=day, copy_given=True,
                                    today=today)

    def screen(pid: str, day: date, entry=base, judged=_JUDGED, sign: bool = True) -> None:
        consent(pid, day)
        screening.save_screening(store, doctor, pid, replace(entry, screening_date=day), judged, today=day)
        if sign:
            screening.sign_eligibility(store, doctor, pid, username=doctor.username, password=DEMO_PASSWORD,
                                       today=day)

    # Candidates (no consent yet) and a screening in progress.
    new("F", 34)
    new("M", 47)
    pid = new("F", 29)
    consent(pid, today - timedelta(days=2))
    screening.save_screening(store, nurse, pid, replace(base, screening_date=today, nk_text=None, igg_text=None),
                             today=today)
    # Screen failures, each for a different reason.
    screen(new("F", 41), today - timedelta(days=30), replace(base, igg_text="4,6"))
    screen(new("M", 52), today - timedelta(days=25), replace(base, nk_text="0,09", nk_unit="10^9/L"))
    screen(new("M", 66), today - timedelta(days=21))
    screen(new("F", 38), today - timedelta(days=18), replace(base, severity="very_severe"))
    # Enrolled (baseline period).
    screen(new("F", 45), today - timedelta(weeks=12))  # first dose planned today: on the Today list
    screen(new("M", 27), today - timedelta(days=3))
    # On treatment, in follow-up and completed: real dose visits in the past (labs, premedication,
    # pregnancy tests, administrations with kit numbers) and adverse events. Lab values follow one of
    # two courses (IgG and NK falling after the first dose, or steady); the demo, like the app, never
    # says which arm a participant is in — there is no arm anywhere in the store.
    kits = iter(range(100101, 100999))
    for weeks, sex, course in ((15, "F", "falling"), (45, "M", "steady"), (80, "F", "falling")):
        # 15 weeks: on treatment (D1, D2 given); 45: all five doses, in follow-up, one contact missed;
        # 80: every contact recorded and the end of study signed (completed).
        pid = new(sex, 36 + weeks // 10)
        screen(pid, today - timedelta(weeks=weeks))
        _give_doses(store, nurse, pid, sex, today, course, kits)
        _record_contacts(store, doctor, nurse, pid, today, missed=("PH2",) if weeks == 45 else ())
        _report_adverse_events(store, nurse, pid, today, serious=(weeks == 15))
        _medications(store, doctor, nurse, pid, today)
    _disposition_examples(store, doctor, nurse, new, screen, today, kits)


def _at(day: date, hour: int, minute: int = 0):
    from datetime import datetime, time

    return datetime.combine(day, time(hour, minute), LOCAL_TZ)


def _record_contacts(store: Store, doctor: User, nurse: User, pid: str, today: date, *, missed=(),
                     unreached=(), until: date | None = None) -> None:
    """Every contact whose target day has passed, recorded through the services as the nurse (calls) and the
    doctor (consultations, end of study) would: ``missed`` codes are recorded missed with a reason, ``unreached``
    ones as three calls that did not reach the participant."""
    from trialdesk.services import visits

    for visit in screening_repo.visits(store.db, pid):
        if visit.kind == "dose" or visit.target_date >= today or (until and visit.target_date > until):
            continue
        day = visit.target_date
        if visit.code in missed:
            visits.mark_contact_missed(store, nurse, pid, visit.code,
                                       "Deltakeren var bortreist hele vinduet; spurt om symptomer ved neste kontakt")
        elif visit.code in unreached:
            for n, outcome in enumerate(("no_answer", "voicemail", "no_answer")):
                visits.record_contact_attempt(store, nurse, pid, visit.code, visits.ContactAttempt(
                    _at(day + timedelta(days=n), 10 + 3 * n), outcome, "ringt mobil og fastnummer"))
        elif visit.kind == "phone":
            visits.record_phone_follow_up(store, nurse, pid, visit.code, visits.PhoneFollowUp(
                attempts=(visits.ContactAttempt(_at(day, 10), "no_answer"), visits.ContactAttempt(_at(day, 14), "reached")),
                new_symptoms=False, medication_changes=False, note="Stabil; ingen nye plager siden forrige kontakt."))
        elif visit.kind == "consultation":
            visits.record_consultation(store, doctor, pid, visit.code, visits.Consultation(
                contact_date=day, exam_done=True, exam_findings="Upåfallende klinisk undersøkelse; ingen lymfeknuter.",
                vitals=visits.ContactVitals(bp_sys=122, bp_dia=78, pulse=70, temp=36.8, weight_kg=64.5),
                new_symptoms=False, medication_changes=False))
            entries = {"IGG": visits.LabEntry("8,1", "g/L"), "NK": visits.LabEntry("188", "10^6/L"),
                       **{a: visits.LabEntry(v, u) for a, (v, u) in _PANEL.items()}}
            visits.record_consultation_labs(store, doctor, pid, visit.code, sampled_at=_at(day, 9, 30),
                                            entries=entries, read_back={"IGG", "NK"})
        elif visit.kind == "end_of_study":
            visits.record_end_of_study(store, doctor, pid, contact_date=day, completion_confirmed=True,
                                       username=doctor.username, password=DEMO_PASSWORD,
                                       note="Alle besøk og kontakter gjennomført etter protokollen.")
        elif visit.kind == "follow_up":
            visits.record_follow_up(store, nurse, pid, visit.code, visits.LongTermFollowUp(
                attempts=(visits.ContactAttempt(_at(day, 11), "reached"),), questionnaire_received=True,
                new_symptoms=False))


def _medications(store: Store, doctor: User, nurse: User, pid: str, today: date) -> None:
    """Concomitant medications as a nurse records them: one ongoing, one given for the participant's infection AE."""
    from trialdesk.domain.medications import MedicationInput
    from trialdesk.services import medications, visits

    start = _years_before(today, 2)
    medications.add_medication(store, nurse, pid, MedicationInput(
        name="Cetirizin", indication="pollenallergi", dose="10", dose_unit="mg", frequency="1 gang daglig",
        route="oral", start_date=start, ongoing=True), today=today)
    infection = next((ae for ae in visits.adverse_events(store, nurse, pid)
                      if ae["term"] == "upper_respiratory_infection"), None)
    if infection is not None:
        onset = date.fromisoformat(infection["onset_date"])
        medications.add_medication(store, nurse, pid, MedicationInput(
            name="Paracetamol", indication="feber og sår hals", dose="1", dose_unit="g",
            frequency="ved behov, inntil 4 ganger daglig", route="oral", start_date=onset,
            stop_date=min(onset + timedelta(days=5), today), adverse_event_id=infection["id"]), today=today)


def _disposition_examples(store: Store, doctor: User, nurse: User, new, screen, today: date, kits) -> None:
    """One participant each whose study drug was discontinued, who withdrew consent, who is lost to follow-up."""
    from trialdesk.domain.medications import MedicationInput
    from trialdesk.services import disposition, medications, visits

    # Study drug discontinued after D3 (a grade 3 injection site reaction); follow-up goes on.
    pid = new("F", 46)
    screen(pid, today - timedelta(weeks=20))
    _give_doses(store, nurse, pid, "F", today, "steady", kits, doses=3)
    d3 = next(v.done_on for v in screening_repo.visits(store.db, pid) if v.code == "D3")
    ae = visits.record_adverse_event(store, nurse, pid, visits.AdverseEventInput(
        verbatim="kraftig hevelse og smerte rundt stikkstedet, sår etter en uke", term="injection_site_reaction",
        onset_date=d3, end_date=d3 + timedelta(days=12), grade=3, serious=False, causality="probable",
        action_taken="withdrawn", outcome="recovered"), dose_code="D3", today=today)
    disposition.discontinue_study_drug(store, doctor, pid, day=d3 + timedelta(days=2),
                                       reason="Grad 3 reaksjon på injeksjonsstedet etter dose 3 (uønsket hendelse); "
                                              "deltakeren følges videre etter protokollen")
    medications.add_medication(store, doctor, pid, MedicationInput(
        name="Prednisolon", indication="reaksjon på injeksjonsstedet", dose="20", dose_unit="mg",
        frequency="1 gang daglig i 5 dager", route="oral", start_date=d3 + timedelta(days=2),
        stop_date=d3 + timedelta(days=6), adverse_event_id=ae), today=today,
        forbidden_note="Kortvarig kur i 5 dager, ikke langvarig immundempende behandling")
    _record_contacts(store, doctor, nurse, pid, today)
    # Consent withdrawn after D3; agrees to safety follow-up by phone.
    pid = new("M", 33)
    screen(pid, today - timedelta(weeks=18))
    _give_doses(store, nurse, pid, "M", today, "falling", kits, doses=3)
    d3 = next(v.done_on for v in screening_repo.visits(store.db, pid) if v.code == "D3")
    disposition.withdraw_consent(store, doctor, pid, day=min(d3 + timedelta(days=4), today),
                                 scope="safety_follow_up", no_reason_given=True)
    # Lost to follow-up: all doses given, then three unanswered calls at PH3.
    pid = new("F", 53)
    screen(pid, today - timedelta(weeks=50))
    _give_doses(store, nurse, pid, "F", today, "steady", kits)
    _record_contacts(store, doctor, nurse, pid, today, unreached=("PH3",))
    disposition.mark_lost_to_follow_up(store, doctor, pid, day=today,
                                       reason="Ikke nådd på telefon, brev eller via fastlege etter uke 36")


_PANEL = {"HB": ("13,4", "g/dL"), "NEUT": ("3,6", "10^9/L"), "LYMPH": ("1,8", "10^9/L"),
          "WBC": ("6,4", "10^9/L"), "PLT": ("251", "10^9/L")}
_COURSES = {  # IgG g/L and NK x10^6/L before doses 1..5
    "falling": (("9,6", "214"), ("7,9", "61"), ("7,1", "38"), ("6,4", "45"), ("6,9", "72")),
    "steady": (("8,8", "236"), ("8,9", "229"), ("8,6", "241"), ("8,8", "233"), ("9,0", "228")),
}


def _give_doses(store: Store, nurse: User, pid: str, sex: str, today: date, course: str, kits, doses: int = 5) -> None:
    """Every dose whose planned day has passed (at most ``doses``), recorded as a nurse would at the visit."""
    from datetime import datetime, time

    from trialdesk.services import visits

    oslo = LOCAL_TZ
    first_target = next(v.target_date for v in screening_repo.visits(store.db, pid) if v.code == "D1")
    visits.record_blood_bank(store, nurse, pid, type_and_screen_on=first_target - timedelta(days=10),
                             alert_card_on=first_target - timedelta(days=10))
    for n, code in enumerate(("D1", "D2", "D3", "D4", "D5")[:doses]):
        planned = next(v for v in screening_repo.visits(store.db, pid) if v.code == code)
        if planned.target_date >= today:
            break
        when = datetime.combine(planned.target_date, time(10, 0), oslo)
        igg, nk = _COURSES[course][n]
        entries = {"IGG": visits.LabEntry(igg, "g/L"), "NK": visits.LabEntry(nk, "10^6/L"),
                   **{a: visits.LabEntry(v, u) for a, (v, u) in _PANEL.items()}}
        visits.record_pre_dose_labs(store, nurse, pid, code, sampled_at=when - timedelta(hours=2), entries=entries,
                                    read_back={"IGG", "NK"})
        if sex == "F":
            visits.record_pregnancy_test(store, nurse, pid, code, "negative", day=planned.target_date)
        for premed in screening.protocol().pre_dose.premedication:
            visits.record_premedication(store, nurse, pid, code, premed.code, when - timedelta(hours=1, minutes=30))
        visits.record_administration(
            store, nurse, pid, code, visits.Administration(
                kit_number=f"KTS11-{next(kits)}", injection_site=("abdomen_left", "abdomen_right")[n % 2],
                started_at=when, ended_at=when + timedelta(minutes=5), lot="DEMO-LOT-01",
                observation_until=when + timedelta(hours=2 if n < 2 else 1),
                vitals_before=visits.Vitals(124, 78, 68, 36.7), vitals_after=visits.Vitals(120, 76, 72, 36.9)),
            now=when)


def _report_adverse_events(store: Store, nurse: User, pid: str, today: date, serious: bool) -> None:
    """A few adverse events of several kinds and grades; for one participant a serious one whose
    24-hour reporting clock is still running."""

    from trialdesk.services import visits

    given = [v for v in screening_repo.visits(store.db, pid) if v.kind == "dose" and v.done_on]
    if not given:
        return
    first = given[0].done_on
    visits.record_adverse_event(store, nurse, pid, visits.AdverseEventInput(
        verbatim="rødt og kløende rundt stikkstedet", term="injection_site_reaction", onset_date=first,
        end_date=min(first + timedelta(days=2), today), grade=1, serious=False, causality="definite", action_taken="none",
        outcome="recovered"), dose_code=given[0].code, today=today)
    if len(given) > 1:
        onset = given[1].done_on + timedelta(days=3)
        end = onset + timedelta(days=9)
        visits.record_adverse_event(store, nurse, pid, visits.AdverseEventInput(
            verbatim="forkjølelse med hoste og sår hals", term="upper_respiratory_infection",
            onset_date=min(onset, today), end_date=end if end < today else None, grade=2, serious=False,
            causality="possible", action_taken="none", outcome="recovered" if end < today else "recovering"),
            today=today)
    if serious:
        aware = utc_now() - timedelta(hours=5)
        visits.record_adverse_event(store, nurse, pid, visits.AdverseEventInput(
            verbatim="innlagt med kraftig forverring av ME/CFS-symptomer etter injeksjon",
            term="fatigue", onset_date=today - timedelta(days=1), grade=3, serious=True,
            sae_criteria=frozenset({"sae_hospitalisation"}), causality="possible", action_taken="none",
            outcome="not_recovered", aware_at=aware), today=today)
