"""Builds the stores of bench/scale.py: N synthetic participants entered through the app's own services (issue 15,
point 1), once, cached under ``~/.cache/trialdesk-bench`` (or ``$TRIALDESK_BENCH_CACHE``).

Every participant goes through what a site records: registration with a (synthetic) identity, consent, screening
with signed eligibility, and for most of the enrolled ones dose visits (pre-dose labs, pregnancy test,
premedication, administration), contacts (calls, consultations with labs, end of study, long-term follow-ups),
adverse events and medications — the same service calls as ``services/demo.py``, whose helpers are reused. Stages
are spread over the participants so that the store looks like a large site master: candidates, screening in
progress, screen failures, enrolled in the baseline period, on treatment, in follow-up, completed.

Only the builder is made fast, never the app: the e-signature's password check (argon2, ~120 ms each) is answered
from memory after the first real check of each (hash, password) pair, and the builder's own connection writes with
``synchronous = OFF`` (a cache that can be rebuilt). The clock is pinned to :data:`BUILD_NOW` so that the stores,
their Today list and their ages are the same whenever they are built.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD_NOW = datetime(2026, 11, 2, 9, 0, tzinfo=__import__("zoneinfo").ZoneInfo("Europe/Oslo"))
PASSWORD = "Bench-passord-2026"
RECIPE = "1"


def cache_root() -> Path:
    return Path(os.environ.get("TRIALDESK_BENCH_CACHE") or Path.home() / ".cache" / "trialdesk-bench")


def builder_version() -> str:
    """The builder's recipe and the demo helpers it drives: a change to either builds the stores again (bump
    :data:`RECIPE` when the participants built change). A newer schema does not: a cached store is migrated when it
    is opened, as any site's store is."""
    digest = hashlib.sha256(RECIPE.encode())
    digest.update((ROOT / "trialdesk" / "services" / "demo.py").read_bytes())
    return digest.hexdigest()[:16]


def pin_clock(moment: datetime = BUILD_NOW):
    from trialdesk import clock

    return clock.use_clock(clock.FixedClock(moment))


def _fast_password_checks() -> None:
    """The builder's e-signatures: the first check of a (hash, password) pair is real, later ones from memory."""
    from trialdesk.services import auth

    real = auth._check_password
    known: dict[tuple[str | None, str], bool] = {}

    def remembered(stored, password):
        pair = (stored, password)
        if pair not in known:
            known[pair] = real(stored, password)
        return known[pair]

    auth._check_password = remembered


def stored(n: int) -> tuple[Path, bytes] | None:
    folder = cache_root() / f"store-{n}"
    facts = folder / "bench.json"
    if not facts.exists():
        return None
    info = json.loads(facts.read_text())
    if info.get("version") != builder_version() or info.get("participants") != n:
        return None
    return folder / "data", bytes.fromhex(info["key"])


def build(n: int, *, log=print) -> tuple[Path, bytes]:
    """The store of ``n`` participants (built now unless the cache holds one of this builder's version)."""
    found = stored(n)
    if found is not None:
        return found
    folder = cache_root() / f"store-{n}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    previous = pin_clock()
    try:
        key = _build(folder, n, log)
    finally:
        from trialdesk import clock

        clock.use_clock(previous)
    (folder / "bench.json").write_text(json.dumps({
        "version": builder_version(), "participants": n, "key": key.hex(), "built_now": BUILD_NOW.isoformat(),
        "seconds": round(time.perf_counter() - started, 1)}))
    return folder / "data", key


def _build(folder: Path, n: int, log) -> bytes:
    import keyring

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import MemoryKeyring  # the tests' in-memory keychain

    from trialdesk.clock import local_today
    from trialdesk.domain.people import Role
    from trialdesk.services import auth, demo, participants, screening, workstation

    _fast_password_checks()
    demo.DEMO_PASSWORD = PASSWORD  # the demo helpers sign with it
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    today = local_today()
    started = time.perf_counter()
    setup = workstation.setup_workstation(
        folder / "data", site_code="H", site_name="Haukeland (BENCH)", admin_username="admin",
        admin_full_name="Bench Administrator", admin_password=PASSWORD, recovery_sheet=folder / "sheet.pdf",
        training=True)
    store = setup.store
    [secret] = backend.secrets.values()
    store.db.conn.execute("PRAGMA synchronous = OFF")  # the builder's connection only: a rebuildable cache
    try:
        doctor = auth.create_user(store, setup.admin, username="doctor", full_name="Bench Doctor",
                                  role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)
        nurse = auth.create_user(store, setup.admin, username="nurse", full_name="Bench Nurse", role=Role.NURSE,
                                 password=PASSWORD, temporary=False)
        auth.create_user(store, setup.admin, username="monitor", full_name="Bench Monitor", role=Role.MONITOR,
                         password=PASSWORD, temporary=False)
        base = screening.ScreeningEntry(
            canadian_criteria_met=True, severity="moderate", me_cfs_onset_date=today - timedelta(days=6 * 365),
            onset_trigger="infection", pregnancy_test="negative", nk_text="212", nk_unit="10^6/L",
            igg_text="9,4", igg_unit="g/L")
        numbers: dict[tuple[date, str], int] = {}
        kits = iter(range(100001, 10_000_000))

        def new(i: int, sex: str) -> str:
            born = today - timedelta(days=365 * 20 + (i * 37) % (365 * 44))
            nth = numbers.get((born, sex), 0)
            numbers[(born, sex)] = nth + 1
            identity = participants.Identity(f"Testperson {i:05d}", demo.synthetic_id_number(born, sex, nth),
                                             "+47 400 00 000", "Testlegekontoret (fiktivt)")
            return participants.register_candidate(
                store, nurse, sex=sex, birth_date=born, childbearing_potential=True if sex == "F" else None,
                identity=identity, today=today).participant_id

        def screen(pid: str, day: date, entry=base, sign: bool = True) -> None:
            participants.record_consent(store, doctor, pid, form_version="1.0 (placeholder)", language="nb",
                                        participant_signed_on=day, investigator_signed_on=day, copy_given=True,
                                        today=today)
            screening.save_screening(store, doctor, pid, replace(entry, screening_date=day), demo._JUDGED, today=day)
            if sign:
                screening.sign_eligibility(store, doctor, pid, username=doctor.username, password=PASSWORD,
                                           today=day)

        for i in range(n):
            sex = "F" if i % 3 else "M"
            stage = i % 10
            pid = new(i, sex)
            if stage == 0:
                continue  # a candidate
            if stage == 1:  # screening in progress
                participants.record_consent(store, doctor, pid, form_version="1.0 (placeholder)", language="nb",
                                            participant_signed_on=today - timedelta(days=2),
                                            investigator_signed_on=today - timedelta(days=2), copy_given=True,
                                            today=today)
                screening.save_screening(store, nurse, pid, replace(base, screening_date=today, nk_text=None,
                                                                    igg_text=None), today=today)
                continue
            if stage == 2:  # a screen failure
                screen(pid, today - timedelta(days=7 + i % 300), replace(base, igg_text="4,6"))
                continue
            if stage == 3:  # enrolled, in the baseline period (in a small store, the first one is due for D1)
                screen(pid, today - timedelta(days=83 if n < 100 and i == 3 else i % 84))
                continue
            weeks = 13 + (i * 7) % 95  # 13 to 107 weeks since screening: on treatment, follow-up, completed
            screen(pid, today - timedelta(weeks=weeks))
            demo._give_doses(store, nurse, pid, sex, today, "falling" if i % 2 else "steady", kits)
            demo._record_contacts(store, doctor, nurse, pid, today, missed=("PH2",) if i % 17 == 0 else ())
            demo._report_adverse_events(store, nurse, pid, today, serious=(i % 97 == 0 and weeks < 30))
            if i % 4 == 0:
                demo._medications(store, doctor, nurse, pid, today)
            if i and i % 250 == 0:
                rate = (time.perf_counter() - started) / i
                log(f"  {n}: {i} participants, {rate * 1000:.0f} ms each, about {rate * (n - i):.0f} s left")
        store.log_event("BENCH_DATA_CREATED", auth.actor(setup.admin), detail={"participants": n})
    finally:
        store.close()
    return bytes.fromhex(secret)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    for size in [int(x) for x in (sys.argv[1] if len(sys.argv) > 1 else "500,2000,5000").split(",")]:
        t0 = time.perf_counter()
        path, _ = build(size)
        print(f"store of {size}: {path} ({time.perf_counter() - t0:.0f} s)")
