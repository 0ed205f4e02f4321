"""The visit summary of one dose visit: pre-dose labs, go / no-go, premedication, administration, AEs, next visit,
corrections. Its parts also make each dose visit's section of the casebook."""

from __future__ import annotations

from datetime import datetime

from trialdesk.clock import parse_utc, utc_now
from trialdesk.db import screening as screening_repo
from trialdesk.db import users as users_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain.labs import unit_label
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.printouts import documents
from trialdesk.printouts.model import AeLine, AuditLine, LabLine, VisitSummaryData
from trialdesk.services import printout_words as pw
from trialdesk.services import screening as screening_service
from trialdesk.services import signatures
from trialdesk.services import visits as visits_service
from trialdesk.services.permissions import Action, require
from trialdesk.services.printing._common import (
    DOCUMENT_VERSION,
    _ae_term,
    _audit_line,
    _check_language,
    _finish,
    _Fmt,
    _header,
    _participant,
    _reader_lines,
    _signature_block,
    _term_words,
    local_stamp,
)
from trialdesk.services.printout_words import label


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
            entered=f"{f.typed(value_text)} {unit_label(unit_text)}".strip(),
            canonical=f"{f.num(v.value)} {unit_label(lab.unit)}",
            flag={"L": "L ↓", "H": "H ↑"}.get(v.flag or "", ""),
            ctcae=(f"{_term_words(f, proto, v.ctcae_term)}: {f.tr('grade {g}', 'visits').format(g=v.ctcae_grade)}"
                   if v.ctcae_grade else ""),
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


def _user_name(store: Store, user_id: str | None) -> str:
    if not user_id:
        return ""
    found = users_repo.get(store.db, user_id)
    return f"{found.full_name} ({found.username})" if found else user_id


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
    times = visits_repo.sample_times(store.db, visit_id)
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
    sigs = tuple(_signature_block(s, f) for s in signatures.signatures_for(store, "dose_visits", visit["id"]))
    premeds = []
    labels = {p.code: (p.label_nb if f.language == "nb" else p.label_en) for p in proto.pre_dose.premedication}
    for drug, row in sorted(visits_repo.premedications(store.db, visit["id"]).items()):
        premeds.append((labels.get(drug, drug), f.moment(row["given_at"])))
    aes = _aes_at_or_since(visits_repo.adverse_events(store.db, participant.id), visit)
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


def _aes_at_or_since(rows: list[dict], visit: dict) -> list[dict]:
    """Every adverse event reported at this visit, or reported later (at a later visit or from the Adverse
    events tab), or whose onset is on or after the visit's day: what a reader of this visit must know of."""
    from datetime import date

    day = date.fromisoformat(visit["visit_date"]) if visit.get("visit_date") else None

    def since(ae: dict) -> bool:
        if ae.get("reported_visit_id") == visit["id"]:
            return True
        if day is None:
            return False
        reported = parse_utc(ae["created_at"]).astimezone(visits_service.LOCAL_TZ).date() if ae.get(
            "created_at") else None
        onset = date.fromisoformat(ae["onset_date"]) if ae.get("onset_date") else None
        return (reported is not None and reported >= day) or (onset is not None and onset >= day)

    return [ae for ae in rows if since(ae)]


def _corrections(store: Store, user: User, f: _Fmt, participant_id: str, visit_id: str) -> tuple[AuditLine, ...]:
    """Saved values of one visit replaced later (a first entry of an empty field, or a state change, is not a
    correction), as the History tab reads them."""
    return tuple(_audit_line(line) for line in _reader_lines(store, user, f, participant_id,
                                                             visits_repo.visit_records(store.db, visit_id))
                 if line.operation == "UPDATE" and line.old and line.column is not None
                 and line.column.column not in ("state", "verdict", "visit_date"))
