"""Adverse events: the coded choices, the checks of one AE record and the SAE reporting deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from trialdesk.domain.ctcae import ae_terms, grade_exists
from trialdesk.domain.errors import RuleViolation

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol

CAUSALITY = ("not_related", "unlikely", "possible", "probable", "definite")
ACTIONS_TAKEN = ("none", "dose_delayed", "dose_not_given", "withdrawn", "not_applicable", "unknown")
OUTCOMES = ("recovered", "recovering", "not_recovered", "recovered_with_sequelae", "fatal", "unknown")
SAE_CRITERIA = ("sae_death", "sae_life_threatening", "sae_hospitalisation", "sae_disability",
                "sae_congenital", "sae_important_medical")


@dataclass(frozen=True)
class AdverseEventInput:
    """One adverse event as reported: CTCAE term and grade, seriousness and its criteria, dates."""

    verbatim: str
    term: str
    onset_date: date
    grade: int
    serious: bool
    causality: str
    action_taken: str
    outcome: str
    end_date: date | None = None
    other_specify: str | None = None
    sae_criteria: frozenset[str] = frozenset()
    aware_at: datetime | None = None


def check_adverse_event(protocol: Protocol, ae: AdverseEventInput, today: date) -> None:
    """Every rule one AE record must keep (term from the protocol's CTCAE subset, a grade that exists for
    it, dates not in the future, death and seriousness consistent). :class:`RuleViolation` at the field."""
    terms = {t.key: t for t in ae_terms(protocol)}
    if not (ae.verbatim or "").strip():
        raise RuleViolation("Write what the participant reported (verbatim).", field="verbatim")
    if ae.term not in terms:
        raise RuleViolation("Choose a term from the list (or 'Other, specify').", field="term")
    if ae.term == "other_specify" and not (ae.other_specify or "").strip():
        raise RuleViolation("Specify the term.", field="other_specify")
    if ae.grade not in (1, 2, 3, 4, 5) or not grade_exists(terms[ae.term], ae.grade):
        raise RuleViolation("Grade {grade} does not exist for this term.", field="grade", grade=ae.grade)
    if ae.onset_date > today:
        raise RuleViolation("The onset date is in the future.", field="onset_date")
    if ae.end_date is not None and (ae.end_date < ae.onset_date or ae.end_date > today):
        raise RuleViolation("The end date must be between the onset date and today.", field="end_date")
    if (ae.grade == 5) != (ae.outcome == "fatal"):
        raise RuleViolation("Grade 5 (death) and outcome 'fatal' go together.", field="outcome")
    for name, allowed_values in (("causality", CAUSALITY), ("action_taken", ACTIONS_TAKEN), ("outcome", OUTCOMES)):
        if getattr(ae, name) not in allowed_values:
            raise RuleViolation("Choose a value from the list.", field=name)
    if set(ae.sae_criteria) - set(SAE_CRITERIA):
        raise RuleViolation("Unknown seriousness criterion.", field="serious")
    if ae.serious and not ae.sae_criteria:
        raise RuleViolation("A serious event needs at least one seriousness criterion.", field="serious")
    if not ae.serious and ae.sae_criteria:
        raise RuleViolation("Seriousness criteria are ticked: mark the event serious.", field="serious")
    if ae.grade == 5 and "sae_death" not in ae.sae_criteria:
        raise RuleViolation("A fatal event is serious (criterion: death).", field="serious")


def sae_due_at(protocol: Protocol, aware_at: datetime) -> datetime:
    """When the SAE report is due: the moment the site became aware plus the protocol's reporting hours."""
    return aware_at + timedelta(hours=protocol.sae_report_hours)
