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
    # A wrong password hears what a wrong password or an unknown name hears: not that the account exists.
    with pytest.raises(AuthError) as wrong:
        auth.login(store, "nurse", "not-the-password")
    with pytest.raises(AuthError) as unknown:
        auth.login(store, "nobody-here", "not-the-password")
    assert "deactivated" not in str(wrong.value)
    assert str(wrong.value).replace("nurse", "X") == str(unknown.value).replace("nobody-here", "X")
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


# --- sign-in does not leak (issue 14, point 6) ------------------------------------------------------

def _put_setting(store, key, value):
    from trialdesk.db.connection import Actor

    with store.acting(Actor("x", "x")) as db:
        settings.put(db, key, value, "H")


def _refusal(store, username, password="wrong-password-1") -> AuthError:
    with pytest.raises(AuthError) as refused:
        auth.login(store, username, password)
    return refused.value


def test_the_dummy_hash_has_the_hashers_parameters(production_password_hashing):
    """An unknown name is checked against a hash as costly as a real one (else its time would tell)."""
    assert auth._DUMMY_HASH.startswith("$argon2id$")
    assert not auth._hasher.check_needs_rehash(auth._DUMMY_HASH)


def test_an_unknown_name_costs_the_same_password_check(store, users, monkeypatch):
    """A name without an account runs the same Argon2id verification as a wrong password, once, with a hash
    of the same parameters: counted here rather than timed (a wall clock would be flaky)."""
    from argon2 import PasswordHasher, extract_parameters

    checked = []
    verify = PasswordHasher.verify

    def counting(self, hash, password):
        checked.append(hash)
        return verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    _refusal(store, "doctor")
    assert len(checked) == 1
    _refusal(store, "nobody")
    assert len(checked) == 2
    real, dummy = checked
    assert dummy != real and extract_parameters(dummy) == extract_parameters(real)


def test_an_unknown_name_is_locked_out_like_an_account(store, users, clock):
    """Five failures lock a name without an account as they lock a real one, with the same messages; the
    lockout ends after lockout_minutes for both (so the lockout does not tell which names are real)."""
    from datetime import timedelta

    for _ in range(5):
        assert str(_refusal(store, "nurse")) == str(_refusal(store, "Nobody ")) == "Wrong user name or password."
    real, unknown = _refusal(store, "nurse", PASSWORD), _refusal(store, "nobody", PASSWORD)
    assert isinstance(real, AccountLocked) and isinstance(unknown, AccountLocked)
    assert real.template == unknown.template and str(unknown) == str(real).replace("nurse", "nobody")
    assert _actions(store, "ACCOUNT_LOCKED") == ["nurse", "nobody"]
    clock.advance(timedelta(minutes=settings.get_int(store.db, "lockout_minutes"), seconds=1))
    assert str(_refusal(store, "nobody")) == "Wrong user name or password."  # over; counting starts again
    assert auth.login(store, "nurse", PASSWORD).username == "nurse"
    for _ in range(3):
        _refusal(store, "nobody")
    assert _actions(store, "ACCOUNT_LOCKED") == ["nurse", "nobody"]


def test_many_failures_under_any_names_lock_the_workstation(store, users, clock):
    """Guessing across names (which no one name's count sees) locks sign-in on the workstation for
    lockout_minutes once workstation_max_failed_logins failures fall within workstation_window_minutes;
    failures spread wider do not, refusals while locked are not counted, and the right password waits too."""
    from datetime import timedelta

    _put_setting(store, "workstation_max_failed_logins", "8")  # the default (20) takes longer to reach
    for i in range(7):
        _refusal(store, "doctor" if i == 3 else f"guess{i}")
    clock.advance(timedelta(minutes=settings.get_int(store.db, "workstation_window_minutes"), seconds=1))
    for i in range(7):
        _refusal(store, "nurse" if i == 3 else f"again{i}")
    assert _actions(store, "WORKSTATION_LOCKED") == []  # 7 + 7 failures, never 8 within the window
    assert str(_refusal(store, "guess0")) == "Wrong user name or password."  # the eighth within the window
    assert _actions(store, "WORKSTATION_LOCKED") == ["system"]
    for name, password in (("doctor", PASSWORD), ("monitor", "wrong-password-1"), ("ghost", "x")):
        refused = _refusal(store, name, password)
        assert isinstance(refused, AccountLocked) and "Sign-in on this workstation is locked" in str(refused)
        assert "8 sign-ins failed within 15 minutes" in str(refused)
    assert _actions(store, "WORKSTATION_LOCKED") == ["system"]
    clock.advance(timedelta(minutes=settings.get_int(store.db, "lockout_minutes"), seconds=1))
    assert auth.login(store, "doctor", PASSWORD).username == "doctor"
    row = store.db.execute("SELECT new_values FROM audit WHERE action = 'WORKSTATION_LOCKED'").fetchone()
    assert '"failed_sign_ins": 8' in row[0] and '"window_minutes": 15' in row[0]
