"""Site bundles as files (issue 12, point 2): send the audit events a paired workstation has not yet
acknowledged, as one signed and encrypted file; inspect a bundle addressed to this workstation. No import here:
replaying a bundle's events is a later piece.

What travels and why is in ``db/bundles.py``; the file format in ``exchange/bundle.py``. A send includes every
travelling event with seq > the peer's ``acked_seq`` (all of them the first time), so sending again before an
acknowledgement repeats the same events (and any new ones): import will be idempotent. Each send is one audited
event, ``EXCHANGE_BUNDLE_SENT``, naming the peer, the range, the counts per record type, the chain head and the
file's SHA-256 — never a clinical value. Permission: :attr:`Action.MANAGE_EXCHANGE`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from trialdesk import __version__
from trialdesk.clock import utc_iso
from trialdesk.db import audit
from trialdesk.db import bundles as repo
from trialdesk.db import merge as merge_repo
from trialdesk.db import migrations
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.exchange import bundle as fmt
from trialdesk.exchange.bundle import Bundle, Manifest
from trialdesk.services import auth, files, merge, pairing
from trialdesk.services.permissions import Action, require

__all__ = ["SentBundle", "SyncResult", "inspect_bundle", "make_bundle", "replace_bundle", "send_bundle",
           "sync_folder"]


@dataclass(frozen=True)
class SentBundle:
    """A bundle written: its manifest, its bytes' SHA-256, where it went, the peer it is for."""

    manifest: Manifest
    sha256: str
    size: int
    path: Path | None
    peer: pairing.Peer


def _protocol_version() -> str:
    from trialdesk.services.screening import protocol

    return protocol().version


def make_bundle(store: Store, user: User, peer_ref: str) -> tuple[bytes, dict, pairing.Peer]:
    """The bundle for the peer ``peer_ref`` (store id or site code) and its manifest; nothing written."""
    require(user, Action.MANAGE_EXCHANGE)
    peer = pairing.find_peer(store, user, peer_ref)
    if not peer.active:
        raise ValidationError("Store {store_id} (site {code}) was revoked on {when}: nothing is sent to it.",
                              store_id=peer.store_id, code=peer.site_code, when=peer.revoked_at[:10])
    keys = pairing.own_keys(store, user)
    state = repo.sync_state(store.db, peer.store_id)
    acked = state["acked_seq"] if state else 0
    head = repo.chain_head(store.db)
    if state and state.get("acked_hash") and merge_repo.audit_hash_at(store.db, acked) != state["acked_hash"]:
        acked = 0  # the peer holds another history of ours up to there: send it all, its check will say so
    events = repo.events_after(store.db, store.info.site_code, acked)
    links = merge_repo.chain_links(store.db, acked)
    origin = merge_repo.origin_state(store.db, peer.store_id)
    bases = merge.bases_of(store, events)
    manifest = fmt.build_manifest(
        origin_store_id=store.info.store_id, origin_site=store.info.site_code, origin_signing_key=keys.signing_key,
        recipient_store_id=peer.store_id, created_at=utc_iso(), schema_version=migrations.LATEST,
        protocol_version=_protocol_version(), app_version=__version__, chain_head=head,
        events=events, links=links, chain_v2_after=audit.chain_v2_after(store.db),
        ack={"seq": origin["head_seq"], "hash": origin["head_hash"]} if origin else None,
        staff=merge_repo.staff(store.db), data_digests=merge.data_digests(store), bases=bases)
    return fmt.write_bundle(manifest, events, keys, peer.age_recipient, links, bases), manifest, peer


def replace_bundle(store: Store, user: User, peer_ref: str, out_path: Path) -> SentBundle:
    """As :func:`send_bundle`, but ``out_path`` may hold our previous bundle for that peer (a sync folder): it is
    replaced whole (written beside, then renamed), never left half-written."""
    return send_bundle(store, user, peer_ref, out_path, replace=True)


def send_bundle(store: Store, user: User, peer_ref: str, out_path: Path, *, replace: bool = False) -> SentBundle:
    """Write the bundle for ``peer_ref`` to the new file ``out_path`` (mode 0600, never over a file), then audit
    the send and note it in the peer's exchange state (one transaction; the file is removed if that fails)."""
    data, manifest, peer = make_bundle(store, user, peer_ref)
    out_path = Path(out_path)
    if replace:
        files.write_replacing(out_path, data)
    else:
        files.save_new(out_path, data)
    sha = hashlib.sha256(data).hexdigest()
    ranges = manifest["ranges"]
    detail = {"peer_store_id": peer.store_id, "peer_site": peer.site_code, "sha256": sha, "bytes": len(data),
              "first_seq": ranges[0]["first_seq"] if ranges else None,
              "last_seq": ranges[0]["last_seq"] if ranges else None, "events": manifest["event_count"],
              "counts": manifest["counts"], "participants": len(manifest["participants"]),
              "chain_head_seq": manifest["chain_head"]["seq"]}
    try:
        with store.acting(auth.actor(user)) as tx:
            repo.record_sent(tx, peer.store_id, detail["last_seq"])
            store.log_event("EXCHANGE_BUNDLE_SENT", auth.actor(user), detail=detail)
    except BaseException:
        files.discard(out_path)
        raise
    return SentBundle(Manifest(manifest), sha, len(data), out_path, peer)


def inspect_bundle(store: Store, user: User, data: bytes) -> Bundle:
    """Verify the bundle ``data``: addressed to this workstation, from a paired and not revoked peer, signed by
    it, its manifest true of its events; return it (nothing imported). Audited (``EXCHANGE_BUNDLE_INSPECTED``:
    the file's SHA-256, the origin, verified or the refusal's reason). ValidationError naming the problem."""
    require(user, Action.MANAGE_EXCHANGE)
    keys = pairing.own_keys(store, user)
    sha = hashlib.sha256(bytes(data)).hexdigest()
    try:
        found = fmt.read_bundle(data, keys, recipient_store_id=store.info.store_id,
                                trust=lambda store_id, key: pairing.trusted_peer(store, store_id, key),
                                event_hash=merge._event_hash)
    except TrialDeskError as exc:
        store.log_event("EXCHANGE_BUNDLE_INSPECTED", auth.actor(user),
                        detail={"sha256": sha, "bytes": len(data), "outcome": "refused", "problem": exc.template})
        raise
    store.log_event("EXCHANGE_BUNDLE_INSPECTED", auth.actor(user),
                    detail={"sha256": sha, "bytes": len(data), "outcome": "verified",
                            "origin_store_id": found.manifest.origin_store_id, "events": found.manifest.event_count})
    return found


@dataclass(frozen=True)
class SyncResult:
    """One peer's part of a folder sync: what its bundle for us did (or why it was refused), what we wrote."""

    peer: pairing.Peer
    received: "merge.ImportReport | None"
    refused: str | None
    sent: SentBundle


def sync_folder(store: Store, user: User, folder: Path) -> list[SyncResult]:
    """For every paired, not revoked workstation: read the bundle it left in ``folder`` for us, then write ours
    for it (replacing our previous one). The folder may be a shared drive or a USB stick; file names say who
    wrote each for whom (``trialdesk-H-to-R.tdbundle``)."""
    require(user, Action.MANAGE_EXCHANGE)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError("{folder} is not a folder: choose the exchange folder.", folder=str(folder))
    own = store.info.site_code
    out = []
    for peer in [p for p in pairing.peers(store, user) if p.active]:
        incoming = merge.save_bundle_path(folder, peer.site_code, own)
        received = refused = None
        if incoming.exists():
            try:
                received = merge.receive_bundle(store, user, incoming.read_bytes())
            except TrialDeskError as exc:
                refused = str(exc)
            except OSError as exc:
                refused = f"{incoming.name}: {exc.strerror or exc}"
        sent = replace_bundle(store, user, peer.store_id, merge.save_bundle_path(folder, own, peer.site_code))
        out.append(SyncResult(peer, received, refused, sent))
    return out
