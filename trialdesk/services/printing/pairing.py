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
from trialdesk.printouts.model import PairingCardData, PairingSide
from trialdesk.services import auth, formats, pairing
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

