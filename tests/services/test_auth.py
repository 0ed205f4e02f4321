"""Users, Argon2id, lockout, deactivation, password rules, permissions per role × action."""

from __future__ import annotations

import pytest

from tests.conftest import ADMIN_PASSWORD, PASSWORD
from trialdesk.db import settings, users as users_repo
from trialdesk.domain.people import Role, User, password_problem
from trialdesk.errors import AccountLocked, AuthError, PermissionDenied, ValidationError
from trialdesk.services import auth, signatures
from trialdesk.services.permissions import PERMISSIONS, Action, allowed, require


def _actions(store, action):
    return [r[0] for r in store.db.execute("SELECT username FROM audit WHERE action = ? ORDER BY seq", [action])]


def test_login_and_audit(store, users):
    user = auth.login(store, "doctor", PASSWORD)
    assert user.role is Role.INVESTIGATOR
    assert _actions(store, "LOGIN") == ["doctor"]
    assert users_repo.password_hash(store.db, user.id).startswith("$argon2id$")


def test_wrong_password_and_unknown_user_give_the_same_message(store, users):
    with pytest.raises(AuthError) as a:
        auth.login(store, "doctor", "nope-nope-1")
    with pytest.raises(AuthError) as b:
        auth.login(store, "nobody", "nope-nope-1")
    assert str(a.value) == str(b.value) == "Wrong user name or password."
    assert _actions(store, "LOGIN_FAILED") == ["doctor", "nobody"]


def test_five_failures_lock_the_account(store, users):
    for _ in range(4):
        with pytest.raises(AuthError):
            auth.login(store, "nurse", "wrong-password-1")
    assert users_repo.by_username(store.db, "nurse").failed_logins == 4
    with pytest.raises(AuthError):
        auth.login(store, "nurse", "wrong-password-1")
    assert _actions(store, "ACCOUNT_LOCKED") == ["nurse"]
    with pytest.raises(AccountLocked, match="locked"):
        auth.login(store, "nurse", PASSWORD)  # even the right password
    admin = users[Role.ADMINISTRATOR]
    auth.unlock(store, admin, users[Role.NURSE].id, reason="verified by phone")
    assert auth.login(store, "nurse", PASSWORD).username == "nurse"


def test_lockout_duration_is_a_setting(store, users):
    from trialdesk.db.connection import Actor

    with store.acting(Actor("x", "x")) as db:
        settings.put(db, "lockout_minutes", "0", "H")
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(store, "nurse", "wrong-password-1")
    assert auth.login(store, "nurse", PASSWORD).username == "nurse"  # 0 minutes: already over


def test_success_resets_the_failure_count(store, users):
    for _ in range(3):
        with pytest.raises(AuthError):
            auth.login(store, "nurse", "wrong-password-1")
    auth.login(store, "nurse", PASSWORD)
    assert users_repo.by_username(store.db, "nurse").failed_logins == 0


def test_deactivate_never_delete(store, users):
    admin = users[Role.ADMINISTRATOR]
    nurse = users[Role.NURSE]
    auth.set_active(store, admin, nurse.id, False, reason="left the unit")
    with pytest.raises(AuthError, match="deactivated"):
        auth.login(store, "nurse", PASSWORD)
    assert users_repo.get(store.db, nurse.id) is not None
    with pytest.raises(ValidationError, match="taken"):
        auth.create_user(store, admin, username="nurse", full_name="Other", role=Role.NURSE, password=PASSWORD)
    auth.set_active(store, admin, nurse.id, True, reason="back")
    assert auth.login(store, "nurse", PASSWORD)


def test_role_change_is_audited_with_reason(store, users):
    admin = users[Role.ADMINISTRATOR]
    auth.set_role(store, admin, users[Role.NURSE].id, Role.INVESTIGATOR, reason="now a study doctor")
    row = store.db.execute("SELECT old_values, new_values, reason FROM audit WHERE table_name='users' "
                           "AND action='UPDATE' ORDER BY seq DESC LIMIT 1").fetchone()
    assert '"role":"nurse"' in row[0] and '"role":"investigator"' in row[1] and row[2] == "now a study doctor"


@pytest.mark.parametrize("password, ok", [
    ("short1!", False), ("onlyletterslong", False), ("1234567890123", False),
    ("Password123", False), ("Lang-natt-2026", True), ("doctor-secret-1", False), ("Sommer-i-Bergen-7", True),
])
def test_password_rules(password, ok):
    assert (password_problem(password, "doctor") is None) == ok


def test_change_password(store, users):
    nurse = users[Role.NURSE]
    with pytest.raises(ValidationError):
        auth.change_password(store, nurse, PASSWORD, "short")
    auth.change_password(store, nurse, PASSWORD, "Ny-og-lang-2026")
    with pytest.raises(AuthError):
        auth.login(store, "nurse", PASSWORD)
    assert auth.login(store, "nurse", "Ny-og-lang-2026")


EXPECTED = {
    Role.INVESTIGATOR: {Action.SIGN_ELIGIBILITY, Action.RECORD_DOSE, Action.OVERRIDE_NO_GO, Action.EXPORT,
                        Action.VIEW_IDENTITY, Action.RECORD_CONSENT},
    Role.NURSE: {Action.RECORD_LABS, Action.RECORD_DOSE, Action.RECORD_AE, Action.VIEW_IDENTITY},
    Role.MONITOR: {Action.VIEW_CLINICAL, Action.VIEW_AUDIT, Action.EXPORT},
    Role.ADMINISTRATOR: {Action.MANAGE_USERS, Action.CHANGE_SETTINGS, Action.BACKUP},
}
FORBIDDEN = {
    Role.INVESTIGATOR: {Action.MANAGE_USERS, Action.CHANGE_SETTINGS},
    Role.NURSE: {Action.SIGN_ELIGIBILITY, Action.OVERRIDE_NO_GO, Action.MANAGE_USERS, Action.EXPORT,
                 Action.RECORD_CONSENT},
    Role.MONITOR: {Action.RECORD_LABS, Action.RECORD_DOSE, Action.RECORD_AE, Action.VIEW_IDENTITY,
                   Action.EDIT_SCREENING, Action.SIGN_ELIGIBILITY, Action.MANAGE_USERS},
    Role.ADMINISTRATOR: {Action.VIEW_CLINICAL, Action.VIEW_IDENTITY, Action.RECORD_DOSE, Action.EDIT_SCREENING,
                         Action.SIGN_ELIGIBILITY, Action.EXPORT},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_permission_matrix(role, action):
    """One case per role × action: the table says it, require() enforces it."""
    user = User(id="u", username="u", full_name="U", role=role, active=True)
    if action in EXPECTED[role]:
        assert allowed(user, action)
    if action in FORBIDDEN[role]:
        assert not allowed(user, action)
    if allowed(user, action):
        assert require(user, action) is user
    else:
        with pytest.raises(PermissionDenied, match="may not"):
            require(user, action)


def test_only_administrators_manage_users(store, users):
    for role in (Role.INVESTIGATOR, Role.NURSE, Role.MONITOR):
        with pytest.raises(PermissionDenied):
            auth.create_user(store, users[role], username="x1", full_name="X", role=Role.NURSE, password=PASSWORD)


def test_deactivated_user_has_no_permissions(store, users):
    admin = users[Role.ADMINISTRATOR]
    doc = auth.set_active(store, admin, users[Role.INVESTIGATOR].id, False, reason="left")
    with pytest.raises(PermissionDenied, match="deactivated"):
        require(doc, Action.VIEW_CLINICAL)


def test_e_signature_binds_content_and_breaks_on_change(store, users):
    doctor = users[Role.INVESTIGATOR]
    content = {"verdict": "eligible", "answers": {"E3": False, "I8": True}}
    with pytest.raises(AuthError):
        signatures.sign(store, doctor, username="doctor", password="wrong-password-9",
                        meaning="Eligibility confirmed by investigator", record_table="participants",
                        record_id="p1", content=content)
    with pytest.raises(AuthError, match="own user name"):
        signatures.sign(store, doctor, username="nurse", password=PASSWORD, meaning="m",
                        record_table="participants", record_id="p1", content=content)
    sig = signatures.sign(store, doctor, username="doctor", password=PASSWORD,
                          meaning="Eligibility confirmed by investigator", record_table="participants",
                          record_id="p1", content=content)
    assert "Dina Doktor" in sig.manifestation() and "UTC" in sig.manifestation()
    [checked] = signatures.signatures_for(store, "participants", "p1", content)
    assert checked.valid is True
    changed = {"verdict": "eligible", "answers": {"E3": True, "I8": True}}
    [checked] = signatures.signatures_for(store, "participants", "p1", changed)
    assert checked.valid is False
    assert store.db.execute("SELECT count(*) FROM audit WHERE table_name='signatures'").fetchone()[0] == 1


def test_first_administrator_only_once(store):
    with pytest.raises(ValidationError, match="already has users"):
        auth.create_first_administrator(store, username="second", full_name="S", password=ADMIN_PASSWORD)
