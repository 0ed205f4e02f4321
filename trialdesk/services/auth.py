"""Sign-in, lockout, re-authentication and user administration (Argon2id password hashes)."""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from trialdesk.clock import parse_utc, utc_iso, utc_now
from trialdesk.db import settings as settings_repo
from trialdesk.db import sign_ins
from trialdesk.db import users as users_repo
from trialdesk.db.changes import ChangeSet
from trialdesk.db.connection import Actor, Store
from trialdesk.domain.people import Role, User, password_problem, username_problem
from trialdesk.errors import AccountLocked, AuthError, ValidationError
from trialdesk.services.permissions import Action, require
from trialdesk.services.words import QT_TRANSLATE_NOOP

_hasher = PasswordHasher()  # argon2-cffi defaults: Argon2id, RFC 9106 low-memory profile

# What a user name without an account is checked against, so that it costs the same Argon2id verification as a
# wrong password (the time taken must not tell a real name from an unknown one). Made with the hasher's
# parameters; what it was made from is of no use, as a match is ignored. tests/services/test_auth.py fails
# when argon2-cffi's defaults move away from it (make a new one with ``hash_password``).
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$30pYziM7CZKlJ+bDfTWimQ$1jpwPlKjwvqS3luP9yJKnq1/EhEJxoC1UHgJ4XQC5CE"

SYSTEM = Actor("system", "system")

# The messages of the user-name and password rules (domain/people.py), raised as ValidationError(problem):
# marked here so that tools/i18n.py collects them under "errors" and the UI shows them translated.
RULE_MESSAGES = (
    QT_TRANSLATE_NOOP("errors", "A user name is 2-32 characters: lower-case letters, digits, '.', '_' or '-', "
                                "starting with a letter."),
    QT_TRANSLATE_NOOP("errors", "A password has at least 10 characters."),
    QT_TRANSLATE_NOOP("errors", "A password mixes letters with digits or symbols."),
    QT_TRANSLATE_NOOP("errors", "A password must not contain the user name."),
    QT_TRANSLATE_NOOP("errors", "This password is too common; choose another."),
)


def actor(user: User) -> Actor:
    """The audit identity of ``user``."""
    return Actor(user.id, user.username)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_password(stored: str | None, password: str) -> bool:
    if not stored:
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _locked(user: User) -> bool:
    return bool(user.locked_until) and parse_utc(user.locked_until) > utc_now()


def _refused(username: str) -> AuthError:
    return AuthError("Wrong user name or password.")


def login(store: Store, username: str, password: str) -> User:
    """Check the password of ``username`` and return the user, auditing success and failure.

    After ``max_failed_logins`` wrong passwords in a row the account is locked for
    ``lockout_minutes``; a locked or deactivated account cannot sign in. A name without an account costs
    the same password check and is locked the same way, so neither the time taken nor the lockout tells a
    real name from an unknown one. After ``workstation_max_failed_logins`` failures under any names within
    ``workstation_window_minutes`` nobody signs in on this workstation for ``lockout_minutes``.
    """
    db = store.db
    name = (username or "").strip()
    workstation_lock = _workstation_lock(store)
    if workstation_lock:
        store.log_event("LOGIN_FAILED", None, username=name.lower()[:64], detail={"why": "workstation locked"})
        raise AccountLocked(
            "Sign-in on this workstation is locked until {until} (UTC): {count} sign-ins failed within "
            "{minutes} minutes. Wait until then; if that was not colleagues mistyping, tell IT (someone may "
            "be guessing passwords).",
            until=workstation_lock["until"][:16].replace("T", " "),
            count=workstation_lock.get("failed_sign_ins", "?"), minutes=workstation_lock.get("window_minutes", "?"),
        )
    user = users_repo.by_username(db, name)
    if user is None:
        _refuse_unknown(store, name.lower()[:64], password)
    if _locked(user):
        store.log_event("LOGIN_FAILED", actor(user), detail={"why": "locked"})
        raise _account_locked(user.username, user.locked_until)
    if not _check_password(users_repo.password_hash(db, user.id), password):
        _register_failure(store, user)
        raise _refused(username)
    if not user.active:
        # Said only to the one who knows the password: to anyone else a deactivated account answers as any
        # account does (the same check, count and words), so neither message nor lockout tells that it exists.
        store.log_event("LOGIN_FAILED", actor(user), detail={"why": "deactivated"})
        raise AuthError("The account {username} is deactivated; ask the administrator.",
                        username=user.username)
    with store.acting(SYSTEM, reason="successful login") as tx:
        if user.failed_logins or user.locked_until:
            users_repo.update(tx, user.id, failed_logins=0, locked_until=None)
        _maybe_rehash(store, tx, user, password)
    store.log_event("LOGIN", actor(user))
    return users_repo.get(db, user.id)


def _account_locked(username: str, until: str) -> AccountLocked:
    return AccountLocked(
        "The account {username} is locked after too many wrong passwords until {until} (UTC). "
        "Wait, or ask the administrator to unlock it.",
        username=username, until=until[:16].replace("T", " "),
    )


def _refuse_unknown(store: Store, name: str, password: str) -> None:
    """Refuse a user name without an account exactly as a real account's wrong password: the same Argon2id
    check (against :data:`_DUMMY_HASH`), the same count towards a lockout of that name and of the
    workstation, the same messages. Raises always."""
    db = store.db
    lock = sign_ins.last_lock(db, "ACCOUNT_LOCKED", name)
    if lock and parse_utc(lock["until"]) > utc_now():
        store.log_event("LOGIN_FAILED", None, username=name, detail={"why": "locked"})
        raise _account_locked(name, lock["until"])
    _check_password(_DUMMY_HASH, password)  # the time a wrong password takes; the result means nothing
    failures = sign_ins.name_failures(db, name) + 1
    with store.acting(SYSTEM, reason="failed login"):
        store.log_event("LOGIN_FAILED", None, username=name, detail={"why": "unknown user", "in_a_row": failures})
        if failures >= settings_repo.get_int(db, "max_failed_logins"):
            until = utc_iso(utc_now() + timedelta(minutes=settings_repo.get_int(db, "lockout_minutes")))
            store.log_event("ACCOUNT_LOCKED", None, username=name, detail={"until": until})
        _count_towards_workstation(store)
    raise _refused(name)


def _workstation_lock(store: Store) -> dict | None:
    """The detail of the workstation's lockout while it lasts (``until``, ``failed_sign_ins``,
    ``window_minutes``), else None."""
    lock = sign_ins.last_lock(store.db, "WORKSTATION_LOCKED")
    return lock if lock and parse_utc(lock["until"]) > utc_now() else None


def _count_towards_workstation(store: Store) -> None:
    """After a failed sign-in (already audited, in the caller's transaction): lock the workstation when
    ``workstation_max_failed_logins`` failures under any names fell within ``workstation_window_minutes``.

    An account's own lockout stops guessing one password; this stops guessing a common password across many
    names. It lasts ``lockout_minutes`` (a site setting) and ends by itself: the ward is never shut out for
    longer than an account would be, and the event in the audit trail is what IT looks for.
    """
    db = store.db
    now = utc_now()
    window = settings_repo.get_int(db, "workstation_window_minutes")
    failures = sign_ins.workstation_failures(db, utc_iso(now - timedelta(minutes=window)))
    if failures >= settings_repo.get_int(db, "workstation_max_failed_logins"):
        until = utc_iso(now + timedelta(minutes=settings_repo.get_int(db, "lockout_minutes")))
        store.log_event("WORKSTATION_LOCKED", None, username="system",
                        detail={"until": until, "failed_sign_ins": failures, "window_minutes": window})


def _maybe_rehash(store: Store, tx, user: User, password: str) -> None:
    stored = users_repo.password_hash(tx, user.id)
    if stored and _hasher.check_needs_rehash(stored):
        users_repo.update(tx, user.id, password_hash=hash_password(password))


def _register_failure(store: Store, user: User) -> None:
    db = store.db
    limit = settings_repo.get_int(db, "max_failed_logins")
    failures = user.failed_logins + 1
    values: dict = {"failed_logins": failures}
    locked = failures >= limit
    if locked:
        minutes = settings_repo.get_int(db, "lockout_minutes")
        values["locked_until"] = utc_iso(utc_now() + timedelta(minutes=minutes))
        values["failed_logins"] = 0
    # One transaction, as for a name without an account (_refuse_unknown): the same work, the same time.
    with store.acting(SYSTEM, reason="failed login"):
        users_repo.update(db, user.id, **values)
        store.log_event("LOGIN_FAILED", actor(user), detail={"why": "wrong password", "in_a_row": failures})
        if locked:
            store.log_event("ACCOUNT_LOCKED", actor(user), detail={"until": values["locked_until"]})
        _count_towards_workstation(store)


def logout(store: Store, user: User) -> None:
    store.log_event("LOGOUT", actor(user))


def reauthenticate(store: Store, user: User, username: str, password: str) -> None:
    """Confirm that the signed-in ``user`` is at the keyboard (e-signatures, unlocking the window).

    A wrong password counts towards the lockout like a failed login.
    """
    if (username or "").strip().lower() != user.username.lower():
        store.log_event("REAUTH_FAILED", actor(user), detail={"why": "other user name"})
        raise AuthError("Sign with your own user name ({username}).", username=user.username)
    current = users_repo.get(store.db, user.id)
    if current is None or not current.active:
        raise AuthError("The account {username} is deactivated.", username=user.username)
    if _locked(current):
        raise AccountLocked("The account {username} is locked; ask the administrator.",
                            username=user.username)
    if not _check_password(users_repo.password_hash(store.db, user.id), password):
        _register_failure(store, current)
        raise AuthError("Wrong password.")
    if current.failed_logins:
        with store.acting(SYSTEM, reason="successful re-authentication"):
            users_repo.update(store.db, user.id, failed_logins=0)


# --- administration -----------------------------------------------------------------------------

def _validate_new_user(username: str, full_name: str, password: str) -> None:
    problem = username_problem(username)
    if problem:
        raise ValidationError(problem, field="username")
    if not (full_name or "").strip():
        raise ValidationError("Enter the person's full name as it should appear on signatures.",
                              field="full_name")
    problem = password_problem(password, username)
    if problem:
        raise ValidationError(problem, field="password")


def create_first_administrator(store: Store, *, username: str, full_name: str, password: str) -> User:
    """Create the workstation's first account (set-up only: refused once any user exists)."""
    _validate_new_user(username, full_name, password)
    if users_repo.count(store.db):
        raise ValidationError("This store already has users; ask its administrator for an account.")
    from trialdesk.clock import new_id

    uid = new_id()
    with store.acting(Actor(uid, username)) as tx:
        users_repo.insert(tx, user_id=uid, username=username, full_name=full_name.strip(),
                          role=Role.ADMINISTRATOR, password_hash=hash_password(password),
                          site=store.info.site_code)
    return users_repo.get(store.db, uid)


def create_user(store: Store, admin: User, *, username: str, full_name: str, role: Role,
                password: str, temporary: bool = True) -> User:
    """An administrator adds an account (audited). Its first password is ``temporary`` (the default): the
    administrator knows it, so the new user must choose their own at the first sign-in."""
    require(admin, Action.MANAGE_USERS)
    username = (username or "").strip().lower()
    _validate_new_user(username, full_name, password)
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("Choose a role: investigator, nurse, monitor or administrator.",
                              field="role") from None
    if users_repo.by_username(store.db, username):
        raise ValidationError("The user name {username} is taken (accounts are never deleted).",
                              field="username", username=username)
    with store.acting(actor(admin)) as tx:
        uid = users_repo.insert(tx, username=username, full_name=full_name.strip(), role=role,
                                password_hash=hash_password(password), site=store.info.site_code,
                                must_change_password=temporary)
    return users_repo.get(store.db, uid)


def list_users(store: Store, admin: User) -> list[User]:
    """Every account, active or not, by user name (administrator only)."""
    require(admin, Action.MANAGE_USERS)
    return users_repo.all_users(store.db)


def user_by_username(store: Store, admin: User, username: str) -> User:
    """The account named ``username`` (administrator only); a clear error when there is none."""
    require(admin, Action.MANAGE_USERS)
    user = users_repo.by_username(store.db, (username or "").strip())
    if user is None:
        raise ValidationError("No user {username} in this store.", field="username", username=username)
    return user


def is_locked(user: User) -> bool:
    """True while ``user`` is locked out after too many wrong passwords."""
    return _locked(user)


def _managed(store: Store, admin: User, user_id: str) -> User:
    require(admin, Action.MANAGE_USERS)
    user = users_repo.get(store.db, user_id)
    if user is None:
        raise ValidationError("No such user.")
    return user


def _reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError("Enter a reason: it is kept in the audit trail with the change.", field="reason")
    return text


def set_role(store: Store, admin: User, user_id: str, role: Role, reason: str) -> User:
    """Give an account another role (with a reason). An unblinded safety physician who is no longer an
    investigator loses that designation in the same change. Takes effect at the user's next action."""
    user = _managed(store, admin, user_id)
    reason = _reason(reason)
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("Choose a role: investigator, nurse, monitor or administrator.",
                              field="role") from None
    if user.id == admin.id:
        raise ValidationError("Administrators cannot change their own role.", field="role")
    if user.role == role:
        raise ValidationError("{username} already has this role.", field="role", username=user.username)
    values: dict = {"role": role}
    if user.unblinded and role != Role.INVESTIGATOR:
        values["unblinded"] = 0
    with store.acting(actor(admin), reason):
        users_repo.update(store.db, user.id, **values)
    return users_repo.get(store.db, user.id)


def set_active(store: Store, admin: User, user_id: str, active: bool, reason: str) -> User:
    """Deactivate (never delete) or reactivate an account, with a reason. A deactivated user's open session
    is refused at its next action."""
    user = _managed(store, admin, user_id)
    reason = _reason(reason)
    if user.id == admin.id and not active:
        raise ValidationError("Administrators cannot deactivate themselves.")
    if user.active and active:
        raise ValidationError("{username} is already active.", username=user.username)
    if not user.active and not active:
        raise ValidationError("{username} is already deactivated.", username=user.username)
    with store.acting(actor(admin), reason):
        users_repo.update(store.db, user.id, active=1 if active else 0)
    return users_repo.get(store.db, user.id)


def unlock(store: Store, admin: User, user_id: str, reason: str | None = None) -> User:
    """End a lockout (and the count of wrong passwords) before its time."""
    user = _managed(store, admin, user_id)
    if not _locked(user) and not user.failed_logins:
        raise ValidationError("The account {username} is not locked.", username=user.username)
    with store.acting(actor(admin), (reason or "").strip() or "unlocked by the administrator"):
        users_repo.update(store.db, user.id, locked_until=None, failed_logins=0)
    return users_repo.get(store.db, user.id)


def reset_password(store: Store, admin: User, user_id: str, temporary_password: str,
                   reason: str | None = None) -> User:
    """Give an account a temporary password (it must be changed at the next sign-in); it also ends a
    lockout. The user's open session, if any, is refused at its next action. Administrators change their
    own password with :func:`change_password`."""
    user = _managed(store, admin, user_id)
    if user.id == admin.id:
        raise ValidationError("Change your own password with \"Change my password\".", field="password")
    problem = password_problem(temporary_password, user.username)
    if problem:
        raise ValidationError(problem, field="password")
    with store.acting(actor(admin), (reason or "").strip() or "password reset by the administrator"):
        users_repo.update(store.db, user.id, password_hash=hash_password(temporary_password),
                          password_set_at=utc_iso(), must_change_password=1, failed_logins=0,
                          locked_until=None)
    store.log_event("PASSWORD_RESET", actor(admin), table="users", record_id=user.id)
    return users_repo.get(store.db, user.id)


def change_password(store: Store, user: User, old_password: str, new_password: str) -> ChangeSet:
    """A user changes their own password (the old one is checked; the new one must differ). This is how a
    temporary password is replaced."""
    if not old_password:
        raise ValidationError("Enter your current password.", field="old_password")
    try:
        reauthenticate(store, user, user.username, old_password)
    except AccountLocked:
        raise
    except AuthError as exc:  # a wrong current password: shown at its field
        raise ValidationError(exc.template, field="old_password", **exc.params) from None
    problem = password_problem(new_password, user.username)
    if problem:
        raise ValidationError(problem, field="password")
    if new_password == old_password:
        raise ValidationError("Choose a new password, not the current one.", field="password")
    with store.acting(actor(user), "password changed by the user"):
        users_repo.update(store.db, user.id, password_hash=hash_password(new_password),
                          password_set_at=utc_iso(), must_change_password=0)
    return store.last_changes
