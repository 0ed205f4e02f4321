"""The casebook: every form and value of one participant, the signatures and the readable audit trail.

(Not named ``casebook``: :func:`trialdesk.services.printing.casebook` is the function.)"""

from __future__ import annotations

from datetime import datetime

from trialdesk.clock import parse_utc
from trialdesk.db import contacts as contacts_repo
from trialdesk.db import history as history_repo
from trialdesk.db import participants as participants_repo
from trialdesk.db import printouts as printouts_repo
from trialdesk.db import screening as screening_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain import records as records_registry
from trialdesk.domain.adverse_events import SAE_CRITERIA
from trialdesk.domain.people import User
from trialdesk.printouts import documents
from trialdesk.printouts.model import AuditLine, CasebookData, CasebookSection, Table
from trialdesk.services import audit_reader, signatures
from trialdesk.services import printout_words as pw
from trialdesk.services import screening as screening_service
from trialdesk.services import visits as visits_service
from trialdesk.services.permissions import Action, require
from trialdesk.services.printing._common import (
    DOCUMENT_VERSION,
    _ae_term,
    _audit_line,
    _check_language,
    _finish,
    _Fmt,
    _grade_words,
    _header,
    _participant,
    _reader_lines,
    _signature_block,
    heading_case,
)
from trialdesk.services.printing.screening import _screening_facts
from trialdesk.services.printing.visit import _lab_lines, _visit_data
from trialdesk.services.printout_words import label

# What an eligibility signature covers (services.screening.checklist): changes after it are marked.
_SIGNED_SCOPE = {"participants": {"sex", "birth_date", "childbearing_potential"}, "consents": None,
                 "screenings": None, "screening_judgements": None}


def _audit_lines(store: Store, user: User, f: _Fmt, participant_id: str,
                 records: list[tuple[str, str]] | None = None) -> tuple[list[AuditLine], set[tuple[str, str]]]:
    """The audit trail as the History tab reads it; a new record is one line with all its values (keeps the trail
    readable and the PDF fast). Also the (table, column) — (table, criterion) for judgements — changed after the
    first eligibility signature."""
    signed = history_repo.first_signature_at(store.db, participant_id)
    first_signed = parse_utc(signed) if signed else None
    lines: list[AuditLine] = []
    changed_after: set[tuple[str, str]] = set()
    entered: dict[int, list[audit_reader.Line]] = {}
    for line in _reader_lines(store, user, f, participant_id, records):
        scope = _SIGNED_SCOPE.get(line.source.table, False)
        column = line.column.column if line.column else None
        after = bool(first_signed and column and line.when > first_signed and scope is not False
                     and (scope is None or column in scope))
        if after:
            changed_after.add((line.source.table, column if line.source.table != "screening_judgements"
                               else (line.names[0] if line.names else "")))
        if line.operation == "INSERT":
            group = entered.setdefault(line.seq, [])
            if not group:
                lines.append(_audit_line(line))  # replaced below by the record's one line
            group.append(line)
            lines[-1] = AuditLine(
                at_local=line.at, username=line.username, action=line.action, record=line.record,
                field=audit_reader.word(records_registry.NEW_RECORD, f.language), old="",
                new="; ".join(f"{x.field}: {x.new}" for x in group), reason=line.reason,
                after_signing=lines[-1].after_signing or after)
            continue
        lines.append(_audit_line(line, after))
    return lines, changed_after


def casebook(store: Store, user: User, participant_id: str, *, language: str = "en",
             now: datetime | None = None) -> bytes:
    """Every form and value of one participant, the signatures, and the readable audit trail;
    values changed after the eligibility signature are marked."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    participant = _participant(store, participant_id)
    data = casebook_data(store, user, f, participant, now=now)
    doc = documents.casebook(data)
    return _finish(store, user, doc, document="casebook", table="participants", record_id=participant_id,
                   study_id=participant.study_id)


def casebook_data(store: Store, user: User, f: _Fmt, participant, *, now: datetime | None = None) -> CasebookData:
    db = store.db
    pid = participant.id
    audit, changed = _audit_lines(store, user, f, pid)
    bank = participants_repo.blood_bank_dates(db, pid)
    sections = [CasebookSection(f.tr("Participant"), pairs=(
        (f.tr("Study id", "visits"), participant.study_id),
        (f.tr("Site", "ParticipantTableModel"), participant.site),
        (f.tr("Sex", "ParticipantTableModel"), f.sex(participant.sex)),
        (f.tr("Birth date", "NewCandidateDialog"), f.day(participant.birth_date)),
        (f.tr("Childbearing potential", "NewCandidateDialog"), f.yes_no(participant.childbearing_potential)),
        (f.tr("Status", "ParticipantTableModel"), f.code(participant.status, pw.STATUSES)),
        (f.tr("Inclusion date"), f.day(participant.inclusion_date)),
        (f.tr("Type and screen date", "DoseVisitWidget"), f.day(bank.type_and_screen_on)),
        (f.tr("Alert card issued on", "DoseVisitWidget"), f.day(bank.alert_card_issued_on)),
    ))]
    consents = participants_repo.consents(db, pid)
    sections.append(CasebookSection(f.tr("Informed consent"), tables=(Table(
        "", (f.tr("Version"), f.tr("Language"), f.tr("Participant signed"),
             f.tr("Investigator signed"), f.tr("Obtained by"),
             f.tr("Copy given")),
        tuple((c.form_version, c.language, f.day(c.participant_signed_on), f.day(c.investigator_signed_on),
               c.obtained_by_name, f.yes_no(c.copy_given)) for c in consents),
        marked=frozenset(i for i in range(len(consents)) if ("consents", "form_version") in changed)),)))
    # Screening: facts, criteria, decisions and signatures.
    if screening_repo.screening_id(db, pid) is not None:
        state = screening_service.load(store, user, pid)
        facts = _screening_facts(f, participant, state)
        fact_fields = [None, "birth_date", "childbearing_potential", None, "screening_date", "canadian_criteria_met",
                       "severity", "me_cfs_onset_date", "onset_trigger", "pregnancy_test", "nk_value_text",
                       "igg_value_text"]
        marked = set()
        for i, name in enumerate(fact_fields):
            if name and (("screenings", name) in changed or ("participants", name) in changed
                         or ("screenings", name.replace("_text", "")) in changed):
                marked.add(i)
            if name == "nk_value_text" and {("screenings", "nk_unit"), ("screenings", "nk_value")} & changed:
                marked.add(i)
            if name == "igg_value_text" and {("screenings", "igg_unit"), ("screenings", "igg_value")} & changed:
                marked.add(i)
        proto = screening_service.protocol()
        crit_rows = []
        crit_marked = set()
        for i, criterion in enumerate(proto.criteria):
            result = state.result.result(criterion.id)
            judged = state.judgements.get(criterion.id)
            crit_rows.append((criterion.id, criterion.text_nb if f.language == "nb" else criterion.text_en,
                              f.word(pw.SCREENING_STATUS[result.status]), f.explain(result.explanation)
                              + (f" — {judged.note}" if judged and judged.note else "")))
            if ("screening_judgements", criterion.id) in changed:
                crit_marked.add(i)
        decisions = screening_repo.decisions(db, pid)
        current = screening_service.checklist(store, pid)
        sid = screening_repo.screening_id(db, pid)
        sig_blocks = tuple(_signature_block(s, f) for s in signatures.signatures_for(store, "screenings", sid, current))
        verdict = f.word(pw.VERDICTS[state.result.verdict])
        sections.append(CasebookSection(
            f.tr("Screening", "ParticipantTableModel"), pairs=tuple(facts) + ((f.tr("Live verdict"), verdict),),
            tables=(
                Table(f.tr("Criteria"), ("Id", label("criterion", f.language), label("status", f.language),
                                                     label("numbers_used", f.language)),
                      tuple(crit_rows), marked=frozenset(crit_marked), widths=(0.06, 0.44, 0.13, 0.37)),
                Table(f.tr("Signed eligibility decisions"),
                      (f.tr("Decided"), label("verdict", f.language), f.tr("Failed"),
                       f.tr("Missing"), f.tr("Protocol")),
                      tuple((f.time(d.decided_at), f.code(d.verdict, pw.VERDICTS), ", ".join(d.failed),
                             ", ".join(d.missing), d.protocol_version) for d in decisions)),
            ),
            signatures=sig_blocks or (None,),  # None prints "NOT SIGNED"
            note=f.tr("Highlighted rows changed after the eligibility signature.") if changed else "",
        ))
        if marked:
            facts_marked = [(("† " + a) if i in marked else a, b) for i, (a, b) in enumerate(facts)]
            s = sections[-1]
            sections[-1] = CasebookSection(s.title, pairs=tuple(facts_marked) + s.pairs[len(facts):], tables=s.tables,
                                           signatures=s.signatures, note=s.note)
    # Visit calendar.
    plan = screening_repo.visits(db, pid)
    if plan:
        sections.append(CasebookSection(f.tr("Visit calendar", "ParticipantWorkspace"), tables=(Table(
            "", (f.tr("Code", "visits"), f.tr("Visit", "visits"), f.tr("Target date", "visits"), f.tr("Window", "visits"),
                 f.tr("Done", "PlannedVisitTableModel")),
            tuple((v.code, v.label_nb if f.language == "nb" else v.label_en, f.day(v.target_date),
                   f"{f.day(v.window_start)} – {f.day(v.window_end)}", f.day(v.done_on)) for v in plan),
            widths=(0.08, 0.40, 0.14, 0.24, 0.14)),)))
    # Dose visits.
    views = visits_service.lab_results(store, user, pid)
    samples = visits_repo.sample_visits(db, pid)
    lab_cols = tuple(label(k, f.language) for k in ("analyte", "sampled", "entered", "canonical", "flag", "ctcae", "safety"))
    lab_widths = (0.14, 0.11, 0.13, 0.13, 0.07, 0.15, 0.27)

    def lab_table(title: str, subset) -> Table:
        return Table(title, lab_cols, tuple((x.analyte, x.sampled_at, x.entered, x.canonical, x.flag, x.ctcae, x.safety)
                                            for x in _lab_lines(f, subset)), widths=lab_widths)

    for visit in visits_repo.dose_visits(db, pid):
        admin = visits_repo.administration(db, visit["id"])
        vd = _visit_data(store, user, f, participant, visit, admin, now=now, live=False)
        subset = [v for v in views if samples.get(v.sampled_at) == visit["id"]]
        pairs = vd.visit + ((label("go_no_go", f.language), vd.go_verdict),) + vd.go_notes
        tables = [lab_table(label("labs", f.language), subset)]
        if vd.premedication:
            tables.append(Table(label("premedication", f.language), (f.tr("Drug"), f.tr("Given")),
                                vd.premedication, widths=(0.4, 0.6)))
        if vd.administration:
            tables.append(Table(label("administration", f.language), (f.tr("Item"), f.tr("Value")),
                                vd.administration, widths=(0.32, 0.68)))
        sections.append(CasebookSection(f"{f.tr('Dose visit', 'DoseVisitWidget')} {visit['dose_code']}", pairs=pairs,
                                        tables=tuple(tables), signatures=vd.signatures))
    at_contacts = printouts_repo.sample_contacts(db, pid)
    sections += _contact_sections(store, user, f, pid, views, at_contacts)
    other = [v for v in views if samples.get(v.sampled_at) is None and v.sampled_at not in at_contacts]
    if other:
        sections.append(CasebookSection(f.tr("Other blood results"),
                                        tables=(lab_table("", other),)))
    # Adverse events.
    proto = screening_service.protocol()
    ae_tables = []
    for n, ae in enumerate(visits_repo.adverse_events(db, pid), start=1):
        crit = [f.word(pw.SAE_CRITERIA[key]) for key in SAE_CRITERIA if ae[key]]
        rows = (
            (f.tr("Term"), _ae_term(f, proto, ae)), (f.tr("Verbatim", "visits"), ae["verbatim"]),
            (f.tr("Onset date", "AdverseEventDialog"), f.day(ae["onset_date"])), (f.tr("End date", "AdverseEventDialog"), f.day(ae["end_date"])),
            (f.tr("Grade (CTCAE v{version})").format(version=ae["ctcae_version"]), _grade_words(f, proto, ae)),
            (f.tr("Serious", "visits"), f.yes_no(ae["serious"]) + (f" — {', '.join(crit)}" if crit else "")),
            (f.tr("Causality", "visits"), f.code(ae["causality"])),
            (f.tr("Action taken"), f.code(ae["action_taken"], pw.ACTIONS_TAKEN)), (f.tr("Outcome", "visits"), f.code(ae["outcome"])),
            (f.tr("Aware"), f.moment(ae.get("aware_at"))),
            (f.tr("Reported to sponsor"), f.moment(ae.get("sae_reported_at"))),
        )
        ae_tables.append(Table(f"{f.tr('Adverse event', 'AdverseEventDialog')} {n}",
                               (f.tr("Item"), f.tr("Value")), rows, widths=(0.32, 0.68)))
    sections.append(CasebookSection(f.tr("Adverse events"), tables=tuple(ae_tables),
                                    note="" if ae_tables else f.tr("None recorded.")))
    sections += _course_sections(store, user, f, participant)
    header = _header(store, user, participant.study_id, label("casebook_title", f.language),
                     DOCUMENT_VERSION["casebook"], f.language, now)
    legend = f.tr("† and highlighted rows: value changed after the eligibility signature. Times are Europe/Oslo "
                  "(with their offset from UTC where given); an e-signature also keeps its UTC record time.")
    return CasebookData(header=header, sections=tuple(sections), audit=tuple(audit), legend=legend)


def consultation_lab_table(f: _Fmt, subset) -> Table:
    """A consultation's blood results: the pre-dose table without its pre-dose safety column (never "pre-dose")."""
    cols = tuple(label(k, f.language) for k in ("analyte", "sampled", "entered", "canonical", "flag", "ctcae"))
    return Table(label("consultation_labs", f.language), cols,
                 tuple((x.analyte, x.sampled_at, x.entered, x.canonical, x.flag, x.ctcae) for x in _lab_lines(f, subset)),
                 widths=(0.18, 0.16, 0.17, 0.17, 0.10, 0.22))


def _pairs_table(title: str, f: _Fmt, read: audit_reader.ReadRecord) -> Table:
    return Table(title, (f.tr("Item"), f.tr("Value")), read.pairs, widths=(0.32, 0.68))


def _contact_sections(store: Store, user: User, f: _Fmt, pid: str, views, at_contacts: dict
                      ) -> list[CasebookSection]:
    """Every contact recorded after the first dose (with its attempts, a consultation's blood results and the end of
    study's signature) — worded by the record registry through the audit reader, as the History tab words them."""
    db = store.db
    out: list[CasebookSection] = []

    def read(table: str, rows, **kw) -> list[audit_reader.ReadRecord]:
        return audit_reader.read_records(store, user, pid, table, rows, language=f.language, **kw)

    contact_rows = contacts_repo.contacts(db, pid)
    if contact_rows:
        tables = []
        for contact, worded in zip(contact_rows, read("contacts", contact_rows, skip=("signature_id",))):
            tables.append(_pairs_table(worded.name, f, worded))
            attempts = contacts_repo.attempts(db, contact["id"])
            if attempts:
                worded_attempts = read("contact_attempts", attempts)
                cols = ("attempted_at", "outcome", "note")
                labels = [audit_reader.word(records_registry.field_of("contact_attempts", c).label, f.language)
                          for c in cols]
                tables.append(Table(f.tr("Contact attempts"), tuple(heading_case(x) for x in labels),
                                    tuple(tuple(a.value(x) for x in labels) for a in worded_attempts),
                                    widths=(0.25, 0.25, 0.5)))
            subset = [v for v in views if at_contacts.get(v.sampled_at) == contact["id"]]
            if subset:
                tables.append(consultation_lab_table(f, subset))
        sigs = tuple(_signature_block(s, f) for c in contact_rows if c.get("signature_id")
                     for s in signatures.signatures_for(store, "contacts", c["id"]))
        out.append(CasebookSection(f.tr("Contacts and follow-ups"), tables=tuple(tables), signatures=sigs))
    return out


def _registry(f: _Fmt, table: str, column: str, code: str | None = None) -> str:
    """A registry field's label (capitalised) or, given ``code``, the code's word, in the document's language."""
    entry = records_registry.field_of(table, column)
    if code is None:
        text = audit_reader.word(entry.label, f.language)
        return text[:1].upper() + text[1:]
    source = (entry.codes or {}).get(code)
    return audit_reader.word(source, f.language) if source else code


def _course_sections(store: Store, user: User, f: _Fmt, participant) -> list[CasebookSection]:
    """The participant's course (disposition events, CDISC DS) and concomitant medications (CM), issue 11."""
    from trialdesk.services import disposition as disposition_service
    from trialdesk.services import medications as medications_service

    events = disposition_service.events(store, user, participant.id)
    row = participants_repo.row(store.db, participant.id) or {}
    pairs = ((_registry(f, "participants", "status"), f.code(participant.status, pw.STATUSES)),
             (_registry(f, "participants", "study_drug_discontinued_on"),
              f.day(row.get("study_drug_discontinued_on")) or f.tr("not discontinued")))

    def reason(event) -> str:
        from trialdesk.services.audit_reader import system_reason

        return (f.tr("no reason given (the participant need not give one)", "DispositionTableModel")
                if event.no_reason_given else system_reason(event.reason, f.language))

    course = CasebookSection(f.tr("Course of the study (disposition)"), pairs=pairs, tables=(Table(
        "", tuple(_registry(f, "dispositions", c) for c in ("event_date", "event", "to_status", "withdrawal_scope",
                                                            "reason", "recorded_by")),
        tuple((f.day(e.event_date), _registry(f, "dispositions", "event", e.event),
               _registry(f, "dispositions", "to_status", e.to_status),
               _registry(f, "dispositions", "withdrawal_scope", e.withdrawal_scope) if e.withdrawal_scope else "",
               reason(e), e.recorded_by_name) for e in events)),) if events else (),
        note="" if events else f.tr("None recorded."))
    meds = medications_service.list_medications(store, user, participant.id)
    ae_numbers = {ae["id"]: n for n, ae in enumerate(visits_repo.adverse_events(store.db, participant.id), start=1)}
    criterion = screening_service.protocol().medications.criterion or ""

    def flag(m) -> str:
        if not m.forbidden_class:
            return ""
        label = medications_service.class_label(m.forbidden_class, f.language)
        note = m.forbidden_reason or f.tr("awaiting the investigator's review")
        return f"{label} ({criterion}): {note}"

    columns = ("name", "dose", "indication", "start_date", "stop_date", "adverse_event_id", "forbidden_class")
    heads = [_registry(f, "concomitant_medications", c) for c in columns]
    # Dose, frequency and route in one column: nine columns do not fit a portrait page without breaking words.
    heads[1] = ", ".join(_registry(f, "concomitant_medications", c) for c in ("dose", "frequency", "route"))

    def dosing(m) -> str:
        route = _registry(f, "concomitant_medications", "route", m.route) if m.route else ""
        return ", ".join(x for x in (" ".join(y for y in (m.dose, m.dose_unit) if y), m.frequency or "", route) if x)

    medications = CasebookSection(f.tr("Concomitant medications"), tables=(Table(
        "", tuple(heads),
        tuple((m.name, dosing(m), m.indication or "",
               f.day(m.start_date),
               _registry(f, "concomitant_medications", "ongoing") if m.ongoing else f.day(m.stop_date),
               f"{f.tr('Adverse event', 'AdverseEventDialog')} {ae_numbers[m.adverse_event_id]}"
               if m.adverse_event_id in ae_numbers else "", flag(m)) for m in meds)),) if meds else (),
        note=f.tr("Premedication before each dose is in the dose visits above.") if meds else f.tr("None recorded."))
    return [course, medications]
