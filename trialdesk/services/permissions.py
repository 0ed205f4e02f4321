"""Who may do what: one table of roles × actions, checked in every service call."""

from __future__ import annotations

import enum

from trialdesk.domain.people import Role, User
from trialdesk.errors import PermissionDenied


class Action(str, enum.Enum):
    MANAGE_USERS = "manage users"
    CHANGE_SETTINGS = "change site settings"
    BACKUP = "make a backup"
    VIEW_AUDIT = "view the audit trail"
    VIEW_CLINICAL = "view clinical data"
    VIEW_IDENTITY = "view names and identity numbers"
    EDIT_IDENTITY = "record names and identity numbers"
    REGISTER_CANDIDATE = "register a candidate"
    RECORD_CONSENT = "record consent"
    EDIT_SCREENING = "enter screening data"
    SIGN_ELIGIBILITY = "sign the eligibility decision"
    RECORD_LABS = "record blood results"
    RECORD_DOSE = "record an injection"
    OVERRIDE_NO_GO = "override a no-go"
    RECORD_AE = "record adverse events"
    PRINT = "print"
    EXPORT = "export data"


_CLINICAL_ENTRY = {
    Action.VIEW_CLINICAL, Action.VIEW_IDENTITY, Action.EDIT_IDENTITY, Action.REGISTER_CANDIDATE,
    Action.RECORD_LABS, Action.RECORD_DOSE, Action.RECORD_AE, Action.PRINT,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.INVESTIGATOR: frozenset(_CLINICAL_ENTRY | {
        Action.RECORD_CONSENT, Action.EDIT_SCREENING, Action.SIGN_ELIGIBILITY, Action.OVERRIDE_NO_GO,
        Action.VIEW_AUDIT, Action.EXPORT, Action.BACKUP,
    }),
    Role.NURSE: frozenset(_CLINICAL_ENTRY | {Action.EDIT_SCREENING, Action.BACKUP}),
    # Monitors read and export (source data verification); they never enter or see identities.
    Role.MONITOR: frozenset({Action.VIEW_CLINICAL, Action.VIEW_AUDIT, Action.EXPORT, Action.PRINT}),
    # Administrators run the workstation: users, settings, backups; no clinical data.
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_USERS, Action.CHANGE_SETTINGS, Action.BACKUP,
                                   Action.VIEW_AUDIT}),
}


def allowed(user: User, action: Action) -> bool:
    """True when ``user`` is active and their role permits ``action``."""
    return user.active and action in PERMISSIONS[user.role]


def require(user: User | None, action: Action) -> User:
    """Return ``user`` if allowed to do ``action``; otherwise raise :class:`PermissionDenied`."""
    if user is None:
        raise PermissionDenied("Sign in first.")
    if not user.active:
        raise PermissionDenied("The account {username} is deactivated.", username=user.username)
    if action not in PERMISSIONS[user.role]:
        raise PermissionDenied(
            "Your role ({role}) may not {action}.", role=user.role.value, action=action.value
        )
    return user
