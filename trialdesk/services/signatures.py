"""Electronic signatures: re-authentication, a stated meaning, and a hash of what was signed.

A signature binds the signer, the UTC time, the meaning ("Eligibility confirmed by investigator")
and ``content_hash`` = sha256 of the canonical JSON of the signed content. When that content
changes later, the signature no longer matches and is reported invalid until someone signs again
(21 CFR 11.50/11.70; architecture.md §4).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from trialdesk.clock import new_id, utc_iso
from trialdesk.db import signatures as repo
from trialdesk.db.connection import Store
from trialdesk.db.signatures import SignatureRow
from trialdesk.domain.people import User
from trialdesk.services import auth


def content_hash(content: object) -> str:
    """sha256 over canonical JSON (sorted keys, no spaces, UTF-8) of the signed content."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Signature(SignatureRow):
    """One e-signature (the stored row) and, when checked against current content, whether it still holds."""

    valid: bool | None = None

    def manifestation(self) -> str:
        """The printed form: name, UTC time and meaning (§11.50)."""
        return f"{self.full_name} ({self.username}), {self.signed_at[:19].replace('T', ' ')} UTC — {self.meaning}"


def sign(store: Store, user: User, *, username: str, password: str, meaning: str,
         record_table: str, record_id: str, content: object, tx=None) -> Signature:
    """Re-authenticate ``user`` and record their signature of ``content``.

    Callers check that the user's role may sign this record before calling. With ``tx`` (an open
    ``store.acting`` transaction) the signature joins that transaction.
    """
    auth.reauthenticate(store, user, username, password)
    values = dict(signature_id=new_id(), site=store.info.site_code, at=utc_iso(), user_id=user.id,
                  username=user.username, full_name=user.full_name, meaning=meaning, record_table=record_table,
                  record_id=record_id, content_hash=content_hash(content))
    if tx is not None:
        row = repo.insert(tx, **values)
    else:
        with store.acting(auth.actor(user)) as db:
            row = repo.insert(db, **values)
    return Signature(**asdict(row))


def signatures_for(store: Store, record_table: str, record_id: str,
                   current_content: object | None = None) -> list[Signature]:
    """Every signature of a record, oldest first; with ``current_content``, each marked valid or not."""
    current = content_hash(current_content) if current_content is not None else None
    return [Signature(**asdict(row), valid=None if current is None else row.content_hash == current)
            for row in repo.for_record(store.db, record_table, record_id)]


def signed_content_hash(store: Store, signature_id: str | None) -> str | None:
    """The content hash a stored signature holds (None when there is no such signature)."""
    return repo.content_hash(store.db, signature_id)
