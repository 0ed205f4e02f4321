"""Bundle import between real encrypted stores (issue 12, points 3–5): a participant enrolled at H is seen at R
with its original who / when / why; the same bundle twice changes nothing; a gap holds the later bundle until it
is filled; a bundle of a newer schema is kept and refused; a field changed at both workstations is a conflict on
both, resolved once, and the decision travels; the same dose recorded at two workstations is a duplicate; an
edit here against a delete there; a rewritten history at the origin is refused; the acknowledgement moves the
next bundle's start; the digests agree after a full exchange."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.conftest import PASSWORD
from tests.services.test_bundles import _pair
from tests.services.test_pairing import other  # noqa: F401  (the fixture: a second workstation, site R)
from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register
from trialdesk.db import migrations
from trialdesk.domain.people import Role
from trialdesk.errors import PermissionDenied, ValidationError
from trialdesk.services import auth, bundles, merge
from trialdesk.services import screening as sc


def _send(src, src_user, dst) -> bytes:
    data, _, _ = bundles.make_bundle(src, src_user, dst.info.site_code)
    return data


def _travel(src, src_user, dst, dst_user) -> merge.ImportReport:
    return merge.receive_bundle(dst, dst_user, _send(src, src_user, dst))


def _row(store, table, rid):
    found = store.db.execute(f"SELECT * FROM {table} WHERE id = ?", [rid])
    names = [d[0] for d in found.description]
    row = found.fetchone()
    return dict(zip(names, row)) if row else None


def _snapshot(store) -> dict:
    """Every travelling table's rows (the data a person sees), for "nothing changed" checks."""
    out = {}
    for table in merge.travelling_tables(store):
        out[table] = store.db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    out["audit"] = store.db.execute("SELECT count(*) FROM audit WHERE action IN ('INSERT','UPDATE','DELETE')").fetchone()
    return out


@pytest.fixture
def two(store, doctor, other):
    """H (with a participant registered, consented and screened) and R, paired; R has its own investigator."""
    _pair(store, doctor, other.store, other.admin)
    r_doctor = auth.create_user(other.store, other.admin, username="rdoctor", full_name="Rolf Doktor",
                                role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    return pid, r_doctor


def test_participant_travels_with_its_original_who_when_why(store, doctor, other, two):
    pid, r_doctor = two
    report = _travel(store, doctor, other.store, other.admin)
    assert report.outcome == "imported" and report.applied > 0 and report.conflicts == 0
    here, there = _row(store, "participants", pid), _row(other.store, "participants", pid)
    assert there == here
    assert _row(other.store, "screenings", store.db.execute(
        "SELECT id FROM screenings WHERE participant_id = ?", [pid]).fetchone()[0]) is not None
    origin_rows = store.db.execute("SELECT id, at, username, reason, site FROM audit WHERE subject_id = ? AND "
                                   "action IN ('INSERT','UPDATE','DELETE') ORDER BY seq", [pid]).fetchall()
    imported = other.store.db.execute("SELECT id, at, username, reason, site FROM audit WHERE subject_id = ? AND "
                                      "action IN ('INSERT','UPDATE','DELETE') ORDER BY seq", [pid]).fetchall()
    assert imported == origin_rows  # same event ids, time, user, reason, site
    assert {r[2] for r in imported} == {"doctor"} and {r[4] for r in imported} == {store.info.site_code}
    # The doctor of H is known at R as an account that cannot sign in.
    remote = other.store.db.execute("SELECT username, site, active FROM users WHERE id = ?", [doctor.id]).fetchone()
    assert remote == ("doctor", store.info.site_code, 0)
    with pytest.raises(Exception):
        auth.login(other.store, "doctor", PASSWORD)
    # The import itself is audited at R, under R's admin, naming no clinical value.
    event = other.store.db.execute("SELECT username, new_values FROM audit WHERE action = 'EXCHANGE_BUNDLE_RECEIVED'"
                                   ).fetchone()
    assert event[0] == "radmin" and json.loads(event[1])["applied"] == report.applied


def test_the_same_bundle_twice_changes_nothing(store, doctor, other, two):
    data = _send(store, doctor, other.store)
    merge.receive_bundle(other.store, other.admin, data)
    before = _snapshot(other.store)
    again = merge.receive_bundle(other.store, other.admin, data)
    assert again.outcome == "nothing new" and again.applied == 0
    assert _snapshot(other.store) == before
    # A re-send before the acknowledgement (the same events and more) applies only the new ones.
    pid, _ = two
    sc.save_screening(store, doctor, pid, dataclasses.replace(ELIGIBLE, severity="severe"), JUDGED, today=TODAY,
                      reason="re-assessed")
    report = _travel(store, doctor, other.store, other.admin)
    assert report.applied == 1 and report.already > 0
    assert _row(other.store, "screenings", _screening_id(store, pid))["severity"] == "severe"


def _screening_id(store, pid):
    return store.db.execute("SELECT id FROM screenings WHERE participant_id = ?", [pid]).fetchone()[0]


def edit_at_both(store, doctor, other, r_doctor, pid, here="at H", there="at R") -> str:
    """H and R agree (a bundle each way), then change the participant's severity apart: H to severe, R to mild.
    Nothing has travelled since. Returns the screening's id."""
    _travel(store, doctor, other.store, other.admin)
    _travel(other.store, other.admin, store, doctor)
    sc.save_screening(store, doctor, pid, dataclasses.replace(ELIGIBLE, severity="severe"), JUDGED, today=TODAY,
                      reason=here)
    sc.save_screening(other.store, r_doctor, pid, dataclasses.replace(ELIGIBLE, severity="mild"), JUDGED,
                      today=TODAY, reason=there)
    return _screening_id(store, pid)


def test_acknowledgement_moves_the_start_of_the_next_bundle(store, doctor, other, two):
    _travel(store, doctor, other.store, other.admin)
    _, manifest, _ = bundles.make_bundle(store, doctor, "R")
    assert manifest["event_count"] > 0  # not acknowledged yet: sent again
    _travel(other.store, other.admin, store, doctor)  # R's bundle carries its acknowledgement
    _, manifest, _ = bundles.make_bundle(store, doctor, "R")
    assert manifest["event_count"] == 0
    assert merge.witness_problems(store) == []


def test_a_gap_holds_the_later_bundle_until_it_is_filled(store, doctor, other, two):
    pid, _ = two
    first = _send(store, doctor, other.store)
    head = store.db.execute("SELECT max(seq), hash FROM audit WHERE seq = (SELECT max(seq) FROM audit)").fetchone()
    sc.save_screening(store, doctor, pid, dataclasses.replace(ELIGIBLE, severity="severe"), JUDGED, today=TODAY,
                      reason="re-assessed")
    # As if R had acknowledged the first bundle: the second starts after it. R gets the second one first.
    from trialdesk.db import merge as merge_repo
    with store.acting(auth.actor(doctor)) as tx:
        merge_repo.set_acknowledged(tx, other.store.info.store_id, head[0], head[1])
    second = _send(store, doctor, other.store)
    before = _snapshot(other.store)
    report = merge.receive_bundle(other.store, other.admin, second)
    assert report.outcome == "held" and report.held_reason == "gap"
    assert _snapshot(other.store) == before
    held = merge.status(other.store, other.admin)[0].held
    assert len(held) == 1 and held[0]["reason"] == "gap"
    filled = merge.receive_bundle(other.store, other.admin, first)
    assert filled.outcome == "imported" and [r.outcome for r in filled.released] == ["imported"]
    assert merge.status(other.store, other.admin)[0].held == ()
    sid = _screening_id(store, pid)
    assert _row(other.store, "screenings", sid) == _row(store, "screenings", sid)
    assert _row(other.store, "screenings", sid)["severity"] == "severe"


def test_a_newer_schema_is_kept_and_refused(store, doctor, other, two, monkeypatch):
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST + 1)
    data = _send(store, doctor, other.store)
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST - 1)
    before = _snapshot(other.store)
    with pytest.raises(ValidationError, match="newer schema"):
        merge.receive_bundle(other.store, other.admin, data)
    assert _snapshot(other.store) == before
    held = merge.status(other.store, other.admin)[0].held
    assert [h["reason"] for h in held] == ["newer schema"]


def test_a_field_changed_at_both_is_a_conflict_resolved_once(store, doctor, nurse, other, two):
    pid, r_doctor = two
    sid = edit_at_both(store, doctor, other, r_doctor, pid, "re-assessed at H", "re-assessed at R")
    at_r = _travel(store, doctor, other.store, r_doctor)
    at_h = _travel(other.store, r_doctor, store, doctor)
    assert at_r.conflicts == 1 and at_h.conflicts == 1
    [c_r], [c_h] = merge.conflicts(other.store, r_doctor), merge.conflicts(store, doctor)
    assert c_r.id == c_h.id and c_r.field == "severity" and c_r.kind == "field"
    assert (c_r.local_value, c_r.remote_value) == ("mild", "severe")
    assert (c_h.local_value, c_h.remote_value) == ("severe", "mild")
    assert c_h.remote["username"] == "rdoctor" and c_h.remote["reason"] == "re-assessed at R"
    assert c_h.local["username"] == "doctor"
    # Nothing was overwritten: each keeps its value until someone decides.
    assert _row(store, "screenings", sid)["severity"] == "severe"
    assert _row(other.store, "screenings", sid)["severity"] == "mild"
    assert merge.open_conflict_count(store) == 1
    with pytest.raises(PermissionDenied):
        merge.resolve(store, nurse, c_h.id, "this", "x")
    with pytest.raises(ValidationError):
        merge.resolve(store, doctor, c_h.id, "this", "  ")
    merge.resolve(store, doctor, c_h.id[:8], "other", "R examined the patient today")
    assert _row(store, "screenings", sid)["severity"] == "mild"
    assert merge.open_conflict_count(store) == 0
    _travel(store, doctor, other.store, r_doctor)
    assert merge.open_conflict_count(other.store) == 0
    assert _row(other.store, "screenings", sid)["severity"] == "mild"
    _travel(other.store, r_doctor, store, doctor)
    assert merge.data_digests(store) == merge.data_digests(other.store)
    _, lines = merge.reconciliation(store, doctor, "R")
    assert lines and all(line.equal for line in lines)


def test_keeping_this_value_travels_as_the_decision(store, doctor, other, two):
    pid, r_doctor = two
    sid = edit_at_both(store, doctor, other, r_doctor, pid, "at H", "at R")
    _travel(store, doctor, other.store, r_doctor)
    _travel(other.store, r_doctor, store, doctor)
    [c] = merge.conflicts(store, doctor)
    merge.resolve(store, doctor, c.id, "this", "H's assessment stands")
    _travel(store, doctor, other.store, r_doctor)
    assert _row(other.store, "screenings", sid)["severity"] == "severe"
    assert merge.open_conflict_count(other.store) == 0
    # At R the change is H's doctor's decision, with its reason, in the audit trail.
    row = other.store.db.execute("SELECT username, reason, site FROM audit WHERE table_name = 'screenings' AND "
                                 "record_id = ? ORDER BY seq DESC LIMIT 1", [sid]).fetchone()
    assert row[0] == "doctor" and "H's assessment stands" in row[1] and row[2] == store.info.site_code


def test_a_rewritten_history_is_refused(store, doctor, other, two):
    _travel(store, doctor, other.store, other.admin)
    pid, _ = two
    sc.save_screening(store, doctor, pid, dataclasses.replace(ELIGIBLE, severity="severe"), JUDGED, today=TODAY,
                      reason="re-assessed")
    # Someone with the key rewrites H's chain from its 5th row on, with every hash recomputed.
    conn = store.db.conn
    conn.execute("DROP TRIGGER td_audit_append_only")
    rows = conn.execute("SELECT seq FROM audit WHERE seq >= 5 ORDER BY seq").fetchall()
    conn.execute("UPDATE audit SET reason = 'rewritten' WHERE seq = 5")
    from trialdesk.db import audit
    prev = conn.execute("SELECT hash FROM audit WHERE seq = 4").fetchone()[0]
    for (seq,) in rows:
        values = conn.execute(f"SELECT {', '.join(audit.HASHED_COLUMNS_V2)} FROM audit WHERE seq = ?", [seq]).fetchone()
        h = audit.row_hash(prev, values)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", [prev, h, seq])
        prev = h
    conn.commit()
    before = _snapshot(other.store)
    with pytest.raises(ValidationError, match="rewritten"):
        _travel(store, doctor, other.store, other.admin)
    assert _snapshot(other.store) == before
    assert [h["reason"] for h in merge.status(other.store, other.admin)[0].held] == ["rewritten"]


def test_a_nurse_may_not_receive_or_resolve(store, doctor, other, two, nurse):
    data = _send(store, doctor, other.store)
    with pytest.raises(PermissionDenied):
        merge.receive_bundle(store, nurse, data)


def test_history_names_the_person_and_site_of_an_imported_change(store, doctor, other, two):
    """R has its own "doctor"-free staff, but a local account with H's doctor's user name must not be taken for
    her: History at R names H's doctor by her account (received with the bundle) and the site the change was made."""
    from trialdesk.services import audit_reader

    pid, r_doctor = two
    auth.create_user(other.store, other.admin, username="doctor", full_name="Another Person", role=Role.NURSE,
                     password=PASSWORD, temporary=False)
    _travel(store, doctor, other.store, other.admin)
    assert other.store.db.execute("SELECT username FROM users WHERE id = ?", [doctor.id]).fetchone()[0] == \
        f"doctor@{store.info.site_code}"
    lines = audit_reader.lines(other.store, r_doctor, pid)
    assert lines and all(line.username == "doctor" for line in lines)
    assert all(line.who == f"{doctor.full_name} (doctor), site {store.info.site_code}" for line in lines)
    assert not any("Another Person" in line.who for line in lines)
    # At H the same lines name no site: they were made there.
    assert all(line.who == f"{doctor.full_name} (doctor)" for line in audit_reader.lines(store, doctor, pid))


def test_a_tampered_or_foreign_bundle_is_refused_with_the_store_unchanged(store, doctor, other, two, tmp_path):
    from tests.conftest import another_workstation
    from trialdesk.services import pairing

    data = bytearray(_send(store, doctor, other.store))
    damaged = bytes(data[:-40] + bytes([data[-40] ^ 1]) + data[-39:])
    third = another_workstation(tmp_path / "third", "S", "Sykehuset", "sadmin", "Siri Admin")
    try:
        _pair(third.store, third.admin, other.store, other.admin)
        from_revoked = _send(third.store, third.admin, other.store)
    finally:
        third.store.close()
    pairing.revoke(other.store, other.admin, "S", "workstation lost")
    before = _snapshot(other.store)
    with pytest.raises(ValidationError, match="cannot be decrypted"):
        merge.receive_bundle(other.store, other.admin, damaged)
    with pytest.raises(ValidationError, match="revoked"):
        merge.receive_bundle(other.store, other.admin, from_revoked)
    assert _snapshot(other.store) == before
    refused = other.store.db.execute("SELECT count(*) FROM audit WHERE action = 'EXCHANGE_BUNDLE_REFUSED'").fetchone()
    assert refused[0] == 2


def test_one_kit_number_used_at_two_workstations_is_a_duplicate(store, doctor, nurse, other, two):
    """H gives participant A kit KIT-000123; R, not yet knowing, gives participant B (enrolled at H, received
    by R) the same kit: a duplicate conflict on the kit number at both, nothing overwritten."""
    from tests.services.test_screening import sign
    from tests.services.test_visits import D1_DAY, administration, prepare_d1
    from trialdesk.services import visits as vs

    a, r_doctor = two
    sign(store, doctor, a)
    b = register(store, doctor, nth=1)
    consent(store, doctor, b)
    sc.save_screening(store, doctor, b, ELIGIBLE, JUDGED, today=TODAY)
    sign(store, doctor, b)
    _travel(store, doctor, other.store, other.admin)
    _travel(other.store, other.admin, store, doctor)
    r_nurse = auth.create_user(other.store, other.admin, username="rnurse", full_name="Rut Nurse", role=Role.NURSE,
                               password=PASSWORD, temporary=False)
    prepare_d1(store, nurse, a)
    assert vs.record_administration(store, nurse, a, "D1", administration(), now=D1_DAY) == "go"
    prepare_d1(other.store, r_nurse, b)
    assert vs.record_administration(other.store, r_nurse, b, "D1", administration(), now=D1_DAY) == "go"
    at_h = _travel(other.store, other.admin, store, doctor)
    assert at_h.conflicts == 1
    [c] = merge.conflicts(store, doctor)
    assert c.kind == "duplicate" and c.table == "administrations" and c.field == "kit_number"
    assert store.db.execute("SELECT count(*) FROM administrations").fetchone()[0] == 1  # H's, untouched
    _travel(store, doctor, other.store, other.admin)
    assert [x.id for x in merge.conflicts(other.store, r_doctor)] == [c.id]


def test_changed_here_and_deleted_there_is_a_conflict(store, doctor, other, two):
    pid, r_doctor = two
    _travel(store, doctor, other.store, other.admin)
    _travel(other.store, other.admin, store, doctor)
    jid = store.db.execute("SELECT id FROM screening_judgements WHERE criterion_id = 'I7'").fetchone()[0]
    with store.acting(auth.actor(doctor), "entered for the wrong criterion") as tx:
        tx.execute("DELETE FROM screening_judgements WHERE id = ?", [jid])
    sc.save_screening(other.store, r_doctor, pid, ELIGIBLE, {**JUDGED, "I7": sc.Judgement(True, "discussed again")},
                      today=TODAY, reason="note completed at R")
    at_r = _travel(store, doctor, other.store, r_doctor)
    [c] = merge.conflicts(other.store, r_doctor)
    assert at_r.conflicts == 1 and c.kind == "deleted_there" and c.record_id == jid
    assert other.store.db.execute("SELECT note FROM screening_judgements WHERE id = ?", [jid]).fetchone()[0] == \
        "discussed again"  # kept until someone decides
    merge.resolve(other.store, r_doctor, c.id, "other", "the criterion was entered by mistake")
    assert other.store.db.execute("SELECT count(*) FROM screening_judgements WHERE id = ?", [jid]).fetchone()[0] == 0


def test_an_entered_value_is_checked_as_the_field_requires(store, doctor, other, two):
    pid, r_doctor = two
    edit_at_both(store, doctor, other, r_doctor, pid)
    _travel(other.store, r_doctor, store, doctor)
    [c] = merge.conflicts(store, doctor)
    with pytest.raises(ValidationError, match="Choose one of") as err:
        merge.resolve(store, doctor, c.id, "entered", "agreed by phone", value="quite bad")
    assert err.value.field == "value" and merge.open_conflict_count(store) == 1
    merge.resolve(store, doctor, c.id, "entered", "agreed by phone", value="moderate")
    assert store.db.execute("SELECT severity FROM screenings WHERE id = ?", [c.record_id]).fetchone()[0] == "moderate"


def test_verify_passes_after_an_exchange_and_still_sees_a_forged_account(store, doctor, nurse, other, two):
    """The other site's staff kept by the import (inactive, their site) are not roles given by a non-administrator;
    an active "remote" account made by a nurse is."""
    from trialdesk.clock import new_id, utc_iso
    from trialdesk.services import workstation

    _travel(store, doctor, other.store, other.admin)
    _travel(other.store, other.admin, store, doctor)
    assert workstation.verify(store).ok and workstation.verify(other.store).ok
    now = utc_iso()
    with store.acting(auth.actor(nurse)) as tx:
        tx["users"].insert({"id": new_id(), "site": "Q", "created_at": now, "updated_at": now, "username": "ghost",
                            "full_name": "Ghost", "role": "investigator", "password_hash": "x", "active": 1,
                            "failed_logins": 0, "locked_until": None, "password_set_at": now})
    report = workstation.verify(store)
    assert not report.ok and any("made investigator" in line for line in report.security)
