"""The audit trail: every write path leaves a row, the table is append-only, the chain catches edits."""

from __future__ import annotations

import json
import shutil

import pytest
import sqlcipher3

from trialdesk.clock import new_id, utc_iso
from trialdesk.db import audit
from trialdesk.db.connection import Actor, open_store
from trialdesk.errors import ReasonRequired
from trialdesk.services import workstation

ACTOR = Actor("u-1", "dina")


def _row(study_id="KTS11-H-001"):
    now = utc_iso()
    return {"id": new_id(), "site": "H", "created_at": now, "updated_at": now, "study_id": study_id,
            "sex": "F", "birth_date": "1990-05-01", "status": "candidate"}


def _audit(store):
    return store.db.execute(
        "SELECT action, table_name, record_id, old_values, new_values, reason, user_id, username, at, site "
        "FROM audit WHERE table_name = 'participants' ORDER BY seq").fetchall()


def test_insert_update_delete_via_sqlite_utils_are_audited(store):
    row = _row()
    with store.acting(ACTOR) as db:
        db["participants"].insert(row)
    with store.acting(ACTOR, reason="sex entered wrongly") as db:
        db["participants"].update(row["id"], {"sex": "M"})
    with store.acting(ACTOR, reason="duplicate registration") as db:
        db["participants"].delete(row["id"])
    rows = _audit(store)
    assert [r[0] for r in rows] == ["INSERT", "UPDATE", "DELETE"]
    ins, upd, dele = rows
    assert ins[3] is None and json.loads(ins[4])["study_id"] == "KTS11-H-001"
    assert json.loads(upd[3])["sex"] == "F" and json.loads(upd[4])["sex"] == "M"
    assert upd[5] == "sex entered wrongly"
    assert json.loads(dele[3])["id"] == row["id"] and dele[4] is None
    assert dele[5] == "duplicate registration"
    for r in rows:
        assert r[2] == row["id"] and r[6] == "u-1" and r[7] == "dina" and r[9] == "H"
        assert r[8].endswith("Z") and r[8][10] == "T"  # UTC ISO 8601


def test_raw_sql_through_app_connection_is_audited(store):
    rid = new_id()
    with store.acting(ACTOR) as db:
        db.execute("INSERT INTO participants (id, site, created_at, updated_at, study_id, status) "
                   "VALUES (?, 'H', 'x', 'x', 'KTS11-H-099', 'candidate')", [rid])
    with store.acting(ACTOR, reason="raw fix") as db:
        db.execute("UPDATE participants SET status = 'screening' WHERE id = ?", [rid])
    with store.acting(ACTOR, reason="raw delete") as db:
        db.execute("DELETE FROM participants WHERE id = ?", [rid])
    assert [r[0] for r in _audit(store)] == ["INSERT", "UPDATE", "DELETE"]


def test_reason_required_for_changes_to_saved_data(store):
    row = _row()
    with store.acting(ACTOR) as db:
        db["participants"].insert(row)  # first entry: no reason needed
    for blank in (None, "", "   "):
        with pytest.raises(ReasonRequired):
            with store.acting(ACTOR, reason=blank) as db:
                db["participants"].update(row["id"], {"sex": "M"})
        with pytest.raises(ReasonRequired):
            with store.acting(ACTOR, reason=blank) as db:
                db["participants"].delete(row["id"])
    assert store.db["participants"].get(row["id"])["sex"] == "F"
    assert [r[0] for r in _audit(store)] == ["INSERT"]


def test_failed_transaction_leaves_neither_data_nor_audit(store):
    before = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(RuntimeError):
        with store.acting(ACTOR) as db:
            db["participants"].insert(_row())
            raise RuntimeError("boom")
    assert store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before


@pytest.mark.parametrize("sql", [
    "UPDATE audit SET reason = 'tampered' WHERE seq = 1",
    "UPDATE audit SET hash = 'x' WHERE seq = 1",
    "DELETE FROM audit WHERE seq = 1",
    "DELETE FROM audit",
])
def test_audit_rows_cannot_be_changed_or_deleted(store, sql):
    before = store.db.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        store.db.execute(sql)
    store.db.conn.rollback()
    assert store.db.execute("SELECT * FROM audit ORDER BY seq").fetchall() == before


def test_forged_audit_row_with_its_own_hash_is_refused(store):
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        store.db.execute("INSERT INTO audit (id, at, action, app_version, site, hash) "
                         "VALUES ('f', 'x', 'FORGED', '0', 'H', 'abc')")
    store.db.conn.rollback()


def test_chain_is_valid_after_many_writes(store):
    for i in range(30):
        with store.acting(ACTOR) as db:
            db["participants"].insert(_row(f"KTS11-H-{i:03d}"))
    report = audit.verify_chain(store.db.conn)
    assert report.ok and report.rows >= 30
    rows = store.db.execute("SELECT prev_hash, hash FROM audit ORDER BY seq").fetchall()
    assert rows[0][0] is None
    assert all(rows[i][0] == rows[i - 1][1] for i in range(1, len(rows)))


def _tampered_copy(store, tmp_path, sql):
    """Copy the closed store and edit the copy as an attacker with the key would (triggers dropped)."""
    key = workstation.key_for(store.folder)
    store.close()
    copy = tmp_path / "copy"
    shutil.copytree(store.folder, copy, ignore=shutil.ignore_patterns("trialdesk.lock*", "backups"))
    conn = sqlcipher3.connect(str(copy / "trialdesk.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("DROP TRIGGER td_audit_append_only")
    conn.execute("DROP TRIGGER td_audit_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()
    return copy, key


@pytest.mark.parametrize("sql, problem", [
    ("UPDATE audit SET new_values = replace(new_values, 'KTS11-H-003', 'KTS11-H-333') "
     "WHERE new_values LIKE '%KTS11-H-003%'", "altered"),
    ("DELETE FROM audit WHERE new_values LIKE '%KTS11-H-002%'", "link"),
])
def test_verify_catches_a_tampered_copy(store, tmp_path, sql, problem):
    for i in range(5):
        with store.acting(ACTOR) as db:
            db["participants"].insert(_row(f"KTS11-H-{i:03d}"))
    target = store.db.execute("SELECT seq FROM audit WHERE new_values LIKE '%KTS11-H-003%'").fetchone()[0]
    copy, key = _tampered_copy(store, tmp_path, sql)
    opened = open_store(copy, key)
    try:
        report = workstation.verify(opened)
    finally:
        opened.close()
    assert not report.ok
    assert problem in report.chain.problem
    if problem == "altered":
        assert report.chain.broken_seq == target
    assert any("BROKEN at row" in line for line in report.lines())


def test_every_data_table_has_audit_triggers(store):
    report = workstation.verify(store)
    assert report.ok, report.lines()
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    from trialdesk.db.migrations import audited_tables

    assert tables - set(audited_tables(store.db)) == workstation.UNAUDITED_TABLES & tables


def test_password_hashes_never_enter_the_audit_trail(store, users):
    dump = "\n".join(str(r) for r in store.db.execute("SELECT old_values, new_values FROM audit"))
    assert "$argon2" not in dump
    assert '"password_hash":"***"' in dump
