"""Every printout rendered from a real encrypted store: values, flags, masking, signatures, page
headers and "page X of Y" on every page, and one audit row with the content hash per print."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.leaks import shows, shows_value
from trialdesk.domain.people import Role
from trialdesk.errors import PermissionDenied, ValidationError
from trialdesk.services import printing


def pages_text(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def flat(data: bytes) -> str:
    return " ".join(" ".join(pages_text(data)).split())


def check_every_page(data: bytes, *, study_id: str, title: str, printed_by: str, language: str = "en"):
    texts = pages_text(data)
    assert texts, "no pages"
    word = "Side {} av {}" if language == "nb" else "Page {} of {}"
    for n, text in enumerate(texts, start=1):
        one = " ".join(text.split())
        assert study_id in one and title in one, (n, one[:300])
        assert word.format(n, len(texts)) in one, (n, one[-300:])
        assert printed_by in one and "Haukeland (H)" in one and "KTS-11" in one
        assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d \(UTC\+0[12]:00\)", one), one[-300:]
    return texts


def last_print(store) -> dict:
    row = store.db.execute("SELECT username, table_name, record_id, new_values FROM audit WHERE action = 'PRINT' "
                           "ORDER BY seq DESC LIMIT 1").fetchone()
    return {"username": row[0], "table": row[1], "record_id": row[2], **json.loads(row[3])}


def fonts_embedded(data: bytes) -> bool:
    """Every font a page's text actually uses (``/Fx size Tf``) is embedded. (reportlab lists
    Helvetica in every resource dictionary even when no text uses it.)"""
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        used = set(re.findall(rb"/([A-Za-z0-9+]+) [0-9.]+ Tf", page.get_contents().get_data()))
        fonts = page["/Resources"]["/Font"]
        for name in used:
            font = fonts["/" + name.decode()].get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                return False
    return True


def test_consent_form_for_signature(store, users, trial):
    nurse = users[Role.NURSE]
    data = printing.consent_form(store, nurse, trial.pid)
    check_every_page(data, study_id="KTS11-H-001", title="Samtykkeerklæring", printed_by="Nils Nurse (nurse)",
                     language="nb")
    text = flat(data)
    assert "UTKAST — ikke godkjent tekst / DRAFT — not the approved text" in text
    for needle in ("Hvorfor blir du spurt?", "Frivillig deltakelse", "Legemiddelansvarsforeningen", "biobank",
                   "Deltakers signatur", "Sted og dato", "Rolle i studien", "versjon 0.1", "≥ 125 ×10⁶/L"):
        assert needle in text, needle
    assert fonts_embedded(data)
    audit = last_print(store)
    assert audit["document"] == "consent_form" and audit["sha256"] == hashlib.sha256(data).hexdigest()
    assert audit["pages"] == len(pages_text(data)) and audit["username"] == "nurse"
    english = flat(printing.consent_form(store, nurse, trial.pid, language="en"))
    assert "Why are you being asked?" in english and "Page 1 of" in english


def test_screening_summary_signed_then_changed_and_unsigned(store, users, trial):
    doctor = users[Role.INVESTIGATOR]
    data = printing.screening_summary(store, doctor, trial.pid)
    check_every_page(data, study_id="KTS11-H-001", title="Screening summary", printed_by="Dina Doktor (doctor)")
    text = flat(data)
    for cid in [f"I{n}" for n in range(1, 9)] + [f"E{n}" for n in range(1, 13)]:
        assert re.search(rf"\b{cid}\b", text), cid
    assert "NK 210 ×10⁶/L ≥ 125 ×10⁶/L" in text and "IgG 9.8 g/L ≥ 5.0 g/L" in text
    assert "age 40 on 02.03.2026" in text and "ELIGIBLE" in text  # dates as everywhere in the document
    assert "SIGNATURE INVALID — data changed after signing" in text
    # The e-signature: its time in Oslo as every other time on the page, and its UTC record time (§11.50).
    assert re.search(r"Dina Doktor \(doctor\), \d\d\.\d\d\.\d{4} \d\d:\d\d \(UTC\+0[12]:00\) — Eligibility confirmed by "
                     r"investigator \(record time \d{4}-\d\d-\d\d\s\d\d:\d\d:\d\d\sUTC\)", text), text
    unsigned = flat(printing.screening_summary(store, doctor, trial.unsigned_pid, language="nb"))
    assert "IKKE SIGNERT" in unsigned and "IKKE KVALIFISERT" in unsigned and "E3" in unsigned
    assert re.search(r"alder \d+ år den 02\.03\.2026", unsigned) and "age " not in unsigned  # Norwegian reasons
    assert "Side 1 av" in unsigned
    assert last_print(store)["document"] == "screening_summary"


def test_screening_summary_not_signed_in_english(store, users, trial):
    text = flat(printing.screening_summary(store, users[Role.MONITOR], trial.unsigned_pid))
    assert "NOT SIGNED" in text and "NOT ELIGIBLE" in text and "IgG 4.6 g/L < 5.0 g/L" in text


def test_visit_summary_for_a_blinded_nurse_keeps_masked_values_masked(store, users, trial):
    nurse = users[Role.NURSE]
    data = printing.visit_summary(store, nurse, trial.pid, "D2")
    check_every_page(data, study_id="KTS11-H-001", title="Dose visit summary D2", printed_by="Nils Nurse (nurse)")
    text = flat(data)
    assert "9.5 g/dL" in text and "9,5" not in text and "95 g/L" in text and "L ↓" in text and "Anaemia: grade 2" in text
    assert "204 ×10⁹/L" in text  # the corrected value
    nb = flat(printing.visit_summary(store, nurse, trial.pid, "D2", language="nb"))
    assert "Anemi: grad 2" in nb and "Anaemia" not in nb  # the lab's CTCAE term in the document's language
    # No analyte or heading broken inside a word by a column too narrow for it (the widths fit the words).
    for broken in ("Trombocytte r", "gr anulocytter", "Årsakssam menheng"):
        assert broken not in nb, broken
    assert "masked (blinded)" in text and "IgG: outside the pre-dose safety limit — refer to the unblinded physician" in text
    assert not shows_value(text, "2.1") and not shows(text, "40", "×10⁶/L")
    assert "hypogammaglobulinemia" not in text
    assert "NO-GO" in text and "IgG substitution planned" in text
    assert "No-go overridden by investigator" in text
    for needle in ("KIT-000124", "LOT-9", "abdomen, left", "BP 122/78 mmHg", "Dina Doktor (doctor)",
                   "innlagt med feber og frysninger", "SERIOUS", "Next visit", "D3"):
        assert needle in text, needle
    assert last_print(store)["table"] == "dose_visits"
    # The corrected value is listed with who, the old and new value and the reason.
    assert "Corrections after entry" in text and "value as entered" in text and "entered_value" not in text
    assert "240 → 204" in text and "typing error, lab report says 204" in text


def test_visit_summary_corrections_stay_masked_for_a_blinded_nurse(store, users, trial):
    from trialdesk.services import visits as vs

    igg = store.db.execute("SELECT r.id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
                           "JOIN dose_visits v ON v.id = s.dose_visit_id WHERE v.participant_id = ? "
                           "AND v.dose_code = 'D2' AND r.analyte = 'IGG'", [trial.pid]).fetchone()[0]
    vs.correct_lab_result(store, users[Role.INVESTIGATOR], igg, vs.LabEntry("2,3", "g/L"),
                          reason="lab re-issued the report")
    text = flat(printing.visit_summary(store, users[Role.NURSE], trial.pid, "D2"))
    assert "lab re-issued the report" in text and "masked (blinded) → masked (blinded)" in text
    assert not shows_value(text, "2.3") and not shows_value(text, "2.1")
    nb = flat(printing.visit_summary(store, users[Role.NURSE], trial.pid, "D1", language="nb"))
    assert "Korrigeringer etter registrering" not in nb  # nothing corrected at D1
    # Codes and analytes in the document's language.
    assert "Graviditetstest i dag negativ" in nb and "Trombocytter" in nb and "Platelets" not in nb


def test_visit_summary_for_the_unblinded_physician_shows_values(store, users, trial):
    from trialdesk.db import users as users_repo
    from trialdesk.services import visits as vs

    doctor = users[Role.INVESTIGATOR]
    vs.set_unblinded(store, users[Role.ADMINISTRATOR], doctor.id, True, reason="designated unblinded physician")
    text = flat(printing.visit_summary(store, users_repo.get(store.db, doctor.id), trial.pid, "D2", language="nb"))
    assert "2,1 g/L" in text and "masked" not in text and "skjult" not in text and "Side 1 av" in text
    assert "IgG 2,1 g/L er under sikkerhetsgrensen før dosering på 3,0 g/L" in text
    assert "is below" not in text and not shows(text, "2.1")


def test_sae_report_is_prefilled_with_the_deadline(store, users, trial):
    nurse = users[Role.NURSE]
    data = printing.sae_report(store, nurse, trial.sae_id)
    check_every_page(data, study_id="KTS11-H-001", title="Serious adverse event report",
                     printed_by="Nils Nurse (nurse)")
    text = flat(data)
    for needle in ("Fatigue", "innlagt med feber og frysninger", "09.06.2026", "3 — ", "☒", "possible",
                   "dose delayed", "recovering", "Deadline: 10.06.2026 10:00 (UTC+02:00)", "NOT REPORTED — OVERDUE",
                   "Nils Nurse (nurse)", "KIT-000123", "Relevant medical history", "Concomitant medication"):
        assert needle in text, needle
    with pytest.raises(ValidationError, match="not marked serious"):
        printing.sae_report(store, nurse, trial.ae_id)
    nb = flat(printing.sae_report(store, nurse, trial.sae_id, language="nb"))
    for needle in ("Kjønn K", "protokoll", "mulig", "dose utsatt", "i bedring"):
        assert needle in nb, needle
    for english in ("possible", "dose delayed", "recovering", "protocol"):
        assert english not in nb, english
    # The grade's text in the report's language, the same words the AE dialog shows (the CTCAE file's).
    from trialdesk.services.screening import protocol

    fatigue = protocol().ae_term("fatigue")
    assert f"3 — {fatigue.grade_text(3)}" in text and f"3 — {fatigue.grade_text(3, 'nb')}" in nb
    assert fatigue.grade_text(3) not in nb and "begrenser egenomsorgs-ADL" in nb


def test_casebook_has_every_form_signatures_and_the_audit_trail(store, users, trial):
    monitor = users[Role.MONITOR]
    data = printing.casebook(store, monitor, trial.pid)
    texts = check_every_page(data, study_id="KTS11-H-001", title="Casebook", printed_by="Mona Monitor (monitor)")
    text = flat(data)
    for needle in ("Informed consent", "Criteria", "Signed eligibility decisions", "Visit calendar",
                   "Dose visit D1", "Dose visit D2", "KIT-000123", "Adverse event 2", "Audit trail",
                   "typing error, lab report says 204", "severity re-assessed from the GP letter",
                   "SIGNATURE INVALID", "CHANGED AFTER SIGNING", "† Severity", "moderate → severe"):
        assert needle in text, needle
    # Monitors never see identity data; a blinded monitor never sees masked values.
    for leak in ("Testperson", "+47 400", "Dr. Test"):
        assert leak not in text, leak
    assert not shows_value(text, "2.1", "g/L")
    assert len(texts) == last_print(store)["pages"]


def test_who_may_print(store, users, trial):
    with pytest.raises(PermissionDenied):
        printing.casebook(store, users[Role.ADMINISTRATOR], trial.pid)
    with pytest.raises(ValidationError):
        printing.consent_form(store, users[Role.NURSE], trial.pid, language="de")


def test_pages_rasterise(store, users, trial, tmp_path):
    assert shutil.which("pdftoppm"), "pdftoppm is needed: install poppler-utils (bash .ci/run does)"
    data = printing.visit_summary(store, users[Role.NURSE], trial.pid, "D2")
    (tmp_path / "v.pdf").write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(tmp_path / "v.pdf"), str(tmp_path / "v")],
                   check=True, timeout=60)
    assert list(tmp_path.glob("v*.png"))


@pytest.mark.parametrize("language", ["en", "nb"])
def test_ae_words_of_the_printouts_are_the_screens_words(language):
    """The printouts' causality/outcome/action words say what the AE log and dialog say: the record registry's
    code words (the screens read them through ui/record_words.py)."""
    from trialdesk.domain import records
    from trialdesk.services import printout_words as pw
    from trialdesk.services import visits as vs
    from trialdesk.services import words

    for ours, column, codes in ((pw.CAUSALITY, "causality", vs.CAUSALITY), (pw.OUTCOMES, "outcome", vs.OUTCOMES),
                                (pw.ACTIONS_TAKEN, "action_taken", vs.ACTIONS_TAKEN)):
        registry = records.field_of("adverse_events", column).codes
        assert set(ours) == set(codes) == set(registry)
        assert {code: w.in_language(language) for code, w in ours.items()} == {
            code: words.translate(records.CONTEXT, word, language) for code, word in registry.items()}


def test_bokmal_documents_use_the_screens_words_and_local_formats(store, users, trial):
    """The casebook's fixed words are the catalogue's (the register's status, the new-candidate dialog's
    'Kan bli gravid'), numbers take the decimal comma and dates read 26.11.2026."""
    monitor = users[Role.MONITOR]
    nb = flat(printing.casebook(store, monitor, trial.pid, language="nb"))
    before_audit = nb.split("Revisjonsspor")[0]  # the audit trail's own lines are worded apart
    for needle in ("Status Under behandling", "Kan bli gravid ja", "Studie-ID KTS11-H-001", "Blodprøver før dosering",
                   "Årsakssammenheng", "sannsynlig", "restituert", "krever eller forlenger sykehusinnleggelse",
                   "temp 36,8 °C", "Grad (CTCAE v5.0)"):
        assert needle in before_audit, needle
    for english in ("on treatment", "Childbearing", "Causality", "probable", "recovered", "protocol ", "Page ",
                    "hospitalisation", " kit ", "Item", "Value"):
        assert english not in before_audit, english
    # An e-signature's manifestation keeps its UTC record time (§11.50); every other date is local.
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", "", before_audit))
    for value in ("9,5 g/dL", "1,6 ×10⁹/L", "temp 36,9 °C"):  # decimal comma (version numbers keep their point)
        assert value in before_audit and value.replace(",", ".") not in before_audit, value
    english = flat(printing.casebook(store, monitor, trial.pid))
    assert "Status On treatment" in english and "Childbearing potential yes" in english and "Page 1 of" in english


def test_sae_report_deadline_is_the_sae_clock_s(store, users, trial, monkeypatch):
    """The printed deadline is the one the SAE clock (today list, banner) counts down to: the domain's
    sae_due_at with the protocol's hours — here a protocol amended to 72 h."""
    import importlib
    from dataclasses import replace

    import trialdesk.services.screening as screening_service

    # (the module: services.visits exports a function of the same name)
    ae_service = importlib.import_module("trialdesk.services.visits.adverse_events")

    amended = replace(screening_service.protocol(), sae_report_hours=72)
    monkeypatch.setattr(screening_service, "protocol", lambda: amended)
    monkeypatch.setattr(ae_service, "protocol", lambda: amended)
    nurse = users[Role.NURSE]
    (clock,) = [c for c in ae_service.open_sae_clocks(store, nurse) if c.ae_id == trial.sae_id]
    assert clock.due_at == clock.aware_at + timedelta(hours=72)
    text = flat(printing.sae_report(store, nurse, trial.sae_id))
    assert f"Deadline: {printing.local_stamp(clock.due_at)}" in text
    assert "Deadline: 12.06.2026 10:00 (UTC+02:00)" in text and "within 72 h of awareness" in text


def test_printouts_name_the_domain_s_seriousness_criteria():
    """One set of SAE criteria: the printouts' words are keyed by the domain's list, in its order."""
    from trialdesk.domain.adverse_events import SAE_CRITERIA
    from trialdesk.services import printout_words as pw

    assert tuple(pw.SAE_CRITERIA) == SAE_CRITERIA


def test_every_page_carries_the_audit_seal_of_the_moment_it_was_printed(store, users, trial):
    """Issue 14, point 2: paper witnesses the audit chain — every page's footer holds the chain head (seq and the
    start of its hash) as it was when the document was made, the one ``trialdesk verify`` prints."""
    from trialdesk.db import audit

    doctor = users[Role.INVESTIGATOR]
    seq, digest = audit.head(store.db.conn)
    data = printing.casebook(store, doctor, trial.pid)
    texts = pages_text(data)
    assert len(texts) > 1
    seal = f"Audit seal {seq}\u00b7{digest[:12]}"
    assert all(seal in " ".join(t.split()) for t in texts)
    nb = printing.screening_summary(store, doctor, trial.pid, language="nb")
    seq2, _ = audit.head(store.db.conn)
    assert seq2 == seq + 2  # the two prints' own events
    before_nb = store.db.execute("SELECT hash FROM audit WHERE seq = ?", [seq + 1]).fetchone()[0]
    assert f"Revisjonssegl {seq + 1}\u00b7{before_nb[:12]}" in flat(nb)  # the head after the casebook's print
