"""Repository of participants, their identities (kept apart) and consents (rows <-> dataclasses)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from trialdesk.clock import new_id, utc_iso


@dataclass(frozen=True)
class ParticipantRecord:
    """A participant as stored (no identity data). Dates are ``date`` objects or None."""

    id: str
    study_id: str
    site: str
    sex: str | None
    birth_date: date | None
    childbearing_potential: bool | None
    status: str
    inclusion_date: date | None
    created_at: str


@dataclass(frozen=True)
class Identity:
    """Name, identity number and contact details: stored apart, shown only to allowed roles."""

    full_name: str
    id_number: str
    phone: str | None = None
    gp: str | None = None


@dataclass(frozen=True)
class Consent:
    """One recorded informed consent (a re-consent adds another)."""

    id: str
    participant_id: str
    form_version: str
    language: str
    participant_signed_on: date
    investigator_signed_on: date
    obtained_by: str
    obtained_by_name: str
    copy_given: bool
    created_at: str


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_P_COLS = "id, study_id, site, sex, birth_date, childbearing_potential, status, inclusion_date, created_at"


def _participant(row) -> ParticipantRecord:
    return ParticipantRecord(
        id=row[0], study_id=row[1], site=row[2], sex=row[3], birth_date=_d(row[4]),
        childbearing_potential=None if row[5] is None else bool(row[5]), status=row[6],
        inclusion_date=_d(row[7]), created_at=row[8])


def get(db, participant_id: str) -> ParticipantRecord | None:
    row = db.execute(f"SELECT {_P_COLS} FROM participants WHERE id = ?", [participant_id]).fetchone()
    return _participant(row) if row else None


@dataclass(frozen=True)
class BloodBankDates:
    """The participant's blood-bank dates as stored (None: not recorded)."""

    type_and_screen_on: date | None
    alert_card_issued_on: date | None


def blood_bank_dates(db, participant_id: str) -> BloodBankDates | None:
    """Type & screen and alert-card dates of the participant; None when there is no such participant."""
    found = db.execute("SELECT type_and_screen_on, alert_card_issued_on FROM participants WHERE id = ?",
                       [participant_id]).fetchone()
    return BloodBankDates(_d(found[0]), _d(found[1])) if found else None


def rows_of(db, participant_ids: list[str]) -> dict[str, dict]:
    """:func:`row` of several participants in one query: participant id -> its row."""
    out: dict[str, dict] = {}
    for start in range(0, len(participant_ids), 500):  # within SQLite's bound on parameters
        chunk = participant_ids[start:start + 500]
        cursor = db.execute(f"SELECT * FROM participants WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
        names = [d[0] for d in cursor.description]
        for found in cursor.fetchall():
            record = dict(zip(names, found))
            out[record["id"]] = record
    return out


def row(db, participant_id: str) -> dict | None:
    """Every column of the ``participants`` row as stored (ISO dates as text, booleans as 0/1), e.g.
    ``type_and_screen_on`` and ``alert_card_issued_on``; None when there is no such participant."""
    cursor = db.execute("SELECT * FROM participants WHERE id = ?", [participant_id])
    found = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], found)) if found else None


def by_study_id(db, study_id: str) -> ParticipantRecord | None:
    row = db.execute(f"SELECT {_P_COLS} FROM participants WHERE study_id = ?", [study_id]).fetchone()
    return _participant(row) if row else None


def all_participants(db, participant_ids: list[str] | None = None) -> list[ParticipantRecord]:
    """Every participant (or those of ``participant_ids`` that exist), by study id."""
    if participant_ids is None:
        return [_participant(r) for r in db.execute(f"SELECT {_P_COLS} FROM participants ORDER BY study_id")]
    out = []
    for start in range(0, len(participant_ids), 500):  # within SQLite's bound on parameters
        chunk = participant_ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        out += [_participant(r) for r in db.execute(f"SELECT {_P_COLS} FROM participants WHERE id IN ({marks})",
                                                    chunk)]
    return sorted(out, key=lambda p: p.study_id)


def next_study_id(db, prefix: str) -> str:
    """``prefix`` + the next free 3-digit number (``KTS11-H-`` -> ``KTS11-H-004``)."""
    numbers = [0]
    pattern = re.compile(re.escape(prefix) + r"(\d+)$")
    for (study_id,) in db.execute("SELECT study_id FROM participants WHERE study_id LIKE ?", [prefix + "%"]):
        match = pattern.match(study_id)
        if match:
            numbers.append(int(match.group(1)))
    return f"{prefix}{max(numbers) + 1:03d}"


def insert(db, *, study_id: str, site: str, sex: str, birth_date: date,
           childbearing_potential: bool | None, status: str = "candidate") -> str:
    now = utc_iso()
    pid = new_id()
    db["participants"].insert({
        "id": pid, "site": site, "created_at": now, "updated_at": now, "study_id": study_id,
        "sex": sex, "birth_date": birth_date.isoformat(),
        "childbearing_potential": None if childbearing_potential is None else int(childbearing_potential),
        "status": status, "inclusion_date": None,
    })
    return pid


def update(db, participant_id: str, **values) -> None:
    """Change columns of a participant (the caller's transaction supplies actor and reason)."""
    for key, value in list(values.items()):
        if isinstance(value, date):
            values[key] = value.isoformat()
        elif isinstance(value, bool):
            values[key] = int(value)
    values["updated_at"] = utc_iso()
    db["participants"].update(participant_id, values)


# --- identities ------------------------------------------------------------------------------------

def insert_identity(db, participant_id: str, identity: Identity, site: str) -> None:
    now = utc_iso()
    db["identities"].insert({
        "id": new_id(), "site": site, "created_at": now, "updated_at": now,
        "participant_id": participant_id, "full_name": identity.full_name,
        "id_number": identity.id_number, "phone": identity.phone, "gp": identity.gp,
    })


def identity(db, participant_id: str) -> Identity | None:
    row = db.execute("SELECT full_name, id_number, phone, gp FROM identities WHERE participant_id = ?",
                     [participant_id]).fetchone()
    return Identity(*row) if row else None


def id_number_in_use(db, id_number: str) -> str | None:
    """The study id of the participant already registered with ``id_number`` (None if none)."""
    row = db.execute("SELECT p.study_id FROM identities i JOIN participants p ON p.id = i.participant_id "
                     "WHERE i.id_number = ?", [id_number]).fetchone()
    return row[0] if row else None


# --- consents --------------------------------------------------------------------------------------

def insert_consent(db, *, participant_id: str, form_version: str, language: str,
                   participant_signed_on: date, investigator_signed_on: date, obtained_by: str,
                   copy_given: bool, site: str) -> str:
    now = utc_iso()
    cid = new_id()
    db["consents"].insert({
        "id": cid, "site": site, "created_at": now, "updated_at": now, "participant_id": participant_id,
        "form_version": form_version, "language": language,
        "participant_signed_on": participant_signed_on.isoformat(),
        "investigator_signed_on": investigator_signed_on.isoformat(), "obtained_by": obtained_by,
        "copy_given": int(copy_given),
    })
    return cid


_CONSENT_SQL = (
    "SELECT c.id, c.participant_id, c.form_version, c.language, c.participant_signed_on, "
    "c.investigator_signed_on, c.obtained_by, coalesce(u.full_name, c.obtained_by), c.copy_given, "
    "c.created_at FROM consents c LEFT JOIN users u ON u.id = c.obtained_by WHERE c.participant_id = ? ")


def _consent(r) -> Consent:
    return Consent(id=r[0], participant_id=r[1], form_version=r[2], language=r[3],
                   participant_signed_on=_d(r[4]), investigator_signed_on=_d(r[5]),
                   obtained_by=r[6], obtained_by_name=r[7], copy_given=bool(r[8]), created_at=r[9])


def latest_consent(db, participant_id: str) -> Consent | None:
    found = db.execute(_CONSENT_SQL + "ORDER BY c.created_at DESC LIMIT 1", [participant_id]).fetchone()
    return _consent(found) if found else None


def consents(db, participant_id: str) -> list[Consent]:
    """Every recorded consent of the participant (the first and each re-consent), oldest first; ``obtained_by_name``
    is the user's full name (the user id when the user is unknown)."""
    return [_consent(r) for r in db.execute(_CONSENT_SQL + "ORDER BY c.created_at", [participant_id])]
