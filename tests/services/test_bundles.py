"""Site bundles as files (issue 12, point 2) between real encrypted stores (sites H, R and a third, S): the round
trip, what travels, the manifest checked against the origin's audit table, every changed byte detected, bundles
from unpaired, revoked or impostor stores refused, a manifest that lies refused, sending twice without an
acknowledgement, the file's mode, permissions, the audit of a send, migration 9."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json

import pytest

from tests.conftest import another_workstation, file_mode
from tests.services.test_pairing import other  # noqa: F401  (the fixture: a second workstation, site R)
from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register
from trialdesk.db import merge as merge_repo
from trialdesk.db import migrations
from trialdesk.errors import PermissionDenied, TrialDeskError, ValidationError
from trialdesk.exchange import bundle as fmt
from trialdesk.exchange import identity as ident
from trialdesk.services import bundles, pairing, workstation
from trialdesk.services import screening as sc

ROW_ACTIONS = ("INSERT", "UPDATE", "DELETE")
# This workstation's own: whom it trusts, its staff accounts, its security settings.
LOCAL = ("peers", "users", "settings")


@pytest.fixture
def third(tmp_path):
    """A third workstation, site S, paired with nobody."""
    result = another_workstation(tmp_path / "third", "S", "Sykehuset", "sadmin", "Siri Admin")
    yield result
    result.store.close()


def _pair(a, a_user, b, b_user) -> None:
    """Pair ``a`` and ``b`` both ways (each side typing the other's fingerprint)."""
    ours, theirs = pairing.own_identity(a, a_user), pairing.own_identity(b, b_user)
    pairing.pair(a, a_user, theirs.text, theirs.fingerprint)
    pairing.pair(b, b_user, ours.text, ours.fingerprint)


@pytest.fixture
def paired(store, doctor, other):
    """H (this store, with a participant registered, consented and screened) and R, paired both ways."""
    _pair(store, doctor, other.store, other.admin)
    pid = register(store, doctor)
    consent(store, doctor, pid)
    sc.save_screening(store, doctor, pid, ELIGIBLE, JUDGED, today=TODAY)
    return pid


def _audit_rows(store, where: str = "1", params=()) -> list[dict]:
    """Audit rows of ``store`` as dicts of the bundle's event columns (read here, independently of db/bundles)."""
    cursor = store.db.execute(f"SELECT {', '.join(fmt.EVENT_COLUMNS)} FROM audit WHERE {where} ORDER BY seq",
                              list(params))
    return [dict(zip(fmt.EVENT_COLUMNS, row)) for row in cursor.fetchall()]


def _travelling(store) -> list[dict]:
    return [r for r in _audit_rows(store) if r["action"] in ROW_ACTIONS and r["table_name"] not in LOCAL]


def _read(data: bytes, at, user, trust=None):
    keys = pairing.own_keys(at, user)
    return fmt.read_bundle(data, keys, recipient_store_id=at.info.store_id,
                           trust=trust or (lambda store_id, key: pairing.trusted_peer(at, store_id, key)))


def _seal(inner: dict, recipient_age: str) -> bytes:
    """A bundle file around ``inner`` as the format makes it (for forgeries the writer would refuse to make)."""
    payload = ident.encrypt(gzip.compress(ident.canonical(inner), mtime=0), [recipient_age])
    return fmt.MAGIC + fmt.FORMAT_VERSION.to_bytes(2, "big") + len(payload).to_bytes(8, "big") + payload


def _signed(manifest: dict, events: list[dict], keys, links=()) -> dict:
    signature = ident.sign(keys, fmt.SIGNATURE_CONTEXT + ident.canonical(manifest))
    return {"manifest": manifest, "events": events, "links": [list(x) for x in links], "bases": {},
            "signature": base64.b64encode(signature).decode("ascii")}


# --- the round trip ------------------------------------------------------------------------------------------

def test_round_trip_between_two_paired_stores(store, doctor, other, paired, tmp_path):
    out = tmp_path / "h-to-r.tdbundle"
    sent = bundles.send_bundle(store, doctor, "R", out)
    data = out.read_bytes()
    assert sent.sha256 == hashlib.sha256(data).hexdigest() and sent.size == len(data)
    # Outside: only the format and the size. No study id, name, store id or key in the clear.
    assert data.startswith(fmt.MAGIC)
    study_id = store.db.execute("SELECT study_id FROM participants").fetchone()[0]
    for secret in (study_id, "Testperson", store.info.store_id, other.store.info.store_id, "KTS-11",
                   pairing.own_identity(store, doctor, audit=False).identity.signing_key):
        assert secret.encode() not in data
    found = bundles.inspect_bundle(other.store, other.admin, data)
    assert found.sha256 == sent.sha256
    assert found.manifest.origin_store_id == store.info.store_id and found.manifest.origin_site == "H"
    assert found.manifest.recipient_store_id == other.store.info.store_id
    assert found.manifest.schema_version == migrations.LATEST >= 10
    assert found.manifest.protocol_version == sc.protocol().version
    assert list(found.events) == _travelling(store)[:len(found.events)]
    assert workstation.verify(store).ok and workstation.verify(other.store).ok


def test_the_manifest_is_true_of_the_origins_audit_table(store, doctor, other, paired, tmp_path):
    sent = bundles.send_bundle(store, doctor, "R", tmp_path / "b")
    found = bundles.inspect_bundle(other.store, other.admin, (tmp_path / "b").read_bytes())
    m = found.manifest
    [sent_event] = _audit_rows(store, "action = 'EXCHANGE_BUNDLE_SENT'")
    expected = [r for r in _travelling(store) if r["seq"] < sent_event["seq"]]
    assert list(found.events) == expected and m.event_count == len(expected) > 10
    assert m.ranges == [{"store_id": store.info.store_id, "site": "H", "first_seq": expected[0]["seq"],
                         "last_seq": expected[-1]["seq"], "events": len(expected)}]
    # The chain head is the origin's last audit row when the bundle was made: the one before the send's event.
    [head] = _audit_rows(store, "seq = ?", [sent_event["seq"] - 1])
    assert m.chain_head == {"seq": head["seq"], "hash": head["hash"]}
    counts = dict(store.db.execute(
        "SELECT table_name, count(*) FROM audit WHERE action IN ('INSERT','UPDATE','DELETE') AND table_name NOT IN "
        "('peers', 'users', 'settings') AND seq < ? GROUP BY table_name", [sent_event["seq"]]).fetchall())
    assert m.counts == counts and {"participants", "identities", "consents", "screenings"} <= set(counts)
    assert not set(LOCAL) & set(m.counts)
    # Per participant: SHA-256 over the canonical JSON of its events, in seq order.
    [pid] = m.participants
    assert pid == paired
    own = [r for r in expected if r["subject_id"] == pid]
    canonical = json.dumps(own, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert m.participants[pid] == {"events": len(own), "sha256": hashlib.sha256(canonical).hexdigest()}
    assert sent.manifest.document == m.document


def test_only_row_changes_made_here_travel(store, doctor, other, paired, tmp_path):
    store.log_event("LOGIN", None, username="typed-a-password-here")  # a sign-in: this workstation's own log
    found = _read(bundles.make_bundle(store, doctor, "R")[0], other.store, other.admin)
    assert {e["action"] for e in found.events} <= set(ROW_ACTIONS)
    assert {e["site"] for e in found.events} == {"H"}
    assert not [e for e in found.events if e["table_name"] in ("peers", "exchange_keys")]
    assert "typed-a-password-here" not in json.dumps(list(found.events))
    assert _audit_rows(store, "table_name = 'peers'")  # pairing was audited, and stayed here


def test_a_third_store_cannot_read_it(store, doctor, other, paired, third):
    data, _, _ = bundles.make_bundle(store, doctor, "R")
    with pytest.raises(ValidationError, match="cannot be decrypted with this workstation's key"):
        bundles.inspect_bundle(third.store, third.admin, data)


# --- any change detected -------------------------------------------------------------------------------------

def test_every_single_byte_flip_is_detected(store, doctor, other, paired):
    data, _, _ = bundles.make_bundle(store, doctor, "R")
    assert _read(data, other.store, other.admin)  # the untouched file reads
    keys = pairing.own_keys(other.store, other.admin)
    trust = lambda store_id, key: pairing.trusted_peer(other.store, store_id, key)  # noqa: E731
    # Every byte of the header and of the age header, then every 7th byte of the rest, and the last ones.
    positions = sorted(set(range(min(len(data), 400))) | set(range(400, len(data), 7)) |
                       set(range(max(0, len(data) - 40), len(data))))
    undetected = []
    for pos in positions:
        for flip in (0x01, 0x80):
            changed = bytearray(data)
            changed[pos] ^= flip
            try:
                fmt.read_bundle(bytes(changed), keys, recipient_store_id=other.store.info.store_id, trust=trust)
            except ValidationError:
                continue
            undetected.append((pos, flip))
    assert not undetected
    # Truncated or lengthened, the file is refused too.
    for bad, message in ((data[:-1], "truncated"), (data[:10], "truncated"), (data + b"\0", "bytes more"),
                         (b"PK\3\4" + data, "not a TrialDesk bundle"), (b"", "not a TrialDesk bundle")):
        with pytest.raises(ValidationError, match=message):
            fmt.read_bundle(bad, keys, recipient_store_id=other.store.info.store_id, trust=trust)


def test_header_errors_are_named(store, doctor, other, paired):
    data, _, _ = bundles.make_bundle(store, doctor, "R")
    v2 = data[:8] + (2).to_bytes(2, "big") + data[10:]
    with pytest.raises(ValidationError, match="unknown format version 2"):
        _read(v2, other.store, other.admin)
    with pytest.raises(ValidationError, match="it does not begin as one"):
        _read(b"TDBUNDLX" + data[8:], other.store, other.admin)


# --- who sent it ---------------------------------------------------------------------------------------------

def test_a_bundle_from_an_unpaired_store_is_refused(other, third):
    # S knows R (it has R's identity), but R never paired with S.
    theirs = pairing.own_identity(other.store, other.admin)
    pairing.pair(third.store, third.admin, theirs.text, theirs.fingerprint)
    data, _, _ = bundles.make_bundle(third.store, third.admin, "R")
    with pytest.raises(ValidationError, match="is not paired with this workstation"):
        bundles.inspect_bundle(other.store, other.admin, data)


def test_a_bundle_from_a_revoked_store_is_refused(store, doctor, other, paired):
    data, _, _ = bundles.make_bundle(store, doctor, "R")
    pairing.revoke(other.store, other.admin, "H", "workstation lost")
    with pytest.raises(ValidationError, match="was revoked on"):
        bundles.inspect_bundle(other.store, other.admin, data)
    refused = other.store.db.execute("SELECT new_values FROM audit WHERE action = 'EXCHANGE_BUNDLE_INSPECTED'")
    [detail] = [json.loads(r[0]) for r in refused.fetchall()]
    assert detail["outcome"] == "refused" and detail["sha256"] == hashlib.sha256(data).hexdigest()


def test_an_impostor_and_a_bad_signature_are_refused(store, doctor, other, paired):
    data, manifest, peer = bundles.make_bundle(store, doctor, "R")
    events = list(_read(data, other.store, other.admin).events)
    impostor = ident.generate_keys()
    # Claims to be H but names (and signs with) another key: the trust check refuses it.
    claimed = {**manifest, "origin_signing_key": impostor.signing_key}
    with pytest.raises(ValidationError, match="signs with another key"):
        _read(_seal(_signed(claimed, events, impostor), peer.age_recipient), other.store, other.admin)
    # Names H's key, but the signature is another key's.
    with pytest.raises(ValidationError, match="signature is not the signature of store"):
        _read(_seal(_signed(manifest, events, impostor), peer.age_recipient), other.store, other.admin)
    # H's real signature over a manifest that differs from the one sent (one more event claimed).
    genuine = json.loads(gzip.decompress(ident.decrypt(data[fmt.HEADER_SIZE:],
                                                       pairing.own_keys(other.store, other.admin))))
    genuine["manifest"] = {**genuine["manifest"], "event_count": genuine["manifest"]["event_count"] + 1}
    with pytest.raises(ValidationError, match="signature is not the signature of store"):
        _read(_seal(genuine, peer.age_recipient), other.store, other.admin)


def test_a_bundle_signed_for_another_store_is_refused(store, doctor, other, paired, third):
    """R re-encrypts H's signed bundle to S: S (which trusts H here) sees it was addressed to R."""
    data, _, _ = bundles.make_bundle(store, doctor, "R")
    inner = json.loads(gzip.decompress(ident.decrypt(data[fmt.HEADER_SIZE:],
                                                     pairing.own_keys(other.store, other.admin))))
    s_recipient = pairing.own_identity(third.store, third.admin, audit=False).identity.age_recipient
    forwarded = _seal(inner, s_recipient)
    with pytest.raises(ValidationError, match="is addressed to store .*not to this workstation"):
        _read(forwarded, third.store, third.admin, trust=lambda store_id, key: None)


@pytest.mark.parametrize("lie, message", [
    (lambda m: m["counts"].update(participants=m["counts"]["participants"] + 1), "counts per record type"),
    (lambda m: m["ranges"][0].update(first_seq=m["ranges"][0]["first_seq"] - 1), "event range"),
    (lambda m: next(iter(m["participants"].values())).update(sha256="0" * 64), "participants' digests"),
    (lambda m: m.update(chain_head={"seq": 1, "hash": "x"}), "audit-chain head"),
], ids=["counts", "range", "digest", "head"])
def test_a_signed_manifest_that_lies_about_its_events_is_refused(store, doctor, other, paired, lie, message):
    _, manifest, peer = bundles.make_bundle(store, doctor, "R")
    events = _travelling(store)
    events = [e for e in events if e["seq"] <= manifest["ranges"][0]["last_seq"]]
    manifest = json.loads(json.dumps(manifest))
    links = [x for x in merge_repo.chain_links(store.db, 0) if x[0] <= manifest["chain_head"]["seq"]]
    lie(manifest)
    keys = pairing.own_keys(store, doctor)
    data = fmt.write_bundle(manifest, events, keys, peer.age_recipient, links)
    with pytest.raises(ValidationError, match=f"does not match its events \\(the {message}"):
        _read(data, other.store, other.admin)


# --- sending -------------------------------------------------------------------------------------------------

def test_sending_twice_without_acknowledgement_sends_the_same_events(store, doctor, other, paired, tmp_path):
    first = bundles.send_bundle(store, doctor, "R", tmp_path / "1")
    second = bundles.send_bundle(store, doctor, other.store.info.store_id, tmp_path / "2")
    a = bundles.inspect_bundle(other.store, other.admin, (tmp_path / "1").read_bytes())
    b = bundles.inspect_bundle(other.store, other.admin, (tmp_path / "2").read_bytes())
    assert a.events == b.events and first.manifest.ranges == second.manifest.ranges
    assert first.sha256 != second.sha256  # a new file each time (new encryption, later chain head)
    assert b.manifest.chain_head["seq"] > a.manifest.chain_head["seq"]
    register(store, doctor, nth=1)  # a change after: the next bundle has it as well as the old ones
    third_send = bundles.send_bundle(store, doctor, "R", tmp_path / "3")
    c = bundles.inspect_bundle(other.store, other.admin, (tmp_path / "3").read_bytes())
    assert c.events[:len(a.events)] == a.events and len(c.events) > len(a.events)
    assert len(c.manifest.participants) == 2 and third_send.manifest.ranges[0]["first_seq"] == a.events[0]["seq"]
    state = store.db.execute("SELECT last_sent_seq, acked_seq FROM peer_sync").fetchall()
    assert state == [(c.events[-1]["seq"], 0)]


def test_the_send_is_audited_without_clinical_values(store, doctor, other, paired, tmp_path):
    sent = bundles.send_bundle(store, doctor, "R", tmp_path / "b")
    [row] = store.db.execute("SELECT user_id, new_values FROM audit WHERE action = 'EXCHANGE_BUNDLE_SENT'").fetchall()
    detail = json.loads(row[1])
    assert row[0] == doctor.id
    assert detail["sha256"] == sent.sha256 and detail["peer_store_id"] == other.store.info.store_id
    assert (detail["first_seq"], detail["last_seq"]) == (sent.manifest.ranges[0]["first_seq"],
                                                         sent.manifest.ranges[0]["last_seq"])
    assert detail["counts"] == sent.manifest.counts and detail["events"] == sent.manifest.event_count
    study_id = store.db.execute("SELECT study_id FROM participants").fetchone()[0]
    assert study_id not in row[1] and "Testperson" not in row[1] and paired not in row[1]


def test_the_file_is_its_owners_only_and_never_overwritten(store, doctor, other, paired, tmp_path,
                                                           permissive_umask):
    out = tmp_path / "b"
    bundles.send_bundle(store, doctor, "R", out)
    assert file_mode(out) == 0o600
    before = out.read_bytes()
    sends = store.db.execute("SELECT count(*) FROM audit WHERE action = 'EXCHANGE_BUNDLE_SENT'").fetchone()[0]
    with pytest.raises(TrialDeskError, match="already exists"):
        bundles.send_bundle(store, doctor, "R", out)
    assert out.read_bytes() == before
    assert store.db.execute("SELECT count(*) FROM audit WHERE action = 'EXCHANGE_BUNDLE_SENT'").fetchone()[0] == sends


def test_a_nurse_may_not_send_or_inspect(store, doctor, nurse, other, paired, tmp_path):
    data, _, _ = bundles.make_bundle(store, doctor, "R")
    with pytest.raises(PermissionDenied):
        bundles.send_bundle(store, nurse, "R", tmp_path / "b")
    with pytest.raises(PermissionDenied):
        bundles.inspect_bundle(store, nurse, data)
    assert not (tmp_path / "b").exists()


def test_nothing_is_sent_to_a_revoked_or_unknown_peer(store, doctor, other, paired, tmp_path):
    with pytest.raises(ValidationError, match="No paired workstation Q"):
        bundles.send_bundle(store, doctor, "Q", tmp_path / "b")
    pairing.revoke(store, doctor, "R", "workstation lost")
    with pytest.raises(ValidationError, match="nothing is sent to it"):
        bundles.send_bundle(store, doctor, "R", tmp_path / "b")
    assert not (tmp_path / "b").exists()


def test_migrations_9_and_10_keep_the_exchange_state_out_of_the_audit_trail(store):
    assert migrations.LATEST >= 10
    assert not {"peer_sync", "origin_state", "held_bundles", "exchange_conflicts"} & set(
        migrations.audited_tables(store.db))
    assert "conflict_resolutions" in migrations.audited_tables(store.db)
    assert workstation.verify(store).ok
