"""The trial protocol as data: the model (:mod:`.model`) and its TOML reader (:mod:`.reader`), importable from here."""

from __future__ import annotations

from trialdesk.domain.protocol.model import (
    APPLIES_TO, CHOICE_FACTS, DATE_FACTS, DERIVATION_KINDS, JUDGEMENT_KINDS, OPERATORS, SEXES, VISIT_KINDS, AeTerm,
    ContactRule, Criterion, CtcaeLabTerm, Derivation, DispositionRules, DoseRule, EndOfStudyRule, FollowUpRule,
    ForbiddenMedication, GradeThreshold, Lab, Limits, MedicationRules, PreDose, Premedication, Protocol,
    ReferenceRange, SafetyLimits, ScheduleRules,
)
from trialdesk.domain.protocol.reader import DEFAULT_PROTOCOL_PATH, ProtocolError, load_protocol, parse_protocol

__all__ = [
    "APPLIES_TO", "JUDGEMENT_KINDS", "OPERATORS", "SEXES", "VISIT_KINDS",
    "AeTerm", "CHOICE_FACTS", "Criterion", "CtcaeLabTerm", "DATE_FACTS", "DEFAULT_PROTOCOL_PATH",
    "DERIVATION_KINDS", "Derivation", "DoseRule", "ContactRule", "EndOfStudyRule", "FollowUpRule",
    "GradeThreshold", "Lab", "Limits", "PreDose", "Premedication", "Protocol", "ProtocolError", "ReferenceRange",
    "SafetyLimits", "ScheduleRules", "load_protocol", "parse_protocol",
    "DispositionRules", "ForbiddenMedication", "MedicationRules",
]
