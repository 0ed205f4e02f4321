"""The one audit reader: the same words, masking and identity hiding for every consumer (History tab, visit
screens, casebook, visit summary). Built on the synthetic trial of tests/printouts (masked IgG/NK after the first
dose, a corrected value, a serious AE, a screening changed after signing)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.leaks import shows_value
from tests.printouts.trial_data import build_trial
from trialdesk.db import users as users_repo
from trialdesk.domain.people import Role
from trialdesk.errors import PermissionDenied
from trialdesk.services import audit_reader, printing
from trialdesk.services import visits as vs

UUID = re.compile(r"\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-")
ISO = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d)?")
RAW = ("entered_value", "participant_id", "dose_visit_id", "sample_id", "created_at", "given_by", "sae_death",
       "answer: 0", "answer: 1", "_id", "abdomen_left", "injection_site_reaction", "not_related")


@pytest.fixture
def trial(store, users):
    return build_trial(store, users)


def _igg_d2(store, pid) -> str:
    return store.db.execute("SELECT r.id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
                            "JOIN dose_visits v ON v.id = s.dose_visit_id WHERE v.participant_id = ? "
                            "AND v.dose_code = 'D2' AND r.analyte = 'IGG'", [pid]).fetchone()[0]


def _text(lines) -> str:
    return "\n".join(" | ".join((x.at, x.who, x.action, x.record, x.field, x.old, x.new, x.reason)) for x in lines)


def test_blinded_nurse_sees_masked_values_masked_old_and_new(store, users, trial):
    vs.correct_lab_result(store, users[Role.INVESTIGATOR], _igg_d2(store, trial.pid), vs.LabEntry("2,3", "g/L"),
                          reason="lab re-issued the report")
    lines = audit_reader.lines(store, users[Role.NURSE], trial.pid)
    igg = [x for x in lines if x.record == "Blood result D2 IgG"]
    masked = [x for x in igg if x.column is not None and x.column.masked]
    assert {x.column.column for x in masked} >= {"entered_value", "value"}
    assert all(x.masked and x.new in ("", "masked (blinded)") and x.old in ("", "masked (blinded)") for x in masked)
    update = [x for x in masked if x.operation == "UPDATE"]
    assert update and all((x.old, x.new) == ("masked (blinded)", "masked (blinded)") for x in update)
    assert all(x.reason == "lab re-issued the report" and x.username == "doctor" for x in update)
    text = _text(igg)
    for value in ("2.1", "2.3"):
        assert not shows_value(text, value), value
    # Not masked: D1's IgG (before the first dose) and other analytes after it.
    assert any(x.record == "Blood result D1 IgG" and x.field == "value as entered" and x.new == "8.4" for x in lines)
    assert any(x.record == "Blood result D2 Platelets" and (x.old, x.new) == ("240", "204") for x in lines)


def test_unblinded_physician_sees_the_values(store, users, trial):
    doctor = users[Role.INVESTIGATOR]
    vs.set_unblinded(store, users[Role.ADMINISTRATOR], doctor.id, True, reason="designated unblinded physician")
    lines = audit_reader.lines(store, users_repo.get(store.db, doctor.id), trial.pid)
    igg = {x.field: x.new for x in lines if x.record == "Blood result D2 IgG" and x.operation == "INSERT"}
    assert igg["value as entered"] == "2.1" and igg["value (protocol unit)"] == "2.1"
    assert not any(x.masked for x in lines)


def test_monitor_never_sees_identity_values(store, users, trial):
    monitor = users[Role.MONITOR]
    lines = audit_reader.lines(store, monitor, trial.pid)
    identity = [x for x in lines if x.source.table == "identities"]
    assert identity and all(x.new == "(hidden)" for x in identity if x.new)
    assert {x.field for x in identity} >= {"name", "identity number"}
    text = _text(lines)
    for leak in ("Testperson", "+47", "Dr. Test"):
        assert leak not in text, leak
    # An investigator may see identities: the same rows with values.
    seen = [x for x in audit_reader.lines(store, users[Role.INVESTIGATOR], trial.pid) if x.source.table == "identities"]
    assert any("Testperson" in x.new for x in seen)
    with pytest.raises(PermissionDenied):
        audit_reader.lines(store, users[Role.ADMINISTRATOR], trial.pid)


def test_bokmal_words_decimal_comma_and_people(store, users, trial):
    doctor = users[Role.INVESTIGATOR]
    lines = audit_reader.lines(store, doctor, trial.pid, language="nb")
    hb = next(x for x in lines if x.record == "Blodprøvesvar D2 Hb" and x.field == "verdi som registrert")
    assert hb.new == "9,5"
    temp = next(x for x in lines if x.record == "Injeksjon D1" and x.field == "temperatur før")
    assert "," in temp.new and "." not in temp.new
    site = next(x for x in lines if x.record == "Injeksjon D1" and x.field == "injeksjonssted")
    assert site.new == "abdomen venstre" and site.action == "registrert"
    given_by = next(x for x in lines if x.record == "Injeksjon D1" and x.field == "gitt av")
    assert given_by.new == "Nils Nurse (nurse)"
    severity = next(x for x in lines if x.field == "alvorlighetsgrad" and x.operation == "UPDATE")
    assert (severity.old, severity.new) == ("moderat", "alvorlig")
    ae = [x for x in lines if x.source.table == "adverse_events"]
    assert {x.record for x in ae} == {"Uønsket hendelse 1", "Uønsket hendelse 2"}
    serious = next(x for x in ae if x.field == "alvorlig" and x.record == "Uønsket hendelse 2")
    assert serious.new == "ja"
    causality = next(x for x in ae if x.field == "årsakssammenheng" and x.record == "Uønsket hendelse 1")
    assert causality.new == "sannsynlig"
    started = next(x for x in lines if x.record == "Injeksjon D1" and x.field == "startet")
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d \(UTC\+0[12]:00\)", started.new), started.new
    judgement = next(x for x in lines if x.source.table == "screening_judgements" and x.field == "svar")
    assert re.fullmatch(r"Vurdering [IE]\d+", judgement.record) and judgement.new in ("ja", "nei")


@pytest.mark.parametrize("language", ["en", "nb"])
def test_nothing_raw_in_what_the_reader_returns(store, users, trial, language):
    for user in (users[Role.NURSE], users[Role.MONITOR], users[Role.INVESTIGATOR]):
        text = _text(audit_reader.lines(store, user, trial.pid, language=language))
        assert not UUID.search(text), UUID.search(text)
        assert not ISO.search(text), ISO.search(text)
        for raw in RAW:
            assert raw not in text, raw


def test_one_record_and_its_participant(store, users, trial):
    lines = audit_reader.record_lines(store, users[Role.NURSE], "adverse_events", trial.sae_id)
    assert lines and {x.record for x in lines} == {"Adverse event 2"}
    assert any(x.field == "SAE: requires or prolongs hospitalisation" and x.new == "yes" for x in lines)
    assert audit_reader.record_lines(store, users[Role.NURSE], "adverse_events", "no-such-id") == []


def _pdftotext(data: bytes, tmp_path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is needed: install poppler-utils (bash .ci/run does)"
    pdf = tmp_path / "casebook.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=120)
    return out.stdout.decode("utf-8")


@pytest.mark.parametrize("language", ["en", "nb"])
def test_casebook_audit_trail_reads_like_the_history_tab(store, users, trial, tmp_path, language):
    nurse = users[Role.NURSE]
    text = _pdftotext(printing.casebook(store, nurse, trial.pid, language=language), tmp_path)
    heading = "Audit trail" if language == "en" else "Revisjonsspor"
    trail = text[text.rindex(heading):] if heading in text else text
    flat = " ".join(trail.split())
    assert not UUID.search(flat), UUID.search(flat)
    assert not re.search(r"\d{4}-\d\d-\d\dT", flat), re.search(r"\d{4}-\d\d-\d\dT", flat)
    for raw in RAW:
        assert raw not in flat, raw
    history = audit_reader.lines(store, nurse, trial.pid, language=language, identities=False)
    changed = next(x for x in history if x.operation == "UPDATE" and x.record.endswith("Platelets")
                   or x.operation == "UPDATE" and x.record.endswith("Trombocytter"))
    assert changed.record in flat and changed.field in flat and f"{changed.old} → {changed.new}" in flat
    assert "(UTC+0" in flat
    masked = "masked (blinded)" if language == "en" else "skjult (blindet)"
    assert masked in flat
    assert not shows_value(flat, "2.1", "g/L")
