"""Print use cases (issue 6): load what a document shows, as this user may see it, render the PDF,
audit the print (who, what, when, sha256 of the bytes, pages) and return the bytes.

Nothing is written to disk here: the caller writes the bytes where the user asked (clinical data
must not be left unencrypted in temporary files). Blinded users never get a masked value or flag in
a PDF: lab values come through :func:`services.visits.lab_results`, which masks them.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Mapping

from trialdesk.clock import parse_utc, utc_now
from trialdesk.db import history as history_repo
from trialdesk.db import participants as participants_repo
from trialdesk.db import screening as screening_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain import records as records_registry
from trialdesk.domain.explanations import Explanation
from trialdesk.domain.labs import unit_label
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.paths import resource_path
from trialdesk.printouts import documents
from trialdesk.printouts.model import (
    AeLine,
    AuditLine,
    CasebookData,
    CasebookSection,
    ConsentFormData,
    ConsentSection,
    CriterionLine,
    DocumentHeader,
    LabLine,
    PdfDocument,
    SaeReportData,
    ScreeningSummaryData,
    SignatureBlock,
    Table,
    VisitSummaryData,
)
from trialdesk.services import audit_reader, auth, explain, formats, signatures, words
from trialdesk.services import printout_words as pw
from trialdesk.services import screening as screening_service
from trialdesk.services import visits as visits_service
from trialdesk.services.permissions import Action, require
from trialdesk.services.printout_words import PRINTOUTS, label
from trialdesk.services.words import Word

__all__ = ["DOCUMENT_VERSION", "LANGUAGES", "casebook", "consent_form", "local_stamp", "sae_report",
           "screening_summary", "visit_summary"]

LANGUAGES = ("nb", "en")
# The layout version of each document (the consent form carries its template's version instead).
DOCUMENT_VERSION = {"screening_summary": "1.0", "visit_summary": "1.0", "sae_report": "1.0", "casebook": "1.0"}
CONSENT_DIR = ("consent",)


# --- formatting ---------------------------------------------------------------------------------------

def local_stamp(moment: datetime) -> str:
    """``26.11.2026 14:05 (UTC+01:00)``: Europe/Oslo time with its offset (glossary.md)."""
    return formats.moment(moment)


@dataclass(frozen=True)
class _Fmt:
    """Words, dates, times and numbers the way a reader of ``language`` expects (nb: 26.11.2026, 4,9):
    words from the screens' catalogue (:mod:`services.words`), numbers and dates by :mod:`services.formats`."""

    language: str

    def tr(self, text: str, context: str = PRINTOUTS) -> str:
        """``text`` (English source, collected by tools/i18n.py from this call) in the document's language;
        ``context``: a screen's, where the screen shows the same word."""
        return words.translate(context, text, self.language)

    def t(self, en: str, nb: str) -> str:
        """A hand-kept pair: only the audit trail's lines still use it (they are being rewritten apart)."""
        return nb if self.language == "nb" else en

    def word(self, entry: Word) -> str:
        return entry.in_language(self.language)

    def day(self, value) -> str:
        return formats.day(value)

    def moment(self, utc_text: str | None) -> str:
        """A stored UTC timestamp as local time (Europe/Oslo) with the offset."""
        return formats.moment(utc_text, self.language)

    def time(self, utc_text: str | None) -> str:
        return formats.moment(utc_text, self.language, offset=False)

    def num(self, value) -> str:
        return formats.number(value, self.language)

    def sex(self, value) -> str:
        """F / M as the register abbreviates them (K for kvinne in Bokmål)."""
        entry = pw.SEX.get(value or "")
        return self.word(entry) if entry else (value or "")

    def yes_no(self, value) -> str:
        if value is None:
            return ""
        return label("yes", self.language) if value else label("no", self.language)

    def code(self, value, table: Mapping[str, Word] | None = None) -> str:
        """A stored code as a word of the document's language (``table`` or the common one)."""
        if value is None:
            return ""
        entry = (table if table is not None else pw.CODE_WORDS).get(str(value))
        return self.word(entry) if entry else str(value).replace("_", " ")

    def explain(self, explanation: Explanation) -> str:
        """A rule's explanation in the document's language (dates 26.11.2026, nb decimal comma)."""
        return explain.in_language(explanation, self.language)


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError("Choose the language of the printout: nb or en.", field="language")
    return language


def _header(store: Store, user: User, study_id: str, title: str, version: str, language: str,
            now: datetime | None) -> DocumentHeader:
    proto = screening_service.protocol()
    site_name = store.meta("site_name") or ""
    return DocumentHeader(
        study=f"{proto.study_code} — {proto.title_nb if language == 'nb' else proto.title_en}",
        site=f"{site_name} ({store.info.site_code})", study_id=study_id, title=title, version=version,
        printed_at_local=local_stamp(now or utc_now()), printed_by=f"{user.full_name} ({user.username})",
        language=language, words=pw.document_words(language))


def _finish(store: Store, user: User, doc: PdfDocument, *, document: str, table: str, record_id: str,
            study_id: str) -> bytes:
    """Audit the print (content hash and pages, never clinical values) and return the bytes."""
    store.log_event("PRINT", auth.actor(user), table=table, record_id=record_id, detail={
        "document": document, "sha256": hashlib.sha256(doc.data).hexdigest(), "pages": doc.pages,
        "study_id": study_id, "bytes": len(doc.data)})
    return doc.data


def _participant(store: Store, participant_id: str):
    record = participants_repo.get(store.db, participant_id)
    if record is None:
        raise ValidationError("No such participant.")
    return record


# --- consent form -----------------------------------------------------------------------------------

def _version_key(path) -> tuple[int, ...]:
    match = re.search(r"_v([0-9.]+)\.toml$", path.name)
    return tuple(int(x) for x in match.group(1).split(".") if x) if match else ()


def consent_template(language: str, version: str | None = None) -> dict:
    """The consent template for ``language``: ``version`` if given, else the newest installed."""
    folder = resource_path(*CONSENT_DIR)
    files = sorted(folder.glob(f"kts11_consent_{language}_v*.toml"), key=_version_key)
    if version is not None:
        files = [f for f in files if f.name == f"kts11_consent_{language}_v{version}.toml"]
    if not files:
        raise ValidationError("No consent form template for {language} (version {version}) is installed.",
                              language=language, version=version or "any")
    with open(files[-1], "rb") as handle:
        return tomllib.load(handle)


def consent_form(store: Store, user: User, participant_id: str, *, language: str = "nb",
                 version: str | None = None, now: datetime | None = None) -> bytes:
    """The information letter and consent form for the participant to sign (default Bokmål)."""
    require(user, Action.PRINT)
    _check_language(language)
    participant = _participant(store, participant_id)
    template = consent_template(language, version)
    header = _header(store, user, participant.study_id, label("consent_title", language),
                     template["version"], language, now)
    data = ConsentFormData(
        header=header, form_title=template["title"], consent_version=template["version"],
        template_language=template["language"],
        sections=tuple(ConsentSection(s["heading"], tuple(s["paragraphs"])) for s in template["sections"]),
        declaration=template["declaration"]["participant"],
        investigator_declaration=template["declaration"]["investigator"],
        placeholder=template.get("placeholder"))
    doc = documents.consent_form(data)
    return _finish(store, user, doc, document="consent_form", table="participants", record_id=participant_id,
                   study_id=participant.study_id)


# --- screening summary ----------------------------------------------------------------------------------

def _lab_entry(f: _Fmt, text: str | None, unit: str | None, value: float | None, canonical_unit: str) -> str:
    if not text:
        return ""
    return f"{text} {unit_label(unit or '')} (= {f.num(value)} {unit_label(canonical_unit)})"


def _screening_facts(f: _Fmt, participant, state) -> list[tuple[str, str]]:
    entry = state.entry
    consent = state.consent
    proto = screening_service.protocol()
    facts = [
        (f.tr("Sex", "ParticipantTableModel"), f.sex(participant.sex)),
        (f.tr("Birth date", "NewCandidateDialog"), f.day(participant.birth_date)),
        (f.tr("Childbearing potential", "NewCandidateDialog"), f.yes_no(participant.childbearing_potential)),
        (f.tr("Consent"), "" if consent is None else
         f"{f.tr('version')} {consent.form_version} ({consent.language}), "
         f"{f.tr('participant signed')} {f.day(consent.participant_signed_on)}, "
         f"{f.tr('investigator signed')} {f.day(consent.investigator_signed_on)}, "
         f"{f.tr('obtained by')} {consent.obtained_by_name}"),
        (f.tr("Screening date", "ScreeningChecklistWidget"), f.day(entry.screening_date)),
        (f.tr("Canadian Consensus Criteria met", "ScreeningChecklistWidget"),
         f.yes_no(entry.canadian_criteria_met)),
        (f.tr("Severity"), f.code(entry.severity)),
        (f.tr("ME/CFS onset date", "ScreeningChecklistWidget"), f.day(entry.me_cfs_onset_date)),
        (f.tr("Onset trigger", "ScreeningChecklistWidget"), f.code(entry.onset_trigger)),
        (f.tr("Pregnancy test", "ScreeningChecklistWidget"), f.code(entry.pregnancy_test)),
    ]
    return facts + [
        ("NK", _lab_entry(f, entry.nk_text, entry.nk_unit, _screening_value(state, "nk"), proto.lab("NK").unit)),
        ("IgG", _lab_entry(f, entry.igg_text, entry.igg_unit, _screening_value(state, "igg"),
                           proto.lab("IGG").unit)),
    ]


def _screening_value(state, which: str) -> float | None:
    entry = state.entry
    text, unit = (entry.nk_text, entry.nk_unit) if which == "nk" else (entry.igg_text, entry.igg_unit)
    if not text:
        return None
    from trialdesk.domain.labs import LabValueError, convert

    try:
        return convert(screening_service.protocol(), "NK" if which == "nk" else "IGG", text, unit or "").value
    except LabValueError:
        return None


def _signature_block(sig) -> SignatureBlock | None:
    if sig is None:
        return None
    return SignatureBlock(sig.manifestation(), sig.valid)


def screening_summary(store: Store, user: User, participant_id: str, *, language: str = "en",
                      now: datetime | None = None) -> bytes:
    """Every criterion I1–I8, E1–E12 with its status and the numbers used, the verdict and the
    e-signature manifestation ("NOT SIGNED", or "SIGNATURE INVALID" when the data changed since)."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    participant = _participant(store, participant_id)
    state = screening_service.load(store, user, participant_id)
    proto = screening_service.protocol()
    criteria = []
    for criterion in proto.criteria:
        result = state.result.result(criterion.id)
        criteria.append(CriterionLine(
            id=criterion.id, category=criterion.category,
            text=criterion.text_nb if language == "nb" else criterion.text_en,
            status=f.word(pw.SCREENING_STATUS[result.status]), explanation=f.explain(result.explanation)))
    verdict = f.word(pw.VERDICTS[state.result.verdict])
    if state.result.failed:
        verdict += f" — {f.tr('failed')}: {', '.join(state.result.failed)}"
    if state.result.missing:
        verdict += f" — {f.tr('missing')}: {', '.join(state.result.missing)}"
    header = _header(store, user, participant.study_id, label("screening_title", language),
                     DOCUMENT_VERSION["screening_summary"], language, now)
    data = ScreeningSummaryData(header=header, facts=tuple(_screening_facts(f, participant, state)),
                                criteria=tuple(criteria), verdict=verdict,
                                protocol_version=state.result.protocol_version,
                                signature=_signature_block(state.signature),
                                eligible=state.result.verdict == "eligible")
    doc = documents.screening_summary(data)
    return _finish(store, user, doc, document="screening_summary", table="participants",
                   record_id=participant_id, study_id=participant.study_id)


# --- visit summary ----------------------------------------------------------------------------------

def _go(f: _Fmt, verdict: str | None, empty: str = "") -> str:
    entry = pw.GO.get(verdict or "")
    return f.word(entry) if entry else (verdict or empty)


def _lab_lines(f: _Fmt, views) -> list[LabLine]:
    proto = screening_service.protocol()
    lines = []
    for v in views:
        if v.masked:
            lab = proto.lab(v.analyte)
            lines.append(LabLine(analyte=lab.symbol_nb if f.language == "nb" else lab.symbol,
                                 sampled_at=f.time(v.sampled_at), entered=label("masked", f.language),
                                 canonical=label("masked", f.language), flag="", ctcae="", safety=f.explain(v.safety),
                                 masked=True))
            continue
        entered = v.entered or ""
        value_text, unit_text = entered.rsplit(" ", 1) if " " in entered else (entered, "")
        lab = proto.lab(v.analyte)
        lines.append(LabLine(
            analyte=lab.symbol_nb if f.language == "nb" else lab.symbol, sampled_at=f.time(v.sampled_at),
            entered=f"{value_text} {unit_label(unit_text)}".strip(),
            canonical=f"{f.num(v.value)} {unit_label(lab.unit)}",
            flag={"L": "L ↓", "H": "H ↑"}.get(v.flag or "", ""),
            ctcae=f"{v.ctcae_term.replace('_', ' ')}: {f.tr('grade {g}', 'visits').format(g=v.ctcae_grade)}" if v.ctcae_grade else "",
            safety=f.explain(v.safety)))
    return lines


def _ae_lines(f: _Fmt, rows) -> list[AeLine]:
    proto = screening_service.protocol()
    out = []
    for ae in rows:
        out.append(AeLine(
            term=_ae_term(f, proto, ae), verbatim=ae["verbatim"], onset=f.day(ae["onset_date"]),
            end=f.day(ae["end_date"]), grade=str(ae["grade"]),
            serious=f.tr("SERIOUS") if ae["serious"] else f.tr("no", "visits"),
            causality=f.code(ae["causality"]), outcome=f.code(ae["outcome"])))
    return out


def _ae_term(f: _Fmt, proto, ae: dict) -> str:
    try:
        term = proto.ae_term(ae["term"])
        text = term.term_nb if f.language == "nb" else term.term_en
    except KeyError:
        text = ae["term"]
    if ae.get("other_specify"):
        text += f": {ae['other_specify']}"
    return text


def _user_name(store: Store, user_id: str | None) -> str:
    if not user_id:
        return ""
    row = store.db.execute("SELECT full_name, username FROM users WHERE id = ?", [user_id]).fetchone()
    return f"{row[0]} ({row[1]})" if row else user_id


def _vitals(f: _Fmt, admin: dict, when: str) -> str:
    parts = []
    if admin.get(f"bp_sys_{when}") is not None:
        parts.append(f"{f.tr('BP')} {admin[f'bp_sys_{when}']}/{admin.get(f'bp_dia_{when}') or '?'} mmHg")
    if admin.get(f"pulse_{when}") is not None:
        parts.append(f"{f.tr('pulse')} {admin[f'pulse_{when}']}/min")
    if admin.get(f"temp_{when}") is not None:
        parts.append(f"temp {f.num(admin[f'temp_{when}'])} °C")
    return ", ".join(parts)


def _administration_pairs(store: Store, f: _Fmt, admin: dict | None) -> list[tuple[str, str]]:
    if not admin:
        return []
    return [
        (f.tr("Kit number", "AdministrationForm"), admin["kit_number"]),
        (f.tr("Lot number", "AdministrationForm"), admin.get("lot") or ""),
        (f.tr("Injection site", "AdministrationForm"), f.code(admin["injection_site"], pw.INJECTION_SITES)),
        (f.tr("Started"), f.moment(admin["started_at"])),
        (f.tr("Ended"), f.moment(admin["ended_at"])),
        (f.tr("Observation until", "AdministrationForm"), f.moment(admin.get("observation_until"))),
        (f.tr("Given by"), _user_name(store, admin["given_by"])),
        (f.tr("Vital signs before"), _vitals(f, admin, "pre")),
        (f.tr("Vital signs after"), _vitals(f, admin, "post")),
    ]


def _next_visit(store: Store, f: _Fmt, participant_id: str, after: str) -> str:
    for v in screening_repo.visits(store.db, participant_id):
        if v.done_on is None and v.target_date.isoformat() > after:
            label_text = v.label_nb if f.language == "nb" else v.label_en
            return (f"{v.code} {label_text}: {f.day(v.target_date)} "
                    f"({f.tr('window')} {f.day(v.window_start)} – {f.day(v.window_end)})")
    return f.tr("none planned")


def _visit_labs(store: Store, user: User, participant_id: str, visit_id: str):
    times = {r[0] for r in store.db.execute("SELECT sampled_at FROM lab_samples WHERE dose_visit_id = ?",
                                            [visit_id])}
    return [v for v in visits_service.lab_results(store, user, participant_id) if v.sampled_at in times]


def visit_summary(store: Store, user: User, participant_id: str, dose_code: str, *, language: str = "en",
                  now: datetime | None = None) -> bytes:
    """One dose visit: pre-dose labs (entered and canonical units, flags, CTCAE; masked values stay
    masked), go / no-go and its reasons, premedication, administration, AEs reported, next visit."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    participant = _participant(store, participant_id)
    visit = visits_repo.get_dose_visit(store.db, participant_id, dose_code)
    if visit is None:
        raise ValidationError("Nothing is recorded for {dose} of {study_id} yet.", dose=dose_code,
                              study_id=participant.study_id)
    admin = visits_repo.administration(store.db, visit["id"])
    data = _visit_data(store, user, f, participant, visit, admin, now=now, live=True)
    doc = documents.visit_summary(data)
    return _finish(store, user, doc, document="visit_summary", table="dose_visits", record_id=visit["id"],
                   study_id=participant.study_id)


def _visit_data(store: Store, user: User, f: _Fmt, participant, visit: dict, admin: dict | None, *,
                now: datetime | None, live: bool) -> VisitSummaryData:
    proto = screening_service.protocol()
    dose_code = visit["dose_code"]
    plan = None
    try:
        plan = visits_service.schedule_of(store, {"id": participant.id, "inclusion_date":
                                                  participant.inclusion_date.isoformat()
                                                  if participant.inclusion_date else None}).visit(dose_code)
    except (ValidationError, KeyError):
        plan = None
    dose_label = next((d.label_nb if f.language == "nb" else d.label_en for d in proto.schedule.doses
                       if d.code == dose_code), dose_code)
    visit_pairs = [
        (f.tr("Visit", "visits"), f"{dose_code} — {dose_label}"),
        (f.tr("Date", "ParticipantTableModel"), f.day(visit["visit_date"])),
        (f.tr("Window", "visits"), f"{f.day(plan.window_start)} – {f.day(plan.window_end)}" if plan else ""),
        (f.tr("State", "visits"), f.code(visit["state"], pw.VISIT_STATES)),
        (f.tr("Pregnancy test today", "DoseVisitWidget"), f.code(visit.get("pregnancy_test"))),
    ]
    go_lines: list[tuple[bool, str]] = []
    notes = []
    go_verdict = ""
    if live:
        if visit["state"] == "given" and admin:
            # The verdict the dose was given under is the record; the checks are re-evaluated now with
            # the data on file, at the time of administration (later corrections show here).
            at = parse_utc(admin["started_at"])
            status = visits_service.go_no_go(store, user, participant.id, dose_code, now=at)
            go_lines = [(ok, f.explain(why)) for check, (ok, why) in zip(status.decision.checks, status.reasons)
                        if check.explanation.code != "dose_already_given"]
            go_verdict = (f.tr("recorded at administration") + ": "
                          + _go(f, visit["verdict"]))
            notes.append((f.tr("Checks below"),
                          f.tr("re-evaluated with the data on file now, at the time of administration ") + local_stamp(at)))
        else:
            status = visits_service.go_no_go(store, user, participant.id, dose_code, now=now)
            go_lines = [(ok, f.explain(why)) for ok, why in status.reasons]
            go_verdict = _go(f, status.verdict)
            notes.append((f.tr("Checks evaluated at"), local_stamp(now or utc_now())))
    else:
        go_verdict = _go(f, visit["verdict"], "—")
    if visit.get("window_reason"):
        notes.append((f.tr("Reason (outside window)"), visit["window_reason"]))
    if visit.get("override_reason"):
        notes.append((f.tr("No-go overridden, reason"), visit["override_reason"]))
    sigs = tuple(_signature_block(s) for s in signatures.signatures_for(store, "dose_visits", visit["id"]))
    premeds = []
    labels = {p.code: (p.label_nb if f.language == "nb" else p.label_en) for p in proto.pre_dose.premedication}
    for drug, row in sorted(visits_repo.premedications(store.db, visit["id"]).items()):
        premeds.append((labels.get(drug, drug), f.moment(row["given_at"])))
    aes = [a for a in visits_repo.adverse_events(store.db, participant.id) if a["reported_visit_id"] == visit["id"]]
    header = _header(store, user, participant.study_id, f"{label('visit_title', f.language)} {dose_code}",
                     DOCUMENT_VERSION["visit_summary"], f.language, now)
    corrections = _corrections(store, user, f, participant.id, visit["id"])
    return VisitSummaryData(
        header=header, visit=tuple(visit_pairs),
        labs=tuple(_lab_lines(f, _visit_labs(store, user, participant.id, visit["id"]))),
        go_verdict=go_verdict, go_lines=tuple(go_lines), go_notes=tuple(notes), premedication=tuple(premeds),
        administration=tuple(_administration_pairs(store, f, admin)), adverse_events=tuple(_ae_lines(f, aes)),
        next_visit=_next_visit(store, f, participant.id, visit["visit_date"]), signatures=sigs,
        corrections=corrections)


# --- SAE report --------------------------------------------------------------------------------------

def sae_report(store: Store, user: User, ae_id: str, *, language: str = "en", now: datetime | None = None) -> bytes:
    """The SAE report form pre-filled from a serious AE, with the 24-hour deadline; fields the
    sponsor's form asks for that TrialDesk does not hold are left empty to complete by hand."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    row = store.db.execute("SELECT * FROM adverse_events WHERE id = ?", [ae_id]).fetchone()
    if row is None:
        raise ValidationError("No such adverse event.")
    cols = [d[0] for d in store.db.execute("SELECT * FROM adverse_events LIMIT 0").description]
    ae = dict(zip(cols, row))
    if not ae["serious"]:
        raise ValidationError("This adverse event is not marked serious: there is no SAE report to print.")
    participant = _participant(store, ae["participant_id"])
    proto = screening_service.protocol()
    hours = proto.sae_report_hours
    aware = parse_utc(ae["aware_at"]) if ae.get("aware_at") else None
    due = aware + timedelta(hours=hours) if aware else None
    now_ = now or utc_now()
    if ae.get("sae_reported_at"):
        reported = parse_utc(ae["sae_reported_at"])
        status = f.tr("reported to the sponsor") + f" {local_stamp(reported)}"
        if due and reported > due:
            status += f.tr(" — LATE")
    elif due and now_ > due:
        status = f.tr("NOT REPORTED — OVERDUE")
    else:
        status = f.tr("not yet reported")
    deadline_note = (f.tr("Report to the sponsor within {hours} h of awareness. ").format(hours=hours)
                     + (f.tr("Deadline: ") + local_stamp(due) + " — " if due else "") + status)
    try:
        term = proto.ae_term(ae["term"])
        grade_text = term.grade_text(ae["grade"])
    except (KeyError, ValueError):
        grade_text = ""
    doses = []
    for v in visits_repo.dose_visits(store.db, participant.id):
        admin = visits_repo.administration(store.db, v["id"])
        if admin:
            doses.append(f.tr("{dose} {at} kit {kit}").format(dose=v["dose_code"], at=f.time(admin["started_at"]),
                                                              kit=admin["kit_number"])
                         + (f.tr(" lot {lot}").format(lot=admin["lot"]) if admin.get("lot") else ""))
    age = ""
    if participant.birth_date:
        onset = date.fromisoformat(ae["onset_date"])
        b = participant.birth_date
        age = str(onset.year - b.year - ((onset.month, onset.day) < (b.month, b.day)))
    box = lambda on: "☒" if on else "☐"  # noqa: E731
    reporter = ""
    created = store.db.execute("SELECT username FROM audit WHERE table_name = 'adverse_events' AND record_id = ? "
                               "AND action = 'INSERT' ORDER BY seq LIMIT 1", [ae_id]).fetchone()
    if created:
        who = store.db.execute("SELECT full_name, role FROM users WHERE username = ?", [created[0]]).fetchone()
        reporter = f"{who[0]} ({created[0]}) — {f.code(who[1], pw.ROLES)}" if who else created[0]
    sections = (
        (f.tr("Report"), (
            (f.tr("Study / protocol"),
             f"{proto.study_code}, {f.tr('protocol')} {proto.version}"),
            (f.tr("Site", "ParticipantTableModel"), f"{store.meta('site_name') or ''} ({store.info.site_code})"),
            (f.tr("Report type (initial / follow-up)"), ""),
            (f.tr("Recorded in TrialDesk by"), reporter),
            (f.tr("Investigator's awareness"), local_stamp(aware) if aware else ""),
            (f.tr("Reporting deadline"), local_stamp(due) if due else ""),
            (f.tr("Reported to the sponsor"), f.moment(ae.get("sae_reported_at"))),
        )),
        (f.tr("Participant"), (
            (f.tr("Study id", "visits"), participant.study_id),
            (f.tr("Sex", "ParticipantTableModel"), f.sex(participant.sex)),
            (f.tr("Age at onset (years)"), age),
            (f.tr("Treatment"), f.tr("blinded (kit numbers only)")),
        )),
        (f.tr("Event"), (
            (f.tr("Term (CTCAE v{version})").format(version=ae["ctcae_version"]), _ae_term(f, proto, ae)),
            (f.tr("Verbatim term", "AdverseEventDialog"), ae["verbatim"]),
            (f.tr("Onset date", "AdverseEventDialog"), f.day(ae["onset_date"])),
            (f.tr("End date", "AdverseEventDialog"), f.day(ae["end_date"]) or f.tr("ongoing")),
            (f.tr("CTCAE grade", "AdverseEventDialog"), f"{ae['grade']}" + (f" — {grade_text}" if grade_text else "")),
            *((f.word(word), box(ae[key])) for key, word in pw.SAE_CRITERIA.items()),
            (f.tr("Outcome", "visits"), f.code(ae["outcome"])),
        )),
        (f.tr("Study drug and causality"), (
            (f.tr("Doses given"), "; ".join(doses) or f.tr("none")),
            (f.tr("Causality to study drug"), f.code(ae["causality"])),
            (f.tr("Action taken with the study drug", "AdverseEventDialog"), f.code(ae["action_taken"], pw.ACTIONS_TAKEN)),
        )),
        (f.tr("To complete by hand (not held in TrialDesk)"), (
            (f.tr("Description / narrative"), ""),
            (f.tr("Relevant medical history"), ""),
            (f.tr("Concomitant medication"), ""),
            (f.tr("Treatment of the event"), ""),
            (f.tr("Relevant tests and results"), ""),
            (f.tr("Hospital and dates of admission"), ""),
            (f.tr("Investigator: name, signature, date"), ""),
            (f.tr("Sponsor: received (date, time, by)"), ""),
        )),
    )
    header = _header(store, user, participant.study_id, label("sae_title", f.language),
                     DOCUMENT_VERSION["sae_report"], f.language, now)
    doc = documents.sae_report(SaeReportData(header=header, sections=sections, deadline_note=deadline_note))
    return _finish(store, user, doc, document="sae_report", table="adverse_events", record_id=ae_id,
                   study_id=participant.study_id)


# --- casebook ----------------------------------------------------------------------------------------------

# What an eligibility signature covers (services.screening.checklist): changes after it are marked.
_SIGNED_SCOPE = {"participants": {"sex", "birth_date", "childbearing_potential"}, "consents": None,
                 "screenings": None, "screening_judgements": None}


def visit_records(db, visit_id: str) -> list[tuple[str, str]]:
    """(table, id) of the rows recorded at one dose visit: the visit, its premedication, injection, samples and
    results, and the AEs reported at it."""
    queries = (
        ("dose_visits", "SELECT id FROM dose_visits WHERE id = ?"),
        ("premedications", "SELECT id FROM premedications WHERE dose_visit_id = ?"),
        ("administrations", "SELECT id FROM administrations WHERE dose_visit_id = ?"),
        ("lab_samples", "SELECT id FROM lab_samples WHERE dose_visit_id = ?"),
        ("lab_results", "SELECT r.id FROM lab_results r JOIN lab_samples s ON s.id = r.sample_id "
                        "WHERE s.dose_visit_id = ?"),
        ("adverse_events", "SELECT id FROM adverse_events WHERE reported_visit_id = ?"),
    )
    return [(table, r[0]) for table, sql in queries for r in db.execute(sql, [visit_id])]


def _reader_lines(store: Store, user: User, f: _Fmt, participant_id: str,
                  records: list[tuple[str, str]] | None = None) -> list[audit_reader.Line]:
    """The audit reader's lines (the History tab's words) of the participant's clinical records, or of ``records``."""
    if records is None:
        return audit_reader.lines(store, user, participant_id, language=f.language, identities=False)
    by_record = audit_reader.lines_by_record(store, user, participant_id, records, language=f.language)
    return sorted((line for lines in by_record.values() for line in lines), key=lambda line: line.seq)


def _audit_line(line: audit_reader.Line, after_signing: bool = False) -> AuditLine:
    return AuditLine(at_local=line.at, username=line.username, action=line.action, record=line.record,
                     field=line.field, old=line.old, new=line.new, reason=line.reason, after_signing=after_signing)


def _audit_lines(store: Store, user: User, f: _Fmt, participant_id: str,
                 records: list[tuple[str, str]] | None = None) -> tuple[list[AuditLine], set[tuple[str, str]]]:
    """The audit trail as the History tab reads it; a new record is one line with all its values (keeps the trail
    readable and the PDF fast). Also the (table, column) — (table, criterion) for judgements — changed after the
    first eligibility signature."""
    signed = history_repo.first_signature_at(store.db, participant_id)
    first_signed = parse_utc(signed) if signed else None
    lines: list[AuditLine] = []
    changed_after: set[tuple[str, str]] = set()
    entered: dict[int, list[audit_reader.Line]] = {}
    for line in _reader_lines(store, user, f, participant_id, records):
        scope = _SIGNED_SCOPE.get(line.source.table, False)
        column = line.column.column if line.column else None
        after = bool(first_signed and column and line.when > first_signed and scope is not False
                     and (scope is None or column in scope))
        if after:
            changed_after.add((line.source.table, column if line.source.table != "screening_judgements"
                               else (line.names[0] if line.names else "")))
        if line.operation == "INSERT":
            group = entered.setdefault(line.seq, [])
            if not group:
                lines.append(_audit_line(line))  # replaced below by the record's one line
            group.append(line)
            lines[-1] = AuditLine(
                at_local=line.at, username=line.username, action=line.action, record=line.record,
                field=audit_reader.word(records_registry.NEW_RECORD, f.language), old="",
                new="; ".join(f"{x.field}: {x.new}" for x in group), reason=line.reason,
                after_signing=lines[-1].after_signing or after)
            continue
        lines.append(_audit_line(line, after))
    return lines, changed_after


def _corrections(store: Store, user: User, f: _Fmt, participant_id: str, visit_id: str) -> tuple[AuditLine, ...]:
    """Saved values of one visit replaced later (a first entry of an empty field, or a state change, is not a
    correction), as the History tab reads them."""
    return tuple(_audit_line(line) for line in _reader_lines(store, user, f, participant_id,
                                                             visit_records(store.db, visit_id))
                 if line.operation == "UPDATE" and line.old and line.column is not None
                 and line.column.column not in ("state", "verdict", "visit_date"))


def casebook(store: Store, user: User, participant_id: str, *, language: str = "en",
             now: datetime | None = None) -> bytes:
    """Every form and value of one participant, the signatures, and the readable audit trail;
    values changed after the eligibility signature are marked."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    participant = _participant(store, participant_id)
    data = casebook_data(store, user, f, participant, now=now)
    doc = documents.casebook(data)
    return _finish(store, user, doc, document="casebook", table="participants", record_id=participant_id,
                   study_id=participant.study_id)


def casebook_data(store: Store, user: User, f: _Fmt, participant, *, now: datetime | None = None) -> CasebookData:
    db = store.db
    pid = participant.id
    audit, changed = _audit_lines(store, user, f, pid)
    prow = db.execute("SELECT type_and_screen_on, alert_card_issued_on FROM participants WHERE id = ?", [pid]).fetchone()
    sections = [CasebookSection(f.tr("Participant"), pairs=(
        (f.tr("Study id", "visits"), participant.study_id),
        (f.tr("Site", "ParticipantTableModel"), participant.site),
        (f.tr("Sex", "ParticipantTableModel"), f.sex(participant.sex)),
        (f.tr("Birth date", "NewCandidateDialog"), f.day(participant.birth_date)),
        (f.tr("Childbearing potential", "NewCandidateDialog"), f.yes_no(participant.childbearing_potential)),
        (f.tr("Status", "ParticipantTableModel"), f.code(participant.status, pw.STATUSES)),
        (f.tr("Inclusion date"), f.day(participant.inclusion_date)),
        (f.tr("Type and screen date", "DoseVisitWidget"), f.day(prow[0])),
        (f.tr("Alert card issued on", "DoseVisitWidget"), f.day(prow[1])),
    ))]
    consents = db.execute(
        "SELECT c.form_version, c.language, c.participant_signed_on, c.investigator_signed_on, "
        "coalesce(u.full_name, c.obtained_by), c.copy_given FROM consents c LEFT JOIN users u ON u.id = c.obtained_by "
        "WHERE c.participant_id = ? ORDER BY c.created_at", [pid]).fetchall()
    sections.append(CasebookSection(f.tr("Informed consent"), tables=(Table(
        "", (f.tr("Version"), f.tr("Language"), f.tr("Participant signed"),
             f.tr("Investigator signed"), f.tr("Obtained by"),
             f.tr("Copy given")),
        tuple((r[0], r[1], f.day(r[2]), f.day(r[3]), r[4], f.yes_no(r[5])) for r in consents),
        marked=frozenset(i for i in range(len(consents)) if ("consents", "form_version") in changed)),)))
    # Screening: facts, criteria, decisions and signatures.
    if screening_repo.screening_id(db, pid) is not None:
        state = screening_service.load(store, user, pid)
        facts = _screening_facts(f, participant, state)
        fact_fields = [None, "birth_date", "childbearing_potential", None, "screening_date", "canadian_criteria_met",
                       "severity", "me_cfs_onset_date", "onset_trigger", "pregnancy_test", "nk_value_text",
                       "igg_value_text"]
        marked = set()
        for i, name in enumerate(fact_fields):
            if name and (("screenings", name) in changed or ("participants", name) in changed
                         or ("screenings", name.replace("_text", "")) in changed):
                marked.add(i)
            if name == "nk_value_text" and {("screenings", "nk_unit"), ("screenings", "nk_value")} & changed:
                marked.add(i)
            if name == "igg_value_text" and {("screenings", "igg_unit"), ("screenings", "igg_value")} & changed:
                marked.add(i)
        proto = screening_service.protocol()
        crit_rows = []
        crit_marked = set()
        for i, criterion in enumerate(proto.criteria):
            result = state.result.result(criterion.id)
            judged = state.judgements.get(criterion.id)
            crit_rows.append((criterion.id, criterion.text_nb if f.language == "nb" else criterion.text_en,
                              f.word(pw.SCREENING_STATUS[result.status]), f.explain(result.explanation)
                              + (f" — {judged.note}" if judged and judged.note else "")))
            if ("screening_judgements", criterion.id) in changed:
                crit_marked.add(i)
        decisions = db.execute(
            "SELECT d.decided_at, d.verdict, d.failed, d.missing, d.protocol_version, d.signature_id "
            "FROM eligibility_decisions d WHERE d.participant_id = ? ORDER BY d.decided_at", [pid]).fetchall()
        current = screening_service.checklist(store, pid)
        sid = screening_repo.screening_id(db, pid)
        sig_blocks = tuple(_signature_block(s) for s in signatures.signatures_for(store, "screenings", sid, current))
        verdict = f.word(pw.VERDICTS[state.result.verdict])
        sections.append(CasebookSection(
            f.tr("Screening", "ParticipantTableModel"), pairs=tuple(facts) + ((f.tr("Live verdict"), verdict),),
            tables=(
                Table(f.tr("Criteria"), ("Id", label("criterion", f.language), label("status", f.language),
                                                     label("numbers_used", f.language)),
                      tuple(crit_rows), marked=frozenset(crit_marked), widths=(0.06, 0.44, 0.13, 0.37)),
                Table(f.tr("Signed eligibility decisions"),
                      (f.tr("Decided"), label("verdict", f.language), f.tr("Failed"),
                       f.tr("Missing"), f.tr("Protocol")),
                      tuple((f.time(d[0]), f.code(d[1], pw.VERDICTS), ", ".join(json.loads(d[2])),
                             ", ".join(json.loads(d[3])), d[4]) for d in decisions)),
            ),
            signatures=sig_blocks or (None,),  # None prints "NOT SIGNED"
            note=f.tr("Highlighted rows changed after the eligibility signature.") if changed else "",
        ))
        if marked:
            facts_marked = [(("† " + a) if i in marked else a, b) for i, (a, b) in enumerate(facts)]
            s = sections[-1]
            sections[-1] = CasebookSection(s.title, pairs=tuple(facts_marked) + s.pairs[len(facts):], tables=s.tables,
                                           signatures=s.signatures, note=s.note)
    # Visit calendar.
    plan = screening_repo.visits(db, pid)
    if plan:
        sections.append(CasebookSection(f.tr("Visit calendar", "ParticipantWorkspace"), tables=(Table(
            "", (f.tr("Code", "visits"), f.tr("Visit", "visits"), f.tr("Target date", "visits"), f.tr("Window", "visits"),
                 f.tr("Done", "PlannedVisitTableModel")),
            tuple((v.code, v.label_nb if f.language == "nb" else v.label_en, f.day(v.target_date),
                   f"{f.day(v.window_start)} – {f.day(v.window_end)}", f.day(v.done_on)) for v in plan),
            widths=(0.08, 0.40, 0.14, 0.24, 0.14)),)))
    # Dose visits.
    views = visits_service.lab_results(store, user, pid)
    samples = {r[0]: r[1] for r in db.execute("SELECT sampled_at, dose_visit_id FROM lab_samples WHERE participant_id = ?", [pid])}
    lab_cols = tuple(label(k, f.language) for k in ("analyte", "sampled", "entered", "canonical", "flag", "ctcae", "safety"))
    lab_widths = (0.14, 0.11, 0.13, 0.13, 0.07, 0.15, 0.27)

    def lab_table(title: str, subset) -> Table:
        return Table(title, lab_cols, tuple((x.analyte, x.sampled_at, x.entered, x.canonical, x.flag, x.ctcae, x.safety)
                                            for x in _lab_lines(f, subset)), widths=lab_widths)

    for visit in visits_repo.dose_visits(db, pid):
        admin = visits_repo.administration(db, visit["id"])
        vd = _visit_data(store, user, f, participant, visit, admin, now=now, live=False)
        subset = [v for v in views if samples.get(v.sampled_at) == visit["id"]]
        pairs = vd.visit + ((label("go_no_go", f.language), vd.go_verdict),) + vd.go_notes
        tables = [lab_table(label("labs", f.language), subset)]
        if vd.premedication:
            tables.append(Table(label("premedication", f.language), (f.tr("Drug"), f.tr("Given")),
                                vd.premedication, widths=(0.4, 0.6)))
        if vd.administration:
            tables.append(Table(label("administration", f.language), (f.tr("Item"), f.tr("Value")),
                                vd.administration, widths=(0.32, 0.68)))
        sections.append(CasebookSection(f"{f.tr('Dose visit', 'DoseVisitWidget')} {visit['dose_code']}", pairs=pairs,
                                        tables=tuple(tables), signatures=vd.signatures))
    other = [v for v in views if samples.get(v.sampled_at) is None]
    if other:
        sections.append(CasebookSection(f.tr("Other blood results"),
                                        tables=(lab_table("", other),)))
    # Adverse events.
    proto = screening_service.protocol()
    ae_tables = []
    for n, ae in enumerate(visits_repo.adverse_events(db, pid), start=1):
        crit = [f.word(word) for key, word in pw.SAE_CRITERIA.items() if ae[key]]
        rows = (
            (f.tr("Term"), _ae_term(f, proto, ae)), (f.tr("Verbatim", "visits"), ae["verbatim"]),
            (f.tr("Onset date", "AdverseEventDialog"), f.day(ae["onset_date"])), (f.tr("End date", "AdverseEventDialog"), f.day(ae["end_date"])),
            (f.tr("Grade (CTCAE v{version})").format(version=ae["ctcae_version"]), str(ae["grade"])),
            (f.tr("Serious", "visits"), f.yes_no(ae["serious"]) + (f" — {', '.join(crit)}" if crit else "")),
            (f.tr("Causality", "visits"), f.code(ae["causality"])),
            (f.tr("Action taken"), f.code(ae["action_taken"], pw.ACTIONS_TAKEN)), (f.tr("Outcome", "visits"), f.code(ae["outcome"])),
            (f.tr("Aware"), f.moment(ae.get("aware_at"))),
            (f.tr("Reported to sponsor"), f.moment(ae.get("sae_reported_at"))),
        )
        ae_tables.append(Table(f"{f.tr('Adverse event', 'AdverseEventDialog')} {n}",
                               (f.tr("Item"), f.tr("Value")), rows, widths=(0.32, 0.68)))
    sections.append(CasebookSection(f.tr("Adverse events"), tables=tuple(ae_tables),
                                    note="" if ae_tables else f.tr("None recorded.")))
    header = _header(store, user, participant.study_id, label("casebook_title", f.language),
                     DOCUMENT_VERSION["casebook"], f.language, now)
    legend = f.tr("† and highlighted rows: value changed after the eligibility signature. Times are Europe/Oslo.")
    return CasebookData(header=header, sections=tuple(sections), audit=tuple(audit), legend=legend)
