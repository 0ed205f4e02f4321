"""Staff administration (issue 11): one test per rule, and per role × administrative action; sessions that
are already open feel a deactivation, a role change, a reset or a lockout at their next action."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ADMIN_PASSWORD, PASSWORD
from trialdesk.db import users as users_repo
from trialdesk.domain.people import Role, password_problem, username_problem
from trialdesk.errors import AuthError, PermissionDenied, SessionEnded, ValidationError
from trialdesk.services import auth, permissions, session, workstation
from trialdesk.services import participants as participants_service
from trialdesk.services import visits as vs
from trialdesk.services.permissions import Action, allowed, require

TEMPORARY = "Midlertidig-2026"
OWN = "Mitt-eget-passord-9"


def _audit(store, action="UPDATE"):
    return store.db.execute("SELECT old_values, new_values, reason, username FROM audit WHERE table_name = 'users' "
                            "AND action = ? ORDER BY seq DESC LIMIT 1", [action]).fetchone()


def _register(store, user):
    from datetime import date

    return participants_service.register_candidate(store, user, sex="F", birth_date=date(1990, 5, 1),
                                                   childbearing_potential=False, identity=None)


# --- adding accounts, temporary passwords ---------------------------------------------------------------

def test_a_new_account_has_a_temporary_password_that_blocks_everything_until_changed(store, admin):
    nina = auth.create_user(store, admin, username="Nina.Nurse", full_name="Nina Nurse", role=Role.NURSE,
                            password=TEMPORARY)
    assert nina.username == "nina.nurse" and nina.must_change_password and nina.role is Role.NURSE
    signed_in = auth.login(store, "nina.nurse", TEMPORARY)
    assert signed_in.must_change_password
    with pytest.raises(SessionEnded, match="temporary") as refused:
        participants_service.list_participants(store, signed_in)
    assert refused.value.why == "password"
    assert not allowed(signed_in, Action.VIEW_CLINICAL)
    auth.change_password(store, signed_in, TEMPORARY, OWN)
    assert not users_repo.get(store.db, nina.id).must_change_password
    assert participants_service.list_participants(store, signed_in) == []  # the same session goes on
    row = _audit(store)
    assert '"must_change_password":1' in row[0] and '"must_change_password":0' in row[1]
    assert "$argon2" not in row[0] + row[1] and row[3] == "nina.nurse"


def test_a_new_account_is_audited_without_its_password(store, admin):
    auth.create_user(store, admin, username="dag", full_name="Dag Doktor", role=Role.INVESTIGATOR, password=TEMPORARY)
    old, new, _, by = _audit(store, "INSERT")
    values = json.loads(new)
    assert values["username"] == "dag" and values["password_hash"] == "***" and by == "admin"
    assert values["must_change_password"] == 1


@pytest.mark.parametrize("field, kwargs", [
    ("username", dict(username="Nina Nurse")), ("username", dict(username="n")),
    ("full_name", dict(full_name="  ")), ("password", dict(password="kort-1")),
    ("password", dict(password="nina-er-best-1")), ("role", dict(role="surgeon")),
])
def test_a_new_account_is_checked_field_by_field(store, admin, field, kwargs):
    values = dict(username="nina", full_name="Nina Nurse", role=Role.NURSE, password=TEMPORARY) | kwargs
    with pytest.raises(ValidationError) as refused:
        auth.create_user(store, admin, **values)
    assert refused.value.field == field
    assert users_repo.by_username(store.db, "nina") is None


def test_user_names_are_unique_whatever_their_case(store, admin, users):
    with pytest.raises(ValidationError, match="taken"):
        auth.create_user(store, admin, username="NURSE", full_name="Other", role=Role.NURSE, password=TEMPORARY)


def test_list_users_shows_every_account_active_or_not(store, admin, users):
    auth.set_active(store, admin, users[Role.MONITOR].id, False, reason="contract ended")
    listed = auth.list_users(store, admin)
    assert [u.username for u in listed] == ["admin", "doctor", "monitor", "nurse"]
    assert [u.active for u in listed] == [True, True, False, True]
    assert all(u.password_set_at for u in listed)


# --- who may administer ---------------------------------------------------------------------------------

ADMIN_ACTIONS = {
    "add": lambda st, by, target: auth.create_user(st, by, username="x1", full_name="X", role=Role.NURSE,
                                                   password=TEMPORARY),
    "list": lambda st, by, target: auth.list_users(st, by),
    "set_role": lambda st, by, target: auth.set_role(st, by, target.id, Role.MONITOR, "reason"),
    "deactivate": lambda st, by, target: auth.set_active(st, by, target.id, False, "reason"),
    "reset_password": lambda st, by, target: auth.reset_password(st, by, target.id, TEMPORARY),
    "unlock": lambda st, by, target: auth.unlock(st, by, target.id),
    "unblinded": lambda st, by, target: vs.set_unblinded(st, by, target.id, True, "reason"),
    "settings": lambda st, by, target: session.change_site_settings(
        st, by, idle_lock_minutes=5, lockout_minutes=15, backup_folder="", reason="reason"),
}


@pytest.mark.parametrize("role", [Role.INVESTIGATOR, Role.NURSE, Role.MONITOR])
@pytest.mark.parametrize("action", sorted(ADMIN_ACTIONS))
def test_only_the_administrator_administers(store, users, role, action):
    target = users[Role.INVESTIGATOR] if role is not Role.INVESTIGATOR else users[Role.NURSE]
    before = store.db.execute("SELECT count(*) FROM audit WHERE action != 'LOGIN'").fetchone()[0]
    with pytest.raises(PermissionDenied, match="may not"):
        ADMIN_ACTIONS[action](store, users[role], target)
    assert store.db.execute("SELECT count(*) FROM audit WHERE action != 'LOGIN'").fetchone()[0] == before


@pytest.mark.parametrize("action", sorted(ADMIN_ACTIONS))
def test_the_administrator_administers(store, users, action, tmp_path):
    admin, doctor = users[Role.ADMINISTRATOR], users[Role.INVESTIGATOR]
    if action == "unlock":
        for _ in range(5):
            with pytest.raises(AuthError):
                auth.login(store, "doctor", "wrong-password-1")
    ADMIN_ACTIONS[action](store, admin, doctor)  # no error: permitted


def test_a_user_changes_only_their_own_password(store, users):
    nurse, doctor = users[Role.NURSE], users[Role.INVESTIGATOR]
    before = users_repo.password_hash(store.db, doctor.id)
    with pytest.raises(ValidationError, match="Wrong password") as refused:  # the doctor's password is not theirs
        auth.change_password(store, nurse, PASSWORD + "x", OWN)
    assert refused.value.field == "old_password"
    auth.change_password(store, nurse, PASSWORD, OWN)
    assert users_repo.password_hash(store.db, doctor.id) == before
    assert auth.login(store, "nurse", OWN) and auth.login(store, "doctor", PASSWORD)
    with pytest.raises(ValidationError, match="not the current one"):
        auth.change_password(store, nurse, OWN, OWN)
    with pytest.raises(ValidationError) as refused:
        auth.change_password(store, nurse, OWN, "kort")
    assert refused.value.field == "password"


# --- role, deactivation, reasons --------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda st, a, u: auth.set_role(st, a, u.id, Role.MONITOR, "  "),
    lambda st, a, u: auth.set_active(st, a, u.id, False, ""),
    lambda st, a, u: vs.set_unblinded(st, a, u.id, True, " "),
    lambda st, a, u: session.change_site_settings(st, a, idle_lock_minutes=5, lockout_minutes=15,
                                                  backup_folder="", reason=""),
])
def test_changes_to_accounts_and_settings_need_a_reason(store, admin, doctor, call):
    with pytest.raises(ValidationError, match="reason") as refused:
        call(store, admin, doctor)
    assert refused.value.field == "reason"


def test_role_change_rules(store, admin, users):
    doctor = users[Role.INVESTIGATOR]
    with pytest.raises(ValidationError, match="own role"):
        auth.set_role(store, admin, admin.id, Role.NURSE, "tired")
    with pytest.raises(ValidationError, match="already has"):
        auth.set_role(store, admin, doctor.id, Role.INVESTIGATOR, "no change")
    vs.set_unblinded(store, admin, doctor.id, True, reason="safety physician")
    changed = auth.set_role(store, admin, doctor.id, Role.NURSE, reason="works as a nurse now")
    assert changed.role is Role.NURSE and not changed.unblinded  # a nurse is never the unblinded physician
    old, new, reason, _ = _audit(store)
    assert '"unblinded":1' in old and '"unblinded":0' in new and reason == "works as a nurse now"


def test_deactivation_rules(store, admin, nurse):
    with pytest.raises(ValidationError, match="themselves"):
        auth.set_active(store, admin, admin.id, False, "leaving")
    with pytest.raises(ValidationError, match="already active"):
        auth.set_active(store, admin, nurse.id, True, "again")
    auth.set_active(store, admin, nurse.id, False, "left the unit")
    assert _audit(store)[2] == "left the unit"
    with pytest.raises(ValidationError, match="already deactivated"):
        auth.set_active(store, admin, nurse.id, False, "again")
    assert users_repo.get(store.db, nurse.id) is not None  # never deleted


# --- an open session feels the change at its next action ---------------------------------------------------

def test_deactivating_a_signed_in_user_refuses_their_next_save_and_read(store, admin, users):
    nurse = auth.login(store, "nurse", PASSWORD)
    _register(store, nurse)
    told = []
    stop = permissions.watch(told.append)
    try:
        auth.set_active(store, admin, nurse.id, False, reason="left the unit")
        before = store.db.execute("SELECT count(*) FROM participants").fetchone()[0]
        with pytest.raises(SessionEnded, match="deactivated") as refused:
            _register(store, nurse)
        assert refused.value.why == "deactivated"
        assert store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == before
        with pytest.raises(SessionEnded):
            participants_service.list_participants(store, nurse)
    finally:
        stop()
    assert [p.why for p in told] == ["deactivated", "deactivated"] and told[0].user_id == nurse.id
    assert not allowed(nurse, Action.VIEW_CLINICAL)


def test_a_role_change_ends_the_open_session_at_its_next_action(store, admin, users):
    doctor = auth.login(store, "doctor", PASSWORD)
    auth.set_role(store, admin, doctor.id, Role.MONITOR, reason="now monitors the trial")
    with pytest.raises(SessionEnded, match="changed to monitor") as refused:
        participants_service.list_participants(store, doctor)  # even what a monitor may do: sign in again
    assert refused.value.why == "role"
    again = auth.login(store, "doctor", PASSWORD)
    assert again.role is Role.MONITOR and participants_service.list_participants(store, again) == []
    with pytest.raises(PermissionDenied, match="may not"):
        _register(store, again)


def test_a_lockout_ends_the_open_session_until_unlocked(store, admin, users):
    nurse = auth.login(store, "nurse", PASSWORD)
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(store, "nurse", "wrong-password-1")
    with pytest.raises(SessionEnded, match="locked") as refused:
        _register(store, nurse)
    assert refused.value.why == "locked"
    unlocked = auth.unlock(store, admin, nurse.id)
    assert not auth.is_locked(unlocked) and _audit(store)[2] == "unlocked by the administrator"
    assert _register(store, nurse).participant_id  # the same session goes on
    with pytest.raises(ValidationError, match="not locked"):
        auth.unlock(store, admin, nurse.id)


def test_a_lockout_is_over_when_its_time_is(store, admin, users, clock):
    from datetime import timedelta

    nurse = auth.login(store, "nurse", PASSWORD)
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(store, "nurse", "wrong-password-1")
    assert not allowed(nurse, Action.VIEW_CLINICAL)
    clock.advance(timedelta(minutes=16))
    assert allowed(nurse, Action.VIEW_CLINICAL)


def test_reset_password_gives_a_temporary_one_and_ends_lockout_and_session(store, admin, users):
    nurse = auth.login(store, "nurse", PASSWORD)
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(store, "nurse", "wrong-password-1")
    with pytest.raises(ValidationError) as refused:
        auth.reset_password(store, admin, nurse.id, "kort")
    assert refused.value.field == "password"
    with pytest.raises(ValidationError, match="Change my password"):
        auth.reset_password(store, admin, admin.id, TEMPORARY)
    auth.reset_password(store, admin, nurse.id, TEMPORARY)
    old, new, reason, _ = _audit(store)
    assert reason == "password reset by the administrator" and '"must_change_password":1' in new
    assert '"locked_until":null' in new and '"password_hash":"***"' in new
    with pytest.raises(SessionEnded) as ended:
        participants_service.list_participants(store, nurse)
    assert ended.value.why == "password"
    with pytest.raises(AuthError):
        auth.login(store, "nurse", PASSWORD)  # the old password is gone
    again = auth.login(store, "nurse", TEMPORARY)  # not locked any more
    assert again.must_change_password
    assert store.db.execute("SELECT count(*) FROM audit WHERE action = 'PASSWORD_RESET' AND username = 'admin'"
                            ).fetchone()[0] == 1
    auth.change_password(store, again, TEMPORARY, OWN)
    assert participants_service.list_participants(store, again) is not None


def test_a_deactivated_account_cannot_change_its_password(store, admin, nurse):
    auth.set_active(store, admin, nurse.id, False, reason="left")
    with pytest.raises(ValidationError, match="deactivated"):
        auth.change_password(store, nurse, PASSWORD, OWN)


# --- the unblinded safety physician ---------------------------------------------------------------------

def test_designating_and_revoking_the_unblinded_physician(store, admin, users):
    doctor = auth.login(store, "doctor", PASSWORD)
    with pytest.raises(ValidationError, match="Only an investigator"):
        vs.set_unblinded(store, admin, users[Role.NURSE].id, True, reason="why not")
    assert vs.is_blinded(doctor)
    vs.set_unblinded(store, admin, doctor.id, True, reason="designated by the sponsor")
    assert not vs.is_blinded(doctor)  # the open session sees it at once
    with pytest.raises(ValidationError, match="already"):
        vs.set_unblinded(store, admin, doctor.id, True, reason="again")
    vs.set_unblinded(store, admin, doctor.id, False, reason="designation ended")
    assert vs.is_blinded(doctor)  # revoked: masked again in the same session
    assert _audit(store)[2] == "designation ended"
    auth.set_active(store, admin, doctor.id, False, reason="left")
    with pytest.raises(ValidationError, match="reactivate"):
        vs.set_unblinded(store, admin, doctor.id, True, reason="back?")


# --- site settings ----------------------------------------------------------------------------------------

def test_site_settings_are_bounded_audited_and_used(store, admin, tmp_path):
    assert session.site_settings(store) == session.SiteSettings(10, 15, "")
    for field, values in (("idle_lock_minutes", dict(idle_lock_minutes=0)),
                          ("idle_lock_minutes", dict(idle_lock_minutes=61)),
                          ("idle_lock_minutes", dict(idle_lock_minutes="ti")),
                          ("lockout_minutes", dict(lockout_minutes=0)),
                          ("lockout_minutes", dict(lockout_minutes=1441)),
                          ("backup_folder", dict(backup_folder="relative/folder")),
                          ("backup_folder", dict(backup_folder=str(tmp_path / "recovery.pdf"))),
                          ("backup_folder", dict(backup_folder=str(store.folder)))):
        wanted = dict(idle_lock_minutes=10, lockout_minutes=15, backup_folder="", reason="site policy") | values
        with pytest.raises(ValidationError) as refused:
            session.change_site_settings(store, admin, **wanted)
        assert refused.value.field == field, values
    folder = tmp_path / "usb" / "trialdesk"
    saved = session.change_site_settings(store, admin, idle_lock_minutes="5", lockout_minutes=30,
                                         backup_folder=str(folder), reason="site policy 2026")
    assert saved == session.SiteSettings(5, 30, str(folder)) and session.idle_lock_minutes(store) == 5
    rows = store.db.execute("SELECT new_values, reason FROM audit WHERE table_name = 'settings'").fetchall()
    assert len(rows) == 3 and all(r[1] == "site policy 2026" for r in rows)
    count = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    session.change_site_settings(store, admin, idle_lock_minutes=5, lockout_minutes=30, backup_folder=str(folder),
                                 reason="nothing new")
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == count  # nothing changed, nothing written
    check = workstation.make_backup(store, admin)
    assert check.path.parent == folder and check.path.exists()


def test_the_lockout_length_setting_applies_to_the_next_lockout(store, admin, users, clock):
    from datetime import timedelta

    session.change_site_settings(store, admin, idle_lock_minutes=10, lockout_minutes=60, backup_folder="",
                                 reason="stricter")
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login(store, "nurse", "wrong-password-1")
    clock.advance(timedelta(minutes=30))
    with pytest.raises(AuthError, match="locked"):
        auth.login(store, "nurse", PASSWORD)
    clock.advance(timedelta(minutes=31))
    assert auth.login(store, "nurse", PASSWORD)


# --- the words ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("password", ["kort", "bareboksta", "Password123", "nurse-og-mer-1", "qwertyuiop"])
def test_every_password_rule_message_is_marked_for_translation(password):
    problem = password_problem(password, "nurse")
    assert problem in auth.RULE_MESSAGES


def test_the_user_name_rule_message_is_marked_for_translation():
    assert username_problem("Nina Nurse") in auth.RULE_MESSAGES


def test_the_administrator_password_fixture_is_not_temporary(store, admin):
    assert not auth.login(store, "admin", ADMIN_PASSWORD).must_change_password  # set-up: chosen by themselves


# --- migration 5 ----------------------------------------------------------------------------------------

def test_migration_5_adds_the_temporary_password_flag_to_an_existing_store(tmp_path, monkeypatch):
    from trialdesk.db import migrations
    from trialdesk.db.connection import open_store
    from trialdesk.db.keystore import load_key

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
    monkeypatch.setattr(migrations, "LATEST", 4)
    monkeypatch.setattr(users_repo, "_COLUMNS", users_repo._COLUMNS.replace("must_change_password", "0"))
    setup = workstation.setup_workstation(tmp_path / "old", site_code="H", site_name="Haukeland",
                                          admin_username="admin", admin_full_name="Ada Admin",
                                          admin_password=ADMIN_PASSWORD, recovery_sheet=tmp_path / "r.pdf")
    setup.store.close()
    monkeypatch.undo()
    store = open_store(tmp_path / "old", load_key(setup.store.info.store_id))
    try:
        assert migrations.current_version(store.db) == migrations.LATEST
        admin = auth.login(store, "admin", ADMIN_PASSWORD)
        assert not admin.must_change_password  # existing accounts keep their own passwords
        nina = auth.create_user(store, admin, username="nina", full_name="Nina Nurse", role=Role.NURSE,
                                password=TEMPORARY)
        assert nina.must_change_password
        assert '"must_change_password":1' in _audit(store, "INSERT")[1]  # the triggers know the new column
        assert workstation.verify(store).ok
    finally:
        store.close()
