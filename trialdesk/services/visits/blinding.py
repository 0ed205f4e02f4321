"""Blinding in the visit services: which of a participant's results a user may see, and the unblinded
safety physician. The rule itself is :mod:`trialdesk.domain.blinding`."""

from __future__ import annotations

from trialdesk.clock import parse_utc
from trialdesk.db import users as users_repo
from trialdesk.db import visits as repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Store
from trialdesk.domain import blinding
from trialdesk.domain.blinding import is_blinded
from trialdesk.domain.people import Role, User
from trialdesk.errors import ValidationError
from trialdesk.services import auth
from trialdesk.services.permissions import Action, require
from trialdesk.services.screening import protocol
from trialdesk.services.visits._common import first_dose_at

__all__ = ["is_blinded", "masked_analytes", "masked_result_ids", "set_unblinded"]


def masked_result_ids(store: Store, user: User, participant_id: str) -> set[str]:
    """Ids of the participant's lab results this user may not see (blinded role, masked analyte, sampled
    after the first dose): their values and corrections show as masked everywhere (screens, history, print)."""
    if not is_blinded(user):
        return set()
    first = first_dose_at(store.db, participant_id)
    if first is None:
        return set()
    facts = repo.masking_facts(store.db, participant_id).items()
    return blinding.masked_results(protocol(), user, ((rid, analyte, parse_utc(sampled))
                                                      for rid, (analyte, sampled) in facts), first)


def masked_analytes(store: Store, user: User, participant_id: str) -> frozenset[str]:
    """The analytes whose new values this user may not see for this participant now (blinded role, after the
    first dose): e.g. what the lab-entry form shows while a value is typed."""
    return blinding.masked_analytes(protocol(), user, first_dose_at(store.db, participant_id))


def set_unblinded(store: Store, admin: User, user_id: str, unblinded: bool, reason: str) -> ChangeSet:
    """Designate (or revoke) the unblinded safety physician (administrator, audited with reason)."""
    require(admin, Action.MANAGE_USERS)
    target = users_repo.get(store.db, user_id)
    if target is None:
        raise ValidationError("No such user.")
    if not " ".join((reason or "").split()):
        raise ValidationError("Enter a reason: it is kept in the audit trail with the change.", field="reason")
    if target.unblinded and unblinded:
        raise ValidationError("{username} is already the unblinded safety physician.", username=target.username)
    if not target.unblinded and not unblinded:
        raise ValidationError("{username} is not the unblinded safety physician.", username=target.username)
    if unblinded and target.role != Role.INVESTIGATOR:
        raise ValidationError("Only an investigator can be the unblinded safety physician.")
    if unblinded and not target.active:
        raise ValidationError("{username} is deactivated; reactivate the account first.", username=target.username)
    with store.acting(auth.actor(admin), reason) as tx:
        users_repo.update(tx, user_id, unblinded=1 if unblinded else 0)
    return store.last_changes
