"""Pairing workstations (issue 12): two real encrypted stores (sites H and R) paired both ways through the
services, refusals with nothing written, revoking, the trust check bundle import makes, permissions, the audit
trail (no private key in it), migration 7 on a store made at schema 6, and the pairing card."""

from __future__ import annotations

import base64
import json
import os
import stat

import pytest
from pypdf import PdfReader

from tests.conftest import ADMIN_PASSWORD, another_workstation
from trialdesk.db import migrations
from trialdesk.domain.people import Role
from trialdesk.errors import PermissionDenied, ValidationError
from trialdesk.exchange import identity as ident
from trialdesk.services import pairing, printing, workstation


@pytest.fixture
def other(tmp_path):
    """A second workstation (site R, the outpatient clinic), made the way conftest makes the first."""
    result = another_workstation(tmp_path / "other", "R", "Poliklinikken", "radmin", "Rita Admin")
    yield result
    result.store.close()


def _audit(store) -> list[tuple]:
    return store.db.execute("SELECT seq, action, table_name, old_values, new_values, reason FROM audit "
                            "ORDER BY seq").fetchall()


def _key_rows(store) -> int:
    return store.db.execute("SELECT count(*) FROM exchange_keys").fetchone()[0]


def _private_texts(store) -> list[str]:
    """This store's private key material in every form it is kept or could be shown."""
    seed, age = store.db.execute("SELECT signing_seed, age_identity FROM exchange_keys").fetchone()
    return [seed, age, base64.b64decode(seed).hex()]


def test_two_stores_pair_both_ways_after_comparing_fingerprints(store, admin, doctor, other):
    ours = pairing.own_identity(store, doctor)
    theirs = pairing.own_identity(other.store, other.admin)
    assert ours.fingerprint != theirs.fingerprint
    assert ours.identity.store_id == store.info.store_id and ours.identity.site_code == "H"
    assert ours.identity.study == theirs.identity.study == "KTS-11"
    # Each side types the fingerprint the other side's screen (or card) shows.
    at_h = pairing.pair(store, doctor, theirs.text, theirs.fingerprint.lower())
    at_r = pairing.pair(other.store, other.admin, ours.text, ours.fingerprint.replace(" ", ""))
    assert (at_h.store_id, at_h.site_code, at_h.site_name) == (other.store.info.store_id, "R", "Poliklinikken")
    assert (at_r.store_id, at_r.site_code) == (store.info.store_id, "H")
    assert at_h.fingerprint == theirs.fingerprint and at_r.fingerprint == ours.fingerprint
    assert at_h.paired_by == doctor.id and at_h.active
    assert [p.store_id for p in pairing.peers(store, admin)] == [other.store.info.store_id]
    assert pairing.trusted_peer(store, theirs.identity.store_id, theirs.identity.signing_key) == at_h
    assert pairing.trusted_peer(other.store, ours.identity.store_id, ours.identity.signing_key) == at_r
    # The identity is stable: the same keys, the same fingerprint, at every call.
    assert pairing.own_identity(store, admin).fingerprint == ours.fingerprint
    # Pairing again with the same file changes nothing.
    before = len(_audit(store))
    assert pairing.pair(store, admin, theirs.text, theirs.fingerprint) == at_h
    assert len(_audit(store)) == before
    assert workstation.verify(store).ok and workstation.verify(other.store).ok


def test_a_wrong_fingerprint_is_refused_with_nothing_written(store, admin, other):
    theirs = pairing.own_identity(other.store, other.admin)
    ours = pairing.own_identity(store, admin)  # our keys exist: only the refusal is looked at
    wrong = ours.fingerprint  # a real fingerprint, but not the file's
    before = _audit(store)
    with pytest.raises(ValidationError, match="does not match the identity file") as refused:
        pairing.pair(store, admin, theirs.text, wrong)
    assert refused.value.field == "fingerprint"
    with pytest.raises(ValidationError, match="32 hexadecimal digits"):
        pairing.pair(store, admin, theirs.text, "1234")
    assert _audit(store) == before
    assert pairing.peers(store, admin) == []


def test_a_file_altered_on_the_way_is_refused(store, admin, other):
    theirs = pairing.own_identity(other.store, other.admin)
    document = json.loads(theirs.text)
    document["age_recipient"] = ident.generate_keys().age_recipient  # an attacker's encryption key
    with pytest.raises(ValidationError, match="signature does not match"):
        pairing.pair(store, admin, json.dumps(document), theirs.fingerprint)
    assert pairing.peers(store, admin) == []


def test_own_identity_another_study_and_our_site_code_are_refused(store, admin, tmp_path):
    ours = pairing.own_identity(store, admin)
    with pytest.raises(ValidationError, match="own identity"):
        pairing.pair(store, admin, ours.text, ours.fingerprint)
    for code, study, message in (("R", "KTS-12", "belongs to the study KTS-12"), ("H", "KTS-11", "site code H")):
        keys = ident.generate_keys()
        made = ident.Identity(store_id="ab" * 16, site_code=code, site_name="Elsewhere", study=study,
                              signing_key=keys.signing_key, age_recipient=keys.age_recipient,
                              created_at="2026-11-26T10:00:00.000000Z")
        with pytest.raises(ValidationError, match=message):
            pairing.pair(store, admin, ident.identity_text(made, keys), made.fingerprint)
    assert pairing.peers(store, admin) == []


def test_an_already_paired_store_with_other_keys_is_refused(store, admin, other):
    theirs = pairing.own_identity(other.store, other.admin)
    pairing.pair(store, admin, theirs.text, theirs.fingerprint)
    keys = ident.generate_keys()
    impostor = ident.Identity(**{**theirs.identity.__dict__, "signing_key": keys.signing_key,
                                 "age_recipient": keys.age_recipient})
    with pytest.raises(ValidationError, match="already paired with other keys"):
        pairing.pair(store, admin, ident.identity_text(impostor, keys), impostor.fingerprint)
    [peer] = pairing.peers(store, admin)
    assert peer.signing_key == theirs.identity.signing_key
    # Another store (other id) of the same site code while R is paired: refused too.
    second = ident.Identity(**{**impostor.__dict__, "store_id": "cd" * 16})
    with pytest.raises(ValidationError, match="site R is already paired"):
        pairing.pair(store, admin, ident.identity_text(second, keys), second.fingerprint)


def test_revoke_then_the_sender_is_refused(store, admin, doctor, other):
    theirs = pairing.own_identity(other.store, other.admin)
    peer = pairing.pair(store, admin, theirs.text, theirs.fingerprint)
    with pytest.raises(ValidationError, match="reason"):
        pairing.revoke(store, doctor, "R", "  ")
    revoked = pairing.revoke(store, doctor, "r", "workstation lost")  # by site code, any case
    assert not revoked.active and revoked.revoked_by == doctor.id and revoked.revoke_reason == "workstation lost"
    with pytest.raises(ValidationError, match="was revoked on"):
        pairing.trusted_peer(store, peer.store_id, peer.signing_key)
    with pytest.raises(ValidationError, match="already revoked"):
        pairing.revoke(store, admin, peer.store_id, "again")
    with pytest.raises(ValidationError, match="not paired again"):
        pairing.pair(store, admin, theirs.text, theirs.fingerprint)
    assert [p.active for p in pairing.peers(store, admin)] == [False]  # kept, marked revoked
    with pytest.raises(ValidationError, match="No paired workstation X"):
        pairing.revoke(store, admin, "X", "no such")


def test_trusted_peer_refuses_unknown_senders_and_other_keys(store, admin, other):
    theirs = pairing.own_identity(other.store, other.admin)
    with pytest.raises(ValidationError, match="is not paired with this workstation"):
        pairing.trusted_peer(store, theirs.identity.store_id, theirs.identity.signing_key)
    pairing.pair(store, admin, theirs.text, theirs.fingerprint)
    with pytest.raises(ValidationError, match="signs with another key"):
        pairing.trusted_peer(store, theirs.identity.store_id, ident.generate_keys().signing_key)
    assert pairing.trusted_peer(store, theirs.identity.store_id, theirs.identity.signing_key).site_code == "R"


@pytest.mark.parametrize("role", [Role.NURSE, Role.MONITOR])
def test_nurses_and_monitors_may_not_pair(store, users, other, role):
    theirs = pairing.own_identity(other.store, other.admin)
    user = users[role]
    for call in (lambda: pairing.own_identity(store, user), lambda: pairing.peers(store, user),
                 lambda: pairing.pair(store, user, theirs.text, theirs.fingerprint),
                 lambda: pairing.revoke(store, user, "R", "why"), lambda: printing.pairing_card(store, user)):
        with pytest.raises(PermissionDenied, match="may not pair or revoke workstations"):
            call()
    assert _key_rows(store) == 0  # not even the keys were made


def test_audit_rows_for_pair_and_revoke_hold_no_private_key(store, admin, other):
    ours = pairing.own_identity(store, admin)
    theirs = pairing.own_identity(other.store, other.admin)
    peer = pairing.pair(store, admin, theirs.text, theirs.fingerprint)
    pairing.revoke(store, admin, peer.store_id, "workstation lost")
    rows = _audit(store)
    inserts = [r for r in rows if r[1] == "INSERT" and r[2] == "peers"]
    updates = [r for r in rows if r[1] == "UPDATE" and r[2] == "peers"]
    assert len(inserts) == 1 and theirs.fingerprint in inserts[0][4] and ours.fingerprint not in inserts[0][4]
    assert "comparing fingerprint" in inserts[0][5]
    assert len(updates) == 1 and updates[0][5] == "workstation lost"
    assert json.loads(updates[0][4])["revoked_by"] == admin.id
    made = [r for r in rows if r[1] == "EXCHANGE_KEYS_MADE"]
    assert len(made) == 1 and ours.fingerprint in made[0][4]
    assert any(r[1] == "EXCHANGE_IDENTITY" for r in rows)
    assert not [r for r in rows if r[2] == "exchange_keys"]
    dump = "\n".join(str(r) for r in store.db.execute("SELECT * FROM audit"))
    for secret in _private_texts(store):
        assert secret not in dump
    assert "AGE-SECRET-KEY" not in dump
    assert workstation.verify(store).ok


def test_the_keys_are_made_once_and_never_changed(store, admin):
    from trialdesk.db.driver import DRIVER

    assert _key_rows(store) == 0
    first = pairing.own_identity(store, admin)
    assert _key_rows(store) == 1
    assert pairing.own_identity(store, admin).identity == first.identity
    for sql in ("UPDATE exchange_keys SET age_identity = 'x'", "DELETE FROM exchange_keys"):
        with pytest.raises(DRIVER.DatabaseError, match="never changed"):
            with store.db.atomic():
                store.db.execute(sql)
    assert _key_rows(store) == 1


def test_migration_7_on_a_store_made_at_schema_6_makes_keys_on_first_use(tmp_path, monkeypatch, other):
    from trialdesk.db.connection import open_store
    from trialdesk.db.keystore import load_key
    from trialdesk.services import auth

    assert dict(migrations.MIGRATIONS)[7] is migrations.m007_exchange_pairing
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:6])
    monkeypatch.setattr(migrations, "LATEST", 6)
    setup = workstation.setup_workstation(tmp_path / "old", site_code="H", site_name="Haukeland",
                                          admin_username="admin", admin_full_name="Ada Admin",
                                          admin_password=ADMIN_PASSWORD, recovery_sheet=tmp_path / "r.pdf")
    tables = {r[0] for r in setup.store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "peers" not in tables and "exchange_keys" not in tables
    setup.store.close()
    monkeypatch.undo()
    store = open_store(tmp_path / "old", load_key(setup.store.info.store_id))
    try:
        assert migrations.current_version(store.db) == migrations.LATEST
        assert "peers" in migrations.audited_tables(store.db)
        assert _key_rows(store) == 0
        admin = auth.login(store, "admin", ADMIN_PASSWORD)
        ours = pairing.own_identity(store, admin)
        assert _key_rows(store) == 1
        theirs = pairing.own_identity(other.store, other.admin)
        assert pairing.pair(store, admin, theirs.text, theirs.fingerprint).site_code == "R"
        assert pairing.pair(other.store, other.admin, ours.text, ours.fingerprint).site_code == "H"
        assert workstation.verify(store).ok
    finally:
        store.close()


def test_the_pairing_card_shows_both_fingerprints(store, admin, other, tmp_path):
    ours = pairing.own_identity(store, admin)
    theirs = pairing.own_identity(other.store, other.admin)
    peer = pairing.pair(store, admin, theirs.text, theirs.fingerprint)
    path = tmp_path / "card.pdf"
    pairing.save_owner_only(path, printing.pairing_card(store, admin, "R"))
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert ours.fingerprint in text and theirs.fingerprint in text
    assert store.info.store_id in text and peer.store_id in text and "Haukeland (H)" in text
    assert "Poliklinikken (R)" in text and "KTS-11" in text and "Signature" in text
    alone = " ".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(
        printing.pairing_card(store, admin, language="nb"))).pages)
    assert ours.fingerprint in alone and theirs.fingerprint not in alone
    prints = [json.loads(r[4]) for r in _audit(store) if r[1] == "PRINT"]
    assert [p["document"] for p in prints] == ["pairing_card", "pairing_card"]
    with pytest.raises(Exception, match="already exists"):
        pairing.save_owner_only(path, b"again")
    assert PdfReader(path).pages  # untouched
