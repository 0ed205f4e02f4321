"""Repository of screening facts, judgements, signed eligibility decisions and planned visits."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date

from trialdesk.clock import new_id, utc_iso


@dataclass(frozen=True)
class ScreeningRecord:
    """The screening facts as stored; None means not recorded (never "no").

    Lab values keep what was typed (``*_value_text``, ``*_unit``) and the canonical value
    (``nk_value`` in ×10^6/L, ``igg_value`` in g/L).
    """

    screening_date: date | None = None
    canadian_criteria_met: bool | None = None
    severity: str | None = None
    me_cfs_onset_date: date | None = None
    onset_trigger: str | None = None
    pregnancy_test: str | None = None
    nk_value_text: str | None = None
    nk_unit: str | None = None
    nk_value: float | None = None
    igg_value_text: str | None = None
    igg_unit: str | None = None
    igg_value: float | None = None


FACT_COLUMNS = tuple(f.name for f in fields(ScreeningRecord))
_DATES = ("screening_date", "me_cfs_onset_date")
_BOOLS = ("canadian_criteria_met",)


@dataclass(frozen=True)
class Judgement:
    """The investigator's yes/no on a judgement criterion (None = not answered) and a note."""

    answer: bool | None
    note: str = ""


@dataclass(frozen=True)
class Decision:
    """A signed eligibility decision."""

    id: str
    participant_id: str
    verdict: str
    failed: tuple[str, ...]
    missing: tuple[str, ...]
    protocol_version: str
    checklist_hash: str
    signature_id: str
    decided_at: str


@dataclass(frozen=True)
class PlannedVisitRecord:
    """One planned visit of a participant's calendar (issue 5 records what happened)."""

    id: str
    code: str
    kind: str
    label_en: str
    label_nb: str
    target_date: date
    window_start: date
    window_end: date
    done_on: date | None


def _to_db(name: str, value):
    if value is None:
        return None
    if name in _DATES:
        return value.isoformat()
    if name in _BOOLS:
        return int(value)
    return value


def _from_db(name: str, value):
    if value is None:
        return None
    if name in _DATES:
        return date.fromisoformat(value)
    if name in _BOOLS:
        return bool(value)
    return value


def screening_id(db, participant_id: str) -> str | None:
    row = db.execute("SELECT id FROM screenings WHERE participant_id = ?", [participant_id]).fetchone()
    return row[0] if row else None


def get(db, participant_id: str) -> ScreeningRecord | None:
    row = db.execute(f"SELECT {', '.join(FACT_COLUMNS)} FROM screenings WHERE participant_id = ?",
                     [participant_id]).fetchone()
    if not row:
        return None
    return ScreeningRecord(**{name: _from_db(name, v) for name, v in zip(FACT_COLUMNS, row)})


def insert(db, participant_id: str, record: ScreeningRecord, site: str) -> str:
    now = utc_iso()
    sid = new_id()
    values = {name: _to_db(name, getattr(record, name)) for name in FACT_COLUMNS}
    db["screenings"].insert({"id": sid, "site": site, "created_at": now, "updated_at": now,
                             "participant_id": participant_id, **values})
    return sid


def update(db, screening_id_: str, changes: dict) -> None:
    values = {name: _to_db(name, value) for name, value in changes.items()}
    values["updated_at"] = utc_iso()
    db["screenings"].update(screening_id_, values)


def judgements(db, participant_id: str) -> dict[str, Judgement]:
    rows = db.execute(
        "SELECT j.criterion_id, j.answer, j.note FROM screening_judgements j "
        "JOIN screenings s ON s.id = j.screening_id WHERE s.participant_id = ?", [participant_id])
    return {cid: Judgement(None if answer is None else bool(answer), note or "") for cid, answer, note in rows}


def put_judgement(db, screening_id_: str, criterion_id: str, judgement: Judgement, site: str) -> None:
    now = utc_iso()
    row = db.execute("SELECT id FROM screening_judgements WHERE screening_id = ? AND criterion_id = ?",
                     [screening_id_, criterion_id]).fetchone()
    values = {"answer": None if judgement.answer is None else int(judgement.answer),
              "note": judgement.note or None}
    if row:
        db["screening_judgements"].update(row[0], {**values, "updated_at": now})
    else:
        db["screening_judgements"].insert({"id": new_id(), "site": site, "created_at": now, "updated_at": now,
                                           "screening_id": screening_id_, "criterion_id": criterion_id,
                                           **values})


# --- decisions -------------------------------------------------------------------------------------

def insert_decision(db, *, participant_id: str, verdict: str, failed: tuple[str, ...],
                    missing: tuple[str, ...], protocol_version: str, checklist_hash: str,
                    signature_id: str, site: str) -> Decision:
    now = utc_iso()
    decision = Decision(id=new_id(), participant_id=participant_id, verdict=verdict, failed=tuple(failed),
                        missing=tuple(missing), protocol_version=protocol_version,
                        checklist_hash=checklist_hash, signature_id=signature_id, decided_at=now)
    db["eligibility_decisions"].insert({
        "id": decision.id, "site": site, "created_at": now, "updated_at": now,
        "participant_id": participant_id, "verdict": verdict, "failed": json.dumps(list(failed)),
        "missing": json.dumps(list(missing)), "protocol_version": protocol_version,
        "checklist_hash": checklist_hash, "signature_id": signature_id, "decided_at": now,
    })
    return decision


_DECISION_SQL = ("SELECT id, participant_id, verdict, failed, missing, protocol_version, checklist_hash, "
                 "signature_id, decided_at FROM eligibility_decisions WHERE participant_id = ? ")


def _decision(row) -> Decision:
    return Decision(row[0], row[1], row[2], tuple(json.loads(row[3])), tuple(json.loads(row[4])),
                    row[5], row[6], row[7], row[8])


def latest_decision(db, participant_id: str) -> Decision | None:
    row = db.execute(_DECISION_SQL + "ORDER BY decided_at DESC LIMIT 1", [participant_id]).fetchone()
    return _decision(row) if row else None


def decisions(db, participant_id: str) -> list[Decision]:
    """Every signed eligibility decision of the participant, oldest first."""
    return [_decision(r) for r in db.execute(_DECISION_SQL + "ORDER BY decided_at", [participant_id])]


# --- planned visits --------------------------------------------------------------------------------

def insert_visit(db, participant_id: str, *, code: str, kind: str, label_en: str, label_nb: str,
                 target: date, window_start: date, window_end: date, protocol_version: str,
                 site: str, done_on: date | None = None) -> None:
    now = utc_iso()
    db["planned_visits"].insert({
        "id": new_id(), "site": site, "created_at": now, "updated_at": now,
        "participant_id": participant_id, "code": code, "kind": kind, "label_en": label_en,
        "label_nb": label_nb, "target_date": target.isoformat(), "window_start": window_start.isoformat(),
        "window_end": window_end.isoformat(), "done_on": done_on.isoformat() if done_on else None,
        "protocol_version": protocol_version,
    })


def visits(db, participant_id: str) -> list[PlannedVisitRecord]:
    rows = db.execute(
        "SELECT id, code, kind, label_en, label_nb, target_date, window_start, window_end, done_on "
        "FROM planned_visits WHERE participant_id = ? ORDER BY target_date, code", [participant_id])
    return [PlannedVisitRecord(r[0], r[1], r[2], r[3], r[4], date.fromisoformat(r[5]),
                               date.fromisoformat(r[6]), date.fromisoformat(r[7]),
                               date.fromisoformat(r[8]) if r[8] else None) for r in rows]


_NEXT_VISIT = (
    # One row per participant: SQLite takes the bare columns of an aggregate query with min() from the row holding
    # the minimum, here the earliest target date and, on the same day, the first code (sorting every open visit
    # of 5,000 participants and keeping the first in Python took 0.8 s).
    "SELECT p.participant_id, p.label_en, p.label_nb, p.target_date, min(p.target_date || ' ' || p.code) "
    "FROM planned_visits p JOIN participants x ON x.id = p.participant_id "
    "WHERE p.done_on IS NULL AND NOT EXISTS (SELECT 1 FROM dose_visits d WHERE d.participant_id = "
    "p.participant_id AND d.dose_code = p.code AND d.state IN ('missed', 'not_given')) "
    "AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.participant_id = p.participant_id "
    "AND c.visit_code = p.code AND c.state = 'missed') "
    "AND NOT (p.kind = 'dose' AND (x.status NOT IN ('enrolled', 'on_treatment') "
    "OR x.study_drug_discontinued_on IS NOT NULL)) AND x.status != 'died' {only}"
    "GROUP BY p.participant_id")


def next_visits(db, participant_ids: list[str] | None = None) -> dict[str, tuple[str, str, str]]:
    """participant id -> (label_en, label_nb, target date ISO) of the earliest visit not done (a dose recorded
    as not given, or a contact recorded as missed, is not "next" any more, nor is a dose once the participant is
    no longer dosed — study drug discontinued, follow-up, withdrawn … — nor any visit after a death); of every
    participant, or of ``participant_ids`` only."""
    if participant_ids is None:
        rows = db.execute(_NEXT_VISIT.format(only="")).fetchall()
    else:
        rows = []
        for start in range(0, len(participant_ids), 500):  # within SQLite's bound on parameters
            chunk = participant_ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows += db.execute(_NEXT_VISIT.format(only=f"AND p.participant_id IN ({marks}) "), chunk).fetchall()
    return {pid: (label_en, label_nb, target) for pid, label_en, label_nb, target, _ in rows}


def open_contacts(db, participant_id: str) -> list[tuple[str, str, str, str]]:
    """(label_en, label_nb, target date ISO, kind) of the participant's contacts not done nor recorded missed,
    earliest first (the service keeps those the participant's course still allows)."""
    return [tuple(r) for r in db.execute(
        "SELECT p.label_en, p.label_nb, p.target_date, p.kind FROM planned_visits p WHERE p.participant_id = ? "
        "AND p.kind != 'dose' AND p.done_on IS NULL AND NOT EXISTS (SELECT 1 FROM contacts c WHERE "
        "c.participant_id = p.participant_id AND c.visit_code = p.code AND c.state = 'missed') "
        "ORDER BY p.target_date, p.code", [participant_id])]


def mark_done(db, participant_id: str, code: str, day: date) -> None:
    row = db.execute("SELECT id FROM planned_visits WHERE participant_id = ? AND code = ?",
                     [participant_id, code]).fetchone()
    db["planned_visits"].update(row[0], {"done_on": day.isoformat(), "updated_at": utc_iso()})


def update_visit(db, visit_id: str, *, target_date: date | None = None, window_start: date | None = None,
                 window_end: date | None = None, done_on: date | None = None) -> None:
    """Move a planned visit (target and window) and/or mark it done; only the given values change."""
    values = {name: day.isoformat() for name, day in (("target_date", target_date), ("window_start", window_start),
                                                      ("window_end", window_end), ("done_on", done_on))
              if day is not None}
    if values:
        db["planned_visits"].update(visit_id, {**values, "updated_at": utc_iso()})


def record_ids(db, participant_id: str) -> list[tuple[str, str]]:
    """(table, record id) of every row that belongs to the participant (for its history)."""
    out = [("participants", participant_id)]
    queries = (
        ("identities", "SELECT id FROM identities WHERE participant_id = ?"),
        ("consents", "SELECT id FROM consents WHERE participant_id = ?"),
        ("screenings", "SELECT id FROM screenings WHERE participant_id = ?"),
        ("screening_judgements", "SELECT j.id FROM screening_judgements j JOIN screenings s "
                                 "ON s.id = j.screening_id WHERE s.participant_id = ?"),
        ("eligibility_decisions", "SELECT id FROM eligibility_decisions WHERE participant_id = ?"),
        ("signatures", "SELECT signature_id FROM eligibility_decisions WHERE participant_id = ?"),
        ("planned_visits", "SELECT id FROM planned_visits WHERE participant_id = ?"),
    )
    for table, sql in queries:
        out.extend((table, r[0]) for r in db.execute(sql, [participant_id]))
    return out
