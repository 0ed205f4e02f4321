"""Every printout in both languages speaks as a clinician reads (issue 13, point 6): no ISO timestamps, no
database words (snake_case field names such as ``given_at``), no UUIDs, one decimal sign per document, no
"before now" (paper is read later), "Converted"/"Omregnet" rather than "Canonical". Read from the PDF's
text as ``pdftotext`` extracts it (the words a reader sees, in reading order)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from trialdesk.domain.people import Role
from trialdesk.services import printing

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

ISO_MOMENT = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?Z?\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
UUID = re.compile(r"\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
DECIMAL_POINT = re.compile(r"(?<![\d.v])\d+\.\d+(?![\d.])")  # 4.9 (not 1.0.2, not v1.0)
DECIMAL_COMMA = re.compile(r"(?<![\d,])\d+,\d+(?![\d,])")
# What may look like those and is not: the e-signature's UTC record time (21 CFR 11.50 manifestation), the
# document and protocol versions, the sha-256 of signed content, the audit seal.
ALLOWED_UTC = re.compile(r"\d{4}-\d{2}-\d{2}\s\d{2}:\d{2}:\d{2}\sUTC")  # its spaces do not break (U+00A0)
VERSIONS = re.compile(r"(?i)(version|versjon|protokoll|protocol|skjema|form|v)\w*:?\s*\d+(\.\d+)+"
                      r"|\b\d+\.\d+(?=\s+(nb|en)\b)"  # the consent table's version column, then its language
                      r"|\b\d+\.\d+$", re.MULTILINE)  # a table's last column: the protocol version


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def documents(store, users, trial, language):
    monitor, doctor = users[Role.MONITOR], users[Role.INVESTIGATOR]
    yield "consent", printing.consent_form(store, doctor, trial.pid, language=language)
    yield "screening", printing.screening_summary(store, doctor, trial.pid, language=language)
    yield "screening (not signed)", printing.screening_summary(store, doctor, trial.unsigned_pid, language=language)
    for dose in ("D1", "D2"):
        yield f"visit {dose}", printing.visit_summary(store, doctor, trial.pid, dose, language=language)
    yield "SAE report", printing.sae_report(store, doctor, trial.sae_id, language=language)
    yield "casebook", printing.casebook(store, monitor, trial.pid, language=language)


def problems(text: str, language: str) -> list[str]:
    found = []
    plain = ALLOWED_UTC.sub("", text)
    plain = re.sub(r"\b[0-9a-f]{64}\b", "", plain)  # a signature's content hash
    for pattern, what in ((ISO_MOMENT, "ISO timestamp"), (ISO_DATE, "ISO date"), (UUID, "UUID"),
                          (SNAKE, "snake_case word")):
        for match in pattern.finditer(plain):
            found.append(f"{what}: {match.group(0)!r} in …{plain[max(0, match.start() - 40):match.end() + 20]!r}…")
    for match in re.finditer(r"\b\d{2}\.\d{2}\.\d{1,3}(?![\d.])", plain):
        found.append(f"a date wrapped mid-year: {plain[max(0, match.start() - 30):match.end() + 30]!r}")
    numbers = VERSIONS.sub("", plain)
    points, commas = DECIMAL_POINT.findall(numbers), DECIMAL_COMMA.findall(numbers)
    if language == "nb" and points:
        found.append(f"decimal point in Bokmål: {points[:5]}")
    if language == "en" and commas:
        found.append(f"decimal comma in English: {commas[:5]}")
    if language == "nb":
        for english in ("informed consent recorded", "eligibility decision signed", "blood tests entered",
                        "first dose (", "last dose (", "completion confirmed"):
            if english in text:
                at = text.index(english)
                found.append(f"a reason TrialDesk wrote, in English: {english!r} in …{text[max(0, at - 200):at + 60]!r}…")
    for words in ("before now", "før nå", "Canonical", "canonical", "Kanonisk", "kanonisk"):
        if words in text:
            found.append(f"{words!r} on paper")
    return found


@pytest.mark.parametrize("language", ["en", "nb"])
def test_every_document_in_plain_words(store, users, trial, language):
    report = []
    for name, data in documents(store, users, trial, language):
        for problem in problems(pdf_text(data), language):
            report.append(f"{name} ({language}): {problem}")
    assert not report, "\n".join(report)


def test_the_checks_catch_what_they_name():
    sample = ("Changed 2026-12-02T14:12:00.000000Z given_at 4.9 and 4,9 id 0123456789abcdef0123456789abcdef "
              "1.6 h before now · Canonical")
    found = " ".join(problems(sample, "nb"))
    for what in ("ISO timestamp", "snake_case", "UUID", "decimal point", "before now", "Canonical"):
        assert what in found, what
    assert problems("Signed 2026-12-02 14:12:00 UTC · protocol 1.0.2 · 4,9 g/L", "nb") == []


def test_visit_summary_lists_the_adverse_events_at_or_since_the_visit_and_explains_its_checks_first(
        store, users, trial):
    from datetime import date

    from trialdesk.services import visits as vs

    nurse, doctor = users[Role.NURSE], users[Role.INVESTIGATOR]
    vs.record_adverse_event(store, nurse, trial.pid, vs.AdverseEventInput(  # from the AE tab: no visit
        verbatim="hodepine to dager etter", term="headache", onset_date=date(2026, 6, 10), grade=1, serious=False,
        causality="possible", action_taken="none", outcome="recovered", end_date=date(2026, 6, 11)))
    d2 = pdf_text(printing.visit_summary(store, doctor, trial.pid, "D2", language="en"))
    assert "Adverse events reported at or since this visit" in d2
    for verbatim in ("hodepine", "innlagt med feber", "rød og kløende"):  # (cells wrap: a word or two)
        assert verbatim in d2, verbatim
    d1 = pdf_text(printing.visit_summary(store, doctor, trial.pid, "D1", language="nb"))
    assert "hodepine" in d1  # reported since D1 too
    go = d1.index("Klarert / ikke klarert")
    assert go < d1.index("Kontrollene under") < d1.index("✓", go), "how the checks were made comes first"
