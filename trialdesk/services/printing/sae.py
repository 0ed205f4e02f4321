"""The SAE report form, pre-filled from a serious adverse event, with the reporting deadline."""

from __future__ import annotations

from datetime import date, datetime

from trialdesk.clock import parse_utc, utc_now
from trialdesk.db import printouts as printouts_repo
from trialdesk.db import users as users_repo
from trialdesk.db import visits as visits_repo
from trialdesk.db.connection import Store
from trialdesk.domain.adverse_events import SAE_CRITERIA
from trialdesk.domain.people import User
from trialdesk.errors import ValidationError
from trialdesk.printouts import documents
from trialdesk.printouts.model import SaeReportData
from trialdesk.services import printout_words as pw
from trialdesk.services import screening as screening_service
from trialdesk.services.permissions import Action, require
from trialdesk.services.printing._common import (
    DOCUMENT_VERSION,
    _ae_term,
    _check_language,
    _finish,
    _Fmt,
    _grade_words,
    _header,
    _participant,
    local_stamp,
)
from trialdesk.services.printout_words import label
from trialdesk.services.visits.adverse_events import sae_due, stored_moment


def sae_report(store: Store, user: User, ae_id: str, *, language: str = "en", now: datetime | None = None) -> bytes:
    """The SAE report form pre-filled from a serious AE, with the reporting deadline (the protocol's hours after
    awareness: :func:`trialdesk.domain.adverse_events.sae_due_at` through the SAE clock's ``sae_due``); fields the sponsor's form asks for that
    TrialDesk does not hold are left empty to complete by hand."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    ae = visits_repo.get_adverse_event(store.db, ae_id)
    if ae is None:
        raise ValidationError("No such adverse event.")
    if not ae["serious"]:
        raise ValidationError("This adverse event is not marked serious: there is no SAE report to print.")
    participant = _participant(store, ae["participant_id"])
    proto = screening_service.protocol()
    hours = proto.sae_report_hours
    # As the screens' SAE clock reads them: an unreadable or implausible stored time never breaks the report.
    aware = stored_moment(ae.get("aware_at"))
    due = sae_due(ae)
    now_ = now or utc_now()
    if ae.get("sae_reported_at"):
        reported = parse_utc(ae["sae_reported_at"])
        status = f.tr("reported to the sponsor") + f" {local_stamp(reported)}"
        if due and reported > due:
            status += f.tr(" — LATE")
    elif due and now_ > due:
        status = f.tr("NOT REPORTED — OVERDUE")
    else:
        status = f.tr("not yet reported")
    deadline_note = (f.tr("Report to the sponsor within {hours} h of awareness. ").format(hours=hours)
                     + (f.tr("Deadline: ") + local_stamp(due) + " — " if due else "") + status)
    doses = []
    for v in visits_repo.dose_visits(store.db, participant.id):
        admin = visits_repo.administration(store.db, v["id"])
        if admin:
            doses.append(f.tr("{dose} {at} kit {kit}").format(dose=v["dose_code"], at=f.time(admin["started_at"]),
                                                              kit=admin["kit_number"])
                         + (f.tr(" lot {lot}").format(lot=admin["lot"]) if admin.get("lot") else ""))
    age = ""
    if participant.birth_date:
        onset = date.fromisoformat(ae["onset_date"])
        b = participant.birth_date
        age = str(onset.year - b.year - ((onset.month, onset.day) < (b.month, b.day)))
    box = lambda on: "☒" if on else "☐"  # noqa: E731
    reporter = ""
    created = printouts_repo.recorded_by(store.db, "adverse_events", ae_id)
    if created:
        who = users_repo.by_username(store.db, created)
        reporter = f"{who.full_name} ({created}) — {f.code(who.role.value, pw.ROLES)}" if who else created
    sections = (
        (f.tr("Report"), (
            (f.tr("Study / protocol"),
             f"{proto.study_code}, {f.tr('protocol')} {proto.version}"),
            (f.tr("Site", "ParticipantTableModel"), f"{store.meta('site_name') or ''} ({store.info.site_code})"),
            (f.tr("Report type (initial / follow-up)"), ""),
            (f.tr("Recorded in TrialDesk by"), reporter),
            (f.tr("Investigator's awareness"), local_stamp(aware) if aware else ""),
            (f.tr("Reporting deadline"), local_stamp(due) if due else ""),
            (f.tr("Reported to the sponsor"), f.moment(ae.get("sae_reported_at"))),
        )),
        (f.tr("Participant"), (
            (f.tr("Study id", "visits"), participant.study_id),
            (f.tr("Sex", "ParticipantTableModel"), f.sex(participant.sex)),
            (f.tr("Age at onset (years)"), age),
            (f.tr("Treatment"), f.tr("blinded (kit numbers only)")),
        )),
        (f.tr("Event"), (
            (f.tr("Term (CTCAE v{version})").format(version=ae["ctcae_version"]), _ae_term(f, proto, ae)),
            (f.tr("Verbatim term", "AdverseEventDialog"), ae["verbatim"]),
            (f.tr("Onset date", "AdverseEventDialog"), f.day(ae["onset_date"])),
            (f.tr("End date", "AdverseEventDialog"), f.day(ae["end_date"]) or f.tr("ongoing")),
            (f.tr("CTCAE grade", "AdverseEventDialog"), _grade_words(f, proto, ae)),
            *((f.word(pw.SAE_CRITERIA[key]), box(ae[key])) for key in SAE_CRITERIA),
            (f.tr("Outcome", "visits"), f.code(ae["outcome"])),
        )),
        (f.tr("Study drug and causality"), (
            (f.tr("Doses given"), "; ".join(doses) or f.tr("none")),
            (f.tr("Causality to study drug"), f.code(ae["causality"])),
            (f.tr("Action taken with the study drug", "AdverseEventDialog"), f.code(ae["action_taken"], pw.ACTIONS_TAKEN)),
        )),
        (f.tr("To complete by hand (not held in TrialDesk)"), (
            (f.tr("Description / narrative"), ""),
            (f.tr("Relevant medical history"), ""),
            (f.tr("Concomitant medication"), ""),
            (f.tr("Treatment of the event"), ""),
            (f.tr("Relevant tests and results"), ""),
            (f.tr("Hospital and dates of admission"), ""),
            (f.tr("Investigator: name, signature, date"), ""),
            (f.tr("Sponsor: received (date, time, by)"), ""),
        )),
    )
    header = _header(store, user, participant.study_id, label("sae_title", f.language),
                     DOCUMENT_VERSION["sae_report"], f.language, now)
    doc = documents.sae_report(SaeReportData(header=header, sections=sections, deadline_note=deadline_note))
    return _finish(store, user, doc, document="sae_report", table="adverse_events", record_id=ae_id,
                   study_id=participant.study_id)
