"""Why a rule gave its result: an explanation code with parameters, and its English wording (one list)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

__all__ = ["CODES", "FACT_LABELS", "Explanation", "Explanations"]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# English names of the screening facts that explanations mention by their field name.
FACT_LABELS = {
    "canadian_criteria_met": "Canadian Consensus Criteria",
    "severity": "severity",
    "consent_date": "consent date",
    "me_cfs_onset_date": "ME/CFS onset date",
    "onset_trigger": "onset trigger",
    "birth_date": "birth date",
}


def _fact(p: Mapping[str, Any]) -> str:
    return FACT_LABELS.get(p["fact"], str(p["fact"]))


_SEVERITY_WORDS = {"mild_moderate": "mild/moderate", "moderate_severe": "moderate/severe",
                   "very_severe": "very severe"}


def _word(fact: str, value: Any) -> str:
    # Stored codes as words: severity "moderate_severe" -> "moderate/severe", others "_" -> " ".
    if fact == "severity" and value in _SEVERITY_WORDS:
        return _SEVERITY_WORDS[value]
    return str(value).replace("_", " ")


def _choices(p: Mapping[str, Any]) -> str:
    words = [_word(p["fact"], v) for v in p["needs"]]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _limits(p: Mapping[str, Any]) -> str:
    parts = [] if p.get("min") is None else [f"≥ {p['min']} {p['unit']}"]
    if p.get("max") is not None:
        parts.append(f"≤ {p['max']} {p['unit']}")
    return ", ".join(parts)


def _entered(p: Mapping[str, Any]) -> str:
    # The value as entered, when it was converted to the protocol's unit ("8.5 mg/dL = ").
    return f"{p['entered_value']} {p['entered_unit']} = " if p.get("entered_value") else ""


def _duration(p: Mapping[str, Any]) -> str:
    text = _plural(p["years"], "year")
    if p["months"]:
        text += " " + _plural(p["months"], "month")
    return text


# Every explanation code TrialDesk's rules produce, with its English text. Parameters are plain
# strings and numbers (dates ISO, decimals as format_decimal text with a point, each number its own
# parameter), so the UI and the printouts can word them in another language from the same parameters
# (trialdesk/services/explain.py, which has one template per code here). Keep this list small; add a
# code here, and its template there, before using it.
CODES: dict[str, Callable[[Mapping[str, Any]], str]] = {
    # investigator judgement
    "judgement_missing": lambda p: "awaiting the investigator's judgement",
    "judgement_yes": lambda p: "investigator's judgement: yes",
    "judgement_no": lambda p: "investigator's judgement: no",
    # who a criterion applies to
    "not_applicable_man": lambda p: "not applicable: the participant is a man",
    "not_applicable_no_potential": lambda p: "not applicable: woman not of childbearing potential",
    "sex_unknown": lambda p: "sex not recorded",
    "potential_unknown": lambda p: "childbearing potential not recorded",
    # pregnancy
    "pregnancy_test": lambda p: f"pregnancy test {p['result']}",
    "pregnancy_test_missing": lambda p: "no pregnancy test recorded",
    # facts that are dates, choices or flags
    "fact_missing": lambda p: f"{_fact(p)} not recorded",
    "fact_unrecognised": lambda p: f"{_fact(p)} \"{p['value']}\" is not a recognised value",
    "choice": lambda p: (f"{_fact(p)} is {_word(p['fact'], p['value'])}"
                         + ("" if p["holds"] else f", not {_choices(p)}")),
    "ccc_not_met": lambda p: "Canadian Consensus Criteria not met",
    "ccc_and_severity": lambda p: f"Canadian Consensus Criteria met; severity is {_word('severity', p['value'])}",
    "age": lambda p: (f"age {p['age']} on {p['day']} (born {p['birth_date']}); "
                      f"needs {p['min_years']}–{p['max_years']}"),
    "date_order": lambda p: f"{_fact(p)} {p['date']} is {p['relation']} the screening date {p['day']}",
    "duration": lambda p: (f"disease duration {_duration(p)} (onset {p['onset']}); "
                           f"needs ≥ {_plural(p['min_years'], 'year')}"),
    # lab values
    "lab": lambda p: (f"{p['analyte']} {_entered(p)}{p['value']} {p['unit']} "
                      f"{p['relation']} {p['threshold']} {p['unit']}"),
    "lab_missing": lambda p: f"{p['analyte']} not recorded",
    "lab_unusable": lambda p: f"{p['analyte']} cannot be used: {p['reason']}",
    # pre-dose safety
    "safety_within": lambda p: f"{p['analyte']} {p['value']} {p['unit']} is within the pre-dose safety limits ({_limits(p)})",
    "safety_below": lambda p: f"{p['analyte']} {p['value']} {p['unit']} is below the pre-dose safety limit {p['limit']} {p['unit']}",
    "safety_above": lambda p: f"{p['analyte']} {p['value']} {p['unit']} is above the pre-dose safety limit {p['limit']} {p['unit']}",
    "safety_no_limits": lambda p: f"the protocol sets no pre-dose safety limit for {p['analyte']}",
    "safety_masked_within": lambda p: f"{p['analyte']}: result on file, within limits",
    "safety_masked_outside": lambda p: (f"{p['analyte']}: outside the pre-dose safety limit — "
                                        "refer to the unblinded physician"),
    # go / no-go before a dose
    "dose_not_enrolled": lambda p: f"the participant is not enrolled (status {p['status'].replace('_', ' ')})",
    "dose_enrolled": lambda p: "participant enrolled",
    "dose_eligibility_signed": lambda p: "eligibility signed by an investigator",
    "dose_eligibility_unsigned": lambda p: "eligibility is not signed, or its signature no longer matches the data",
    "dose_previous_missing": lambda p: f"{p['previous']} is not recorded yet (given or missed)",
    "dose_previous_done": lambda p: f"previous doses recorded ({p['previous'] or 'none'})",
    "dose_already_given": lambda p: f"{p['dose']} was already given on {p['date']}",
    "dose_in_window": lambda p: f"{p['dose']} on {p['day']} is inside its window {p['start']} – {p['end']}",
    "dose_outside_window": lambda p: (f"{p['dose']} on {p['day']} is outside its window {p['start']} – {p['end']}: "
                                      "allowed only with a reason"),
    "lab_sample_missing": lambda p: f"{p['analyte']}: no pre-dose result",
    "lab_sample_old": lambda p: (f"{p['analyte']}: sample of {p['sampled']} is more than {p['days']} days "
                                 f"before the dose"),
    "pregnancy_not_required": lambda p: "pregnancy test not required (not a woman of childbearing potential)",
    "pregnancy_required_missing": lambda p: "pregnancy test required before the dose: none recorded for today",
    "pregnancy_negative": lambda p: "pregnancy test negative today",
    "pregnancy_positive": lambda p: "pregnancy test POSITIVE: do not dose",
    "premed_missing": lambda p: f"premedication not recorded: {p['drug']}",
    "premed_given": lambda p: f"{p['drug']} given at {p['time']} ({p['hours']} h before the dose)",
    "premed_timing": lambda p: (f"{p['drug']} given at {p['time']}: {p['hours']} h before the dose, "
                                f"needs {p['min']}–{p['max']} h"),
    "type_and_screen_done": lambda p: f"type and screen done {p['date']}",
    "type_and_screen_missing": lambda p: "type and screen not recorded (required before the first dose)",
    "alert_card_done": lambda p: f"alert card issued {p['date']}",
    "alert_card_missing": lambda p: "alert card not issued (required before the first dose)",
}


@dataclass(frozen=True)
class Explanation:
    """A rule's reason: ``code`` (a key of :data:`CODES`) and the ``params`` its wording uses."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown explanation code {self.code!r}")

    def text(self) -> str:
        """The explanation in English, with the numbers and dates the rule used."""
        return CODES[self.code](self.params)

    def __str__(self) -> str:
        return self.text()


class Explanations(tuple):
    """Several explanations as one message parameter: ``str()`` is the English, joined by "; ".

    An error's ``params`` can carry one, so the UI words each explanation in its own language
    (``trialdesk.ui.i18n.error_text``) while the CLI and the logs print the English.
    """

    def __str__(self) -> str:
        return "; ".join(e.text() for e in self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)
