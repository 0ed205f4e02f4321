"""Who may do what: one table of roles × actions, checked in every service call."""

from __future__ import annotations

import enum
from typing import Callable

from trialdesk.clock import parse_utc, utc_now
from trialdesk.domain.people import Role, User
from trialdesk.errors import PermissionDenied, SessionEnded


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
    RECORD_CONTACT = "record contacts and follow-ups"
    RECORD_MEDICATION = "record concomitant medications"
    RECORD_DISPOSITION = "record a change of disposition"
    CONFIRM_FORBIDDEN_MEDICATION = "confirm a medication the protocol forbids"
    SIGN_END_OF_STUDY = "sign the end of study"
    PRINT = "print"
    EXPORT = "export data"
    MANAGE_EXCHANGE = "pair or revoke workstations"
    RESOLVE_CONFLICT = "resolve an exchange conflict"


_CLINICAL_ENTRY = {
    Action.VIEW_CLINICAL, Action.VIEW_IDENTITY, Action.EDIT_IDENTITY, Action.REGISTER_CANDIDATE,
    Action.RECORD_LABS, Action.RECORD_DOSE, Action.RECORD_AE, Action.PRINT, Action.RECORD_CONTACT,
    Action.RECORD_MEDICATION,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.INVESTIGATOR: frozenset(_CLINICAL_ENTRY | {
        Action.RECORD_CONSENT, Action.EDIT_SCREENING, Action.SIGN_ELIGIBILITY, Action.OVERRIDE_NO_GO,
        Action.VIEW_AUDIT, Action.EXPORT, Action.BACKUP, Action.RECORD_DISPOSITION, Action.SIGN_END_OF_STUDY,
        Action.CONFIRM_FORBIDDEN_MEDICATION, Action.MANAGE_EXCHANGE, Action.RESOLVE_CONFLICT,
    }),
    Role.NURSE: frozenset(_CLINICAL_ENTRY | {Action.EDIT_SCREENING, Action.BACKUP}),
    # Monitors read and export (source data verification); they never enter or see identities.
    Role.MONITOR: frozenset({Action.VIEW_CLINICAL, Action.VIEW_AUDIT, Action.EXPORT, Action.PRINT}),
    # Administrators run the workstation: users, settings, backups, pairing with other workstations (issue 12:
    # keys and media are IT's work, and pairing shows no clinical data); no clinical data. Investigators pair
    # and revoke too: whose data another site may send into this store is the site's responsibility, and a lost
    # workstation must be revoked at once, with or without IT. Nurses and monitors do not.
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_USERS, Action.CHANGE_SETTINGS, Action.BACKUP,
                                   Action.VIEW_AUDIT, Action.MANAGE_EXCHANGE}),
}


def allowed(user: User | None, action: Action) -> bool:
    """True when ``user`` may do ``action`` now: their account as stored is active, not locked, has the role
    the session signed in with, and that role permits ``action``."""
    if user is None or not user.active:
        return False
    stored = user.stored()
    return session_problem(user, stored) is None and action in PERMISSIONS[stored.role]


def require(user: User | None, action: Action) -> User:
    """Return ``user`` if allowed to do ``action``; otherwise raise :class:`PermissionDenied`.

    The one check every service makes first. It reads the account as stored now, so that an administrator's
    change (deactivation, another role, a password reset) or a lockout takes effect at the user's next action
    in a session that is already open: :class:`SessionEnded`, also told to :func:`watch` listeners.
    """
    if user is None:
        raise PermissionDenied("Sign in first.")
    if not user.active:
        raise PermissionDenied("The account {username} is deactivated.", username=user.username)
    stored = user.stored()
    problem = session_problem(user, stored)
    if problem is not None:
        for listener in list(_listeners):
            listener(problem)
        raise problem
    if action not in PERMISSIONS[stored.role]:
        raise PermissionDenied(
            "Your role ({role}) may not {action}.", role=stored.role.value, action=action.value
        )
    return user


def session_problem(user: User, stored: User | None) -> SessionEnded | None:
    """Why the session of ``user`` may not act any more, given its account as stored (None: it may)."""
    if stored is None:
        return SessionEnded("The account {username} no longer exists.", why="gone", user_id=user.id,
                            username=user.username)
    if not stored.active:
        return SessionEnded("The account {username} has been deactivated; ask the administrator.",
                            why="deactivated", user_id=user.id, username=user.username)
    if stored.locked_until and parse_utc(stored.locked_until) > utc_now():
        return SessionEnded("The account {username} is locked until {until} (UTC); wait, or ask the "
                            "administrator to unlock it.", why="locked", user_id=user.id,
                            username=user.username, until=stored.locked_until[:16].replace("T", " "))
    if stored.role != user.role:
        return SessionEnded("The role of {username} has been changed to {role}; sign in again.", why="role",
                            user_id=user.id, username=user.username, role=stored.role.value)
    if stored.must_change_password:
        return SessionEnded("The password of {username} is temporary: set your own password first (sign in "
                            "to TrialDesk).", why="password", user_id=user.id, username=user.username)
    return None


_listeners: list[Callable[[SessionEnded], None]] = []


def watch(listener: Callable[[SessionEnded], None]) -> Callable[[], None]:
    """Call ``listener`` (on the thread of the refused call) whenever :func:`require` ends a session;
    returns a function that stops it. The main window signs its user out (or locks) on it."""
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop
