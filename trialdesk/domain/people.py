"""Users, roles and the password rules (pure Python)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Callable, Optional


class Role(str, enum.Enum):
    """What a user does in the trial; permissions hang on it (see ``services.permissions``)."""

    INVESTIGATOR = "investigator"
    NURSE = "nurse"
    MONITOR = "monitor"
    ADMINISTRATOR = "administrator"


@dataclass(frozen=True)
class User:
    """A named account. Never deleted: deactivated (``active`` False) instead."""

    id: str
    username: str
    full_name: str
    role: Role
    active: bool
    failed_logins: int = 0
    locked_until: str | None = None
    unblinded: bool = False  # the designated unblinded safety physician sees masked results
    must_change_password: bool = False  # a temporary password (new account, reset): change it first
    password_set_at: str | None = None
    # How to read this account as it is stored now (set by the repository that loaded it): a session's
    # user object is kept for hours, while the administrator may deactivate, re-role or lock it meanwhile.
    source: Optional[Callable[[], "User | None"]] = field(default=None, compare=False, repr=False)

    def stored(self) -> "User | None":
        """This account as stored now (None if it is gone); ``self`` when it was not loaded from a store."""
        return self.source() if self.source is not None else self


USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
MIN_PASSWORD_LENGTH = 10
_COMMON = {"password123", "passord123", "1234567890", "qwertyuiop", "trialdesk1", "haukeland1"}


def username_problem(username: str) -> str | None:
    """Why ``username`` cannot be used (None when it can)."""
    if not USERNAME_RE.match(username or ""):
        return ("A user name is 2-32 characters: lower-case letters, digits, '.', '_' or '-', "
                "starting with a letter.")
    return None


def password_problem(password: str, username: str = "") -> str | None:
    """Why ``password`` is not allowed (None when it is): length, variety, not the user name."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        return f"A password has at least {MIN_PASSWORD_LENGTH} characters."
    if not re.search(r"[^\W\d_]", password) or not re.search(r"[\d\W_]", password):
        return "A password mixes letters with digits or symbols."
    if username and username.lower() in password.lower():
        return "A password must not contain the user name."
    if password.lower() in _COMMON:
        return "This password is too common; choose another."
    return None
