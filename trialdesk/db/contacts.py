"""Contacts after the first dose, disposition events and concomitant medications in the store (migration 6).

A *contact* is one planned non-dose visit of the calendar (``PH1``…, ``CONS1``…, ``EOS``, ``FU1``…) as it
happened: done, not reached (the attempts are kept), or missed with a reason. Blood tests of a consultation
are ``lab_samples`` with ``contact_id`` set and context ``consultation``; AEs reported at a contact name it
in ``adverse_events.reported_contact_id``. A *disposition* row is one change of the participant's status
with its date and reason (first dose, after the last dose, study drug discontinued, consent withdrawn, lost
to follow-up, death, completed). The treatment arm is never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trialdesk.clock import utc_iso

SCHEMA = """
CREATE TABLE contacts (
    {common},
    participant_id          TEXT NOT NULL REFERENCES participants(id),
    visit_code              TEXT NOT NULL,
    kind                    TEXT NOT NULL CHECK (kind IN ('phone','consultation','end_of_study','follow_up')),
    contact_date            TEXT NOT NULL,
    state                   TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','done','not_reached','missed')),
    missed_reason           TEXT,
    reached                 INTEGER CHECK (reached IN (0,1)),
    new_symptoms            INTEGER CHECK (new_symptoms IN (0,1)),
    medication_changes      INTEGER CHECK (medication_changes IN (0,1)),
    questionnaire_received  INTEGER CHECK (questionnaire_received IN (0,1)),
    exam_done               INTEGER CHECK (exam_done IN (0,1)),
    exam_findings           TEXT,
    bp_sys INTEGER, bp_dia INTEGER, pulse INTEGER, temp REAL, weight_kg REAL,
    note                    TEXT,
    completion_confirmed    INTEGER CHECK (completion_confirmed IN (0,1)),
    signature_id            TEXT REFERENCES signatures(id),
    recorded_by             TEXT REFERENCES users(id),
    UNIQUE (participant_id, visit_code)
);
CREATE INDEX contacts_participant ON contacts(participant_id);
CREATE TABLE contact_attempts (
    {common},
    contact_id      TEXT NOT NULL REFERENCES contacts(id),
    attempted_at    TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('reached','no_answer','voicemail','wrong_number','other')),
    note            TEXT
);
CREATE INDEX contact_attempts_contact ON contact_attempts(contact_id, attempted_at);
ALTER TABLE lab_samples ADD COLUMN contact_id TEXT REFERENCES contacts(id);
ALTER TABLE adverse_events ADD COLUMN reported_contact_id TEXT REFERENCES contacts(id);
CREATE TABLE dispositions (
    {common},
    participant_id      TEXT NOT NULL REFERENCES participants(id),
    event               TEXT NOT NULL CHECK (event IN ('first_dose','treatment_complete','study_drug_discontinued',
                                                       'consent_withdrawn','lost_to_follow_up','death','completed')),
    event_date          TEXT NOT NULL,
    reason              TEXT NOT NULL,
    from_status         TEXT NOT NULL,
    to_status           TEXT NOT NULL,
    withdrawal_scope    TEXT CHECK (withdrawal_scope IN ('no_further_contact','safety_follow_up')),
    adverse_event_id    TEXT REFERENCES adverse_events(id),
    contact_id          TEXT REFERENCES contacts(id),
    recorded_by         TEXT NOT NULL REFERENCES users(id)
);
CREATE INDEX dispositions_participant ON dispositions(participant_id, event_date);
ALTER TABLE participants ADD COLUMN study_drug_discontinued_on TEXT;
CREATE TABLE concomitant_medications (
    {common},
    participant_id      TEXT NOT NULL REFERENCES participants(id),
    name                TEXT NOT NULL,
    indication          TEXT,
    dose                TEXT,
    dose_unit           TEXT,
    frequency           TEXT,
    route               TEXT,
    start_date          TEXT,
    stop_date           TEXT,
    ongoing             INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0,1)),
    adverse_event_id    TEXT REFERENCES adverse_events(id),
    forbidden_class     TEXT,
    forbidden_reason    TEXT
);
CREATE INDEX concomitant_medications_participant ON concomitant_medications(participant_id);
"""

AUDITED_TABLES = ("contacts", "contact_attempts", "dispositions", "concomitant_medications")


def contacts(db, participant_id: str) -> list[dict]:
    """The participant's recorded contacts (every row), in date order."""
    return list(db["contacts"].rows_where("participant_id = ?", [participant_id], order_by="contact_date, visit_code"))


def contact(db, participant_id: str, visit_code: str) -> dict | None:
    rows = list(db["contacts"].rows_where("participant_id = ? AND visit_code = ?", [participant_id, visit_code]))
    return rows[0] if rows else None


def attempts(db, contact_id: str) -> list[dict]:
    return list(db["contact_attempts"].rows_where("contact_id = ?", [contact_id], order_by="attempted_at"))


def participant_attempts(db, participant_id: str) -> list[dict]:
    """Every contact attempt of the participant (with its contact's code), oldest first."""
    sql = ("SELECT a.*, c.visit_code FROM contact_attempts a JOIN contacts c ON c.id = a.contact_id "
           "WHERE c.participant_id = ? ORDER BY a.attempted_at")
    cursor = db.execute(sql, [participant_id])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def dispositions(db, participant_id: str) -> list[dict]:
    """The participant's disposition events, oldest first."""
    return list(db["dispositions"].rows_where("participant_id = ?", [participant_id],
                                              order_by="event_date, created_at"))


def medications(db, participant_id: str) -> list[dict]:
    return list(db["concomitant_medications"].rows_where("participant_id = ?", [participant_id],
                                                         order_by="start_date, created_at"))


# --- recording contacts (services.visits.contacts) ------------------------------------------------------

def get(db, contact_id: str) -> dict | None:
    """Every column of one contact (None when there is no such contact)."""
    rows = list(db["contacts"].rows_where("id = ?", [contact_id]))
    return rows[0] if rows else None


def attempt_counts(db, participant_id: str) -> dict[str, int]:
    """contact id -> the number of call attempts recorded, for every contact of the participant with one."""
    return {cid: n for cid, n in db.execute(
        "SELECT a.contact_id, count(*) FROM contact_attempts a JOIN contacts c ON c.id = a.contact_id "
        "WHERE c.participant_id = ? GROUP BY a.contact_id", [participant_id])}


def contact_results(db, contact_id: str) -> list[dict]:
    """Every blood result of the samples taken at one contact (a consultation), oldest first, with the sample
    time and context (the columns of :func:`trialdesk.db.visits.results`)."""
    cursor = db.execute(
        "SELECT r.*, s.sampled_at, s.dose_visit_id, s.context FROM lab_results r "
        "JOIN lab_samples s ON s.id = r.sample_id WHERE s.contact_id = ? ORDER BY s.sampled_at, r.analyte",
        [contact_id])
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


def adverse_events_at(db, contact_id: str) -> list[dict]:
    """The adverse events reported at one contact, oldest onset first."""
    return list(db["adverse_events"].rows_where("reported_contact_id = ?", [contact_id], order_by="onset_date"))


def missed_codes(db, participant_id: str) -> set[str]:
    """The visit codes of the participant's contacts recorded as missed."""
    return {r[0] for r in db.execute("SELECT visit_code FROM contacts WHERE participant_id = ? AND state = 'missed'",
                                     [participant_id])}


def set_visit_done(db, participant_id: str, code: str, day) -> None:
    """The planned visit ``code`` done on ``day`` (a date), or not done (None) — e.g. a contact corrected to "not
    reached". Inside the caller's audited transaction."""
    row = db.execute("SELECT id, done_on FROM planned_visits WHERE participant_id = ? AND code = ?",
                     [participant_id, code]).fetchone()
    value = day.isoformat() if day is not None else None
    if row is not None and row[1] != value:
        db["planned_visits"].update(row[0], {"done_on": value, "updated_at": utc_iso()})


@dataclass(frozen=True)
class DueContact:
    """A planned contact not done whose window has opened, of a participant in one of the given statuses, with
    what was recorded of it so far (``state`` None: nothing; else open or not_reached) and its call attempts."""

    participant_id: str
    study_id: str
    code: str
    kind: str
    label_en: str
    label_nb: str
    target: date
    window_start: date
    window_end: date
    state: str | None
    attempts: int
    status: str = ""  # the participant's status


def due_contacts(db, day: date, statuses: tuple[str, ...], participant_ids: list[str] | None = None
                 ) -> list[DueContact]:
    """Contacts (every planned visit but doses) not done and not recorded as missed whose window started on or
    before ``day``, of participants in ``statuses`` (and of ``participant_ids`` only, when given: at most 500);
    by window end, then study id and code."""
    marks = ", ".join("?" for _ in statuses)
    only = "" if participant_ids is None else f"AND p.id IN ({', '.join('?' for _ in participant_ids)}) "
    rows = db.execute(
        "SELECT pv.participant_id, p.study_id, pv.code, pv.kind, pv.label_en, pv.label_nb, pv.target_date, "
        "pv.window_start, pv.window_end, c.state, "
        "(SELECT count(*) FROM contact_attempts a WHERE a.contact_id = c.id), p.status "
        "FROM planned_visits pv JOIN participants p ON p.id = pv.participant_id "
        "LEFT JOIN contacts c ON c.participant_id = pv.participant_id AND c.visit_code = pv.code "
        "WHERE pv.kind != 'dose' AND pv.done_on IS NULL AND pv.window_start <= ? "
        f"AND p.status IN ({marks}) AND (c.state IS NULL OR c.state IN ('open', 'not_reached')) {only}"
        "ORDER BY pv.window_end, p.study_id, pv.code", [day.isoformat(), *statuses, *(participant_ids or ())]).fetchall()
    return [DueContact(pid, sid, code, kind, en, nb, date.fromisoformat(target), date.fromisoformat(start),
                       date.fromisoformat(end), state, attempts or 0, status)
            for pid, sid, code, kind, en, nb, target, start, end, state, attempts, status in rows]
