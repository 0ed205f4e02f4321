"""Errors TrialDesk shows to people: each carries a message fit for the UI or the CLI."""

from __future__ import annotations


class TrialDeskError(Exception):
    """An expected failure with a message a clinician or IT person can act on.

    ``template`` is English text with ``{name}`` fields filled from ``params``; the UI translates the
    template (context ``"errors"``) before filling it in, the CLI prints ``str(error)`` as one line.
    The message never contains clinical data.
    """

    def __init__(self, template: str, **params: object):
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class StoreError(TrialDeskError):
    """The store cannot be opened, created or changed as asked."""


class StoreNotFound(StoreError):
    pass


class StoreExists(StoreError):
    pass


class KeyMissing(StoreError):
    """No key for this store in the keychain: the recovery key is needed."""


class KeychainUnavailable(StoreError):
    """No usable OS keychain (keyring's 'fail' backend or a broken one)."""


class WrongKey(StoreError):
    pass


class StoreDamaged(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class StoreInUse(StoreError):
    pass


class NoActingUser(StoreError):
    pass


class ReasonRequired(StoreError):
    pass


class AuthError(TrialDeskError):
    """Login or re-authentication failed."""


class AccountLocked(AuthError):
    pass


class PermissionDenied(TrialDeskError):
    pass


class SessionEnded(PermissionDenied):
    """The signed-in account changed under an open session (deactivated, locked, role changed, password
    reset by the administrator): nothing more is done for it. ``why`` is "deactivated", "locked", "role",
    "password" or "gone"; the window signs the user out (or locks, when ``why`` is "locked")."""

    def __init__(self, template: str, *, why: str, user_id: str, **params: object):
        super().__init__(template, **params)
        self.why = why
        self.user_id = user_id


class ValidationError(TrialDeskError):
    """Input that breaks a rule; ``field`` names the input it belongs to (or None)."""

    def __init__(self, template: str, *, field: str | None = None, **params: object):
        super().__init__(template, **params)
        self.field = field


class ConfirmationNeeded(ValidationError):
    """Input that may well be right but must be confirmed explicitly (e.g. a sex that differs from the identity
    number's sex digit): the caller asks the question at ``field`` and calls again with the confirmation."""


def os_problem(exc: BaseException) -> str:
    """What the disk or the operating system refused, in a few plain words for a one-line message (issue 14,
    point 4): "the disk is full", "permission denied", "a part of the path is too long" …; SQLite's own words for
    the same conditions are read too."""
    import errno

    number = getattr(exc, "errno", None)
    text = str(exc).lower()
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or "disk is full" in text or "disk full" in text:
        return "the disk is full"
    if number in (errno.EACCES, errno.EPERM) or "readonly database" in text or "permission denied" in text:
        return "permission denied"
    if number == errno.ENAMETOOLONG or "name too long" in text:
        return "a part of the path is too long"
    if number == errno.EEXIST:
        return "a file is in the way where a folder belongs"
    if number == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if number == errno.EROFS:
        return "the disk is read-only"
    if number == errno.ENOENT:
        return "a folder on the way does not exist"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
