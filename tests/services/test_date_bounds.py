"""Every date and time a person enters is bounded (issue 11, item 5), in the service so that the CLI and the UI
refuse alike, with a message naming the field and the limit; and a bad value already in a store (written by an
old version or by hand) never breaks a read, a printout or go / no-go for that participant."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from tests.printouts.test_documents import flat
from tests.services.test_screening import ELIGIBLE, JUDGED, TODAY, consent, register
from tests.services.test_visits import D1_DAY, OSLO, _ae, administration, enrolled, entries, prepare_d1  # noqa: F401
from trialdesk.clock import local_now, local_today, utc_now
from trialdesk.errors import ValidationError
from trialdesk.services import auth, printing, visit_history
from trialdesk.services import participants as ps
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs

LONG_AGO = datetime(981, 1, 1, 10, 0, tzinfo=OSLO)
FAR_AHEAD = datetime(9999, 12, 30, 10, 0, tzinfo=timezone.utc)


def _refused(call, field: str, *needles: str) -> None:
    with pytest.raises(ValidationError) as err:
        call()
    assert err.value.field == field, (err.value.field, str(err.value))
    for needle in needles:
        assert needle in str(err.value), str(err.value)


# --- refused on entry ---------------------------------------------------------------------------------------

def test_sample_times_are_bounded(store, nurse, enrolled):  # noqa: F811
    record = lambda when: vs.record_pre_dose_labs(store, nurse, enrolled, "D1", sampled_at=when,  # noqa: E731
                                                  entries=entries(), read_back={"IGG", "NK"})
    _refused(lambda: record(LONG_AGO), "sampled_at", "01.01.0981 10:00", "before the participant's birth date",
             "12.04.1985")
    _refused(lambda: record(FAR_AHEAD), "sampled_at", "30.12.9999", "in the future")
    views = record(D1_DAY)
    result_id = store.db.execute("SELECT id FROM lab_results LIMIT 1").fetchone()[0]
    _refused(lambda: vs.correct_lab_result(store, nurse, result_id, None, "wrong year", sampled_at=LONG_AGO),
             "sampled_at", "before the participant's birth date")
    assert views and store.db.execute("SELECT count(*) FROM lab_samples").fetchone()[0] == 1


def test_pre_dose_dates_and_times_are_bounded(store, nurse, enrolled):  # noqa: F811
    premed = sc.protocol().pre_dose.premedication[0].code
    _refused(lambda: vs.record_premedication(store, nurse, enrolled, "D1", premed, LONG_AGO), premed,
             "premedication time 01.01.0981", "birth date (12.04.1985)")
    _refused(lambda: vs.record_premedication(store, nurse, enrolled, "D1", premed, FAR_AHEAD), premed, "in the future")
    _refused(lambda: vs.record_blood_bank(store, nurse, enrolled, type_and_screen_on=date(981, 1, 1),
                                          alert_card_on=None), "type_and_screen_on", "before the participant's birth")
    _refused(lambda: vs.record_blood_bank(store, nurse, enrolled, type_and_screen_on=None,
                                          alert_card_on=local_today() + timedelta(days=1)), "alert_card_on", "future")
    _refused(lambda: vs.record_pregnancy_test(store, nurse, enrolled, "D1", "negative", day=date(1950, 1, 1)),
             "pregnancy_test", "before the participant's birth date")
    _refused(lambda: vs.record_pregnancy_test(store, nurse, enrolled, "D1", "negative",
                                              day=local_today() + timedelta(days=2)), "pregnancy_test", "future")


def test_injection_times_are_bounded(store, nurse, enrolled):  # noqa: F811
    prepare_d1(store, nurse, enrolled)
    _refused(lambda: vs.record_administration(store, nurse, enrolled, "D1", administration(LONG_AGO)),
             "started_at", "injection time 01.01.0981", "birth date")
    late_watch = replace(administration(), observation_until=D1_DAY + timedelta(days=3))
    _refused(lambda: vs.record_administration(store, nurse, enrolled, "D1", late_watch, now=D1_DAY),
             "observation_until", "more than 24 hours after the injection ended")
    early_watch = replace(administration(), observation_until=D1_DAY)
    _refused(lambda: vs.record_administration(store, nurse, enrolled, "D1", early_watch, now=D1_DAY),
             "observation_until", "before the injection ended")
    assert vs.record_administration(store, nurse, enrolled, "D1", administration(), now=D1_DAY) == "go"
    _refused(lambda: vs.correct_administration(store, nurse, enrolled, "D1", administration(LONG_AGO), "typo"),
             "started_at", "before the participant's birth date")


def test_adverse_event_dates_are_bounded(store, nurse, enrolled):  # noqa: F811
    _refused(lambda: vs.record_adverse_event(store, nurse, enrolled, _ae(onset_date=date(1980, 1, 1), end_date=None)),
             "onset_date", "onset date 01.01.1980", "birth date (12.04.1985)")
    serious = dict(serious=True, sae_criteria=frozenset({"sae_hospitalisation"}))
    _refused(lambda: vs.record_adverse_event(store, nurse, enrolled, _ae(**serious, aware_at=FAR_AHEAD)),
             "aware_at", "became aware, 30.12.9999", "in the future")
    onset = _ae().onset_date
    before_onset = datetime(onset.year, onset.month, onset.day, tzinfo=OSLO) - timedelta(days=2)
    _refused(lambda: vs.record_adverse_event(store, nurse, enrolled, _ae(**serious, aware_at=before_onset)),
             "aware_at", "before the onset date")
    ae_id = vs.record_adverse_event(store, nurse, enrolled, _ae(**serious))
    _refused(lambda: vs.mark_sae_reported(store, nurse, ae_id, reported_at=FAR_AHEAD), "sae_reported_at", "future")
    _refused(lambda: vs.mark_sae_reported(store, nurse, ae_id, reported_at=utc_now() - timedelta(days=400)),
             "sae_reported_at", "before the site became aware")
    assert store.db.execute("SELECT count(*) FROM adverse_events").fetchone()[0] == 1


def test_consent_and_screening_dates_are_bounded(store, doctor):
    pid = register(store, doctor)
    signed = dict(form_version="1.0", language="nb", copy_given=True, today=TODAY)
    _refused(lambda: ps.record_consent(store, doctor, pid, participant_signed_on=date(1980, 1, 1),
                                       investigator_signed_on=TODAY, **signed),
             "participant_signed_on", "before the participant's birth date (12.04.1985)")
    _refused(lambda: ps.record_consent(store, doctor, pid, participant_signed_on=TODAY + timedelta(days=1),
                                       investigator_signed_on=TODAY + timedelta(days=1), **signed),
             "participant_signed_on", "in the future (today is 02.03.2026)")
    consent(store, doctor, pid)
    _refused(lambda: sc.save_screening(store, doctor, pid, replace(ELIGIBLE, screening_date=TODAY + timedelta(days=1)),
                                       JUDGED, today=TODAY), "screening_date", "in the future (today is 02.03.2026)")
    _refused(lambda: sc.save_screening(store, doctor, pid, replace(ELIGIBLE, me_cfs_onset_date=date(1984, 1, 1)),
                                       JUDGED, today=TODAY), "me_cfs_onset_date", "before the participant's birth date")


# --- bad values already in a store ----------------------------------------------------------------------

def _write_bad_values(store, doctor, nurse, pid, aware_at="9999-12-30T12:00:00.000000Z"):
    """What an old version or a hand edit might have left: a sample time in year 981, a premedication time
    in year 981, an SAE the site 'became aware of' in year 9999, an onset date before birth."""
    serious = _ae(serious=True, sae_criteria=frozenset({"sae_hospitalisation"}))
    ae_id = vs.record_adverse_event(store, nurse, pid, serious, dose_code="D1")
    with store.acting(auth.actor(doctor), "test: values from an old version") as tx:
        tx.execute("UPDATE lab_samples SET sampled_at = '0981-01-01T00:00:00.000000Z' WHERE participant_id = ?", [pid])
        tx.execute("UPDATE premedications SET given_at = '0981-01-01T08:30:00.000000Z'")
        tx.execute("UPDATE adverse_events SET aware_at = ?, onset_date = '0981-01-01' WHERE id = ?", [aware_at, ae_id])
    return ae_id


def test_bad_values_in_the_store_never_break_reads_printouts_or_go_no_go(store, doctor, nurse, enrolled):  # noqa: F811
    prepare_d1(store, nurse, enrolled)
    ae_id = _write_bad_values(store, doctor, nurse, enrolled)
    status = vs.go_no_go(store, nurse, enrolled, "D1", now=D1_DAY)
    assert status.verdict == "no_go"  # a sample from year 981 is too old, premedication too long ago
    assert any(e.code == "lab_sample_old" for _, e in status.reasons)
    record = vs.visit_record(store, nurse, enrolled, "D1")
    assert record.labs and record.premedication
    assert vs.adverse_events(store, nurse, enrolled)
    clocks = vs.open_sae_clocks(store, nurse)
    assert [c.ae_id for c in clocks] == [ae_id] and clocks[0].remaining(local_now()) > timedelta(0)
    visit_history.administration_changes(store, nurse, enrolled, "D1")
    for language in ("en", "nb"):
        assert "0981" in flat(printing.visit_summary(store, nurse, enrolled, "D1", language=language))
        assert flat(printing.sae_report(store, nurse, ae_id, language=language))
        assert flat(printing.casebook(store, doctor, enrolled, language=language))


def test_the_last_moment_of_year_9999_in_a_store_breaks_neither_the_sae_clock_nor_the_history(store, doctor, nurse,
                                                                                              enrolled):  # noqa: F811
    """aware_at + 24 h and its Oslo time do not exist: the clock and the SAE report show the moment itself, words
    show it in UTC."""
    prepare_d1(store, nurse, enrolled)
    ae_id = _write_bad_values(store, doctor, nurse, enrolled, aware_at="9999-12-31T23:59:59.999999Z")
    clocks = vs.open_sae_clocks(store, nurse)
    assert [c.ae_id for c in clocks] == [ae_id] and clocks[0].due_at == clocks[0].aware_at
    with store.acting(vs.auth.actor(doctor), "test: a hand edit") as tx:  # not even a time
        tx.execute("UPDATE premedications SET given_at = 'kl. halv ni'")
    status = vs.go_no_go(store, nurse, enrolled, "D1", now=D1_DAY)
    assert status.verdict == "no_go" and any(e.code == "premed_missing" for _, e in status.reasons)
    assert vs.visit_record(store, nurse, enrolled, "D1").premedication == {}
    from trialdesk.services import formats

    assert formats.moment("9999-12-31T23:59:59.999999Z") == "31.12.9999 23:59 (UTC)"
    assert formats.moment("not a time") == "not a time" and formats.day("31.02.") == "31.02."
    assert "0981" in flat(printing.visit_summary(store, nurse, enrolled, "D1", language="nb"))
    assert flat(printing.casebook(store, doctor, enrolled, language="en"))
    for language in ("en", "nb"):
        assert "31.12.9999" in flat(printing.sae_report(store, nurse, ae_id, language=language))
