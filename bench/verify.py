"""Verify and backup at scale (issue 15, point 3; issue 14, points 1 and 2): ``trialdesk verify`` (integrity, foreign
keys, schema and triggers against the migrations, the audit chain, the replay of every audited table) and
``trialdesk backup`` (copy, verify the copy, head metadata) on a store built through the app's own services, each
against its bare baseline measured in the same run, in turns:

- verify — against ``PRAGMA integrity_check`` + ``PRAGMA foreign_key_check`` on the same file (a plain keyed
  sqlcipher3 connection);
- backup — against a bare sqlcipher3 ``Connection.backup`` of the same file into a new keyed file.

The store is built once and cached (``--cache``): N participants registered, consented, screened and signed as
eligible through the services; every second one also gets doses with pre-dose labs, premedication and
administrations, contacts and adverse events (the demo's own course). A password check is answered from memory in
the builder only (argon2 would take most of the build).

    python bench/verify.py [--participants 2000] [--runs 3] [--cache /tmp/trialdesk-bench-verify]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ["PYTHON_KEYRING_BACKEND"] = "bench_keyring.FileKeyring"

from _common import paired_median_ms, report

import trialdesk.db.driver  # noqa: F401 - the SQLCipher driver loaded before anything is timed

PASSWORD = "Bench-passord-2026"


def _fast_passwords() -> None:
    """Builder only: a password check answered from memory (argon2 costs ~100 ms per signature)."""
    from trialdesk.services import auth

    known: dict[tuple[str, str], bool] = {}
    real = auth._check_password

    def check(stored, password):
        hit = known.get((stored, password))
        if hit is None:
            hit = known[(stored, password)] = real(stored, password)
        return hit

    auth._check_password = check


def build(folder: Path, participants: int) -> None:
    """A store of ``participants`` synthetic participants, every write through the services."""
    from trialdesk.domain.people import Role
    from trialdesk.services import auth, demo, screening, workstation
    from trialdesk.services import participants as participant_service

    _fast_passwords()
    today = date(2026, 11, 2)
    sheet = folder.parent / f"bench-recovery-{participants}.pdf"
    sheet.unlink(missing_ok=True)
    setup = workstation.setup_workstation(folder, site_code="H", site_name="Haukeland (BENCH)",
                                          admin_username="admin", admin_full_name="Bench Admin",
                                          admin_password=PASSWORD, recovery_sheet=sheet,
                                          training=True)
    store = setup.store
    doctor = auth.create_user(store, setup.admin, username="doctor", full_name="Dina Doktor",
                              role=Role.INVESTIGATOR, password=PASSWORD, temporary=False)
    nurse = auth.create_user(store, setup.admin, username="nurse", full_name="Nils Nurse", role=Role.NURSE,
                             password=PASSWORD, temporary=False)
    base = screening.ScreeningEntry(
        canadian_criteria_met=True, severity="moderate", me_cfs_onset_date=date(2019, 3, 1),
        onset_trigger="infection", pregnancy_test="negative", nk_text="212", nk_unit="10^6/L",
        igg_text="9,4", igg_unit="g/L")
    kits = iter(range(100101, 10_000_000))
    start = time.perf_counter()
    from dataclasses import replace

    demo.DEMO_PASSWORD = PASSWORD  # the demo's helpers sign with it
    for n in range(participants):
        sex = "F" if n % 2 else "M"
        born = date(1964, 1, 1) + timedelta(days=n * 2 % (34 * 365))  # 28 to 62 years old, one a day
        identity = participant_service.Identity(f"Testperson {n}", demo.synthetic_id_number(born, sex, n // 6200),
                                                "+47 400 00 000", "Testlegekontoret (fiktivt)")
        pid = participant_service.register_candidate(
            store, nurse, sex=sex, birth_date=born, childbearing_potential=True if sex == "F" else None,
            identity=identity, today=today).participant_id
        weeks = (15, 45, 80, 20)[n % 4]
        day = today - timedelta(weeks=weeks)
        participant_service.record_consent(store, doctor, pid, form_version="1.0 (placeholder)", language="nb",
                                           participant_signed_on=day, investigator_signed_on=day, copy_given=True,
                                           today=today)
        screening.save_screening(store, doctor, pid, replace(base, screening_date=day), demo._JUDGED, today=day)
        screening.sign_eligibility(store, doctor, pid, username=doctor.username, password=PASSWORD, today=day)
        if n % 2 == 0:
            demo._give_doses(store, nurse, pid, sex, today, ("falling", "steady")[n % 4 // 2], kits)
            demo._record_contacts(store, doctor, nurse, pid, today)
            demo._report_adverse_events(store, nurse, pid, today, serious=False)
        if n % 100 == 99:
            rate = (n + 1) / (time.perf_counter() - start)
            print(f"  built {n + 1} participants ({rate:.1f}/s)", flush=True)
    store.close()


def cached_store(cache: Path, participants: int) -> Path:
    folder = cache / f"store-{participants}"
    if not (folder / "trialdesk.db").exists() or not (folder / "built").exists():
        shutil.rmtree(folder, ignore_errors=True)
        cache.mkdir(parents=True, exist_ok=True)
        print(f"building a store of {participants} participants in {folder} (once) …", flush=True)
        build(folder, participants)
        (folder / "built").write_text("ok")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "trialdesk-bench-verify"))
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()

    os.environ["TRIALDESK_BENCH_KEYS"] = str(Path(args.cache) / "keys.json")
    Path(args.cache).mkdir(parents=True, exist_ok=True)
    folder = cached_store(Path(args.cache), args.participants)
    if args.build_only:
        return
    from trialdesk.db.connection import _connect
    from trialdesk.services import workstation

    key = workstation.key_for(folder)
    db_path = folder / "trialdesk.db"
    print(f"store: {args.participants} participants, {db_path.stat().st_size / 1e6:.0f} MB")
    store = workstation.open_workstation(folder)
    try:
        rows = store.db.execute("SELECT count(*) FROM audit").fetchone()[0]
        print(f"audit rows: {rows}")

        def verify():
            report_ = workstation.verify(store)
            assert report_.ok, report_.lines()

        def bare_checks():
            conn = _connect(db_path, key)
            try:
                assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                conn.execute("PRAGMA foreign_key_check").fetchall()
            finally:
                conn.close()

        out = Path(tempfile.mkdtemp(prefix="bench-backup-"))
        counter = iter(range(1_000_000))

        def backup():
            workstation.make_backup(store, None, out / f"b{next(counter)}.db")

        def bare_backup():
            target = out / f"bare{next(counter)}.db"
            src = _connect(db_path, key)
            dst = _connect(target, key)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()

        print(f"{'what':<40} {'median':>12}   {'baseline':<28} {'median':>12}   ratio")
        value, base = paired_median_ms(verify, bare_checks, args.runs, warmup=0)
        report("trialdesk verify", value, base, "integrity + fk check", "<= 2x")
        value, base = paired_median_ms(backup, bare_backup, args.runs, warmup=0)
        report("trialdesk backup", value, base, "bare sqlcipher backup copy", "<= 2x")
        shutil.rmtree(out, ignore_errors=True)
    finally:
        store.close()


if __name__ == "__main__":
    main()
