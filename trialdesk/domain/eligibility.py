"""Eligibility: evaluate the protocol's inclusion and exclusion criteria for one candidate."""

from __future__ import annotations

import operator as op
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Literal, Mapping, Union

from trialdesk.domain.dates import add_years, age_on, whole_months_between
from trialdesk.domain.explanations import Explanation
from trialdesk.domain.labs import LabValue, LabValueError, convert, format_decimal, normalise_unit, parse_number, unit_label
from trialdesk.domain.protocol.model import Criterion, Protocol
from trialdesk.domain.severity import Severity

__all__ = [
    "Criterion", "CriterionResult", "EligibilityResult", "Participant", "RULES", "ScreeningFacts",
    "Severity", "evaluate", "rule_for",
]

Status = Literal["met", "failed", "missing", "not_applicable"]
Verdict = Literal["eligible", "not_eligible", "incomplete"]
# A lab fact as typed (value, unit), or an already converted LabValue.
LabFact = Union[tuple[Any, Any], LabValue, None]

# What a rule finds about a criterion's statement ("age is 18..64", "IgG < 5.0 g/L", …):
# True = the statement holds, False = it does not, None = cannot be decided yet (missing),
# NOT_APPLICABLE = the criterion does not apply to this participant.
NOT_APPLICABLE = "not_applicable"
Outcome = Union[bool, None, str]


@dataclass(frozen=True)
class Participant:
    """The candidate as far as eligibility needs: ``sex`` ``"F"``/``"M"``; None means unknown."""

    sex: str | None
    birth_date: date | None
    childbearing_potential: bool | None = None


@dataclass(frozen=True)
class ScreeningFacts:
    """What the screening recorded; None means not recorded (never "no").

    ``pregnancy_test`` is ``"negative"`` or ``"positive"``; ``onset_trigger`` is a code such as
    ``"infection"``; ``nk`` and ``igg`` are (value, unit) as typed (or a converted LabValue);
    ``labs`` holds further lab facts by analyte code for criteria a later amendment may add.
    """

    canadian_criteria_met: bool | None = None
    severity: Severity | None = None
    consent_date: date | None = None
    me_cfs_onset_date: date | None = None
    onset_trigger: str | None = None
    pregnancy_test: str | None = None
    nk: LabFact = None
    igg: LabFact = None
    labs: Mapping[str, LabFact] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's result. For an exclusion criterion ``met`` means the exclusion is absent."""

    id: str
    category: str
    status: Status
    explanation: Explanation


@dataclass(frozen=True)
class EligibilityResult:
    """The whole evaluation, with the protocol version it used; ``failed``/``missing`` are criterion ids."""

    verdict: Verdict
    results: tuple[CriterionResult, ...]
    failed: tuple[str, ...]
    missing: tuple[str, ...]
    protocol_version: str
    screening_date: date

    def result(self, criterion_id: str) -> CriterionResult:
        """The result of one criterion (``KeyError`` if the protocol has no such criterion)."""
        for result in self.results:
            if result.id == criterion_id:
                return result
        raise KeyError(criterion_id)


@dataclass(frozen=True)
class _Case:
    protocol: Protocol
    day: date
    participant: Participant
    facts: ScreeningFacts
    judgements: Mapping[str, bool]


RuleResult = tuple[Outcome, Explanation]
Rule = Callable[[Criterion, Mapping[str, Any], _Case], RuleResult]


def evaluate(protocol: Protocol, screening_date: date, participant: Participant, facts: ScreeningFacts,
             judgements: Mapping[str, bool] | None = None) -> EligibilityResult:
    """Evaluate every criterion of ``protocol`` on ``screening_date``.

    ``judgements`` maps criterion ids to the investigator's yes/no (True = the criterion's statement
    holds: inclusion met, exclusion present); an absent id is unknown. The verdict is
    ``not_eligible`` if anything failed, else ``incomplete`` if anything is missing, else
    ``eligible``. A lab value that cannot be parsed, converted or is implausible leaves its
    criterion missing, with the reason.
    """
    case = _Case(protocol, screening_date, participant, facts, judgements or {})
    results = tuple(_evaluate_criterion(criterion, case) for criterion in protocol.criteria)
    failed = tuple(r.id for r in results if r.status == "failed")
    missing = tuple(r.id for r in results if r.status == "missing")
    verdict: Verdict = "not_eligible" if failed else "incomplete" if missing else "eligible"
    return EligibilityResult(verdict=verdict, results=results, failed=failed, missing=missing,
                             protocol_version=protocol.version, screening_date=screening_date)


def rule_for(protocol: Protocol, criterion_id: str) -> Rule:
    """The rule function that decides ``criterion_id`` (its derivation kind's rule, or the judgement rule)."""
    criterion = protocol.criterion(criterion_id)
    return _judgement_rule if criterion.derivation is None else RULES[criterion.derivation.kind]


def _evaluate_criterion(criterion: Criterion, case: _Case) -> CriterionResult:
    if criterion.derivation is None:
        outcome, explanation = _judgement_rule(criterion, {}, case)
    else:
        outcome, explanation = RULES[criterion.derivation.kind](criterion, criterion.derivation.params, case)
    if outcome == NOT_APPLICABLE:
        status: Status = "not_applicable"
    elif outcome is None:
        status = "missing"
    elif criterion.category == "inclusion":
        status = "met" if outcome else "failed"
    else:
        status = "failed" if outcome else "met"
    return CriterionResult(id=criterion.id, category=criterion.category, status=status,
                           explanation=explanation)


# --------------------------------------------------------------------------------------------------
# Shared pieces


def _judgement(criterion_id: str, case: _Case) -> RuleResult:
    answer = case.judgements.get(criterion_id)
    if answer is True:
        return True, Explanation("judgement_yes")
    if answer is False:
        return False, Explanation("judgement_no")
    return None, Explanation("judgement_missing")  # absent, None or anything that is not a yes/no


def _woman_of_childbearing_potential(participant: Participant) -> tuple[bool | None, Explanation | None]:
    """True/False, or None (unknown) with the reason; for False also the not-applicable reason."""
    if participant.sex == "M":
        return False, Explanation("not_applicable_man")
    if participant.sex != "F":
        return None, Explanation("sex_unknown")
    if participant.childbearing_potential is True:
        return True, None
    if participant.childbearing_potential is False:
        return False, Explanation("not_applicable_no_potential")
    return None, Explanation("potential_unknown")


def _choice(value: Any) -> Any:
    return value.code if isinstance(value, Severity) else value


def _severity(value: Any) -> Severity | None | str:
    """A Severity, None (not recorded) or the unrecognised value itself."""
    if value is None or isinstance(value, Severity):
        return value
    try:
        return Severity.from_code(value)
    except ValueError:
        return value


# --------------------------------------------------------------------------------------------------
# The rules, one per derivation kind (protocol.DERIVATION_KINDS lists their parameters).


def _judgement_rule(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """Investigator's judgement; with ``applies_to`` only for women of childbearing potential."""
    if criterion.applies_to == "women_of_childbearing_potential":
        wocbp, why = _woman_of_childbearing_potential(case.participant)
        if wocbp is False:
            return NOT_APPLICABLE, why
        if wocbp is None:
            return None, why
    return _judgement(criterion.id, case)


def _ccc_and_severity(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """Canadian Consensus Criteria met and severity among ``severities`` (I1)."""
    ccc = case.facts.canadian_criteria_met
    severity = _severity(case.facts.severity)
    needs = tuple(params["severities"])
    if ccc is False:
        return False, Explanation("ccc_not_met")
    if isinstance(severity, Severity) and severity.code not in needs:
        return False, Explanation("choice", {"fact": "severity", "value": severity.code, "needs": needs,
                                             "holds": False})
    if severity is not None and not isinstance(severity, Severity):
        return None, Explanation("fact_unrecognised", {"fact": "severity", "value": str(severity)})
    if ccc is not True:
        return None, Explanation("fact_missing", {"fact": "canadian_criteria_met"})
    if severity is None:
        return None, Explanation("fact_missing", {"fact": "severity"})
    return True, Explanation("ccc_and_severity", {"value": severity.code})


def _age_range(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """Age in whole years on the screening date within [min_years, max_years] (I2)."""
    birth = case.participant.birth_date
    if birth is None:
        return None, Explanation("fact_missing", {"fact": "birth_date"})
    age = age_on(birth, case.day)
    holds = params["min_years"] <= age <= params["max_years"]
    return holds, Explanation("age", {"age": age, "day": case.day.isoformat(), "birth_date": birth.isoformat(),
                                      "min_years": params["min_years"], "max_years": params["max_years"]})


def _date_not_after_screening(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """A date fact (consent) on or before the screening date (I3)."""
    fact = params["fact"]
    value = getattr(case.facts, fact)
    if value is None:
        return None, Explanation("fact_missing", {"fact": fact})
    holds = value <= case.day
    relation = "on or before" if holds else "after"
    return holds, Explanation("date_order", {"fact": fact, "date": value.isoformat(), "relation": relation,
                                             "day": case.day.isoformat()})


def _duration_years(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """Date fact + ``min_years`` years on or before the screening date (I4; 29 Feb + 1 y = 1 Mar)."""
    fact = params["fact"]
    onset = getattr(case.facts, fact)
    if onset is None:
        return None, Explanation("fact_missing", {"fact": fact})
    holds = add_years(onset, params["min_years"]) <= case.day
    months = max(0, whole_months_between(onset, case.day))
    return holds, Explanation("duration", {"years": months // 12, "months": months % 12,
                                           "onset": onset.isoformat(), "min_years": params["min_years"]})


def _value_in(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """A choice fact is one of ``values``; one of ``others`` means no; anything else is unknown (I5, E1)."""
    fact = params["fact"]
    value = getattr(case.facts, fact)
    if fact == "severity":
        value = _severity(value)
    if value is None:
        return None, Explanation("fact_missing", {"fact": fact})
    value = _choice(value)
    needs = tuple(params["values"])
    if value in needs:
        return True, Explanation("choice", {"fact": fact, "value": value, "needs": needs, "holds": True})
    if value in params["others"]:
        return False, Explanation("choice", {"fact": fact, "value": value, "needs": needs, "holds": False})
    return None, Explanation("fact_unrecognised", {"fact": fact, "value": str(value)})


def _pregnancy_test(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """Women of childbearing potential: pregnancy test negative (I6); not applicable to others."""
    wocbp, why = _woman_of_childbearing_potential(case.participant)
    if wocbp is False:
        return NOT_APPLICABLE, why
    if wocbp is None:
        return None, why
    result = case.facts.pregnancy_test
    if result is None:
        return None, Explanation("pregnancy_test_missing")
    if result == "negative":
        return True, Explanation("pregnancy_test", {"result": result})
    if result == "positive":
        return False, Explanation("pregnancy_test", {"result": result})
    return None, Explanation("fact_unrecognised", {"fact": "pregnancy_test", "value": str(result)})


def _pregnancy_or_judgement(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """Pregnancy or breastfeeding (E11): men no; women present on a positive test, else the judgement."""
    if case.facts.pregnancy_test == "positive" and case.participant.sex != "M":
        return True, Explanation("pregnancy_test", {"result": "positive"})
    if case.participant.sex == "M":
        return NOT_APPLICABLE, Explanation("not_applicable_man")
    if case.participant.sex != "F":
        return None, Explanation("sex_unknown")
    return _judgement(criterion.id, case)


_OPERATORS = {"<": (op.lt, "<", "≥"), "<=": (op.le, "≤", ">"), ">": (op.gt, ">", "≤"), ">=": (op.ge, "≥", "<")}


def _lab_fact(facts: ScreeningFacts, analyte: str) -> LabFact:
    if analyte in facts.labs:
        return facts.labs[analyte]
    return getattr(facts, analyte.lower(), None) if analyte.lower() in ("nk", "igg") else None


def _lab_threshold(criterion: Criterion, params: Mapping[str, Any], case: _Case) -> RuleResult:
    """Lab value <operator> threshold after conversion to the canonical unit (I8 NK, E3 IgG)."""
    analyte = params["analyte"]
    lab = case.protocol.lab(analyte)
    raw = _lab_fact(case.facts, analyte)
    if raw is None:
        return None, Explanation("lab_missing", {"analyte": lab.symbol, "analyte_nb": lab.symbol_nb})
    if isinstance(raw, LabValue):
        value = raw
    else:
        try:
            entered_value, entered_unit = raw
            if entered_value is None or (isinstance(entered_value, str) and not entered_value.strip()):
                return None, Explanation("lab_missing", {"analyte": lab.symbol, "analyte_nb": lab.symbol_nb})
            value = convert(case.protocol, analyte, entered_value, entered_unit)
        except LabValueError as error:
            return None, Explanation("lab_unusable", {"analyte": lab.symbol, "analyte_nb": lab.symbol_nb,
                                                      "reason": error.message, "kind": error.kind})
        except (TypeError, ValueError):
            return None, Explanation("lab_unusable", {"analyte": lab.symbol, "analyte_nb": lab.symbol_nb,
                                                      "reason": "expected a value and a unit", "kind": "input"})
    compare, holds_symbol, fails_symbol = _OPERATORS[params["operator"]]
    holds = compare(value.exact, params["threshold_canonical"])
    entered = {"entered_value": "", "entered_unit": ""}  # only when converted to the protocol's unit
    entered_unit = normalise_unit(value.entered_unit) if value.entered_unit else lab.unit
    if lab.factor(entered_unit) != 1:
        try:
            shown = format_decimal(parse_number(value.entered_text))
        except LabValueError:
            shown = value.entered_text
        entered = {"entered_value": shown, "entered_unit": unit_label(entered_unit)}
    return holds, Explanation("lab", {
        "analyte": lab.symbol, "analyte_nb": lab.symbol_nb, **entered, "value": format_decimal(value.exact),
        "unit": unit_label(lab.unit), "relation": holds_symbol if holds else fails_symbol,
        "threshold": params["threshold_text"],
    })


# The registry: derivation kind -> rule. A criterion's rule is found from its id with rule_for()
# (the protocol file names each criterion's kind).
RULES: dict[str, Rule] = {
    "ccc_and_severity": _ccc_and_severity,
    "age_range": _age_range,
    "date_not_after_screening": _date_not_after_screening,
    "duration_years": _duration_years,
    "value_in": _value_in,
    "pregnancy_test": _pregnancy_test,
    "lab_threshold": _lab_threshold,
    "pregnancy_or_judgement": _pregnancy_or_judgement,
}
