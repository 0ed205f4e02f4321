"""Audit rows name their participant and their operation (migration 4): the change feed.

Every row of one use case shares one operation id; every row about a participant — its own tables,
grandchildren such as blood results, signatures of its records, prints of its documents — names that
participant. Stores from before migration 4 get their participants backfilled from the trail itself,
and the chain still verifies. Views hear what was written from the store, not from their caller.
"""

from __future__ import annotations

import pytest

from tests.conftest import ADMIN_PASSWORD, PASSWORD
from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register, sign
from tests.services.test_visits import D1_DAY, entries, prepare_d1
from trialdesk.db import audit, migrations
from trialdesk.db import users as users_repo
from trialdesk.db.connection import open_store
from trialdesk.db.keystore import load_key
from trialdesk.domain.people import Role
from trialdesk.services import auth
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs


def _enrol(store, doctor):
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    sign(store, doctor, pid)
    return pid


def _rows(store):
    return store.db.execute("SELECT seq, action, table_name, record_id, subject_id, operation_id FROM audit "
                            "ORDER BY seq").fetchall()


def test_every_row_of_a_participant_names_it_and_each_use_case_is_one_operation(store, doctor, nurse):
    first = _enrol(store, doctor)
    seen = len(_rows(store))
    prepare_d1(store, nurse, first)
    rows = _rows(store)
    data = [r for r in rows if r[1] in ("INSERT", "UPDATE", "DELETE")]
    tables = {r[2] for r in data}
    # Direct children, grandchildren (a result through its sample, a judgement through its screening,
    # premedication through its visit) and signatures through the record they sign.
    for table in ("participants", "identities", "consents", "screenings", "screening_judgements",
                  "eligibility_decisions", "signatures", "planned_visits", "dose_visits", "lab_samples",
                  "lab_results", "premedications"):
        assert table in tables, table
    assert all(r[4] == first for r in data if r[2] != "users"), [r for r in data if r[4] != first]
    assert all(r[5] for r in rows[seen:])
    # One lab save = one operation, and it differs from the next use case's.
    lab_ops = {r[5] for r in rows[seen:] if r[2] == "lab_results"}
    assert len(lab_ops) == 1
    sample_ops = {r[5] for r in rows[seen:] if r[2] == "lab_samples"}
    assert sample_ops == lab_ops
    premed_ops = {r[5] for r in rows[seen:] if r[2] == "premedications"}
    assert premed_ops.isdisjoint(lab_ops) and len(premed_ops) == len(sc.protocol().pre_dose.premedication)


def test_the_subject_and_operation_are_hashed_and_cannot_be_changed(store, doctor):
    _enrol(store, doctor)
    seq = store.db.execute("SELECT max(seq) FROM audit WHERE subject_id IS NOT NULL").fetchone()[0]
    with pytest.raises(Exception, match="append-only"):
        store.db.execute("UPDATE audit SET subject_id = 'someone-else' WHERE seq = ?", [seq])
    store.db.conn.rollback()
    assert audit.verify_chain(store.db.conn).ok
    # With the guard dropped (what a key holder could do), the hash still tells.
    store.db.execute("DROP TRIGGER td_audit_append_only")
    store.db.execute("UPDATE audit SET operation_id = 'forged' WHERE seq = ?", [seq])
    report = audit.verify_chain(store.db.conn)
    assert not report.ok and report.broken_seq == seq


def test_a_store_from_before_migration_4_gets_its_participants_backfilled(tmp_path, monkeypatch):
    from trialdesk.services.workstation import setup_workstation

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
    monkeypatch.setattr(migrations, "LATEST", 3)
    # Schema 3 has no users.must_change_password (migration 5): read it as 0 meanwhile.
    monkeypatch.setattr(users_repo, "_COLUMNS", users_repo._COLUMNS.replace("must_change_password", "0"))
    # Schema 3 has no dispositions (migration 6): every course allows everything meanwhile.
    from trialdesk.services import disposition as disposition_service
    monkeypatch.setattr(disposition_service, "check_allowed", lambda *args, **kwargs: None)
    setup = setup_workstation(tmp_path / "old", site_code="H", site_name="Haukeland", admin_username="admin",
                              admin_full_name="Ada Admin", admin_password=ADMIN_PASSWORD,
                              recovery_sheet=tmp_path / "recovery.pdf", training=True)  # synthetic numbers
    store = setup.store
    doctor = auth.create_user(store, setup.admin, username="doctor", full_name="Dina Doktor",
                              role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)
    nurse = auth.create_user(store, setup.admin, username="nurse", full_name="Nils Nurse", role=Role.NURSE,
                             password=PASSWORD, temporary=False)
    pid = _enrol(store, doctor)
    prepare_d1(store, nurse, pid)
    vs.correct_lab_result(store, nurse, store.db.execute("SELECT id FROM lab_results WHERE analyte = 'HB'").fetchone()[0],
                          vs.LabEntry("13,1", "g/dL"), reason="typing error")
    assert not audit.has_change_feed(store.db)
    before = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    store_id = store.info.store_id
    store.close()

    monkeypatch.undo()
    store = open_store(tmp_path / "old", load_key(store_id))
    try:
        assert migrations.current_version(store.db) == migrations.LATEST
        rows = _rows(store)[:before]
        data = [r for r in rows if r[1] in ("INSERT", "UPDATE", "DELETE") and r[2] not in ("users", "settings")]
        assert data and all(r[4] == pid for r in data), [r for r in data if r[4] != pid]
        assert all(r[5] is None for r in rows)  # operations were never recorded: none invented
        assert audit.verify_chain(store.db.conn).ok
        # New rows carry both, hashed in the second form, and the chain still holds across the boundary.
        nurse = users_repo.get(store.db, nurse.id)  # a signed-in user belongs to the store it was read from
        vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG"})
        new = [r for r in _rows(store)[before:] if r[2] in ("lab_samples", "lab_results")]
        assert len(new) == 1 + len(entries()) and all(r[4] == pid and r[5] == new[0][5] for r in new)
        assert audit.verify_chain(store.db.conn).ok
    finally:
        store.close()


def test_views_hear_what_the_transaction_wrote(store, doctor, nurse):
    pid = _enrol(store, doctor)
    heard = []
    unsubscribe = store.subscribe(heard.append)
    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=D1_DAY, entries=entries(), read_back={"IGG"})
    assert len(heard) == 1
    changes = heard[0]
    assert changes.touches("lab_results") and changes.touches("lab_samples") and changes.subjects == {pid}
    assert not changes.touches("adverse_events") and len(changes.new_ids("lab_results")) == len(entries())
    assert store.last_changes is changes
    # A failed use case writes nothing and says nothing.
    with pytest.raises(Exception):
        vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=D1_DAY, entries={}, read_back=set())
    assert len(heard) == 1
    unsubscribe()
    vs.record_pregnancy_test(store, nurse, pid, "D1", "negative", day=D1_DAY.date())
    assert len(heard) == 1
