"""The protocol model: frozen objects for criteria, visit schedule, lab panel, pre-dose rules and AE terms."""

from __future__ import annotations

# Plain data: no file reading, no TOML (that is .reader) and no lab rules (trialdesk.domain.labs depends on
# this model, not the other way round). An import-linter contract in pyproject.toml keeps it so.

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping

__all__ = [
    "APPLIES_TO", "AeTerm", "CHOICE_FACTS", "Criterion", "CtcaeLabTerm", "DATE_FACTS", "DERIVATION_KINDS",
    "Derivation", "DispositionRules", "DoseRule", "ContactRule", "EndOfStudyRule", "FollowUpRule",
    "ForbiddenMedication", "GradeThreshold", "JUDGEMENT_KINDS", "Lab", "Limits", "MEDICATION_ROUTES",
    "MedicationRules", "OPERATORS", "PreDose", "Premedication", "Protocol", "ReferenceRange", "SEXES",
    "SafetyLimits", "ScheduleRules", "VISIT_KINDS",
]

# Facts on the screening form that derivations may name (fields of eligibility.ScreeningFacts).
DATE_FACTS = ("consent_date", "me_cfs_onset_date")
CHOICE_FACTS = ("severity", "onset_trigger")

# Derivation kinds and the parameters each takes. The rule for each kind is in
# eligibility.RULES (a test checks the two lists agree).
DERIVATION_KINDS: dict[str, dict[str, str]] = {
    "ccc_and_severity": {"severities": "str_list"},
    "age_range": {"min_years": "int", "max_years": "int"},
    "date_not_after_screening": {"fact": "str"},
    "duration_years": {"fact": "str", "min_years": "int"},
    "value_in": {"fact": "str", "values": "str_list", "others": "str_list"},
    "pregnancy_test": {},
    "lab_threshold": {"analyte": "str", "operator": "str", "threshold": "number", "unit": "str"},
    "pregnancy_or_judgement": {},
}
# Kinds whose rule also reads the investigator's judgement for the criterion.
JUDGEMENT_KINDS = ("pregnancy_or_judgement",)
APPLIES_TO = ("women_of_childbearing_potential",)
OPERATORS = ("<", "<=", ">", ">=")
VISIT_KINDS = ("phone", "consultation")
SEXES = ("F", "M")
# Routes of a concomitant medication (the stored codes; words in domain/records.py, CDISC CMROUTE terms).
MEDICATION_ROUTES = ("oral", "intravenous", "intramuscular", "subcutaneous", "rectal", "transdermal", "topical",
                     "inhaled", "nasal", "ophthalmic", "otic", "vaginal", "intra_articular", "other")


@dataclass(frozen=True)
class Limits:
    """Hard plausibility limits in the canonical unit; each bound inclusive or exclusive."""

    min: Decimal
    max: Decimal
    min_inclusive: bool = True
    max_inclusive: bool = True

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` (canonical unit) is physically plausible."""
        low_ok = value >= self.min if self.min_inclusive else value > self.min
        high_ok = value <= self.max if self.max_inclusive else value < self.max
        return low_ok and high_ok

    def describe(self, symbol: str, unit: str) -> str:
        """E.g. ``0 < IgG ≤ 60 g/L``."""
        low = "≤" if self.min_inclusive else "<"
        high = "≤" if self.max_inclusive else "<"
        return f"{decimal_text(self.min)} {low} {symbol} {high} {decimal_text(self.max)} {unit}"


@dataclass(frozen=True)
class ReferenceRange:
    """A reference range (inclusive) in the canonical unit, for a sex and an age band when they matter."""

    low: Decimal | None
    high: Decimal | None
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None

    def applies(self, sex: str | None, age: int | None) -> bool:
        """Whether this range is the one for a person of ``sex`` and ``age`` (None = unknown)."""
        if self.sex is not None and sex != self.sex:
            return False
        if self.age_min is not None or self.age_max is not None:
            if age is None:
                return False
            if self.age_min is not None and age < self.age_min:
                return False
            if self.age_max is not None and age > self.age_max:
                return False
        return True

    def describe(self) -> str:
        """E.g. ``6.9–15.7`` or ``≤ 5``."""
        if self.low is not None and self.high is not None:
            return f"{decimal_text(self.low)}–{decimal_text(self.high)}"
        if self.high is not None:
            return f"≤ {decimal_text(self.high)}"
        return f"≥ {decimal_text(self.low)}"


@dataclass(frozen=True)
class SafetyLimits:
    """Pre-dose no-go limits in the canonical unit: below ``min`` or above ``max`` stops the dose."""

    min: Decimal | None = None
    max: Decimal | None = None


@dataclass(frozen=True)
class Lab:
    """One analyte of the lab panel.

    ``units`` is the ordered tuple of (accepted unit, factor to the canonical ``unit``); ``critical``
    values need read-back on entry; ``masked_after_first_dose`` values are hidden from blinded roles.
    """

    code: str
    name_en: str
    name_nb: str
    symbol: str
    unit: str
    display_unit: str
    units: tuple[tuple[str, Decimal], ...]
    limits: Limits
    reference: tuple[ReferenceRange, ...] = ()
    safety: SafetyLimits | None = None
    critical: bool = False
    masked_after_first_dose: bool = False
    symbol_nb_given: str | None = None  # the TOML's ``symbol_nb`` where the symbol is an English abbreviation

    @property
    def symbol_nb(self) -> str:
        """The symbol for Norwegian text: the protocol's ``symbol_nb`` ("WBC" is "Leukocytter" on a Norwegian
        lab report), else ``symbol`` ("IgG", "Hb"), or ``name_nb`` where the symbol is the English name
        ("Platelets" -> "Trombocytter")."""
        if self.symbol_nb_given:
            return self.symbol_nb_given
        return self.name_nb if self.symbol == self.name_en else self.symbol

    @property
    def accepted_units(self) -> tuple[str, ...]:
        """The accepted unit spellings, canonical first as written in the protocol."""
        return tuple(unit for unit, _ in self.units)

    def factor(self, unit: str) -> Decimal | None:
        """The factor from ``unit`` (already normalised) to the canonical unit; None if not accepted."""
        for name, factor in self.units:
            if name == unit:
                return factor
        return None


@dataclass(frozen=True)
class Derivation:
    """How a criterion is derived from facts: a ``kind`` (see DERIVATION_KINDS) and its ``params``.

    For ``lab_threshold``, params also hold ``threshold_canonical`` (Decimal, canonical unit),
    ``canonical_unit`` and ``threshold_text`` (as written, for explanations).
    """

    kind: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Criterion:
    """An eligibility criterion: inclusion (``I``n) or exclusion (``E``n).

    Exactly one of ``derivation`` and ``judgement`` is set. ``applies_to`` limits a judgement to a
    group (``women_of_childbearing_potential``); outside it the criterion is not applicable.
    """

    id: str
    category: str
    text_en: str
    text_nb: str
    derivation: Derivation | None = None
    judgement: bool = False
    applies_to: str | None = None

    @property
    def needs_judgement(self) -> bool:
        """Whether the investigator is asked for a yes/no on this criterion."""
        return self.judgement or (self.derivation is not None and self.derivation.kind in JUDGEMENT_KINDS)


@dataclass(frozen=True)
class DoseRule:
    """Dose ``code`` at ``week`` from the first dose; its window is around its target or the planned first dose."""

    code: str
    week: int
    window_before_days: int
    window_after_days: int
    label_en: str
    label_nb: str
    window_around: str = "target"


@dataclass(frozen=True)
class ContactRule:
    """A phone contact or consultation at ``week`` after the first dose."""

    code: str
    kind: str
    week: int
    window_before_days: int
    window_after_days: int
    label_en: str
    label_nb: str


@dataclass(frozen=True)
class EndOfStudyRule:
    """The end-of-study visit, ``weeks_after_inclusion`` after inclusion."""

    code: str
    weeks_after_inclusion: int
    window_before_days: int
    window_after_days: int
    label_en: str
    label_nb: str


@dataclass(frozen=True)
class FollowUpRule:
    """``count`` long-term follow-ups every ``every_months`` after end of study; labels use ``{n}``."""

    code_prefix: str
    kind: str
    every_months: int
    count: int
    window_before_days: int
    window_after_days: int
    label_en: str
    label_nb: str


@dataclass(frozen=True)
class ScheduleRules:
    """The visit calendar and derived dates, as the protocol defines them."""

    baseline_weeks: int
    doses: tuple[DoseRule, ...]
    contacts: tuple[ContactRule, ...]
    end_of_study: EndOfStudyRule
    follow_up: FollowUpRule
    contraception_weeks_before_first_dose: int
    contraception_weeks_after_last_dose: int
    alert_card_months_after_last_dose: int

    @property
    def dose_weeks(self) -> tuple[int, ...]:
        """Weeks of the doses counted from the first dose, e.g. (0, 2, 4, 24, 26)."""
        return tuple(dose.week for dose in self.doses)


@dataclass(frozen=True)
class Premedication:
    """A drug given before each dose, within ``min_hours_before``..``max_hours_before`` of it."""

    code: str
    label_en: str
    label_nb: str
    min_hours_before: float
    max_hours_before: float


@dataclass(frozen=True)
class PreDose:
    """What must be done before each dose."""

    analytes: tuple[str, ...]
    sample_max_days_before_dose: int
    pregnancy_test_for_women_of_childbearing_potential: bool
    type_and_screen_before_first_dose: bool
    alert_card_before_first_dose: bool = True
    premedication: tuple[Premedication, ...] = ()


@dataclass(frozen=True)
class GradeThreshold:
    """One grade of a CTCAE lab term: ``rule`` is ``lln``, ``below`` (``threshold``) or ``clinical``."""

    grade: int
    rule: str
    threshold: Decimal | None = None


@dataclass(frozen=True)
class CtcaeLabTerm:
    """A CTCAE lab term graded from a number: the ``analyte`` it reads and its grade thresholds."""

    term: str
    analyte: str
    grades: tuple[GradeThreshold, ...]


@dataclass(frozen=True)
class AeTerm:
    """An adverse-event term with its grade texts; ``source`` is ``ctcae`` or ``protocol``.

    ``grades`` maps each grade that exists to its text (CTCAE's English), ``grades_nb`` to the same text in
    Bokmål (both from the CTCAE file or the protocol: the one source the screens and the printouts read);
    a grade CTCAE does not define is absent from both.
    """

    key: str
    term_en: str
    term_nb: str
    source: str
    version: str
    grades: Mapping[int, str] = field(default_factory=dict, hash=False)
    soc: str = ""
    note: str = ""
    grades_nb: Mapping[int, str] = field(default_factory=dict, hash=False)

    def grade_exists(self, grade: int) -> bool:
        """Whether ``grade`` (1–5) is defined for this term."""
        return grade in self.grades

    def grade_text(self, grade: int, language: str = "en") -> str:
        """The text of ``grade`` in ``language`` ("en" or "nb"); ``ValueError`` when this term has no such grade."""
        if grade not in self.grades:
            raise ValueError(f"{self.term_en} has no grade {grade} in CTCAE v{self.version}")
        if language == "nb" and grade in self.grades_nb:
            return self.grades_nb[grade]
        return self.grades[grade]


@dataclass(frozen=True)
class ForbiddenMedication:
    """A class of medications the protocol forbids (E4: long-term systemic immunosuppressants).

    ``names`` are lower-case words (generic and trade names) matched word by word against a medication's name;
    ``atc`` are ATC code prefixes; ``systemic_only``: not flagged when given by a local route.
    """

    code: str
    label_en: str
    label_nb: str
    names: tuple[str, ...]
    atc: tuple[str, ...] = ()
    systemic_only: bool = True
    note_en: str = ""
    note_nb: str = ""


@dataclass(frozen=True)
class MedicationRules:
    """What the protocol says about concomitant medications: the forbidden classes, the criterion they come
    from (``E4``), and the routes that do not act systemically."""

    criterion: str | None = None
    local_routes: tuple[str, ...] = ()
    forbidden: tuple[ForbiddenMedication, ...] = ()


@dataclass(frozen=True)
class DispositionRules:
    """The protocol's numbers for the participant's course. The default is
    ``trialdesk.domain.disposition.MIN_LOST_ATTEMPTS`` (the model imports no rule module: a test checks the two
    agree)."""

    lost_to_follow_up_min_attempts: int = 3


@dataclass(frozen=True)
class AdministrationRules:
    """The protocol's rules for the injection record: the kit labels' pattern (a regular expression the whole kit
    number, in upper case, must match; None: letters, digits and '-' only) with an example label for the message,
    and the observation after each injection in minutes (0: the protocol asks for none; then "observe until" may
    stay empty)."""

    kit_number_pattern: str | None = None
    kit_number_example: str | None = None
    observation_minutes: int = 0


@dataclass(frozen=True, eq=False)
class Protocol:
    """The loaded protocol. ``version`` is stored with every evaluation made from it."""

    study_code: str
    title_en: str
    title_nb: str
    version: str
    version_date: date
    ctcae_version: str
    sae_report_hours: int
    criteria: tuple[Criterion, ...]
    labs: Mapping[str, Lab]
    schedule: ScheduleRules
    pre_dose: PreDose
    ctcae_lab: Mapping[str, CtcaeLabTerm]
    ae_terms: tuple[AeTerm, ...]
    path: Path | None = None
    medications: MedicationRules = MedicationRules()
    disposition: DispositionRules = DispositionRules()
    administration: AdministrationRules = AdministrationRules()

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id (``KeyError`` if the protocol has none)."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(f"protocol {self.study_code} {self.version} has no criterion {criterion_id!r}")

    def lab(self, code: str) -> Lab:
        """The lab analyte with this code, e.g. ``"NK"`` (``KeyError`` if unknown)."""
        try:
            return self.labs[code]
        except KeyError:
            raise KeyError(f"protocol {self.study_code} {self.version} has no lab analyte {code!r}; "
                           f"known: {', '.join(self.labs)}") from None

    def ae_term(self, key: str) -> AeTerm:
        """The adverse-event term with this key (``KeyError`` if the trial does not use it)."""
        for term in self.ae_terms:
            if term.key == key:
                return term
        raise KeyError(f"protocol {self.study_code} {self.version} has no adverse-event term {key!r}")

    def ctcae_lab_term(self, term: str) -> CtcaeLabTerm:
        """The CTCAE lab grading of ``term`` (``KeyError`` if not graded from a lab value)."""
        try:
            return self.ctcae_lab[term]
        except KeyError:
            raise KeyError(f"no CTCAE lab grading for {term!r}; known: {', '.join(self.ctcae_lab)}") from None

    @property
    def masked_analytes(self) -> tuple[str, ...]:
        """Analytes hidden from blinded roles after the first dose."""
        return tuple(code for code, lab in self.labs.items() if lab.masked_after_first_dose)

    @property
    def judgement_ids(self) -> tuple[str, ...]:
        """Ids of the criteria the investigator answers yes/no."""
        return tuple(c.id for c in self.criteria if c.needs_judgement)


def decimal_text(value: Decimal) -> str:
    """A protocol number as plain text, without exponent: ``Decimal("1E+2")`` -> ``"100"``."""
    return format(value, "f")
