"""A workstation's exchange identity (trialdesk.exchange.identity): keys, identity file, fingerprint, and the
sign / encrypt helpers bundles will use. Synthetic stores only (no store is opened here)."""

from __future__ import annotations

import base64
import json

import pytest

from trialdesk.errors import ValidationError
from trialdesk.exchange import identity as ident
from trialdesk.exchange.identity import Identity

STORE_ID = "0123456789abcdef0123456789abcdef"


def _identity(keys, **changes) -> Identity:
    values = dict(store_id=STORE_ID, site_code="R", site_name="Poliklinikken", study="KTS-11",
                  signing_key=keys.signing_key, age_recipient=keys.age_recipient,
                  created_at="2026-11-26T10:00:00.000000Z")
    values.update(changes)
    return Identity(**values)


@pytest.fixture(scope="module")
def keys():
    return ident.generate_keys()


def test_the_identity_file_reads_back_as_written(keys):
    made = _identity(keys)
    text = ident.identity_text(made, keys)
    read = ident.parse_identity(text)
    assert read == made
    assert read.fingerprint == made.fingerprint
    assert ident.parse_identity(text.encode("utf-8")) == made
    document = json.loads(text)
    assert document["format"] == ident.FORMAT
    # Public parts only: no private half of either key.
    assert keys.age_identity not in text and "AGE-SECRET-KEY" not in text
    assert base64.b64encode(keys.signing_seed).decode() not in text
    assert keys.age_identity not in repr(keys)


def test_the_fingerprint_is_stable_readable_and_covers_every_public_part(keys):
    made = _identity(keys)
    shown = made.fingerprint
    groups = shown.split(" ")
    assert len(groups) == 8 and all(len(g) == 4 and set(g) <= set("0123456789ABCDEF") for g in groups)
    assert _identity(keys).fingerprint == shown  # the same identity, the same fingerprint
    # A known value: the canonical JSON is part of the format (a change breaks every printed card).
    fixed = Identity(store_id=STORE_ID, site_code="R", site_name="Poliklinikken", study="KTS-11",
                     signing_key=base64.b64encode(bytes(32)).decode(), age_recipient="age1example",
                     created_at="2026-11-26T10:00:00.000000Z")
    import hashlib

    digest = hashlib.sha256(ident.canonical(fixed.document())).hexdigest()[:32].upper()
    assert fixed.fingerprint.replace(" ", "") == digest
    assert ident.canonical({"b": 1, "a": "ø"}) == '{"a":"ø","b":1}'.encode("utf-8")
    for field, value in (("store_id", "f" * 32), ("site_code", "H"), ("site_name", "Haukeland"), ("study", "KTS-12"),
                         ("created_at", "2026-11-26T10:00:01.000000Z")):
        assert _identity(keys, **{field: value}).fingerprint != shown, field
    other = ident.generate_keys()
    assert _identity(keys, signing_key=other.signing_key).fingerprint != shown
    assert _identity(keys, age_recipient=other.age_recipient).fingerprint != shown


def test_typed_fingerprints_are_compared_whatever_their_spacing_or_case(keys):
    made = _identity(keys)
    typed = made.fingerprint.lower().replace(" ", "-")
    assert ident.normalise_fingerprint(typed) == made.fingerprint
    assert ident.fingerprint_matches(made, made.fingerprint.replace(" ", ""))
    wrong = ("0000" if not made.fingerprint.startswith("0000") else "1111") + made.fingerprint[4:]
    assert not ident.fingerprint_matches(made, wrong)
    for bad in ("", "3F2A", made.fingerprint + " 0000", "ZZZZ" + made.fingerprint[4:]):
        with pytest.raises(ValidationError, match="32 hexadecimal digits"):
            ident.normalise_fingerprint(bad)


def _tampered(text: str, **changes) -> str:
    document = json.loads(text)
    for key, value in changes.items():
        if value is None:
            document.pop(key)
        else:
            document[key] = value
    return json.dumps(document)


@pytest.mark.parametrize("changes, message", [
    ({"site_name": "Elsewhere"}, "signature does not match"),
    ({"study": "OTHER"}, "signature does not match"),
    ({"format": "trialdesk-identity/9"}, "unknown format trialdesk-identity/9"),
    ({"format": None}, "names no format"),
    ({"age_recipient": None}, "lacks age_recipient"),
    ({"signature": None, "store_id": None}, "lacks store_id, signature"),
    ({"extra": "x"}, "does not know: extra"),
    ({"signing_key": "not base64!"}, "not an Ed25519 public key"),
    ({"signing_key": base64.b64encode(bytes(31)).decode()}, "not an Ed25519 public key"),
    ({"age_recipient": "age1notarecipient"}, "not an age recipient"),
    ({"site_code": "HR"}, "not one capital letter"),
    ({"store_id": "KTS11-H-001"}, "not a TrialDesk store id"),
    ({"created_at": "yesterday"}, "not a UTC time"),
    ({"created_at": "2026-11-26T10:00:00+01:00"}, "not a UTC time"),
    ({"signature": base64.b64encode(bytes(64)).decode()}, "signature does not match"),
])
def test_tampered_or_unknown_identity_files_are_refused(keys, changes, message):
    text = ident.identity_text(_identity(keys), keys)
    with pytest.raises(ValidationError, match=message):
        ident.parse_identity(_tampered(text, **changes))


def test_keys_swapped_in_from_another_store_are_refused(keys):
    """An attacker's keys in an otherwise genuine file: the self-signature (by the genuine key) no longer holds."""
    text = ident.identity_text(_identity(keys), keys)
    other = ident.generate_keys()
    for field, value in (("signing_key", other.signing_key), ("age_recipient", other.age_recipient)):
        with pytest.raises(ValidationError, match="signature does not match"):
            ident.parse_identity(_tampered(text, **{field: value}))


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe not text", "not text"), ("[1, 2]", "names no format"), ("{", "not JSON"),
    ("x" * (ident.MAX_BYTES + 1), "far too large"),
])
def test_files_that_are_no_identity_at_all_are_refused(content, message):
    with pytest.raises(ValidationError, match=message):
        ident.parse_identity(content)


def test_sign_and_verify(keys):
    signature = ident.sign(keys, b"bundle bytes")
    assert len(signature) == 64
    assert ident.verify(keys.signing_key, b"bundle bytes", signature)
    assert not ident.verify(keys.signing_key, b"bundle bytez", signature)
    assert not ident.verify(ident.generate_keys().signing_key, b"bundle bytes", signature)
    assert not ident.verify("not a key", b"bundle bytes", signature)
    assert not ident.verify(keys.signing_key, b"bundle bytes", signature[:-1])


def test_encrypt_and_decrypt(keys):
    other = ident.generate_keys()
    sealed = ident.encrypt(b"synthetic bundle", [keys.age_recipient])
    assert b"synthetic bundle" not in sealed
    assert ident.decrypt(sealed, keys) == b"synthetic bundle"
    with pytest.raises(ValidationError, match="made for another workstation"):
        ident.decrypt(sealed, other)
    flipped = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(ValidationError, match="altered or damaged"):
        ident.decrypt(flipped, keys)
    both = ident.encrypt(b"to two", [keys.age_recipient, other.age_recipient])
    assert ident.decrypt(both, keys) == ident.decrypt(both, other) == b"to two"
    with pytest.raises(ValueError):
        ident.encrypt(b"x", [])
