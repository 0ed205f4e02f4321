"""The casebook's times are in the zone it says it uses (issue 13, point 6): Europe/Oslo, with the offset where
given — whatever the process's own zone, across both DST changes and around midnight.

A participant is screened and signed in the night of the spring change (00:47 UTC is 01:47 CET; 01:13 UTC is
03:13 CEST), dosed around midnight in summer (22:53 UTC on 19 June is 00:53 on 20 June in Oslo), and the casebook
is printed in the repeated hour of the autumn change (01:43 UTC on 25 October is 02:43 CET, the second 02:43).
Every moment on paper is then read back and must be a stored moment written in Oslo time: a time printed in UTC
(or in the process's zone) is an hour or two off and matches no stored moment. The moments are chosen so that no
stored moment's UTC wall time is another's Oslo wall time, which would hide such a slip.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import PASSWORD
from tests.printouts.test_documents import flat
from tests.services.test_screening import ELIGIBLE, JUDGED
from tests.services.test_visits import entries
from trialdesk.domain.people import Role
from trialdesk.services import participants as ps
from trialdesk.services import printing
from trialdesk.services import screening as sc
from trialdesk.services import visits as vs
from trialdesk.services.demo import synthetic_id_number

OSLO = ZoneInfo("Europe/Oslo")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


SCREENED = utc(2026, 3, 29, 0, 47)  # 01:47 (UTC+01:00): before the spring change at 01:00 UTC
SIGNED = utc(2026, 3, 29, 1, 13)  # 03:13 (UTC+02:00): after it
SAMPLED = utc(2026, 6, 19, 21, 37)  # 23:37 on 19 June in Oslo
PREMEDICATED = utc(2026, 6, 19, 22, 53)  # 00:53 on 20 June in Oslo, 22:53 on 19 June in UTC
STARTED = utc(2026, 6, 20, 0, 11)
AWARE = utc(2026, 6, 20, 0, 59)
PRINTED = utc(2026, 10, 25, 1, 43)  # 02:43 (UTC+01:00): the repeated hour of the autumn change

STAMP = re.compile(r"(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d)(?: \(UTC([+-])(\d\d):(\d\d)\))?")
BARE_TIME = re.compile(r"(?<![\d.:])(?<!\d{4} )(\d\d):(\d\d)(?![\d:])")
RECORD_TIME = re.compile(r"(\d{4}-\d\d-\d\d)\s(\d\d:\d\d:\d\d)\sUTC")
ISO_MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


def build(store, users, clock) -> str:
    doctor, nurse = users[Role.INVESTIGATOR], users[Role.NURSE]
    day = SCREENED.astimezone(OSLO).date()
    clock.set(SCREENED)
    born = date(1985, 4, 12)
    pid = ps.register_candidate(
        store, doctor, sex="F", birth_date=born, childbearing_potential=True, today=day,
        identity=ps.Identity("Testperson Alfa", synthetic_id_number(born, "F", 0), "+47 400 00 000", "Dr. Test"),
    ).participant_id
    ps.record_consent(store, doctor, pid, form_version="1.0", language="nb", participant_signed_on=day,
                      investigator_signed_on=day, copy_given=True, today=day)
    sc.save_screening(store, doctor, pid, replace(ELIGIBLE, screening_date=day), JUDGED, today=day)
    clock.set(SIGNED)
    sc.sign_eligibility(store, doctor, pid, username=doctor.username, password=PASSWORD,
                        today=SIGNED.astimezone(OSLO).date())
    # The visit opens on the day of the dose (20 June in Oslo), with the test of that day; the sample from the
    # evening before is entered after it.
    clock.set(utc(2026, 6, 19, 22, 58))
    vs.record_pregnancy_test(store, nurse, pid, "D1", "negative", day=PREMEDICATED.astimezone(OSLO).date())
    vs.record_blood_bank(store, nurse, pid, type_and_screen_on=date(2026, 6, 1), alert_card_on=date(2026, 6, 1))
    vs.record_pre_dose_labs(store, nurse, pid, "D1", sampled_at=SAMPLED, entries=entries(), read_back={"IGG", "NK"})
    for premed in sc.protocol().pre_dose.premedication:
        vs.record_premedication(store, nurse, pid, "D1", premed.code, PREMEDICATED)
    clock.set(utc(2026, 6, 20, 0, 23))
    vs.record_administration(store, nurse, pid, "D1", vs.Administration(
        kit_number="KIT-000123", injection_site="abdomen_left", started_at=STARTED,
        ended_at=STARTED + timedelta(minutes=6), lot="LOT-9", observation_until=STARTED + timedelta(minutes=78),
        vitals_before=vs.Vitals(122, 78, 66, 36.8), vitals_after=vs.Vitals(118, 76, 70, 36.9)))
    clock.set(utc(2026, 6, 20, 1, 7))
    vs.record_adverse_event(store, nurse, pid, vs.AdverseEventInput(
        verbatim="feber om natten", term="fever", onset_date=date(2026, 6, 20), grade=3, serious=True,
        causality="possible", action_taken="none", outcome="recovering",
        sae_criteria=frozenset({"sae_hospitalisation"}), aware_at=AWARE), dose_code="D1")
    return pid


def stored_moments(store) -> set[datetime]:
    """Every moment the store holds (any table, any column), to the minute."""
    found = set()
    for (table,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in store.db.execute(f'SELECT * FROM "{table}"').fetchall():
            for value in row:
                if isinstance(value, str) and ISO_MOMENT.match(value):
                    moment = datetime.fromisoformat(value)
                    if moment.tzinfo is None:
                        continue  # not a moment (a bare local value)
                    found.add(moment.astimezone(UTC).replace(second=0, microsecond=0))
    return found


def oslo_wall(moment: datetime) -> datetime:
    return moment.astimezone(OSLO).replace(tzinfo=None)


def utc_wall(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def instants(wall: datetime) -> set[datetime]:
    """The UTC moments an Oslo wall time can be (two in the autumn's repeated hour)."""
    return {wall.replace(tzinfo=OSLO, fold=fold).astimezone(UTC) for fold in (0, 1)}


@pytest.fixture(params=["UTC", "Pacific/Auckland"])
def process_zone(request, monkeypatch):
    """The process's own zone (TZ), which the printouts must not use."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_time_in_the_casebook_is_oslo_time_as_it_says(store, users, clock, process_zone, language):
    pid = build(store, users, clock)
    clock.set(PRINTED)
    text = flat(printing.casebook(store, users[Role.MONITOR], pid, language=language))
    stored = stored_moments(store) | {PRINTED}
    # A slip would be seen: no stored moment's UTC wall time is another one's Oslo wall time.
    assert not {utc_wall(m) for m in stored} & {oslo_wall(m) for m in stored}
    assert "Europe/Oslo" in text  # what the casebook says it uses

    seen = 0
    for match in STAMP.finditer(text):
        day, month, year, hour, minute, sign, off_h, off_m = match.groups()
        wall = datetime(int(year), int(month), int(day), int(hour), int(minute))
        if sign:  # "25.10.2026 02:43 (UTC+01:00)": that moment, and Oslo's offset at it
            offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (1 if sign == "+" else -1)
            moment = (wall - offset).replace(tzinfo=UTC)
            assert moment in stored, f"{match.group(0)} is no stored moment (UTC or another zone printed?)"
            assert moment.astimezone(OSLO).utcoffset() == offset, f"{match.group(0)}: not Oslo's offset then"
        else:  # "20.06.2026 00:53": Oslo wall time
            assert instants(wall) & stored, f"{match.group(0)} is no stored moment in Oslo time"
        seen += 1
    assert seen >= 20, text
    # Times without their date ("00:53") are Oslo's too; the e-signature's UTC record time says UTC.
    without_stamps = RECORD_TIME.sub("", STAMP.sub("", text))
    for match in BARE_TIME.finditer(without_stamps):
        hour, minute = int(match.group(1)), int(match.group(2))
        assert any((oslo_wall(m).hour, oslo_wall(m).minute) == (hour, minute) for m in stored), (
            f"{match.group(0)} is no stored moment's Oslo time: …{without_stamps[match.start() - 60:match.end() + 20]}…")
    # An e-signature keeps its UTC record time (§11.50), beside its time in Oslo, never instead of it.
    signatures = list(RECORD_TIME.finditer(text))
    assert signatures
    for match in signatures:
        moment = datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}").replace(tzinfo=UTC, second=0)
        assert moment in stored, match.group(0)
        local = moment.astimezone(OSLO)
        offset = local.strftime("%z")
        stamp = f"{local:%d.%m.%Y %H:%M} (UTC{offset[:3]}:{offset[3:]})"
        assert stamp in text[max(0, match.start() - 200):match.start()], (stamp, text[match.start() - 200:match.end()])

    # The moments themselves, on both sides of each change and of midnight.
    for expected in ("29.03.2026 01:47 (UTC+01:00)",  # screened (audit trail), before the spring change
                     "29.03.2026 03:13",  # the signature, after it
                     "20.06.2026 00:53",  # the premedication: the next day in Oslo
                     "19.06.2026 23:37",  # the sample
                     "20.06.2026 02:11 (UTC+02:00)",  # the injection started
                     "20.06.2026 02:59 (UTC+02:00)",  # aware of the SAE
                     "25.10.2026 02:43 (UTC+01:00)"):  # printed, in the repeated hour
        assert expected in text, expected
    for slip in ("19.06.2026 22:53", "20.06.2026 00:11", "29.03.2026 00:47", "29.03.2026 01:13",
                 "25.10.2026 01:43", "25.10.2026 02:43 (UTC+02:00)"):
        assert slip not in text, slip
