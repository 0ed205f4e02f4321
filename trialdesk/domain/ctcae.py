"""CTCAE grading: lab grades from numbers, and the adverse-event terms with their grade texts."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from trialdesk.domain.labs import LabValueError, convert, parse_number

if TYPE_CHECKING:
    from trialdesk.domain.protocol.model import AeTerm, Protocol

__all__ = ["ae_terms", "grade_exists", "grade_text", "lab_grade"]


def lab_grade(protocol: "Protocol", term: str, value: str | int | float, unit: str,
              lln: str | int | float | Decimal) -> int:
    """The CTCAE grade of a lab value for a "decreased" term, e.g. ``neutrophil_count_decreased``.

    ``value`` and ``unit`` are converted to the canonical unit of the analyte the protocol links to
    ``term`` (``LabValueError`` if that fails); ``lln`` is the lower limit of normal in that
    canonical unit. Returns 0 when the value is not below the LLN, otherwise the highest grade
    whose threshold the value is strictly below (grade 1's threshold is the LLN). Grades the
    protocol marks ``clinical`` (anaemia grade 4) are never suggested from the number.
    ``KeyError`` for a term the protocol does not grade from a lab value.
    """
    grading = protocol.ctcae_lab_term(term)
    lab_value = convert(protocol, grading.analyte, value, unit)
    limit = parse_number(lln)
    if limit < 0:
        raise LabValueError("number", "the lower limit of normal must not be negative, got {lln}", lln=str(lln))
    if not lab_value.exact < limit:
        return 0
    grade = 0
    for step in grading.grades:
        threshold = limit if step.rule == "lln" else step.threshold
        if threshold is None:  # "clinical": decided by the investigator, not by the number
            continue
        if lab_value.exact < threshold:
            grade = step.grade
    return grade


def ae_terms(protocol: "Protocol") -> tuple["AeTerm", ...]:
    """The adverse-event terms this trial records, in the protocol's order (CTCAE and protocol-defined)."""
    return protocol.ae_terms


def grade_exists(term: "AeTerm", grade: int) -> bool:
    """Whether ``grade`` (1–5) is defined for ``term`` (fatigue has no grade 4 or 5)."""
    return term.grade_exists(grade)


def grade_text(term: "AeTerm", grade: int, language: str = "en") -> str:
    """The grade's text for ``term`` in ``language`` ("en", "nb"); ``ValueError`` when the term has no such grade."""
    return term.grade_text(grade, language)
