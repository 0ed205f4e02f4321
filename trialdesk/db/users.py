"""Repository of user accounts: rows in ``users`` <-> :class:`~trialdesk.domain.people.User`."""

from __future__ import annotations

from trialdesk.clock import new_id, utc_iso
from trialdesk.domain.people import Role, User

_COLUMNS = ("id, username, full_name, role, active, failed_logins, locked_until, unblinded, "
            "must_change_password, password_set_at")


def _user(db, row) -> User:
    """A :class:`User` that can read itself again from ``db`` (``User.stored()``: permission checks)."""
    user_id = row[0]
    return User(id=user_id, username=row[1], full_name=row[2], role=Role(row[3]), active=bool(row[4]),
                failed_logins=row[5], locked_until=row[6], unblinded=bool(row[7]),
                must_change_password=bool(row[8]), password_set_at=row[9],
                source=lambda: get(db, user_id))


def get(db, user_id: str) -> User | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM users WHERE id = ?", [user_id]).fetchone()
    return _user(db, row) if row else None


def by_username(db, username: str) -> User | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM users WHERE username = ?", [username]).fetchone()
    return _user(db, row) if row else None


def all_users(db) -> list[User]:
    return [_user(db, r) for r in db.execute(f"SELECT {_COLUMNS} FROM users ORDER BY username").fetchall()]


def password_hash(db, user_id: str) -> str | None:
    row = db.execute("SELECT password_hash FROM users WHERE id = ?", [user_id]).fetchone()
    return row[0] if row else None


def insert(db, *, username: str, full_name: str, role: Role, password_hash: str, site: str,
           user_id: str | None = None, must_change_password: bool = False) -> str:
    now = utc_iso()
    uid = user_id or new_id()
    db["users"].insert({
        "id": uid, "site": site, "created_at": now, "updated_at": now, "username": username,
        "full_name": full_name, "role": role.value, "password_hash": password_hash, "active": 1,
        "failed_logins": 0, "locked_until": None, "password_set_at": now,
        **({"must_change_password": 1} if must_change_password else {}),  # the column's default is 0
    })
    return uid


def update(db, user_id: str, **values) -> None:
    values["updated_at"] = utc_iso()
    if "role" in values and isinstance(values["role"], Role):
        values["role"] = values["role"].value
    for flag in ("active", "unblinded", "must_change_password"):
        if isinstance(values.get(flag), bool):
            values[flag] = int(values[flag])
    db["users"].update(user_id, values)


def count(db) -> int:
    return db.execute("SELECT count(*) FROM users").fetchone()[0]
