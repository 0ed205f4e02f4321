"""The screening summary: every criterion with its status and numbers used, the verdict, the e-signature."""

from __future__ import annotations

from datetime import datetime

from trialdesk.db.connection import Store
from trialdesk.domain.labs import unit_label
from trialdesk.domain.people import User
from trialdesk.printouts import documents
from trialdesk.printouts.model import CriterionLine, ScreeningSummaryData
from trialdesk.services import printout_words as pw
from trialdesk.services import screening as screening_service
from trialdesk.services.permissions import Action, require
from trialdesk.services.printing._common import (
    DOCUMENT_VERSION,
    _check_language,
    _finish,
    _Fmt,
    _header,
    _participant,
    _signature_block,
)
from trialdesk.services.printout_words import label


def _lab_entry(f: _Fmt, text: str | None, unit: str | None, value: float | None, canonical_unit: str) -> str:
    if not text:
        return ""
    return f"{f.typed(text)} {unit_label(unit or '')} (= {f.num(value)} {unit_label(canonical_unit)})"


def _screening_facts(f: _Fmt, participant, state) -> list[tuple[str, str]]:
    entry = state.entry
    consent = state.consent
    proto = screening_service.protocol()
    facts = [
        (f.tr("Sex", "ParticipantTableModel"), f.sex(participant.sex)),
        (f.tr("Birth date", "NewCandidateDialog"), f.day(participant.birth_date)),
        (f.tr("Childbearing potential", "NewCandidateDialog"), f.yes_no(participant.childbearing_potential)),
        (f.tr("Consent"), "" if consent is None else
         f"{f.tr('version')} {consent.form_version} ({consent.language}), "
         f"{f.tr('participant signed')} {f.day(consent.participant_signed_on)}, "
         f"{f.tr('investigator signed')} {f.day(consent.investigator_signed_on)}, "
         f"{f.tr('obtained by')} {consent.obtained_by_name}"),
        (f.tr("Screening date", "ScreeningChecklistWidget"), f.day(entry.screening_date)),
        (f.tr("Canadian Consensus Criteria met", "ScreeningChecklistWidget"),
         f.yes_no(entry.canadian_criteria_met)),
        (f.tr("Severity"), f.code(entry.severity)),
        (f.tr("ME/CFS onset date", "ScreeningChecklistWidget"), f.day(entry.me_cfs_onset_date)),
        (f.tr("Onset trigger", "ScreeningChecklistWidget"), f.code(entry.onset_trigger)),
        (f.tr("Pregnancy test", "ScreeningChecklistWidget"), f.code(entry.pregnancy_test)),
    ]
    return facts + [
        ("NK", _lab_entry(f, entry.nk_text, entry.nk_unit, _screening_value(state, "nk"), proto.lab("NK").unit)),
        ("IgG", _lab_entry(f, entry.igg_text, entry.igg_unit, _screening_value(state, "igg"),
                           proto.lab("IGG").unit)),
    ]


def _screening_value(state, which: str) -> float | None:
    entry = state.entry
    text, unit = (entry.nk_text, entry.nk_unit) if which == "nk" else (entry.igg_text, entry.igg_unit)
    if not text:
        return None
    from trialdesk.domain.labs import LabValueError, convert

    try:
        return convert(screening_service.protocol(), "NK" if which == "nk" else "IGG", text, unit or "").value
    except LabValueError:
        return None


def screening_summary(store: Store, user: User, participant_id: str, *, language: str = "en",
                      now: datetime | None = None) -> bytes:
    """Every criterion I1–I8, E1–E12 with its status and the numbers used, the verdict and the
    e-signature manifestation ("NOT SIGNED", or "SIGNATURE INVALID" when the data changed since)."""
    require(user, Action.PRINT)
    f = _Fmt(_check_language(language))
    participant = _participant(store, participant_id)
    state = screening_service.load(store, user, participant_id)
    proto = screening_service.protocol()
    criteria = []
    for criterion in proto.criteria:
        result = state.result.result(criterion.id)
        criteria.append(CriterionLine(
            id=criterion.id, category=criterion.category,
            text=criterion.text_nb if language == "nb" else criterion.text_en,
            status=f.word(pw.SCREENING_STATUS[result.status]), explanation=f.explain(result.explanation)))
    verdict = f.word(pw.VERDICTS[state.result.verdict])
    if state.result.failed:
        verdict += f" — {f.tr('failed')}: {', '.join(state.result.failed)}"
    if state.result.missing:
        verdict += f" — {f.tr('missing')}: {', '.join(state.result.missing)}"
    header = _header(store, user, participant.study_id, label("screening_title", language),
                     DOCUMENT_VERSION["screening_summary"], language, now)
    data = ScreeningSummaryData(header=header, facts=tuple(_screening_facts(f, participant, state)),
                                criteria=tuple(criteria), verdict=verdict,
                                protocol_version=state.result.protocol_version,
                                signature=_signature_block(state.signature, f),
                                eligible=state.result.verdict == "eligible")
    doc = documents.screening_summary(data)
    return _finish(store, user, doc, document="screening_summary", table="participants",
                   record_id=participant_id, study_id=participant.study_id)
