"""Lab values: number parsing, unit normalisation and conversion, plausibility, reference flags, safety."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from trialdesk.domain.labs import (
    LabValueError, convert, format_decimal, normalise_unit, parse_number, reference_flag,
    reference_range, safety_check, to_display, unit_label,
)
from trialdesk.domain.protocol import load_protocol

FAST = settings(max_examples=150, deadline=None)
PROTOCOL = load_protocol()
ANALYTES = list(PROTOCOL.labs)


# --- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("4,9", Decimal("4.9")),
    ("4.9", Decimal("4.9")),
    (" 4.9 ", Decimal("4.9")),
    ("\u00a04,9\t", Decimal("4.9")),
    ("1 240", Decimal(1240)),
    ("1\u00a0240", Decimal(1240)),
    ("1\u202f240,5", Decimal("1240.5")),
    ("12 345 678", Decimal(12345678)),
    ("0,125", Decimal("0.125")),
    (",5", Decimal("0.5")),
    ("-1", Decimal(-1)),
    ("\u22121", Decimal(-1)),
    ("+3", Decimal(3)),
    ("0007", Decimal(7)),
    (7, Decimal(7)),
    (0.125, Decimal("0.125")),
    (5.0, Decimal("5.0")),
    (Decimal("4.90"), Decimal("4.90")),
])
def test_parse_number_accepts(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("abc", "contains letters"),
    ("4,9 g/L", "contains letters"),
    ("1e3", "contains letters"),
    ("NaN", "contains letters"),
    ("inf", "contains letters"),
    ("", "no value entered"),
    ("   ", "no value entered"),
    ("4,9,1", "one decimal mark"),
    ("1.240,5", "one decimal mark"),
    ("1 24", "groups of three digits"),
    ("1240 5", "groups of three digits"),
    ("5.", "not a number"),
    ("--1", "not a number"),
    ("٣", "not a number"),  # Arabic-Indic three: digits are 0-9 only
    (True, "not a number"),
    (False, "not a number"),
    (None, "expected a number"),
    (float("nan"), "not a number"),
    (float("inf"), "not a number"),
    (Decimal("NaN"), "not a number"),
    ([4.9], "expected a number"),
])
def test_parse_number_refuses(text, message):
    with pytest.raises(LabValueError, match=message) as caught:
        parse_number(text)
    assert caught.value.kind == "number"


@FAST
@given(st.decimals(min_value=-10**9, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_decimal_comma_is_decimal_point(value):
    text = format(value, "f")
    assert parse_number(text) == value
    assert parse_number(text.replace(".", ",")) == value


@FAST
@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_space_thousands(value, space):
    assert parse_number(f"{value:,}".replace(",", space)) == value


@FAST
@given(st.text())
def test_parse_number_raises_only_its_own_error(text):
    try:
        result = parse_number(text)
    except LabValueError as error:
        assert error.kind == "number" and error.message
    else:
        assert isinstance(result, Decimal) and result.is_finite()


# --- units -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("10^9/L", "10^9/L"),
    ("10^9/l", "10^9/L"),
    ("x10^9/L", "10^9/L"),
    ("×10^9/L", "10^9/L"),
    ("×10⁹/L", "10^9/L"),
    ("10⁹/L", "10^9/L"),
    ("10E9/L", "10^9/L"),
    ("10*9/L", "10^9/L"),
    (" × 10^9 / L ", "10^9/L"),
    ("x10^6/l", "10^6/L"),
    ("×10⁶/L", "10^6/L"),
    ("10E6/L", "10^6/L"),
    ("cells/µL", "cells/uL"),   # micro sign U+00B5
    ("cells/μL", "cells/uL"),   # Greek mu U+03BC
    ("cells/ul", "cells/uL"),
    ("/µl", "/uL"),
    ("mg/dl", "mg/dL"),
    ("g/DL", "g/dL"),
    ("µmol/l", "umol/L"),
    ("G/L", "G/L"),             # giga per litre is not grams: the numerator keeps its case
    ("MG/dL", "MG/dL"),
    ("109/L", "109/L"),         # no power without a separator
    ("10^09/L", "10^9/L"),
])
def test_normalise_unit(text, expected):
    assert normalise_unit(text) == expected


@pytest.mark.parametrize(("unit", "label"), [
    ("10^9/L", "×10⁹/L"), ("10^6/L", "×10⁶/L"), ("umol/L", "µmol/L"), ("cells/uL", "cells/µL"),
    ("/uL", "/µL"), ("U/L", "U/L"), ("g/dL", "g/dL"), ("ukat/L", "µkat/L"),
])
def test_unit_label(unit, label):
    assert unit_label(unit) == label


# --- conversion --------------------------------------------------------------------------------

@pytest.mark.parametrize(("analyte", "value", "unit", "canonical", "canonical_unit"), [
    ("IGG", "4,9", "g/L", 4.9, "g/L"),
    ("IGG", 490, "mg/dL", 4.9, "g/L"),
    ("IGG", "4900", "mg/L", 4.9, "g/L"),
    ("NK", 0.125, "10^9/L", 125.0, "10^6/L"),
    ("NK", "0,124", "×10⁹/L", 124.0, "10^6/L"),
    ("NK", 210, "cells/uL", 210.0, "10^6/L"),
    ("NK", 210, "/µL", 210.0, "10^6/L"),
    ("HB", "13,2", "g/dL", 132.0, "g/L"),
    ("NEUT", 1800, "cells/uL", 1.8, "10^9/L"),
    ("LYMPH", "1,2", "x10^9/l", 1.2, "10^9/L"),
    ("WBC", 4200, "cells/µL", 4.2, "10^9/L"),
    ("PLT", 250, "10E9/L", 250.0, "10^9/L"),
    ("CREAT", 1, "mg/dL", 88.42, "umol/L"),
    ("CREAT", 70, "µmol/L", 70.0, "umol/L"),
    ("ALT", 1, "µkat/L", 60.0, "U/L"),
    ("CRP", "0,5", "mg/dL", 5.0, "mg/L"),
])
def test_convert(analyte, value, unit, canonical, canonical_unit):
    result = convert(PROTOCOL, analyte, value, unit)
    assert result.value == canonical   # exact: the conversion is done in Decimal
    assert result.unit == canonical_unit
    assert result.analyte == analyte
    assert result.entered_unit == unit.strip()


def test_convert_keeps_what_was_typed():
    value = convert(PROTOCOL, "IGG", " 4,90 ", "g/L")
    assert (value.entered_text, value.exact, value.text()) == ("4,90", Decimal("4.90"), "4.90 g/L")


@pytest.mark.parametrize(("analyte", "value", "unit", "kind", "message"), [
    ("IGG", "abc", "g/L", "number", "contains letters"),
    ("IGG", 5, "mmol/L", "unit", "accepted units: g/L, mg/dL, mg/L"),
    ("IGG", 5, "", "unit", "no unit given"),
    ("IGG", 5, None, "unit", "no unit given"),
    ("NEUT", 2, "G/L", "unit", "accepted units: ×10⁹/L, cells/µL"),
    ("PLT", 200, "cells/uL", "unit", "accepted units: ×10⁹/L"),
    ("HB", 13, "mmol/L", "unit", "accepted units: g/L, g/dL"),
    ("NK", 125, "10^9/L", "implausible", "did you mean ×10⁶/L?"),
    ("NK", 125, "10^9/L", "implausible", "0 ≤ NK ≤ 5000 ×10⁶/L"),
    ("IGG", -1, "g/L", "implausible", "IgG -1 g/L is not possible: the plausible range is 0 < IgG ≤ 60 g/L"),
    ("IGG", 0, "g/L", "implausible", "0 < IgG"),
    ("IGG", 490, "g/L", "implausible", "did you mean mg/dL or mg/L?"),
    ("HB", 132, "g/dL", "implausible", "did you mean g/L?"),
    ("HB", "13,2", "g/L", "implausible", "did you mean g/dL?"),
])
def test_convert_refuses(analyte, value, unit, kind, message):
    with pytest.raises(LabValueError) as caught:
        convert(PROTOCOL, analyte, value, unit)
    assert caught.value.kind == kind
    assert message in caught.value.message


def test_implausible_without_a_plausible_alternative_suggests_nothing():
    with pytest.raises(LabValueError) as caught:
        convert(PROTOCOL, "IGG", -1, "g/L")
    assert caught.value.suggestions == () and "did you mean" not in caught.value.message


@pytest.mark.parametrize(("analyte", "inside", "outside", "unit"), [
    ("IGG", "60", "60,001", "g/L"),
    ("IGG", "0,001", "0", "g/L"),
    ("NK", "5000", "5000,1", "10^6/L"),
    ("NK", "0", "-0,1", "10^6/L"),
    ("HB", "20", "19,9", "g/L"),
    ("HB", "250", "250,1", "g/L"),
    ("NEUT", "100", "100,1", "10^9/L"),
    ("LYMPH", "100", "100,1", "10^9/L"),
    ("WBC", "500", "500,1", "10^9/L"),
    ("PLT", "2000", "2000,1", "10^9/L"),
])
def test_hard_limits_on_each_side(analyte, inside, outside, unit):
    assert convert(PROTOCOL, analyte, inside, unit).exact == parse_number(inside)
    with pytest.raises(LabValueError) as caught:
        convert(PROTOCOL, analyte, outside, unit)
    assert caught.value.kind == "implausible"


@pytest.mark.parametrize(("value", "unit"), [
    ("9" * 5000, "g/L"), ("1" + " 000" * 2000, "g/L"), (10 ** 5000, "g/L"), (1e308, "g/L"),
    (5, "10^" + "9" * 5000 + "/L"), (5, "×10" + "⁹" * 5000 + "/L"), (5, "\x00"), (5, "/" * 1000),
], ids=["long-text", "long-grouped", "huge-int", "huge-float", "long-power", "long-superscript", "nul", "slashes"])
def test_extreme_input_is_a_lab_value_error(value, unit):
    with pytest.raises(LabValueError):
        convert(PROTOCOL, "IGG", value, unit)


def test_unknown_analyte_is_a_key_error():
    with pytest.raises(KeyError):
        convert(PROTOCOL, "XYZ", 1, "g/L")


@FAST
@given(analyte=st.sampled_from(ANALYTES), value=st.text(), unit=st.text())
def test_convert_raises_only_lab_value_errors_for_any_text(analyte, value, unit):
    try:
        result = convert(PROTOCOL, analyte, value, unit)
    except LabValueError as error:
        assert error.kind in ("number", "unit", "implausible") and error.message
    else:
        assert PROTOCOL.lab(analyte).limits.contains(result.exact)


@FAST
@given(analyte=st.sampled_from(ANALYTES),
       value=st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(), st.none()),
       unit=st.one_of(st.text(), st.none(), st.integers()))
def test_convert_raises_only_lab_value_errors_for_json_values(analyte, value, unit):
    try:
        convert(PROTOCOL, analyte, value, unit)
    except LabValueError:
        pass


@st.composite
def analyte_unit_value(draw):
    analyte = draw(st.sampled_from(ANALYTES))
    lab = PROTOCOL.lab(analyte)
    unit, factor = draw(st.sampled_from(lab.units))
    low, high = lab.limits.min / factor, lab.limits.max / factor
    value = draw(st.decimals(min_value=low, max_value=high, places=3, allow_nan=False, allow_infinity=False))
    assume(lab.limits.contains(value * factor))
    return analyte, unit, factor, value


@FAST
@given(case=analyte_unit_value(), comma=st.booleans())
def test_conversion_round_trips(case, comma):
    analyte, unit, factor, value = case
    text = format(value, "f")
    result = convert(PROTOCOL, analyte, text.replace(".", ",") if comma else text, unit)
    assert result.exact / factor == value                      # back to the entered unit, exactly
    assert result.value == pytest.approx(float(value * factor), rel=1e-12)
    canonical = convert(PROTOCOL, analyte, format_decimal(result.exact), result.unit)
    assert canonical.exact == result.exact                     # the canonical value is a fixed point


@FAST
@given(case=analyte_unit_value())
def test_written_unit_variants_are_equivalent(case):
    analyte, unit, factor, value = case
    variants = {unit, unit.replace("L", "l"), unit.replace("10^", "x10^"), unit.replace("10^", "×10^"),
                unit.replace("10^", "10E"), unit.replace("10^", "10*"), unit.replace("uL", "µL")}
    results = {convert(PROTOCOL, analyte, str(value), variant).exact for variant in variants}
    assert len(results) == 1


# --- display, reference ranges, safety ----------------------------------------------------------

def test_hb_is_shown_in_g_per_dl():
    assert to_display(PROTOCOL, "HB", 132.0) == (Decimal("13.2"), "g/dL")
    assert to_display(PROTOCOL, "IGG", Decimal("4.9")) == (Decimal("4.9"), "g/L")


@pytest.mark.parametrize(("analyte", "value", "sex", "age", "flag", "described"), [
    ("HB", 116, "F", None, "L", "117–153"),
    ("HB", 117, "F", None, None, "117–153"),
    ("HB", 153, "F", None, None, "117–153"),
    ("HB", 154, "F", None, "H", "117–153"),
    ("HB", 133, "M", None, "L", "134–170"),
    ("HB", 171, "M", None, "H", "134–170"),
    ("PLT", 150, "F", None, "L", "176–391"),
    ("PLT", 150, "M", None, None, "146–328"),
    ("NEUT", 1.8, "F", None, "L", "1.9–7.4"),
    ("NEUT", 1.8, "M", None, None, "1.7–6.3"),
    ("IGG", 6.5, "F", 30, "L", "6.9–15.7"),
    ("IGG", 6.5, "F", 55, None, "6.1–14.9"),
    ("IGG", 6.5, "M", 30, None, "6.1–14.9"),
    ("NK", 44, None, None, "L", "44.7–480"),
    ("NK", 481, "F", None, "H", "44.7–480"),
    ("WBC", 10.0, None, None, None, "3.5–10.0"),
    ("CRP", 5, "F", None, None, "≤ 5"),
    ("CRP", 5.1, "M", None, "H", "≤ 5"),
    ("CRP", 0, "M", None, None, "≤ 5"),
])
def test_reference_flag(analyte, value, sex, age, flag, described):
    got, used = reference_flag(PROTOCOL, analyte, value, sex, age)
    assert got == flag
    assert used.describe() == described


@pytest.mark.parametrize(("analyte", "sex", "age"), [("HB", None, None), ("IGG", "F", None), ("IGG", None, 30)])
def test_no_reference_range_when_it_depends_on_what_is_unknown(analyte, sex, age):
    assert reference_range(PROTOCOL, analyte, sex, age) is None
    assert reference_flag(PROTOCOL, analyte, 1.0, sex, age) == (None, None)


@pytest.mark.parametrize(("analyte", "value", "status", "limit"), [
    ("IGG", "2,99", "below", 3.0),
    ("IGG", "3,0", "within", None),
    ("NEUT", "0,99", "below", 1.0),
    ("NEUT", "1", "within", None),
    ("PLT", "74", "below", 75.0),
    ("PLT", "75", "within", None),
    ("NK", "10", "no_limits", None),
    ("HB", "90", "no_limits", None),
])
def test_safety_check(analyte, value, status, limit):
    lab_value = convert(PROTOCOL, analyte, value, PROTOCOL.lab(analyte).unit)
    result = safety_check(PROTOCOL, analyte, lab_value)
    assert (result.status, result.limit) == (status, limit)
    assert result.ok == (status in ("within", "no_limits"))


def test_safety_explanations_show_numbers_only_when_unmasked():
    below = safety_check(PROTOCOL, "IGG", Decimal("2.5"))
    assert below.explanation.text() == "IgG 2.5 g/L is below the pre-dose safety limit 3.0 g/L"
    assert below.masked_explanation.text() == (
        "IgG: outside the pre-dose safety limit — refer to the unblinded physician")
    within = safety_check(PROTOCOL, "IGG", 9.8)
    assert within.explanation.text() == "IgG 9.8 g/L is within the pre-dose safety limits (≥ 3.0 g/L)"
    assert "9.8" not in within.masked_explanation.text()
