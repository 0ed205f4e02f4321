"""The words of the printouts, as entries of the screens' catalogue (``resources/i18n/trialdesk_nb.ts``).

Every word here is a :class:`~trialdesk.services.words.Word`: a context and the English source. Where a
screen shows the same word, it is the screen's own entry (its context and source), so the screen and the
printout say it alike by construction; the others are in the context ``printouts``. ``tools/i18n.py update``
collects them all; tests/test_i18n.py fails while one is untranslated.

Protocol data that carries its own English and Bokmål (criteria, analyte and visit names, AE terms) and the
consent form templates are not words of the catalogue and are not here.
"""

from __future__ import annotations

from typing import Mapping

from trialdesk.domain import records as _records
from trialdesk.services import explain
from trialdesk.services.words import Word

PRINTOUTS = "printouts"

# The page template's and the documents' own words, by the key trialdesk/printouts/ asks for
# (DocumentHeader.words carries them translated).
LABELS: dict[str, Word] = {
    "participant": Word(PRINTOUTS, "Participant"),
    "site": Word("ParticipantTableModel", "Site"),
    "version": Word(PRINTOUTS, "version"),
    "printed": Word(PRINTOUTS, "Printed"),
    "by": Word(PRINTOUTS, "by"),
    "page_of": Word("PrintPreviewDialog", "Page {page} of {count}"),
    "audit_seal": Word(PRINTOUTS, "Audit seal"),
    "not_signed": Word(PRINTOUTS, "NOT SIGNED"),
    "signature_invalid": Word(PRINTOUTS, "SIGNATURE INVALID — data changed after signing"),
    "signed": Word(PRINTOUTS, "Electronically signed"),
    "masked": Word(PRINTOUTS, "masked (blinded)"),
    "protocol": Word(PRINTOUTS, "protocol"),
    "id": Word(PRINTOUTS, "Id"),
    # document titles and headings
    "consent_title": Word(PRINTOUTS, "Consent form"),
    "screening_title": Word("ParticipantWorkspace", "Screening summary"),
    "visit_title": Word(PRINTOUTS, "Dose visit summary"),
    "sae_title": Word(PRINTOUTS, "Serious adverse event report"),
    "casebook_title": Word(PRINTOUTS, "Casebook"),
    "contact_title": Word(PRINTOUTS, "Contact summary"),
    "consultation_labs": Word(PRINTOUTS, "Blood tests at the consultation"),
    "criteria": Word(PRINTOUTS, "Inclusion and exclusion criteria"),
    "criterion": Word(PRINTOUTS, "Criterion"),
    "status": Word("ParticipantTableModel", "Status"),
    "numbers_used": Word(PRINTOUTS, "Answer and numbers used"),
    "facts": Word("ScreeningChecklistWidget", "Screening facts"),
    "verdict": Word(PRINTOUTS, "Verdict"),
    "signature": Word(PRINTOUTS, "Signature"),
    "signatures": Word(PRINTOUTS, "Signatures"),
    "labs": Word(PRINTOUTS, "Pre-dose blood tests"),
    "analyte": Word(PRINTOUTS, "Test"),
    "sampled": Word("visits", "Sampled"),
    "entered": Word("visits", "As entered"),
    "canonical": Word(PRINTOUTS, "Converted"),
    "flag": Word("visits", "Flag"),
    "ctcae": Word(PRINTOUTS, "CTCAE suggestion"),
    "safety": Word(PRINTOUTS, "Pre-dose safety"),
    "go_no_go": Word(PRINTOUTS, "Go / no-go"),
    "premedication": Word(PRINTOUTS, "Premedication"),
    "administration": Word(PRINTOUTS, "Administration"),
    "adverse_events": Word(PRINTOUTS, "Adverse events reported at or since this visit"),
    "next_visit": Word("ParticipantTableModel", "Next visit"),
    "term": Word(PRINTOUTS, "Term"),
    "verbatim": Word("visits", "Verbatim"),
    "onset": Word("AdverseEventDialog", "Onset date"),
    "end": Word("AdverseEventDialog", "End date"),
    "grade": Word("visits", "Grade"),
    "serious": Word("visits", "Serious"),
    "causality": Word("visits", "Causality"),
    "outcome": Word("visits", "Outcome"),
    "visit": Word("visits", "Visit"),
    "audit": Word(PRINTOUTS, "Audit trail"),
    "corrections": Word(PRINTOUTS, "Corrections after entry"),
    "when": Word(PRINTOUTS, "When (local)"),
    "who": Word(PRINTOUTS, "Who"),
    "what": Word(PRINTOUTS, "What"),
    "record": Word(PRINTOUTS, "Record"),
    "field": Word(PRINTOUTS, "Field"),
    "old_new": Word(PRINTOUTS, "Old → new"),
    "why": Word(PRINTOUTS, "Reason"),
    "after_signing": Word(PRINTOUTS, "CHANGED AFTER SIGNING"),
    "none": Word(PRINTOUTS, "none"),
    "yes": Word("ParticipantWorkspace", "yes"),
    "no": Word("ParticipantWorkspace", "no"),
    "to_fill": Word(PRINTOUTS, "(to be completed by hand)"),
    # the consent form's signature lines (its text is the template's)
    "place_date": Word(PRINTOUTS, "Place and date"),
    "participant_sig": Word(PRINTOUTS, "Participant's signature"),
    "block_letters": Word(PRINTOUTS, "Participant's name in block letters"),
    "investigator_sig": Word(PRINTOUTS, "Signature"),
    "role": Word(PRINTOUTS, "Role in the study"),
    "study_id": Word(PRINTOUTS, "Participant's study id"),
    "form_version": Word(PRINTOUTS, "Form version"),
    "declaration": Word(PRINTOUTS, "Consent to take part in the study"),
    "investigator": Word(PRINTOUTS, "Confirmation by the person who gave the information"),
}

# Stored codes as the screens word them.
CAUSALITY = {  # the AE dialog and log (trialdesk/ui/visits/models.py)
    "not_related": Word("visits", "not related"), "unlikely": Word("visits", "unlikely"),
    "possible": Word("visits", "possible"), "probable": Word("visits", "probable"),
    "definite": Word("visits", "definitely related"),
}
OUTCOMES = {
    "recovered": Word("visits", "recovered"), "recovering": Word("visits", "recovering"),
    "not_recovered": Word("visits", "not recovered"),
    "recovered_with_sequelae": Word("visits", "recovered with sequelae"),
    "fatal": Word("visits", "fatal"), "unknown": Word("visits", "unknown"),
}
ACTIONS_TAKEN = {
    "none": Word("visits", "none (dose not changed)"), "dose_delayed": Word("visits", "dose delayed"),
    "dose_not_given": Word("visits", "dose not given"), "withdrawn": Word("visits", "study drug withdrawn"),
    "not_applicable": Word("visits", "not applicable"), "unknown": Word("visits", "unknown"),
}
SAE_CRITERIA = {  # the AE dialog's seriousness criteria
    "sae_death": Word("AdverseEventDialog", "results in death"),
    "sae_life_threatening": Word("AdverseEventDialog", "life-threatening"),
    "sae_hospitalisation": Word("AdverseEventDialog", "requires or prolongs hospitalisation"),
    "sae_disability": Word("AdverseEventDialog", "persistent disability"),
    "sae_congenital": Word("AdverseEventDialog", "congenital anomaly / birth defect"),
    "sae_important_medical": Word("AdverseEventDialog", "important medical event"),
}
STATUSES = {  # participant statuses: the registry's words, which the register shows (one source)
    code: Word("records", text) for code, text in _records.STATUS.items()
}
SEX = {"F": Word("ParticipantTableModel", "F"), "M": Word("ParticipantTableModel", "M")}
ROLES = {"investigator": Word("MainWindow", "Investigator"), "nurse": Word("MainWindow", "Nurse"),
         "monitor": Word("MainWindow", "Monitor"), "administrator": Word("MainWindow", "Administrator")}


def _explanation_words(table: Mapping[str, str]) -> dict[str, Word]:
    return {code: Word(explain.CONTEXT, source) for code, source in table.items()}


# Codes that mean one thing wherever a document shows them: the explanations' words (severity, onset
# trigger, pregnancy test) and the AE log's (causality, outcome). AE actions are apart ("none" differs).
CODE_WORDS: dict[str, Word] = {
    **_explanation_words(explain.CHOICES["severity"]), **_explanation_words(explain.CHOICES["onset_trigger"]),
    **_explanation_words(explain.PREGNANCY_RESULTS), **CAUSALITY, **OUTCOMES,
}

SCREENING_STATUS = {
    "met": Word(PRINTOUTS, "met"), "failed": Word(PRINTOUTS, "FAILED"), "missing": Word(PRINTOUTS, "missing"),
    "not_applicable": Word(PRINTOUTS, "not applicable"),
}
VERDICTS = {
    "eligible": Word(PRINTOUTS, "ELIGIBLE"), "not_eligible": Word(PRINTOUTS, "NOT ELIGIBLE"),
    "incomplete": Word(PRINTOUTS, "INCOMPLETE"),
}
GO = {"go": Word(PRINTOUTS, "GO"), "no_go": Word(PRINTOUTS, "NO-GO"),
      "needs_reason": Word(PRINTOUTS, "GO only with a reason (outside the window)")}
INJECTION_SITES = {"abdomen_left": Word(PRINTOUTS, "abdomen, left"), "abdomen_right": Word(PRINTOUTS, "abdomen, right")}
VISIT_STATES = {"open": Word(PRINTOUTS, "open"), "given": Word(PRINTOUTS, "given"),
                "not_given": Word(PRINTOUTS, "not given"), "missed": Word(PRINTOUTS, "missed")}


def label(key: str, language: str) -> str:
    """The document word ``key`` in ``language``."""
    return LABELS[key].in_language(language)


def document_words(language: str) -> dict[str, str]:
    """Every document word in ``language``, for :attr:`trialdesk.printouts.model.DocumentHeader.words`."""
    return {key: word.in_language(language) for key, word in LABELS.items()}


__all__ = ["ACTIONS_TAKEN", "CAUSALITY", "CODE_WORDS", "GO", "INJECTION_SITES", "LABELS", "OUTCOMES", "PRINTOUTS", "ROLES",
           "SAE_CRITERIA", "SCREENING_STATUS", "SEX", "STATUSES", "VERDICTS", "VISIT_STATES", "document_words",
           "label"]
