"""A workstation's exchange identity (issue 12, point 1): its keys, its public identity file, its fingerprint.

Each store has an Ed25519 signing key (PyNaCl) and an age X25519 identity (pyrage). What a store shows the
world is its *public identity*: a small JSON document (format, store id, site code and name, study, the signing
public key in base64, the age recipient, when the keys were made) signed by its own signing key, so that a file
altered on the way no longer reads. Two people compare its *fingerprint* — SHA-256 over the canonical JSON of
the document's public parts, the first 128 bits shown as 8 groups of 4 hex digits — on paper at pairing.

Bundles will be signed first, then encrypted (``exchange.md``: age alone does not authenticate the sender):
:func:`sign` / :func:`verify` and :func:`encrypt` / :func:`decrypt` are the only doors to the cryptography,
all of it from the libraries. No Qt, no SQL, no I/O.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime

import nacl.exceptions
import nacl.signing
import pyrage
from pyrage import x25519

from trialdesk.errors import ValidationError

__all__ = [
    "FORMAT", "Identity", "OwnKeys", "decrypt", "encrypt", "fingerprint_matches", "generate_keys",
    "identity_text", "normalise_fingerprint", "parse_identity", "sign", "verify",
]

FORMAT = "trialdesk-identity/1"
PUBLIC_FIELDS = ("format", "store_id", "site_code", "site_name", "study", "signing_key", "age_recipient",
                 "created_at")
MAX_BYTES = 16 * 1024  # an identity file is a few hundred bytes; anything much larger is not one
# Domain separation: a signature over an identity can never be taken for a signature over a bundle.
IDENTITY_CONTEXT = b"TrialDesk workstation identity\n"
FINGERPRINT_DIGITS = 32  # 128 bits of the SHA-256, 8 groups of 4


def canonical(document: dict) -> bytes:
    """The canonical JSON of ``document``: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# --- keys ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OwnKeys:
    """This store's private keys: the Ed25519 seed (32 bytes) and the age identity (``AGE-SECRET-KEY-1…``).

    Never printed, logged or audited; ``repr`` shows only the public halves."""

    signing_seed: bytes
    age_identity: str

    def __post_init__(self) -> None:
        if len(self.signing_seed) != 32:
            raise ValueError("an Ed25519 seed is 32 bytes")

    @property
    def signing_key(self) -> str:
        """The signing public key, base64."""
        raw = nacl.signing.SigningKey(self.signing_seed).verify_key.encode()
        return base64.b64encode(raw).decode("ascii")

    @property
    def age_recipient(self) -> str:
        """The age recipient (``age1…``) others encrypt to."""
        return str(x25519.Identity.from_str(self.age_identity).to_public())

    def __repr__(self) -> str:  # never the private halves
        return f"OwnKeys(signing_key={self.signing_key!r}, age_recipient={self.age_recipient!r})"


def generate_keys() -> OwnKeys:
    """New random keys for a store."""
    return OwnKeys(bytes(nacl.signing.SigningKey.generate()), str(x25519.Identity.generate()))


def sign(keys: OwnKeys, message: bytes) -> bytes:
    """The detached Ed25519 signature (64 bytes) of ``message``."""
    return nacl.signing.SigningKey(keys.signing_seed).sign(message).signature


def verify(signing_key: str, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the signature of ``message`` by the holder of ``signing_key`` (base64)."""
    try:
        nacl.signing.VerifyKey(_signing_key_bytes(signing_key)).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, nacl.exceptions.TypeError,
            ValueError, TypeError):
        return False
    return True


def encrypt(data: bytes, recipients: list[str]) -> bytes:
    """``data`` encrypted with age to every recipient (``age1…``); the standard ``age`` tool opens it."""
    if not recipients:
        raise ValueError("encrypt to at least one recipient")
    return pyrage.encrypt(data, [x25519.Recipient.from_str(r) for r in recipients])


def decrypt(data: bytes, keys: OwnKeys) -> bytes:
    """``data`` decrypted with this store's age identity; ValidationError when it is not for us or was altered."""
    try:
        return pyrage.decrypt(data, [x25519.Identity.from_str(keys.age_identity)])
    except pyrage.DecryptError:
        raise ValidationError("The file cannot be decrypted with this workstation's key: it was made for another "
                              "workstation, or it was altered or damaged on the way.") from None


def _signing_key_bytes(text: str) -> bytes:
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return raw


# --- the public identity -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Identity:
    """A store's public identity, as its file holds it (``created_at``: when the keys were made, UTC)."""

    store_id: str
    site_code: str
    site_name: str
    study: str
    signing_key: str
    age_recipient: str
    created_at: str

    def document(self) -> dict:
        """The public parts, as the fingerprint and the self-signature cover them."""
        return {"format": FORMAT, "store_id": self.store_id, "site_code": self.site_code,
                "site_name": self.site_name, "study": self.study, "signing_key": self.signing_key,
                "age_recipient": self.age_recipient, "created_at": self.created_at}

    @property
    def fingerprint(self) -> str:
        """``3F2A 9C01 …`` (8 groups of 4 hex digits): the first 128 bits of SHA-256 over :meth:`document`."""
        digits = hashlib.sha256(canonical(self.document())).hexdigest()[:FINGERPRINT_DIGITS].upper()
        return " ".join(digits[i:i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


def identity_text(identity: Identity, keys: OwnKeys) -> str:
    """The identity file of ``identity`` (whose keys ``keys`` are): its document and a self-signature."""
    if identity.signing_key != keys.signing_key or identity.age_recipient != keys.age_recipient:
        raise ValueError("the identity does not carry these keys")
    document = identity.document()
    signature = sign(keys, IDENTITY_CONTEXT + canonical(document))
    document["signature"] = base64.b64encode(signature).decode("ascii")
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_SITE_CODE = re.compile(r"[A-Z]")
_STORE_ID = re.compile(r"[0-9a-f]{32}")


def parse_identity(text: str | bytes) -> Identity:
    """Read and check an identity file; ValidationError naming what is wrong (not JSON, another format, a field
    missing or malformed, a bad key, a self-signature that does not match)."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise ValidationError("This is not a TrialDesk workstation identity file: it is far too large.")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("This is not a TrialDesk workstation identity file: it is not text.") from None
    if len(text) > MAX_BYTES:
        raise ValidationError("This is not a TrialDesk workstation identity file: it is far too large.")
    try:
        document = json.loads(text)
    except ValueError:
        raise ValidationError("This is not a TrialDesk workstation identity file: it is not JSON.") from None
    if not isinstance(document, dict) or "format" not in document:
        raise ValidationError("This is not a TrialDesk workstation identity file: it names no format.")
    if document["format"] != FORMAT:
        raise ValidationError("The identity file has the unknown format {found}; this TrialDesk reads {known}.",
                              found=str(document["format"])[:40], known=FORMAT)
    missing = [f for f in (*PUBLIC_FIELDS, "signature") if not isinstance(document.get(f), str) or
               not document[f].strip()]
    if missing:
        raise ValidationError("The identity file lacks {fields}.", fields=", ".join(missing))
    extra = sorted(set(document) - {*PUBLIC_FIELDS, "signature"})
    if extra:
        raise ValidationError("The identity file has fields this TrialDesk does not know: {fields}.",
                              fields=", ".join(extra)[:80])
    if not _STORE_ID.fullmatch(document["store_id"]):
        raise ValidationError("The identity file's store id is not a TrialDesk store id.")
    if not _SITE_CODE.fullmatch(document["site_code"]):
        raise ValidationError("The identity file's site code is not one capital letter.")
    try:
        moment = datetime.fromisoformat(document["created_at"].replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is None or moment.utcoffset() is None or moment.utcoffset().total_seconds() != 0:
        raise ValidationError("The identity file's creation time is not a UTC time.")
    try:
        _signing_key_bytes(document["signing_key"])
        nacl.signing.VerifyKey(_signing_key_bytes(document["signing_key"]))
    except (ValueError, binascii.Error, nacl.exceptions.CryptoError):
        raise ValidationError("The identity file's signing key is not an Ed25519 public key.") from None
    try:
        x25519.Recipient.from_str(document["age_recipient"])
    except (pyrage.RecipientError, ValueError):
        raise ValidationError("The identity file's encryption key is not an age recipient.") from None
    identity = Identity(**{f: document[f] for f in PUBLIC_FIELDS if f != "format"})
    try:
        signature = base64.b64decode(document["signature"].encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        signature = b""
    if not verify(identity.signing_key, IDENTITY_CONTEXT + canonical(identity.document()), signature):
        raise ValidationError("The identity file's signature does not match its content: the file was altered or "
                              "damaged. Ask for a new one.")
    return identity


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces, dashes or colons between the digits) in its shown form;
    ValidationError when it is not 32 hex digits."""
    digits = re.sub(r"[\s:\-]", "", text or "").upper()
    if not re.fullmatch(r"[0-9A-F]{%d}" % FINGERPRINT_DIGITS, digits):
        raise ValidationError("A fingerprint is 32 hexadecimal digits in 8 groups of 4 (e.g. 3F2A 9C01 …); "
                              "check what was typed.", field="fingerprint")
    return " ".join(digits[i:i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


def fingerprint_matches(identity: Identity, typed: str) -> bool:
    """Whether ``typed`` (as a person typed it) is the fingerprint of ``identity``."""
    import hmac

    return hmac.compare_digest(normalise_fingerprint(typed), identity.fingerprint)
