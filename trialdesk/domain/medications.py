"""Concomitant medications: what one record must hold, and whether the protocol forbids the medication.

Pure rules (no store, no Qt). A medication is name, indication, dose and unit, frequency, route, start, and a stop
date or "ongoing" (exactly one of them), optionally linked to the adverse event it was given for. The protocol
lists classes of forbidden medications (E4: long-term systemic immunosuppressants); :func:`forbidden_match`
finds the class a name belongs to. A match is never a refusal: the record is saved flagged with the class, and
an investigator notes why (the services ask for it). Premedication before each dose is its own record (the dose
visit's), never a concomitant medication.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.protocol.model import MEDICATION_ROUTES, ForbiddenMedication, MedicationRules

__all__ = ["ROUTES", "MedicationInput", "check_medication", "forbidden_match", "normalised_words"]

ROUTES = MEDICATION_ROUTES
"""The stored route codes (CDISC CMROUTE terms, worded in domain/records.py)."""

_MAX_TEXT = 200
_PREFIX_MATCH_LENGTH = 5  # a name word this long or longer also matches the start of a longer word
_ATC_WORD = re.compile(r"[a-z][0-9]{2}[a-z0-9]*")


@dataclass(frozen=True)
class MedicationInput:
    """One concomitant medication as entered (texts as typed; the services strip them)."""

    name: str
    start_date: date | None
    indication: str | None = None
    dose: str | None = None
    dose_unit: str | None = None
    frequency: str | None = None
    route: str | None = None
    stop_date: date | None = None
    ongoing: bool = False
    adverse_event_id: str | None = None


def _clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


def check_medication(med: MedicationInput, today: date) -> MedicationInput:
    """The medication with its texts tidied (spaces), or :class:`RuleViolation` at the field that breaks a rule:
    a name, a start date not in the future, a stop date or "ongoing" (exactly one), stop on or after start and
    not in the future, a known route."""
    name = _clean(med.name)
    if not name:
        raise RuleViolation("Enter the medication's name.", field="name")
    texts = {"name": name, "indication": _clean(med.indication), "dose": _clean(med.dose),
             "dose_unit": _clean(med.dose_unit), "frequency": _clean(med.frequency)}
    for field, value in texts.items():
        if value is not None and len(value) > _MAX_TEXT:
            raise RuleViolation("At most {limit} characters.", field=field, limit=_MAX_TEXT)
    if med.route is not None and med.route not in ROUTES:
        raise RuleViolation("Choose the route from the list.", field="route")
    if med.start_date is None:
        raise RuleViolation("Enter the date the medication was started.", field="start_date")
    if med.start_date > today:
        raise RuleViolation("The start date {value} is in the future (today is {today}).", field="start_date",
                            value=med.start_date, today=today)
    if med.ongoing and med.stop_date is not None:
        raise RuleViolation("A medication is either ongoing or has a stop date, not both.", field="stop_date")
    if not med.ongoing and med.stop_date is None:
        raise RuleViolation("Enter the stop date, or mark the medication as ongoing.", field="stop_date")
    if med.stop_date is not None:
        if med.stop_date < med.start_date:
            raise RuleViolation("The stop date {value} is before the start date ({limit}).", field="stop_date",
                                value=med.stop_date, limit=med.start_date)
        if med.stop_date > today:
            raise RuleViolation("The stop date {value} is in the future (today is {today}): a medication still "
                                "taken is ongoing.", field="stop_date", value=med.stop_date, today=today)
    return MedicationInput(**texts, start_date=med.start_date, route=med.route, stop_date=med.stop_date,
                           ongoing=bool(med.ongoing), adverse_event_id=med.adverse_event_id or None)


def normalised_words(text: str) -> list[str]:
    """The words of a name, lower case, accents dropped, split at anything but letters and digits
    ("Solu-Medrol 40 mg" -> ["solu", "medrol", "40", "mg"]; ø and æ stay)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", plain)


def _word_matches(typed: str, name: str) -> bool:
    return typed == name or (len(name) >= _PREFIX_MATCH_LENGTH and typed.startswith(name))


def _name_matches(words: list[str], name: str) -> bool:
    wanted = normalised_words(name)
    if not wanted:
        return False
    for start in range(len(words) - len(wanted) + 1):
        if all(_word_matches(words[start + i], w) for i, w in enumerate(wanted)):
            return True
    return False


def _atc_matches(words: list[str], prefixes: tuple[str, ...]) -> bool:
    return any(_ATC_WORD.fullmatch(w) and w.startswith(p.casefold()) for w in words for p in prefixes)


def forbidden_match(rules: MedicationRules, name: str, route: str | None = None) -> ForbiddenMedication | None:
    """The first forbidden class whose names (or ATC prefixes, for a code typed into the name) match ``name``;
    None when none does, or when the class is forbidden only systemically and ``route`` is one of the protocol's
    local routes. An unknown or missing route is taken as systemic (the investigator decides)."""
    words = normalised_words(name or "")
    if not words:
        return None
    for forbidden in rules.forbidden:
        if forbidden.systemic_only and route in rules.local_routes:
            continue
        if any(_name_matches(words, n) for n in forbidden.names) or _atc_matches(words, forbidden.atc):
            return forbidden
    return None
