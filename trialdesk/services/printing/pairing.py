"""The pairing card (issue 12): this workstation's fingerprint — and the paired workstation's, when one is given —
with study, site, store id and date, for the two people who compare them to sign. It shows no clinical data."""

from __future__ import annotations

import hashlib
from datetime import datetime

from trialdesk.clock import LOCAL_TZ, utc_now
from trialdesk.db.connection import Store
from trialdesk.domain.people import User
from trialdesk.exchange.identity import Identity
from trialdesk.printouts import documents
from trialdesk.printouts.model import PairingCardData, PairingSide, ReconciliationData
from trialdesk.services import auth, formats, merge, pairing
from trialdesk.services.permissions import Action, require
from trialdesk.services.printing._common import DOCUMENT_VERSION, _check_language, _Fmt, _header
from trialdesk.services.printout_words import label


def _side(f: _Fmt, heading: str, identity: Identity) -> PairingSide:
    site = f"{identity.site_name} ({identity.site_code})"
    return PairingSide(heading, (
        (f.tr("Study"), identity.study),
        (label("site", f.language), site),
        (f.tr("Store id"), identity.store_id),
        (f.tr("Keys made"), formats.moment(identity.created_at, f.language)),
    ), identity.fingerprint, site)


def pairing_card(store: Store, user: User, peer: str | None = None, *, language: str = "en",
                 now: datetime | None = None) -> bytes:
    """The PDF of the pairing card: ours, and the paired workstation ``peer`` (store id or site code) if given.
    Audited as a print (its sha256 and pages)."""
    require(user, Action.MANAGE_EXCHANGE)
    f = _Fmt(_check_language(language))
    now = now or utc_now()
    own = pairing.own_identity(store, user, audit=False)
    other = pairing.find_peer(store, user, peer) if peer else None
    header = _header(store, user, "", f.tr("Workstation pairing card"), DOCUMENT_VERSION["pairing_card"], language,
                     now)
    sides = [_side(f, f.tr("This workstation"), own.identity)]
    if other is not None:
        sides.append(_side(f, f.tr("Paired workstation"), other.identity))
    data = PairingCardData(
        header=header,
        intro=f.tr("Read the fingerprints aloud, group by group, with the person at the other workstation (by phone "
                   "or side by side), and compare them with what the other workstation shows. Pair only when every "
                   "group is the same. Printed on {date}; keep the signed card in the trial master file.").format(
            date=formats.day(now.astimezone(LOCAL_TZ).date())),
        fingerprint_label=f.tr("Fingerprint"),
        sides=tuple(sides),
        confirmation=f.tr("Fingerprints read aloud and found the same, at {site}"),
        signature_rows=(f.tr("Name in block letters"), f.tr("Signature"), label("place_date", f.language)),
    )
    doc = documents.pairing_card(data)
    store.log_event("PRINT", auth.actor(user), table="peers" if other else None, record_id=other.id if other else None,
                    detail={"document": "pairing_card", "sha256": hashlib.sha256(doc.data).hexdigest(),
                            "pages": doc.pages, "bytes": len(doc.data), "fingerprint": own.fingerprint})
    return doc.data



def reconciliation_report(store: Store, user: User, peer: str, *, language: str = "en",
                          now: datetime | None = None) -> bytes:
    """The reconciliation report with the paired workstation ``peer``: per participant the data digest here and the
    one the peer reported in its last bundle — equal after a full exchange: the record, for the monitor, that the
    transfer was complete. No clinical value (study ids and digests). Audited as a print."""
    require(user, Action.MANAGE_EXCHANGE)
    f = _Fmt(_check_language(language))
    now = now or utc_now()
    other, lines = merge.reconciliation(store, user, peer)
    found = {s.store_id: s for s in merge.status(store, user)}.get(other.store_id)
    header = _header(store, user, "", f.tr("Exchange reconciliation report"), DOCUMENT_VERSION["reconciliation"],
                     language, now)
    equal = sum(1 for line in lines if line.equal)
    rows = tuple((line.study_id, (line.here or "—")[:16], (line.there or "—")[:16],
                  f.tr("yes") if line.equal else f.tr("NO")) for line in lines)
    data = ReconciliationData(
        header=header,
        intro=f.tr("For each participant, a digest of every record of theirs at this workstation and at the paired "
                   "workstation, as that workstation reported it in its last bundle. The digests are equal when both "
                   "hold the same data: after a full exchange every row says yes."),
        facts=((f.tr("This workstation"), f"{store.meta('site_name') or store.info.site_code} "
                                          f"({store.info.site_code})"),
               (f.tr("Paired workstation"), f"{other.site_name} ({other.site_code})"),
               (f.tr("Last bundle received from it"), formats.moment(found.last_received_at, f.language)
                if found and found.last_received_at else "—"),
               (f.tr("Open conflicts"), str(merge.open_conflict_count(store)))),
        columns=(f.tr("Study id"), f.tr("Digest here"), f.tr("Digest there"), f.tr("Equal")),
        rows=rows, differing=tuple(i for i, line in enumerate(lines) if not line.equal),
        summary=f.tr("{equal} of {total} participants equal at both workstations.").format(equal=equal,
                                                                                          total=len(lines)),
        signature_rows=(f.tr("Name in block letters"), f.tr("Signature"), label("place_date", f.language)),
    )
    doc = documents.reconciliation_report(data)
    store.log_event("PRINT", auth.actor(user), table="peers", record_id=other.id,
                    detail={"document": "reconciliation", "sha256": hashlib.sha256(doc.data).hexdigest(),
                            "pages": doc.pages, "bytes": len(doc.data), "participants": len(lines), "equal": equal})
    return doc.data
