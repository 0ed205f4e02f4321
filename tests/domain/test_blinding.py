"""The blinding rule (domain/blinding.py): who is blinded, what the first dose is, what is masked from when."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from trialdesk.domain import blinding
from trialdesk.domain.people import Role, User

FIRST = datetime(2026, 3, 30, 8, 30, tzinfo=timezone.utc)
NURSE = User("n", "nurse", "Nina Nurse", Role.NURSE, True)
PHYSICIAN = User("p", "doc", "Dan Doc", Role.INVESTIGATOR, True, unblinded=True)


def test_every_role_is_blinded_except_the_unblinded_physician():
    for role in Role:
        assert blinding.is_blinded(User("u", "u1", "U", role, True))
    assert not blinding.is_blinded(PHYSICIAN)


def test_the_first_dose_is_the_earliest_injection_given():
    later = FIRST + timedelta(weeks=2)
    assert blinding.first_dose_at([later, FIRST, None]) == FIRST
    assert blinding.first_dose_at([]) is None
    assert blinding.first_dose_at([None]) is None


def test_masked_analytes_come_from_the_protocol_after_the_first_dose(protocol):
    assert blinding.masked_analytes(protocol, NURSE, FIRST) == frozenset({"IGG", "NK"}) == frozenset(
        protocol.masked_analytes)
    assert blinding.masked_analytes(protocol, NURSE, None) == frozenset()
    assert blinding.masked_analytes(protocol, PHYSICIAN, FIRST) == frozenset()


def test_a_result_is_masked_from_the_moment_of_the_first_dose(protocol):
    assert blinding.result_masked(protocol, NURSE, "NK", FIRST, FIRST)
    assert blinding.result_masked(protocol, NURSE, "IGG", FIRST + timedelta(days=14), FIRST)
    assert not blinding.result_masked(protocol, NURSE, "NK", FIRST - timedelta(microseconds=1), FIRST)
    assert not blinding.result_masked(protocol, NURSE, "NK", FIRST, None)  # no dose given yet
    assert not blinding.result_masked(protocol, NURSE, "HB", FIRST + timedelta(days=1), FIRST)  # not masked
    assert not blinding.result_masked(protocol, PHYSICIAN, "NK", FIRST + timedelta(days=1), FIRST)


def test_many_results_masked_at_once_as_each_alone_and_the_account_read_once(protocol):
    """``masked_results`` answers what ``result_masked`` answers of each result; ``read_once`` reads the stored
    account once (a designation revoked meanwhile counts from the next screen)."""
    from dataclasses import replace

    results = [(f"r{i}", analyte, FIRST + timedelta(hours=h))
               for i, (analyte, h) in enumerate([("IGG", -1), ("IGG", 0), ("NK", 5), ("HB", 5), ("NK", -48)])]
    for user in (NURSE, PHYSICIAN):
        for first in (FIRST, None):
            expected = {rid for rid, analyte, at in results if blinding.result_masked(protocol, user, analyte, at, first)}
            assert blinding.masked_results(protocol, user, results, first) == expected
    assert blinding.masked_results(protocol, NURSE, results, FIRST) == {"r1", "r2"}
    reads = []

    def stored():
        reads.append(1)
        return PHYSICIAN if len(reads) == 1 else replace(PHYSICIAN, unblinded=False)

    live = replace(PHYSICIAN, source=stored)
    viewer = blinding.read_once(live)
    assert not blinding.is_blinded(viewer) and not blinding.is_blinded(viewer) and len(reads) == 1
    assert blinding.is_blinded(live)  # the account as stored now: revoked
