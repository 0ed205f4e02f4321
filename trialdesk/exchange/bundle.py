"""The site bundle as a file (issue 12, point 2): audit events of one store for one paired workstation, with a
manifest, signed by the origin and encrypted to the recipient. No Qt, no SQL, no I/O.

Layout of the file (all integers big-endian)::

    b"TDBUNDLE"            8 bytes   magic: "this is a TrialDesk bundle"
    format version         2 bytes   FORMAT_VERSION (1)
    payload length         8 bytes   the number of bytes that follow (tells a truncated file from a damaged one)
    payload                          age (X25519) ciphertext, to the recipient's age recipient only

The payload decrypts to gzip-compressed canonical JSON (sorted keys, no spaces, UTF-8)::

    {"manifest": {...}, "events": [...], "signature": "<base64 Ed25519 signature>"}

The signature is the origin's Ed25519 signature over ``SIGNATURE_CONTEXT + canonical(manifest)``; the manifest
holds ``events_sha256``, the SHA-256 of ``canonical(events)``, so it covers every event too.

**Sign, then encrypt.** age gives confidentiality and integrity but does not say who wrote the file (anyone with
the recipient's public key can encrypt to it), so the origin signs. The signature goes *inside* the encryption:
outside, the file shows only its format version and its size — not the origin, the recipient, a count or a key
(a signature outside would name its signer to whoever finds the stick). The weakness of sign-then-encrypt —
a recipient re-encrypting a signed bundle to a third store — is closed by the signed ``recipient_store_id``:
a bundle signed for another store is refused. Any changed byte is caught: in the header by the magic, version
and length checks, in the payload by age's authentication (before any of it is parsed).

The manifest (every key is signed):

- ``format``: ``trialdesk-bundle/1``; ``origin_store_id``, ``origin_site``, ``origin_signing_key`` (base64; the
  receiver accepts it only from a paired, not revoked peer, then verifies the signature with it);
  ``recipient_store_id``; ``created_at`` (UTC); ``schema_version`` (the origin's migrations); ``protocol_version``
  (the protocol TOML's ``version``); ``app_version``.
- ``ranges``: per origin store, ``{"store_id", "site", "first_seq", "last_seq", "events"}`` — the first and the
  last audit ``seq`` included (events between may be left out: only row changes travel) and how many.
- ``chain_head``: ``{"seq", "hash"}`` of the origin's last audit row when the bundle was made (whether or not that
  row travels): what the receiver will later compare with what it has seen.
- ``counts``: events per record type (the audit ``table_name``).
- ``participants``: per participant (the events' ``subject_id``), ``{"events": n, "sha256": d}`` where ``d`` is
  the SHA-256 of ``canonical([that participant's events, in seq order])`` — each event exactly as it is in
  ``events`` (every audit column, ``prev_hash`` and ``hash`` included).
- ``events_sha256``: SHA-256 of ``canonical(events)``; ``event_count``.

An event is one audit row as a dict of :data:`EVENT_COLUMNS`.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import struct
import zlib
from dataclasses import dataclass
from typing import Callable, Iterable

from trialdesk.errors import ValidationError
from trialdesk.exchange import identity as ident
from trialdesk.exchange.identity import OwnKeys

__all__ = ["EVENT_COLUMNS", "FORMAT", "FORMAT_VERSION", "MAGIC", "Bundle", "Manifest", "build_manifest",
           "participant_digest", "read_bundle", "write_bundle"]

MAGIC = b"TDBUNDLE"
FORMAT_VERSION = 1
FORMAT = f"trialdesk-bundle/{FORMAT_VERSION}"
_HEADER = struct.Struct(">8sHQ")
HEADER_SIZE = _HEADER.size
# Domain separation: a bundle signature can never be taken for an identity's signature, nor the reverse.
SIGNATURE_CONTEXT = b"TrialDesk site bundle\n"
MAX_PLAIN_BYTES = 1 << 31  # 2 GiB decompressed: far above any trial's trail, a stop for a compression bomb

EVENT_COLUMNS = ("seq", "id", "at", "user_id", "username", "action", "table_name", "record_id", "old_values",
                 "new_values", "reason", "app_version", "site", "subject_id", "operation_id", "prev_hash", "hash")
MANIFEST_KEYS = ("format", "origin_store_id", "origin_site", "origin_signing_key", "recipient_store_id",
                 "created_at", "schema_version", "protocol_version", "app_version", "ranges", "chain_head", "counts",
                 "participants", "events_sha256", "event_count", "links_sha256", "chain_v2_after", "ack", "staff",
                 "data_digests", "bases_sha256")
STAFF_KEYS = ("id", "username", "full_name", "role", "site")

canonical = ident.canonical


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def participant_digest(events: Iterable[dict]) -> str:
    """SHA-256 (hex) of the canonical JSON of one participant's events, in the order given (seq order)."""
    return _sha256(canonical(list(events)))


@dataclass(frozen=True)
class Manifest:
    """What a bundle says about itself (see the module docstring); ``document`` is exactly what was signed."""

    document: dict

    def __getattr__(self, name: str):
        try:
            return self.__dict__["document"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class Bundle:
    """A bundle read and verified: its manifest, its events (dicts of :data:`EVENT_COLUMNS`), the origin's chain
    links (``(seq, prev_hash, hash)`` of every audit row from the first one the recipient had not acknowledged to
    the chain head, the travelling events' rows included), its SHA-256."""

    manifest: Manifest
    events: tuple[dict, ...]
    sha256: str
    links: tuple[tuple, ...] = ()
    bases: dict | None = None  # per update event, per field it changed: the changes its value was made on


def _tally(events: list[dict]) -> tuple[dict[str, int], dict[str, list[dict]]]:
    """Events per record type (audit ``table_name``) and each participant's events, in the events' order."""
    counts: dict[str, int] = {}
    by_subject: dict[str, list[dict]] = {}
    for event in events:
        counts[event["table_name"] or ""] = counts.get(event["table_name"] or "", 0) + 1
        if event["subject_id"]:
            by_subject.setdefault(event["subject_id"], []).append(event)
    return counts, by_subject


def build_manifest(*, origin_store_id: str, origin_site: str, origin_signing_key: str, recipient_store_id: str,
                   created_at: str, schema_version: int, protocol_version: str, app_version: str,
                   chain_head: dict, events: list[dict], links: list | None = None, chain_v2_after: int | None = 0,
                   ack: dict | None = None, staff: list[dict] | None = None,
                   data_digests: dict | None = None, bases: dict | None = None) -> dict:
    """The manifest of ``events`` (audit rows of the origin, in seq order) and ``links`` (the chain from the first
    row the recipient lacks to ``chain_head``); ``ack``: ``{"seq", "hash"}`` of the recipient's own chain as far
    as the origin holds it; ``staff``: the origin's accounts the events may name (:data:`STAFF_KEYS`, never a
    password); ``data_digests``: per participant, the digest of the origin's current data of them."""
    links = [list(link) for link in (links or [])]
    counts, by_subject = _tally(events)
    ranges = []
    if events:
        ranges.append({"store_id": origin_store_id, "site": origin_site, "first_seq": events[0]["seq"],
                       "last_seq": events[-1]["seq"], "events": len(events)})
    return {
        "format": FORMAT, "origin_store_id": origin_store_id, "origin_site": origin_site,
        "origin_signing_key": origin_signing_key, "recipient_store_id": recipient_store_id, "created_at": created_at,
        "schema_version": schema_version, "protocol_version": protocol_version, "app_version": app_version,
        "ranges": ranges, "chain_head": {"seq": chain_head["seq"], "hash": chain_head["hash"]}, "counts": counts,
        "participants": {pid: {"events": len(rows), "sha256": participant_digest(rows)}
                         for pid, rows in sorted(by_subject.items())},
        "events_sha256": _sha256(canonical(events)), "event_count": len(events),
        "links_sha256": _sha256(canonical(links)), "chain_v2_after": chain_v2_after,
        "ack": {"seq": int((ack or {}).get("seq") or 0), "hash": (ack or {}).get("hash")},
        "staff": [{k: s.get(k) for k in STAFF_KEYS} for s in (staff or [])],
        "data_digests": dict(sorted((data_digests or {}).items())),
        "bases_sha256": _sha256(canonical(bases or {})),
    }


def write_bundle(manifest: dict, events: list[dict], keys: OwnKeys, recipient_age: str,
                 links: list | None = None, bases: dict | None = None) -> bytes:
    """The bundle file: ``manifest`` (from :func:`build_manifest` of ``events`` and ``links``) signed with
    ``keys``, then the whole encrypted to ``recipient_age`` (``age1…``) alone."""
    events = [{c: e.get(c) for c in EVENT_COLUMNS} for e in events]
    links = [list(link) for link in (links or [])]
    if manifest.get("events_sha256") != _sha256(canonical(events)) or manifest.get("format") != FORMAT or \
            manifest.get("links_sha256") != _sha256(canonical(links)) or \
            manifest.get("bases_sha256") != _sha256(canonical(bases or {})):
        raise ValueError("the manifest is not the manifest of these events")
    if manifest.get("origin_signing_key") != keys.signing_key:
        raise ValueError("the manifest names another signing key")
    signature = ident.sign(keys, SIGNATURE_CONTEXT + canonical(manifest))
    inner = canonical({"manifest": manifest, "events": events, "links": links, "bases": bases or {},
                       "signature": base64.b64encode(signature).decode("ascii")})
    payload = ident.encrypt(gzip.compress(inner, mtime=0), [recipient_age])
    return _HEADER.pack(MAGIC, FORMAT_VERSION, len(payload)) + payload


# --- reading -------------------------------------------------------------------------------------------------

def _open(data: bytes, keys: OwnKeys) -> dict:
    """Header checks, decryption, decompression, JSON: the bundle's inner document (not yet verified)."""
    if len(data) < len(MAGIC) or data[:len(MAGIC)] != MAGIC:
        raise ValidationError("This is not a TrialDesk bundle: it does not begin as one.")
    if len(data) < HEADER_SIZE:
        raise ValidationError("The bundle is truncated: it ends within its header. Copy it again.")
    _, version, length = _HEADER.unpack_from(data)
    if version != FORMAT_VERSION:
        raise ValidationError("The bundle has the unknown format version {found}; this TrialDesk reads version "
                              "{known}.", found=version, known=FORMAT_VERSION)
    payload = data[HEADER_SIZE:]
    if len(payload) < length:
        raise ValidationError("The bundle is truncated: {missing} of its {total} bytes are missing. Copy it again.",
                              missing=length - len(payload), total=HEADER_SIZE + length)
    if len(payload) > length:
        raise ValidationError("The bundle has {extra} bytes more than it says it holds: it was altered or damaged.",
                              extra=len(payload) - length)
    try:
        plain = ident.decrypt(payload, keys)
    except ValidationError:
        raise ValidationError("The bundle cannot be decrypted with this workstation's key: it was made for another "
                              "workstation, or it was altered or damaged on the way.") from None
    try:
        unpacker = zlib.decompressobj(wbits=31)
        inner = unpacker.decompress(plain, MAX_PLAIN_BYTES)
        if unpacker.unconsumed_tail or not unpacker.eof:
            raise ValidationError("This is not a TrialDesk bundle: its content is too large or incomplete.")
        document = json.loads(inner.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        raise ValidationError("This is not a TrialDesk bundle: its content is not a bundle's.") from None
    if not isinstance(document, dict) or set(document) != {"manifest", "events", "links", "bases", "signature"} or \
            not isinstance(document["manifest"], dict) or not isinstance(document["events"], list) or \
            not isinstance(document["links"], list) or not isinstance(document["bases"], dict) or \
            not isinstance(document["signature"], str):
        raise ValidationError("This is not a TrialDesk bundle: its content is not a bundle's.")
    return document


def read_bundle(data: bytes, keys: OwnKeys, *, recipient_store_id: str,
                trust: Callable[[str, str], object],
                event_hash: Callable[[dict, int | None], bool] | None = None) -> Bundle:
    """Open and verify the bundle ``data`` with this store's ``keys``: decrypt, check the format, ask ``trust``
    (origin store id, the signing key the manifest names) — which raises when that store is not a paired, not
    revoked peer with that key — verify the origin's signature with that key, check the bundle is addressed to
    ``recipient_store_id``, check the manifest against the events and the chain links (unbroken from the first
    to the head, each event in them, and — with ``event_hash(event, chain_v2_after)`` — each event's hash the
    hash of its content). ValidationError naming the first problem."""
    document = _open(bytes(data), keys)
    manifest, events = document["manifest"], document["events"]
    if manifest.get("format") != FORMAT:
        raise ValidationError("The bundle has the unknown format {found}; this TrialDesk reads {known}.",
                              found=str(manifest.get("format"))[:40], known=FORMAT)
    missing = [k for k in MANIFEST_KEYS if k not in manifest]
    if missing or set(manifest) - set(MANIFEST_KEYS):
        raise ValidationError("This is not a TrialDesk bundle: its manifest lacks or adds fields.")
    origin, signing_key = manifest["origin_store_id"], manifest["origin_signing_key"]
    if not isinstance(origin, str) or not isinstance(signing_key, str):
        raise ValidationError("This is not a TrialDesk bundle: its manifest names no origin.")
    trust(origin, signing_key)
    try:
        signature = base64.b64decode(document["signature"].encode("ascii"), validate=True)
    except (ValueError, binascii.Error):
        signature = b""
    if not ident.verify(signing_key, SIGNATURE_CONTEXT + canonical(manifest), signature):
        raise ValidationError("The bundle's signature is not the signature of store {store_id}: the bundle is "
                              "refused.", store_id=origin[:40])
    if manifest["recipient_store_id"] != recipient_store_id:
        raise ValidationError("The bundle is addressed to store {store_id}, not to this workstation: it is refused.",
                              store_id=str(manifest["recipient_store_id"])[:40])
    _check(manifest, events)
    links = _check_links(manifest, events, document["links"], event_hash)
    if manifest["bases_sha256"] != _sha256(canonical(document["bases"])):
        raise ValidationError("The bundle's manifest does not match its events (the changes' bases): "
                              "the bundle is refused.")
    return Bundle(Manifest(manifest), tuple(events), _sha256(bytes(data)), links, document["bases"])


def _check_links(manifest: dict, events: list[dict], links: list,
                 event_hash: Callable[[dict, int | None], bool] | None) -> tuple[tuple, ...]:
    """The chain links are the origin's audit chain without a hole from the first one to the chain head, each
    event sits in it, and each event's hash is the hash of its content."""
    def refuse(what: str):
        raise ValidationError("The bundle's audit chain does not hold ({what}): the bundle is refused.", what=what)

    if manifest["links_sha256"] != _sha256(canonical(links)):
        refuse("its links' digest")
    if any(not isinstance(link, list) or len(link) != 3 or not isinstance(link[0], int) for link in links):
        refuse("a link is not one")
    head = manifest["chain_head"]
    if links:
        if [link[0] for link in links] != list(range(links[0][0], links[0][0] + len(links))):
            refuse("a row is missing from its links")
        if links[-1][0] != head.get("seq") or links[-1][2] != head.get("hash"):
            refuse("its last link is not its chain head")
        if links[0][0] == 1 and links[0][1] is not None:
            refuse("its first row links to a row before it")
        for before, after in zip(links, links[1:]):
            if after[1] != before[2]:
                refuse(f"row {after[0]} does not link to row {before[0]}")
    elif events:
        refuse("its events are not in its links")
    by_seq = {link[0]: link for link in links}
    v2_after = manifest["chain_v2_after"]
    for event in events:
        link = by_seq.get(event["seq"])
        if link is None or link[1] != event["prev_hash"] or link[2] != event["hash"]:
            refuse(f"event {event['seq']} is not the row its chain holds")
        if event_hash is not None and not event_hash(event, v2_after):
            refuse(f"event {event['seq']} does not match its hash")
    return tuple(tuple(link) for link in links)


def _check(manifest: dict, events: list) -> None:
    """The manifest says what the events are: digest, count, ranges, counts per record type, participants."""
    if any(not isinstance(e, dict) or set(e) != set(EVENT_COLUMNS) for e in events):
        raise ValidationError("The bundle's manifest does not match its events (an event is not an audit row): "
                              "the bundle is refused.")
    if manifest["events_sha256"] != _sha256(canonical(events)):
        raise ValidationError("The bundle's manifest does not match its events (the events' digest): "
                              "the bundle is refused.")
    if manifest["event_count"] != len(events):
        raise ValidationError("The bundle's manifest does not match its events (the number of events): "
                              "the bundle is refused.")
    seqs = [e["seq"] for e in events]
    if any(not isinstance(s, int) for s in seqs) or seqs != sorted(set(seqs)):
        raise ValidationError("The bundle's manifest does not match its events (the events are not in audit order): "
                              "the bundle is refused.")
    if any(e["site"] != manifest["origin_site"] for e in events):
        raise ValidationError("The bundle's manifest does not match its events (an event of another site): "
                              "the bundle is refused.")
    expected_ranges = []
    if events:
        expected_ranges.append({"store_id": manifest["origin_store_id"], "site": manifest["origin_site"],
                                "first_seq": seqs[0], "last_seq": seqs[-1], "events": len(events)})
    if manifest["ranges"] != expected_ranges:
        raise ValidationError("The bundle's manifest does not match its events (the event range): "
                              "the bundle is refused.")
    head = manifest["chain_head"]
    if not isinstance(head, dict) or (events and (not isinstance(head.get("seq"), int) or head["seq"] < seqs[-1])):
        raise ValidationError("The bundle's manifest does not match its events (the audit-chain head): "
                              "the bundle is refused.")
    counts, by_subject = _tally(events)
    if manifest["counts"] != counts:
        raise ValidationError("The bundle's manifest does not match its events (the counts per record type): "
                              "the bundle is refused.")
    expected = {pid: {"events": len(rows), "sha256": participant_digest(rows)} for pid, rows in by_subject.items()}
    if manifest["participants"] != expected:
        raise ValidationError("The bundle's manifest does not match its events (the participants' digests): "
                              "the bundle is refused.")
