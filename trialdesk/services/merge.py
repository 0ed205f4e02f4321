"""Receiving site bundles (issue 12, points 3–6): the merge rule, conflicts and their resolution, the exchange
status and the reconciliation. The SQL is in ``db/merge.py``; the file format in ``exchange/bundle.py``.

**The merge rule.** A bundle's events are another workstation's audit rows: inserts, updates and deletes of
records, each with its old and new values. They are replayed in the origin's order, one transaction per bundle,
through the same tables and triggers as a local change, so each applied change becomes an audit row here with the
origin's own user, time, reason, site and operation (``Store.replaying``) — History and the casebook show them as
they were made. An event this workstation already holds (its audit id is here, or its origin seq is at or below
what it holds of that origin) changes nothing: a bundle imported twice, or re-sent before its acknowledgement,
is harmless.

- *Insert*: the record is added; when it clashes with a record here on a unique key (the same dose recorded at two
  workstations, one kit number used twice) it is a **duplicate** conflict; when its parent record is not here, a
  wait for it (applied when the parent arrives; gone with it when the parent is decided away).
- *Update*: per field that the event changed, if it was made on the value held here (the changes that set that
  value here are among those it was made on — each update carries them), it is applied; if the value here already
  is the new one, nothing is to do; otherwise the field was changed at both workstations since they last agreed: a
  **field** conflict — both values, who, when, why — and the field keeps its value here. Other fields of the same
  event apply. ``updated_at`` is bookkeeping: the later one is kept.
- *Update of a record not here*: when it was here and was deleted here, **deleted here**; when it never was (its
  creation comes from a third workstation and has not arrived), the update waits and is applied when it arrives.
- *Delete* of a record changed here since the event's old values: **deleted there**; otherwise it is deleted (and a
  deletion of a record not yet here waits for it).

Never last-write-wins: a conflict keeps both sides until an investigator decides, field by field, with a reason
(:func:`resolve`). The decision is a ``conflict_resolutions`` row — audited, and it travels — and any change it
makes here is an audited change that travels too; each workstation that meets the same conflict (its id is the
same everywhere: the record, the field and the two events) closes it by that decision.

**Tampering.** Each bundle carries the origin's chain links from the first row the recipient has not acknowledged
to the chain head. The receiver checks that they continue the head it holds of that origin: a rewritten history
is refused (and kept, listed as such). A bundle that starts after a gap is held and applied when the gap is
filled; one from a newer schema or protocol is held and refused until this TrialDesk is updated.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from trialdesk.clock import new_id, utc_iso
from trialdesk.db import audit as audit_repo
from trialdesk.db import bundles as bundle_repo
from trialdesk.db import merge as repo
from trialdesk.db import migrations
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.errors import TrialDeskError, ValidationError
from trialdesk.exchange import bundle as fmt
from trialdesk.services import auth, pairing
from trialdesk.services.permissions import Action, allowed, require

__all__ = ["Conflict", "ImportReport", "PeerStatus", "conflicts", "data_digests", "open_conflict_count",
           "receive_bundle", "reconciliation", "resolve", "status", "travelling_tables", "witness_problems"]

_NS = uuid.UUID("5b0f3a52-9d4c-4c1e-8f57-2f1d6f0b9a11")  # derived audit ids of a resolution's effects elsewhere


@dataclass
class ImportReport:
    """What one bundle did here."""

    origin_store_id: str
    origin_site: str
    sha256: str
    outcome: str  # "imported" | "nothing new" | "held"
    events: int = 0
    applied: int = 0
    already: int = 0
    conflicts: int = 0
    waiting: int = 0  # changes held until a record they need arrives from another workstation
    held_reason: str | None = None
    first_seq: int | None = None
    last_seq: int | None = None
    released: list["ImportReport"] = field(default_factory=list)


@dataclass(frozen=True)
class Conflict:
    """An open (or resolved) conflict as people read it: both sides, who, when, why."""

    id: str
    kind: str
    table: str
    record_id: str
    subject_id: str | None
    field: str | None
    local_value: object
    remote_value: object
    local: dict | None   # the audit row of the value here: username, at, reason, site
    remote: dict          # the other workstation's event
    origin_site: str
    detected_at: str
    status: str
    local_record_id: str | None = None
    study_id: str | None = None


def travelling_tables(store: Store) -> list[str]:
    """The audited tables whose changes travel between workstations."""
    return [t for t in migrations.audited_tables(store.db) if t not in bundle_repo.LOCAL_TABLES]


def data_digests(store: Store) -> dict[str, str]:
    """Per participant, the digest of every record of theirs here (equal at two workstations holding the same)."""
    return repo.data_digests(store.db, travelling_tables(store))


def bases_of(store: Store, events: list[dict]) -> dict:
    """Per update event, per field it changed: the changes (audit ids) that had set the value it changed, as this
    workstation knew them then — what the receiver compares with the changes it knows of the value it holds."""
    out = {}
    for e in events:
        if e["action"] != "UPDATE" or e["table_name"] in bundle_repo.LOCAL_TABLES:
            continue
        old, new = _values(e["old_values"]) or {}, _values(e["new_values"]) or {}
        fields = {}
        for col, value in new.items():
            if col in repo.BOOKKEEPING or col == "id" or _same(old.get(col), value):
                continue
            fields[col] = repo.setters(store.db, e["table_name"], e["record_id"], col, before_seq=e["seq"])
        if fields:
            out[e["id"]] = fields
    return out


def _event_hash(event: dict, chain_v2_after: int | None) -> bool:
    v2 = chain_v2_after is not None and event["seq"] > chain_v2_after
    columns = audit_repo.HASHED_COLUMNS_V2 if v2 else audit_repo.HASHED_COLUMNS
    return event["hash"] == audit_repo.row_hash(event["prev_hash"], [event[c] for c in columns])


def _protocol_version() -> str:
    from trialdesk.services.screening import protocol

    return protocol().version


def _newer(theirs: str, ours: str) -> bool:
    def parts(v: str) -> tuple:
        return tuple(int(p) if p.isdigit() else 0 for p in str(v).split("."))
    return parts(theirs) > parts(ours)


# --- receiving -------------------------------------------------------------------------------------------------

def receive_bundle(store: Store, user: User, data: bytes) -> ImportReport:
    """Import the bundle ``data`` (see the module docstring): verified first (addressed here, from a paired and
    not revoked workstation, its signature, its manifest and chain links), then applied in one transaction, or
    held (a gap before it; a newer schema or protocol — then also refused with a message), or refused (a history
    that does not continue the one held here). Bundles held for a gap that this one fills are applied after it.
    Audited: ``EXCHANGE_BUNDLE_RECEIVED`` / ``_HELD`` / ``_REFUSED``. ValidationError with the reason when
    refused; the store is then as before."""
    require(user, Action.MANAGE_EXCHANGE)
    keys = pairing.own_keys(store, user)
    data = bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    try:
        found = fmt.read_bundle(data, keys, recipient_store_id=store.info.store_id,
                                trust=lambda store_id, key: pairing.trusted_peer(store, store_id, key),
                                event_hash=_event_hash)
    except TrialDeskError as exc:
        store.log_event("EXCHANGE_BUNDLE_REFUSED", auth.actor(user),
                        detail={"sha256": sha, "bytes": len(data), "problem": exc.template})
        raise
    report = _receive(store, user, found, data)
    if report.outcome == "imported":
        report.released = _release_held(store, user, found.manifest.origin_store_id)
    return report


def _receive(store: Store, user: User, found: fmt.Bundle, data: bytes) -> ImportReport:
    m = found.manifest
    origin, site = m.origin_store_id, m.origin_site
    links = found.links
    report = ImportReport(origin, site, found.sha256, "nothing new", events=len(found.events),
                          first_seq=links[0][0] if links else None, last_seq=links[-1][0] if links else None)
    newer = None
    if m.schema_version > migrations.LATEST:
        newer = ("schema", m.schema_version, migrations.LATEST)
    elif _newer(m.protocol_version, _protocol_version()):
        newer = ("protocol", m.protocol_version, _protocol_version())
    if newer:
        _hold(store, user, found, data, f"newer {newer[0]}")
        raise ValidationError(
            "The bundle from site {site} was made with a newer {what} ({theirs}; this workstation has {ours}): "
            "nothing of it was imported. It is kept and listed under held bundles; update TrialDesk here, then "
            "receive it again.", site=site, what=newer[0], theirs=newer[1], ours=newer[2])
    state = repo.origin_state(store.db, origin)
    held_seq, held_hash = (state["head_seq"], state["head_hash"]) if state else (0, None)
    if links:
        first, last = links[0][0], links[-1][0]
        if first > held_seq + 1:
            _hold(store, user, found, data, "gap")
            report.outcome, report.held_reason = "held", "gap"
            return report
        at = {link[0]: link for link in links}
        if held_seq and held_seq <= last:
            theirs = links[0][1] if held_seq == first - 1 else at[held_seq][2]
            if theirs != held_hash:
                _hold(store, user, found, data, "rewritten")
                store.log_event("EXCHANGE_HISTORY_REWRITTEN", auth.actor(user),
                                detail={"sha256": found.sha256, "origin_store_id": origin, "origin_site": site,
                                        "seq": held_seq, "held_hash": held_hash, "bundle_hash": theirs})
                raise ValidationError(
                    "The bundle from site {site} does not continue the history this workstation holds of it: its "
                    "audit row {seq} is not the row received before. Its audit trail was rewritten since; the bundle "
                    "is refused, nothing was imported, and it is kept as evidence. Tell the trial monitor.",
                    site=site, seq=held_seq)
    new_events = [e for e in found.events if e["seq"] > held_seq]
    head_seq, head_hash = (links[-1][0], links[-1][2]) if links and links[-1][0] > held_seq else (held_seq, held_hash)
    before = repo.max_seq(store.db)
    counts = {"applied": 0, "already": 0, "conflicts": 0, "waiting": 0}
    with store.acting(auth.actor(user), f"received from site {site}") as tx:
        _sync_staff(store, tx, m.staff)
        bases = found.bases or {}
        for event in new_events:
            event_bases = bases.get(event["id"])
            _apply_event(store, tx, {**event, "_bases": event_bases} if event_bases else event, origin, site,
                         counts)
        _retry_waiting(store, tx, counts)
        repo.set_origin_state(tx, origin, site, head_seq, head_hash, counts["applied"], m.data_digests)
        _acknowledged(store, tx, origin, m.ack)
        repo.drop_held(tx, found.sha256)
        store.log_event("EXCHANGE_BUNDLE_RECEIVED", auth.actor(user), detail={
            "sha256": found.sha256, "origin_store_id": origin, "origin_site": site, "events": len(found.events),
            "new_events": len(new_events), **counts, "head_seq": head_seq})
    store.publish_since(before)
    report.applied, report.already, report.conflicts = counts["applied"], counts["already"], counts["conflicts"]
    report.waiting = counts["waiting"]
    report.already += len(found.events) - len(new_events)
    report.outcome = "imported" if new_events or head_seq > held_seq else "nothing new"
    return report


def _hold(store: Store, user: User, found: fmt.Bundle, data: bytes, reason: str) -> None:
    m, links = found.manifest, found.links
    with store.acting(auth.actor(user)) as tx:
        repo.hold_bundle(tx, sha256=found.sha256, origin_store_id=m.origin_store_id, origin_site=m.origin_site,
                         first_seq=links[0][0] if links else None, last_seq=links[-1][0] if links else None,
                         events=len(found.events), reason=reason, data=data)
        store.log_event("EXCHANGE_BUNDLE_HELD", auth.actor(user), detail={
            "sha256": found.sha256, "origin_store_id": m.origin_store_id, "origin_site": m.origin_site,
            "reason": reason, "events": len(found.events)})


def _release_held(store: Store, user: User, origin: str) -> list[ImportReport]:
    """Apply the bundles of ``origin`` held for a gap that is now filled (in order, as long as one fits)."""
    out = []
    progressed = True
    while progressed:
        progressed = False
        state = repo.origin_state(store.db, origin)
        held_seq = state["head_seq"] if state else 0
        for held in repo.held_bundles(store.db, origin, with_data=True):
            if held["reason"] != "gap" or held["first_seq"] is None or held["first_seq"] > held_seq + 1:
                continue
            try:
                report = receive_bundle(store, user, held["data"])
            except TrialDeskError:
                continue  # kept (now listed with its new reason)
            out.append(report)
            progressed = True
            break
    return out


def _acknowledged(store: Store, tx, origin: str, ack: dict) -> None:
    """The origin tells how far it holds this workstation's chain; the next bundle to it starts there."""
    seq = int(ack.get("seq") or 0)
    repo.set_acknowledged(tx, origin, seq, ack.get("hash"))


# --- staff -----------------------------------------------------------------------------------------------------

def _sync_staff(store: Store, tx, staff: list[dict]) -> None:
    """The accounts the origin's records name, kept here as accounts of their own site that cannot sign in
    (no password of theirs ever travels), so that the records' "given by", "signed by" … stay theirs."""
    for person in staff:
        if person["site"] == store.info.site_code:
            continue  # our own staff, as the other workstation knows them
        here = repo.user_row(tx, person["id"])
        if here is None:
            username = person["username"]
            if repo.username_taken(tx, username):
                username = f"{username}@{person['site']}"
            now = utc_iso()
            repo.insert_remote_user(tx, {
                "id": person["id"], "site": person["site"], "created_at": now, "updated_at": now,
                "username": username, "full_name": person["full_name"], "role": person["role"],
                "password_hash": auth.hash_password(new_id() + new_id()), "active": 0, "failed_logins": 0,
                "locked_until": None, "password_set_at": now})
        elif here["site"] != store.info.site_code and (here["full_name"], here["role"]) != (
                person["full_name"], person["role"]):
            with store.acting(store.actor, f"as site {person['site']}'s staff list says"):
                repo.update_remote_user(tx, person["id"], {"full_name": person["full_name"],
                                                           "role": person["role"]})


# --- applying one event ------------------------------------------------------------------------------------------

def _values(text: str | None) -> dict | None:
    return json.loads(text) if text else None


def _apply_event(store: Store, tx, event: dict, origin: str, site: str, counts: dict) -> None:
    table = event["table_name"]
    if table in bundle_repo.LOCAL_TABLES or not repo.table_exists(tx, table):
        return
    if repo.audit_id_exists(tx, event["id"]):
        counts["already"] += 1
        return
    point = "td_merge_event"
    repo.savepoint(tx, point)
    try:
        applied = _APPLY[event["action"]](store, tx, event, origin, site, counts)
    except Exception:
        repo.rollback_to(tx, point)
        raise
    repo.release(tx, point)
    if applied:
        counts["applied"] += 1
    if table == repo.RESOLUTIONS_TABLE and event["action"] == "INSERT":
        _apply_resolution_here(store, tx, event, counts)


def _same(a, b) -> bool:
    return a == b or (a is not None and b is not None and str(a) == str(b))


def _conflict(tx, counts: dict, *, kind: str, table: str, record_id: str, field_: str | None, event: dict,
              origin: str, site: str, local_value=None, local_event: dict | None = None,
              local_record_id: str | None = None, remote_value=None, remote_row: dict | None = None,
              key: str | None = None, waiting: bool = False) -> None:
    # The same id at every workstation that meets it: for a duplicate, both records (whichever is here).
    record = record_id if kind != "duplicate" else ",".join(sorted({record_id, local_record_id or record_id}))
    key = key or repo.conflict_key(table, record, field_, [local_event["id"] if local_event else None, event["id"]])
    resolved = repo.resolution_for(tx, key)
    subject = event.get("subject_id") or audit_repo.subject_of(tx, table, record_id)
    added = repo.add_conflict(tx, {
        "id": key, "kind": kind, "table_name": table, "record_id": record_id, "subject_id": subject, "field": field_,
        "local_value": json.dumps(local_value), "local_event": json.dumps(local_event) if local_event else None,
        "local_record_id": local_record_id, "remote_value": json.dumps(remote_value),
        "remote_event": json.dumps(event), "remote_row": json.dumps(remote_row) if remote_row else None,
        "origin_store_id": origin, "origin_site": site,
        "status": "resolved" if resolved else ("waiting" if waiting else "open"),
        "resolution_id": resolved["id"] if resolved else None})
    if added and not resolved:
        counts["waiting" if waiting else "conflicts"] = counts.get("waiting" if waiting else "conflicts", 0) + 1


def _insert(store: Store, tx, event: dict, origin: str, site: str, counts: dict) -> bool:
    table, rid, new = event["table_name"], event["record_id"], _values(event["new_values"])
    here = repo.row(tx, table, rid)
    if here is not None:  # the same record came by another way: its differing fields are conflicts
        for col, value in new.items():
            if col in repo.BOOKKEEPING or _same(here.get(col), value):
                continue
            _conflict(tx, counts, kind="field", table=table, record_id=rid, field_=col, event=event, origin=origin,
                      site=site, local_value=here.get(col), local_event=repo.last_setter(tx, table, rid, col),
                      remote_value=value)
        return False
    if repo.dropped_by(tx, table, rid) is not None:
        return False  # an investigator decided this record away (one of a duplicate pair): it stays away
    clash = repo.unique_clash(tx, table, new)
    if clash:
        local_id, cols = clash
        _conflict(tx, counts, kind="duplicate", table=table, record_id=rid, field_=",".join(cols), event=event,
                  origin=origin, site=site, local_value=repo.row(tx, table, local_id),
                  local_event=repo.last_setter(tx, table, local_id), local_record_id=local_id, remote_row=new,
                  remote_value=new)
        return False
    missing = repo.missing_parent(tx, table, new)
    if missing:
        gone = repo.dropped_by(tx, missing[1], missing[2])
        if gone is not None:  # its parent was decided away: it goes with it (on record, nothing to decide)
            repo.add_conflict(tx, {
                "id": repo.conflict_key(table, rid, missing[0], [event["id"]]), "kind": "missing_parent",
                "table_name": table, "record_id": rid, "subject_id": event.get("subject_id"), "field": missing[0],
                "local_value": json.dumps({"table": missing[1], "id": missing[2]}), "remote_event": json.dumps(event),
                "remote_row": json.dumps(new), "remote_value": json.dumps(new), "origin_store_id": origin,
                "origin_site": site, "status": "resolved", "resolution_id": gone["id"]})
            return False
        _conflict(tx, counts, kind="missing_parent", table=table, record_id=rid, field_=missing[0], event=event,
                  origin=origin, site=site, remote_row=new, remote_value=new,
                  local_value={"table": missing[1], "id": missing[2]}, waiting=True)
        return False
    with store.replaying(event):
        repo.insert_row(tx, table, new)
    return True


def _update(store: Store, tx, event: dict, origin: str, site: str, counts: dict) -> bool:
    """Per field the event changed: the value here already is its new one (nothing to do; the event is kept as
    the same change); the value here was set by a change the origin knew when it made this one (it was made on
    what is here: applied); else both changed the field since they last agreed: a conflict. When the origin's
    base is a change this workstation has never had (history of a third workstation not yet here), the values
    decide: the value here is the event's old value — applied; any other — a conflict."""
    table, rid = event["table_name"], event["record_id"]
    old, new = _values(event["old_values"]) or {}, _values(event["new_values"]) or {}
    bases = event.get("_bases") or {}
    here = repo.row(tx, table, rid)
    if here is None:
        if not repo.ever_here(tx, table, rid):  # its creation has not arrived yet (from a third workstation)
            _conflict(tx, counts, kind="missing_record", table=table, record_id=rid, field_=None, event=event,
                      origin=origin, site=site, remote_row=new, remote_value=new,
                      local_value={"table": table, "id": rid}, waiting=True)
            return False
        _conflict(tx, counts, kind="deleted_here", table=table, record_id=rid, field_=None, event=event,
                  origin=origin, site=site, local_event=repo.last_setter(tx, table, rid), remote_row=new,
                  remote_value=new)
        return False
    changes = {}
    for col, value in new.items():
        if col == "id" or _same(old.get(col), value) or col not in here:
            continue
        if col in repo.BOOKKEEPING:
            if str(value) > str(here[col] or ""):
                changes[col] = value
            continue
        mine = repo.setters(tx, table, rid, col)
        if _same(here[col], value):
            if mine:
                repo.add_alias(tx, table, rid, col, event["id"], mine[0])
            continue
        base = bases.get(col)
        if base is not None and set(base) & set(mine):
            changes[col] = value
            continue
        known = base is not None and any(repo.knows_change(tx, table, rid, col, b) for b in base)
        if not known and _same(here[col], old.get(col)):
            changes[col] = value
            continue
        if repo.resolution_naming(tx, table, rid, col, event["id"]):
            continue  # this change was already decided about (in a conflict resolved elsewhere)
        _conflict(tx, counts, kind="field", table=table, record_id=rid, field_=col, event=event, origin=origin,
                  site=site, local_value=here[col], local_event=repo.last_setter(tx, table, rid, col),
                  remote_value=value)
    if not [c for c in changes if c not in repo.BOOKKEEPING]:
        return False
    with store.replaying(event):
        repo.update_row(tx, table, rid, changes)
    return True


def _delete(store: Store, tx, event: dict, origin: str, site: str, counts: dict) -> bool:
    table, rid, old = event["table_name"], event["record_id"], _values(event["old_values"]) or {}
    here = repo.row(tx, table, rid)
    if here is None:
        if not repo.ever_here(tx, table, rid) and repo.dropped_by(tx, table, rid) is None:
            # deleted there before it arrived here: the deletion waits for the record (else it would come later)
            _conflict(tx, counts, kind="missing_record", table=table, record_id=rid, field_=None, event=event,
                      origin=origin, site=site, local_value={"table": table, "id": rid}, waiting=True)
        return False
    changed = [c for c in here if c not in repo.BOOKKEEPING and c in old and not _same(here[c], old[c])]
    if changed:
        _conflict(tx, counts, kind="deleted_there", table=table, record_id=rid, field_=",".join(changed), event=event,
                  origin=origin, site=site, local_value=here, local_event=repo.last_setter(tx, table, rid),
                  remote_value=None)
        return False
    with store.replaying(event):
        repo.delete_row(tx, table, rid)
    return True


_APPLY = {"INSERT": _insert, "UPDATE": _update, "DELETE": _delete}


def _retry_waiting(store: Store, tx, counts: dict) -> None:
    """Changes held for a record that was not here are applied once it is: a record whose parent arrived, an
    update or deletion of a record whose creation arrived — each by the same rules as on arrival (so it may still
    meet a conflict). Repeated while one wait ending lets another end."""
    progressed = True
    while progressed:
        progressed = False
        for c in repo.conflicts(tx, status="waiting"):
            event = json.loads(c["remote_event"])
            table, rid = c["table_name"], c["record_id"]
            if c["kind"] == "missing_parent":
                new = _values(event["new_values"]) or {}
                if repo.row(tx, table, rid) is not None:
                    repo.close_conflict(tx, c["id"], "arrived by another way")
                    progressed = True
                    continue
                if repo.missing_parent(tx, table, new):
                    continue
            elif repo.row(tx, table, rid) is None:
                continue  # the record itself has not arrived yet
            repo.close_conflict(tx, c["id"], "applied once the record it needs arrived")
            if _APPLY[event["action"]](store, tx, event, c["origin_store_id"], c["origin_site"], counts):
                counts["applied"] = counts.get("applied", 0) + 1
            counts["waiting"] = max(0, counts.get("waiting", 0) - 1)
            progressed = True


# --- resolving -----------------------------------------------------------------------------------------------

def _conflict_view(row: dict, values: bool = True) -> Conflict:
    """One conflict; without ``values`` (a user who may not see clinical data: the administrator who runs the
    exchange) its two values are left out."""
    return Conflict(id=row["id"], kind=row["kind"], table=row["table_name"], record_id=row["record_id"],
                    subject_id=row["subject_id"], field=row["field"],
                    local_value=json.loads(row["local_value"]) if row["local_value"] and values else None,
                    remote_value=json.loads(row["remote_value"]) if row["remote_value"] and values else None,
                    local=json.loads(row["local_event"]) if row["local_event"] else None,
                    remote=json.loads(row["remote_event"]), origin_site=row["origin_site"],
                    detected_at=row["detected_at"], status=row["status"], local_record_id=row["local_record_id"])


def conflicts(store: Store, user: User, *, include_resolved: bool = False) -> list[Conflict]:
    """The conflicts met on import (open ones; with ``include_resolved``, all). Their values only for users who
    may see clinical data; whoever runs the exchange sees that they are there."""
    values = _may_see_values(user)
    from trialdesk.db import participants as participants_repo

    names = {p.id: p.study_id for p in participants_repo.all_participants(store.db)}
    return [dataclasses.replace(_masked(store, user, _conflict_view(r, values)), study_id=names.get(r["subject_id"]))
            for r in repo.conflicts(store.db, status=None if include_resolved else "open")]


MASKED = "masked (blinded)"


def _masked(store: Store, user: User, found: Conflict) -> Conflict:
    """A blinded user sees a conflict on a masked blood result (IgG, NK after the first dose) as masked, as
    everywhere else; the decision is still theirs to take (keep one side), never by the value."""
    if found.table != "lab_results" or not found.subject_id:
        return found
    from trialdesk.services.visits import blinding

    masked = blinding.masked_analytes(store, user, found.subject_id)
    if not masked:
        return found
    rows = [v for v in (found.local_value, found.remote_value) if isinstance(v, dict)]
    new = _values(found.remote.get("new_values")) or {}
    analytes = {r.get("analyte") for r in rows} | {new.get("analyte")}
    here = repo.row(store.db, "lab_results", found.record_id)
    if here:
        analytes.add(here.get("analyte"))
    if analytes & set(masked):
        return dataclasses.replace(found, local_value=MASKED, remote_value=MASKED)
    return found


def _may_see_values(user: User) -> bool:
    if allowed(user, Action.VIEW_CLINICAL):
        return True
    require(user, Action.MANAGE_EXCHANGE)
    return False


def open_conflict_count(store: Store) -> int:
    """How many conflicts wait for an investigator (shown in the main window like the SAE clock)."""
    return repo.open_conflict_count(store.db)


def find_conflict(store: Store, user: User, ref: str, *, raw: bool = False) -> Conflict:
    values = _may_see_values(user)
    ref = (ref or "").strip().lower()
    rows = [r for r in repo.conflicts(store.db, status=None) if r["id"].startswith(ref)] if len(ref) >= 6 else []
    if len(rows) != 1:
        raise ValidationError("No conflict {ref}: give at least the first 6 characters of its id, as "
                              "'trialdesk exchange conflicts' lists it.", field="conflict", ref=ref[:40])
    found = _conflict_view(rows[0], values)
    return found if raw else _masked(store, user, found)


CHOICES = ("this", "other", "entered")


def resolve(store: Store, user: User, conflict_id: str, choice: str, reason: str, value=None) -> Conflict:
    """Decide one conflict, with ``reason``: keep the value / record of this workstation (``this``), take the other
    workstation's (``other``), or, for a field, enter the correct value (``entered``, with ``value``). An
    investigator's decision (``Action.RESOLVE_CONFLICT``); audited, and it travels to the other workstations."""
    require(user, Action.RESOLVE_CONFLICT)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Give the reason for the decision.", field="reason")
    if choice not in CHOICES:
        raise ValidationError("Choose this workstation's value, the other's, or enter the correct one.",
                              field="choice")
    found = find_conflict(store, user, conflict_id, raw=True)
    if found.status != "open":
        raise ValidationError("This conflict was already resolved.")
    if choice == "entered" and (value is None or (isinstance(value, str) and not value.strip())):
        raise ValidationError("Enter the correct value.", field="value")
    if choice == "entered" and found.kind != "field":
        raise ValidationError("A value can be entered for a field conflict only; choose one of the two records.",
                              field="choice")
    table, rid = found.table, found.record_id
    if choice == "entered":
        value = _entered_value(table, found.field, value)
    with store.acting(auth.actor(user), f"conflict resolved: {reason}") as tx:
        resolution_id = new_id()
        now = utc_iso()
        values = {"id": resolution_id, "site": store.info.site_code, "created_at": now, "updated_at": now,
                  "conflict_id": found.id, "kind": found.kind, "record_table": table, "record_id": rid,
                  "field": found.field, "choice": choice, "value": None, "kept_record_id": None,
                  "dropped_record_id": None, "reason": reason, "resolved_by": user.username, "resolved_at": now,
                  "event_ids": json.dumps(sorted(x for x in ((found.local or {}).get("id"), found.remote["id"])
                                                 if x))}
        if found.kind == "field":
            chosen = {"this": found.local_value, "other": found.remote_value, "entered": value}[choice]
            values["value"] = json.dumps(chosen)
        elif found.kind == "duplicate":
            keep_other = choice == "other"
            values["kept_record_id"] = rid if keep_other else found.local_record_id
            values["dropped_record_id"] = found.local_record_id if keep_other else rid
        elif found.kind in ("deleted_there", "deleted_here", "missing_parent"):
            values["kept_record_id"] = rid if choice == ("this" if found.kind == "deleted_there" else "other") \
                else None
            values["dropped_record_id"] = None if values["kept_record_id"] else rid
        conflict_row = repo.conflict(tx, found.id)
        if found.kind == "decided_differently":  # take one of the two decisions as the decision
            chosen = found.local_value if choice == "this" else found.remote_value
            values.update({k: chosen[k] for k in ("kind", "value", "kept_record_id", "dropped_record_id")})
            values["event_ids"] = json.dumps(sorted([found.local_value["id"], found.remote_value["id"]]))
            conflict_row = repo.conflict(tx, chosen["conflict_id"]) or conflict_row
        repo.insert_resolution(tx, values)
        _effect(store, tx, values, found_row=conflict_row, replay=None)
        repo.close_conflict(tx, found.id, resolution_id)
        _retry_waiting(store, tx, {"applied": 0, "conflicts": 0})
    return _masked(store, user, _conflict_view(repo.conflict(store.db, found.id)))


def _entered_value(table: str, column: str | None, text):
    """A value typed for a field conflict, checked as the field's kind in the record registry requires (a code of
    its list, a number, a date), stored as that field stores it. ValidationError at the field otherwise."""
    from datetime import date

    from trialdesk.domain import records

    text = str(text).strip()
    try:
        f = records.field_of(table, column or "")
    except KeyError:
        return text
    if f.kind in (records.Kind.HIDDEN, records.Kind.USER, records.Kind.REFERENCE, records.Kind.MOMENT) or f.vocabulary:
        raise ValidationError("This field is not entered by hand here: keep one of the two values.", field="value")
    if f.codes:
        if text in f.codes:
            return text
        by_word = {word.lower(): code for code, word in f.codes.items()}
        if text.lower() in by_word:
            return by_word[text.lower()]
        raise ValidationError("Choose one of: {codes}.", field="value", codes=", ".join(f.codes))
    if f.kind is records.Kind.BOOL:
        if text.lower() in ("1", "yes", "ja"):
            return 1
        if text.lower() in ("0", "no", "nei"):
            return 0
        raise ValidationError("Enter yes or no.", field="value")
    if f.kind in (records.Kind.NUMBER, records.Kind.INTEGER):
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValidationError("Enter a number (decimal comma or point).", field="value") from None
        return int(number) if f.kind is records.Kind.INTEGER and number.is_integer() else number
    if f.kind is records.Kind.DATE:
        from datetime import datetime as _dt

        day = None
        for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
            try:
                day = _dt.strptime(text, pattern).date()
                break
            except ValueError:
                continue
        if day is None:
            raise ValidationError("Enter a date as dd.mm.yyyy.", field="value")
        if not (date(1900, 1, 1) <= day <= date(2100, 12, 31)):
            raise ValidationError("Enter a date between 1900 and 2100.", field="value")
        return day.isoformat()
    return text


def _effect(store: Store, tx, resolution: dict, *, found_row: dict | None, replay: dict | None) -> None:
    """What a resolution changes in the records here (where it was decided, and where it arrives): the field set
    to the chosen value; the dropped record (and what hangs on it) removed; the kept record put here if it is not.
    ``replay``: the resolution's event when it arrives from elsewhere (the changes are then its author's)."""
    table, rid, n = resolution["record_table"], resolution["record_id"], [0]

    def doing(op: str):
        """Each change a decision makes has the same audit id at every workstation (derived from the decision):
        each knows it as the same change. Where it arrives, it is the decision's author's change."""
        n[0] += 1
        audit_id = str(uuid.uuid5(_NS, f"{resolution['id']}:{op}:{n[0]}"))
        if replay is None:
            return store.audit_id_next(audit_id)
        return store.replaying(replay, audit_id)

    if resolution["kind"] == "field":
        chosen = json.loads(resolution["value"]) if resolution["value"] is not None else None
        here = repo.row(tx, table, rid)
        if here is not None and not _same(here.get(resolution["field"]), chosen):
            with doing("update"):
                repo.update_row(tx, table, rid, {resolution["field"]: chosen, "updated_at": utc_iso()
                                                 if replay is None else replay["at"]})
        return
    dropped, kept = resolution["dropped_record_id"], resolution["kept_record_id"]
    if dropped and repo.row(tx, table, dropped) is not None:
        for child_table, child_id in repo.dependents(tx, table, dropped, travelling_tables(store)):
            with doing("delete"):
                repo.delete_row(tx, child_table, child_id)
        with doing("delete"):
            repo.delete_row(tx, table, dropped)
    if dropped:
        _close_orphans(store, tx, table, dropped, resolution["id"])
    if kept and repo.row(tx, table, kept) is None and found_row and found_row.get("remote_row"):
        remote = json.loads(found_row["remote_row"])
        if remote.get("id") == kept:  # the other workstation's own insert, as it was made (or a new conflict)
            _insert(store, tx, json.loads(found_row["remote_event"]), found_row["origin_store_id"],
                    found_row["origin_site"], {"applied": 0, "conflicts": 0, "already": 0})


def _close_orphans(store: Store, tx, table: str, dropped: str, resolution_id: str) -> None:
    """What a dropped record leaves behind. Records that waited for it as their parent (the other workstation's
    blood samples of a dose visit recorded twice, and their results) go with it: their conflicts close by the same
    decision. Another duplicate conflict about the dropped record is moot when the dropped record was the other
    workstation's; when it was the one here, the other's record is tried again (it may now clash with a third —
    a conflict every workstation meets alike — or fit)."""
    gone = {(table, dropped)}
    changed = True
    while changed:
        changed = False
        for c in repo.conflicts(tx) + repo.conflicts(tx, status="waiting"):
            if c["kind"] == "duplicate" and c["table_name"] == table and dropped in (c["record_id"],
                                                                                   c["local_record_id"]):
                repo.close_conflict(tx, c["id"], resolution_id)
                changed = True
                if c["local_record_id"] == dropped:
                    event = json.loads(c["remote_event"])
                    if repo.row(tx, table, c["record_id"]) is None:
                        _insert(store, tx, event, c["origin_store_id"], c["origin_site"],
                                {"applied": 0, "conflicts": 0, "already": 0})
                continue
            if c["kind"] not in ("missing_parent", "missing_record", "deleted_here"):
                continue
            parent = json.loads(c["local_value"]) if c["local_value"] else None
            waits_for = (parent["table"], parent["id"]) if isinstance(parent, dict) and "table" in parent else None
            if waits_for in gone or (c["table_name"], c["record_id"]) in gone:
                repo.close_conflict(tx, c["id"], resolution_id)
                gone.add((c["table_name"], c["record_id"]))
                changed = True


def _outcome(resolution: dict) -> tuple:
    """What a decision does to the records (two decisions with the same outcome agree)."""
    if resolution["kind"] == "field":
        return ("field", resolution["record_table"], resolution["record_id"], resolution["field"],
                resolution["value"])
    return (resolution["kind"], resolution["record_table"], resolution["kept_record_id"],
            resolution["dropped_record_id"])


def _apply_resolution_here(store: Store, tx, event: dict, counts: dict) -> None:
    """A decision taken at another workstation arrived: close the same conflict here and make its changes — unless
    a different decision on that conflict is already here (two investigators decided it differently before hearing
    of each other): then neither is applied over the other; that becomes a conflict of its own."""
    resolution = _values(event["new_values"])
    found = repo.conflict(tx, resolution["conflict_id"])
    others = [r for r in repo.resolutions_for(tx, resolution["conflict_id"]) if r["id"] != resolution["id"]]
    differing = [r for r in others if _outcome(r) != _outcome(resolution)]
    if differing:
        mine = differing[0]
        key = repo.conflict_key(resolution["record_table"], resolution["record_id"], resolution["field"],
                                [mine["id"], resolution["id"]])
        decided = [r for r in repo.resolutions_for(tx, key)]
        if not decided:
            local_event = repo.last_setter(tx, repo.RESOLUTIONS_TABLE, mine["id"])
            _conflict(tx, counts, kind="decided_differently", table=resolution["record_table"],
                      record_id=resolution["record_id"], field_=resolution["field"], event=event,
                      origin=event["site"], site=event["site"], local_value=mine, local_event=local_event,
                      remote_value=resolution, key=key)
        return
    if others:
        return  # the same decision taken twice: both are on record, the records are already as decided
    if found is not None and found["status"] == "open":
        repo.close_conflict(tx, found["id"], resolution["id"])
        counts["conflicts"] = max(0, counts["conflicts"] - 1)
    if found is None or found["kind"] != "decided_differently":
        _effect(store, tx, resolution, found_row=found, replay=event)
    else:
        _effect(store, tx, resolution, found_row=_original_conflict(tx, found), replay=event)


def _original_conflict(tx, found: dict) -> dict | None:
    """The conflict that two differing decisions were about (for its other workstation's record)."""
    first = json.loads(found["local_value"]) if found["local_value"] else {}
    return repo.conflict(tx, first.get("conflict_id", "")) if isinstance(first, dict) else None


# --- status and reconciliation ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PeerStatus:
    """Per paired workstation: what was sent to it and acknowledged, what was received from it, held, in conflict."""

    store_id: str
    site_code: str
    site_name: str
    active: bool
    sent_seq: int | None
    acked_seq: int
    received_seq: int
    bundles_received: int
    events_applied: int
    held: tuple[dict, ...]
    open_conflicts: int
    last_received_at: str | None
    to_send: int
    waiting: int = 0


def status(store: Store, user: User) -> list[PeerStatus]:
    """The exchange state with every paired workstation (``trialdesk exchange status``, the Exchange window)."""
    require(user, Action.MANAGE_EXCHANGE)
    out = []
    syncs = {s["peer_store_id"]: s for s in repo.all_sync_states(store.db)}
    origins = {o["origin_store_id"]: o for o in repo.all_origin_states(store.db)}
    open_rows = repo.conflicts(store.db)
    waiting_rows = repo.conflicts(store.db, status="waiting")
    for peer in pairing.peers(store, user):
        sync, origin = syncs.get(peer.store_id, {}), origins.get(peer.store_id, {})
        acked = int(sync.get("acked_seq") or 0)
        out.append(PeerStatus(
            store_id=peer.store_id, site_code=peer.site_code, site_name=peer.site_name, active=peer.active,
            sent_seq=sync.get("last_sent_seq"), acked_seq=acked, received_seq=int(origin.get("head_seq") or 0),
            bundles_received=int(origin.get("bundles") or 0), events_applied=int(origin.get("events_applied") or 0),
            held=tuple(repo.held_bundles(store.db, peer.store_id)),
            open_conflicts=sum(1 for c in open_rows if c["origin_store_id"] == peer.store_id),
            last_received_at=origin.get("updated_at"),
            to_send=len(bundle_repo.events_after(store.db, store.info.site_code, acked)),
            waiting=sum(1 for c in waiting_rows if c["origin_store_id"] == peer.store_id)))
    return out


@dataclass(frozen=True)
class ReconciliationLine:
    subject_id: str
    study_id: str
    here: str | None
    there: str | None

    @property
    def equal(self) -> bool:
        return self.here is not None and self.here == self.there


def reconciliation(store: Store, user: User, peer_ref: str) -> tuple[pairing.Peer, list[ReconciliationLine]]:
    """Per participant, the digest of the data here and the one the peer reported in its last bundle (equal after
    a full exchange): the record, for the monitor, that the transfer was complete."""
    require(user, Action.MANAGE_EXCHANGE)
    peer = pairing.find_peer(store, user, peer_ref)
    state = repo.origin_state(store.db, peer.store_id)
    theirs = json.loads(state["data_digests"]) if state and state["data_digests"] else {}
    ours = data_digests(store)
    from trialdesk.db import participants as participants_repo

    names = {p.id: p.study_id for p in participants_repo.all_participants(store.db)}
    subjects = sorted(set(ours) | set(theirs), key=lambda s: names.get(s, s))
    return peer, [ReconciliationLine(s, names.get(s, "?"), ours.get(s), theirs.get(s)) for s in subjects]


def acknowledged_peers(store: Store) -> int:
    """How many paired workstations have acknowledged our chain with its hash (what verify can compare)."""
    return sum(1 for s in repo.all_sync_states(store.db) if s.get("acked_seq") and s.get("acked_hash"))


def witness_problems(store: Store) -> list[str]:
    """What the peers' acknowledgements say about this store's own chain: each peer holds our chain up to a seq
    with a hash; a different hash here at that seq means this store's history was rewritten after it was sent
    (``trialdesk verify`` reports it)."""
    problems = []
    for sync in repo.all_sync_states(store.db):
        seq, expected = int(sync.get("acked_seq") or 0), sync.get("acked_hash")
        if not seq or not expected:
            continue
        here = repo.audit_hash_at(store.db, seq)
        if here != expected:
            problems.append(f"peer {sync['peer_store_id']} holds this store's audit chain up to row {seq} with a "
                            f"different hash ({str(expected)[:12]}… there, {str(here)[:12]}… here): this store's "
                            "history was rewritten after it was sent")
    return problems


def save_bundle_path(folder: Path, site: str, peer_site: str) -> Path:
    """The file name a sync folder uses for the bundle from ``site`` to ``peer_site`` (one per direction)."""
    return Path(folder) / f"trialdesk-{site}-to-{peer_site}.tdbundle"
