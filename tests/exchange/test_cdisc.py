"""The exports in CDISC terms (issue 11 item 6): controlled terminology for coded values, LB reference ranges and
LBSTRESC, Oslo dates in every --DTC, VISITNUM, and the DS, CM and SV domains; the ODM carries the new forms.

The store is the synthetic trial of tests/printouts plus what migration 6 added (contacts, a consultation's blood
test, disposition events, a concomitant medication), written through the store's audited write path."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.exchange.test_exports import IDENTITY, NS, XSD, schema  # noqa: F401  (the schema fixture)
from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register, sign
from tests.services.test_visits import D1_DAY, administration, entries
from trialdesk.clock import utc_iso
from trialdesk.db import visits as visits_repo
from trialdesk.domain import records
from trialdesk.domain.people import Role
from trialdesk.exchange import sdtm
from trialdesk.services import auth, disposition, exports
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs

OSLO = ZoneInfo("Europe/Oslo")
PH1_DAY = date(2026, 7, 20)
CONS1_DAY = date(2026, 8, 17)
# The consultation's blood test at 00:30 Oslo time (22:30 UTC the day before).
CONS1_SAMPLE = datetime(2026, 8, 17, 0, 30, tzinfo=OSLO)
PH2_REASON = "participant abroad, no phone contact possible"
STOPPED = date(2026, 8, 20)
WITHDRAWN = date(2026, 9, 1)


def _tables(result) -> dict[str, list[dict]]:
    return {name: list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
            for name, data in result.files.items() if name.endswith(".csv")}


@pytest.fixture
def course(store, users, trial):
    """The trial's first participant after D2: PH1 done, CONS1 done with a blood test at 00:30, PH2 missed, PH3
    still open; an AE not recovered; the study drug discontinued for that AE, then consent withdrawn; a
    concomitant medication taken orally and ongoing."""
    doctor, nurse = users[Role.INVESTIGATOR], users[Role.NURSE]
    pid = trial.pid
    ae_id = vs.record_adverse_event(store, nurse, pid, vs.AdverseEventInput(
        verbatim="vondt i ledd", term="arthralgia", onset_date=date(2026, 8, 10), grade=2, serious=False,
        causality="unlikely", action_taken="withdrawn", outcome="not_recovered"), dose_code="D2")
    site = store.info.site_code
    with store.acting(auth.actor(nurse), None) as tx:
        visits_repo.insert(tx, "contacts", site, {
            "participant_id": pid, "visit_code": "PH1", "kind": "phone", "contact_date": PH1_DAY.isoformat(),
            "state": "done", "reached": 1, "new_symptoms": 0, "recorded_by": nurse.id})
        cons = visits_repo.insert(tx, "contacts", site, {
            "participant_id": pid, "visit_code": "CONS1", "kind": "consultation",
            "contact_date": CONS1_DAY.isoformat(), "state": "done", "exam_done": 1, "bp_sys": 120, "bp_dia": 80,
            "recorded_by": doctor.id})
        sample = visits_repo.insert(tx, "lab_samples", site, {
            "participant_id": pid, "sampled_at": utc_iso(CONS1_SAMPLE), "context": "consultation",
            "contact_id": cons["id"]})
        visits_repo.insert(tx, "lab_results", site, {
            "sample_id": sample["id"], "analyte": "HB", "entered_value": "12,1", "entered_unit": "g/dL",
            "value": 121.0, "unit": "g/L", "flag": None, "read_back": 0})
        visits_repo.insert(tx, "lab_results", site, {
            "sample_id": sample["id"], "analyte": "PLT", "entered_value": "150", "entered_unit": "10^9/L",
            "value": 150.0, "unit": "10^9/L", "flag": "L", "read_back": 0})
        ph2 = visits_repo.insert(tx, "contacts", site, {
            "participant_id": pid, "visit_code": "PH2", "kind": "phone", "contact_date": "2026-09-14",
            "state": "missed", "missed_reason": PH2_REASON, "recorded_by": nurse.id})
        visits_repo.insert(tx, "contact_attempts", site, {
            "contact_id": ph2["id"], "attempted_at": utc_iso(datetime(2026, 9, 14, 9, 0, tzinfo=OSLO)),
            "outcome": "no_answer"})
        visits_repo.insert(tx, "contacts", site, {
            "participant_id": pid, "visit_code": "PH3", "kind": "phone", "contact_date": "2027-01-25",
            "state": "open", "recorded_by": nurse.id})
        visits_repo.insert(tx, "concomitant_medications", site, {
            "participant_id": pid, "name": "Paracetamol", "indication": "joint pain", "dose": "500",
            "dose_unit": "mg", "frequency": "as needed", "route": "oral", "start_date": "2026-08-10", "ongoing": 1,
            "adverse_event_id": ae_id})
    person = store.db["participants"].get(pid)
    with store.acting(auth.actor(doctor), "study drug discontinued for joint pain") as tx:
        disposition.record_event(store, tx, doctor, person, "study_drug_discontinued", STOPPED,
                                 "joint pain", adverse_event_id=ae_id)
    person = store.db["participants"].get(pid)
    with store.acting(auth.actor(doctor), "consent withdrawn") as tx:
        disposition.record_event(store, tx, doctor, person, "consent_withdrawn", WITHDRAWN, "no reason given",
                                 withdrawal_scope="safety_follow_up")
    return pid


# --- controlled terminology ------------------------------------------------------------------------------

def test_ae_coded_values_are_cdisc_terms(store, users, course):
    ae = {r["AETERM"]: r for r in _tables(exports.export_csv(store, users[Role.MONITOR]))["ae.csv"]}
    joint = ae["vondt i ledd"]
    assert (joint["AEOUT"], joint["AEACN"], joint["AEREL"], joint["AESER"]) == \
        ("NOT RECOVERED/NOT RESOLVED", "DRUG WITHDRAWN", "UNLIKELY RELATED", "N")
    skin = ae["rød og kløende der sprøyta gikk inn"]
    assert (skin["AEOUT"], skin["AEACN"], skin["AEREL"]) == ("RECOVERED/RESOLVED", "DOSE NOT CHANGED",
                                                              "PROBABLY RELATED")
    sae = ae["innlagt med feber og frysninger"]
    assert (sae["AEOUT"], sae["AEACN"], sae["AESER"], sae["AESHOSP"], sae["AESDTH"]) == \
        ("RECOVERING/RESOLVING", "DRUG INTERRUPTED", "Y", "Y", "N")
    every = {v for r in ae.values() for v in (r["AEOUT"], r["AEACN"], r["AEREL"])}
    assert not {v for v in every if "_" in v or v != v.upper()}, every  # no stored code leaks through


def test_a_code_without_a_term_goes_out_as_stored():
    row = exports._sdtm("concomitant_medications", {"route": "po", "ongoing": 0, "name": "X"}, "CM")
    assert (row["CMROUTE"], row["CMENRTPT"], row["CMTRT"]) == ("po", None, "X")
    assert exports._sdtm("concomitant_medications", {"route": "inhaled", "ongoing": 1}, "CM")["CMROUTE"] == \
        "RESPIRATORY (INHALATION)"


def test_ie_results_are_y_or_n(store, users, trial):
    ie = _tables(exports.export_csv(store, users[Role.MONITOR]))["ie.csv"]
    assert {r["IEORRES"] for r in ie} <= {"Y", "N", ""} and all(r["IESTRESC"] == r["IEORRES"] for r in ie)
    e3 = next(r for r in ie if r["USUBJID"] == "KTS11-H-002" and r["IETESTCD"] == "E3")
    i1 = next(r for r in ie if r["USUBJID"] == "KTS11-H-001" and r["IETESTCD"] == "I1")
    assert (e3["IEORRES"], i1["IEORRES"]) == ("Y", "Y")
    dm = _tables(exports.export_csv(store, users[Role.MONITOR]))["dm.csv"]
    assert {r["SEX"] for r in dm} == {"F", "M"}


def test_lb_codes_ranges_and_standard_character_result(store, users, course):
    lb = _tables(exports.export_csv(store, users[Role.MONITOR]))["lb.csv"]
    assert {r["LBTESTCD"] for r in lb} == {"HGB", "NEUT", "LYM", "WBC", "PLAT", "IGG", "NKCE"}
    hb = next(r for r in lb if r["LBTESTCD"] == "HGB" and r["VISIT"] == "D2")
    assert (hb["LBTEST"], hb["LBORRES"], hb["LBORRESU"], hb["LBSTRESN"], hb["LBSTRESC"], hb["LBNRIND"]) == \
        ("Hemoglobin", "9.5", "g/dL", "95", "95", "LOW")
    # The reference range as entered (g/dL) and in the protocol's unit (g/L), for a woman.
    assert (hb["LBORNRLO"], hb["LBORNRHI"], hb["LBSTNRLO"], hb["LBSTNRHI"]) == ("11.7", "15.3", "117", "153")
    for r in lb:
        assert r["LBSTRESC"] == r["LBSTRESN"], r  # the same number, the same text
        assert r["LBNRIND"] in ("LOW", "HIGH", "NORMAL", "")
    # Masked for the blinded monitor: value and character result both empty, the range stays.
    igg = next(r for r in lb if r["LBTESTCD"] == "IGG" and r["VISIT"] == "D2")
    assert (igg["LBSTRESN"], igg["LBSTRESC"], igg["LBNRIND"], igg["LBREASND"]) == \
        ("", "", "", "MASKED FOR BLINDED USER")
    assert (igg["LBORNRLO"], igg["LBORNRHI"]) == ("6.9", "15.7")  # IgG range for a woman aged 18-50
    # The consultation's blood test: its visit, no pre-dose time point, the Oslo day of 00:30.
    cons = [r for r in lb if r["VISIT"] == "CONS1"]
    assert {r["LBTESTCD"] for r in cons} == {"HGB", "PLAT"}
    assert {(r["VISITNUM"], r["LBTPT"], r["LBDTC"]) for r in cons} == {("6", "", "2026-08-17T00:30:00+02:00")}
    plat = next(r for r in cons if r["LBTESTCD"] == "PLAT")
    assert (plat["LBNRIND"], plat["LBORNRLO"], plat["LBORNRHI"]) == ("LOW", "176", "391")
    screening = [r for r in lb if r["VISIT"] == "SCREENING"]
    assert screening and {r["VISITNUM"] for r in screening} == {"1"} and {r["LBTESTCD"] for r in screening} == \
        {"NKCE", "IGG"}
    low_igg = next(r for r in screening if r["USUBJID"] == "KTS11-H-002" and r["LBTESTCD"] == "IGG")
    assert (low_igg["LBORRES"], low_igg["LBNRIND"], low_igg["LBORNRLO"]) == ("4.6", "LOW", "6.1")


def test_ranges_in_the_unit_as_entered():
    proto = sc.protocol()
    assert sdtm.original_range(proto, "HB", "g/dL", "M", 40) == ("13.4", "17")
    assert sdtm.original_range(proto, "NEUT", "cells/uL", "F", 40) == ("1900", "7400")
    assert sdtm.original_range(proto, "IGG", "mg/dL", "F", 60) == ("610", "1490")
    assert sdtm.original_range(proto, "IGG", "g/L", "F", None) is None  # the range depends on the age
    assert sdtm.original_range(proto, "HB", "mmol/L", "F", 40) is None   # not a unit of Hb here
    assert sdtm.standard_range(proto, "CRP", None, None) == (None, "5")


# --- dates are Oslo dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("stamp, local", [
    ("2026-03-01T23:30:00.000000Z", "2026-03-02T00:30:00+01:00"),    # winter: 23:30 UTC is the next day
    ("2026-06-30T22:30:00.000000Z", "2026-07-01T00:30:00+02:00"),    # summer
    ("2026-03-01T22:59:59.999999Z", "2026-03-01T23:59:59+01:00"),    # one second before midnight
    ("2026-03-29T00:30:00.000000Z", "2026-03-29T01:30:00+01:00"),    # the night the clocks go forward
    ("2026-03-29T01:30:00.000000Z", "2026-03-29T03:30:00+02:00"),
    ("2031-10-26T00:30:00.000000Z", "2031-10-26T02:30:00+02:00"),    # the night they go back: 02:30 twice,
    ("2031-10-26T01:30:00.000000Z", "2031-10-26T02:30:00+01:00"),    # told apart by the offset
])
def test_every_moment_is_the_oslo_date_and_time(stamp, local):
    assert sdtm.local_dtc(stamp) == local
    assert sdtm.local_day(stamp) == date.fromisoformat(local[:10])


def test_a_dose_at_half_past_midnight_is_on_its_oslo_day(store, users):
    doctor, nurse = users[Role.INVESTIGATOR], users[Role.NURSE]
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    sign(store, doctor, pid)
    night = datetime.combine(D1_DAY.date(), datetime.min.time(), tzinfo=OSLO) + timedelta(minutes=30)
    assert night.astimezone(UTC).date() == D1_DAY.date() - timedelta(days=1)
    # Blood taken at 00:10, premedication at 23:00 the evening before (1.5 h before the dose).
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=date(2026, 5, 1), alert_card_on=date(2026, 5, 1))
    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=night - timedelta(minutes=20), entries=entries(),
                            read_back={"IGG", "NK"})
    vs.record_pregnancy_test(store, nurse, pid, "D1", "negative", day=night.date())
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, pid, "D1", premed.code, night - timedelta(hours=1, minutes=30))
    vs.record_administration(store, nurse, pid, "D1", administration(night), now=night)
    t = _tables(exports.export_csv(store, users[Role.MONITOR]))
    ec = t["ec.csv"][0]
    assert (ec["ECSTDTC"], ec["ECENDTC"], ec["VISITNUM"]) == ("2026-05-25T00:30:00+02:00", "2026-05-25T00:35:00+02:00",
                                                             "2")
    assert t["dm.csv"][0]["RFSTDTC"] == "2026-05-25T00:30:00+02:00"
    assert {r["LBDTC"] for r in t["lb.csv"] if r["VISIT"] == "D1"} == {"2026-05-25T00:10:00+02:00"}
    sv = {r["VISIT"]: r for r in t["sv.csv"]}
    assert (sv["D1"]["SVSTDTC"], sv["D1"]["SVOCCUR"], sv["D1"]["EPOCH"]) == ("2026-05-25", "Y", "TREATMENT")
    ds = t["ds.csv"]
    assert [(r["DSDECOD"], r["DSCAT"], r["DSSTDTC"], r["EPOCH"]) for r in ds] == \
        [("FIRST DOSE", "PROTOCOL MILESTONE", "2026-05-25", "TREATMENT")]
    premed = {r["CMSTDTC"] for r in t["cm.csv"]}
    assert premed == {"2026-05-24T23:00:00+02:00"}


# --- the new domains -------------------------------------------------------------------------------------

def test_sv_lists_the_visits_held_and_missed_with_visitnum(store, users, course):
    sv = [r for r in _tables(exports.export_csv(store, users[Role.MONITOR]))["sv.csv"]
          if r["USUBJID"] == "KTS11-H-001"]
    by = {r["VISIT"]: r for r in sv}
    assert [r["VISIT"] for r in sv] == ["SCREENING", "D1", "D2", "PH1", "CONS1", "PH2"]  # PH3 is still open
    assert [int(r["VISITNUM"]) for r in sv] == [1, 2, 3, 5, 6, 7]
    ph2 = by["PH2"]
    assert (ph2["SVPRESP"], ph2["SVOCCUR"], ph2["SVREASOC"], ph2["SVCNTMOD"], ph2["SVSTDTC"]) == \
        ("Y", "N", PH2_REASON, "TELEPHONE CALL", "2026-09-14")
    assert (by["PH1"]["SVOCCUR"], by["PH1"]["SVCNTMOD"], by["PH1"]["SVREASOC"]) == ("Y", "TELEPHONE CALL", "")
    assert (by["CONS1"]["SVCNTMOD"], by["D2"]["SVCNTMOD"], by["SCREENING"]["SVCNTMOD"]) == ("IN PERSON",) * 3
    assert all(r["SVENDTC"] == r["SVSTDTC"] for r in sv)
    # Epochs: screening on the inclusion day, treatment up to the study drug discontinued, then follow-up.
    assert [r["EPOCH"] for r in sv] == ["SCREENING", "TREATMENT", "TREATMENT", "TREATMENT", "TREATMENT",
                                        "FOLLOW-UP"]


def test_sv_a_dose_recorded_as_not_given_did_not_take_place(store, users, trial):
    nurse = users[Role.NURSE]
    vs.mark_missed(store, nurse, trial.pid, "D3", "participant in hospital with fever")
    t = _tables(exports.export_csv(store, users[Role.MONITOR]))
    d3 = next(r for r in t["sv.csv"] if r["VISIT"] == "D3")
    assert (d3["VISITNUM"], d3["SVOCCUR"], d3["SVREASOC"]) == ("4", "N", "participant in hospital with fever")
    ec = next(r for r in t["ec.csv"] if r["VISIT"] == "D3")
    assert (ec["ECOCCUR"], ec["ECREASOC"], ec["ECREFID"]) == ("N", "participant in hospital with fever", "")


def test_ds_has_one_row_per_disposition_event(store, users, course):
    ds = _tables(exports.export_csv(store, users[Role.MONITOR]))["ds.csv"]
    stored = store.db.execute("SELECT count(*) FROM dispositions").fetchone()[0]
    assert len(ds) == stored == 3
    rows = [(r["DSSEQ"], r["DSDECOD"], r["DSCAT"], r["DSSCAT"], r["DSSTDTC"], r["DSTERM"], r["EPOCH"]) for r in ds]
    assert rows == [
        ("1", "FIRST DOSE", "PROTOCOL MILESTONE", "", "2026-05-25", "first dose (D1) given", "TREATMENT"),
        ("2", "ADVERSE EVENT", "DISPOSITION EVENT", "STUDY TREATMENT", "2026-08-20", "joint pain", "TREATMENT"),
        ("3", "WITHDRAWAL OF CONSENT", "DISPOSITION EVENT", "STUDY PARTICIPATION", "2026-09-01", "no reason given",
         "FOLLOW-UP"),
    ]


def test_ds_completion_and_a_discontinuation_without_an_ae():
    """The registry's terms: COMPLETED for both completions (DSTERM too, SDTMIG DS 3b); without an AE the study
    drug discontinued is OTHER (the reason stays verbatim in DSTERM)."""
    event = records.field_of("dispositions", "event")
    decod, cat, scat = (d.values for d in event.derived)
    assert (decod["treatment_complete"], scat["treatment_complete"]) == ("COMPLETED", "STUDY TREATMENT")
    assert (decod["completed"], scat["completed"]) == ("COMPLETED", "STUDY PARTICIPATION")
    assert (decod["death"], decod["lost_to_follow_up"], decod["study_drug_discontinued"]) == \
        ("DEATH", "LOST TO FOLLOW-UP", "OTHER")
    assert {e for e, c in cat.items() if c == "PROTOCOL MILESTONE"} == {"first_dose"}


def test_cm_has_the_medications_and_the_premedication(store, users, course):
    cm = _tables(exports.export_csv(store, users[Role.MONITOR]))["cm.csv"]
    para = next(r for r in cm if r["CMCAT"] == "CONCOMITANT MEDICATION")
    assert (para["CMTRT"], para["CMROUTE"], para["CMENRTPT"], para["CMDOSTXT"], para["CMDOSU"], para["CMSTDTC"],
            para["CMINDC"]) == ("Paracetamol", "ORAL", "ONGOING", "500", "mg", "2026-08-10", "joint pain")
    premed = [r for r in cm if r["CMCAT"] == "PREMEDICATION"]
    assert len(premed) == 6 and {r["CMTRT"] for r in premed} == {"H1-antihistamine", "Paracetamol", "Corticosteroid"}
    assert {r["CMSTDTC"] for r in premed} == {"2026-05-25T08:30:00+02:00", "2026-06-08T08:30:00+02:00"}


def test_readme_documents_visitnum_dates_and_terms(store, users, course):
    result = exports.export_csv(store, users[Role.MONITOR])
    assert set(result.files) == {f"{d}.csv" for d in ("dm", "ie", "lb", "ec", "ae", "cm", "ds", "sv")} | {"readme.txt"}
    text = result.files["readme.txt"].decode("utf-8")
    assert "       7  PH2  Phone follow-up, week 16" in text and "       1  SCREENING" in text
    assert "Oslo" in text and "+01:00" in text
    assert "not_recovered = NOT RECOVERED/NOT RESOLVED" in text and "HB = HGB" in text and "EPOCH" in text
    everything = b"".join(result.files.values()).decode()
    for leak in IDENTITY:
        assert leak not in everything
    assert "ARM" not in {c for data in result.files.values() for c in data.decode().splitlines()[0].split(",")}


def test_visit_numbers_follow_the_protocol_calendar():
    numbers = sdtm.visit_numbers(sc.protocol())
    order = [v.code for v in sorted(numbers.values(), key=lambda v: v.number)]
    assert order == ["SCREENING", "D1", "D2", "D3", "PH1", "CONS1", "PH2", "D4", "D5", "PH3", "PH4", "CONS2", "EOS",
                     "FU1", "FU2", "FU3", "FU4", "FU5", "FU6"]
    assert [v.number for v in sorted(numbers.values(), key=lambda v: v.number)] == list(range(1, 20))


def test_epochs_by_day():
    t = sdtm.Timeline(inclusion=date(2026, 3, 2), first_dose=date(2026, 5, 25), treatment_end=date(2026, 11, 23),
                      study_end=date(2027, 7, 12))
    cases = {"2026-03-01": "SCREENING", "2026-03-02": "SCREENING", "2026-03-03": "BASELINE",
             "2026-05-24": "BASELINE", "2026-05-25": "TREATMENT", "2026-11-23": "TREATMENT",
             "2026-11-24": "FOLLOW-UP", "2027-07-12": "FOLLOW-UP", "2027-07-13": "LONG-TERM FOLLOW-UP"}
    assert {day: sdtm.epoch(t, day) for day in cases} == cases
    assert sdtm.epoch(sdtm.Timeline(), "2026-03-01") == "SCREENING" and sdtm.epoch(t, None) is None


# --- ODM -------------------------------------------------------------------------------------------------

def test_odm_carries_the_new_forms_and_stays_valid(store, users, course, schema):  # noqa: F811
    result = exports.export_odm(store, users[Role.MONITOR])
    schema.validate(result.data.decode("utf-8"))
    root = ET.fromstring(result.data)
    forms = {f.get("OID") for f in root.iter(f"{{{NS['odm']}}}FormDef")}
    assert {"F.CT", "F.DS", "F.CM"} <= forms
    groups = {g.get("OID"): g for g in root.iter(f"{{{NS['odm']}}}ItemGroupDef")}
    assert {"IG.CT", "IG.CTA", "IG.DS", "IG.CM"} <= set(groups) and groups["IG.DS"].get("Domain") == "DS"
    items = {i.get("OID"): i for i in root.iter(f"{{{NS['odm']}}}ItemDef")}
    assert items["IT.DS.DSDECOD"].get("SDSVarName") == "DSDECOD" and items["IT.CM.CMROUTE"].get("SDSVarName") == \
        "CMROUTE" and items["IT.CT.SVSTDTC"].get("DataType") == "date"
    assert len(items) == len(list(root.iter(f"{{{NS['odm']}}}ItemDef")))  # every OID once
    events = {e.get("OID") for e in root.iter(f"{{{NS['odm']}}}StudyEventDef")}
    assert {"SE.CONTACT", "SE.DS", "SE.CM"} <= events
    # The consultation's blood test sits in the CONS1 contact, beside the contact form.
    cons = [e for e in root.iter(f"{{{NS['odm']}}}StudyEventData")
            if e.get("StudyEventOID") == "SE.CONTACT" and e.get("StudyEventRepeatKey") == "CONS1"]
    cons_forms = {f.get("FormOID") for e in cons for f in e.iter(f"{{{NS['odm']}}}FormData")}
    assert cons_forms == {"F.CT", "F.LB"}
    values = {(i.get("ItemOID"), i.get("Value")) for i in root.iter(f"{{{NS['odm']}}}ItemData")}
    assert ("IT.CT.MISSED_REASON", PH2_REASON) in values and ("IT.CTA.OUTCOME", "no_answer") in values
    assert ("IT.DS.DSDECOD", "study_drug_discontinued") in values and ("IT.CM.CMROUTE", "oral") in values
    ph2 = [e for e in root.iter(f"{{{NS['odm']}}}StudyEventData") if e.get("StudyEventRepeatKey") == "PH2"]
    assert {g.get("ItemGroupOID") for e in ph2 for g in e.iter(f"{{{NS['odm']}}}ItemGroupData")} == {"IG.CT", "IG.CTA"}
    text = result.data.decode()
    for leak in IDENTITY:
        assert leak not in text
    assert store.db.execute("SELECT count(*) FROM audit WHERE action = 'EXPORT'").fetchone()[0] == 1
