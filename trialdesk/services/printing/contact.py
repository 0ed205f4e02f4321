"""The contact summary: one recorded contact (phone follow-up, consultation, end of study, long-term follow-up)
with its attempts, a consultation's blood results, the AEs reported at it, its signature and its audit lines."""

from __future__ import annotations

from datetime import datetime

from trialdesk.db import contacts as contacts_repo
from trialdesk.db import printouts as printouts_repo
from trialdesk.db.connection import Store
from trialdesk.domain import records as records_registry
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.printouts import documents
from trialdesk.printouts.model import CasebookData, CasebookSection, Table
from trialdesk.services import audit_reader, signatures
from trialdesk.services import visits as visits_service
from trialdesk.services.permissions import Action, require
from trialdesk.services.printing._common import (
    DOCUMENT_VERSION,
    _audit_line,
    _check_language,
    _finish,
    _Fmt,
    _header,
    _participant,
    _reader_lines,
    _signature_block,
    heading_case,
)
from trialdesk.services.printing.casebook_doc import consultation_lab_table
from trialdesk.services.printout_words import label


def contact_summary(store: Store, user: User, participant_id: str, visit_code: str, *, language: str = "en",
                    now: datetime | None = None) -> bytes:
    """The PDF of one recorded contact; ValidationError when the contact has not been recorded."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    participant = _participant(store, participant_id)
    contact = contacts_repo.contact(store.db, participant_id, visit_code)
    if contact is None:
        raise ValidationError("{code} has not been recorded yet: nothing to print.", code=visit_code)
    data = contact_summary_data(store, user, f, participant, contact, now=now)
    return _finish(store, user, documents.casebook(data), document="contact_summary", table="contacts",
                   record_id=contact["id"], study_id=participant.study_id)


def contact_summary_data(store: Store, user: User, f: _Fmt, participant, contact: dict, *,
                         now: datetime | None = None) -> CasebookData:
    db, pid = store.db, participant.id

    def read(table: str, rows, **kw) -> list[audit_reader.ReadRecord]:
        return audit_reader.read_records(store, user, pid, table, rows, language=f.language, **kw)

    def heads(table: str, columns) -> list[str]:
        return [audit_reader.word(records_registry.field_of(table, c).label, f.language) for c in columns]

    worded = read("contacts", [contact], skip=("signature_id",))[0]
    tables = []
    attempts = contacts_repo.attempts(db, contact["id"])
    if attempts:
        cols = ("attempted_at", "outcome", "note")
        labels = heads("contact_attempts", cols)
        tables.append(Table(f.tr("Contact attempts"), tuple(heading_case(x) for x in labels),
                            tuple(tuple(a.value(x) for x in labels) for a in read("contact_attempts", attempts)),
                            widths=(0.25, 0.25, 0.5)))
    at_contacts = printouts_repo.sample_contacts(db, pid)
    subset = [v for v in visits_service.lab_results(store, user, pid) if at_contacts.get(v.sampled_at) == contact["id"]]
    if subset:
        tables.append(consultation_lab_table(f, subset))
    aes = printouts_repo.contact_adverse_events(db, contact["id"])
    if aes:
        cols = ("term", "verbatim", "onset_date", "grade", "serious", "outcome")
        labels = heads("adverse_events", cols)
        tables.append(Table(f.tr("Adverse events reported at this contact"), tuple(heading_case(x) for x in labels),
                            tuple(tuple(a.value(x) for x in labels) for a in read("adverse_events", aes, columns=cols))))
    sigs = tuple(_signature_block(s, f) for s in signatures.signatures_for(store, "contacts", contact["id"]))
    needs_signature = contact["kind"] == "end_of_study" and contact["state"] == "done"
    section = CasebookSection(worded.name, pairs=worded.pairs, tables=tuple(tables),
                              signatures=sigs or ((None,) if needs_signature else ()))
    audit = [_audit_line(line) for line in _reader_lines(store, user, f, pid,
                                                         printouts_repo.contact_records(db, contact["id"]))]
    header = _header(store, user, participant.study_id, label("contact_title", f.language),
                     DOCUMENT_VERSION["contact_summary"], f.language, now)
    return CasebookData(header=header, sections=(section,), audit=tuple(audit),
                        legend=f.tr("Times are Europe/Oslo."))
