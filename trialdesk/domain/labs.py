"""Lab values: parse numbers as typed in Norway, normalise units, convert, flag and safety-check."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Literal

from trialdesk.domain.explanations import Explanation

if TYPE_CHECKING:  # the protocol module imports this one at run time
    from trialdesk.domain.protocol.model import Lab, Protocol, ReferenceRange

__all__ = [
    "LabValue", "LabValueError", "SafetyResult", "convert", "format_decimal", "parse_number",
    "normalise_unit", "reference_flag", "reference_range", "safety_check", "to_display", "unit_label",
]

ErrorKind = Literal["number", "unit", "implausible"]


class LabValueError(ValueError):
    """A lab value that cannot be used; ``kind`` is ``number``, ``unit`` or ``implausible``.

    The message says precisely what is wrong, fit to show beside the field. ``suggestions`` lists
    accepted units in which the number would be plausible (for ``implausible``).
    """

    def __init__(self, kind: ErrorKind, template: str, suggestions: tuple[str, ...] = (), **params: object):
        message = template.format(**params) if params else template
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.suggestions = suggestions
        # The English ``template`` and its ``params``, so that the UI can show the message translated.
        self.template = template
        self.params = params


@dataclass(frozen=True)
class LabValue:
    """A converted lab value: ``value`` in the canonical ``unit``, and what was typed.

    ``exact`` is the canonical value as a Decimal (rules compare with it, never with the float).
    """

    analyte: str
    value: float
    unit: str
    entered_text: str
    entered_unit: str
    exact: Decimal

    def text(self) -> str:
        """The canonical value for people, e.g. ``125 ×10^6/L``."""
        return f"{format_decimal(self.exact)} {unit_label(self.unit)}"


# --------------------------------------------------------------------------------------------------
# Numbers

_SPACES = " \u00a0\u202f\u2009"  # space, no-break space, narrow no-break space, thin space
_NUMBER = re.compile(
    rf"(?P<sign>[+-]?)(?P<int>[0-9]{{1,3}}(?:[{_SPACES}][0-9]{{3}})+|[0-9]+)?(?:[.,](?P<frac>[0-9]+))?"
)


def parse_number(value: str | int | float | Decimal) -> Decimal:
    """Read a number as typed: ``"4,9"``, ``" 4.9 "``, ``"1 240"`` (space or no-break-space thousands).

    Returns a Decimal (exact: ``"4,9"`` is 4.9, never 4.8999…). Raises :class:`LabValueError`
    (kind ``number``) for empty text, letters, more than one decimal mark, badly grouped digits,
    NaN or infinity, booleans and anything that is not text or a number.
    """
    if isinstance(value, bool):
        raise LabValueError("number", "{value} is not a number", value=str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise LabValueError("number", "{value} is not a number", value=str(value))
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise LabValueError("number", "{value} is not a number", value=str(value))
        return value
    if not isinstance(value, str):
        raise LabValueError("number", "expected a number, got {type_name}", type_name=type(value).__name__)
    text = value.strip().replace("\u2212", "-")  # U+2212 MINUS SIGN as typed by some keyboards
    if not text:
        raise LabValueError("number", "no value entered")
    match = _NUMBER.fullmatch(text)
    if match is None or (match.group("int") is None and match.group("frac") is None):
        shown = value.strip()
        if any(ch.isalpha() for ch in text):
            raise LabValueError("number", "\"{text}\" is not a number: it contains letters", text=shown)
        if len(re.findall(r"[.,]", text)) > 1:
            raise LabValueError("number", "\"{text}\" is not a number: use one decimal mark "
                                          "(comma or point) and no thousands separator but a space", text=shown)
        if any(ch in _SPACES for ch in text):
            raise LabValueError("number", "\"{text}\" is not a number: spaces may only separate "
                                          "groups of three digits, as in 1 240", text=shown)
        raise LabValueError("number", "\"{text}\" is not a number", text=shown)
    digits = (match.group("int") or "0")
    for space in _SPACES:
        digits = digits.replace(space, "")
    frac = match.group("frac")
    try:
        return Decimal(f"{match.group('sign')}{digits}.{frac}" if frac else f"{match.group('sign')}{digits}")
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        raise LabValueError("number", "\"{text}\" is not a number", text=value.strip()) from None


def format_decimal(value: Decimal | float | int) -> str:
    """A number for people, without exponent: ``Decimal("1.25E+2")`` → ``"125"``; a stored whole float
    without its ``.0`` (``240.0`` → ``"240"``: the platelets typed as 240 read back as 240)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif isinstance(value, int):
        value = Decimal(value)
    return format(value, "f")


# --------------------------------------------------------------------------------------------------
# Units

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_POWER = re.compile(r"(?:x|×)?10(?:(?:\^|E|\*)(?P<plain>[0-9]+)|\^?(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?P<rest>/.*)")
_VOLUMES = {"l": "L", "dl": "dL", "ul": "uL", "ml": "mL"}


def normalise_unit(text: str) -> str:
    """TrialDesk's canonical spelling of a unit as typed; it does not say whether an analyte accepts it.

    Spaces are dropped; ``µ`` (micro sign) and ``μ`` (Greek mu) become ``u``; ``x10^9/L``,
    ``×10^9/L``, ``×10⁹/L``, ``10E9/L`` and ``10*9/L`` become ``10^9/L`` (likewise any power of
    ten); the volume after the last ``/`` is matched case-insensitively (``l``/``L``, ``dl``/``dL``,
    ``ul``/``uL``). Everything else is case-sensitive (``G/L`` is not ``g/L``).
    """
    if not isinstance(text, str):
        raise LabValueError("unit", "expected a unit, got {type_name}", type_name=type(text).__name__)
    unit = "".join(text.split()).replace("\u00b5", "u").replace("\u03bc", "u")
    match = _POWER.fullmatch(unit)
    if match:
        power = match.group("plain") or match.group("sup").translate(_SUPERSCRIPTS)
        # Drop leading zeros without int(): int() refuses very long digit strings (sys.set_int_max_str_digits).
        unit = f"10^{power.lstrip('0') or '0'}{match.group('rest')}"
    head, slash, volume = unit.rpartition("/")
    if slash and volume.lower() in _VOLUMES:
        unit = f"{head}/{_VOLUMES[volume.lower()]}"
    return unit


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def unit_label(unit: str) -> str:
    """A canonical unit as people read it: ``10^9/L`` → ``×10⁹/L``, ``umol/L`` → ``µmol/L``.

    The power is written in superscript digits, as on a lab report: the screens' and the printouts' fonts
    (DejaVu, embedded in every PDF) have them; typing ``×10^9/L``, ``10^9/L`` or ``10⁹/L`` is read back by
    :func:`normalise_unit` as the same unit.
    """
    label = re.sub(r"(?<![A-Za-z])u(?=(?:mol|kat|L)\b)", "µ", unit)
    label = re.sub(r"10\^(-?\d+)", lambda m: "10" + m.group(1).translate(_SUPERSCRIPT), label)
    return "×" + label if label.startswith("10") and label[2:3] in "⁰¹²³⁴⁵⁶⁷⁸⁹⁻" and label[2:3] else label


# --------------------------------------------------------------------------------------------------
# Conversion


def convert(protocol: "Protocol", analyte: str, value: str | int | float, unit: str) -> LabValue:
    """Convert a typed value and unit to the analyte's canonical unit, checking plausibility.

    Raises :class:`LabValueError` with kind ``number`` (not a number), ``unit`` (not a unit of this
    analyte; the message lists the accepted ones) or ``implausible`` (outside the hard limits; the
    message gives the plausible range and, when the number would fit another accepted unit,
    suggests it). ``KeyError`` only for an analyte code the protocol does not have.
    """
    lab = protocol.lab(analyte)
    number = parse_number(value)
    if unit is None or (isinstance(unit, str) and not unit.strip()):
        raise LabValueError("unit", "{symbol}: no unit given; accepted units: {units}", symbol=lab.symbol,
                            units=_accepted(lab))
    canonical_unit = normalise_unit(unit)
    factor = lab.factor(canonical_unit)
    if factor is None:
        raise LabValueError("unit", "{symbol}: \"{unit}\" is not an accepted unit; accepted units: {units}",
                            symbol=lab.symbol, unit=unit.strip(), units=_accepted(lab))
    exact = number if factor == 1 else (number * factor).normalize()
    if not lab.limits.contains(exact):
        suggestions = _suggest_units(lab, number, factor)
        shown = f"{lab.symbol} {format_decimal(number)} {unit_label(canonical_unit)}"
        if factor != 1:
            shown += f" (= {format_decimal(exact)} {unit_label(lab.unit)})"
        limits = lab.limits.describe(lab.symbol, unit_label(lab.unit))
        labels = [unit_label(u) for u in suggestions]
        if not labels:
            raise LabValueError("implausible", "{shown} is not possible: the plausible range is {range}",
                                suggestions, shown=shown, range=limits)
        if len(labels) == 1:
            raise LabValueError("implausible", "{shown} is not possible: the plausible range is {range} — did you "
                                "mean {unit}?", suggestions, shown=shown, range=limits, unit=labels[0])
        raise LabValueError("implausible", "{shown} is not possible: the plausible range is {range} — did you "
                            "mean {unit} or {other}?", suggestions, shown=shown, range=limits,
                            unit=", ".join(labels[:-1]), other=labels[-1])
    entered = value.strip() if isinstance(value, str) else str(value)
    return LabValue(analyte=lab.code, value=float(exact), unit=lab.unit, entered_text=entered,
                    entered_unit=unit.strip(), exact=exact)


def _accepted(lab: "Lab") -> str:
    return ", ".join(unit_label(unit) for unit in lab.accepted_units)


def _suggest_units(lab: "Lab", number: Decimal, entered_factor: Decimal) -> tuple[str, ...]:
    seen = {entered_factor}
    suggestions = []
    for unit, factor in lab.units:
        if factor in seen:
            continue
        seen.add(factor)
        if lab.limits.contains(number * factor):
            suggestions.append(unit)
    return tuple(suggestions)


def to_display(protocol: "Protocol", analyte: str, value: float | Decimal) -> tuple[Decimal, str]:
    """A canonical value in the analyte's display unit (Hb 132 g/L → 13.2 g/dL)."""
    lab = protocol.lab(analyte)
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    factor = lab.factor(lab.display_unit)
    assert factor is not None  # the loader checked display_unit is accepted
    return (exact / factor if factor != 1 else exact), lab.display_unit


# --------------------------------------------------------------------------------------------------
# Reference ranges and pre-dose safety


def _exact(value: float | int | Decimal | LabValue) -> Decimal:
    if isinstance(value, LabValue):
        return value.exact
    if isinstance(value, Decimal):
        return value
    return parse_number(value)


def reference_range(protocol: "Protocol", analyte: str, sex: str | None,
                    age: int | None = None) -> "ReferenceRange | None":
    """The reference range for a person of ``sex`` (``F``/``M``) and ``age``; None when unknown.

    None when the ranges differ by sex (or age) and that is not known, or the protocol has none.
    """
    for candidate in protocol.lab(analyte).reference:
        if candidate.applies(sex, age):
            return candidate
    return None


def reference_flag(protocol: "Protocol", analyte: str, canonical_value: float | Decimal | LabValue,
                   sex: str | None, age: int | None = None
                   ) -> tuple[Literal["L", "H"] | None, "ReferenceRange | None"]:
    """``("L" | "H" | None, range used)``: below or above the reference range (bounds are normal).

    The flag is None when the value is within the range or no range applies (sex/age unknown).
    """
    used = reference_range(protocol, analyte, sex, age)
    if used is None:
        return None, None
    value = _exact(canonical_value)
    if used.low is not None and value < used.low:
        return "L", used
    if used.high is not None and value > used.high:
        return "H", used
    return None, used


@dataclass(frozen=True)
class SafetyResult:
    """The pre-dose check of one value: ``status`` is ``within``, ``below``, ``above`` or ``no_limits``.

    ``explanation`` shows the numbers (unblinded roles); ``masked_explanation`` does not, for
    analytes masked from blinded roles after the first dose.
    """

    analyte: str
    status: str
    value: float
    unit: str
    limit: float | None
    explanation: Explanation
    masked_explanation: Explanation

    @property
    def ok(self) -> bool:
        """Whether the dose may go ahead as far as this value is concerned."""
        return self.status in ("within", "no_limits")


def safety_check(protocol: "Protocol", analyte: str, value: float | Decimal | LabValue) -> SafetyResult:
    """Compare a canonical value with the protocol's pre-dose safety limits (a value on the limit is within)."""
    lab = protocol.lab(analyte)
    exact = _exact(value)
    params = {"analyte": lab.symbol, "analyte_nb": lab.symbol_nb,
              "value": format_decimal(value if isinstance(value, float) else exact),
              "unit": unit_label(lab.unit)}
    safety = lab.safety
    status, limit = "within", None
    if safety is None:
        status = "no_limits"
    elif safety.min is not None and exact < safety.min:
        status, limit = "below", safety.min
    elif safety.max is not None and exact > safety.max:
        status, limit = "above", safety.max
    if status == "no_limits":
        explanation = Explanation("safety_no_limits", {"analyte": lab.symbol, "analyte_nb": lab.symbol_nb})
    elif status == "within":
        explanation = Explanation("safety_within", {
            **params, "min": None if safety.min is None else format_decimal(safety.min),
            "max": None if safety.max is None else format_decimal(safety.max)})
    else:
        explanation = Explanation(f"safety_{status}", {**params, "limit": format_decimal(limit)})
    masked = Explanation("safety_masked_within" if status in ("within", "no_limits") else "safety_masked_outside",
                         {"analyte": lab.symbol, "analyte_nb": lab.symbol_nb})
    return SafetyResult(analyte=lab.code, status=status, value=float(exact), unit=lab.unit,
                        limit=float(limit) if limit is not None else None,
                        explanation=explanation, masked_explanation=masked)
