"""A participant's history (the History tab): the audit reader's lines of every record of the participant."""

from __future__ import annotations

from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import PermissionDenied
from trialdesk.services import audit_reader
from trialdesk.services.audit_reader import Line


def history(store: Store, user: User, participant_id: str, *, language: str = "en") -> list[Line]:
    """Readable audit lines of every record of the participant, oldest first, in ``language``.

    Needs VIEW_CLINICAL (investigator, nurse, monitor). Identity values read as hidden to roles that may not see
    identities; for blinded roles the values of masked analytes sampled after the first dose (and their
    corrections) read as masked — who changed them, when and why stay visible (see :mod:`audit_reader`).
    """
    return audit_reader.lines(store, user, participant_id, language=language)


__all__ = ["Line", "PermissionDenied", "history"]
