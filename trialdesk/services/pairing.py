"""Pairing workstations for the site exchange (issue 12, points 1 and 7): this store's identity, pairing with
another store after the two people have compared fingerprints, the list of peers, revoking one, and the check
bundle import makes (:func:`trusted_peer`).

A store is trusted by nobody by default. Its keys are made on first use (existing stores get keys too) and
kept inside the encrypted store, never in the audit trail. Pairing reads the other store's identity file and
refuses it unless the fingerprint the person typed — read off the other workstation's screen or pairing card —
matches the file; every pairing and revocation is an audited change of ``peers`` (revoked peers are kept).
Permission: :attr:`Action.MANAGE_EXCHANGE` (administrators and investigators).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from trialdesk.clock import utc_iso
from trialdesk.db import peers as repo
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.exchange import identity as ident
from trialdesk.exchange.identity import Identity, OwnKeys
from trialdesk.services import auth
from trialdesk.services.permissions import Action, require

__all__ = ["OwnIdentity", "Peer", "find_peer", "own_identity", "pair", "peers", "revoke", "save_owner_only",
           "trusted_peer"]


@dataclass(frozen=True)
class Peer:
    """A paired workstation as the store keeps it (``revoked_at`` set: no longer trusted)."""

    id: str
    store_id: str
    site_code: str
    site_name: str
    study: str
    signing_key: str
    age_recipient: str
    fingerprint: str
    identity_created_at: str
    paired_at: str
    paired_by: str
    revoked_at: str | None
    revoked_by: str | None
    revoke_reason: str | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    @property
    def identity(self) -> Identity:
        return Identity(store_id=self.store_id, site_code=self.site_code, site_name=self.site_name, study=self.study,
                        signing_key=self.signing_key, age_recipient=self.age_recipient,
                        created_at=self.identity_created_at)


@dataclass(frozen=True)
class OwnIdentity:
    """This store's public identity, its file's text and its fingerprint."""

    identity: Identity
    text: str

    @property
    def fingerprint(self) -> str:
        return self.identity.fingerprint


def _peer(row: dict) -> Peer:
    return Peer(id=row["id"], store_id=row["peer_store_id"], site_code=row["site_code"], site_name=row["site_name"],
                study=row["study"], signing_key=row["signing_key"], age_recipient=row["age_recipient"],
                fingerprint=row["fingerprint"], identity_created_at=row["identity_created_at"],
                paired_at=row["paired_at"], paired_by=row["paired_by"], revoked_at=row["revoked_at"],
                revoked_by=row["revoked_by"], revoke_reason=row["revoke_reason"])


# --- this store ----------------------------------------------------------------------------------------------

def _keys(store: Store, user: User) -> tuple[OwnKeys, str]:
    """This store's keys and when they were made; made now (and the making audited) when it has none yet."""
    row = repo.own_keys(store.db)
    if row is None:
        keys = ident.generate_keys()
        with store.acting(auth.actor(user)) as tx:
            row = repo.insert_own_keys(tx, signing_seed=base64.b64encode(keys.signing_seed).decode("ascii"),
                                       age_identity=keys.age_identity)
            identity = _identity(store, keys, row["created_at"])
            store.log_event("EXCHANGE_KEYS_MADE", auth.actor(user),
                            detail={"fingerprint": identity.fingerprint, "signing_key": keys.signing_key,
                                    "age_recipient": keys.age_recipient})
        return keys, row["created_at"]
    return OwnKeys(base64.b64decode(row["signing_seed"]), row["age_identity"]), row["created_at"]


def _identity(store: Store, keys: OwnKeys, created_at: str) -> Identity:
    return Identity(store_id=store.info.store_id, site_code=store.info.site_code,
                    site_name=store.meta("site_name") or store.info.site_code, study=store.meta("study") or "",
                    signing_key=keys.signing_key, age_recipient=keys.age_recipient, created_at=created_at)


def own_keys(store: Store, user: User) -> OwnKeys:
    """This store's private keys (for bundle signing and decryption; made on first use). Never shown."""
    require(user, Action.MANAGE_EXCHANGE)
    return _keys(store, user)[0]


def own_identity(store: Store, user: User, *, audit: bool = True) -> OwnIdentity:
    """This workstation's public identity and its file (keys made on first use). ``audit``: record that it was
    handed out (its fingerprint), as when the identity file is written."""
    require(user, Action.MANAGE_EXCHANGE)
    keys, created_at = _keys(store, user)
    identity = _identity(store, keys, created_at)
    if audit:
        store.log_event("EXCHANGE_IDENTITY", auth.actor(user), detail={"fingerprint": identity.fingerprint})
    return OwnIdentity(identity, ident.identity_text(identity, keys))


# --- peers ---------------------------------------------------------------------------------------------------

def pair(store: Store, user: User, identity_text: str | bytes, fingerprint: str) -> Peer:
    """Pair with the workstation whose identity file is ``identity_text``, when ``fingerprint`` (typed by the
    person who compared it with the other workstation) matches it. Refused, with nothing written: a fingerprint
    that differs, this store's own identity, another study, our own site code, a store already paired with other
    keys, a revoked store, keys another peer holds. Pairing again with the same keys changes nothing."""
    require(user, Action.MANAGE_EXCHANGE)
    peer = ident.parse_identity(identity_text)
    typed = ident.normalise_fingerprint(fingerprint)
    if not ident.fingerprint_matches(peer, typed):
        raise ValidationError("The fingerprint {typed} does not match the identity file (its fingerprint is different): "
                              "it was not paired. Compare the fingerprint with the other workstation's screen or "
                              "pairing card again; a file that differs may have been altered.", field="fingerprint",
                              typed=typed)
    keys, _ = _keys(store, user)
    if peer.store_id == store.info.store_id or peer.signing_key == keys.signing_key:
        raise ValidationError("This is this workstation's own identity: pair with the other workstation's file.")
    study = store.meta("study") or ""
    if peer.study != study:
        raise ValidationError("That workstation belongs to the study {theirs}, not to {ours}: it was not paired.",
                              theirs=peer.study, ours=study)
    if peer.site_code == store.info.site_code:
        raise ValidationError("That workstation has this store's site code {code}: the study ids of two stores of one "
                              "site code would collide. It was not paired.", code=peer.site_code)
    saved = repo.by_store_id(store.db, peer.store_id)
    if saved is not None:
        known = _peer(saved)
        if not known.active:
            raise ValidationError("Store {store_id} (site {code}) was revoked on {when}: a revoked workstation is not "
                                  "paired again.", store_id=peer.store_id, code=known.site_code,
                                  when=known.revoked_at[:10])
        if (known.signing_key, known.age_recipient) != (peer.signing_key, peer.age_recipient):
            raise ValidationError("Store {store_id} (site {code}) is already paired with other keys (fingerprint "
                                  "{fingerprint}): this file was not accepted. Revoke the pairing first if the "
                                  "workstation really has new keys.", store_id=peer.store_id, code=known.site_code,
                                  fingerprint=known.fingerprint)
        return known
    others = repo.by_key(store.db, peer.signing_key, peer.age_recipient)
    if others:
        raise ValidationError("These keys already belong to the paired store {store_id}: this file was not accepted.",
                              store_id=others[0]["peer_store_id"])
    if any(p["revoked_at"] is None for p in repo.by_site_code(store.db, peer.site_code)):
        raise ValidationError("A workstation of site {code} is already paired: revoke it first.", code=peer.site_code)
    with store.acting(auth.actor(user), f"paired after comparing fingerprint {peer.fingerprint}") as tx:
        row = repo.insert(tx, store.info.site_code, {
            "peer_store_id": peer.store_id, "site_code": peer.site_code, "site_name": peer.site_name,
            "study": peer.study, "signing_key": peer.signing_key, "age_recipient": peer.age_recipient,
            "fingerprint": peer.fingerprint, "identity_created_at": peer.created_at, "paired_by": user.id})
    return _peer(repo.get(store.db, row["id"]))


def peers(store: Store, user: User) -> list[Peer]:
    """Every paired workstation (revoked ones too), by site code."""
    require(user, Action.MANAGE_EXCHANGE)
    return [_peer(r) for r in repo.all_peers(store.db)]


def find_peer(store: Store, user: User, ref: str) -> Peer:
    """The peer named by ``ref``: its store id, or its site code (the one not revoked, else the latest)."""
    require(user, Action.MANAGE_EXCHANGE)
    ref = (ref or "").strip()
    row = repo.by_store_id(store.db, ref.lower())
    if row is None and len(ref) == 1:
        rows = repo.by_site_code(store.db, ref.upper())
        active = [r for r in rows if r["revoked_at"] is None]
        row = (active or rows or [None])[-1]
    if row is None:
        raise ValidationError("No paired workstation {ref}: give its store id or its site code.", field="peer",
                              ref=ref[:40])
    return _peer(row)


def revoke(store: Store, user: User, peer: str, reason: str) -> Peer:
    """Stop trusting the peer ``peer`` (store id or site code), with ``reason``: its bundles are refused from
    now on. The pairing is kept, marked revoked (audited)."""
    require(user, Action.MANAGE_EXCHANGE)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give the reason for revoking the pairing.", field="reason")
    found = find_peer(store, user, peer)
    if not found.active:
        raise ValidationError("Store {store_id} (site {code}) was already revoked on {when}.",
                              store_id=found.store_id, code=found.site_code, when=found.revoked_at[:10])
    with store.acting(auth.actor(user), reason) as tx:
        repo.update(tx, found.id, {"revoked_at": utc_iso(), "revoked_by": user.id, "revoke_reason": reason})
    return _peer(repo.get(store.db, found.id))


def trusted_peer(store: Store, store_id: str, signing_key: str) -> Peer:
    """The paired, not revoked peer with this store id and signing key — what bundle import asks before reading a
    sender's bundle; ValidationError (unknown, revoked, other keys) otherwise. No user: the import checks its own
    permission."""
    row = repo.by_store_id(store.db, (store_id or "").strip().lower())
    if row is None:
        raise ValidationError("The sender (store {store_id}) is not paired with this workstation: its bundle is "
                              "refused. Pair the two workstations first.", store_id=(store_id or "?")[:40])
    found = _peer(row)
    if not found.active:
        raise ValidationError("The sender (store {store_id}, site {code}) was revoked on {when}: its bundle is "
                              "refused.", store_id=found.store_id, code=found.site_code, when=found.revoked_at[:10])
    if found.signing_key != signing_key:
        raise ValidationError("The sender claims to be store {store_id} (site {code}) but signs with another key: its "
                              "bundle is refused.", store_id=found.store_id, code=found.site_code)
    return found


# --- files ---------------------------------------------------------------------------------------------------

def save_owner_only(path: Path, data: bytes) -> None:
    """Write a new file ``path`` readable and writable by its owner only (mode 0600); never over an existing one."""
    from trialdesk.services import files

    files.save_new(Path(path), data)

