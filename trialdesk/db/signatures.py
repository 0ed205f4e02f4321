"""Repository of e-signatures: rows in ``signatures`` (who, when, meaning, hash of the signed content)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignatureRow:
    """One stored signature."""

    id: str
    user_id: str
    username: str
    full_name: str
    meaning: str
    record_table: str
    record_id: str
    content_hash: str
    signed_at: str


_COLS = "id, user_id, username, full_name, meaning, record_table, record_id, content_hash, signed_at"


def insert(db, *, signature_id: str, site: str, at: str, user_id: str, username: str, full_name: str,
           meaning: str, record_table: str, record_id: str, content_hash: str) -> SignatureRow:
    """Store a signature made at ``at`` (UTC ISO; also its created/updated time)."""
    row = SignatureRow(signature_id, user_id, username, full_name, meaning, record_table, record_id,
                       content_hash, at)
    db["signatures"].insert({"id": signature_id, "site": site, "created_at": at, "updated_at": at,
                             **{name: getattr(row, name) for name in _COLS.split(", ") if name != "id"}})
    return row


def for_record(db, record_table: str, record_id: str) -> list[SignatureRow]:
    """Every signature of one record, oldest first."""
    return [SignatureRow(*r) for r in db.execute(
        f"SELECT {_COLS} FROM signatures WHERE record_table = ? AND record_id = ? ORDER BY signed_at",
        [record_table, record_id])]


def content_hash(db, signature_id: str | None) -> str | None:
    """The hash of what signature ``signature_id`` signed (None when there is no such signature)."""
    if not signature_id:
        return None
    row = db.execute("SELECT content_hash FROM signatures WHERE id = ?", [signature_id]).fetchone()
    return row[0] if row else None
