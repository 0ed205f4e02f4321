"""Print use cases (issue 6): load what a document shows, as this user may see it, render the PDF,
audit the print (who, what, when, sha256 of the bytes, pages) and return the bytes.

Nothing is written to disk here: the caller writes the bytes where the user asked (clinical data
must not be left unencrypted in temporary files). Blinded users never get a masked value or flag in
a PDF: lab values come through :func:`services.visits.lab_results`, which masks them.

One module per document — :mod:`.consent`, :mod:`.screening`, :mod:`.visit`, :mod:`.sae`,
:mod:`.casebook_doc`, :mod:`.pairing` — and :mod:`._common` for what they share (the document's words and numbers, the
page header, the print's audit event). Their SQL is in ``trialdesk.db`` (``db.printouts`` for the reads only
a printout needs). Every public name is importable from here (``printing.visit_summary(...)``).
"""

from __future__ import annotations

from trialdesk.db.visits import visit_records
from trialdesk.services.printing._common import (
    DOCUMENT_VERSION,
    LANGUAGES,
    _Fmt,  # noqa: F401  (casebook_data takes one)
    local_stamp,
)
from trialdesk.services.printing.casebook_doc import casebook, casebook_data
from trialdesk.services.printing.contact import contact_summary
from trialdesk.services.printing.consent import CONSENT_DIR, consent_form, consent_template, consent_versions
from trialdesk.services.printing.pairing import pairing_card, reconciliation_report
from trialdesk.services.printing.sae import sae_report
from trialdesk.services.printing.screening import screening_summary
from trialdesk.services.printing.visit import visit_summary

__all__ = ["CONSENT_DIR", "DOCUMENT_VERSION", "LANGUAGES", "casebook", "casebook_data", "consent_form",
           "consent_template", "consent_versions", "contact_summary", "local_stamp", "pairing_card", "reconciliation_report", "sae_report", "screening_summary", "visit_records", "visit_summary"]
