"""Tampering by someone who holds the key (issue 14, points 1, 2 and 7): one test per kind the issue lists, and a
few more. Each attacker uses a plain sqlcipher3 connection with the store's key on the closed store, with the app's
own SQL functions registered where that helps (so that the triggers write well-formed audit rows as any user).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
import sqlcipher3

from tests.conftest import PASSWORD
from trialdesk.db import audit
from trialdesk.db.connection import Actor, _Context, _register_functions
from trialdesk.domain.people import Role
from trialdesk.services import participants as ps
from trialdesk.services import screening as sc
from trialdesk.services import signatures
from trialdesk.services import workstation as ws
from trialdesk.services.demo import synthetic_id_number

TODAY = date(2026, 3, 2)
JUDGED = {"I7": sc.Judgement(True, "discussed"),
          **{cid: sc.Judgement(False) for cid in ("E2", "E4", "E5", "E6", "E7", "E8", "E9", "E10", "E11", "E12")}}
ELIGIBLE = sc.ScreeningEntry(
    screening_date=TODAY, canadian_criteria_met=True, severity="moderate",
    me_cfs_onset_date=date(2019, 10, 15), onset_trigger="infection", pregnancy_test="negative",
    nk_text="210", nk_unit="10^6/L", igg_text="9,8", igg_unit="g/L")


def _participant(store, doctor, nth: int, sign: bool = True) -> str:
    born = date(1985, 4, 12) + timedelta(days=nth)
    identity = ps.Identity(f"Testperson {nth}", synthetic_id_number(born, "F"), "+47 400 00 000", "Dr. Test")
    pid = ps.register_candidate(store, doctor, sex="F", birth_date=born, childbearing_potential=True,
                                identity=identity, today=TODAY).participant_id
    day = TODAY - timedelta(days=1)
    ps.record_consent(store, doctor, pid, form_version="1.0", language="nb", participant_signed_on=day,
                      investigator_signed_on=day, copy_given=True, today=TODAY)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    if sign:
        sc.sign_eligibility(store, doctor, pid, username=doctor.username, password=PASSWORD, today=TODAY)
    return pid


@pytest.fixture
def trial(store, users):
    """Two signed participants and one screened; the store is closed for the attacker, its folder and key kept."""
    doctor = users[Role.INVESTIGATOR]
    pids = [_participant(store, doctor, 0), _participant(store, doctor, 1), _participant(store, doctor, 2, False)]
    folder = store.folder
    key = ws.key_for(folder)
    assert ws.verify(store).ok, ws.verify(store).lines()
    store.close()
    return {"folder": folder, "key": key, "pids": pids, "users": users}


def attacker(trial, actor: Actor | None = None):
    """A plain sqlcipher3 connection with the key; with ``actor``, the app's SQL functions acting as them."""
    conn = sqlcipher3.connect(str(trial["folder"] / "trialdesk.db"))
    conn.execute(f"PRAGMA key = \"x'{trial['key'].hex()}'\"")
    if actor is not None:
        ctx = _Context("H")
        ctx.actor = actor
        ctx.reason = "correction"
        _register_functions(conn, ctx)
    return conn


def trigger_sql(conn, name: str) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]


def around_triggers(conn, table: str, *statements, ops=("update", "delete", "insert")):
    """Drop ``table``'s audit triggers, run ``statements``, create the triggers again exactly as they were."""
    saved = [trigger_sql(conn, f"td_audit_{table}_{op}") for op in ops]
    for op in ops:
        conn.execute(f"DROP TRIGGER td_audit_{table}_{op}")
    for statement, *params in statements:
        conn.execute(statement, params)
    for sql in saved:
        conn.execute(sql)
    conn.commit()


def verified(trial) -> ws.VerifyReport:
    store = ws.open_workstation(trial["folder"])
    try:
        return ws.verify(store)
    finally:
        store.close()


def problems(report) -> list[str]:
    return [f.line() for f in report.schema + report.replay] + report.security + \
        [w.problem for w in report.history]


def user_id(conn, username: str) -> str:
    return conn.execute("SELECT id FROM users WHERE username = ?", [username]).fetchone()[0]


def test_clinical_change_with_triggers_dropped_and_recreated_is_named(trial):
    pid = trial["pids"][0]
    conn = attacker(trial)
    around_triggers(conn, "screenings", (("UPDATE screenings SET igg_value = 4.2, igg_value_text = '4,2' "
                                          "WHERE participant_id = ?"), pid))
    conn.close()
    report = verified(trial)
    assert not report.ok
    assert report.schema == []  # the triggers are back as they were: only the replay sees it
    fields = {(f.table, f.field) for f in report.replay}
    assert fields == {("screenings", "igg_value"), ("screenings", "igg_value_text")}
    assert any("screenings record" in line and "field igg_value" in line for line in report.lines())


def test_deleted_rows_are_named(trial):
    conn = attacker(trial)
    consent_id = conn.execute("SELECT id FROM consents LIMIT 1").fetchone()[0]
    around_triggers(conn, "consents", ("DELETE FROM consents WHERE id = ?", consent_id))
    conn.close()
    report = verified(trial)
    assert [(f.table, f.record_id) for f in report.replay] == [("consents", consent_id)], [f.line() for f in report.replay]
    assert "deleted outside the trail" in report.replay[0].problem


def test_swapped_rows_are_named(trial):
    a, b = trial["pids"][:2]
    conn = attacker(trial)
    born_a, born_b = (conn.execute("SELECT birth_date FROM participants WHERE id = ?", [p]).fetchone()[0] for p in (a, b))
    around_triggers(conn, "participants", ("UPDATE participants SET birth_date = ? WHERE id = ?", born_b, a),
                    ("UPDATE participants SET birth_date = ? WHERE id = ?", born_a, b))
    conn.close()
    report = verified(trial)
    assert {(f.table, f.record_id, f.field) for f in report.replay} == {
        ("participants", a, "birth_date"), ("participants", b, "birth_date")}


def test_a_row_added_around_the_triggers_is_named(trial):
    conn = attacker(trial)
    row = conn.execute("SELECT * FROM consents LIMIT 1").fetchone()
    columns = [d[1] for d in conn.execute("PRAGMA table_info(consents)").fetchall()]
    values = dict(zip(columns, row))
    values["id"] = "forged-consent"
    around_triggers(conn, "consents", ((f"INSERT INTO consents ({', '.join(values)}) VALUES "
                                        f"({', '.join('?' * len(values))})"), *values.values()))
    conn.close()
    report = verified(trial)
    assert [(f.table, f.record_id) for f in report.replay] == [("consents", "forged-consent")]
    assert "does not have it" in report.replay[0].problem


def _backup(trial) -> None:
    store = ws.open_workstation(trial["folder"])
    try:
        ws.make_backup(store, None)
    finally:
        store.close()


def test_audit_tail_cut_is_found_by_the_backup(trial):
    _backup(trial)
    conn = attacker(trial)
    head = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
    saved = trigger_sql(conn, "td_audit_no_delete")
    conn.execute("DROP TRIGGER td_audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq > ?", [head - 6])  # the last events: sign-in, backup …
    conn.execute(saved)
    conn.commit()
    conn.close()
    report = verified(trial)
    assert report.chain.ok  # what is left still links up
    assert not report.ok
    assert [w.path.suffix for w in report.history] == [".db"]
    assert "cut" in report.history[0].problem
    assert any("HISTORY REWRITTEN" in line for line in report.lines())


def test_audit_tail_cut_with_row_changes_is_found_by_the_replay(trial):
    conn = attacker(trial)
    last = conn.execute("SELECT min(seq) FROM audit WHERE table_name = 'eligibility_decisions'").fetchone()[0]
    saved = trigger_sql(conn, "td_audit_no_delete")
    conn.execute("DROP TRIGGER td_audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq >= ?", [last])
    conn.execute(saved)
    conn.commit()
    conn.close()
    report = verified(trial)
    assert report.chain.ok
    assert {"eligibility_decisions", "signatures", "participants"} <= {f.table for f in report.replay}


def _rewrite_chain_from(conn, first: int) -> None:
    """Recompute every hash from row ``first`` on, as the chain trigger would (td_hash registered)."""
    v2 = audit.chain_v2_after(conn)
    prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", [first - 1]).fetchone()[0]
    cols = ", ".join(audit.HASHED_COLUMNS_V2)
    for row in conn.execute(f"SELECT {cols} FROM audit WHERE seq >= ? ORDER BY seq", [first]).fetchall():
        values = row if row[0] > v2 else row[: len(audit.HASHED_COLUMNS)]
        digest = audit.row_hash(prev, values)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", [prev, digest, row[0]])
        prev = digest


def test_chain_rewritten_from_row_19_with_recomputed_hashes_is_found_by_the_backup(trial):
    _backup(trial)
    conn = attacker(trial)
    # The perfect forgery: a clinical value changed in the table and in every audit row that recorded it, and the
    # chain recomputed from row 19 on. The store agrees with itself; only what witnessed the chain can tell.
    pid = trial["pids"][2]
    saved = [trigger_sql(conn, n) for n in ("td_audit_append_only", "td_audit_screenings_update")]
    conn.execute("DROP TRIGGER td_audit_append_only")
    conn.execute("DROP TRIGGER td_audit_screenings_update")
    conn.execute("UPDATE screenings SET severity = 'mild' WHERE participant_id = ?", [pid])
    conn.execute("UPDATE audit SET new_values = replace(new_values, '\"severity\":\"moderate\"', "
                 "'\"severity\":\"mild\"') WHERE table_name = 'screenings' AND subject_id = ?", [pid])
    changed = conn.execute("SELECT min(seq) FROM audit WHERE table_name = 'screenings' AND subject_id = ?",
                           [pid]).fetchone()[0]
    assert changed >= 19
    _rewrite_chain_from(conn, 19)
    for sql in saved:
        conn.execute(sql)
    conn.commit()
    conn.close()
    report = verified(trial)
    assert report.chain.ok and report.replay == [] and report.schema == []
    assert not report.ok
    assert len(report.history) == 1
    assert "rewritten" in report.history[0].problem
    assert report.history[0].diverges_after == changed - 1  # the first row whose hash is not the old one


def test_recomputed_signature_content_hash_over_changed_data_shows(trial):
    pid = trial["pids"][0]
    conn = attacker(trial)
    store = None
    # Change a screening value and make the signature and the decision match the changed checklist, all around
    # the triggers, so that the app itself would call the signature valid.
    around_triggers(conn, "screenings", (("UPDATE screenings SET nk_value = 400, nk_value_text = '400' "
                                          "WHERE participant_id = ?"), pid))
    conn.close()
    store = ws.open_workstation(trial["folder"])
    try:
        forged = signatures.content_hash(sc.checklist(store, pid))
    finally:
        store.close()
    conn = attacker(trial)
    sig = conn.execute("SELECT signature_id FROM eligibility_decisions WHERE participant_id = ?", [pid]).fetchone()[0]
    around_triggers(conn, "signatures", ("UPDATE signatures SET content_hash = ? WHERE id = ?", forged, sig))
    around_triggers(conn, "eligibility_decisions", (("UPDATE eligibility_decisions SET checklist_hash = ? "
                                                     "WHERE participant_id = ?"), forged, pid))
    conn.close()
    report = verified(trial)
    named = {(f.table, f.field) for f in report.replay}
    assert ("signatures", "content_hash") in named
    assert ("eligibility_decisions", "checklist_hash") in named
    assert ("screenings", "nk_value") in named


def test_signature_changed_through_the_triggers_shows(trial):
    """Even written through the triggers as the investigator, a changed signature is one TrialDesk never makes."""
    pid = trial["pids"][0]
    conn = attacker(trial)
    doctor = Actor(user_id(conn, "doctor"), "doctor")
    conn.close()
    conn = attacker(trial, doctor)
    sig = conn.execute("SELECT signature_id FROM eligibility_decisions WHERE participant_id = ?", [pid]).fetchone()[0]
    conn.execute("UPDATE signatures SET content_hash = ? WHERE id = ?", ["0" * 64, sig])
    conn.commit()
    conn.close()
    report = verified(trial)
    assert any(f.table == "signatures" and "never changes one" in f.problem for f in report.replay)


def test_dropped_update_and_delete_triggers_are_named(trial):
    conn = attacker(trial)
    conn.execute("DROP TRIGGER td_audit_screenings_update")
    conn.execute("DROP TRIGGER td_audit_screenings_delete")
    conn.commit()
    conn.close()
    report = verified(trial)
    lines = [f.line() for f in report.schema]
    assert lines == ["screenings: trigger td_audit_screenings_delete is missing (dropped; the migrations create it)",
                     "screenings: trigger td_audit_screenings_update is missing (dropped; the migrations create it)"]
    assert not report.ok


def test_trigger_body_replaced_by_select_1_is_named(trial):
    conn = attacker(trial)
    conn.execute("DROP TRIGGER td_audit_lab_results_update")
    conn.execute("CREATE TRIGGER td_audit_lab_results_update AFTER UPDATE ON lab_results BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    report = verified(trial)
    assert [f.line() for f in report.schema] == [
        "lab_results: trigger td_audit_lab_results_update was rewritten (its SQL is not what the migrations create)"]
    assert report.tables_without_audit == []  # the name is still there: only the text tells


def test_an_added_trigger_is_named(trial):
    conn = attacker(trial)
    conn.execute("CREATE TRIGGER quiet_fix AFTER INSERT ON lab_results BEGIN "
                 "UPDATE lab_results SET flag = NULL WHERE id = NEW.id; END")
    conn.commit()
    conn.close()
    report = verified(trial)
    assert [f.line() for f in report.schema] == [
        "lab_results: trigger quiet_fix was added (the migrations do not create it)"]


def test_nurse_made_investigator_around_the_triggers_is_named(trial):
    conn = attacker(trial)
    nurse = user_id(conn, "nurse")
    around_triggers(conn, "users", ("UPDATE users SET role = 'investigator' WHERE id = ?", nurse))
    conn.close()
    report = verified(trial)
    assert [(f.table, f.record_id, f.field) for f in report.replay] == [("users", nurse, "role")]


def test_nurse_made_investigator_through_the_triggers_by_herself_is_named(trial):
    conn = attacker(trial)
    nurse = user_id(conn, "nurse")
    conn.close()
    conn = attacker(trial, Actor(nurse, "nurse"))
    conn.execute("UPDATE users SET role = 'investigator' WHERE id = ?", [nurse])
    conn.commit()
    conn.close()
    report = verified(trial)
    assert report.replay == []  # the trail has it …
    assert len(report.security) == 1  # … made by a nurse
    assert f"users record {nurse} field role" in report.security[0]
    assert "not an administrator" in report.security[0]


def test_lockout_limit_of_a_million_is_named(trial):
    conn = attacker(trial)
    admin = Actor(user_id(conn, "admin"), "admin")
    conn.close()
    conn = attacker(trial, admin)  # through the triggers, as the administrator: the trail looks right
    conn.execute("INSERT INTO settings (id, site, created_at, updated_at, key, value) VALUES "
                 "('s1', 'H', td_now(), td_now(), 'max_failed_logins', '1000000')")
    conn.commit()
    conn.close()
    report = verified(trial)
    assert report.replay == []
    assert len(report.security) == 1 and report.security[0].startswith("setting max_failed_logins: is '1000000'")
    assert not report.ok


def test_lockout_minutes_out_of_bounds_around_the_triggers_is_named(trial):
    conn = attacker(trial)
    admin = Actor(user_id(conn, "admin"), "admin")
    conn.close()
    conn = attacker(trial, admin)
    conn.execute("INSERT INTO settings (id, site, created_at, updated_at, key, value) VALUES "
                 "('s2', 'H', td_now(), td_now(), 'lockout_minutes', '15')")
    conn.commit()
    around_triggers(conn, "settings", ("UPDATE settings SET value = '1' WHERE id = 's2'",))
    conn.execute("UPDATE settings SET value = '0' WHERE id = 's2'")  # and once through them: out of bounds
    conn.commit()
    conn.close()
    report = verified(trial)
    assert [(f.table, f.field) for f in report.replay] == [("settings", "value")]  # the '1' never in the trail
    assert report.security == [("setting lockout_minutes: is '0', outside the 1-1440 TrialDesk allows: it was set "
                                "outside TrialDesk")]


def test_audit_row_for_a_record_that_is_not_there_is_named(trial):
    """A forged INSERT audit row (through the chain trigger: it hashes correctly) for a record never made."""
    conn = attacker(trial, Actor("x", "x"))
    conn.execute("INSERT INTO audit (id, at, user_id, username, action, table_name, record_id, new_values, "
                 "app_version, site) VALUES ('f1', td_now(), 'x', 'x', 'INSERT', 'consents', 'ghost', "
                 "json_object('id', 'ghost'), '0', 'H')")
    conn.commit()
    conn.close()
    report = verified(trial)
    assert report.chain.ok
    assert [(f.table, f.record_id) for f in report.replay] == [("consents", "ghost")]


def test_an_untouched_store_with_backups_verifies_and_prints_its_seal(trial, clock):
    _backup(trial)
    clock.advance(timedelta(seconds=2))
    _backup(trial)
    report = verified(trial)
    assert report.ok, report.lines()
    seq, digest = report.head
    assert report.lines()[-1].startswith(f"audit seal (chain head): {seq}\u00b7{digest[:12]}")
    assert sum(w.agrees for w in report.witnesses) == 2


def test_backup_head_file_beside_each_backup(trial):
    store = ws.open_workstation(trial["folder"])
    try:
        check = ws.make_backup(store, None)
        head = json.loads((check.path.parent / (check.path.name + ".head.json")).read_text())
        assert (head["audit_seq"], head["audit_hash"]) == (check.audit_seq, check.audit_head)
        assert head["store_id"] == store.info.store_id
        assert head["audit_seal"] == audit.seal(check.audit_seq, check.audit_head)
    finally:
        store.close()


def test_verify_without_the_key_in_the_keychain_checks_one_after_another(trial, memory_keyring):
    """A store opened with the recovery key only (not saved in the keychain): verify still runs every check on the
    store's own connection, and says it had no key to open the backups with."""
    store = ws.open_workstation(trial["folder"])
    try:
        memory_keyring.secrets.clear()
        report = ws.verify(store)
    finally:
        store.close()
    assert report.ok, report.lines()
    assert report.integrity == ["ok"] and report.witnesses == []
