"""Registering a candidate's identity number (issue 11, item 5): the birth date agrees with the number of every
kind, the sex digit asks for confirmation, synthetic numbers only in training stores, bounds on the birth date.
Synthetic numbers only (month + 80), except the one real-store refusal, which refuses a synthetic number."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.conftest import ADMIN_PASSWORD, PASSWORD
from trialdesk.clock import local_today
from trialdesk.domain.identity import check_id_number
from trialdesk.domain.people import Role
from trialdesk.errors import ConfirmationNeeded, ValidationError
from trialdesk.services import auth
from trialdesk.services import participants as ps
from trialdesk.services.demo import synthetic_id_number

BORN = date(1985, 4, 12)


def _register(store, user, number, *, sex="F", born=BORN, **kw):
    return ps.register_candidate(store, user, sex=sex, birth_date=born, childbearing_potential=True if sex == "F"
                                 else None, identity=ps.Identity("Testperson Alfa", number), **kw)


def _d_number(born: date, sex: str) -> str:
    """A synthetic D-number (day + 40, month + 80) for ``born`` with the sex digit of ``sex``."""
    from tests.domain.test_identity import complete

    for individual in range(0, 500) if born.year < 2000 else range(500, 1000):
        if (individual % 2 == 1) != (sex == "M"):
            continue
        number = complete(f"{born.day + 40:02d}{born.month + 80:02d}{born.year % 100:02d}{individual:03d}")
        if number and check_id_number(number).kind == "dnr":
            return number
    raise AssertionError("no D-number")


@pytest.mark.parametrize("separator", [" ", "-"])
def test_the_number_is_accepted_as_typed(store, doctor, separator):
    number = synthetic_id_number(BORN, "F")
    pid = _register(store, doctor, number[:6] + separator + number[6:]).participant_id
    assert ps.get_identity(store, doctor, pid).id_number == number


def test_a_d_number_must_agree_with_the_birth_date(store, doctor):
    number = _d_number(BORN, "F")
    with pytest.raises(ValidationError) as err:
        _register(store, doctor, number, born=BORN + timedelta(days=1))
    assert err.value.field == "birth_date"
    assert "does not agree with the D-number, which gives 12.04.1985" in str(err.value)
    pid = _register(store, doctor, number).participant_id
    assert ps.get_identity(store, doctor, pid).id_number == number


def test_a_birth_date_in_the_future_is_refused_for_every_kind(store, doctor):
    tomorrow = local_today() + timedelta(days=1)
    with pytest.raises(ValidationError, match="is in the future") as err:
        _register(store, doctor, synthetic_id_number(BORN, "F"), born=tomorrow)
    assert err.value.field == "birth_date"
    for number in (synthetic_id_number(tomorrow, "F"), _d_number(tomorrow, "F")):
        with pytest.raises(ValidationError, match="gives a birth date in the future") as err:
            _register(store, doctor, number)
        assert err.value.field == "id_number"
    with pytest.raises(ValidationError, match="before 01.01.1900") as err:
        ps.register_candidate(store, doctor, sex="M", birth_date=date(1899, 12, 31), childbearing_potential=None,
                              identity=None)
    assert err.value.field == "birth_date"
    assert ps.list_participants(store, doctor) == []


def test_a_sex_digit_that_disagrees_asks_for_confirmation_and_is_recorded(store, doctor):
    number = synthetic_id_number(BORN, "F")  # even 9th digit: a woman's number
    with pytest.raises(ConfirmationNeeded) as err:
        _register(store, doctor, number, sex="M")
    assert err.value.field == "sex" and "Legal and biological sex can differ" in str(err.value)
    assert ps.list_participants(store, doctor) == []
    pid = _register(store, doctor, number, sex="M", sex_mismatch_confirmed=True).participant_id
    assert ps.get_participant(store, doctor, pid).sex == "M"
    reasons = {r for (r,) in store.db.execute(
        "SELECT reason FROM audit WHERE table_name IN ('participants', 'identities') AND action = 'INSERT'")}
    assert reasons == {"sex entered (M) differs from the identity number's sex digit (F); confirmed at registration"}


def test_a_matching_sex_needs_no_confirmation_and_records_no_reason(store, doctor):
    _register(store, doctor, synthetic_id_number(BORN, "M"), sex="M")
    assert store.db.execute("SELECT count(*) FROM audit WHERE table_name = 'participants' AND reason IS NOT NULL"
                            ).fetchone()[0] == 0


def test_synthetic_numbers_are_refused_on_a_real_trial_store(tmp_path):
    from trialdesk.services.workstation import setup_workstation

    real = setup_workstation(tmp_path / "real", site_code="H", site_name="Haukeland", admin_username="admin",
                             admin_full_name="Ada Admin", admin_password=ADMIN_PASSWORD,
                             recovery_sheet=tmp_path / "recovery.pdf")
    try:
        assert not real.store.training and real.store.meta("purpose") == "trial"
        doctor = auth.create_user(real.store, real.admin, username="doctor", full_name="Dina Doktor",
                                  role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)
        with pytest.raises(ValidationError, match="synthetic test number") as err:
            _register(real.store, doctor, synthetic_id_number(BORN, "F"))
        assert err.value.field == "id_number"
        assert real.store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
        assert json.loads((tmp_path / "real" / "store.json").read_text()).get("purpose") is None  # meta only
    finally:
        real.store.close()


def test_test_stores_are_training_stores(store):
    assert store.training and store.meta("purpose") == "training"
