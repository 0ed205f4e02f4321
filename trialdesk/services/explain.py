"""Rule explanations worded for people: one template per explanation code, in English or Norwegian.

The domain's :class:`~trialdesk.domain.explanations.Explanation` carries a code and raw parameters;
``Explanation.text()`` is the English record (audit, exports, signatures). This module words the
same explanation for a reader: every template and word is English source text marked with
``QT_TRANSLATE_NOOP("Explanation", ...)`` (``tools/i18n.py update`` collects them into the .ts), and
:func:`render` takes the function that translates them:

* the UI passes Qt's translator (``trialdesk.ui.explain.explain``);
* code without Qt (printouts) calls :func:`in_language`, which takes the same entries of the same
  catalogue, ``resources/i18n/trialdesk_nb.ts``, through :mod:`trialdesk.services.words`. There is
  no second table to keep in step: screens and printouts word an explanation alike by construction.

Dates are shown ``26.11.2026`` in both languages (as everywhere in TrialDesk); numbers are written
with the reader's decimal sign by :func:`trialdesk.services.formats.number` (Babel's CLDR data),
keeping the digits the parameter has. Only parameters that are numbers or dates are reformatted.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from trialdesk.domain.explanations import Explanation
from trialdesk.services import formats, words
from trialdesk.services.words import QT_TRANSLATE_NOOP

__all__ = ["CONTEXT", "MESSAGES", "TEMPLATES", "in_language", "render"]

CONTEXT = "Explanation"


Translate = Callable[[str], str]

# One English template per explanation code; {fields} are filled by _FIELDS below. Codes with two
# wordings (a condition in the English text) have a tuple; _pick chooses.
TEMPLATES: dict[str, str | tuple[str, ...]] = {
    "judgement_missing": QT_TRANSLATE_NOOP("Explanation", "awaiting the investigator's judgement"),
    "judgement_yes": QT_TRANSLATE_NOOP("Explanation", "investigator's judgement: yes"),
    "judgement_no": QT_TRANSLATE_NOOP("Explanation", "investigator's judgement: no"),
    "not_applicable_man": QT_TRANSLATE_NOOP("Explanation", "not applicable: the participant is a man"),
    "not_applicable_no_potential": QT_TRANSLATE_NOOP(
        "Explanation", "not applicable: woman not of childbearing potential"),
    "sex_unknown": QT_TRANSLATE_NOOP("Explanation", "sex not recorded"),
    "potential_unknown": QT_TRANSLATE_NOOP("Explanation", "childbearing potential not recorded"),
    "pregnancy_test": QT_TRANSLATE_NOOP("Explanation", "pregnancy test {result}"),
    "pregnancy_test_missing": QT_TRANSLATE_NOOP("Explanation", "no pregnancy test recorded"),
    "fact_missing": QT_TRANSLATE_NOOP("Explanation", "{fact} not recorded"),
    "fact_unrecognised": QT_TRANSLATE_NOOP("Explanation", "{fact} \"{value}\" is not a recognised value"),
    "choice": (QT_TRANSLATE_NOOP("Explanation", "{fact} is {value}"),
               QT_TRANSLATE_NOOP("Explanation", "{fact} is {value}, not {choices}")),
    "ccc_not_met": QT_TRANSLATE_NOOP("Explanation", "Canadian Consensus Criteria not met"),
    "ccc_and_severity": QT_TRANSLATE_NOOP("Explanation", "Canadian Consensus Criteria met; severity is {value}"),
    "age": QT_TRANSLATE_NOOP("Explanation", "age {age} on {day} (born {birth_date}); needs {min_years}–{max_years}"),
    "date_order": (QT_TRANSLATE_NOOP("Explanation", "{fact} {date} is on or before the screening date {day}"),
                   QT_TRANSLATE_NOOP("Explanation", "{fact} {date} is after the screening date {day}")),
    "duration": QT_TRANSLATE_NOOP("Explanation", "disease duration {duration} (onset {onset}); needs ≥ {minimum}"),
    "lab": QT_TRANSLATE_NOOP("Explanation", "{analyte} {entered}{value} {unit} {relation} {threshold} {unit}"),
    "lab_missing": QT_TRANSLATE_NOOP("Explanation", "{analyte} not recorded"),
    "lab_unusable": QT_TRANSLATE_NOOP("Explanation", "{analyte} cannot be used: {reason}"),
    "safety_within": QT_TRANSLATE_NOOP(
        "Explanation", "{analyte} {value} {unit} is within the pre-dose safety limits ({limits})"),
    "safety_below": QT_TRANSLATE_NOOP(
        "Explanation", "{analyte} {value} {unit} is below the pre-dose safety limit {limit} {unit}"),
    "safety_above": QT_TRANSLATE_NOOP(
        "Explanation", "{analyte} {value} {unit} is above the pre-dose safety limit {limit} {unit}"),
    "safety_no_limits": QT_TRANSLATE_NOOP("Explanation", "the protocol sets no pre-dose safety limit for {analyte}"),
    "safety_masked_within": QT_TRANSLATE_NOOP("Explanation", "{analyte}: result on file, within limits"),
    "safety_masked_outside": QT_TRANSLATE_NOOP(
        "Explanation", "{analyte}: outside the pre-dose safety limit — refer to the unblinded physician"),
    "dose_not_enrolled": QT_TRANSLATE_NOOP("Explanation", "the participant is not enrolled (status {status})"),
    "dose_enrolled": QT_TRANSLATE_NOOP("Explanation", "participant enrolled"),
    "dose_eligibility_signed": QT_TRANSLATE_NOOP("Explanation", "eligibility signed by an investigator"),
    "dose_eligibility_unsigned": QT_TRANSLATE_NOOP(
        "Explanation", "eligibility is not signed, or its signature no longer matches the data"),
    "dose_previous_missing": QT_TRANSLATE_NOOP("Explanation", "{previous} is not recorded yet (given or missed)"),
    "dose_previous_done": QT_TRANSLATE_NOOP("Explanation", "previous doses recorded ({previous})"),
    "dose_already_given": QT_TRANSLATE_NOOP("Explanation", "{dose} was already given on {date}"),
    "dose_in_window": QT_TRANSLATE_NOOP("Explanation", "{dose} on {day} is inside its window {start} – {end}"),
    "dose_outside_window": QT_TRANSLATE_NOOP(
        "Explanation", "{dose} on {day} is outside its window {start} – {end}: allowed only with a reason"),
    "lab_sample_missing": QT_TRANSLATE_NOOP("Explanation", "{analyte}: no pre-dose result"),
    "lab_sample_old": QT_TRANSLATE_NOOP(
        "Explanation", "{analyte}: sample of {sampled} is more than {days} days before the dose"),
    "pregnancy_not_required": QT_TRANSLATE_NOOP(
        "Explanation", "pregnancy test not required (not a woman of childbearing potential)"),
    "pregnancy_required_missing": QT_TRANSLATE_NOOP(
        "Explanation", "pregnancy test required before the dose: none recorded for today"),
    "pregnancy_negative": QT_TRANSLATE_NOOP("Explanation", "pregnancy test negative today"),
    "pregnancy_positive": QT_TRANSLATE_NOOP("Explanation", "pregnancy test POSITIVE: do not dose"),
    "premed_missing": QT_TRANSLATE_NOOP("Explanation", "premedication not recorded: {drug}"),
    "premed_given": QT_TRANSLATE_NOOP("Explanation", "{drug} given at {time} ({hours} h before the dose)"),
    "premed_timing": QT_TRANSLATE_NOOP("Explanation", "{drug} given at {time}: {hours} h before the dose, needs {min}–{max} h"),
    "type_and_screen_done": QT_TRANSLATE_NOOP("Explanation", "type and screen done {date}"),
    "type_and_screen_missing": QT_TRANSLATE_NOOP(
        "Explanation", "type and screen not recorded (required before the first dose)"),
    "alert_card_done": QT_TRANSLATE_NOOP("Explanation", "alert card issued {date}"),
    "alert_card_missing": QT_TRANSLATE_NOOP("Explanation", "alert card not issued (required before the first dose)"),
}

# Words inside explanations (English as Explanation.text() writes them).
FACTS = {  # the domain's FACT_LABELS
    "canadian_criteria_met": QT_TRANSLATE_NOOP("Explanation", "Canadian Consensus Criteria"),
    "severity": QT_TRANSLATE_NOOP("Explanation", "severity"),
    "consent_date": QT_TRANSLATE_NOOP("Explanation", "consent date"),
    "me_cfs_onset_date": QT_TRANSLATE_NOOP("Explanation", "ME/CFS onset date"),
    "onset_trigger": QT_TRANSLATE_NOOP("Explanation", "onset trigger"),
    "birth_date": QT_TRANSLATE_NOOP("Explanation", "birth date"),
}
# Facts the English record names by their field name (not in FACT_LABELS); other languages word them.
FIELD_NAMED_FACTS = {"pregnancy_test": QT_TRANSLATE_NOOP("Explanation", "pregnancy test")}
CHOICES = {  # stored codes of choice facts -> their words
    "severity": {
        "mild": QT_TRANSLATE_NOOP("Explanation", "mild"),
        "mild_moderate": QT_TRANSLATE_NOOP("Explanation", "mild/moderate"),
        "moderate": QT_TRANSLATE_NOOP("Explanation", "moderate"),
        "moderate_severe": QT_TRANSLATE_NOOP("Explanation", "moderate/severe"),
        "severe": QT_TRANSLATE_NOOP("Explanation", "severe"),
        "very_severe": QT_TRANSLATE_NOOP("Explanation", "very severe"),
    },
    "onset_trigger": {
        "infection": QT_TRANSLATE_NOOP("Explanation", "infection"),
        "other_immunological": QT_TRANSLATE_NOOP("Explanation", "other immunological"),
        "none": QT_TRANSLATE_NOOP("Explanation", "none"),
    },
}
PREGNANCY_RESULTS = {"negative": QT_TRANSLATE_NOOP("Explanation", "negative"),
                     "positive": QT_TRANSLATE_NOOP("Explanation", "positive")}
STATUSES = {  # participant statuses (services.participants.STATUSES)
    "candidate": QT_TRANSLATE_NOOP("Explanation", "candidate"),
    "screening": QT_TRANSLATE_NOOP("Explanation", "screening"),
    "screen_failure": QT_TRANSLATE_NOOP("Explanation", "screen failure"),
    "enrolled": QT_TRANSLATE_NOOP("Explanation", "enrolled"),
    "on_treatment": QT_TRANSLATE_NOOP("Explanation", "on treatment"),
    "follow_up": QT_TRANSLATE_NOOP("Explanation", "follow up"),
    "completed": QT_TRANSLATE_NOOP("Explanation", "completed"),
    "withdrawn": QT_TRANSLATE_NOOP("Explanation", "withdrawn"),
}
# Why a lab value cannot be used, by LabValueError kind; other languages show this instead of the
# English detail (which the lab field itself shows).
UNUSABLE = {
    "number": QT_TRANSLATE_NOOP("Explanation", "the value is not a number"),
    "unit": QT_TRANSLATE_NOOP("Explanation", "the unit is not one of this analyte's units"),
    "implausible": QT_TRANSLATE_NOOP("Explanation", "the value is outside the plausible range"),
    "input": QT_TRANSLATE_NOOP("Explanation", "expected a value and a unit"),
}
NONE = QT_TRANSLATE_NOOP("Explanation", "none")
OR = QT_TRANSLATE_NOOP("Explanation", "{items} or {last}")
YEARS = (QT_TRANSLATE_NOOP("Explanation", "{n} year"), QT_TRANSLATE_NOOP("Explanation", "{n} years"))
MONTHS = (QT_TRANSLATE_NOOP("Explanation", "{n} month"), QT_TRANSLATE_NOOP("Explanation", "{n} months"))


def _all_messages() -> tuple[str, ...]:
    out: list[str] = []
    for template in TEMPLATES.values():
        out += [template] if isinstance(template, str) else list(template)
    out += [*FACTS.values(), *FIELD_NAMED_FACTS.values()]
    for table in CHOICES.values():
        out += table.values()
    out += [*PREGNANCY_RESULTS.values(), *STATUSES.values(), *UNUSABLE.values(), NONE, OR, *YEARS, *MONTHS]
    return tuple(dict.fromkeys(out))


#: Every English source text of this module (each needs a translation).
MESSAGES = _all_messages()

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class _Words:
    """Formats one explanation's parameters for ``language`` with the translator ``tr``."""

    def __init__(self, language: str, tr: Translate):
        self.language = language
        self.tr = tr

    def num(self, value: Any) -> str:
        """A number parameter ("4.9", 4.9 or 12) in the language's convention, with the digits it has
        ("3.0" stays 3,0 / 3.0, as the English record writes it); other text unchanged."""
        text = str(value)
        if _NUMBER.fullmatch(text):
            return formats.number(text, self.language, as_written=True)
        return text

    @staticmethod
    def day(value: Any) -> str:
        """An ISO date parameter as 26.11.2026; anything else unchanged."""
        text = str(value)
        return formats.day(text) if _ISO_DATE.fullmatch(text) else text

    def word(self, table: Mapping[str, str], code: Any, fallback: str | None = None) -> str:
        if code in table:
            return self.tr(table[code])
        return fallback if fallback is not None else str(code).replace("_", " ")

    def fact(self, p: Mapping[str, Any]) -> str:
        if self.language != "en" and p["fact"] in FIELD_NAMED_FACTS:
            return self.tr(FIELD_NAMED_FACTS[p["fact"]])
        return self.word(FACTS, p["fact"], str(p["fact"]))

    def choice(self, fact: str, value: Any) -> str:
        return self.word(CHOICES.get(fact, {}), value)

    def plural(self, n: int, forms: tuple[str, str]) -> str:
        return self.tr(forms[0] if n == 1 else forms[1]).format(n=self.num(n))

    def choices(self, p: Mapping[str, Any]) -> str:
        words = [self.choice(p["fact"], v) for v in p["needs"]]
        return words[0] if len(words) == 1 else self.tr(OR).format(items=", ".join(words[:-1]), last=words[-1])

    def duration(self, p: Mapping[str, Any]) -> str:
        text = self.plural(p["years"], YEARS)
        if p["months"]:
            text += " " + self.plural(p["months"], MONTHS)
        return text

    def limits(self, p: Mapping[str, Any]) -> str:
        parts = [] if p.get("min") is None else [f"≥ {self.num(p['min'])} {p['unit']}"]
        if p.get("max") is not None:
            parts.append(f"≤ {self.num(p['max'])} {p['unit']}")
        return ", ".join(parts)

    def entered(self, p: Mapping[str, Any]) -> str:
        if not p.get("entered_value"):
            return ""
        return f"{self.num(p['entered_value'])} {p['entered_unit']} = "

    def analyte(self, p: Mapping[str, Any]) -> str:
        return (p.get("analyte_nb") or p["analyte"]) if self.language == "nb" else p["analyte"]

    def drug(self, p: Mapping[str, Any]) -> str:
        return (p.get("drug_nb") or p["drug"]) if self.language == "nb" else p["drug"]

    def reason(self, p: Mapping[str, Any]) -> str:
        if self.language == "en" or p.get("kind") not in UNUSABLE:
            return str(p["reason"])
        return self.tr(UNUSABLE[p["kind"]])


# Which of a code's templates applies (codes with a tuple in TEMPLATES).
_PICK: dict[str, Callable[[Mapping[str, Any]], int]] = {
    "choice": lambda p: 0 if p["holds"] else 1,
    "date_order": lambda p: 0 if p["relation"] == "on or before" else 1,
}

_Fields = Callable[[_Words, Mapping[str, Any]], Mapping[str, str]]

# The fields each code's template uses, formatted; codes without parameters are absent.
_FIELDS: dict[str, _Fields] = {
    "pregnancy_test": lambda w, p: {"result": w.word(PREGNANCY_RESULTS, p["result"], str(p["result"]))},
    "fact_missing": lambda w, p: {"fact": w.fact(p)},
    "fact_unrecognised": lambda w, p: {"fact": w.fact(p), "value": str(p["value"])},
    "choice": lambda w, p: {"fact": w.fact(p), "value": w.choice(p["fact"], p["value"]),
                            "choices": "" if p["holds"] else w.choices(p)},
    "ccc_and_severity": lambda w, p: {"value": w.choice("severity", p["value"])},
    "age": lambda w, p: {"age": w.num(p["age"]), "day": w.day(p["day"]), "birth_date": w.day(p["birth_date"]),
                         "min_years": w.num(p["min_years"]), "max_years": w.num(p["max_years"])},
    "date_order": lambda w, p: {"fact": w.fact(p), "date": w.day(p["date"]), "day": w.day(p["day"])},
    "duration": lambda w, p: {"duration": w.duration(p), "onset": w.day(p["onset"]),
                              "minimum": w.plural(p["min_years"], YEARS)},
    "lab": lambda w, p: {"analyte": w.analyte(p), "entered": w.entered(p), "value": w.num(p["value"]),
                         "unit": p["unit"], "relation": p["relation"], "threshold": w.num(p["threshold"])},
    "lab_missing": lambda w, p: {"analyte": w.analyte(p)},
    "lab_unusable": lambda w, p: {"analyte": w.analyte(p), "reason": w.reason(p)},
    "safety_within": lambda w, p: {"analyte": w.analyte(p), "value": w.num(p["value"]), "unit": p["unit"],
                                   "limits": w.limits(p)},
    "safety_below": lambda w, p: {"analyte": w.analyte(p), "value": w.num(p["value"]), "unit": p["unit"],
                                  "limit": w.num(p["limit"])},
    "safety_above": lambda w, p: {"analyte": w.analyte(p), "value": w.num(p["value"]), "unit": p["unit"],
                                  "limit": w.num(p["limit"])},
    "safety_no_limits": lambda w, p: {"analyte": w.analyte(p)},
    "safety_masked_within": lambda w, p: {"analyte": w.analyte(p)},
    "safety_masked_outside": lambda w, p: {"analyte": w.analyte(p)},
    "dose_not_enrolled": lambda w, p: {"status": w.word(STATUSES, p["status"])},
    "dose_previous_missing": lambda w, p: {"previous": p["previous"]},
    "dose_previous_done": lambda w, p: {"previous": p["previous"] or w.tr(NONE)},
    "dose_already_given": lambda w, p: {"dose": p["dose"], "date": w.day(p["date"])},
    "dose_in_window": lambda w, p: {"dose": p["dose"], "day": w.day(p["day"]), "start": w.day(p["start"]),
                                    "end": w.day(p["end"])},
    "dose_outside_window": lambda w, p: {"dose": p["dose"], "day": w.day(p["day"]), "start": w.day(p["start"]),
                                         "end": w.day(p["end"])},
    "lab_sample_missing": lambda w, p: {"analyte": w.analyte(p)},
    "lab_sample_old": lambda w, p: {"analyte": w.analyte(p), "sampled": w.day(p["sampled"]), "days": w.num(p["days"])},
    "premed_missing": lambda w, p: {"drug": w.drug(p)},
    "premed_given": lambda w, p: {"drug": w.drug(p), "time": p["time"], "hours": w.num(p["hours"])},
    "premed_timing": lambda w, p: {"drug": w.drug(p), "time": p["time"], "hours": w.num(p["hours"]),
                                   "min": w.num(p["min"]), "max": w.num(p["max"])},
    "type_and_screen_done": lambda w, p: {"date": w.day(p["date"])},
    "alert_card_done": lambda w, p: {"date": w.day(p["date"])},
}


def render(explanation: Explanation, language: str = "en", tr: Translate | None = None) -> str:
    """``explanation`` worded in ``language`` ('en' or 'nb'); ``tr`` translates this module's
    English source texts (default: none, i.e. English). Dates as 26.11.2026, nb numbers with a comma."""
    words = _Words(language, tr or (lambda text: text))
    template = TEMPLATES[explanation.code]
    if not isinstance(template, str):
        template = template[_PICK[explanation.code](explanation.params)]
    fields = _FIELDS.get(explanation.code)
    text = words.tr(template)
    return text.format(**fields(words, explanation.params)) if fields else text


def in_language(explanation: Explanation, language: str) -> str:
    """For code without Qt (printouts): ``explanation`` worded in ``language`` from the screens' own
    catalogue (context :data:`CONTEXT` of ``trialdesk_<language>.ts``, read by :mod:`services.words`)."""
    words.check_language(language)
    return render(explanation, language, lambda text: words.translate(CONTEXT, text, language))
