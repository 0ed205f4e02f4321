"""Concomitant medications (domain/medications.py): one record's rules, and the protocol's forbidden classes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from trialdesk.domain.errors import RuleViolation
from trialdesk.domain.medications import ROUTES, MedicationInput, check_medication, forbidden_match, normalised_words

TODAY = date(2027, 3, 12)
MED = MedicationInput(name="  Paracet  ", start_date=date(2027, 1, 2), indication="headache", dose="1",
                      dose_unit="g", frequency="as needed", route="oral", ongoing=True)


def test_a_medication_is_tidied():
    checked = check_medication(MED, TODAY)
    assert checked.name == "Paracet" and checked.ongoing is True and checked.stop_date is None


@pytest.mark.parametrize("change, field, words", [
    ({"name": "  "}, "name", "Enter the medication's name."),
    ({"start_date": None}, "start_date", "Enter the date the medication was started."),
    ({"start_date": date(2027, 3, 13)}, "start_date", "is in the future"),
    ({"ongoing": True, "stop_date": date(2027, 2, 1)}, "stop_date", "either ongoing or has a stop date, not both"),
    ({"ongoing": False, "stop_date": None}, "stop_date", "Enter the stop date, or mark the medication as ongoing."),
    ({"ongoing": False, "stop_date": date(2027, 1, 1)}, "stop_date", "is before the start date"),
    ({"ongoing": False, "stop_date": date(2027, 3, 13)}, "stop_date", "a medication still taken is ongoing"),
    ({"route": "by mouth"}, "route", "Choose the route from the list."),
    ({"dose": "x" * 201}, "dose", "At most {limit} characters."),
])
def test_the_rules_of_one_record(change, field, words):
    with pytest.raises(RuleViolation) as caught:
        check_medication(replace(MED, **change), TODAY)
    assert caught.value.field == field and words in caught.value.template


def test_stop_on_the_start_day_and_today_are_fine():
    assert check_medication(replace(MED, ongoing=False, stop_date=MED.start_date), TODAY).stop_date == MED.start_date
    assert check_medication(replace(MED, ongoing=False, stop_date=TODAY), TODAY).stop_date == TODAY


def test_routes_are_the_cdisc_ones_and_the_registry_words_them():
    from trialdesk.domain import records

    assert ROUTES[:4] == ("oral", "intravenous", "intramuscular", "subcutaneous") and "other" in ROUTES
    assert tuple(records.field_of("concomitant_medications", "route").codes) == ROUTES


def test_words_of_a_name():
    assert normalised_words("Solu-Medrol 40 mg") == ["solu", "medrol", "40", "mg"]
    assert normalised_words("Ciclosporine «Sandoz»") == ["ciclosporine", "sandoz"]
    assert normalised_words("Prednisolon_5") == ["prednisolon", "5"]


@pytest.mark.parametrize("name, route, expected", [
    ("Prednisolon 5 mg", "oral", "systemic_corticosteroids"),
    ("prednisolone", None, "systemic_corticosteroids"),          # the English spelling, a longer word
    ("Solu-Medrol", "intravenous", "systemic_corticosteroids"),  # a trade name inside a hyphenated name
    ("Methotrexate", "subcutaneous", "methotrexate"),
    ("Metoject 15 mg", "subcutaneous", "methotrexate"),
    ("MTX", "oral", "methotrexate"),                             # a short word: only as the whole word
    ("Imurel", "oral", "azathioprine"),
    ("CellCept", "oral", "mycophenolate"),
    ("Sandimmun Neoral", "oral", "ciclosporin"),
    ("Prograf", "oral", "tacrolimus"),
    ("Rapamune", "oral", "mtor_inhibitors"),
    ("Sendoxan", "intravenous", "cyclophosphamide"),
    ("MabThera", "intravenous", "anti_cd20"),
    ("Ocrevus", "intravenous", "anti_cd20"),
    ("L04AX03", None, "methotrexate"),                           # an ATC code typed as the name
    ("L01FA01", "intravenous", "anti_cd20"),
    # not forbidden
    ("Paracetamol", "oral", None),
    ("Mtxyz", "oral", None),                                     # "mtx" matches only the whole word
    ("Pred", "oral", None),
    ("Cetirizin", "oral", None),
    ("Hydrokortison krem 1 %", "topical", None),                 # a local route: not systemic
    ("Protopic", "topical", None),
    ("Ikervis (ciklosporin)", "ophthalmic", None),
    ("Pulmicort", "inhaled", None),
    ("", "oral", None),
])
def test_forbidden_classes_match_by_name_atc_and_route(protocol, name, route, expected):
    found = forbidden_match(protocol.medications, name, route)
    assert (found.code if found else None) == expected


def test_an_unknown_route_is_taken_as_systemic(protocol):
    assert forbidden_match(protocol.medications, "Hydrokortison", "other").code == "systemic_corticosteroids"
    assert forbidden_match(protocol.medications, "Hydrokortison", "rectal").code == "systemic_corticosteroids"
